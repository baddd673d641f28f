public import GleanerCore

/// A percentage as parsed from a mention: a fraction (35% → 0.35), or a
/// change in percentage points ("3.5 percentage points" → 3.5 points,
/// "25 basis points" → 0.25 points); `maximum` for ranges ("5-6%").
public struct PercentParse: Sendable, Equatable {
    public var value: Double
    public var maximum: Double?
    /// True for percentage points and basis points: `value` is in points, not a fraction.
    public var isPoints: Bool
}

/// Finds percentages: "35%", "35 percent", "35 per cent", "-3.5%", "5-6%",
/// "five percent", and changes in points: "3.5 percentage points", "25 basis points", "25bps".
public struct PercentRecognizer: Recognizer {
    public init() {}

    public var kinds: Set<MentionKind> { [.percent] }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        recognize(in: text, tokens: Tokens(text.scalars))
    }

    func recognize(in text: AnalyzedText, tokens: Tokens) -> [Mention] {
        var mentions: [Mention] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let candidate = token.kind == .number || (token.kind == .symbol && tokens.isNumber(index + 1))
                || tokens.has(index, .cardinal) || tokens.isWord(index, "minus") || tokens.isWord(index, "negative")
            if candidate, let (_, first, end) = Self.match(tokens, at: index) {
                mentions.append(text.mention(.percent, tokens[first].start, tokens[end - 1].end))
                index = end
            } else {
                index += 1
            }
        }
        return mentions
    }

    static func match(_ tokens: Tokens, at index: Int) -> (PercentParse, first: Int, end: Int)? {
        var position = index
        var sign = 1.0
        // A sign glued to the number and not to a word before it ("fell -3%", "+2.5%").
        // "minus three percent", "negative 0.5%".
        if tokens.isWord(position, "minus") || tokens.isWord(position, "negative") {
            sign = -1
            position += 1
            guard tokens.isNumber(position) || tokens.has(position, .cardinal) else { return nil }
        } else if tokens[position].kind == .symbol {
            let isSign = tokens.isDash(position) || tokens.isSymbol(position, "+")
            guard isSign, tokens.attached(position + 1), !(position > 0 && tokens.attached(position)) else { return nil }
            if tokens.isDash(position) { sign = -1 }
            position += 1
        }
        guard let number = NumberParser.parse(tokens, at: position, allowSpelled: true) else { return nil }
        if number.spelled, number.scaled { return nil }
        var end = number.end
        var maximum: Double?
        // Ranges: "5-6%", "5 to 6 percent".
        if (tokens.isDash(end) && tokens.attached(end)) || tokens.isWord(end, "to"),
           let upper = NumberParser.parse(tokens, at: end + 1, allowSpelled: number.spelled), upper.value >= number.value,
           unit(tokens, at: upper.end) != nil
        {
            maximum = upper.value
            end = upper.end
        }
        guard let (isPoints, divisor, unitEnd) = unit(tokens, at: end) else { return nil }
        var parse = PercentParse(value: sign * number.value / divisor, isPoints: isPoints)
        if !isPoints, divisor == 100 {
            parse.value = sign * NumberParser.fraction(of: number.value, dividedBy: 100)
        }
        if let maximum { parse.maximum = isPoints ? maximum / divisor : NumberParser.fraction(of: maximum, dividedBy: 100) }
        return (parse, index, unitEnd)
    }

    /// The percent unit at `index`: (isPoints, divisor, end).
    private static func unit(_ tokens: Tokens, at index: Int) -> (Bool, Double, Int)? {
        guard index < tokens.count else { return nil }
        if tokens.isSymbol(index, "%") || tokens.isSymbol(index, "％") {
            // "%" belongs to the number only on the same line.
            guard !tokens[index].newlineBefore else { return nil }
            if tokens.isWord(index + 1, "points") || tokens.isWord(index + 1, "point") { return (true, 1, index + 2) }
            return (false, 100, index + 1)
        }
        guard let entry = tokens.entry(index) else { return nil }
        switch entry.word {
        case "percent", "percents", "pct", "pc":
            if entry.word == "pc", !tokens.attached(index) && !tokens.isSymbol(index + 1, ".") { return nil }
            if tokens.isWord(index + 1, "points") || tokens.isWord(index + 1, "point") { return (true, 1, index + 2) }
            return (false, 100, index + 1)
        case "per":
            guard tokens.isWord(index + 1, "cent") else { return nil }
            return (false, 100, index + 2)
        case "percentage":
            // "3.5 percentage points"; "forty percentage" (of the seats) as written is a percent.
            if tokens.isWord(index + 1, "points") || tokens.isWord(index + 1, "point") { return (true, 1, index + 2) }
            return (false, 100, index + 1)
        case "basis":
            guard tokens.isWord(index + 1, "points") || tokens.isWord(index + 1, "point") else { return nil }
            return (true, 100, index + 2)
        case "bps", "bp":
            return (true, 100, index + 1)
        default:
            return nil
        }
    }

    /// Parses a percent mention's text on its own (used by normalize).
    public static func parse(_ text: String) -> PercentParse? {
        let tokens = Tokens(text.codePoints)
        guard tokens.count > 0, let (parse, first, end) = match(tokens, at: 0), first == 0, end == tokens.count else {
            return nil
        }
        return parse
    }
}
