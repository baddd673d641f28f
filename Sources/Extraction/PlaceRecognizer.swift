public import GleanerCore

/// Places: names from the gazetteer (countries by every common name, regions,
/// cities), longest match first, outside the names of organisations and
/// people. Names that are also words or people's names ("Reading", "Victoria")
/// and small cities need a locative cue ("in", "from", "near") or a following
/// ", Country"; parts of hyphenated pairs ("Israel-Azerbaijan") count on their own.
public struct PlaceRecognizer: Recognizer {
    public var kinds: Set<MentionKind> { [.place] }
    public init() {}
    public func recognize(in text: AnalyzedText) -> [Mention] {
        EntityRecognizer(kinds: [.place]).recognize(in: text)
    }
}

extension EntityScan {
    /// Cities smaller than this need a cue unless they are capitals.
    static let cueFreeCityPopulation = 100_000

    mutating func findPlaces() {
        placesNamedInOrganizations()
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.isWord, token.isCapitalized, owner[index] == -1 else {
                index += 1
                continue
            }
            guard let match = gazetteer.trie.longestMatch(tokens, from: index, text: text) else {
                if token.lower.utf8.contains(UInt8(ascii: "-")) { hyphenatedPlaces(index) }
                index += 1
                continue
            }
            if isFree(index, match.end), acceptsPlace(index, match.end, match.values.map { gazetteer.places[$0] }) {
                add(.place, index, match.end)
                index = match.end
            } else {
                index += 1
            }
        }
    }

    private func acceptsPlace(_ first: Int, _ end: Int, _ records: [PlaceRecord]) -> Bool {
        if end - first == 1, EntityLexicon.demonyms.contains(tokens[first].lower) { return false }
        let cue = hasPlaceCue(first, end)
        if records.contains(where: { $0.type == .country }) { return true }
        if records.contains(where: { $0.type == .region && !$0.isWord && !$0.isPersonalName }) { return true }
        let inName = isInsideLongerName(first, end)
        let best = records.max { $0.population < $1.population }!
        if best.type == .region { return cue && !inName }
        if best.isWord { return cue && !tokens[first].sentenceInitial && !inName }
        if inName { return false }
        if best.isPersonalName { return cue || best.population >= 1_000_000 }
        if best.population < EntityScan.cueFreeCityPopulation, !best.isCapital { return cue }
        return true
    }

    /// "in Baku", "from Odessa", "Springfield, Illinois".
    private func hasPlaceCue(_ first: Int, _ end: Int) -> Bool {
        if let before = wordBefore(first), !before.isCapitalized, EntityLexicon.locatives.contains(before.lower) {
            return true
        }
        // "Bakhmut and Avdiivka": a place listed with another place.
        if first >= 2, tokens[first - 1].lower == "and" || tokens[first - 1].lower == "or" || tokens[first - 1].lower == ",",
            owner[first - 2] != -1, spans[owner[first - 2]].kind == .place
        {
            return true
        }
        if end + 1 < tokens.count, tokens[end].lower == ",", EntityScan.isNameWord(tokens[end + 1]),
            gazetteer.trie.longestMatch(tokens, from: end + 1, text: text) != nil
        {
            return true
        }
        if first >= 2, tokens[first - 1].lower == ",", owner[first - 2] != -1, spans[owner[first - 2]].kind == .place {
            return true
        }
        return false
    }

    /// Whether capitalised words that are not places sit right next to the match ("Sky Striker", "Red Settlement").
    private func isInsideLongerName(_ first: Int, _ end: Int) -> Bool {
        if end < tokens.count, EntityScan.isNameWord(tokens[end]), !tokens[end].sentenceInitial,
            !tokens[end].lineBreakBefore, owner[end] == -1 || spans[owner[end]].kind != .place,
            gazetteer.trie.longestMatch(tokens, from: end, text: text) == nil
        {
            return true
        }
        if first > 0, EntityScan.isNameWord(tokens[first - 1]), !tokens[first].sentenceInitial,
            !EntityLexicon.sentenceStarters.contains(tokens[first - 1].lower),
            !EntityLexicon.demonyms.contains(tokens[first - 1].lower),
            !EntityLexicon.personTitles.contains(tokens[first - 1].lower),
            owner[first - 1] == -1 || spans[owner[first - 1]].kind != .place
        {
            return true
        }
        return false
    }

    /// "Jewish Agency for Israel", "State Border Service of Azerbaijan": the place an
    /// organisation is of or for is reported too, nested inside the organisation's
    /// mention (a place that only modifies a name, "Israel Aerospace Industries", is not).
    mutating func placesNamedInOrganizations() {
        for span in spans where span.kind == .organization && span.end - span.first >= 3 {
            var index = span.first + 1
            while index < span.end {
                let lower = tokens[index].lower
                guard lower == "of" || lower == "for" || lower == "in" else {
                    index += 1
                    continue
                }
                var first = index + 1
                if first < span.end, tokens[first].lower == "the" { first += 1 }
                if first < span.end, let match = gazetteer.trie.longestMatch(tokens, from: first, text: text, limit: span.end),
                    match.end == span.end || OrganizationRules.isConnector(tokens[match.end]),
                    match.values.contains(where: { gazetteer.places.summary($0).type != .city || gazetteer.places.summary($0).isCapital })
                {
                    partSpans.append((.place, tokens[first].start, tokens[match.end - 1].end))
                    index = match.end
                } else {
                    index += 1
                }
            }
        }
    }

    /// "Israel-Azerbaijan relations": each part that is a country or a big city is a place.
    mutating func hyphenatedPlaces(_ index: Int) {
        let token = tokens[index]
        let scalars = text.scalars
        var partStart = token.start
        var position = token.start
        while position <= token.end {
            if position == token.end || scalars[position] == "-" {
                if position > partStart {
                    let part = EntityTokenizer.tokens(Array(scalars[partStart..<position]))
                    if part.count == 1, part[0].isCapitalized,
                        let match = gazetteer.trie.longestMatch(part, from: 0, text: AnalyzedText(text.string(partStart, position))),
                        match.end == 1,
                        match.values.contains(where: {
                            let place = gazetteer.places.summary($0)
                            return place.type == .country || place.population >= 1_000_000
                        })
                    {
                        partSpans.append((.place, partStart, position))
                    }
                }
                partStart = position + 1
            }
            position += 1
        }
    }
}
