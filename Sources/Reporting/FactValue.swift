public import GleanerCore

/// Reads the normalised `value` of a mention (DESIGN.md, "Kinds and their normalised value").
///
/// Every accessor tolerates a missing or partial value: a record straight from
/// `extract` has mentions without values, and the report still shows them by
/// their text.
public enum FactValue {
    /// The amount and ISO 4217 currency of a money value.
    public static func money(_ value: JSONValue?) -> (amount: Double, currency: String)? {
        guard let object = value?.objectValue, let amount = object["amount"]?.numberValue,
            let currency = object["currency"]?.stringValue, !currency.isEmpty
        else { return nil }
        return (amount, currency)
    }

    /// The converted amount of a money value, when a rates table was given to normalize.
    public static func converted(_ value: JSONValue?) -> (amount: Double, currency: String, rateDate: String?)? {
        guard let converted = value?.objectValue?["converted"]?.objectValue,
            let amount = converted["amount"]?.numberValue, let currency = converted["currency"]?.stringValue
        else { return nil }
        return (amount, currency, converted["rate_date"]?.stringValue)
    }

    /// The number of a quantity (`value`) or percent (`value`, a fraction).
    public static func number(_ value: JSONValue?) -> Double? {
        value?.objectValue?["value"]?.numberValue ?? value?.numberValue
    }

    /// The unit of a quantity ("power transformers"), empty when none.
    public static func unit(_ value: JSONValue?) -> String {
        value?.objectValue?["unit"]?.stringValue ?? ""
    }

    /// Whether a quantity is approximate ("about 30,000").
    public static func approximate(_ value: JSONValue?) -> Bool {
        value?.objectValue?["approximate"]?.boolValue ?? false
    }

    /// The canonical name of a person, organisation or place.
    public static func name(_ value: JSONValue?) -> String? {
        if let name = value?.objectValue?["name"]?.stringValue, !name.isEmpty { return name }
        if let name = value?.stringValue, !name.isEmpty { return name }
        return nil
    }

    /// The aliases of a person, organisation or place.
    public static func aliases(_ value: JSONValue?) -> [String] {
        (value?.objectValue?["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// A date value: a point, a range, or unresolved.
    public static func date(_ value: JSONValue?) -> DateValue? {
        guard let object = value?.objectValue else { return nil }
        if let date = object["date"]?.stringValue {
            return .point(date: date, grain: object["grain"]?.stringValue ?? DateValue.grain(of: date))
        }
        if let from = object["from"]?.stringValue {
            return .range(from: from, to: object["to"]?.stringValue ?? from)
        }
        if let reason = object["unresolved"]?.stringValue { return .unresolved(reason: reason) }
        return nil
    }
}

/// A normalised date.
public enum DateValue: Sendable, Hashable {
    /// One day, month or year: `2023-12-07`, `2023-02`, `1982`.
    case point(date: String, grain: String)
    /// A range of dates, inclusive.
    case range(from: String, to: String)
    /// A date normalize could not place on the calendar, with the reason.
    case unresolved(reason: String)

    /// The date that orders the timeline (the start of a range); nil when unresolved.
    public var sortKey: String? {
        switch self {
        case .point(let date, _): return date
        case .range(let from, _): return from
        case .unresolved: return nil
        }
    }

    /// How the date reads in a report.
    public var display: String {
        switch self {
        case .point(let date, _): return date
        case .range(let from, let to): return from == to ? from : "\(from) – \(to)"
        case .unresolved(let reason): return "unresolved (\(reason))"
        }
    }

    /// The grain an ISO date string implies: `day`, `month` or `year`.
    static func grain(of date: String) -> String {
        switch date.count {
        case 4: return "year"
        case 7: return "month"
        default: return "day"
        }
    }

    /// The years a report places on its timeline; a date outside them is a contract error
    /// (a year of 10^10 would make the chart gigabytes, one of 4·10^18 would never finish).
    public static let years = 1...9999

    /// The first date string whose year is outside ``years``, if any.
    public var dateOutsideYears: String? {
        let strings: [String]
        switch self {
        case .point(let date, _): strings = [date]
        case .range(let from, let to): strings = [from, to]
        case .unresolved: strings = []
        }
        return strings.first { Self.year(of: $0).map { !Self.years.contains($0) } ?? false }
    }

    /// The year an ISO date string starts with ("2023-12-07" → 2023, "-0044" → -44), when it starts with one.
    static func year(of date: String) -> Int? {
        let negative = date.hasPrefix("-")
        let digits = (negative ? date.dropFirst() : Substring(date)).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        guard digits.count <= 12, let year = Int(digits) else { return Int.max }
        return negative ? -year : year
    }

    /// The date as a fractional year (2023.93), for placing it on a chart; nil outside ``years``.
    public var fractionalYear: Double? {
        guard let key = sortKey, dateOutsideYears == nil else { return nil }
        let parts = key.split(separator: "-").map { Int($0) }
        guard let first = parts.first, let year = first, Self.years.contains(year) else { return nil }
        let month = parts.count > 1 ? (parts[1] ?? 1) : 1
        let day = parts.count > 2 ? (parts[2] ?? 1) : 1
        return Double(year) + (Double(month - 1) + Double(day - 1) / 31) / 12
    }
}
