import GleanerCore
/// A proleptic Gregorian calendar day, with the arithmetic date resolution needs
/// (no Foundation calendars, so results never depend on the machine's time zone).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads "2023-12-07", "2023-12-07T10:00:00Z" or "2023-12-07 10:00"; nil otherwise.
    public init?(iso text: String) {
        guard let date = ISODate.read(text, rules: .dashes) else { return nil }
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { CalendarDays.dayNumber(year: year, month: month, day: day) }

    /// The date `days` days since 1970-01-01.
    public init(dayNumber days: Int) {
        let date = CalendarDays.date(dayNumber: days)
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let value = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday 0).
        return (value < 0 ? value + 7 : value) + 1
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The first of the month `months` months away.
    public func monthStart(adding months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilDate(year: newYear, month: index - newYear * 12 + 1, day: 1)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int { CalendarDays.daysIn(year: year, month: month) }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool { CalendarDays.isValid(year: year, month: month, day: day) }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// "2023-12-07".
    public var description: String { "\(Digits.pad(year, 4))-\(Digits.pad(month, 2))-\(Digits.pad(day, 2))" }
    /// "2023-12".
    public var monthString: String { "\(Digits.pad(year, 4))-\(Digits.pad(month, 2))" }
}
