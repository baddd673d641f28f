/// A time unit that relative dates count in.
public enum DatePeriod: String, Sendable, Equatable {
    case day, week, weekend, month, quarter, year, decade, century
}

/// A season of the year (northern hemisphere months).
public enum Season: String, Sendable, Equatable {
    case spring, summer, autumn, winter

    /// The first and last month: spring 3-5, summer 6-8, autumn 9-11, winter 12-2 (into the next year).
    public var months: (first: Int, last: Int) {
        switch self {
        case .spring: return (3, 5)
        case .summer: return (6, 8)
        case .autumn: return (9, 11)
        case .winter: return (12, 2)
        }
    }
}

/// What a date mention says, before it is resolved against a reference date.
///
/// Extract finds the span; normalize parses the mention text back into a
/// `DateExpression` (``DateRecognizer/parse(_:)``) and resolves it.
public indirect enum DateExpression: Sendable, Equatable {
    /// A calendar date with some fields: "December 7, 2023", "January 2019", "7 Dec", "2009", "February".
    /// A missing year is inferred from the reference date.
    case calendar(year: Int?, month: Int?, day: Int?)
    /// An all-numeric date whose field order depends on the date order: "12/07/2023";
    /// without a year ("17/06") the year is inferred from the reference date.
    case numeric(first: Int, second: Int, year: Int?)
    /// A decade by its first year: "the 1990s" → 1990.
    case decade(Int)
    /// "today" (0), "yesterday" (-1), "tomorrow" (1), "last night" (-1).
    case relativeDay(Int)
    /// "last week" (week, -1), "this year" (year, 0), "next month" (month, 1).
    case relativePeriod(DatePeriod, offset: Int)
    /// "two years ago" (2, year).
    case ago(Int, DatePeriod)
    /// A weekday (1 = Monday): offset nil for "on Tuesday" (the most recent), -1 "last", 0 "this", 1 "next".
    case weekday(Int, offset: Int?)
    /// A month in a relative year: "February this year" (2, 0), "March last year" (3, -1).
    case monthOfYear(Int, yearOffset: Int)
    /// A month relative to now: "last February" (2, -1), "next March" (3, 1), "this May" (5, 0).
    case relativeMonth(Int, offset: Int)
    /// A quarter of a year: "the third quarter of 2023", "Q3 2023"; a nil year is the reference's.
    case quarter(Int, year: Int?)
    /// A season (northern hemisphere): "summer 2022" (.summer, year 2022, offset nil),
    /// "last summer" (.summer, nil, -1), "this spring" (.spring, nil, 0).
    case season(Season, year: Int?, offset: Int?)
    /// A range: "from 2019 to 2021", "between March and May", "December 3-5, 2023".
    case range(DateExpression, DateExpression)
    /// A date moved by a number of periods: "in three weeks" (3, week, from nil: the reference),
    /// "two days after today", "two weeks from Monday" (2, week, from the weekday), "three days before
    /// June 5" (-3, day, ...).
    case shift(Int, DatePeriod, from: DateExpression?)
    /// The Monday-to-Sunday week holding a day: "the week of June 3rd".
    case weekOf(DateExpression)
    /// The n-th seven days of a month: "the first week of May" (1, May).
    case weekOfMonth(Int, month: DateExpression)
    /// An ISO 8601 week number: "week 12" (12, year nil: the reference's), "week 12 of 2024".
    case isoWeek(Int, year: Int?)
    /// A day of the reference's month: "on the 5th".
    case dayOfMonth(Int)
    /// A weekday (1 = Monday) in a week relative to the reference's: "next week Wed" (3, 1),
    /// "Tuesday last week" (2, -1).
    case weekdayOfWeek(Int, weekOffset: Int)
}
