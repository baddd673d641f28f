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
            case .word: candidate = token.lexeme >= 0 && tokens.has(index, [.startsDate, .hedgeApproximate, .hedgeMinimum])
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
        let tokens = Tokens(text.codePoints)
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
        if tokens.isWord(index, "in") { return inPeriods(at: index) }
        guard let lower = single(at: index, context: false) else { return nil }
        if let upper = rangeUpper(after: lower, connectors: ["to", "until", "till", "through", "thru"]) {
            return (.range(lower.0, upper.0), lower.first, upper.end)
        }
        return lower
    }

    /// The end of a range after `lower`: a connector word or a dash, then a date of a compatible kind.
    private func rangeUpper(after lower: Match, connectors: Set<String>) -> Match? {
        guard Self.isDay(lower.0) else { return nil }
        let position = lower.end
        guard position < tokens.count else { return nil }
        let isConnector = tokens.isWord(position, in: connectors) || (connectors.contains("to") && tokens.isDash(position))
        guard isConnector, let upper = single(at: position + 1, context: true), Self.isDay(upper.0) else { return nil }
        return upper
    }

    /// A calendar date or an all-numeric one: what a range can join ("March 3, 2019 - 04/15/2019").
    private static func isDay(_ expression: DateExpression) -> Bool {
        switch expression {
        case .calendar, .numeric: return true
        default: return false
        }
    }

    /// A dash or a tilde between the two ends of a range ("2010-2012", "2010~2012").
    private func isRangeDash(_ index: Int) -> Bool {
        tokens.isDash(index) || tokens.isSymbol(index, "~") || tokens.isSymbol(index, "～")
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
            if classes.contains(.ordinal) || classes.contains(.cardinal), let match = ordinalOfMonth(at: index, context: context) {
                return match
            }
            if entry.word == "week", let match = week(at: index) { return match }
            // "the day after tomorrow", "the day before yesterday".
            if entry.word == "day", tokens.isWord(index + 1, in: ["after", "before"]), let relative = tokens.entry(index + 2),
               relative.classes.contains(.relativeDay), relative.word != "today", relative.word != "tonight"
            {
                let offset = Int(relative.number) + (tokens.isWord(index + 1, "after") ? 1 : -1)
                return (.relativeDay(offset), index, index + 3)
            }
            if let (year, end) = spelledYear(at: index) { return (.calendar(year: year, month: nil, day: nil), index, end) }
            if entry.word == "year", let (year, end) = spelledYear(at: index + 1) {
                return (.calendar(year: year, month: nil, day: nil), index, end)
            }
            if entry.word == "fiscal", let year = fourDigitYear(index + 1) { return (.calendar(year: year, month: nil, day: nil), index, index + 2) }
            // "year-earlier", "year-ago" results: the year before.
            if entry.word == "year", tokens.isDash(index + 1), tokens.attached(index + 1), tokens.attached(index + 2),
               tokens.isWord(index + 2, in: ["earlier", "ago"])
            {
                return (.ago(1, .year), index, index + 3)
            }
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
            // "on the 5th", "by the 21st": a day of the month in hand (the reference's).
            if entry.word == "the", !strict || index > 0 && tokens.isWord(index - 1, in: ["on", "by", "until", "till", "since"]),
               let day = numberedOrdinal(at: index + 1), !tokens.isWordToken(day.end) || tokens.has(day.end, [.stop, .datePreposition])
                && !tokens.isWord(day.end, "of")
            {
                return (.dayOfMonth(day.value), index, day.end)
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
        // "Tuesday next week", "Friday last week".
        if let offset = tokens.relativeOffset(index + 1), tokens.isWord(index + 2, "week") {
            return (.weekdayOfWeek(day, weekOffset: offset), index, index + 3)
        }
        return (.weekday(day, offset: nil), index, partOfDayEnd(after: index + 1))
    }

    /// A weekday written short ("Wed", "Thurs"), only where a date is certain ("next week Wed").
    private func weekdayAbbreviation(_ index: Int) -> Int? {
        guard tokens.isWordToken(index), tokens[index].capitalized || !strict else { return nil }
        switch tokens.lowercased(index) {
        case "mon": return 1
        case "tue", "tues": return 2
        case "wed": return 3
        case "thu", "thur", "thurs": return 4
        case "fri": return 5
        case "sat": return 6
        case "sun": return 7
        default: return nil
        }
    }

    /// "week 12", "week 12 of 2024", "the week of June 3rd".
    private func week(at index: Int) -> Match? {
        if let number = tokens.integer(index + 1), tokens.length(index + 1) <= 2, (1...53).contains(number) {
            if tokens.isWord(index + 2, "of") || tokens.isSymbol(index + 2, ","), let year = fourDigitYear(index + 3) {
                return (.isoWeek(number, year: year), index, index + 4)
            }
            if let year = fourDigitYear(index + 2) { return (.isoWeek(number, year: year), index, index + 3) }
            // "week 12" alone: not "week 12 games" or "Week 3 of the season".
            if strict, tokens.isWord(index + 2, "of") || tokens.isWordToken(index + 2) && !tokens.has(index + 2, [.stop, .datePreposition]) {
                return nil
            }
            return (.isoWeek(number, year: nil), index, index + 2)
        }
        if tokens.isWord(index + 1, "of"), let day = single(at: index + 2, context: true), case .calendar(_, _?, _?) = day.0 {
            return (.weekOf(day.0), index, day.end)
        }
        return nil
    }

    /// "third of Sept", "the fifth of March 2024", "the first week of May", "the 3rd week of June".
    private func ordinalOfMonth(at index: Int, context: Bool) -> Match? {
        guard let day = spelledDay(at: index, ordinalOnly: true) ?? numberedOrdinal(at: index) else { return nil }
        var position = day.end
        if tokens.isWord(position, "week"), tokens.isWord(position + 1, "of"), let month = single(at: position + 2, context: true) {
            switch month.0 {
            case .calendar(_, _?, nil), .relativeMonth, .monthOfYear:
                return day.value <= 5 ? (.weekOfMonth(day.value, month: month.0), index, month.end) : nil
            default:
                return nil
            }
        }
        guard tokens.isWord(position, "of") else { return nil }
        position += 1
        guard let entry = tokens.entry(position), entry.classes.contains(.month), tokens[position].capitalized || !strict else { return nil }
        var end = position + 1
        // "the third of Sept. 2024" keeps the abbreviation's dot; "the third of Sept." leaves it to the sentence.
        var yearPosition = end
        if tokens.isSymbol(yearPosition, "."), tokens.attached(yearPosition), isAbbreviatedMonth(position) { yearPosition += 1 }
        if tokens.isSymbol(yearPosition, ",") { yearPosition += 1 }
        var year: Int?
        if let value = fourDigitYear(yearPosition) {
            year = value
            end = yearPosition + 1
        }
        return (.calendar(year: year, month: Int(entry.number), day: day.value), index, end)
    }

    /// A year in words as speech transcripts write it: "nineteen ninety-six", "nineteen eighty",
    /// "two thousand", "two thousand and three" (the last two only after "year").
    private func spelledYear(at index: Int) -> (Int, Int)? {
        guard let entry = tokens.entry(index), entry.classes.contains(.cardinal) else { return nil }
        if entry.word == "nineteen", let tens = tokens.entry(index + 1), tens.classes.contains(.cardinal), tens.number >= 20,
           Int(tens.number) % 10 == 0
        {
            var end = index + 2
            var value = 1900 + Int(tens.number)
            if tokens.isDash(end), tokens.attached(end), let unit = tokens.entry(end + 1), unit.classes.contains(.cardinal),
               (1...9).contains(Int(unit.number))
            {
                value += Int(unit.number)
                end += 2
            } else if let unit = tokens.entry(end), unit.classes.contains(.cardinal), (1...9).contains(Int(unit.number)) {
                value += Int(unit.number)
                end += 1
            }
            return (value, end)
        }
        if entry.word == "two", tokens.isWord(index + 1, "thousand"), index > 0, tokens.isWord(index - 1, "year") {
            var end = index + 2
            var value = 2000
            let unitPosition = tokens.isWord(end, "and") ? end + 1 : end
            if let unit = tokens.entry(unitPosition), unit.classes.contains(.cardinal), (1...19).contains(Int(unit.number)) {
                value += Int(unit.number)
                end = unitPosition + 1
            }
            return (value, end)
        }
        return nil
    }

    /// "3rd", "21st" as a day (a number with its ordinal suffix).
    private func numberedOrdinal(at index: Int) -> (value: Int, end: Int)? {
        guard let day = dayNumber(index), day.end == index + 2 else { return nil }
        return day
    }

    /// A day of the month in words: "eighth", "twenty-first", "twenty one", "thirty" (cardinals
    /// only when `ordinalOnly` is false).
    private func spelledDay(at index: Int, ordinalOnly: Bool) -> (value: Int, end: Int)? {
        guard let entry = tokens.entry(index) else { return nil }
        if entry.classes.contains(.ordinal), (1...31).contains(Int(entry.number)) { return (Int(entry.number), index + 1) }
        guard entry.classes.contains(.cardinal), (20...30).contains(Int(entry.number)) || !ordinalOnly && (1...19).contains(Int(entry.number))
        else { return nil }
        let tens = Int(entry.number)
        var next = index + 1
        if tokens.isDash(next), tokens.attached(next), tokens.attached(next + 1) { next += 1 }
        if tens % 10 == 0, tens >= 20, let unit = tokens.entry(next), next > index, tokens.isWordToken(next),
           !tokens[next].newlineBefore, (1...9).contains(Int(unit.number)), tens + Int(unit.number) <= 31,
           unit.classes.contains(.ordinal) || unit.classes.contains(.cardinal) && !ordinalOnly
        {
            return (tens + Int(unit.number), next + 1)
        }
        return ordinalOnly ? nil : (tens, index + 1)
    }

    private func partOfDayEnd(after index: Int) -> Int {
        tokens.has(index, .partOfDay) ? index + 1 : index
    }

    /// "last week", "this year", "next Tuesday", "last February", "last night", "this morning".
    private func relative(at index: Int, offset: Int) -> Match? {
        let word = tokens.entry(index)!.word
        guard ["last", "this", "next", "coming", "current", "past", "previous"].contains(word) else { return nil }
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
            // "next week Wed", "last week Tuesday": a day of that week.
            if datePeriod == .week {
                let day = tokens.has(next + 1, .weekday) && (tokens[next + 1].capitalized || !strict)
                    ? tokens.entry(next + 1).map { Int($0.number) } : weekdayAbbreviation(next + 1)
                if let day { return (.weekdayOfWeek(day, weekOffset: offset), index, next + 2) }
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
        case .relativeDay, .weekday:
            guard word != "end", word != "beginning", word != "start", word != "middle" else { return nil }
            return (inner.0, index, inner.end)
        case .relativePeriod, .calendar, .decade, .monthOfYear, .relativeMonth, .season:
            if case .calendar(let year, let month, let day) = inner.0, day != nil || (year == nil && month == nil) { return nil }
            return (inner.0, index, inner.end)
        default:
            return nil
        }
    }

    /// "two years ago", "3 weeks ago", "a decade ago", "nearly four years ago", "a year earlier",
    /// "three days from today", "two days after today", "two weeks from Monday", "three weeks from now".
    private func ago(at index: Int) -> Match? {
        var position = index
        // A hedge the date keeps: "nearly four years ago", "more than a year ago", "a week or so ago".
        if let hedge = Hedge.match(tokens, at: index), hedge.bound == nil || tokens.isWord(index, "more") {
            position = hedge.end
        }
        guard let (amount, unit, afterUnit) = periodCount(at: position) else { return nil }
        var end = afterUnit
        if tokens.isWord(end, "or"), tokens.isWord(end + 1, "so") { end += 2 }
        if tokens.isWord(end, "ago") || tokens.isWord(end, "earlier") && position == index {
            return (.ago(amount, unit), index, end + 1)
        }
        guard position == index, end == afterUnit else { return nil }
        if tokens.isWord(end, "from"), tokens.isWord(end + 1, "now") { return (.shift(amount, unit, from: nil), index, end + 2) }
        if tokens.isWord(end, in: ["from", "after", "before"]), let anchor = single(at: end + 1, context: true) {
            switch anchor.0 {
            case .relativeDay, .weekday, .calendar(_, _?, _?), .numeric:
                let sign = tokens.isWord(end, "before") ? -1 : 1
                return (.shift(sign * amount, unit, from: anchor.0), index, anchor.end)
            default:
                return nil
            }
        }
        return nil
    }

    /// "two years", "3 weeks", "a decade" at `index`: the count, its period and the token after.
    private func periodCount(at index: Int) -> (Int, DatePeriod, Int)? {
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
        guard let entry = tokens.entry(position), entry.classes.contains(.period), let period = entry.period else { return nil }
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
        return (amount, unit, position + 1)
    }

    /// True when a past-tense verb comes shortly before `index` in the same sentence ("destroyed
    /// 1,000 homes in two days", "rose 5% in a week"): what follows is a span of time, not a date.
    private func pastTenseBefore(_ index: Int) -> Bool {
        var position = index - 1
        while position >= 0, index - position <= 8 {
            if tokens.isSymbol(position, ".") || tokens.isSymbol(position, ";") || tokens[position + 1].newlineBefore { return false }
            if tokens.isWordToken(position) {
                let word = tokens.lowercased(position)
                if word.count > 3, word.hasSuffix("ed"), !tokens[position].capitalized || position == 0 { return true }
                if Self.pastVerbs.contains(word) { return true }
            }
            position -= 1
        }
        return false
    }

    static let pastVerbs: Set<String> = [
        "was", "were", "had", "did", "took", "made", "got", "came", "went", "sold", "rose", "fell", "grew", "lost", "won",
        "saw", "built", "spent", "paid", "brought", "bought", "ran", "left", "became", "began", "hit", "cut", "drew",
    ]

    /// "in three weeks", "in two days", "in a month": that far after the reference (a span of
    /// time when a verb of change comes before: "doubled in two years" is not a date).
    private func inPeriods(at index: Int) -> Match? {
        guard tokens.isWord(index, "in"), let (amount, unit, end) = periodCount(at: index + 1), !pastTenseBefore(index) else { return nil }
        guard unit == .day || unit == .week || unit == .month || tokens.isWord(end, "time") else { return nil }
        if tokens.isWord(end, "of") || tokens.isWord(end, "to") || tokens.isWord(end, "and") { return nil }
        // "in three years' time"
        if tokens.isWord(end, "time") { return (.shift(amount, unit, from: nil), index, end + 1) }
        if tokens.isSymbol(end, "'") || tokens.isSymbol(end, "’"), tokens.isWord(end + 1, "time") {
            return (.shift(amount, unit, from: nil), index, end + 2)
        }
        return (.shift(amount, unit, from: nil), index, end)
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
        // A lower-case month ("march 2019", "june 5, 2021") only with its year: "march" and "may" are words.
        if strict, !tokens[index].capitalized {
            let day = dayNumber(index + 1)
            let yearPosition = day.map { tokens.isSymbol($0.end, ",") ? $0.end + 1 : $0.end } ?? index + 1
            guard tokens.length(index) > 3, fourDigitYear(yearPosition) != nil, !tokens.has(yearPosition + 1, .measure),
                  !headNounFollows(yearPosition + 1)
            else { return nil }
        }
        var position = index + 1
        if isAbbreviation, tokens.isSymbol(position, "."), tokens.attached(position) { position += 1 }
        // "Nov/5", "Jul-8": month and day joined by a slash or dash.
        if tokens.isSymbol(position, "/") || tokens.isDash(position), tokens.attached(position), tokens.attached(position + 1),
           let day = dayNumber(position + 1),
           !(tokens.attached(day.end) && (tokens.isSymbol(day.end, "/") || tokens.isDash(day.end) || tokens.isNumber(day.end)))
        {
            return (.calendar(year: nil, month: month, day: day.value), index, day.end)
        }
        // "Mar-Apr 2018", "March-April": a range of months.
        if tokens.isDash(position), tokens.attached(position), tokens.attached(position + 1), let other = tokens.entry(position + 1),
           other.classes.contains(.month), Int(other.number) != month
        {
            var end = position + 2
            if tokens.isSymbol(end, "."), tokens.attached(end), isAbbreviatedMonth(position + 1) { end += 1 }
            let year = fourDigitYear(end)
            if year != nil { end += 1 }
            if year != nil || !strict || context {
                return (.range(.calendar(year: year, month: month, day: nil), .calendar(year: year, month: Int(other.number), day: nil)), index, end)
            }
        }
        // "June twenty one", "March eighth", "April thirty".
        // A cardinal ("June twenty one") must end the phrase; an ordinal ("March eighth") may go on.
        if tokens.isWordToken(position), !tokens[position].newlineBefore, let day = spelledDay(at: position, ordinalOnly: false),
           tokens.has(day.end - 1, .ordinal) ? !tokens.has(day.end, .period) : !tokens.isWordToken(day.end)
        {
            var end = day.end
            var year: Int?
            let yearPosition = tokens.isSymbol(end, ",") ? end + 1 : end
            if let value = fourDigitYear(yearPosition) {
                year = value
                end = yearPosition + 1
            }
            return (.calendar(year: year, month: month, day: day.value), index, end)
        }
        // "March the 3rd": the article before the day.
        if tokens.isWord(position, "the"), let day = numberedOrdinal(at: position + 1) {
            return (.calendar(year: fourDigitYear(day.end), month: month, day: day.value), index, fourDigitYear(day.end) != nil ? day.end + 1 : day.end)
        }
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
        if let (year, end) = spelledYear(at: yearPosition) { return (.calendar(year: year, month: month, day: nil), index, end) }
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
        if case .weekOf = expression { return true }
        if case .weekOfMonth = expression { return true }
        guard let word = tokens.entry(index)?.word else { return false }
        if case .calendar(_, _?, _?) = expression, tokens.has(index, .ordinal) { return true }
        if case .relativePeriod = expression, ["past", "previous", "coming", "current"].contains(word) { return true }
        if case .calendar(_?, nil, nil) = expression, word == "year" { return true }
        if case .relativeDay = expression, word == "day" { return true }
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
        if numberedOrdinal(at: index) != nil, tokens.isWord(index + 2, "week"), let match = ordinalOfMonth(at: index, context: context) {
            return match
        }
        if let match = dayMonth(at: index, context: context) { return match }
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
        // Year ranges: "2019-2021", "2019–21", "2019/20", "2010~2012"; a year and month: "2018-7", "2019-03".
        if isRangeDash(index + 1) || tokens.isSymbol(index + 1, "/"), tokens.attached(index + 1), tokens.attached(index + 2),
           tokens.isNumber(index + 2)
        {
            if tokens.isPlainDigits(index + 2, count: 4), let other = tokens.integer(index + 2), other > year, other - year < 200 {
                return (.range(.calendar(year: year, month: nil, day: nil), .calendar(year: other, month: nil, day: nil)), index, index + 3)
            }
            if tokens.isPlainDigits(index + 2, count: 2), let short = tokens.integer(index + 2), short == (year + 1) % 100 {
                return (.range(.calendar(year: year, month: nil, day: nil), .calendar(year: year + 1, month: nil, day: nil)), index, index + 3)
            }
            if tokens.isDash(index + 1), tokens.isPlainDigits(index + 2, count: 1) || tokens.isPlainDigits(index + 2, count: 2),
               let month = tokens.integer(index + 2), (1...12).contains(month),
               !(tokens.attached(index + 3) && (tokens.isDash(index + 3) || tokens.isSymbol(index + 3, "/") || tokens.isNumber(index + 3)))
            {
                return (.calendar(year: year, month: month, day: nil), index, index + 3)
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

    /// "17/06", "05/11": day and month (or month and day) with no year. Taken when both parts have two
    /// digits or a date preposition comes first ("on 3/4"), so fractions and scores ("3/4 of", "24/7") are not dates.
    private func dayMonth(at index: Int, context: Bool) -> Match? {
        guard tokens.isSymbol(index + 1, "/"), tokens.attached(index + 1), tokens.attached(index + 2), tokens.isNumber(index + 2),
              tokens.length(index) <= 2, tokens.length(index + 2) <= 2,
              let a = tokens.integer(index), let b = tokens.integer(index + 2), (1...31).contains(a), (1...31).contains(b), a <= 12 || b <= 12
        else { return nil }
        let after = index + 3
        if tokens.attached(after), tokens.isSymbol(after, "/") || tokens.isDash(after) || tokens.isNumber(after) || tokens.isSymbol(after, ".") && tokens.isNumber(after + 1) {
            return nil
        }
        if index > 0, tokens.attached(index), tokens.isSymbol(index - 1, "/") || tokens.isNumber(index - 1) { return nil }
        if strict, !context {
            let twoDigits = tokens.length(index) == 2 && tokens.length(index + 2) == 2
            let preposition = index > 0 && (tokens.entry(index - 1).map { $0.classes.contains(.datePreposition) && $0.word != "of" } ?? false)
            guard twoDigits || preposition else { return nil }
            if tokens.isWord(after, "of") { return nil }
        }
        return (.numeric(first: a, second: b, year: nil), index, after)
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
