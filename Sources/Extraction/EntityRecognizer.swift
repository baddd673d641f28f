public import GleanerCore

/// Finds people, organisations and places together, so one kind's evidence
/// settles another's ambiguity: a place inside an organisation's name ("Jewish
/// Agency for Israel") belongs to the organisation, a given name before a
/// surname ("Jordan Peterson") makes a person, not a place.
///
/// The text is tokenised once; the place gazetteer is a phrase dictionary
/// walked token by token; organisations and people come from capitalised
/// runs of words and their cues (head words, titles, given names).
public struct EntityRecognizer: Recognizer {
    public let kinds: Set<MentionKind>
    let gazetteer: Gazetteer

    /// - Parameter kinds: the entity kinds to report (any of person, organization, place).
    public init(kinds: Set<MentionKind> = [.person, .organization, .place]) {
        self.init(kinds: kinds, gazetteer: .shared)
    }

    init(kinds: Set<MentionKind>, gazetteer: Gazetteer) {
        self.kinds = kinds.intersection([.person, .organization, .place])
        self.gazetteer = gazetteer
    }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        guard !kinds.isEmpty else { return [] }
        var scan = EntityScan(text: text, gazetteer: gazetteer)
        scan.findOrganizations()
        scan.findPeople()
        scan.propagateAliases()
        scan.findPlaces()
        var found: [(kind: MentionKind, start: Int, end: Int)] = scan.partSpans
        for span in scan.spans { found.append((span.kind, scan.tokens[span.first].start, scan.tokens[span.end - 1].end)) }
        found.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return found.compactMap { kinds.contains($0.kind) ? text.mention($0.kind, $0.start, $0.end) : nil }
    }
}

/// The entity recognisers to register with the extract stage.
public enum EntityRecognizers {
    /// People, organisations and places, found together by one ``EntityRecognizer``.
    public static let all: [any Recognizer] = [EntityRecognizer()]
}

/// A found entity over tokens `first..<end`.
struct EntitySpan: Sendable {
    var kind: MentionKind
    var first: Int
    var end: Int
}

/// The state of one document's entity scan: tokens, capitalised runs and the
/// spans found so far, with a token-level owner map so kinds never overlap.
struct EntityScan {
    let text: AnalyzedText
    let gazetteer: Gazetteer
    let tokens: [EntityToken]
    /// Maximal runs of capitalised words (with lower-case connectors between them), as token ranges.
    let runs: [Range<Int>]
    /// Found spans, any order.
    var spans: [EntitySpan] = []
    /// For each token, the index in `spans` that owns it, or -1.
    var owner: [Int]
    /// Names defined in the document, by kind ("Sochnut", "Lieberman"); later bare uses join them.
    var aliases: [String: MentionKind] = [:]
    /// Mentions inside one token, as scalar offsets ("Israel" in "Israel-Azerbaijan").
    var partSpans: [(MentionKind, Int, Int)] = []

    init(text: AnalyzedText, gazetteer: Gazetteer) {
        self.text = text
        self.gazetteer = gazetteer
        let tokens = EntityTokenizer.tokens(text)
        self.tokens = tokens
        self.owner = Array(repeating: -1, count: tokens.count)
        self.runs = EntityScan.capitalizedRuns(tokens)
    }

    /// A word that can be part of a name: capitalised or a digit-bearing word like "G7".
    static func isNameWord(_ token: EntityToken) -> Bool {
        token.isWord && (token.isCapitalized || (token.hasDigit && token.isAllCaps))
    }

    static func capitalizedRuns(_ tokens: [EntityToken]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            guard isNameWord(tokens[index]) else {
                index += 1
                continue
            }
            let start = index
            var end = index + 1
            var probe = end
            while probe < tokens.count {
                let token = tokens[probe]
                if token.lineBreakBefore { break }
                if isNameWord(token), !token.sentenceInitial || probe == start {
                    probe += 1
                    end = probe
                    continue
                }
                // Lower-case connectors join capitalised words: "Ministry of Foreign Affairs", "von der Leyen",
                // but not a name and a day ("the Senate on Tuesday").
                if token.isWord, !token.isCapitalized,
                    EntityLexicon.nameConnectors.contains(token.lower) || EntityLexicon.nameParticles.contains(token.lower),
                    probe + 1 >= tokens.count || !EntityLexicon.calendarWords.contains(tokens[probe + 1].lower)
                {
                    probe += 1
                    continue
                }
                // A middle initial: "Donald J. Trump".
                if token.lower == ".", probe + 1 < tokens.count, isNameWord(tokens[probe + 1]),
                    tokens[probe - 1].isWord, tokens[probe - 1].end - tokens[probe - 1].start == 1,
                    tokens[probe - 1].isCapitalized, probe - 1 > start
                {
                    probe += 1
                    continue
                }
                if token.lower == "&", probe + 1 < tokens.count, isNameWord(tokens[probe + 1]) {
                    probe += 1
                    continue
                }
                break
            }
            runs.append(start..<end)
            index = max(end, start + 1)
        }
        return runs
    }

    /// Whether every token in `first..<end` is free.
    func isFree(_ first: Int, _ end: Int) -> Bool {
        guard first >= 0, end <= tokens.count, first < end else { return false }
        for index in first..<end where owner[index] != -1 { return false }
        return true
    }

    /// Records a span when its tokens are free; returns whether it was added.
    @discardableResult
    mutating func add(_ kind: MentionKind, _ first: Int, _ end: Int) -> Bool {
        guard isFree(first, end) else { return false }
        spans.append(EntitySpan(kind: kind, first: first, end: end))
        for index in first..<end { owner[index] = spans.count - 1 }
        return true
    }

    /// The exact text of token `index`.
    func surface(_ index: Int) -> String { text.string(tokens[index].start, tokens[index].end) }

    /// The exact text of tokens `first..<end`.
    func surface(_ first: Int, _ end: Int) -> String { text.string(tokens[first].start, tokens[end - 1].end) }

    /// The lower-cased word before token `index`, skipping "the"; nil at a sentence or line start.
    func wordBefore(_ index: Int, skippingThe: Bool = true) -> EntityToken? {
        var probe = index - 1
        while probe >= 0 {
            let token = tokens[probe]
            if tokens[probe + 1].lineBreakBefore { return nil }
            if token.isWord {
                if skippingThe, token.lower == "the" || token.lower == "a" || token.lower == "an" {
                    probe -= 1
                    continue
                }
                return token
            }
            return nil
        }
        return nil
    }
}

extension EntityScan {
    /// Marks later bare uses of names the document defined: a person's surname
    /// ("Lieberman" after "Avigdor Lieberman"), an organisation's short name
    /// given in parentheses ("Sochnut").
    mutating func propagateAliases() {
        guard !aliases.isEmpty else { return }
        var trie = PhraseTrie()
        let kinds = Array(aliases.keys.sorted())
        for (index, name) in kinds.enumerated() { trie.insert(name, value: index) }
        var index = 0
        while index < tokens.count {
            guard owner[index] == -1, EntityScan.isNameWord(tokens[index]),
                let match = trie.longestMatch(tokens, from: index, text: text), isFree(index, match.end),
                let kind = aliases[kinds[match.values[0]]]
            else {
                index += 1
                continue
            }
            add(kind, index, match.end)
            index = match.end
        }
    }
}
