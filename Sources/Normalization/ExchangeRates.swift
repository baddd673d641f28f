public import GleanerCore
import Foundation

/// Euro foreign exchange reference rates in the ECB's historical CSV format:
///
/// ```
/// Date,USD,JPY,BGN,...,
/// 2023-12-07,1.0771,156.18,1.9558,...,
/// ```
///
/// Each value is units of the currency per euro; "N/A" or empty means no rate.
/// The currencies the euro replaced (DEM, FRF, ITL, ESP, NLG, FIM, ...) convert at
/// their irrevocable euro conversion rates from the day they joined the euro.
public struct ExchangeRates: Sendable {
    /// A rates file that cannot be read.
    public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "rates line \(line): \(reason)" }
    }

    /// One converted amount: the amount in `currency`, the rate used (one unit of the
    /// source currency in `currency`) and the day of the rates.
    public struct Conversion: Sendable, Equatable {
        public var amount: Double
        public var currency: String
        public var rate: Double
        public var rateDate: CivilDate

        public var json: JSONValue {
            [
                "amount": .number(amount), "currency": .string(currency), "rate": .number(rate),
                "rate_date": .string(rateDate.description),
            ]
        }
    }

    /// The ECB's full daily history (1999-01-04 onwards), shipped with normalize
    /// (`Resources/ecb-eurofxref-hist.csv`, written by `data/ecb/generate.py`).
    /// - Throws: ``FormatError`` when the bundled file is missing or unreadable.
    public static func bundledECB() throws(FormatError) -> ExchangeRates {
        guard let url = Bundle.module.url(forResource: "ecb-eurofxref-hist", withExtension: "csv", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw FormatError(line: 0, reason: "the bundled ECB rates (Resources/ecb-eurofxref-hist.csv) are missing") }
        return try ExchangeRates(csv: text)
    }

    /// The euro's irrevocable conversion rates (units per euro) and the day each currency joined.
    static let euroLegacy: [String: (rate: Double, from: CivilDate)] = {
        let table: [(String, Double, String)] = [
            ("ATS", 13.7603, "1999-01-01"), ("BEF", 40.3399, "1999-01-01"), ("DEM", 1.95583, "1999-01-01"),
            ("ESP", 166.386, "1999-01-01"), ("FIM", 5.94573, "1999-01-01"), ("FRF", 6.55957, "1999-01-01"),
            ("IEP", 0.787564, "1999-01-01"), ("ITL", 1936.27, "1999-01-01"), ("LUF", 40.3399, "1999-01-01"),
            ("NLG", 2.20371, "1999-01-01"), ("PTE", 200.482, "1999-01-01"), ("GRD", 340.750, "2001-01-01"),
            ("SIT", 239.640, "2007-01-01"), ("CYP", 0.585274, "2008-01-01"), ("MTL", 0.429300, "2008-01-01"),
            ("SKK", 30.1260, "2009-01-01"), ("EEK", 15.6466, "2011-01-01"), ("LVL", 0.702804, "2014-01-01"),
            ("LTL", 3.45280, "2015-01-01"), ("HRK", 7.53450, "2023-01-01"),
        ]
        var legacy: [String: (rate: Double, from: CivilDate)] = [:]
        for (code, rate, day) in table { legacy[code] = (rate, CivilDate(iso: day)!) }
        return legacy
    }()

    /// Currency codes, one column each; `values[row * columns.count + column]`, NaN for none.
    private let columns: [String: Int]
    private let days: [Int]
    private let dates: [CivilDate]
    private let values: [Double]

    /// The first and last day of the rates, nil for an empty table.
    public var span: (first: CivilDate, last: CivilDate)? {
        guard let first = dates.first, let last = dates.last else { return nil }
        return (first, last)
    }

    /// Parses the CSV text; rows may come in any order.
    /// - Throws: ``FormatError`` for a missing header, a bad date or a bad number.
    public init(csv: String) throws(FormatError) {
        var lines = csv.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard !lines.isEmpty else { throw FormatError(line: 1, reason: "empty file") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard header.first?.lowercased() == "date" else {
            throw FormatError(line: 1, reason: "header should start with 'Date' (found '\(header.first ?? "")')")
        }
        var columns: [String: Int] = [:]
        var fieldColumn: [Int?] = [nil]
        for name in header.dropFirst() {
            let code = name.uppercased()
            if code.isEmpty || code == "EUR" { fieldColumn.append(nil); continue }
            let column = columns[code] ?? columns.count
            columns[code] = column
            fieldColumn.append(column)
        }
        let width = columns.count
        var parsed: [(day: Int, date: CivilDate, row: [Double])] = []
        parsed.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let first = fields[0].trimmingWhitespace()
            guard let date = CivilDate(iso: first) else {
                throw FormatError(line: offset + 2, reason: "bad date '\(first)'")
            }
            var row = [Double](repeating: .nan, count: width)
            for (index, raw) in fields.enumerated().dropFirst() where index < fieldColumn.count {
                guard let column = fieldColumn[index] else { continue }
                let field = raw.trimmingWhitespace()
                if field.isEmpty || field == "N/A" { continue }
                guard let value = Double(field), value > 0, value.isFinite else {
                    throw FormatError(line: offset + 2, reason: "bad rate '\(field)' for \(header[index])")
                }
                row[column] = value
            }
            parsed.append((date.dayNumber, date, row))
        }
        parsed.sort { $0.day < $1.day }
        self.columns = columns
        self.days = parsed.map(\.day)
        self.dates = parsed.map(\.date)
        self.values = parsed.flatMap(\.row)
    }

    /// Units of `currency` per euro in row `index`, nil when there is none that day.
    private func perEuro(_ currency: String, row index: Int) -> Double? {
        if currency == "EUR" { return 1 }
        if let column = columns[currency] {
            let value = values[index * columns.count + column]
            if !value.isNaN { return value }
        }
        if let legacy = Self.euroLegacy[currency], days[index] >= legacy.from.dayNumber { return legacy.rate }
        return nil
    }

    /// Converts `amount` of `currency` into `base` at the rates of `date`, or of the last
    /// day before it that has both (the latest rates of all when `date` is nil). Nil when
    /// either currency has no rate within ten published days before then.
    public func convert(_ amount: Double, from currency: String, to base: String, on date: CivilDate?) -> Conversion? {
        guard !days.isEmpty else { return nil }
        var index = days.count - 1
        if let date {
            let day = date.dayNumber
            var low = 0
            var high = days.count
            while low < high {
                let middle = (low + high) / 2
                if days[middle] <= day { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return nil }
            index = low - 1
        }
        // Walk back over days where one of the two currencies had no rate ("N/A").
        var steps = 0
        while index >= 0, steps < 10 {
            if let from = perEuro(currency, row: index), let to = perEuro(base, row: index) {
                let converted = (amount / from * to * 100).rounded() / 100
                let rate = Double(String(format: "%.6g", to / from)) ?? to / from
                return Conversion(amount: converted, currency: base, rate: rate, rateDate: dates[index])
            }
            index -= 1
            steps += 1
        }
        return nil
    }
}
