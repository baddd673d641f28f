public import GleanerCore

/// A counted or measured amount as parsed from a mention.
public struct QuantityParse: Sendable, Equatable {
    /// How a hedge bounds the value.
    public enum Bound: String, Sendable { case min, max }

    public var value: Double
    /// The upper end of a range ("200-300 people").
    public var maximum: Double?
    /// The unit noun phrase ("power transformers", "km"); empty when the text names none.
    public var unit: String
    /// "approximately", "about", "nearly", vague numbers ("tens of thousands").
    public var approximate: Bool
    /// "more than", "at least" (min); "up to", "fewer than" (max).
    public var bound: Bound?
}

/// Finds counts and measures with their unit noun phrase: "450 power
/// transformers", "40,000 citizens", "approximately 30,000 Jews", "tens of
/// thousands of Jews", "a dozen eggs", "more than 200 people", "5.2 km".
/// A number with no unit counts only when hedged, scaled or partitive
/// ("about 300", "two million", "24,000 of them"); identifiers ("Route 66",
/// "Boeing 747") and numbers glued to symbols are not quantities.
public struct QuantityRecognizer: Recognizer {
    public init() {}

    public var kinds: Set<MentionKind> { [.quantity] }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        recognize(in: text, tokens: Tokens(text.scalars))
    }

    func recognize(in text: AnalyzedText, tokens: Tokens) -> [Mention] {
        var mentions: [Mention] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let candidate = token.kind == .number || (token.kind == .word && !token.classes.isDisjoint(with: .startsQuantity))
            if candidate, let (_, first, end) = Self.match(tokens, at: index, strict: true) {
                mentions.append(text.mention(.quantity, tokens[first].start, tokens[end - 1].end))
                index = end
            } else {
                index += 1
            }
        }
        return mentions
    }

    static func match(_ tokens: Tokens, at index: Int, strict: Bool) -> (QuantityParse, first: Int, end: Int)? {
        var position = index
        var approximate = false
        var bound: QuantityParse.Bound?
        if let hedge = Hedge.match(tokens, at: index) {
            approximate = hedge.approximate
            bound = hedge.bound
            position = hedge.end
        }
        guard let number = NumberParser.parse(tokens, at: position, allowSpelled: true, allowVague: true) else { return nil }
        if number.spelled, !number.vague, number.value < 2 { return nil }
        if strict, !plausibleCount(tokens, number: number, hedged: position != index) { return nil }
        var end = number.end
        var maximum = number.maximum
        // "rose by 12 to 310": a change and a level, not a range.
        let change = index > 0 && tokens.isWord(index - 1, "by")
        if (tokens.isDash(end) && tokens.attached(end) && tokens.attached(end + 1)) || tokens.isWord(end, "to") && !change
            || (tokens.isWord(end, "and") && tokens.isWord(index - 1, "between")),
           let upper = NumberParser.parse(tokens, at: end + 1, allowSpelled: number.spelled), upper.value > number.value,
           upper.spelled == number.spelled
        {
            maximum = upper.value
            end = upper.end
        }
        approximate = approximate || number.vague
        // "tens of thousands of Jews", "millions of people", "2 million of them".
        var unitStart = end
        if tokens.isWord(end, "of"), number.vague || number.scaled || number.spelled && number.value >= 12 {
            unitStart = end + 1
        }
        // "20°C", "-4 °F", "30°": degrees written with the sign.
        if tokens.isSymbol(end, "°"), !tokens[end].newlineBefore {
            var unitEnd = end + 1
            if tokens.attached(unitEnd), tokens.isWordToken(unitEnd), ["C", "F"].contains(tokens.text(unitEnd)) { unitEnd += 1 }
            let unit = UnitPhrase.text(tokens, from: end, to: unitEnd)
            return (QuantityParse(value: number.value, maximum: maximum, unit: unit, approximate: approximate, bound: bound), index, unitEnd)
        }
        if let unitEnd = UnitPhrase.end(tokens, from: unitStart, singularAllowed: number.value == 1 || number.hasDecimals) {
            // "over five years" is a span of time, not "more than five years".
            if position != index, tokens.isWord(index, "over"), tokens.has(unitEnd - 1, .period), strict {
                return nil
            }
            let unit = UnitPhrase.text(tokens, from: unitStart, to: unitEnd)
            var first = index
            var last = unitEnd
            // "from 180 miles to 240 miles": a range with the unit on both ends.
            if maximum == nil, tokens.isWord(unitEnd, "to"), !change,
               let upper = NumberParser.parse(tokens, at: unitEnd + 1, allowSpelled: number.spelled), upper.value > number.value,
               let upperEnd = UnitPhrase.end(tokens, from: upper.end, singularAllowed: true),
               UnitPhrase.text(tokens, from: upper.end, to: upperEnd).lowercased() == unit.lowercased()
            {
                maximum = upper.value
                last = upperEnd
                if index > 0, tokens.isWord(index - 1, "from") { first = index - 1 }
            }
            return (QuantityParse(value: number.value, maximum: maximum, unit: unit, approximate: approximate, bound: bound), first, last)
        }
        // No unit: hedged, scaled or partitive numbers still count.
        let partitive = tokens.isWord(end, "of") && tokens.isWord(end + 1, in: ["them", "those", "whom", "which", "these", "us", "you"])
        // A number with thousands separators is a count even without a unit ("24,000 were accepted").
        let grouped = tokens.isNumber(number.first) && !number.hasDecimals && !number.plainInteger && !number.scaled
            && number.end == number.first + 1
        guard !strict || position != index || number.scaled || number.vague || partitive || grouped else { return nil }
        if strict, !number.scaled, !number.vague, number.plainInteger, let value = tokens.integer(number.first),
           (1000...2199).contains(value), tokens.length(number.first) == 4, !partitive
        {
            return nil
        }
        return (QuantityParse(value: number.value, maximum: maximum, unit: "", approximate: approximate, bound: bound), index, end)
    }

    /// Rejects numbers that name rather than count: "Route 66", "Boeing 747", "$5", "7th", "10:30", "45-year-old".
    private static func plausibleCount(_ tokens: Tokens, number: NumberMatch, hedged: Bool) -> Bool {
        let first = number.first
        // "one in five adults", "8 out of 10 households": a ratio, not a count.
        if first > 1, tokens.isWord(first - 1, "in"), tokens.isWord(first - 2, "one") || tokens.integer(first - 2) == 1 { return false }
        if first > 1, tokens.isWord(first - 1, "of"), tokens.isWord(first - 2, "out") { return false }
        if tokens[first].kind == .number {
            if first > 0, tokens.attached(first) {
                let previous = tokens[first - 1]
                if previous.kind == .word { return false }
                if previous.kind == .symbol, !(tokens.isSymbol(first - 1, "(") || tokens.isSymbol(first - 1, "\"")
                    || tokens.isSymbol(first - 1, "“") || tokens.isSymbol(first - 1, "~"))
                {
                    return false
                }
            }
            if !hedged, first > 0, !tokens[first].newlineBefore {
                if tokens.has(first - 1, .identifierCue) { return false }
                if tokens[first - 1].capitalized, tokens[first - 1].lexeme < 0 { return false }
            }
        }
        let after = number.end
        if after < tokens.count, tokens.attached(after) {
            if tokens.isSymbol(after, ":") || tokens.isSymbol(after, "/") || tokens.has(after, .ordinalSuffix) { return false }
            if tokens.isDash(after), tokens.isWordToken(after + 1), tokens.attached(after + 1) { return false }
        }
        return true
    }

    /// Parses a quantity mention's text on its own (used by normalize).
    public static func parse(_ text: String) -> QuantityParse? {
        let tokens = Tokens(text.codePoints)
        let start = tokens.isWord(0, "from") ? 1 : 0
        guard tokens.count > start, let (parse, first, end) = match(tokens, at: start, strict: false), first == 0 else { return nil }
        if end == tokens.count { return parse }
        // A trailing unit the scan did not take (normalize sees only the mention) is kept verbatim.
        var result = parse
        let rest = UnitPhrase.text(tokens, from: end, to: tokens.count)
        result.unit = result.unit.isEmpty ? rest : result.unit + " " + rest
        return result
    }
}

/// Hedges before a number: "approximately", "more than", "at least", "up to".
enum Hedge {
    struct Match {
        var approximate: Bool
        var bound: QuantityParse.Bound?
        var end: Int
    }

    static func match(_ tokens: Tokens, at index: Int) -> Match? {
        guard let entry = tokens.entry(index) else { return nil }
        let next = tokens.entry(index + 1)?.word
        switch entry.word {
        case "approximately", "about", "around", "roughly", "nearly", "almost", "circa", "some":
            return Match(approximate: true, bound: nil, end: index + 1)
        case "approx", "ca":
            return Match(approximate: true, bound: nil, end: tokens.isSymbol(index + 1, ".") ? index + 2 : index + 1)
        case "estimated":
            return Match(approximate: true, bound: nil, end: index + 1)
        case "an" where next == "estimated":
            return Match(approximate: true, bound: nil, end: index + 2)
        case "close" where next == "to":
            return Match(approximate: true, bound: nil, end: index + 2)
        case "more" where next == "than", "upwards" where next == "of":
            return Match(approximate: false, bound: .min, end: index + 2)
        case "over", "above", "exceeding":
            return Match(approximate: false, bound: .min, end: index + 1)
        case "at" where next == "least":
            return Match(approximate: false, bound: .min, end: index + 2)
        case "at" where next == "most":
            return Match(approximate: false, bound: .max, end: index + 2)
        case "up" where next == "to":
            return Match(approximate: false, bound: .max, end: index + 2)
        case "fewer" where next == "than", "less" where next == "than":
            return Match(approximate: false, bound: .max, end: index + 2)
        case "under", "below":
            return Match(approximate: false, bound: .max, end: index + 1)
        case "as" where next == "many" || next == "much":
            guard tokens.isWord(index + 2, "as") else { return nil }
            return Match(approximate: false, bound: .max, end: index + 3)
        case "no" where next == "fewer" || next == "less":
            guard tokens.isWord(index + 2, "than") else { return nil }
            return Match(approximate: false, bound: .min, end: index + 3)
        case "in" where next == "excess":
            guard tokens.isWord(index + 2, "of") else { return nil }
            return Match(approximate: false, bound: .min, end: index + 3)
        case "just", "well":
            guard let inner = match(tokens, at: index + 1) else { return nil }
            return Match(approximate: true, bound: inner.bound, end: inner.end)
        default:
            return nil
        }
    }
}

/// The unit noun phrase after a number: modifiers and a head noun ("power
/// transformers", "mobile water purifiers", "Russian troops", "km").
enum UnitPhrase {
    static let maximumWords = 4

    /// The token after the unit phrase starting at `start`, or nil when there is none.
    static func end(_ tokens: Tokens, from start: Int, singularAllowed: Bool) -> Int? {
        var position = start
        var lastHead: Int?
        var words = 0
        while position < tokens.count, words < maximumWords {
            guard tokens.isWordToken(position), !tokens[position].newlineBefore else { break }
            if tokens.has(position, [.stop, .month, .weekday]) && !tokens.has(position, .measure) { break }
            if tokens.has(position, .measure) {
                // "km", "tonnes", "square kilometres", "barrels".
                var end = position + 1
                while tokens.has(end, .measure), !tokens.has(end, .stop) { end += 1 }
                // "km/h", "m/s": a rate written with a slash.
                if tokens.isSymbol(end, "/"), tokens.attached(end), tokens.attached(end + 1), tokens.isWordToken(end + 1),
                   tokens.length(end + 1) <= 3
                {
                    end += 2
                }
                if position == start || lastHead == nil { return end }
                break
            }
            var wordEnd = position + 1
            // Hyphenated compounds: "anti-aircraft", "long-range".
            while tokens.isDash(wordEnd), tokens.attached(wordEnd), tokens.attached(wordEnd + 1), tokens.isWordToken(wordEnd + 1) {
                wordEnd += 2
            }
            if isPluralHead(tokens, wordEnd - 1) {
                lastHead = wordEnd
                // The first plural noun is the head ("five adults smokes" stops at "adults"), unless it is
                // a collective noun before another plural ("crew members", "police officers").
                let collective = tokens.has(wordEnd - 1, .plural) && isPluralHead(tokens, wordEnd)
                if !collective { break }
            }
            if singularAllowed, lastHead == nil, position == start, !tokens[position].capitalized { lastHead = wordEnd }
            // The possessive "s" glued after an apostrophe ends the phrase.
            if tokens.isSymbol(wordEnd, "'") || tokens.isSymbol(wordEnd, "’") { break }
            position = wordEnd
            words += 1
        }
        return lastHead
    }

    /// True when word token `index` looks like a plural noun: "transformers", "Jews", "people".
    static func isPluralHead(_ tokens: Tokens, _ index: Int) -> Bool {
        guard tokens.isWordToken(index) else { return false }
        if let entry = tokens.entry(index) {
            if entry.classes.contains(.plural) { return true }
            if entry.classes.contains(.stop) { return false }
            if entry.classes.contains(.scale) || entry.classes.contains(.vague) || entry.classes.contains(.cardinal) { return false }
        }
        let token = tokens[index]
        let length = token.end - token.start
        guard length >= 3 else { return false }
        let scalars = tokens.scalars
        let last = scalars[token.end - 1]
        guard last == "s" else { return false }
        let before = scalars[token.end - 2]
        if before == "s" || before == "u" { return false }
        if before == "i", length >= 4, scalars[token.end - 3] == "s" { return false }  // "analysis", "crisis"
        // "'s" possessives are separate tokens; "its", "was" are stop words.
        return true
    }

    /// The phrase text between tokens `from` and `to` with single spaces.
    static func text(_ tokens: Tokens, from: Int, to: Int) -> String {
        guard from < to else { return "" }
        return ScalarString.make(tokens.scalars, tokens[from].start, tokens[to - 1].end)
    }
}
