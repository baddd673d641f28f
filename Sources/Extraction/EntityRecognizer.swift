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
    /// The learned tagger's weights; nil runs the hand rules alone.
    let model: EntityModel?

    /// - Parameter kinds: the entity kinds to report (any of person, organization, place).
    public init(kinds: Set<MentionKind> = [.person, .organization, .place]) {
        self.init(kinds: kinds, gazetteer: .shared, model: EntityModel.shipped)
    }

    init(kinds: Set<MentionKind>, gazetteer: Gazetteer, model: EntityModel? = nil) {
        self.kinds = kinds.intersection([.person, .organization, .place])
        self.gazetteer = gazetteer
        self.model = model
    }

    /// The learned tagger's spans, with the hand rules where they know better: organisations
    /// whose name has an "of"/"for" tail ("Ministry of Diaspora Affairs", "Jewish Agency for
    /// Israel") and the place nested in them, short names defined in parentheses ("(Sochnut)")
    /// and their later uses, "Sheikh" before a one-word name; then one kind per name in the document.
    private func learnedMentions(in text: AnalyzedText, model: EntityModel) -> [Mention] {
        var scan = EntityScan(text: text, gazetteer: gazetteer)
        let tagger = EntityTagger(model: model, features: EntityFeatures(gazetteer: gazetteer))
        let learned = EntityTagger.spans(tagger.labels(scan.tokens, text))
        scan.findOrganizations()
        // A rule organisation with an "of"/"for" tail wins where the model found its start and cut it short:
        // every model span it overlaps lies inside it, one of them an organisation at its first word,
        // and the tail does not follow a company's suffix ("Kia Motor Corp of South Korea" is two names).
        let ruled = scan.spans.filter { span in
            guard span.kind == .organization, span.end - span.first >= 3 else { return false }
            let tail = (span.first + 1..<span.end - 1).filter { ["of", "for"].contains(scan.tokens[$0].lower) }
            guard let joint = tail.first, !EntityLexicon.companySuffixes.contains(scan.tokens[joint - 1].lower) else {
                return false
            }
            let overlapping = learned.filter { $0.tokens.overlaps(span.first..<span.end) }
            return overlapping.allSatisfy { $0.tokens.lowerBound >= span.first && $0.tokens.upperBound <= span.end }
                && overlapping.contains { $0.kind == 1 && $0.tokens.lowerBound == span.first }
        }
        let ruleSpans = scan.spans.filter { $0.kind == .organization }.map { $0.first..<$0.end }
        scan.spans = []
        scan.owner = Array(repeating: -1, count: scan.tokens.count)
        scan.aliases = [:]
        for span in ruled { scan.add(.organization, span.first, span.end) }
        for span in learned {
            guard var kind = EntityLabel.mentionKinds[span.kind] else { continue }
            var first = span.tokens.lowerBound
            var end = span.tokens.upperBound
            // Names begin and end with words or ASCII punctuation ("Corp.", "(V)"): "Kraków", not "Kraków 😀".
            while first < end, scan.isSymbol(first) { first += 1 }
            while end > first, scan.isSymbol(end - 1) { end -= 1 }
            guard first < end else { continue }
            // Currencies and other capitals that name no one ("200 USD", "the CEO").
            if end - first == 1, kind != .place, EntityLexicon.nonOrganizationCaps.contains(scan.surface(first)) { continue }
            if kind == .organization, let parts = scan.conjoinedOrganizations(first, end, rules: ruleSpans) {
                for part in parts { scan.add(.organization, part.lowerBound, part.upperBound) }
                continue
            }
            if kind != .place, scan.isPlaceAfterLocative(first, end) { kind = .place }
            // "Sheikh Hasina": the title is how the one-word name is written.
            if kind == .person, span.tokens.count == 1, first > 0, scan.tokens[first - 1].lower == "sheikh",
                scan.tokens[first - 1].isCapitalized
            {
                first -= 1
            }
            if scan.add(kind, first, end), kind == .organization {
                scan.definedInParentheses(after: end, kind: .organization)
            }
        }
        for span in ruled { scan.definedInParentheses(after: span.end, kind: .organization) }
        scan.knownAcronyms()
        scan.hyphenatedPlaces()
        scan.clubsNamedAfterCities()
        scan.placesNamedInOrganizations()
        scan.propagateAliases()
        scan.unifyKinds()
        return mentions(of: scan)
    }

    /// The scan's spans as mentions of the requested kinds, in text order.
    private func mentions(of scan: EntityScan) -> [Mention] {
        var found: [(kind: MentionKind, start: Int, end: Int)] = scan.partSpans
        for span in scan.spans { found.append((span.kind, scan.tokens[span.first].start, scan.tokens[span.end - 1].end)) }
        found.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return found.compactMap { kinds.contains($0.kind) ? scan.text.mention($0.kind, $0.start, $0.end) : nil }
    }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        guard !kinds.isEmpty else { return [] }
        if let model { return learnedMentions(in: text, model: model) }
        var scan = EntityScan(text: text, gazetteer: gazetteer)
        scan.findOrganizations()
        scan.findPeople()
        scan.propagateAliases()
        scan.findPlaces()
        return mentions(of: scan)
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

extension EntityScan {
    /// One kind per name in a document: a name tagged with several kinds takes the kind most of its
    /// mentions have (a tie leaves them as they are).
    mutating func unifyKinds() {
        guard spans.count > 1 else { return }
        var votes: [String: [MentionKind: Int]] = [:]
        let names = spans.map { surface($0.first, $0.end) }
        for (span, name) in zip(spans, names) { votes[name, default: [:]][span.kind, default: 0] += 1 }
        for index in spans.indices {
            guard let counts = votes[names[index]], counts.count > 1 else { continue }
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            if ranked[0].value > ranked[1].value { spans[index].kind = ranked[0].key }
        }
    }
}

extension EntityScan {
    /// Well-known organisation acronyms the model left untagged ("the WHO"), outside lines of capitals.
    mutating func knownAcronyms() {
        for index in tokens.indices where owner[index] == -1 && tokens[index].isAllCaps {
            guard EntityLexicon.organizationAcronyms.contains(surface(index)), !isShouting(around: index) else { continue }
            add(.organization, index, index + 1)
        }
    }

    /// A city's name that plays, scores or signs is its club ("Leeds beat Everton", "Fulham signed a
    /// midfielder"); countries keep their reading (national teams are places).
    mutating func clubsNamedAfterCities() {
        for index in spans.indices where spans[index].kind == .place {
            let span = spans[index]
            let after = span.end < tokens.count ? tokens[span.end].lower : ""
            let before = span.first > 0 ? tokens[span.first - 1].lower : ""
            guard EntityLexicon.sportsVerbs.contains(after) || EntityLexicon.sportsVerbs.contains(before) else { continue }
            guard let match = gazetteer.trie.longestMatch(tokens, from: span.first, text: text), match.end == span.end,
                match.values.allSatisfy({ gazetteer.places.summary($0).type == .city })
            else { continue }
            spans[index].kind = .organization
        }
    }
}

extension EntityScan {
    /// "Elbit Systems and Israel Aerospace Industries": a model organisation that the rules read as
    /// two names joined by "and"/"&", each with its head word, is split into them.
    func conjoinedOrganizations(_ first: Int, _ end: Int, rules: [Range<Int>]) -> [Range<Int>]? {
        guard let joint = (first + 1..<end).first(where: { tokens[$0].lower == "and" || tokens[$0].lower == "&" }) else {
            return nil
        }
        let left = rules.first { $0.lowerBound == first && $0.upperBound == joint }
        let right = rules.first { $0.lowerBound > joint && $0.lowerBound <= joint + 2 && $0.upperBound == end }
        // "Futures and Options Exchange", "Post and Telecommunications Administration" stay one name.
        guard let left, let right, left.count >= 2, right.count >= 3 else { return nil }
        return [left, right]
    }

    /// A token that is neither a word nor ASCII punctuation (an emoji, a typographic quote).
    func isSymbol(_ index: Int) -> Bool {
        !tokens[index].isWord && !tokens[index].isPossessive && !tokens[index].lower.utf8.allSatisfy { $0 < 128 }
    }

    /// A one- or two-word name right after "in" that the gazetteer knows as a place ("in Kraków").
    func isPlaceAfterLocative(_ first: Int, _ end: Int) -> Bool {
        guard end - first <= 2, first > 0, tokens[first - 1].lower == "in", !tokens[first - 1].isCapitalized,
            let match = gazetteer.trie.longestMatch(tokens, from: first, text: text), match.end == end
        else { return false }
        return true
    }

    /// Both parts of "Azerbaijan-Israel" where the model tagged nothing (every part capitalised:
    /// not "London-based").
    mutating func hyphenatedPlaces() {
        for index in tokens.indices where owner[index] == -1 && tokens[index].isCapitalized && tokens[index].lower.utf8.contains(UInt8(ascii: "-")) {
            let parts = surface(index).split(separator: "-")
            guard parts.count >= 2, parts.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
            hyphenatedPlaces(index)
        }
    }
}
