public import GleanerCore

/// People: capitalised names after a title ("President Shimon Peres", "Mr.
/// Lieberman", "spokesman John Kirby"), names that start with a known given
/// name ("Pnina Tamano-Shata"), and two- or three-word names that a speech
/// verb or an apposition marks ("Tamano-Shata said", "Avigdor Lieberman, the
/// Israeli Minister of Finance"). A later bare surname joins the person.
public struct PersonRecognizer: Recognizer {
    public var kinds: Set<MentionKind> { [.person] }
    public init() {}
    public func recognize(in text: AnalyzedText) -> [Mention] {
        EntityRecognizer(kinds: [.person]).recognize(in: text)
    }
}

extension EntityScan {
    mutating func findPeople() {
        for run in runs { personInRun(run) }
    }

    /// Whether token `index` can be part of a person's name.
    func isNamePart(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord, token.isCapitalized, !token.hasDigit, owner[index] == -1 else { return false }
        if token.isAllCaps, token.end - token.start > 1 { return false }
        let lower = token.lower
        if EntityLexicon.demonyms.contains(lower) || EntityLexicon.personTitles.contains(lower) { return false }
        if EntityLexicon.organizationHeads.contains(lower) { return false }
        return true
    }

    /// Whether `index` is a title cue ("President", "Mr", "spokesman"), with an optional dot after it.
    private func isTitle(_ index: Int) -> Bool {
        guard index >= 0, tokens[index].isWord else { return false }
        return EntityLexicon.personTitles.contains(tokens[index].lower)
    }

    private mutating func personInRun(_ run: Range<Int>) {
        // 1. A title inside the run or just before it: the name follows it.
        var titleEnd = -1
        for index in run where isTitle(index) { titleEnd = index + 1 }
        if titleEnd == -1 {
            var before = run.lowerBound - 1
            if before >= 0, tokens[before].lower == ".", before > 0, EntityLexicon.honorifics.contains(tokens[before - 1].lower) {
                before -= 1
            }
            if isTitle(before) { titleEnd = run.lowerBound }
        }
        if titleEnd >= 0 {
            var first = titleEnd
            if first < run.upperBound, tokens[first].lower == "." { first += 1 }
            if first < run.upperBound, isNamePart(first) {
                if addName(from: first, limit: run.upperBound) { return }
            } else if first < run.upperBound, OrganizationRules.isConnector(tokens[first]) {
                // "Minister of Finance Avigdor Lieberman": the name starts at a given name.
                if let given = (first..<run.upperBound).first(where: { isNamePart($0) && isGiven($0) }),
                    addName(from: given, limit: run.upperBound)
                {
                    return
                }
            }
        }
        // 2. A given name followed by more name words.
        var index = run.lowerBound
        while index < run.upperBound {
            if isNamePart(index), isGiven(index), index + 1 < run.upperBound, isNamePart(index + 1) || isParticle(index + 1) {
                if acceptsGivenName(at: index, limit: run.upperBound), addName(from: index, limit: run.upperBound) {
                    index = run.upperBound
                    continue
                }
            }
            index += 1
        }
        // 3. Two or three name words marked by a speech verb or an apposition.
        let first = firstNameWord(in: run)
        let words = run.upperBound - first
        guard words >= 2, words <= 3, (first..<run.upperBound).allSatisfy({ isNamePart($0) }) else { return }
        guard gazetteer.trie.longestMatch(tokens, from: first, text: text) == nil else { return }
        if hasPersonCue(after: run.upperBound) { addName(from: first, limit: run.upperBound) }
    }

    private func isParticle(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].isWord && !tokens[index].isCapitalized
            && EntityLexicon.nameParticles.contains(tokens[index].lower)
    }

    private func isGiven(_ index: Int) -> Bool { gazetteer.givenNames.contains(tokens[index].lower) }

    /// A given name that is also a place or a word ("Israel Katz" vs "Israel Opens"):
    /// the next word must be a known surname, or a cue must follow the name.
    private func acceptsGivenName(at index: Int, limit: Int) -> Bool {
        let isPlace = gazetteer.trie.longestMatch(tokens, from: index, text: text, limit: index + 1) != nil
        guard isPlace || tokens[index].sentenceInitial else { return true }
        if gazetteer.surnames.contains(tokens[index + 1].lower) { return true }
        return hasPersonCue(after: limit)
    }

    /// The first word of the run that can start a name (skips "The", "In" and other openers).
    private func firstNameWord(in run: Range<Int>) -> Int {
        var first = run.lowerBound
        while first < run.upperBound, EntityLexicon.sentenceStarters.contains(tokens[first].lower) { first += 1 }
        return first
    }

    /// A speech verb (", he said" aside) or an apposition (", the Minister ...", ", 45, a lawyer") after `end`.
    func hasPersonCue(after end: Int) -> Bool {
        guard end < tokens.count else { return false }
        let next = tokens[end]
        if next.isWord, EntityLexicon.speechVerbs.contains(next.lower) { return true }
        if next.lower == ",", end + 1 < tokens.count {
            var probe = end + 1
            if tokens[probe].hasDigit, probe + 1 < tokens.count, tokens[probe + 1].lower == "," { probe += 2 }
            var steps = 0
            while probe < tokens.count, steps < 5, tokens[probe].isWord {
                let lower = tokens[probe].lower
                if EntityLexicon.personTitles.contains(lower) || lower == "who" || EntityLexicon.speechVerbs.contains(lower) {
                    return true
                }
                probe += 1
                steps += 1
            }
        }
        return false
    }

    /// Adds the name that starts at `first`: name words and particles, at most four words, within `limit`.
    @discardableResult
    private mutating func addName(from first: Int, limit: Int) -> Bool {
        var end = first
        var words = 0
        while end < limit, words < 4 {
            if isNamePart(end) {
                words += 1
                end += 1
            } else if isParticle(end), end + 1 < limit, isNamePart(end + 1) {
                end += 1
            } else {
                break
            }
        }
        guard words >= 1, end > first else { return false }
        // A lone word after a title must not be a place ("President of Azerbaijan" is handled; "Minister Baku" is not a name).
        if words == 1, let match = gazetteer.trie.longestMatch(tokens, from: first, text: text), match.end >= end {
            return false
        }
        guard add(.person, first, end) else { return false }
        aliases[surface(end - 1)] = .person
        if words >= 2 { aliases[surface(first, end)] = .person }
        return true
    }
}
