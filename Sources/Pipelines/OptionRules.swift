import Foundation
import GleanerCore

/// What a stage accepts as the value of an option beyond its type: the kinds `only` names,
/// dates and times, positive numbers, currency codes, and no empty strings. `validate` checks
/// them so a file that would fail at run time with exit 2 fails at load time with file:line:col.
enum OptionRules {
    /// Why a value is refused, or nil when the stage takes it.
    /// - Parameters:
    ///   - option: the option name, kebab case.
    ///   - stage: the built-in stage.
    ///   - value: the value after `${VAR}` expansion.
    static func problem(option: String, stage: String, value: String) -> String? {
        if value.isEmpty { return "is empty" }
        switch (stage, option) {
        case (_, "only"):
            return unknownKinds(value)
        case ("normalize", "reference-date"):
            return isDate(value, allowingTime: true) ? nil : "takes a date like 2023-12-07, found '\(value)'"
        case ("fetch", "fetched-at"):
            return isTimestamp(value) ? nil : "takes an RFC 3339 time like 2023-12-07T00:00:00Z, found '\(value)'"
        case ("normalize", "base-currency"):
            let isCode = value.count == 3 && value.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
            return isCode ? nil : "takes an ISO 4217 currency code like EUR, found '\(value)'"
        case (_, "jobs"), ("fetch", "concurrency"), ("fetch", "host-concurrency"), ("fetch", "max-bytes"):
            return (Int(value) ?? 0) >= 1 ? nil : "takes a whole number of at least 1, found \(value)"
        case ("fetch", "retries"), ("fetch", "max-redirects"):
            return (Int(value) ?? -1) >= 0 ? nil : "takes a whole number of at least 0, found \(value)"
        case ("fetch", "timeout"), ("fetch", "deadline"):
            return (Double(value) ?? 0) > 0 ? nil : "takes a number of seconds above 0, found \(value)"
        case ("fetch", "host-delay"):
            return (Double(value) ?? -1) >= 0 ? nil : "takes a number of seconds of at least 0, found \(value)"
        default:
            return nil
        }
    }

    /// The kinds `--only` accepts, as extract and normalize read them: singular or plural,
    /// any case, `organisation` for `organization`.
    static func unknownKinds(_ list: String) -> String? {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if names.isEmpty { return "names no kind" }
        let kinds = MentionKind.allCases.map(\.rawValue)
        for name in names {
            var singular = name == "organisation" || name == "organisations" ? "organization" : name
            if MentionKind(rawValue: singular) == nil, singular.hasSuffix("s") { singular.removeLast() }
            if MentionKind(rawValue: singular) == nil {
                return "names an unknown kind '\(name)'" + Suggestion.hint(for: name, among: kinds)
                    + " (kinds: \(kinds.joined(separator: ", ")))"
            }
        }
        return nil
    }

    /// `YYYY-MM-DD` naming a real day; with `allowingTime`, optionally followed by `T` or a space and a time.
    static func isDate(_ text: String, allowingTime: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
            let year = Int(String(String.UnicodeScalarView(scalars[0..<4]))),
            let month = Int(String(String.UnicodeScalarView(scalars[5..<7]))),
            let day = Int(String(String.UnicodeScalarView(scalars[8..<10]))),
            scalars[0..<10].allSatisfy({ $0 == "-" || ("0"..."9").contains($0) })
        else { return false }
        if scalars.count > 10 {
            guard allowingTime, "Tt ".unicodeScalars.contains(scalars[10]) else { return false }
        }
        // A real day survives the round trip through a day number; 2024-02-30 does not.
        let round = CalendarDays.date(dayNumber: CalendarDays.dayNumber(year: year, month: month, day: day))
        return (1...12).contains(month) && round.year == year && round.month == month && round.day == day
    }

    /// An RFC 3339 time: a real day, `T`, `HH:MM:SS`, optional fraction, and `Z` or `±HH:MM`.
    static func isTimestamp(_ text: String) -> Bool {
        guard isDate(text, allowingTime: true) else { return false }
        let scalars = Array(text.unicodeScalars.dropFirst(10))
        guard scalars.count >= 10, "Tt ".unicodeScalars.contains(scalars[0]) else { return false }
        func digits(_ range: Range<Int>, below limit: Int) -> Bool {
            guard range.upperBound <= scalars.count,
                let number = Int(String(String.UnicodeScalarView(scalars[range]))),
                scalars[range].allSatisfy({ ("0"..."9").contains($0) })
            else { return false }
            return number < limit
        }
        guard digits(1..<3, below: 24), scalars[3] == ":", digits(4..<6, below: 60), scalars[6] == ":",
            digits(7..<9, below: 61)
        else { return false }
        var index = 9
        if index < scalars.count, scalars[index] == "." {
            index += 1
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < scalars.count else { return false }
        if scalars[index] == "Z" || scalars[index] == "z" { return index + 1 == scalars.count }
        guard scalars[index] == "+" || scalars[index] == "-", scalars.count == index + 6, scalars[index + 3] == ":"
        else { return false }
        return digits(index + 1..<index + 3, below: 24) && digits(index + 4..<index + 6, below: 60)
    }
}
