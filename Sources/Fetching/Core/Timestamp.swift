import GleanerCore
public import Foundation

/// RFC 3339 timestamps in UTC (`2024-05-01T12:00:00Z`), the form of `fetched_at`.
public enum Timestamp {
    /// `date` as RFC 3339 UTC with whole seconds.
    public static func rfc3339(_ date: Date) -> String {
        var seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        seconds -= days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(Digits.pad(year, 4))-\(Digits.pad(month))-\(Digits.pad(day))T\(Digits.pad(seconds / 3600)):\(Digits.pad(seconds / 60 % 60)):\(Digits.pad(seconds % 60))Z"
    }

    /// Parses an RFC 3339 timestamp (`2024-05-01T12:00:00Z`, fractions and offsets allowed).
    /// - Returns: The instant, or `nil` when `text` is not RFC 3339.
    public static func parseRFC3339(_ text: String) -> Date? {
        guard let date = ISODate.read(text, rules: .rfc3339), date.spans(text), let time = date.time,
            let second = time.second, let zone = date.zone
        else { return nil }
        let days = daysFromCivil(year: date.year, month: date.month, day: date.day)
        let total = days * 86_400 + time.hour * 3600 + time.minute * 60 + second - zone.seconds
        return Date(timeIntervalSince1970: Double(total) + time.fraction)
    }

    /// An HTTP-date (RFC 9110 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`).
    public static func httpDate(_ date: Date) -> String {
        let text = rfc3339(date)
        let parts = Array(text.utf8)
        let year = Int(String(decoding: parts[0..<4], as: UTF8.self))!
        let month = Int(String(decoding: parts[5..<7], as: UTF8.self))!
        let day = Int(String(decoding: parts[8..<10], as: UTF8.self))!
        let days = daysFromCivil(year: year, month: month, day: day)
        let weekday = weekdays[((days % 7) + 11) % 7]
        let time = String(decoding: parts[11..<19], as: UTF8.self)
        return "\(weekday), \(Digits.pad(day)) \(months[month - 1]) \(Digits.pad(year, 4)) \(time) GMT"
    }

    /// Parses an IMF-fixdate HTTP-date; `nil` for anything else.
    public static func parseHTTPDate(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int(fields[1]),
            let monthIndex = months.firstIndex(of: String(fields[2])), let year = Int(fields[3])
        else { return nil }
        let time = fields[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let days = daysFromCivil(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        CalendarDays.dayNumber(year: year, month: month, day: day)
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let date = CalendarDays.date(dayNumber: days)
        return (date.year, date.month, date.day)
    }
}
