public import GleanerCore

/// Finds dates: absolute ("December 7, 2023", "7 Dec. 2023", "2023-12-07",
/// "12/07/2023", "January 2019", "the 1990s", "in 2009"), relative
/// ("yesterday", "last week", "February this year", "two years ago", "on
/// Tuesday", "earlier this month") and ranges ("from 2019 to 2021", "between
/// March and May", "December 3-5, 2023").
///
/// A bare year or month counts only in date context: a bare four-digit number
/// followed by a plural noun is a count ("2009 people"), one after an
/// identifier word is a name ("Route 2009", "Boeing 747"); "May" or "March"
/// alone is a date only after a date preposition ("in May", "since March").
public struct DateRecognizer: Recognizer {
    public init() {}

    public var kinds: Set<MentionKind> { [.date] }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        recognize(in: text, tokens: Tokens(text.scalars))
    }

    func recognize(in text: AnalyzedText, tokens: Tokens) -> [Mention] {
        var mentions: [Mention] = []
        let grammar = DateGrammar(tokens: tokens, strict: true)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let candidate: Bool
            switch token.kind {
            case .number: candidate = true
            case .word: candidate = token.lexeme >= 0 && tokens.has(index, .startsDate)
            case .symbol: candidate = tokens.isSymbol(index, "'") || tokens.isSymbol(index, "’")
            }
            if candidate, let (_, first, end) = grammar.match(at: index) {
                mentions.append(text.mention(.date, tokens[first].start, tokens[end - 1].end))
                index = end
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// Parses a date mention's text on its own (used by normalize).
    public static func parse(_ text: String) -> DateExpression? {
        let tokens = Tokens(Array(text.unicodeScalars))
        guard tokens.count > 0, let (expression, first, end) = DateGrammar(tokens: tokens, strict: false).match(at: 0),
              first == 0, end == tokens.count
        else { return nil }
        return expression
    }
}

/// The date grammar over tokens. `strict` applies the context rules used while
/// scanning text; normalize parses a mention's own text with `strict` off.
struct DateGrammar {
    typealias Match = (DateExpression, first: Int, end: Int)

    let tokens: Tokens
    let strict: Bool

    func match(at index: Int) -> Match? {
        if tokens.isWord(index, "from") || tokens.isWord(index, "between") {
            let connector: Set<String> = tokens.isWord(index, "from") ? ["to", "until", "till", "through", "thru"] : ["and"]
            if let lower = single(at: index + 1, context: true), let upper = rangeUpper(after: lower, connectors: connector) {
                return (.range(lower.0, upper.0), index, upper.end)
            }
            // "from 3 to 12 March 2024", "between 3 and 5 May": the first day takes the second's month and year.
            if let day = dayNumber(index + 1), tokens.isWord(day.end, in: connector) || tokens.isDash(day.end),
               let upper = single(at: day.end + 1, context: true), case .calendar(let year, let month?, let otherDay?) = upper.0,
               day.value < otherDay
            {
                return (.range(.calendar(year: year, month: month, day: day.value), upper.0), index, upper.end)
            }
            return nil
        }
        guard let lower = single(at: index, context: false) else { return nil }
        if let upper = rangeUpper(after: lower, connectors: ["to", "until", "till", "through", "thru"]) {
            return (.range(lower.0, upper.0), lower.first, upper.end)
        }
        return lower
    }

    /// The end of a range after `lower`: a connector word or a dash, then a date of a compatible kind.
    private func rangeUpper(after lower: Match, connectors: Set<String>) -> Match? {
        guard case .calendar = lower.0 else { return nil }
        let position = lower.end
        guard position < tokens.count else { return nil }
        let isConnector = tokens.isWord(position, in: connectors) || (connectors.contains("to") && tokens.isDash(position))
        guard isConnector, let upper = single(at: position + 1, context: true) else { return nil }
        guard case .calendar = upper.0 else { return nil }
        return upper
    }

    // MARK: - Single expressions

    private func single(at index: Int, context: Bool) -> Match? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .number:
            return numeric(at: index, context: context)
        case .symbol:
            return apostropheDecade(at: index)
        case .word:
            guard let entry = tokens.entry(index) else { return nil }
            let classes = entry.classes
            if classes.contains(.month) { return monthFirst(at: index, month: Int(entry.number), context: context) }
            if classes.contains(.weekday) { return weekday(at: index, day: Int(entry.number)) }
            if classes.contains(.relativeDay) {
                return (.relativeDay(Int(entry.number)), index, partOfDayEnd(after: index + 1))
            }
            if classes.contains(.relativeModifier), let offset = tokens.relativeOffset(index),
               let match = relative(at: index, offset: offset)
            {
                return match
            }
                if entry.word == "the", let inner = single(at: index + 1, context: context), theTakesPart(inner.0, at: index + 1) {
                return (inner.0, index, inner.end)
            }
            if classes.contains(.periodPart), let match = periodPart(at: index, context: context) { return match }
            if let match = ago(at: index) { return match }
            if let match = quarter(at: index) { return match }
            if let match = season(at: index, offset: nil) { return match }
            return nil
        }
    }

    /// "Tuesday", "Tuesday night", "Tuesday, December 7, 2023".
    private func weekday(at index: Int, day: Int) -> Match? {
        guard tokens[index].capitalized || !strict else { return nil }
        // "Tuesday, December 7, 2023", "Thursday 7 December": the weekday joins the date.
        let dateStart = tokens.isSymbol(index + 1, ",") ? index + 2 : index + 1
        if tokens.isNumber(dateStart) || tokens.has(dateStart, .month), let date = single(at: dateStart, context: true),
           case .calendar(_, let month, let dayOfMonth) = date.0, month != nil, dayOfMonth != nil
        {
            return (date.0, index, date.end)
        }
        if strict, index > 0, tokens[index - 1].capitalized, tokens[index - 1].lexeme < 0, tokens.attached(index) == false,
           !tokens[index].newlineBefore
        {
            // "Black Friday", "Ash Wednesday": a name, not a date.
            return nil
        }
        return (.weekday(day, offset: nil), index, partOfDayEnd(after: index + 1))
    }

    private func partOfDayEnd(after index: Int) -> Int {
        tokens.has(index, .partOfDay) ? index + 1 : index
    }

    /// "last week", "this year", "next Tuesday", "last February", "last night", "this morning".
    private func relative(at index: Int, offset: Int) -> Match? {
        let word = tokens.entry(index)!.word
        guard word == "last" || word == "this" || word == "next" || word == "coming" || word == "current" else { return nil }
        let next = index + 1
        guard let entry = tokens.entry(next) else { return nil }
        if entry.classes.contains(.period), let period = entry.period {
            // "last years" is not a date; "last week" is.
            guard !entry.word.hasSuffix("s") else { return nil }
            let datePeriod: DatePeriod
            switch period {
            case .week: datePeriod = .week
            case .weekend: datePeriod = .weekend
            case .month: datePeriod = .month
            case .year: datePeriod = .year
            case .quarter: datePeriod = .quarter
            case .decade: datePeriod = .decade
            default: return nil
            }
            return (.relativePeriod(datePeriod, offset: offset), index, next + 1)
        }
        if entry.classes.contains(.weekday), tokens[next].capitalized || !strict {
            return (.weekday(Int(entry.number), offset: offset), index, partOfDayEnd(after: next + 1))
        }
        if entry.classes.contains(.month), tokens[next].capitalized || !strict, tokens.length(next) > 3 || entry.word == "may" {
            return (.relativeMonth(Int(entry.number), offset: offset), index, next + 1)
        }
        if word == "last", entry.word == "night" { return (.relativeDay(-1), index, next + 1) }
        if let match = season(at: next, offset: offset), case .season(_, nil, _) = match.0 { return (match.0, index, match.end) }
        if word == "this", entry.classes.contains(.partOfDay), entry.word != "night" { return (.relativeDay(0), index, next + 1) }
        return nil
    }

    /// "earlier this month", "late last year", "early 2023", "mid-March", "the end of last year".
    private func periodPart(at index: Int, context: Bool) -> Match? {
        let word = tokens.entry(index)!.word
        var next = index + 1
        if word == "end" || word == "beginning" || word == "start" || word == "middle" {
            guard tokens.isWord(next, "of") else { return nil }
            next += 1
            if tokens.isWord(next, "the") {
                // "the end of the year/month/week": the current one.
                if let entry = tokens.entry(next + 1), entry.classes.contains(.period), let period = entry.period,
                   !entry.word.hasSuffix("s")
                {
                    switch period {
                    case .year: return (.relativePeriod(.year, offset: 0), index, next + 2)
                    case .month: return (.relativePeriod(.month, offset: 0), index, next + 2)
                    case .week: return (.relativePeriod(.week, offset: 0), index, next + 2)
                    default: return nil
                    }
                }
                return nil
            }
        } else if tokens.isDash(next), tokens.attached(next), tokens.attached(next + 1) {
            next += 1
        }
        guard let inner = single(at: next, context: true) else { return nil }
        switch inner.0 {
        case .relativePeriod, .calendar, .decade, .monthOfYear, .relativeMonth, .season:
            if case .calendar(let year, let month, let day) = inner.0, day != nil || (year == nil && month == nil) { return nil }
            return (inner.0, index, inner.end)
        default:
            return nil
        }
    }

    /// "two years ago", "3 weeks ago", "a decade ago".
    private func ago(at index: Int) -> Match? {
        var amount = 0
        var position = index
        if tokens.isWord(index, "a") || tokens.isWord(index, "an") || tokens.isWord(index, "one") {
            amount = 1
            position += 1
        } else if let number = NumberParser.parse(tokens, at: index), !number.vague, !number.hasDecimals, number.value < 10_000 {
            amount = Int(number.value)
            position = number.end
        } else {
            return nil
        }
        guard let entry = tokens.entry(position), entry.classes.contains(.period), let period = entry.period,
              tokens.isWord(position + 1, "ago")
        else { return nil }
        let unit: DatePeriod
        switch period {
        case .day: unit = .day
        case .week: unit = .week
        case .month: unit = .month
        case .year: unit = .year
        case .decade: unit = .decade
        case .century: unit = .century
        default: return nil
        }
        return (.ago(amount, unit), index, position + 2)
    }

    /// "Q3 2023", "the third quarter of 2023", "the first quarter".
    private func quarter(at index: Int) -> Match? {
        var position = index
        var number = 0
        if tokens.isWordToken(index), tokens.length(index) == 1, tokens.scalars[tokens[index].start] == "Q", tokens.attached(index + 1), let value = tokens.integer(index + 1),
           tokens.length(index + 1) == 1, (1...4).contains(value)
        {
            number = value
            position = index + 2
            if let year = fourDigitYear(position) { return (.quarter(number, year: year), index, position + 1) }
            return strict ? nil : (.quarter(number, year: nil), index, position)
        }
        guard let entry = tokens.entry(index), entry.classes.contains(.ordinal), (1...4).contains(Int(entry.number)),
              tokens.isWord(index + 1, "quarter")
        else { return nil }
        number = Int(entry.number)
        position = index + 2
        if tokens.isWord(position, "of") || tokens.isSymbol(position, ",") {
            if let year = fourDigitYear(position + 1) { return (.quarter(number, year: year), index, position + 2) }
        }
        if let year = fourDigitYear(position) { return (.quarter(number, year: year), index, position + 1) }
        return nil
    }

    static func season(named word: String) -> Season? {
        switch word {
        case "spring": return .spring
        case "summer": return .summer
        case "autumn", "fall": return .autumn
        case "winter": return .winter
        default: return nil
        }
    }

    /// "summer 2022", "the summer of 2022", "winter 2021-22"; after "last/this/next": the season alone.
    private func season(at index: Int, offset: Int?) -> Match? {
        guard let word = tokens.entry(index)?.word, let season = Self.season(named: word) else { return nil }
        if word == "fall", tokens[index].capitalized == false, offset == nil { return nil }
        var position = index + 1
        if tokens.isWord(position, "of") { position += 1 }
        if let year = fourDigitYear(position) {
            var end = position + 1
            // "winter 2021-22"
            if season == .winter, tokens.isDash(end) || tokens.isSymbol(end, "/"), tokens.attached(end), tokens.isPlainDigits(end + 1, count: 2) {
                end += 2
            }
            return (.season(season, year: year, offset: nil), index, end)
        }
        guard let offset else { return nil }
        return (.season(season, year: nil, offset: offset), index, index + 1)
    }

    // MARK: - Months

    private func monthFirst(at index: Int, month: Int, context: Bool) -> Match? {
        let isAbbreviation = isAbbreviatedMonth(index)
        if strict, !tokens[index].capitalized { return nil }
        var position = index + 1
        if isAbbreviation, tokens.isSymbol(position, "."), tokens.attached(position) { position += 1 }
        // Month Day[th][-Day2][,] [Year]
        if let day = dayNumber(position) {
            var end = day.end
            var secondDay: Int?
            if tokens.isDash(end), tokens.attached(end), let other = dayNumber(end + 1), other.value > day.value {
                secondDay = other.value
                end = other.end
            }
            var year: Int?
            var afterComma = end
            if tokens.isSymbol(end, ",") { afterComma = end + 1 }
            if let value = fourDigitYear(afterComma) {
                year = value
                end = afterComma + 1
            } else if tokens.isSymbol(end, ","), false {
                end += 1
            }
            if let secondDay {
                return (.range(.calendar(year: year, month: month, day: day.value), .calendar(year: year, month: month, day: secondDay)), index, end)
            }
            return (.calendar(year: year, month: month, day: day.value), index, end)
        }
        // Month [,|of] Year
        var yearPosition = index + 1
        if tokens.isSymbol(yearPosition, ",") || tokens.isWord(yearPosition, "of") { yearPosition += 1 }
        if let year = fourDigitYear(yearPosition) {
            return (.calendar(year: year, month: month, day: nil), index, yearPosition + 1)
        }
        // Month [of] this/last/next year
        var relativePosition = index + 1
        if tokens.isWord(relativePosition, "of") { relativePosition += 1 }
        if let modifier = tokens.entry(relativePosition), modifier.classes.contains(.relativeModifier),
           ["this", "last", "next"].contains(modifier.word), tokens.isWord(relativePosition + 1, "year")
        {
            return (.monthOfYear(month, yearOffset: tokens.relativeOffset(relativePosition) ?? 0), index, relativePosition + 2)
        }
        // A bare month.
        if isAbbreviation, strict { return nil }
        if strict, !context, !bareMonthContext(index) { return nil }
        return (.calendar(year: nil, month: month, day: nil), index, index + 1)
    }

    private func isAbbreviatedMonth(_ index: Int) -> Bool {
        guard let word = tokens.entry(index)?.word else { return false }
        return word.count <= 4 && word != "may" && word != "june" && word != "july"
    }

    /// "the third quarter of 2023", "the end of the year": the article belongs to the expression.
    private func theTakesPart(_ expression: DateExpression, at index: Int) -> Bool {
        if case .quarter = expression { return true }
        if case .range = expression, tokens.isWord(index + 2, "century") { return true }
        if case .season = expression { return true }
        guard let word = tokens.entry(index)?.word else { return false }
        return ["end", "beginning", "start", "middle"].contains(word)
    }

    /// True when a bare month name at `index` reads as a date: after a date preposition
    /// ("in May", "since February") or before a possessive ("February's vote").
    private func bareMonthContext(_ index: Int) -> Bool {
        if tokens.isSymbol(index + 1, "'") || tokens.isSymbol(index + 1, "’"), tokens.isWord(index + 2, "s") { return true }
        if index > 1, tokens.isSymbol(index - 1, ","), tokens.has(index - 2, .month), tokens[index - 2].capitalized { return true }
        guard index > 0, let previous = tokens.entry(index - 1) else { return false }
        if previous.word == "and" || previous.word == "or" { return tokens.has(index - 2, .month) }
        if tokens.isSymbol(index - 1, ","), tokens.has(index - 2, .month) { return true }
        if previous.word == "may" || previous.word == "march" { return false }
        return previous.classes.contains(.datePreposition) && previous.word != "as" && previous.word != "for"
            && previous.word != "than" && previous.word != "that"
    }

    /// A day of the month (1-31, with an optional "st"/"nd"/"rd"/"th") at `index`.
    private func dayNumber(_ index: Int) -> (value: Int, end: Int)? {
        guard tokens.isNumber(index), tokens.length(index) <= 2, let value = tokens.integer(index), (1...31).contains(value) else {
            return nil
        }
        var end = index + 1
        if tokens.has(end, .ordinalSuffix), tokens.attached(end) { end += 1 }
        // "May 5:30", "June 3.5": not a day.
        if tokens.isSymbol(end, ":"), tokens.attached(end) { return nil }
        if tokens.isSymbol(end, "%") || tokens.has(end, .scale) && tokens.attached(end) { return nil }
        return (value, end)
    }

    private func fourDigitYear(_ index: Int) -> Int? {
        guard tokens.isPlainDigits(index, count: 4), let value = tokens.integer(index), (1000...2199).contains(value) else { return nil }
        // "2023 people" after a month is still "March 2023"; but "2023-24" or "2023%" are not plain years.
        if tokens.isSymbol(index + 1, "%") { return nil }
        return value
    }

    // MARK: - Numbers

    private func numeric(at index: Int, context: Bool) -> Match? {
        // A number glued to a word or symbol ("a?b=1", "v2", "#5") is part of something else.
        if !context, index > 0, tokens.attached(index), !opensNumber(index - 1) { return nil }
        // Day-first: "7 December 2023", "7th of December", "3-5 March 2023".
        if let day = dayNumber(index) {
            var position = day.end
            var secondDay: Int?
            if tokens.isDash(position), tokens.attached(position), let other = dayNumber(position + 1), other.value > day.value {
                secondDay = other.value
                position = other.end
            }
            if tokens.isWord(position, "of") { position += 1 }
            if let entry = tokens.entry(position), entry.classes.contains(.month), tokens[position].capitalized || !strict {
                let month = Int(entry.number)
                var end = position + 1
                if tokens.isSymbol(end, "."), tokens.attached(end), isAbbreviatedMonth(position) { end += 1 }
                var year: Int?
                var yearPosition = end
                if tokens.isSymbol(yearPosition, ",") { yearPosition += 1 }
                if let value = fourDigitYear(yearPosition) {
                    year = value
                    end = yearPosition + 1
                } else if tokens.isSymbol(end - 1, "."), end - 1 > position, tokens.isSymbol(end, ".") == false {
                    // "7 Dec." at a sentence end: keep the dot only when something follows on the line.
                }
                if let secondDay {
                    return (.range(.calendar(year: year, month: month, day: day.value), .calendar(year: year, month: month, day: secondDay)), index, end)
                }
                return (.calendar(year: year, month: month, day: day.value), index, end)
            }
        }
        if let match = century(at: index) { return match }
        if let match = slashed(at: index) { return match }
        if let match = dotted(at: index) { return match }
        if let match = ago(at: index) { return match }
        guard tokens.isPlainDigits(index, count: 4), let year = tokens.integer(index) else { return nil }
        // Decades: "1990s", "1990's".
        if year % 10 == 0, (1000...2190).contains(year) {
            if tokens.isWord(index + 1, "s"), tokens.attached(index + 1) { return (.decade(year), index, index + 2) }
            if tokens.isSymbol(index + 1, "'") || tokens.isSymbol(index + 1, "’"), tokens.attached(index + 1),
               tokens.isWord(index + 2, "s"), tokens.attached(index + 2)
            {
                return (.decade(year), index, index + 3)
            }
        }
        guard (1000...2199).contains(year) else { return nil }
        // Year ranges: "2019-2021", "2019–21", "2019/20".
        if tokens.isDash(index + 1) || tokens.isSymbol(index + 1, "/"), tokens.attached(index + 1), tokens.attached(index + 2),
           tokens.isNumber(index + 2)
        {
            if tokens.isPlainDigits(index + 2, count: 4), let other = tokens.integer(index + 2), other > year, other - year < 200 {
                return (.range(.calendar(year: year, month: nil, day: nil), .calendar(year: other, month: nil, day: nil)), index, index + 3)
            }
            if tokens.isPlainDigits(index + 2, count: 2), let short = tokens.integer(index + 2), short == (year + 1) % 100 {
                return (.range(.calendar(year: year, month: nil, day: nil), .calendar(year: year + 1, month: nil, day: nil)), index, index + 3)
            }
            return nil
        }
        if strict, !yearIsDate(index, year: year, context: context) { return nil }
        return (.calendar(year: year, month: nil, day: nil), index, index + 1)
    }

    /// "19th century", "the 21st century" (as "the 1800s": 1800-1899).
    private func century(at index: Int) -> Match? {
        guard tokens.length(index) <= 2, let value = tokens.integer(index), (1...22).contains(value),
              tokens.has(index + 1, .ordinalSuffix), tokens.attached(index + 1), tokens.isWord(index + 2, "century")
        else { return nil }
        let start = (value - 1) * 100
        return (.range(.calendar(year: start, month: nil, day: nil), .calendar(year: start + 99, month: nil, day: nil)), index, index + 3)
    }

    /// "2023-12-07", "2023/12/07", "12/07/2023", "7/12/23".
    private func slashed(at index: Int) -> Match? {
        guard tokens.isNumber(index), tokens.attached(index + 1), tokens.attached(index + 2), tokens.attached(index + 3),
              tokens.attached(index + 4), tokens.isNumber(index + 2), tokens.isNumber(index + 4)
        else { return nil }
        let dash = tokens.isDash(index + 1) && tokens.isDash(index + 3)
        let slash = tokens.isSymbol(index + 1, "/") && tokens.isSymbol(index + 3, "/")
        guard dash || slash, let a = tokens.integer(index), let b = tokens.integer(index + 2), let c = tokens.integer(index + 4) else {
            return nil
        }
        // Not part of a longer run like a phone number or an identifier ("12/07/2023/5").
        if (tokens.isSymbol(index + 5, "/") || tokens.isDash(index + 5)) && tokens.attached(index + 5) && tokens.isNumber(index + 6) { return nil }
        if index > 0, tokens.attached(index), tokens.isSymbol(index - 1, "/") || tokens.isDash(index - 1) || tokens[index - 1].kind == .number {
            return nil
        }
        if tokens.length(index) == 4 {
            guard (1000...2199).contains(a), (1...12).contains(b), (1...31).contains(c), tokens.length(index + 2) <= 2,
                  tokens.length(index + 4) <= 2
            else { return nil }
            return (.calendar(year: a, month: b, day: c), index, index + 5)
        }
        guard slash || tokens.length(index + 4) == 4, tokens.length(index) <= 2, tokens.length(index + 2) <= 2 else { return nil }
        let yearDigits = tokens.length(index + 4)
        guard yearDigits == 4 || yearDigits == 2 else { return nil }
        let year = yearDigits == 2 ? (c < 50 ? 2000 + c : 1900 + c) : c
        guard (1...31).contains(a), (1...31).contains(b), a <= 12 || b <= 12 else { return nil }
        return (.numeric(first: a, second: b, year: year), index, index + 5)
    }

    /// Symbols that may stand right before a date's first number: brackets and quotes.
    private func opensNumber(_ index: Int) -> Bool {
        guard tokens[index].kind == .symbol else { return false }
        let scalar = tokens.scalars[tokens[index].start]
        return "([\"“‘'«—–".unicodeScalars.contains(scalar)
    }

    /// "07.12.2023": one digit token with two dots, read day-first.
    private func dotted(at index: Int) -> Match? {
        let token = tokens[index]
        let length = token.end - token.start
        guard length >= 8, length <= 10 else { return nil }
        let parts = tokens.text(index).split(separator: ".")
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...31).contains(day), (1...12).contains(month), (1000...2199).contains(year)
        else { return nil }
        return (.calendar(year: year, month: month, day: day), index, index + 1)
    }

    /// "the '90s", "’80s".
    private func apostropheDecade(at index: Int) -> Match? {
        guard tokens.isSymbol(index, "'") || tokens.isSymbol(index, "’"), tokens.isPlainDigits(index + 1, count: 2),
              tokens.attached(index + 1), tokens.isWord(index + 2, "s"), tokens.attached(index + 2),
              let value = tokens.integer(index + 1), value % 10 == 0
        else { return nil }
        if index > 0, tokens.attached(index), tokens[index - 1].kind == .word { return nil }
        return (.decade(value >= 30 ? 1900 + value : 2000 + value), index, index + 3)
    }

    /// Whether a bare four-digit number at `index` is a year here.
    private func yearIsDate(_ index: Int, year: Int, context: Bool) -> Bool {
        // Glued to something else: "$2009", "#2009", "v2009", "2009:" (but "mid-2009" is fine).
        if index > 0, tokens.attached(index), !context {
            let previous = tokens[index - 1]
            if previous.kind != .symbol { return false }
            if !(tokens.isSymbol(index - 1, "(") || tokens.isSymbol(index - 1, "\"") || tokens.isSymbol(index - 1, "“")
                || tokens.isSymbol(index - 1, "[") || tokens.isSymbol(index - 1, "'") || tokens.isSymbol(index - 1, "‘"))
            {
                return false
            }
        }
        if index + 1 < tokens.count, tokens.attached(index + 1) {
            let next = tokens[index + 1]
            if next.kind != .symbol { return false }
            if tokens.isSymbol(index + 1, ":") || tokens.isSymbol(index + 1, "/") || tokens.isSymbol(index + 1, "%")
                || tokens.isDash(index + 1) && tokens.isNumber(index + 2)
            {
                return false
            }
        }
        let previousEntry = index > 0 && !tokens[index].newlineBefore ? tokens.entry(index - 1) : nil
        let afterPreposition = context || (previousEntry.map { $0.classes.contains(.datePreposition) } ?? false)
        let afterDeterminer = previousEntry.map { $0.classes.contains(.determiner) } ?? false
        if index > 0, !tokens[index].newlineBefore, !afterPreposition {
            if tokens.has(index - 1, .identifierCue) { return false }
            // "Windows 2000", "Euro 2024": a capitalised name before the number.
            if tokens[index - 1].capitalized, previousEntry == nil || !(previousEntry!.classes.contains(.month)) {
                if !startsSentence(index - 1) { return false }
            }
            // "than 2000", "of 2000 people" are counts.
            if tokens.isSymbol(index - 1, "$") || tokens.isSymbol(index - 1, "#") { return false }
        }
        if year < 1800, !afterPreposition { return false }
        // A count: "2009 people", "1500 tonnes".
        if !afterPreposition || !context {
            if let next = tokens.entry(index + 1), next.classes.contains(.measure) && !afterPreposition { return false }
            if !afterPreposition, !afterDeterminer, headNounFollows(index + 1) { return false }
        }
        if let next = tokens.entry(index + 1), next.classes.contains(.scale), !tokens.isWord(index + 1, "m") { return false }
        return true
    }

    private func startsSentence(_ index: Int) -> Bool {
        if index == 0 || tokens[index].newlineBefore { return true }
        let previous = index - 1
        return tokens.isSymbol(previous, ".") || tokens.isSymbol(previous, "!") || tokens.isSymbol(previous, "?")
            || tokens.isSymbol(previous, "\"") || tokens.isSymbol(previous, "“") || tokens.isSymbol(previous, ":")
    }

    /// True when a plural noun (a count's unit) follows within two words: "2009 people", "2000 new homes".
    private func headNounFollows(_ index: Int) -> Bool {
        var position = index
        for _ in 0..<3 {
            guard tokens.isWordToken(position), !tokens[position].newlineBefore, !tokens.attached(position) || position > index else { return false }
            if tokens.has(position, [.stop, .datePreposition, .month, .weekday]) { return false }
            if UnitPhrase.isPluralHead(tokens, position) { return true }
            position += 1
        }
        return false
    }
}
