/// An ISO 8601 / RFC 3339 date with its time of day and zone when written: the one
/// reader behind normalize's `CivilDate(iso:)`, fetch's `fetched_at` and clean's dates.
public struct ISODate: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// The time of day, when one follows the date.
    public var time: TimeOfDay?
    /// The zone after the time: `Z` or an offset.
    public var zone: Zone?
    /// Bytes of the text the date took.
    public var length: Int

    /// A time of day as written.
    public struct TimeOfDay: Sendable, Equatable {
        public var hour: Int
        public var minute: Int
        /// Nil when the time had no seconds (`10:30`).
        public var second: Int?
        /// The fractional second (0 when none).
        public var fraction: Double
    }

    /// A zone designator.
    public enum Zone: Sendable, Equatable {
        case utc
        /// `+01:00` is `offset(sign: 1, hours: 1, minutes: 0)`.
        case offset(sign: Int, hours: Int, minutes: Int)

        /// Seconds east of UTC.
        public var seconds: Int {
            switch self {
            case .utc: return 0
            case .offset(let sign, let hours, let minutes): return sign * (hours * 60 + minutes) * 60
            }
        }
    }

    /// How strictly to read.
    public struct Rules: Sendable {
        /// Separators allowed between year, month and day (the same one twice).
        public var dateSeparators: Set<UInt8>
        /// `YYYY-MM-DDTHH:MM:SS` requires seconds, a zone with `HH:MM`, no spaces (RFC 3339).
        public var strict: Bool

        public init(dateSeparators: Set<UInt8>, strict: Bool) {
            self.dateSeparators = dateSeparators
            self.strict = strict
        }

        /// A date with dashes; a time after it is read when there, anything else ignored.
        public static let dashes = Rules(dateSeparators: [UInt8(ascii: "-")], strict: false)
        /// RFC 3339 (`2024-05-01T12:00:00Z`, `2024-05-01 12:00:00.5+02:00`).
        public static let rfc3339 = Rules(dateSeparators: [UInt8(ascii: "-")], strict: true)
        /// What news pages write: `2023/12/07`, `2023-12-07 10:30`, `...10:30:00.000 +0100`.
        public static let lenient = Rules(dateSeparators: [UInt8(ascii: "-"), UInt8(ascii: "/")], strict: false)
    }

    /// Reads the date at the start of `text`; what follows the date and time is left unread
    /// (see ``length``).
    /// - Returns: nil when `text` does not start with a valid calendar date (or, under
    ///   ``Rules/strict``, a full RFC 3339 time and zone).
    public static func read(_ text: some StringProtocol, rules: Rules = .lenient) -> ISODate? {
        var cursor = Cursor(bytes: Array(text.utf8))
        guard let year = cursor.number(4), let separator = cursor.take(where: { rules.dateSeparators.contains($0) }),
            let month = cursor.number(2), cursor.take(separator), let day = cursor.number(2),
            CalendarDays.isValid(year: year, month: month, day: day)
        else { return nil }
        var date = ISODate(year: year, month: month, day: day, time: nil, zone: nil, length: cursor.index)
        let timeStart = cursor.index
        guard cursor.take(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") || rules.strict && $0 == UInt8(ascii: "t") }) != nil,
            let hour = cursor.number(2), hour < 24, cursor.take(UInt8(ascii: ":")), let minute = cursor.number(2), minute < 60
        else {
            if rules.strict { return nil }
            cursor.index = timeStart
            return date
        }
        var time = TimeOfDay(hour: hour, minute: minute, second: nil, fraction: 0)
        if cursor.take(UInt8(ascii: ":")) {
            time.second = cursor.number(2)
            if rules.strict, time.second.map({ $0 > 60 }) ?? true { return nil }
        } else if rules.strict {
            return nil
        }
        if cursor.take(UInt8(ascii: ".")) {
            var scale = 0.1
            while let digit = cursor.digit() {
                time.fraction += Double(digit) * scale
                scale /= 10
            }
        }
        date.time = time
        date.length = cursor.index
        if !rules.strict { while cursor.take(UInt8(ascii: " ")) {} }
        if cursor.take(UInt8(ascii: "Z")) || rules.strict && cursor.take(UInt8(ascii: "z")) {
            date.zone = .utc
        } else if let sign = cursor.take(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
            let hours = cursor.number(2)
            let colon = cursor.take(UInt8(ascii: ":"))
            let minutes = cursor.number(2)
            if let hours {
                if rules.strict && (!colon || minutes == nil) { return nil }
                date.zone = .offset(sign: sign == UInt8(ascii: "-") ? -1 : 1, hours: hours, minutes: minutes ?? 0)
            }
        }
        if date.zone != nil { date.length = cursor.index }
        if rules.strict && date.zone == nil { return nil }
        return date
    }

    /// Whether the text ends where the date does.
    public func spans(_ text: some StringProtocol) -> Bool { length == text.utf8.count }
}

/// Reads ASCII digits and marks from bytes.
private struct Cursor {
    let bytes: [UInt8]
    var index = 0

    mutating func digit() -> Int? {
        guard index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - 48)
    }

    /// Exactly `count` digits as a number (nothing read when they are not all there).
    mutating func number(_ count: Int) -> Int? {
        let start = index
        var value = 0
        for _ in 0..<count {
            guard let digit = digit() else {
                index = start
                return nil
            }
            value = value * 10 + digit
        }
        return value
    }

    mutating func take(_ byte: UInt8) -> Bool { take(where: { $0 == byte }) != nil }

    mutating func take(where matches: (UInt8) -> Bool) -> UInt8? {
        guard index < bytes.count, matches(bytes[index]) else { return nil }
        defer { index += 1 }
        return bytes[index]
    }
}

extension CalendarDays {
    /// Whether a year, month and day name a real day of the proleptic Gregorian calendar.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(year: year, month: month)
    }

    /// Days in a month (1...12) of a year.
    public static func daysIn(year: Int, month: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
