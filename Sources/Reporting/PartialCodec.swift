public import GleanerCore

/// A partial-aggregate line that cannot be read.
public struct PartialLineError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "not a report partial: \(reason)" }
}

/// Writes an ``Aggregate`` as NDJSON (`report --partial`) and reads it back (`report --merge`).
///
/// Each line is one object with a single key saying what it holds:
/// `{"partial": {"version", "records", "mentions"}}` first, then
/// `{"document": …}`, `{"fact": …}` and `{"entity": …}` lines, each sorted,
/// so the same aggregate always gives the same bytes. Partials from any number
/// of runs can be concatenated and merged: lines are independent.
public enum PartialCodec {
    /// The partial format version; `--merge` refuses other versions.
    public static let version = 1

    /// The aggregate as NDJSON lines (without newlines).
    public static func lines(_ aggregate: Aggregate) -> [JSONValue] {
        var lines: [JSONValue] = []
        write(aggregate) { lines.append($0) }
        return lines
    }

    /// Hands the aggregate's lines to `emit` one at a time, so a large partial is never held twice.
    public static func write<Failure: Error>(_ aggregate: Aggregate, to emit: (JSONValue) throws(Failure) -> Void) throws(Failure) {
        try emit(header(aggregate))
        try writeBody(aggregate, to: emit)
    }

    /// The first line: the format version and the aggregate's record and mention counts.
    static func header(_ aggregate: Aggregate) -> JSONValue {
        var mentions = JSONObject()
        for kind in aggregate.mentionCounts.keys.sorted() { mentions[kind.rawValue] = int(aggregate.mentionCounts[kind]!) }
        return ["partial": ["version": int(version), "records": int(aggregate.records), "mentions": .object(mentions)]]
    }

    /// The lines after the header: documents, facts and entities, each sorted by its ``LineKey``.
    static func writeBody<Failure: Error>(_ aggregate: Aggregate, to emit: (JSONValue) throws(Failure) -> Void) throws(Failure) {
        for key in aggregate.documents.keys.sorted() {
            let document = aggregate.documents[key]!
            try emit(["document": [
                "key": .string(document.key), "id": optional(document.id), "source": optional(document.source),
                "title": optional(document.title), "published": optional(document.published), "mentions": int(document.mentions),
            ]])
        }
        for fact in aggregate.occurrences {
            try emit(["fact": [
                "document": .string(fact.document), "kind": .string(fact.kind.rawValue), "text": .string(fact.text),
                "start": int(fact.start), "end": int(fact.end), "sentence": int(fact.sentence),
                "sentence_text": .string(fact.sentenceText), "value": fact.value ?? .null,
            ]])
        }
        for key in aggregate.entities.keys.sorted() {
            let stats = aggregate.entities[key]!
            try emit(["entity": [
                "kind": .string(key.kind.rawValue), "name": .string(key.name), "mentions": int(stats.mentions),
                "documents": int(stats.documents), "aliases": .array(stats.aliases.sorted().map(JSONValue.string)),
                "type": optional(stats.placeType), "country": optional(stats.country),
                "references": .array(stats.references.map { reference in
                    [
                        "document": .string(reference.document), "text": .string(reference.text), "start": int(reference.start),
                        "end": int(reference.end), "sentence": int(reference.sentence), "sentence_text": .string(reference.sentenceText),
                    ]
                }),
            ]])
        }
    }

    /// Adds one partial line to `aggregate`.
    /// - Throws: ``PartialLineError`` naming what is missing or wrong.
    public static func add(_ line: JSONObject, to aggregate: inout Aggregate) throws(PartialLineError) {
        guard line.count == 1, let (kind, body) = line.members.first.map({ ($0.key, $0.value) }), let object = body.objectValue else {
            throw PartialLineError(reason: "expected one of {\"partial\"|\"document\"|\"fact\"|\"entity\": {...}}")
        }
        switch kind {
        case "partial":
            let found = object["version"].flatMap { try? $0.int(in: 0...Self.countLimit, field: "version") }
            guard found == version else {
                throw PartialLineError(reason: "version \(object["version"].map(JSONCodec.string) ?? "missing"), expected \(version)")
            }
            var counts: [MentionKind: Int] = [:]
            for (name, count) in object["mentions"]?.objectValue ?? JSONObject() {
                guard let mentionKind = MentionKind(rawValue: name) else { throw PartialLineError(reason: "unknown mention kind '\(name)'") }
                do {
                    counts[mentionKind] = try count.int(in: 0...Self.countLimit, field: "mentions.\(name)")
                } catch {
                    throw PartialLineError(reason: error.description)
                }
            }
            aggregate.addCounts(records: try integer(object, "records"), mentions: counts)
        case "document":
            aggregate.insert(document: DocumentSummary(
                key: try string(object, "key"), id: object["id"]?.stringValue, source: object["source"]?.stringValue,
                title: object["title"]?.stringValue, published: object["published"]?.stringValue,
                mentions: try integer(object, "mentions")))
        case "fact":
            let value = object["value"]
            if let outside = FactValue.date(value)?.dateOutsideYears {
                throw PartialLineError(reason: "the date '\(outside)' is outside the years 1-9999")
            }
            aggregate.insert(fact: FactOccurrence(
                document: try string(object, "document"), kind: try mentionKind(object), text: try string(object, "text"),
                start: try integer(object, "start"), end: try integer(object, "end"), sentence: try integer(object, "sentence"),
                sentenceText: try string(object, "sentence_text"), value: value == .null ? nil : value))
        case "entity":
            var stats = EntityStats()
            stats.mentions = try integer(object, "mentions")
            stats.documents = try integer(object, "documents")
            stats.aliases = Set((object["aliases"]?.arrayValue ?? []).compactMap(\.stringValue))
            stats.placeType = object["type"]?.stringValue
            stats.country = object["country"]?.stringValue
            for reference in object["references"]?.arrayValue ?? [] {
                guard let reference = reference.objectValue else { throw PartialLineError(reason: "entity reference is not an object") }
                stats.references.append(EntityReference(
                    document: try string(reference, "document"), text: try string(reference, "text"),
                    start: try integer(reference, "start"), end: try integer(reference, "end"),
                    sentence: try integer(reference, "sentence"), sentenceText: try string(reference, "sentence_text")))
            }
            stats.references = Array(stats.references.sorted().prefix(EntityStats.referenceLimit))
            aggregate.insert(entity: EntityKey(kind: try mentionKind(object), name: try string(object, "name")), stats: stats)
        default:
            throw PartialLineError(reason: "unknown line kind '\(kind)'")
        }
    }

    /// What a line after the header is sorted by: its section (documents, facts, entities in
    /// that order), then its document key, fact position or entity key. Lines with equal keys
    /// are one entry, merged as ``Aggregate/merge(_:)`` merges them.
    enum LineKey: Comparable {
        case document(String)
        case fact(FactOccurrence.Position)
        case entity(EntityKey)

        /// The key of a line this codec wrote; nil for a header or a line it cannot have written.
        init?(_ line: JSONObject) {
            guard line.count == 1, let member = line.members.first, let body = member.value.objectValue else { return nil }
            func offset(_ field: String) -> Int? { body[field]?.numberValue.flatMap { Int(exactly: $0) } }
            switch member.key {
            case "document":
                guard let key = body["key"]?.stringValue else { return nil }
                self = .document(key)
            case "fact":
                guard let document = body["document"]?.stringValue, let kind = body["kind"]?.stringValue.flatMap(MentionKind.init(rawValue:)),
                    let start = offset("start"), let end = offset("end")
                else { return nil }
                self = .fact(FactOccurrence.Position(document: document, kind: kind, start: start, end: end))
            case "entity":
                guard let kind = body["kind"]?.stringValue.flatMap(MentionKind.init(rawValue:)), let name = body["name"]?.stringValue else { return nil }
                self = .entity(EntityKey(kind: kind, name: name))
            default:
                return nil
            }
        }
    }

    /// The largest count or offset a partial may carry (10^15: sums of many partials stay exact).
    static let countLimit = 1_000_000_000_000_000

    private static func string(_ object: JSONObject, _ field: String) throws(PartialLineError) -> String {
        guard let value = object[field]?.stringValue else { throw PartialLineError(reason: "missing string '\(field)'") }
        return value
    }

    private static func integer(_ object: JSONObject, _ field: String) throws(PartialLineError) -> Int {
        guard let value = object[field], value != .null else { throw PartialLineError(reason: "missing integer '\(field)'") }
        do {
            return try value.int(in: 0...countLimit, field: field)
        } catch {
            throw PartialLineError(reason: error.description)
        }
    }

    private static func mentionKind(_ object: JSONObject) throws(PartialLineError) -> MentionKind {
        let name = try string(object, "kind")
        guard let kind = MentionKind(rawValue: name) else { throw PartialLineError(reason: "unknown mention kind '\(name)'") }
        return kind
    }

    private static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
    private static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
