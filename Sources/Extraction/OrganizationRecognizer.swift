public import GleanerCore

/// Organisations: capitalised runs that end in a head word ("Elbit Systems",
/// "World Jewish Committee") or start with one before "of"/"for" ("Ministry of
/// Diaspora Affairs", "Jewish Agency for Israel", "State Border Service of
/// Azerbaijan"); known names without a head ("United Nations"); acronyms
/// ("NATO"); and names defined in parentheses after a full name ("Jewish Agency
/// for Israel (Sochnut)", "Israel Aerospace Industries (IAI)").
enum OrganizationRules {
    /// Known organisation names, as a phrase dictionary.
    static let known: PhraseTrie = {
        var trie = PhraseTrie()
        for (index, name) in EntityLexicon.knownOrganizations.enumerated() { trie.insert(name, value: index) }
        return trie
    }()

    static func isConnector(_ token: EntityToken) -> Bool {
        token.isWord && !token.isCapitalized && EntityLexicon.nameConnectors.contains(token.lower)
    }
}

/// A standalone recogniser for organisations (the joint scan, filtered to one kind).
public struct OrganizationRecognizer: Recognizer {
    public var kinds: Set<MentionKind> { [.organization] }
    public init() {}
    public func recognize(in text: AnalyzedText) -> [Mention] {
        EntityRecognizer(kinds: [.organization]).recognize(in: text)
    }
}

extension EntityScan {
    mutating func findOrganizations() {
        for run in runs { organizationsInRun(run) }
        findKnownOrganizations()
        findAcronyms()
    }

    /// Whether token `index` heads an organisation's name.
    func isHead(_ index: Int, in run: Range<Int>) -> Bool {
        let token = tokens[index]
        guard token.isWord, token.isCapitalized else { return false }
        if EntityLexicon.organizationHeads.contains(token.lower) { return true }
        if EntityLexicon.leadingOrganizationHeads.contains(token.lower), index + 1 < run.upperBound {
            let next = tokens[index + 1].lower
            return next == "of" || next == "for"
        }
        return false
    }

    private mutating func organizationsInRun(_ run: Range<Int>) {
        var start = run.lowerBound
        var headSeen = false
        var lastHead = -1
        var index = run.lowerBound
        while index < run.upperBound {
            let token = tokens[index]
            if OrganizationRules.isConnector(token) {
                let lower = token.lower
                if (lower == "of" || lower == "for" || lower == "on"), !headSeen {
                    // "Delegations of the World Jewish Committee": the name starts after "of".
                    start = index + 1
                } else if lower == "and" || lower == "&", headSeen,
                    lastHead == index - 1 || ((index + 1)..<run.upperBound).contains(where: { isHead($0, in: run) })
                {
                    // "Elbit Systems and Israel Aerospace Industries", "the Ministry of X and the
                    // State Border Service": two names. ("Ministry of Aliyah and Integration" is one.)
                    addOrganization(start, index, run: run)
                    start = index + 1
                    headSeen = false
                }
            } else if isHead(index, in: run) {
                headSeen = true
                lastHead = index
            }
            index += 1
        }
        guard headSeen else { return }
        // The name ends at the last head that ends the run or is followed by a connector
        // ("Ministry of ...", "Service of Azerbaijan"); a head followed by another
        // capitalised word is a modifier ("International Airport").
        var end = -1
        for probe in stride(from: run.upperBound - 1, through: start, by: -1) where isHead(probe, in: run) {
            if probe + 1 == run.upperBound {
                end = run.upperBound
                break
            }
            if OrganizationRules.isConnector(tokens[probe + 1]) {
                end = run.upperBound
                break
            }
        }
        guard end > start else { return }
        addOrganization(start, end, run: run)
    }

    private mutating func addOrganization(_ rawStart: Int, _ end: Int, run: Range<Int>) {
        var start = rawStart
        // Leading words that are not part of the name: "The", sentence openers, person titles.
        while start < end {
            let token = tokens[start]
            if OrganizationRules.isConnector(token) || !token.isWord {
                start += 1
                continue
            }
            if EntityLexicon.sentenceStarters.contains(token.lower), token.sentenceInitial || token.lower == "the" {
                start += 1
                continue
            }
            if EntityLexicon.personTitles.contains(token.lower), !isHead(start, in: run) {
                start += 1
                continue
            }
            break
        }
        var last = end
        while last > start, !EntityScan.isNameWord(tokens[last - 1]) { last -= 1 }
        let words = (start..<last).filter { tokens[$0].isWord }.count
        guard words >= 2 || (words == 1 && tokens[start].isAllCaps) else { return }
        // A run that is exactly a place's name is the place ("Soviet Union").
        if let match = gazetteer.trie.longestMatch(tokens, from: start, text: text), match.end == last { return }
        guard add(.organization, start, last) else { return }
        definedInParentheses(after: last, kind: .organization)
    }

    /// "Jewish Agency for Israel (Sochnut)": the word in parentheses names the same thing.
    mutating func definedInParentheses(after end: Int, kind: MentionKind) {
        guard end + 2 < tokens.count, tokens[end].lower == "(", tokens[end + 2].lower == ")" else { return }
        let inner = tokens[end + 1]
        guard inner.isWord, inner.isCapitalized, !inner.hasDigit || inner.isAllCaps else { return }
        if add(kind, end + 1, end + 2) { aliases[surface(end + 1)] = kind }
    }

    private mutating func findKnownOrganizations() {
        var index = 0
        while index < tokens.count {
            guard EntityScan.isNameWord(tokens[index]), owner[index] == -1,
                let match = OrganizationRules.known.longestMatch(tokens, from: index, text: text)
            else {
                index += 1
                continue
            }
            if add(.organization, index, match.end) { definedInParentheses(after: match.end, kind: .organization) }
            index = match.end
        }
    }

    private mutating func findAcronyms() {
        for index in tokens.indices where owner[index] == -1 {
            let token = tokens[index]
            guard token.isWord, token.isAllCaps || (token.hasDigit && token.isCapitalized) else { continue }
            let word = surface(index)
            let letters = word.unicodeScalars.filter { $0 != "." }.count
            guard letters >= 2, letters <= 7 else { continue }
            if EntityLexicon.nonOrganizationCaps.contains(word.uppercased().replacingOccurrences(".", "")) { continue }
            if word.unicodeScalars.allSatisfy({ "IVXLCDM".unicodeScalars.contains($0) }) { continue }
            if let match = gazetteer.trie.longestMatch(tokens, from: index, text: text), match.end == index + 1 {
                continue
            }
            let known = EntityLexicon.organizationAcronyms.contains(word)
            if !known {
                // Unknown acronyms: three letters or more, and not inside a line of capitals.
                guard letters >= 3, !word.contains("."), !isShouting(around: index) else { continue }
            }
            add(.organization, index, index + 1)
        }
    }

    /// Whether the words next to `index` are in capitals too (a headline or a shouted line).
    func isShouting(around index: Int) -> Bool {
        var neighbours = 0
        var capitals = 0
        for probe in [index - 2, index - 1, index + 1, index + 2] where probe >= 0 && probe < tokens.count {
            let token = tokens[probe]
            guard token.isWord, !token.hasDigit else { continue }
            neighbours += 1
            if token.isAllCaps || (token.end - token.start == 1 && token.isCapitalized) { capitals += 1 }
        }
        return neighbours > 0 && capitals * 2 >= neighbours
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
