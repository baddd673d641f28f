/// Reads the publication dates news pages print or declare, and writes them as ISO-8601.
///
/// Handles ISO forms (`2023-12-07`, `2023-12-07T10:30:00+01:00`, `2023-12-07 10:30:00.000`),
/// English month-name forms (`December 7, 2023`, `Dec. 7, 2023`, `7 Dec 2023`,
/// `Thursday, December 7th, 2023 at 6:01 am`), and numeric `2023/12/07`. Ambiguous
/// numeric day/month orders (`07/12/2023`) are not guessed.
public enum DateParser {
    /// A calendar date with an optional time of day.
    public struct Stamp: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        /// "HH:MM:SS" with an optional offset ("Z", "+01:00"), when known.
        public var time: String?

        /// ISO-8601: `2023-12-07` or `2023-12-07T10:30:00Z`.
        public var iso: String {
            let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            guard let time else { return date }
            return date + "T" + time
        }
    }

    /// Parses a string that is (mostly) one date, such as a meta value or a date line.
    /// - Returns: The date, or `nil` when the string holds no recognisable full date.
    public static func parse(_ text: String) -> Stamp? {
        let trimmed = text.trimmingWhitespace()
        if let iso = parseISO(trimmed) { return iso }
        return findInProse(trimmed)
    }

    /// Parses a date written as ISO-8601 or a close variant; time and offset are kept.
    static func parseISO(_ text: String) -> Stamp? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        guard let year = number(4), index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "/") else {
            return nil
        }
        let separator = bytes[index]
        index += 1
        guard let month = number(2), index < bytes.count, bytes[index] == separator else { return nil }
        index += 1
        guard let day = number(2), valid(year: year, month: month, day: day) else { return nil }
        var stamp = Stamp(year: year, month: month, day: day, time: nil)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else {
            return index == bytes.count || !isDigit(bytes[index]) ? stamp : nil
        }
        index += 1
        guard let hour = number(2), index < bytes.count, bytes[index] == UInt8(ascii: ":"), hour < 24 else { return stamp }
        index += 1
        guard let minute = number(2), minute < 60 else { return stamp }
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            second = number(2) ?? 0
        }
        // Skip fractional seconds: news sites write anything from 1 to 9 digits.
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var time = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(min(second, 59), 2))"
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") {
                time += "Z"
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                if let offsetHours = number(2) {
                    if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
                    let offsetMinutes = number(2) ?? 0
                    time += "\(Character(Unicode.Scalar(sign)))\(pad(offsetHours, 2)):\(pad(offsetMinutes, 2))"
                }
            }
        }
        stamp.time = time
        return stamp
    }

    /// Finds the first full date written in English prose: month names, ordinals, optional weekday and time.
    public static func findInProse(_ text: String) -> Stamp? {
        let tokens = DateTokens(text)
        let words = tokens.words
        guard !words.isEmpty else { return nil }
        for index in words.indices {
            // "December 7, 2023" / "Dec. 7th 2023"
            if let month = monthNumber(words[index]), index + 2 < words.count,
                let day = dayNumber(words[index + 1]), let year = yearNumber(words[index + 2]),
                valid(year: year, month: month, day: day)
            {
                return Stamp(year: year, month: month, day: day, time: time(in: words, from: index + 3))
            }
            // "7 December 2023" / "7th of Dec 2023"
            if let day = dayNumber(words[index]), index + 2 < words.count {
                var next = index + 1
                if words[next] == "of", next + 2 < words.count { next += 1 }
                if let month = monthNumber(words[next]), let year = yearNumber(words[next + 1]),
                    valid(year: year, month: month, day: day)
                {
                    return Stamp(year: year, month: month, day: day, time: time(in: words, from: next + 2))
                }
            }
            // "2023/12/07", "2023-12-07" inside a sentence
            if words[index].utf8.count == 10, let stamp = parseISO(words[index]) { return stamp }
        }
        return nil
    }

    /// Finds a `/2023/12/07/` style date in a URL path.
    public static func fromURL(_ url: String) -> Stamp? {
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        for index in 0..<(parts.count - 2) {
            guard parts[index].count == 4, let year = Int(parts[index]), (1990...2100).contains(year),
                parts[index + 1].count <= 2, let month = Int(parts[index + 1]),
                parts[index + 2].count <= 2, let day = Int(parts[index + 2]),
                valid(year: year, month: month, day: day)
            else { continue }
            return Stamp(year: year, month: month, day: day, time: nil)
        }
        return nil
    }

    // MARK: - Pieces

    static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    static func monthNumber(_ word: String) -> Int? { months[word] }

    static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard digits.count <= 2, let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    static func yearNumber(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1800...2200).contains(year) else { return nil }
        return year
    }

    /// "6:01 am", "18:30", "at 6:01 pm" after a date.
    static func time(in words: [String], from start: Int) -> String? {
        var index = start
        if index < words.count, words[index] == "at" || words[index] == "-" { index += 1 }
        guard index < words.count else { return nil }
        let parts = words[index].split(separator: ":")
        guard parts.count >= 2, var hour = Int(parts[0]), let minute = Int(parts[1].prefix(2)), hour < 24, minute < 60
        else { return nil }
        var meridiem = parts[1].dropFirst(2)
        if meridiem.isEmpty, index + 1 < words.count { meridiem = Substring(words[index + 1]) }
        if meridiem == "pm" || meridiem == "p.m." || meridiem == "p", hour < 12 { hour += 12 }
        if meridiem == "am" || meridiem == "a.m." || meridiem == "a", hour == 12 { hour = 0 }
        return "\(pad(hour, 2)):\(pad(minute, 2)):00"
    }

    static func valid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

/// Lower-cased words of a date phrase, split on spaces and punctuation that dates use loosely.
struct DateTokens {
    var words: [String] = []

    init(_ text: String) {
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == ":"
                || (character == "-" || character == "/") && (current.last?.isNumber ?? false)
            {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
            if words.count > 400 { break }
        }
        if !current.isEmpty { words.append(current) }
        words = words.map { $0.hasSuffix("-") || $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
