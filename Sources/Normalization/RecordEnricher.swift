public import GleanerCore

/// A normalisation step for mentions that the numeric normaliser does not own
/// (people, organisations, places), plugged into ``NormalizeStage``.
///
/// `NormalizeStage` first fills the values of dates, money, quantities,
/// percents, emails and urls, then calls each enricher in order with all the
/// record's mentions. An enricher sets `value` on the mentions it owns and
/// returns record fields to set (for example `entities`); every other field
/// of the record is kept.
public protocol RecordEnricher: Sendable {
    /// The mention kinds this enricher normalises; `--only` skips enrichers whose kinds it excludes.
    var kinds: Set<MentionKind> { get }

    /// Normalises the record's mentions of ``kinds``.
    /// - Parameters:
    ///   - mentions: all mentions of the record, in order; set `value` on the ones this enricher owns.
    ///   - record: the input record (read-only), e.g. for `published`, `title` or `lang`.
    ///   - text: the record's `text` ("" when absent).
    /// - Returns: record fields to set, in order (e.g. `entities`); empty for none.
    /// - Throws: ``RecordError`` when the record cannot be normalised.
    func enrich(mentions: inout [Mention], record: JSONObject, text: String) throws -> JSONObject

    /// The record fields the enricher reads from `record` and the fields it returns, so
    /// `normalize` decodes only those (the default: none read, none written).
    var fields: StageFields { get }
}

extension RecordEnricher {
    public var fields: StageFields { StageFields(reads: [], writes: []) }
}
