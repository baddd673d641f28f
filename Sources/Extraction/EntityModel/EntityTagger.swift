/// Tags a document's tokens with the entity model, one sentence (or line) at a
/// time, and turns the labels into token spans.
struct EntityTagger {
    let model: EntityModel
    let features: EntityFeatures

    /// The sentences of a token list: a new one at each sentence start and line break.
    static func segments(_ tokens: [EntityToken]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        for index in tokens.indices where index > start && (tokens[index].lineBreakBefore || tokens[index].sentenceInitial) {
            segments.append(start..<index)
            start = index
        }
        if start < tokens.count { segments.append(start..<tokens.count) }
        return segments
    }

    /// The label of every token.
    func labels(_ tokens: [EntityToken], _ text: AnalyzedText) -> [Int] {
        let hashed = features.extract(tokens, text, mask: model.mask)
        var labels: [Int] = []
        labels.reserveCapacity(tokens.count)
        for segment in EntityTagger.segments(tokens) { labels.append(contentsOf: model.decode(hashed, segment)) }
        return labels
    }

    /// The spans a label sequence gives: kind index (see ``EntityLabel/mentionKinds``) and token range.
    static func spans(_ labels: [Int]) -> [(kind: Int, tokens: Range<Int>)] {
        var spans: [(kind: Int, tokens: Range<Int>)] = []
        var index = 0
        while index < labels.count {
            let label = labels[index]
            guard label != EntityLabel.outside else {
                index += 1
                continue
            }
            let kind = EntityLabel.kind(label)
            var end = index + 1
            while end < labels.count, labels[end] == EntityLabel.inside(kind) { end += 1 }
            spans.append((kind, index..<end))
            index = end
        }
        return spans
    }
}
