/// A number found in the tokens: digits ("40,000", "2.5 million", "26.1m"),
/// spelled ("two million", "a dozen", "one hundred and fifty") or vague
/// ("tens of thousands", "dozens").
struct NumberMatch: Sendable, Equatable {
    var value: Double
    /// First token and the token after the last.
    var first: Int
    var end: Int
    var spelled = false
    var vague = false
    /// A scale word or suffix was applied ("million", "bn", "k").
    var scaled = false
    /// A single digit token without separators or scale ("2009", "66").
    var plainInteger = false
    /// The digit token had a decimal point.
    var hasDecimals = false
    /// The multiplier of the scale word, when one was applied.
    var multiplier: Double?
    /// The top of a vague number's range: "tens of thousands" is 10,000 to 100,000.
    var maximum: Double?
}

/// Parses numbers from tokens; shared by every numeric recogniser.
enum NumberParser {
    /// The number starting at token `index`, if any.
    /// - Parameter allowVague: accept "dozens", "tens of thousands" (quantities do; money does not).
    static func parse(_ tokens: Tokens, at index: Int, allowSpelled: Bool = true, allowVague: Bool = false) -> NumberMatch? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .number { return parseDigits(tokens, at: index) }
        guard token.kind == .word, allowSpelled else { return nil }
        if allowVague, let vague = parseVague(tokens, at: index) { return vague }
        return parseSpelled(tokens, at: index)
    }

    /// Decimal value of a digit token: ("40,000" → 40000, "2.5" → (25, 1 decimal), Indian
    /// grouping "3,45,678.50" → 345678.5). Returns nil for malformed grouping ("1,2", "07.12.2023").
    static func decimal(_ tokens: Tokens, _ index: Int) -> (mantissa: Int64, decimals: Int)? {
        let token = tokens[index]
        var mantissa: Int64 = 0
        var decimals = 0
        var digitsInGroup = 0
        var seenComma = false
        var seenDot = false
        var firstGroup = true
        var significant = 0
        // Indian grouping: pairs of digits after the first group, the last group three ("12,50,000").
        var pairs = 0
        for offset in token.start..<token.end {
            let value = tokens.scalars[offset].value
            if value >= 48 && value <= 57 {
                if significant < 18 {
                    mantissa = mantissa * 10 + Int64(value - 48)
                    if mantissa > 0 { significant += 1 }
                    if seenDot { decimals += 1 }
                } else if !seenDot {
                    return nil
                }
                digitsInGroup += 1
            } else if value == 44 {
                if seenDot { return nil }
                if firstGroup {
                    if digitsInGroup > 3 { return nil }
                } else if digitsInGroup == 2, pairs >= 0 {
                    pairs += 1
                } else if digitsInGroup != 3 || pairs > 0 {
                    return nil
                } else {
                    pairs = -1
                }
                seenComma = true
                firstGroup = false
                digitsInGroup = 0
            } else if value == 46 {
                if seenDot { return nil }
                if seenComma, digitsInGroup != 3 { return nil }
                seenDot = true
                firstGroup = false
                digitsInGroup = 0
            }
        }
        if seenComma, !seenDot, digitsInGroup != 3 { return nil }
        return (mantissa, decimals)
    }

    /// `mantissa × 10^exponent`, correctly rounded for the usual magnitudes.
    static func scaled(_ mantissa: Int64, exponent: Int) -> Double {
        if exponent >= 0 { return Double(mantissa) * power(exponent) }
        return Double(mantissa) / power(-exponent)
    }

    private static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(exponent, 308) { result *= 10 }
        return result
    }

    private static func parseDigits(_ tokens: Tokens, at index: Int) -> NumberMatch? {
        guard let (mantissa, decimals) = decimal(tokens, index) else { return nil }
        var match = NumberMatch(value: scaled(mantissa, exponent: -decimals), first: index, end: index + 1)
        match.hasDecimals = decimals > 0 || tokens.scalars[tokens[index].start..<tokens[index].end].contains(".")
        // "$1.5-billion": a hyphen between the digits and the scale word.
        var scaleIndex = index + 1
        if tokens.isDash(scaleIndex), tokens.attached(scaleIndex), tokens.attached(scaleIndex + 1),
           let word = tokens.entry(scaleIndex + 1)?.word, ["million", "billion", "trillion"].contains(word)
        {
            scaleIndex += 1
        }
        if let (multiplier, end) = scaleAfter(tokens, scaleIndex) {
            let exponent = Int((multiplier).log10Exact ?? -1)
            if exponent >= 0 {
                match.value = scaled(mantissa, exponent: exponent - decimals)
            } else {
                match.value *= multiplier
            }
            match.end = end
            match.scaled = true
            match.multiplier = multiplier
        } else {
            match.plainInteger = !match.hasDecimals && !tokens.scalars[tokens[index].start..<tokens[index].end].contains(",")
        }
        return match
    }

    /// A scale word at `index` ("million", attached "m"/"bn"/"k") and the token after it.
    static func scaleAfter(_ tokens: Tokens, _ index: Int) -> (Double, Int)? {
        guard let entry = tokens.entry(index), entry.classes.contains(.scale) else { return nil }
        let word = entry.word
        let attached = tokens.attached(index)
        switch word {
        case "m", "k", "b":
            // "26.1m", "$5bn": only glued to the digits, and not the start of a longer word.
            guard attached, tokens.length(index) == 1 else { return nil }
            if word == "m", tokens.isSymbol(index + 1, "²") { return nil }
        case "hundreds", "thousands", "millions", "billions", "trillions":
            return nil
        case "bn", "mn", "mln", "bln", "tn", "trn", "lakh", "lakhs", "crore", "crores", "hundred", "thousand",
             "million", "billion", "trillion":
            break
        default:
            return nil
        }
        var value = entry.number
        var end = index + 1
        // "2.4 lakh crore" (2.4 × 10^12).
        if word == "lakh" || word == "lakhs", tokens.isWord(end, "crore") {
            value *= 1e7
            end += 1
        }
        // "1.5 million million" is rare; "two hundred thousand" is handled by the spelled parser,
        // but "200 thousand million" stays simple: take one following larger scale.
        if word == "hundred", let next = tokens.entry(end), next.classes.contains(.scale),
           ["thousand", "million", "billion"].contains(next.word)
        {
            value *= next.number
            end += 1
        }
        return (value, end)
    }

    /// "two", "twenty-five", "one hundred and fifty", "two million", "a dozen", "half a million".
    static func parseSpelled(_ tokens: Tokens, at index: Int) -> NumberMatch? {
        var total = 0.0
        var current = 0.0
        var position = index
        var consumed = false
        var lastWasHundredOrScale = false
        var sawScale = false
        var lastScale = 1.0
        // Leading "a"/"an" counts as one before hundred/thousand/million/dozen; "half a" as one half.
        if tokens.isWord(position, "half"), tokens.isWord(position + 1, "a") || tokens.isWord(position + 1, "an"),
           let scale = tokens.entry(position + 2), scale.classes.contains(.scale) || scale.word == "dozen",
           !scale.word.hasSuffix("s"), scale.word.count > 2
        {
            let value = (scale.word == "dozen" ? 12 : scale.number) / 2
            return NumberMatch(value: value, first: index, end: position + 3, spelled: true, scaled: true, multiplier: scale.number)
        }
        if let fraction = fractionOfScale(tokens, at: position) { return fraction }
        if tokens.isWord(position, "a") || tokens.isWord(position, "an") {
            guard let next = tokens.entry(position + 1),
                  ["hundred", "thousand", "million", "billion", "trillion", "dozen"].contains(next.word)
            else { return nil }
            current = 1
            position += 1
            consumed = true
        }
        while position < tokens.count {
            guard let entry = tokens.entry(position), tokens[position].kind == .word else { break }
            if entry.classes.contains(.cardinal) {
                // "twenty five" / "twenty-five": a unit after a ten.
                if consumed, !lastWasHundredOrScale {
                    let previous = current.truncatingRemainder(dividingBy: 100)
                    guard previous >= 20, previous.truncatingRemainder(dividingBy: 10) == 0, entry.number < 10 else { break }
                }
                current += entry.number
                consumed = true
                lastWasHundredOrScale = false
                position += 1
                if tokens.isDash(position), tokens.attached(position), tokens.attached(position + 1),
                   let unit = tokens.entry(position + 1), unit.classes.contains(.cardinal), unit.number < 10,
                   entry.number >= 20
                {
                    current += unit.number
                    position += 2
                }
                continue
            }
            if entry.word == "hundred", consumed {
                current = max(current, 1) * 100
                lastWasHundredOrScale = true
                position += 1
                continue
            }
            if entry.word == "dozen", consumed {
                current = max(current, 1) * 12
                lastWasHundredOrScale = true
                position += 1
                sawScale = true
                continue
            }
            if ["thousand", "million", "billion", "trillion"].contains(entry.word), consumed {
                total += max(current, 1) * entry.number
                lastScale = entry.number
                current = 0
                lastWasHundredOrScale = true
                sawScale = true
                position += 1
                continue
            }
            if entry.word == "and", consumed, lastWasHundredOrScale, let next = tokens.entry(position + 1),
               next.classes.contains(.cardinal)
            {
                position += 1
                lastWasHundredOrScale = false
                // The cardinal after "and" is added by the next iteration.
                let value = next.number
                current += value
                position += 1
                if tokens.isDash(position), tokens.attached(position), let unit = tokens.entry(position + 1),
                   unit.classes.contains(.cardinal), unit.number < 10, value >= 20
                {
                    current += unit.number
                    position += 2
                }
                continue
            }
            break
        }
        guard consumed, position > index else { return nil }
        var match = NumberMatch(value: total + current, first: index, end: position, spelled: true)
        match.scaled = sawScale
        if sawScale { match.multiplier = lastScale }
        return match
    }

    /// "a quarter million", "a quarter of a million", "three quarters of a billion", "two thirds of a million".
    static func fractionOfScale(_ tokens: Tokens, at index: Int) -> NumberMatch? {
        var position = index
        var count = 1.0
        if tokens.isWord(position, "a") || tokens.isWord(position, "an") || tokens.isWord(position, "one") {
            position += 1
        } else if let entry = tokens.entry(position), entry.classes.contains(.cardinal), (2...3).contains(entry.number) {
            count = entry.number
            position += 1
        }
        let part: Double
        switch tokens.entry(position)?.word {
        case "quarter" where count == 1, "quarters" where count == 3: part = 0.25
        case "third" where count == 1, "thirds" where count == 2: part = 1.0 / 3
        default: return nil
        }
        position += 1
        if tokens.isWord(position, "of") {
            guard tokens.isWord(position + 1, "a") else { return nil }
            position += 2
        }
        guard let scale = tokens.entry(position), ["million", "billion", "trillion", "thousand"].contains(scale.word) else { return nil }
        let value = (count * part * scale.number).rounded()
        return NumberMatch(value: value, first: index, end: position + 1, spelled: true, scaled: true, multiplier: scale.number)
    }

    /// "tens of thousands", "hundreds of thousands", "dozens", "hundreds", "thousands", "millions", "scores".
    static func parseVague(_ tokens: Tokens, at index: Int) -> NumberMatch? {
        guard let entry = tokens.entry(index), entry.classes.contains(.vague) else { return nil }
        switch entry.word {
        case "tens", "hundreds", "dozens", "scores":
            if tokens.isWord(index + 1, "of"), let scale = tokens.entry(index + 2),
               ["thousands", "millions", "billions"].contains(scale.word)
            {
                var match = NumberMatch(value: entry.number * scale.number, first: index, end: index + 3, spelled: true, vague: true)
                // "tens of thousands": 10,000 up to 100,000; "hundreds of thousands": 100,000 up to a million.
                if entry.word == "tens" || entry.word == "hundreds" { match.maximum = entry.number * scale.number * 10 }
                return match
            }
            if entry.word == "tens" { return nil }
            return NumberMatch(value: entry.number, first: index, end: index + 1, spelled: true, vague: true)
        case "thousands", "millions", "billions", "trillions":
            return NumberMatch(value: entry.number, first: index, end: index + 1, spelled: true, vague: true)
        default:
            return nil
        }
    }
}

extension Double {
    /// log10 of an exact power of ten, else nil.
    var log10Exact: Double? {
        var value = self
        var exponent = 0.0
        while value >= 10, value.truncatingRemainder(dividingBy: 10) == 0 {
            value /= 10
            exponent += 1
        }
        return value == 1 ? exponent : nil
    }
}

extension NumberParser {
    /// `value / divisor` rounded to 12 significant digits, so 35 / 100 prints as 0.35 and 3.5 / 100 as 0.035.
    static func fraction(of value: Double, dividedBy divisor: Double) -> Double {
        let raw = value / divisor
        guard raw != 0, raw.isFinite else { return raw }
        var scale = 1.0
        var magnitude = abs(raw)
        while magnitude < 1e11 {
            magnitude *= 10
            scale *= 10
        }
        return (raw * scale).rounded() / scale
    }
}
