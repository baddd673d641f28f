public import GleanerCore

/// Writes a report as one JSON document with a stable, versioned schema.
///
/// The schema is documented in README.md ("JSON schema"). Keys come in a fixed
/// order; ``schemaVersion`` changes whenever a field is removed or changes
/// meaning (adding a field does not change it).
public struct JSONReportWriter: Sendable {
    /// The version written as `schema_version`.
    public static let schemaVersion = 1

    public init() {}

    /// The report as a JSON value.
    public func value(_ report: Report) -> JSONValue {
        .object(JSONObject(members(report).map { ($0.key, $0.value()) }))
    }

    /// The report as JSON text, one line, ending with a newline.
    ///
    /// Written member by member and element by element, so the whole report
    /// never exists twice in memory (as values and as text); the bytes are
    /// those of ``value(_:)``.
    public func render(_ report: Report) -> String {
        var text = ReportText()
        write(report, to: &text)
        return text.text
    }

    /// Writes the report as JSON text, member by member and element by element.
    public func write(_ report: Report, to out: inout ReportText) {
        out += "{"
        for (index, member) in members(report).enumerated() {
            if index > 0 { out += "," }
            out += JSONCodec.string(.string(member.key)) + ":"
            if let elements = member.elements {
                out += "["
                for element in 0..<elements.count {
                    if element > 0 { out += "," }
                    out += Escape.jsonText(JSONCodec.string(elements.element(element)))
                }
                out += "]"
            } else {
                out += Escape.jsonText(JSONCodec.string(member.value()))
            }
        }
        out += "}\n"
        out.finish()
    }

    /// A top-level member: a value, or an array made one element at a time.
    private struct Member {
        var key: String
        var elements: (count: Int, element: (Int) -> JSONValue)?
        var single: JSONValue?

        func value() -> JSONValue {
            if let single { return single }
            guard let elements else { return .null }
            return .array((0..<elements.count).map(elements.element))
        }
    }

    private func member(_ key: String, _ value: JSONValue) -> Member { Member(key: key, elements: nil, single: value) }

    private func member<Item>(_ key: String, _ items: [Item], _ transform: @escaping (Item) -> JSONValue) -> Member {
        Member(key: key, elements: (items.count, { transform(items[$0]) }), single: nil)
    }

    private func members(_ report: Report) -> [Member] {
        var counts: JSONObject = ["records": number(report.records), "documents": number(report.documents.count)]
        var mentions = JSONObject()
        for kind in report.mentionCounts.keys.sorted() { mentions[kind.rawValue] = number(report.mentionCounts[kind]!) }
        counts["mentions"] = .object(mentions)
        return [
            member("schema_version", number(Self.schemaVersion)),
            member("generator", "gleaner report"),
            member("counts", .object(counts)),
            member("documents", report.documents, document),
            member("money", report.money, fact),
            member("currency_totals", report.currencyTotals, total),
            member("timeline", report.timeline, fact),
            member("undated", report.undatedDates, fact),
            member("quantities", report.quantities, fact),
            member("percents", report.percents, fact),
            member("people", report.people, entity),
            member("organizations", report.organizations, entity),
            member("places", report.places, entity),
            member("conflicts", report.conflicts, conflict),
            member("references", report.references, reference),
        ]
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
