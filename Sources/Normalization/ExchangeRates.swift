public import GleanerCore

/// Euro foreign exchange reference rates in the ECB's historical CSV format:
///
/// ```
/// Date,USD,JPY,BGN,...,
/// 2023-12-07,1.0781,156.05,1.9558,...,
/// ```
///
/// Each value is units of the currency per euro; "N/A" or empty means no rate.
public struct ExchangeRates: Sendable {
    /// A rates file that cannot be read.
    public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "rates line \(line): \(reason)" }
    }

    /// One converted amount.
    public struct Conversion: Sendable, Equatable {
        public var amount: Double
        public var currency: String
        public var rateDate: CivilDate

        public var json: JSONValue {
            ["amount": .number(amount), "currency": .string(currency), "rate_date": .string(rateDate.description)]
        }
    }

    /// Rows sorted by date: (day number, date, currency → units per euro).
    private let rows: [(day: Int, date: CivilDate, rates: [String: Double])]

    /// Parses the CSV text.
    /// - Throws: ``FormatError`` for a missing header, a bad date or a bad number.
    public init(csv: String) throws(FormatError) {
        var lines = csv.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard !lines.isEmpty else { throw FormatError(line: 1, reason: "empty file") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard header.first?.lowercased() == "date" else {
            throw FormatError(line: 1, reason: "header should start with 'Date' (found '\(header.first ?? "")')")
        }
        var rows: [(day: Int, date: CivilDate, rates: [String: Double])] = []
        for (offset, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard let date = CivilDate(iso: fields[0]) else {
                throw FormatError(line: offset + 2, reason: "bad date '\(fields[0])'")
            }
            var rates: [String: Double] = ["EUR": 1]
            for (column, field) in fields.enumerated().dropFirst() where column < header.count && !header[column].isEmpty {
                if field.isEmpty || field == "N/A" { continue }
                guard let value = Double(field), value > 0 else {
                    throw FormatError(line: offset + 2, reason: "bad rate '\(field)' for \(header[column])")
                }
                rates[header[column].uppercased()] = value
            }
            rows.append((date.dayNumber, date, rates))
        }
        self.rows = rows.sorted { $0.day < $1.day }
    }

    /// Converts `amount` of `currency` into `base` at the latest rates on or before `date`
    /// (the latest rates of all when `date` is nil). Nil when either currency has no rate then.
    public func convert(_ amount: Double, from currency: String, to base: String, on date: CivilDate?) -> Conversion? {
        guard !rows.isEmpty else { return nil }
        var index = rows.count - 1
        if let date {
            let day = date.dayNumber
            var low = 0
            var high = rows.count
            while low < high {
                let middle = (low + high) / 2
                if rows[middle].day <= day { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return nil }
            index = low - 1
        }
        // Walk back over days where one of the two currencies had no rate ("N/A").
        var steps = 0
        while index >= 0, steps < 10 {
            let rates = rows[index].rates
            if let from = rates[currency], let to = rates[base] {
                let converted = (amount / from * to * 100).rounded() / 100
                return Conversion(amount: converted, currency: base, rateDate: rows[index].date)
            }
            index -= 1
            steps += 1
        }
        return nil
    }
}
