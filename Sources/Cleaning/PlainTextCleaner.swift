import GleanerCore

/// Cleans scraped plain-text news: finds the title, date, tags and byline at the top and
/// moves comment forms, related-article lists, cookie notices and other furniture into
/// `boilerplate`.
public struct PlainTextCleaner: Sendable {
    public var options: CleanOptions

    public init(options: CleanOptions = CleanOptions()) {
        self.options = options
    }

    /// Cleans one plain-text document.
    /// - Parameter text: The document text.
    /// - Returns: The body, metadata found in the header lines, and the boilerplate removed.
    public func clean(_ text: String) -> CleanedDocument {
        var document = CleanedDocument()
        var paragraphs = Self.paragraphs(of: text)
        let dateline = readHeader(&paragraphs, into: &document)
        var kinds = classify(paragraphs)
        for index in kinds.indices where kinds[index] == nil && paragraphs[index].utf8.count <= 300 {
            if !paragraphs[index].hasPrefix("|"), Self.tagLine(paragraphs[index]) != nil { kinds[index] = .metadata }
        }
        var inside = ArticleRun().choose(paragraphs, known: kinds)
        if options.includeComments {
            for index in kinds.indices where kinds[index] == .comments {
                kinds[index] = nil
                inside[index] = true
            }
        }
        guard let start = inside.firstIndex(of: true) else {
            // No prose to anchor an article: only the phrase rules apply.
            return finish(document, paragraphs: paragraphs, kinds: kinds, inside: kinds.map { $0 == nil }, start: 0)
        }
        if let dateline, dateline < inside.count { inside[dateline] = true }
        readLead(paragraphs, kinds: &kinds, inside: &inside, start: start, into: &document)
        return finish(document, paragraphs: paragraphs, kinds: kinds, inside: inside, start: start)
    }

    /// The body and boilerplate from each paragraph's kind and place.
    func finish(_ document: CleanedDocument, paragraphs: [String], kinds: [BoilerplateKind?], inside: [Bool], start: Int)
        -> CleanedDocument
    {
        var document = document
        var body: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if let kind = kinds[index] ?? (inside[index] ? nil : Self.outsideKind(paragraph, before: index < start)) {
                if kind == .metadata, document.tags.isEmpty, let tags = Self.tagLine(paragraph) { document.tags = tags }
                document.boilerplate.append(BoilerplateBlock(kind: kind.rawValue, text: paragraph))
            } else {
                body.append(paragraph)
            }
        }
        document.text = body.joined(separator: "\n\n")
        return document
    }

    /// Metadata printed just above the article's run (or in its first lines): the byline,
    /// and the headline when the header gave none.
    func readLead(
        _ paragraphs: [String], kinds: inout [BoilerplateKind?], inside: inout [Bool], start: Int,
        into document: inout CleanedDocument
    ) {
        let lead = max(0, start - 3)..<min(paragraphs.count, start + 2)
        if document.byline == nil,
            let index = lead.first(where: { kinds[$0] == nil && Self.bylineLine(paragraphs[$0]) != nil })
        {
            document.byline = Self.bylineLine(paragraphs[index])
            kinds[index] = .metadata
        }
        // The headline: the run's first line when it reads as one, else the last title-like line above it.
        if document.title == nil,
            let index = stride(from: start, through: max(0, start - 3), by: -1).first(where: {
                kinds[$0] == nil && Self.isTitleLike(paragraphs[$0]) && paragraphs[$0].wordCount >= 3
                    && Self.dateLine(paragraphs[$0]) == nil
                    && ($0 < start ? !inside[$0] : paragraphs[$0].wordCount <= 20 && start + 1 < paragraphs.count && inside[start + 1])
            })
        {
            document.title = paragraphs[index]
            kinds[index] = .header
        }
    }

    /// The kind of a paragraph outside the article's run: a tag line is metadata, a few
    /// words are navigation, a list of headlines is related links, else the page's header or footer.
    static func outsideKind(_ paragraph: String, before: Bool) -> BoilerplateKind {
        if tagLine(paragraph) != nil, !paragraph.hasPrefix("|") { return .metadata }
        if paragraph.wordCount <= 4 { return .navigation }
        if BoilerplateRules.isHeadlineLike(paragraph) { return .related }
        return before ? .header : .footer
    }

    /// Splits text into paragraphs: blank lines separate them, and so do line breaks after
    /// a sentence or a short line; hard-wrapped lines inside a paragraph are joined.
    static func paragraphs(of text: String) -> [String] {
        var result: [String] = []
        var block: [String] = []
        func flush() {
            guard !block.isEmpty else { return }
            let widest = block.map(\.count).max() ?? 0
            var current = ""
            for line in block {
                if !current.isEmpty {
                    let wrapped = !current.endsWithSentencePunctuation && current.count >= max(30, widest * 6 / 10)
                        && block.count > 1 && !line.hasPrefix("|") && !line.hasPrefix("-") && !line.hasPrefix("*")
                    if wrapped {
                        current += " " + line
                        continue
                    }
                    result.append(current)
                }
                current = line
            }
            if !current.isEmpty { result.append(current) }
            block.removeAll()
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).collapsingWhitespace()
            if line.isEmpty {
                flush()
            } else {
                block.append(line)
            }
        }
        flush()
        return result
    }

    /// Reads title, date, tag and byline lines from the first few paragraphs.
    /// - Returns: The index of the dateline, which stays in the body, if there is one.
    @discardableResult
    func readHeader(_ paragraphs: inout [String], into document: inout CleanedDocument) -> Int? {
        var dateline: Int?
        var index = 0
        var examined = 0
        while index < paragraphs.count, examined < 6 {
            examined += 1
            let line = paragraphs[index]
            if line.utf8.count > 200 { break }
            if document.tags.isEmpty, let tags = Self.tagLine(line) {
                document.tags = tags
                paragraphs.remove(at: index)
                continue
            }
            if document.published == nil, let date = Self.dateLine(line) {
                // The dateline stays in the body: it is part of the article as printed.
                document.published = date
                dateline = index
                index += 1
                continue
            }
            if document.byline == nil, let byline = Self.bylineLine(line) {
                document.byline = byline
                paragraphs.remove(at: index)
                continue
            }
            if document.title == nil, index <= 1, Self.isTitleLike(line), paragraphs.count > 1 {
                document.title = line
                paragraphs.remove(at: index)
                continue
            }
            index += 1
        }
        return dateline
    }

    /// Assigns a boilerplate kind (or `nil` for body) to each paragraph.
    /// - Parameters:
    ///   - protected: Paragraphs never classified (table rows, code), when given.
    ///   - commentsRunToEnd: Whether a comment heading in the second half makes the rest comments,
    ///     as in scraped text; HTML marks its comment sections itself.
    func classify(_ paragraphs: [String], protected: [Bool] = [], commentsRunToEnd: Bool = true) -> [BoilerplateKind?] {
        var kinds = [BoilerplateKind?](repeating: nil, count: paragraphs.count)
        var index = 0
        var inComments = false
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            if !protected.isEmpty, protected[index] {
                index += 1
                continue
            }
            if inComments {
                kinds[index] = .comments
                index += 1
                continue
            }
            if let heading = BoilerplateRules.sectionHeading(paragraph) {
                kinds[index] = heading
                index += 1
                if heading == .comments {
                    // A comment section runs to the end when it starts in the second half.
                    if commentsRunToEnd, index * 2 >= paragraphs.count { inComments = true }
                    continue
                }
                while index < paragraphs.count, protected.isEmpty || !protected[index],
                    BoilerplateRules.paragraphKind(paragraphs[index]) == nil,
                    BoilerplateRules.sectionHeading(paragraphs[index]) == nil,
                    BoilerplateRules.isHeadlineLike(paragraphs[index])
                {
                    kinds[index] = .related
                    index += 1
                }
                continue
            }
            if let kind = BoilerplateRules.paragraphKind(paragraph) {
                kinds[index] = kind
                if kind == .comments, commentsRunToEnd, (index + 1) * 2 >= paragraphs.count,
                    paragraph.matchKey.hasPrefix("leave a") || paragraph.matchKey.hasPrefix("post a")
                {
                    inComments = true
                }
            }
            index += 1
        }
        return kinds
    }

    /// "| News, Azerbaijan", "Tags: a, b", "Filed under: a | b" → the tags.
    static func tagLine(_ line: String) -> [String]? {
        var body: Substring
        let key = line.lowercased()
        if line.hasPrefix("|") {
            body = Substring(line).dropFirst()
        } else if let prefix = ["tags:", "tagged:", "filed under:", "categories:", "category:", "topics:", "keywords:"]
            .first(where: { key.hasPrefix($0) })
        {
            body = Substring(line).dropFirst(prefix.count)
        } else {
            return nil
        }
        let tags = body.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == ";" || $0 == "/" || $0 == "•" })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty && $0.count <= 60 }
        return tags.isEmpty ? nil : tags.uniqued()
    }

    /// A short line that is a date, optionally with "Published", a weekday or a time → ISO date.
    static func dateLine(_ line: String) -> String? {
        guard line.utf8.count <= 80, let stamp = DateParser.parse(line) else { return nil }
        let filler: Set<String> = [
            "published", "posted", "updated", "on", "at", "date", "last", "modified", "am", "pm", "a", "m", "p",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "utc", "gmt", "est", "edt",
            "pst", "pdt", "cet", "cest", "bst", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "of", "th", "st",
            "nd", "rd", "stand", "aktualisiert", "veröffentlicht", "zuletzt", "am", "um", "uhr", "publié", "le", "mis",
            "à", "jour", "publicado", "actualizado", "el", "pubblicato", "il", "gepubliceerd", "op", "asked", "answered",
            "edited",
        ]
        let words = DateTokens(line).words.filter { word in
            !(filler.contains(word) || DateParser.monthNumber(word) != nil || word.first?.isNumber == true)
        }
        return words.count <= 1 ? stamp.iso : nil
    }

    /// "By Jane Doe" (short) → "Jane Doe".
    static func bylineLine(_ line: String) -> String? {
        guard line.utf8.count <= 80 else { return nil }
        let key = line.lowercased()
        for prefix in ["by ", "written by ", "author: ", "words by ", "von ", "par ", "por "] where key.hasPrefix(prefix) {
            var name = String(line.dropFirst(prefix.count)).trimmingWhitespace()
            // "von Anna Berger · 18. Oktober 2019": the name ends at a separator.
            if let cut = name.firstIndex(where: { "·|•,–".contains($0) }) {
                name = String(name[..<cut]).trimmingWhitespace()
            }
            let strict = prefix.count == 4  // "von", "par", "por" also start sentences
            guard let first = name.first, first.isUppercase, name.wordCount <= (strict ? 4 : 8),
                !strict || !name.endsWithSentencePunctuation && name.wordCount >= 2 && name.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true })
            else { return nil }
            return name
        }
        return nil
    }

    /// A title is a short first line that does not end like a sentence.
    static func isTitleLike(_ line: String) -> Bool {
        let words = line.wordCount
        guard words >= 2, words <= 30, line.utf8.count <= 200 else { return false }
        if line.hasSuffix(".") || line.hasSuffix(",") || line.hasSuffix(":") || line.hasSuffix(";") { return false }
        if BoilerplateRules.paragraphKind(line) != nil || BoilerplateRules.sectionHeading(line) != nil { return false }
        return line.first.map { $0.isUppercase || $0.isNumber || $0 == "\"" || $0 == "\u{201C}" || $0 == "'" } ?? false
    }
}
