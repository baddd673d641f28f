public import Extraction
public import GleanerCore

/// How to read an all-numeric date like "12/07/2023".
public enum DateOrder: String, Sendable, CaseIterable {
    /// Month first (US): 12/07/2023 is December 7.
    case mdy
    /// Day first (UK, Europe): 12/07/2023 is 12 July.
    case dmy
}

/// A date expression resolved to the calendar.
public indirect enum ResolvedDate: Sendable, Equatable {
    case day(CivilDate)
    case month(year: Int, month: Int)
    case year(Int)
    case range(ResolvedDate, ResolvedDate)
    case unresolved(String)

    /// The contract value: `{date, grain}`, `{from, to, grain}` or `{unresolved}`.
    public var json: JSONValue {
        switch self {
        case .day, .month, .year:
            return ["date": .string(isoString), "grain": .string(grain)]
        case .range(let from, let to):
            if case .unresolved = from { return from.json }
            if case .unresolved = to { return to.json }
            let finer = [from, to].min { $0.grainRank < $1.grainRank }!
            return ["from": .string(from.startString), "to": .string(to.endString), "grain": .string(finer.grain)]
        case .unresolved(let reason):
            return ["unresolved": .string(reason)]
        }
    }

    var grain: String {
        switch self {
        case .day: return "day"
        case .month: return "month"
        case .year: return "year"
        case .range(let from, _): return from.grain
        case .unresolved: return "unknown"
        }
    }

    var grainRank: Int {
        switch self {
        case .day: return 0
        case .month: return 1
        case .year: return 2
        case .range(let from, let to): return min(from.grainRank, to.grainRank)
        case .unresolved: return 3
        }
    }

    var isoString: String {
        switch self {
        case .day(let date): return date.description
        case .month(let year, let month): return CivilDate(year: year, month: month, day: 1).monthString
        case .year(let year): return Digits.pad(year, 4)
        case .range(let from, _): return from.isoString
        case .unresolved: return ""
        }
    }

    var startString: String {
        if case .range(let from, _) = self { return from.startString }
        return isoString
    }

    var endString: String {
        if case .range(_, let to) = self { return to.endString }
        return isoString
    }

    /// The first day the value covers, for ordering range ends.
    var firstDay: CivilDate? {
        switch self {
        case .day(let date): return date
        case .month(let year, let month): return CivilDate(year: year, month: month, day: 1)
        case .year(let year): return CivilDate(year: year, month: 1, day: 1)
        case .range(let from, _): return from.firstDay
        case .unresolved: return nil
        }
    }
}

/// Resolves ``DateExpression``s against a reference date (the article's
/// publication date), preferring the past as news does:
/// - a weekday alone ("on Tuesday") is the latest such day on or before the reference;
/// - a month alone ("in February") is the latest such month starting no later than a month after the reference;
/// - a day without a year ("December 7") is the latest such day no more than 90 days after the reference;
/// - "last"/"next" count from the reference; "this week" is Monday to Sunday.
public struct DateResolver: Sendable {
    public var reference: CivilDate?
    public var order: DateOrder

    public init(reference: CivilDate?, order: DateOrder = .mdy) {
        self.reference = reference
        self.order = order
    }

    static let noReference = ResolvedDate.unresolved("no reference date")

    public func resolve(_ expression: DateExpression) -> ResolvedDate {
        switch expression {
        case .calendar(let year, let month, let day):
            return calendar(year: year, month: month, day: day)
        case .numeric(let first, let second, let year):
            var candidates: [(Int, Int)] = order == .mdy ? [(first, second), (second, first)] : [(second, first), (first, second)]
            candidates = candidates.filter { CivilDate.isValid(year: year ?? 2000, month: $0.0, day: $0.1) }
            guard let (month, day) = candidates.first else { return .unresolved("invalid date") }
            guard let year else { return calendar(year: nil, month: month, day: day) }
            guard CivilDate.isValid(year: year, month: month, day: day) else { return .unresolved("invalid date") }
            return .day(CivilDate(year: year, month: month, day: day))
        case .isoWeek(let week, let year):
            guard let year = year ?? reference?.year else { return Self.noReference }
            // Week 1 holds the year's first Thursday: its Monday is on or before 4 January.
            let fourth = CivilDate(year: year, month: 1, day: 4)
            let monday = fourth.adding(days: 1 - fourth.weekday + 7 * (week - 1))
            return .range(.day(monday), .day(monday.adding(days: 6)))
        case .weekOf(let inner):
            guard case .day(let day) = resolve(inner) else { return .unresolved("not a day") }
            let monday = day.adding(days: 1 - day.weekday)
            return .range(.day(monday), .day(monday.adding(days: 6)))
        case .weekOfMonth(let number, let inner):
            guard case .month(let year, let month) = resolve(inner) else { return .unresolved("not a month") }
            let last = CivilDate.daysIn(year: year, month: month)
            let first = 7 * (number - 1) + 1
            guard (1...5).contains(number), first <= last else { return .unresolved("invalid date") }
            return .range(.day(CivilDate(year: year, month: month, day: first)), .day(CivilDate(year: year, month: month, day: min(first + 6, last))))
        case .decade(let start):
            return .range(.year(start), .year(start + 9))
        case .quarter(let quarter, let year):
            guard let year = year ?? reference?.year else { return Self.noReference }
            return .range(.month(year: year, month: quarter * 3 - 2), .month(year: year, month: quarter * 3))
        case .range(let lower, let upper):
            return range(lower, upper)
        case .season(let season, let year?, _):
            return Self.season(season, year: year)
        default:
            guard let reference else { return Self.noReference }
            return relative(expression, reference: reference)
        }
    }

    private func calendar(year: Int?, month: Int?, day: Int?) -> ResolvedDate {
        if let year {
            guard let month else { return .year(year) }
            guard let day else { return .month(year: year, month: month) }
            guard CivilDate.isValid(year: year, month: month, day: day) else { return .unresolved("invalid date") }
            return .day(CivilDate(year: year, month: month, day: day))
        }
        guard let month else { return .unresolved("no year") }
        guard let reference else { return Self.noReference }
        if let day {
            // The latest such day no more than 90 days after the reference.
            let limit = reference.dayNumber + 90
            for candidateYear in [reference.year + 1, reference.year, reference.year - 1]
            where CivilDate.isValid(year: candidateYear, month: month, day: day) {
                let candidate = CivilDate(year: candidateYear, month: month, day: day)
                if candidate.dayNumber <= limit { return .day(candidate) }
            }
            return .unresolved("invalid date")
        }
        // The latest such month starting no later than a month after the reference.
        let limit = reference.monthStart(adding: 1)
        let year = CivilDate(year: reference.year, month: month, day: 1) <= limit ? reference.year : reference.year - 1
        return .month(year: year, month: month)
    }

    private func range(_ lower: DateExpression, _ upper: DateExpression) -> ResolvedDate {
        // A side without a year takes the other's: "March 3 to May 5, 2023", "between March and May 2023".
        var lower = lower
        let upper = upper
        if case .calendar(nil, let month, let day) = lower, case .calendar(let year?, _, _) = upper {
            lower = .calendar(year: year, month: month, day: day)
        }
        let from = resolve(lower)
        if case .calendar(nil, let month, let day) = upper, let month {
            let year: Int?
            switch from {
            case .day(let date): year = date.year
            case .month(let fromYear, _): year = fromYear
            default: year = nil
            }
            if var year {
                let fromMonth: Int
                if case .day(let date) = from { fromMonth = date.month } else if case .month(_, let m) = from { fromMonth = m } else { fromMonth = month }
                if month < fromMonth { year += 1 }
                return .range(from, calendar(year: year, month: month, day: day))
            }
        }
        return .range(from, resolve(upper))
    }

    private func relative(_ expression: DateExpression, reference: CivilDate) -> ResolvedDate {
        switch expression {
        case .relativeDay(let offset):
            return .day(reference.adding(days: offset))
        case .relativePeriod(let period, let offset):
            return resolvePeriod(period, offset: offset, reference: reference)
        case .ago(let amount, let period):
            return Self.shifted(reference, by: -amount, period)
        case .weekday(let weekday, let offset):
            let today = reference.weekday
            switch offset {
            case nil:
                return .day(reference.adding(days: -((today - weekday + 7) % 7)))
            case .some(-1):
                let back = (today - weekday + 7) % 7
                return .day(reference.adding(days: -(back == 0 ? 7 : back)))
            case .some(1):
                let ahead = (weekday - today + 7) % 7
                return .day(reference.adding(days: ahead == 0 ? 7 : ahead))
            default:
                // "this Monday": the nearest Monday, before or after ("this Monday" on a Friday is the coming one).
                let difference = weekday - today
                return .day(reference.adding(days: difference < -3 ? difference + 7 : difference > 3 ? difference - 7 : difference))
            }
        case .season(let season, _, let offset):
            // Instances of the season by the year they start in, around the reference.
            let years = Array((reference.year - 2)...(reference.year + 1))
            let first = season.months.first
            func start(_ year: Int) -> CivilDate { CivilDate(year: year, month: first, day: 1) }
            switch offset ?? 0 {
            case ..<0:  // "last summer": the latest one already over
                let year = years.last { Self.seasonEnd(season, year: $0) <= reference } ?? reference.year - 1
                return Self.season(season, year: year)
            case 1...:  // "next summer": the first one not yet begun
                let year = years.first { start($0) > reference } ?? reference.year + 1
                return Self.season(season, year: year)
            default:  // "this summer": the one under way, else the one starting in the reference year
                let current = years.first { start($0) <= reference && reference < Self.seasonEnd(season, year: $0) }
                return Self.season(season, year: current ?? reference.year)
            }
        case .monthOfYear(let month, let yearOffset):
            return .month(year: reference.year + yearOffset, month: month)
        case .dayOfMonth(let day):
            guard CivilDate.isValid(year: reference.year, month: reference.month, day: day) else { return .unresolved("invalid date") }
            return .day(CivilDate(year: reference.year, month: reference.month, day: day))
        case .weekdayOfWeek(let weekday, let weekOffset):
            return .day(reference.adding(days: weekday - reference.weekday + 7 * weekOffset))
        case .shift(let amount, let period, let from):
            var base = reference
            if let from {
                guard case .day(let day) = resolve(from) else { return .unresolved("not a day") }
                base = day
            }
            return Self.shifted(base, by: amount, period)
        case .relativeMonth(let month, let offset):
            switch offset {
            case ..<0:
                return .month(year: month < reference.month ? reference.year : reference.year - 1, month: month)
            case 1...:
                return .month(year: month > reference.month ? reference.year : reference.year + 1, month: month)
            default:
                return .month(year: reference.year, month: month)
            }
        default:
            return .unresolved("unsupported date")
        }
    }

    /// `base` moved by `amount` periods: days and weeks to the day, months to the month, years to the year.
    static func shifted(_ base: CivilDate, by amount: Int, _ period: DatePeriod) -> ResolvedDate {
        switch period {
        case .day: return .day(base.adding(days: amount))
        case .week, .weekend: return .day(base.adding(days: 7 * amount))
        case .month:
            let start = base.monthStart(adding: amount)
            return .month(year: start.year, month: start.month)
        case .quarter:
            let start = base.monthStart(adding: 3 * amount)
            return .month(year: start.year, month: start.month)
        case .year: return .year(base.year + amount)
        case .decade: return .year(base.year + 10 * amount)
        case .century: return .year(base.year + 100 * amount)
        }
    }

    static func season(_ season: Season, year: Int) -> ResolvedDate {
        let (first, last) = season.months
        return .range(.month(year: year, month: first), .month(year: last < first ? year + 1 : year, month: last))
    }

    static func seasonEnd(_ season: Season, year: Int) -> CivilDate {
        let (first, last) = season.months
        return CivilDate(year: last < first ? year + 1 : year, month: last, day: 1).monthStart(adding: 1)
    }

    private func resolvePeriod(_ period: DatePeriod, offset: Int, reference: CivilDate) -> ResolvedDate {
        switch period {
        case .day:
            return .day(reference.adding(days: offset))
        case .week:
            let monday = reference.adding(days: 1 - reference.weekday + 7 * offset)
            return .range(.day(monday), .day(monday.adding(days: 6)))
        case .weekend:
            let saturday = reference.adding(days: 6 - reference.weekday + 7 * offset)
            return .range(.day(saturday), .day(saturday.adding(days: 1)))
        case .month:
            let start = reference.monthStart(adding: offset)
            return .month(year: start.year, month: start.month)
        case .quarter:
            let quarterStart = reference.monthStart(adding: -((reference.month - 1) % 3) + 3 * offset)
            let end = quarterStart.monthStart(adding: 2)
            return .range(.month(year: quarterStart.year, month: quarterStart.month), .month(year: end.year, month: end.month))
        case .year:
            return .year(reference.year + offset)
        case .decade:
            let start = (reference.year / 10 + offset) * 10
            return .range(.year(start), .year(start + 9))
        case .century:
            let start = (reference.year / 100 + offset) * 100
            return .range(.year(start), .year(start + 99))
        }
    }
}
