public import GleanerCore

/// An amount of money as parsed from a mention: the smallest amount, the
/// largest for a range ("$2-3 million"), and the ISO 4217 currency.
public struct MoneyParse: Sendable, Equatable {
    public var amount: Double
    public var maximum: Double?
    public var currency: String

    public init(amount: Double, maximum: Double? = nil, currency: String) {
        self.amount = amount
        self.maximum = maximum
        self.currency = currency
    }
}

/// Finds amounts of money: symbols ("$1.6 billion", "US$5", "€26.1m"), codes
/// before or after ("EUR 26.1 million", "200 USD", "NIS 90 million"), names
/// after spelled or digit amounts ("2.5 million dollars", "two million
/// shekels", "50 cents") and ranges ("$2-3 million", "$2 to $3 billion").
public struct MoneyRecognizer: Recognizer {
    public init() {}

    public var kinds: Set<MentionKind> { [.money] }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        recognize(in: text, tokens: Tokens(text.scalars))
    }

    func recognize(in text: AnalyzedText, tokens: Tokens) -> [Mention] {
        var mentions: [Mention] = []
        var index = 0
        while index < tokens.count {
            if !Self.mayStart(tokens, index) {
                index += 1
                continue
            }
            if let (parse, first, end) = Self.match(tokens, at: index) {
                _ = parse
                mentions.append(text.mention(.money, tokens[first].start, tokens[end - 1].end))
                index = end
            } else {
                index += 1
            }
        }
        return mentions
    }

    static let symbolScalars = Set(CurrencyTable.symbols.keys.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })

    /// A cheap test of whether money can start at token `index`.
    private static func mayStart(_ tokens: Tokens, _ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .number:
            return true
        case .symbol:
            return symbolScalars.contains(tokens.scalars[token.start])
        case .word:
            if token.lexeme >= 0 {
                // Spelled amounts: "two million dollars", "a billion euros", "half a million pounds".
                return tokens.has(index, .cardinal) || tokens.isWord(index, "a") || tokens.isWord(index, "an")
                    || tokens.isWord(index, "half") || (token.end - token.start <= CurrencyMatcher.longestPrefix && mayBePrefix(tokens, index))
            }
            // Unknown words start money only as a short prefix ("EUR", "NIS", "Rs", "R10bn") or glued to "$" ("US$").
            return token.end - token.start <= CurrencyMatcher.longestPrefix && mayBePrefix(tokens, index)
        }
    }

    private static func mayBePrefix(_ tokens: Tokens, _ index: Int) -> Bool {
        if tokens.isSymbol(index + 1, "$") || tokens.isSymbol(index + 1, "¥") {
            return tokens.attached(index + 1) || CurrencyMatcher.spacedSymbol(tokens, at: index) != nil
        }
        guard tokens.isNumber(index + 1) || tokens.isDash(index + 1) else { return false }
        return tokens.text(index) == "R" || CurrencyTable.prefixes[tokens.text(index)] != nil
    }

    /// The money expression that starts exactly at token `index`.
    static func match(_ tokens: Tokens, at index: Int) -> (MoneyParse, first: Int, end: Int)? {
        let matcher = CurrencyMatcher.shared
        // Symbol or prefix first: "$1.6 billion", "EUR 26.1 million", "US$ 5".
        if let marker = matcher.prefix(tokens, at: index) {
            var position = marker.end
            var negative = false
            if tokens.isDash(position), tokens.attached(position + 1), tokens.isNumber(position + 1) {
                negative = true
                position += 1
            }
            guard tokens.isNumber(position), var number = NumberParser.parse(tokens, at: position, allowSpelled: false) else {
                return nil
            }
            // "$ 5" is fine, but the symbol may not be separated by a line break.
            guard !tokens[position].newlineBefore else { return nil }
            if negative { number.value = -number.value }
            var parse = MoneyParse(amount: number.value, currency: marker.code)
            var end = number.end
            // "rose by $12.5 billion to $310 billion": a change and a level, two amounts.
            let change = marker.first > 0 && tokens.isWord(marker.first - 1, "by")
            if !change || !tokens.isWord(end, "to"), let (upper, rangeEnd) = rangeUpper(tokens, after: end, marker: marker, lower: number) {
                if upper.scaled, !number.scaled, let multiplier = scaleOf(upper) {
                    parse.amount = number.value * multiplier
                }
                parse.maximum = upper.value
                end = rangeEnd
            }
            return (parse, marker.first, end)
        }
        // Amount first: "2.5 million dollars", "200 USD", "two million shekels", "50 cents".
        guard let number = NumberParser.parse(tokens, at: index, allowSpelled: true) else { return nil }
        // "one dollar", "one euro": a spelled one only before a singular currency name.
        if number.spelled, !number.scaled, number.value < 2 {
            guard tokens.isWord(index, "one"), let marker = matcher.name(tokens, at: number.end),
                  !tokens.lowercased(marker.end - 1).hasSuffix("s")
            else { return nil }
        }
        var lower = number
        var end = number.end
        var maximum: Double?
        let change = index > 0 && tokens.isWord(index - 1, "by")
        // "a 20-cent stamp", "a ten-yen coin": the currency joined to the amount by a hyphen.
        if tokens.isDash(end), tokens.attached(end), tokens.attached(end + 1), !number.scaled,
           let marker = matcher.name(tokens, at: end + 1), marker.end == end + 2, !tokens.isWord(end + 1, "pound")
        {
            return (MoneyParse(amount: number.value * marker.multiplier, currency: marker.code), number.first, marker.end)
        }
        if (tokens.isDash(end) && tokens.attached(end) && tokens.attached(end + 1)) || tokens.isWord(end, "to") && !change,
           let upper = NumberParser.parse(tokens, at: end + 1, allowSpelled: !tokens.isDash(end)), upper.value >= number.value || upper.scaled
        {
            if upper.scaled, !number.scaled, let multiplier = scaleOf(upper) { lower.value = number.value * multiplier }
            maximum = upper.value
            end = upper.end
        }
        guard let marker = matcher.name(tokens, at: end) ?? matcher.suffix(tokens, at: end) else { return nil }
        if marker.first == end, tokens[end].kind == .symbol || tokens.text(end) == "p" {
            // A symbol after the amount must be glued or one space away on the same line.
            guard !tokens[end].newlineBefore else { return nil }
        }
        var parse = MoneyParse(amount: lower.value * marker.multiplier, currency: marker.code)
        if let maximum { parse.maximum = maximum * marker.multiplier }
        // "7 dollars 25 cents", "nine dollars and ten cents", "20 dollars 40": the minor part.
        if maximum == nil, marker.multiplier == 1, !number.scaled, let (cents, centsEnd) = minorPart(tokens, after: marker.end, code: marker.code) {
            parse.amount = (parse.amount * 100 + cents).rounded() / 100
            return (parse, number.first, centsEnd)
        }
        return (parse, number.first, marker.end)
    }

    /// The cents after a main unit: "25 cents", "and ten cents", or a bare "40" ending the amount.
    private static func minorPart(_ tokens: Tokens, after index: Int, code: String) -> (Double, Int)? {
        var position = index
        if tokens.isWord(position, "and") { position += 1 }
        guard let number = NumberParser.parse(tokens, at: position, allowSpelled: true), !number.scaled, !number.hasDecimals,
              number.value >= 1, number.value < 100, tokens.isNumber(number.first) ? tokens.length(number.first) <= 2 : true
        else { return nil }
        if let minor = CurrencyMatcher.shared.name(tokens, at: number.end), minor.code == code, minor.multiplier == 0.01 {
            return (number.value, minor.end)
        }
        // A bare number only right after the unit, ending the phrase: "20 dollars 40."
        guard position == index, tokens.isNumber(number.first), !tokens.isWordToken(number.end) || tokens.has(number.end, .stop),
              !tokens.isSymbol(number.end, "%")
        else { return nil }
        return (number.value, number.end)
    }

    /// The upper end of a range after an amount: "-3 million", "to $3 billion", "–$3bn".
    private static func rangeUpper(_ tokens: Tokens, after end: Int, marker: CurrencyMatcher.Marker, lower: NumberMatch)
        -> (NumberMatch, Int)?
    {
        var position = end
        if tokens.isDash(position) {
            position += 1
        } else if tokens.isWord(position, "to") {
            position += 1
        } else {
            return nil
        }
        // An optional repeated symbol: "$2 million to $3 million".
        if let again = CurrencyMatcher.shared.prefix(tokens, at: position), again.code == marker.code { position = again.end }
        guard tokens.isNumber(position), let upper = NumberParser.parse(tokens, at: position, allowSpelled: false) else { return nil }
        guard upper.value >= lower.value || upper.scaled else { return nil }
        return (upper, upper.end)
    }

    private static func scaleOf(_ number: NumberMatch) -> Double? { number.multiplier }

    /// Parses a money mention's text on its own (used by normalize).
    public static func parse(_ text: String) -> MoneyParse? {
        let tokens = Tokens(text.codePoints)
        guard tokens.count > 0, let (parse, first, end) = match(tokens, at: 0), first == 0, end == tokens.count else {
            return nil
        }
        return parse
    }
}
