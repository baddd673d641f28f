import Extraction
import Foundation
public import GleanerCore

/// Canonical values of the numeric kinds (date, money, quantity, percent) and
/// of emails and urls, computed from each mention's own text.
public struct NumericValues: Sendable {
    public static let kinds: Set<MentionKind> = [.date, .money, .quantity, .percent, .email, .url]

    public var dates: DateResolver
    public var rates: ExchangeRates?
    public var baseCurrency: String

    public init(dates: DateResolver, rates: ExchangeRates? = nil, baseCurrency: String = "EUR") {
        self.dates = dates
        self.rates = rates
        self.baseCurrency = baseCurrency
    }

    /// The value of `mention`, or nil when its text cannot be read as its kind.
    public func value(of mention: Mention) -> JSONValue? {
        switch mention.kind {
        case .date:
            guard let expression = DateRecognizer.parse(mention.text) else { return ["unresolved": "unrecognised date"] }
            return dates.resolve(expression).json
        case .money:
            guard let money = MoneyRecognizer.parse(mention.text) else { return nil }
            var object: JSONObject = ["amount": .number(money.amount), "currency": .string(money.currency)]
            if let maximum = money.maximum { object["max"] = .number(maximum) }
            if let rates, money.currency != baseCurrency,
               let conversion = rates.convert(money.amount, from: money.currency, to: baseCurrency, on: dates.reference)
            {
                object["converted"] = conversion.json
            }
            return .object(object)
        case .percent:
            guard let percent = PercentRecognizer.parse(mention.text) else { return nil }
            var object: JSONObject = percent.isPoints ? ["points": .number(percent.value)] : ["value": .number(percent.value)]
            if let maximum = percent.maximum { object["max"] = .number(maximum) }
            return .object(object)
        case .quantity:
            guard let quantity = QuantityRecognizer.parse(mention.text) else { return nil }
            var object: JSONObject = [
                "value": .number(quantity.value), "unit": .string(quantity.unit), "approximate": .bool(quantity.approximate),
            ]
            if let maximum = quantity.maximum { object["max"] = .number(maximum) }
            if let bound = quantity.bound { object["bound"] = .string(bound.rawValue) }
            if let unit = UnitOfMeasure.of(quantity.unit) {
                object["dimension"] = .string(unit.dimension)
                if let factor = unit.factor {
                    var si: JSONObject = ["value": .number(Self.significant(quantity.value * factor)), "unit": .string(unit.siSymbol)]
                    if let maximum = quantity.maximum { si["max"] = .number(Self.significant(maximum * factor)) }
                    object["si"] = .object(si)
                }
            }
            return .object(object)
        case .email:
            return .string(EmailRecognizer.normalize(mention.text))
        case .url:
            return .string(URLRecognizer.normalize(mention.text))
        default:
            return nil
        }
    }

    /// `value` rounded to 12 significant digits, so unit factors leave no binary noise (12 km = 12000 m).
    static func significant(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 11 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }
}
