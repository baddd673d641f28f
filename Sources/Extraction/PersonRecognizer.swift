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
        if token.isAllCaps, token.end - token.start > 1, !token.lower.contains(".") { return false }  // "H.W." is initials
        let lower = token.lower
        if EntityLexicon.demonyms.contains(lower) || EntityLexicon.personTitles.contains(lower) { return false }
        if EntityLexicon.organizationHeads.contains(lower) || EntityLexicon.placeWords.contains(lower) { return false }
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
            let before = run.lowerBound - 1
            if before > 0, tokens[before].lower == ".", tokens[before - 1].isCapitalized,
                EntityLexicon.abbreviatedHonorifics.contains(tokens[before - 1].lower)
            {
                titleEnd = run.lowerBound  // "Mr. Lieberman", "Dr. Fauci"
            } else if isTitle(before), !tokens[run.lowerBound].sentenceInitial {
                titleEnd = run.lowerBound  // "spokesman John Kirby"
            }
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
                    // "Emmanuel Macron and Giorgia Meloni": look for another name after this one.
                    while index < run.upperBound, owner[index] != -1 { index += 1 }
                    continue
                }
            }
            index += 1
        }
        // 3. Two or three name words marked by a verb or an apposition ("Maia Sandu accused");
        //    one word only by a speech verb, and not a word that starts sentences ("Analysts said").
        let first = firstNameWord(in: run)
        let words = run.upperBound - first
        guard words >= 1, words <= 3, (first..<run.upperBound).allSatisfy({ isNamePart($0) }) else { return }
        // Names found only by a verb must not contain a country or a large city ("Real Madrid signed").
        for index in first..<run.upperBound {
            if let match = gazetteer.trie.longestMatch(tokens, from: index, text: text),
                match.values.contains(where: { gazetteer.places.summary($0).type != .city || gazetteer.places.summary($0).population >= 100_000 })
            {
                return
            }
        }
        if words == 1 {
            // A lone capitalised word before "said" is as often a company ("Verizon said") as a person:
            // only known surnames count; other lone names join a person named in full elsewhere.
            let token = tokens[first]
            guard gazetteer.surnames.contains(token.lower), !gazetteer.englishWords.contains(token.lower) else { return }
            if hasPersonCue(after: run.upperBound, verbs: EntityLexicon.speechVerbs, apposition: false) {
                addName(from: first, limit: run.upperBound)
            }
        } else if hasPersonCue(after: run.upperBound, verbs: EntityLexicon.personVerbs) {
            addName(from: first, limit: run.upperBound)
        }
    }

    private func isParticle(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].isWord && !tokens[index].isCapitalized
            && EntityLexicon.nameParticles.contains(tokens[index].lower)
    }

    private func isGiven(_ index: Int) -> Bool { gazetteer.givenNames.contains(tokens[index].lower) }

    /// A given name that is also a place or a word ("Israel Katz" vs "Israel Opens"):
    /// the next word must be a known surname, or a cue must follow the name.
    private func acceptsGivenName(at index: Int, limit: Int) -> Bool {
        // Cities named like people ("Vladimir", "Florence") do not stop a name; countries and regions do.
        let isPlace = gazetteer.trie.longestMatch(tokens, from: index, text: text, limit: index + 1)?.values.contains {
            gazetteer.places.summary($0).type != .city
        } ?? false
        let isWord = tokens[index].sentenceInitial && gazetteer.englishWords.contains(tokens[index].lower)
        guard isPlace || isWord else { return true }
        if gazetteer.surnames.contains(tokens[index + 1].lower) { return true }
        return hasPersonCue(after: limit, verbs: EntityLexicon.personVerbs)
    }

    /// The first word of the run that can start a name (skips "The", "In" and other openers).
    private func firstNameWord(in run: Range<Int>) -> Int {
        var first = run.lowerBound
        while first < run.upperBound, EntityLexicon.sentenceStarters.contains(tokens[first].lower) { first += 1 }
        return first
    }

    /// A speech verb (", he said" aside) or an apposition (", the Minister ...", ", 45, a lawyer") after `end`.
    func hasPersonCue(after end: Int, verbs: Set<String> = EntityLexicon.speechVerbs, apposition: Bool = true) -> Bool {
        guard end < tokens.count else { return false }
        let next = tokens[end]
        if next.isWord, !next.isCapitalized, verbs.contains(next.lower) { return true }
        if apposition, next.lower == ",", end + 1 < tokens.count {
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
                // A middle initial: "Donald J. Trump".
                if words == 1 || words == 2, end + 2 < limit, tokens[end].end - tokens[end].start == 1,
                    tokens[end].isCapitalized, tokens[end + 1].lower == ".", isNamePart(end + 2)
                {
                    end += 2
                }
            } else if isParticle(end), end + 1 < limit, isNamePart(end + 1) || isParticle(end + 1) && end + 2 < limit && isNamePart(end + 2) {
                end += 1
            } else {
                break
            }
        }
        guard words >= 1, end > first else { return false }
        // A lone word after a title must not be a country or region ("President Georgia" is not a name).
        if words == 1, let match = gazetteer.trie.longestMatch(tokens, from: first, text: text), match.end >= end,
            match.values.contains(where: { gazetteer.places.summary($0).type != .city })
        {
            return false
        }
        guard add(.person, first, end) else { return false }
        aliases[surface(end - 1)] = .person
        if words >= 2 { aliases[surface(first, end)] = .person }
        return true
    }
}
