import Extraction
public import GleanerCore

/// Options of the `normalize` stage.
public struct NormalizeOptions: Sendable {
    /// Resolves relative dates when a record has no `published` date.
    public var referenceDate: CivilDate?
    /// How to read all-numeric dates ("12/07/2023").
    public var dateOrder: DateOrder
    /// ECB-format exchange rates; when set, money gets a `converted` amount.
    public var rates: ExchangeRates?
    /// The currency `converted` amounts are in (default EUR, the ECB's base).
    public var baseCurrency: String
    /// Only normalise these kinds (nil: all).
    public var only: Set<MentionKind>?

    public init(referenceDate: CivilDate? = nil, dateOrder: DateOrder = .mdy, rates: ExchangeRates? = nil,
                baseCurrency: String = "EUR", only: Set<MentionKind>? = nil)
    {
        self.referenceDate = referenceDate
        self.dateOrder = dateOrder
        self.rates = rates
        self.baseCurrency = baseCurrency
        self.only = only
    }
}

/// The `normalize` stage: fills `mentions[].value` with canonical values and
/// lets ``RecordEnricher``s (people, organisations, places) add theirs and
/// record fields such as `entities`. Every other field is kept; values are
/// replaced on a re-run.
///
/// Relative dates resolve against the record's `published` date, else
/// ``NormalizeOptions/referenceDate``, else stay `{unresolved: "no reference date"}`.
public struct NormalizeStage: Stage {
    public let name = "normalize"
    /// Reads `mentions`, `text`, `published` and what the enrichers read; writes `mentions`
    /// and the enrichers' fields. Every other field passes through untouched.
    public let fields: StageFields?
    public let options: NormalizeOptions
    private let enrichers: [any RecordEnricher]

    /// - Parameters:
    ///   - options: reference date, date order, rates, base currency, kinds.
    ///   - enrichers: steps for the kinds this stage does not normalise itself, run in order after it.
    public init(options: NormalizeOptions = NormalizeOptions(), enrichers: [any RecordEnricher] = []) {
        self.options = options
        self.enrichers = enrichers.filter { enricher in
            options.only.map { !enricher.kinds.isDisjoint(with: $0) } ?? true
        }
        var fields = StageFields(reads: [Field.mentions, Field.text, Field.published], writes: [Field.mentions])
        for enricher in self.enrichers {
            fields.reads.formUnion(enricher.fields.reads)
            fields.writes.formUnion(enricher.fields.writes)
        }
        self.fields = fields
    }

    /// - Throws: ``RecordError`` when `mentions` or `text` break the contract.
    public func process(_ record: JSONObject) throws -> JSONObject {
        var mentions = try record.mentions()
        let text = try record.requiredString(Field.text)
        if !mentions.isEmpty {
            let length = text.codePointCount
            for (index, mention) in mentions.enumerated() { try mention.checkBounds(length: length, index: index) }
        }
        let published = record[Field.published]?.stringValue.flatMap { CivilDate(iso: $0) }
        let values = NumericValues(
            dates: DateResolver(reference: published ?? options.referenceDate, order: options.dateOrder),
            rates: options.rates, baseCurrency: options.baseCurrency)
        for index in mentions.indices where NumericValues.kinds.contains(mentions[index].kind) {
            if let only = options.only, !only.contains(mentions[index].kind) { continue }
            mentions[index].value = values.value(of: mentions[index])
        }
        var output = record
        // ENTITY NORMALISATION: people, organisations and places are resolved by the enrichers here.
        for enricher in enrichers {
            let fields = try enricher.enrich(mentions: &mentions, record: record, text: text)
            for (key, value) in fields { output[key] = value }
        }
        if record[Field.mentions] != nil || !mentions.isEmpty {
            output[Field.mentions] = .array(mentions.map(\.json))
        }
        return output
    }
}
