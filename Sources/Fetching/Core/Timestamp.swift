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
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }

    /// Parses an RFC 3339 timestamp (`2024-05-01T12:00:00Z`, fractions and offsets allowed).
    /// - Returns: The instant, or `nil` when `text` is not RFC 3339.
    public static func parseRFC3339(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
            let day = number(8, 2), bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32, let hour = number(11, 2),
            bytes[13] == 58, let minute = number(14, 2), bytes[16] == 58, let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 90, 122: index += 1
        case 43, 45:
            guard let hours = number(index + 1, 2), bytes.count > index + 3, bytes[index + 3] == 58,
                let minutes = number(index + 4, 2)
            else { return nil }
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == 45 ? -1 : 1)
            index += 6
        default: return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let total = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(total) + fraction)
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
        return "\(weekday), \(pad(day)) \(months[month - 1]) \(pad(year, 4)) \(time) GMT"
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

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
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
