import GleanerCore
/// Reads the publication dates news pages print or declare, and writes them as ISO-8601.
///
/// Handles ISO forms (`2023-12-07`, `2023-12-07T10:30:00+01:00`, `2023-12-07 10:30:00.000`),
/// English month-name forms (`December 7, 2023`, `Dec. 7, 2023`, `7 Dec 2023`,
/// `Thursday, December 7th, 2023 at 6:01 am`), the month names of German, French, Spanish,
/// Italian, Dutch and Portuguese (`7. Dezember 2023`, `7 de diciembre de 2023`), numeric
/// `2023/12/07` and the European `07.12.2023`. Ambiguous numeric day/month orders
/// (`07/12/2023`) are not guessed.
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
            let date = "\(Digits.pad(year, 4))-\(Digits.pad(month, 2))-\(Digits.pad(day, 2))"
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
        guard let date = ISODate.read(text, rules: .lenient) else { return nil }
        var stamp = Stamp(year: date.year, month: date.month, day: date.day, time: nil)
        guard let time = date.time else {
            let next = text.utf8.dropFirst(date.length).first
            return next.map { !isDigit($0) } ?? true ? stamp : nil
        }
        var written = "\(Digits.pad(time.hour)):\(Digits.pad(time.minute)):\(Digits.pad(min(time.second ?? 0, 59)))"
        switch date.zone {
        case .utc?: written += "Z"
        case .offset(let sign, let hours, let minutes)?: written += "\(sign < 0 ? "-" : "+")\(Digits.pad(hours)):\(Digits.pad(minutes))"
        case nil: break
        }
        stamp.time = written
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
                if words[next] == "of" || words[next] == "de", next + 2 < words.count { next += 1 }
                if let month = monthNumber(words[next]) {
                    var yearAt = next + 1
                    if words[yearAt] == "de" || words[yearAt] == "del", yearAt + 1 < words.count { yearAt += 1 }
                    if let year = yearNumber(words[yearAt]), valid(year: year, month: month, day: day) {
                        return Stamp(year: year, month: month, day: day, time: time(in: words, from: yearAt + 1))
                    }
                }
            }
            // "07.12.2023", "7.12.2023": day first, as Europe writes it
            if let stamp = dottedDate(words[index]) {
                return Stamp(year: stamp.year, month: stamp.month, day: stamp.day, time: time(in: words, from: index + 1))
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
        // German, French, Spanish, Italian, Dutch, Portuguese: full names and the usual abbreviations.
        let other: [(String, Int)] = [
            ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("maerz", 3), ("mai", 5), ("juni", 6),
            ("juli", 7), ("oktober", 10), ("dezember", 12), ("mär", 3), ("okt", 10), ("dez", 12),
            ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7),
            ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
            ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
            ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
            ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
            ("settembre", 9), ("ottobre", 10), ("dicembre", 12), ("januari", 1), ("februari", 2), ("maart", 3),
            ("mei", 5), ("augustus", 8), ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6),
            ("julho", 7), ("setembro", 9), ("outubro", 10), ("dezembro", 12),
        ]
        for (name, number) in other where table[name] == nil { table[name] = number }
        return table
    }()

    /// "07.12.2023" → day 7, month 12, year 2023.
    static func dottedDate(_ word: String) -> (year: Int, month: Int, day: Int)? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1]),
            let year = yearNumber(String(parts[2])), valid(year: year, month: month, day: day)
        else { return nil }
        return (year, month, day)
    }

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
        return "\(Digits.pad(hour, 2)):\(Digits.pad(minute, 2)):00"
    }

    static func valid(year: Int, month: Int, day: Int) -> Bool { CalendarDays.isValid(year: year, month: month, day: day) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

/// Lower-cased words of a date phrase, split on spaces and punctuation that dates use loosely.
struct DateTokens {
    var words: [String] = []

    init(_ text: String) {
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == ":"
                || (character == "-" || character == "/" || character == ".") && (current.last?.isNumber ?? false)
            {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
            if words.count > 400 { break }
        }
        if !current.isEmpty { words.append(current) }
        words = words.map { $0.hasSuffix("-") || $0.hasSuffix("/") || $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }
}
