public import GleanerCore

/// Writes a report as one JSON document with a stable, versioned schema.
///
/// The schema is documented in docs/reporting.md. Keys come in a fixed
/// order; ``schemaVersion`` changes whenever a field is removed or changes
/// meaning (adding a field does not change it).
public struct JSONReportWriter: Sendable {
    /// The version written as `schema_version`.
    public static let schemaVersion = 1

    public init() {}

    /// The report as a JSON value.
    public func value(_ report: Report) -> JSONValue {
        var counts: JSONObject = ["records": number(report.records), "documents": number(report.documents.count)]
        var mentions = JSONObject()
        for kind in report.mentionCounts.keys.sorted() { mentions[kind.rawValue] = number(report.mentionCounts[kind]!) }
        counts["mentions"] = .object(mentions)
        let root: JSONObject = [
            "schema_version": number(Self.schemaVersion),
            "generator": "gleaner report",
            "counts": .object(counts),
            "documents": .array(report.documents.map(document)),
            "money": .array(report.money.map(fact)),
            "currency_totals": .array(report.currencyTotals.map(total)),
            "timeline": .array(report.timeline.map(fact)),
            "undated": .array(report.undatedDates.map(fact)),
            "quantities": .array(report.quantities.map(fact)),
            "percents": .array(report.percents.map(fact)),
            "people": .array(report.people.map(entity)),
            "organizations": .array(report.organizations.map(entity)),
            "places": .array(report.places.map(entity)),
            "conflicts": .array(report.conflicts.map(conflict)),
            "references": .array(report.references.map(reference)),
        ]
        return .object(root)
    }

    /// The report as JSON text, one line, ending with a newline.
    public func render(_ report: Report) -> String {
        JSONCodec.string(value(report)) + "\n"
    }

    private func number(_ value: Int) -> JSONValue { .number(Double(value)) }

    private func document(_ entry: DocumentEntry) -> JSONValue {
        let summary = entry.summary
        return [
            "label": .string(entry.label), "key": .string(summary.key), "id": optional(summary.id),
            "source": optional(summary.source), "title": optional(summary.title), "published": optional(summary.published),
            "mentions": number(summary.mentions),
        ]
    }

    private func fact(_ group: FactGroup) -> JSONValue {
        var object: JSONObject = [
            "id": .string(group.anchor), "kind": .string(group.kind.rawValue), "display": .string(group.display),
            "value": group.value ?? .null, "texts": .array(group.texts.map(JSONValue.string)),
            "documents": .array(group.documents.map(JSONValue.string)),
            "sources": .array(group.citations.map(citation)),
        ]
        object["conflict"] = group.conflict.map { number($0) } ?? .null
        return .object(object)
    }

    private func citation(_ citation: Citation) -> JSONValue {
        [
            "document": .string(citation.document), "text": .string(citation.text), "start": number(citation.start),
            "end": number(citation.end), "reference": number(citation.reference),
        ]
    }

    private func total(_ total: CurrencyTotal) -> JSONValue {
        var object: JSONObject = ["currency": .string(total.currency), "amount": .number(total.amount), "facts": number(total.facts)]
        if let currency = total.convertedCurrency, let amount = total.convertedAmount {
            object["converted"] = ["currency": .string(currency), "amount": .number(amount), "facts": number(total.convertedFacts)]
        } else {
            object["converted"] = .null
        }
        return .object(object)
    }

    private func entity(_ row: EntityRow) -> JSONValue {
        var object: JSONObject = [
            "name": .string(row.name), "aliases": .array(row.aliases.map(JSONValue.string)),
            "mentions": number(row.mentions), "documents": number(row.documents),
        ]
        if row.kind == .place {
            object["type"] = optional(row.placeType)
            object["country"] = optional(row.country)
        }
        object["sources"] = .array(row.citations.map(citation))
        return .object(object)
    }

    private func conflict(_ conflict: Conflict) -> JSONValue {
        [
            "number": number(conflict.number), "kind": .string(conflict.kind.rawValue),
            "about": .array(conflict.about.map(JSONValue.string)),
            "figures": .array(conflict.figures.map { ["id": .string($0.anchor), "display": .string($0.display), "value": $0.value ?? .null, "texts": .array($0.texts.map(JSONValue.string)), "sources": .array($0.citations.map(citation))] }),
        ]
    }

    private func reference(_ reference: Reference) -> JSONValue {
        [
            "number": number(reference.number), "document": .string(reference.document),
            "sentence": number(reference.sentence), "text": .string(reference.text),
        ]
    }

    private func optional(_ string: String?) -> JSONValue { string.map(JSONValue.string) ?? .null }
}
