public import GleanerCore

/// Everything a report needs from a stream of normalised records, in memory
/// proportional to the distinct facts rather than to the records.
///
/// An aggregate is a commutative monoid: ``merge(_:)`` is associative and
/// commutative and ``init()`` is its identity, so records may be split in any
/// way, aggregated apart (`report --partial`) and merged (`report --merge`)
/// into the same report. Facts are kept by position (document, span), so the
/// same occurrence seen twice is kept once; entity counts are sums.
///
/// Repeated strings and values (the same sentence in syndicated copies, the
/// same normalised date or amount in many documents) are kept once, in a pool.
public struct Aggregate: Sendable, Equatable {
    /// Documents by ``DocumentSummary/key``.
    public private(set) var documents: [String: DocumentSummary] = [:]
    /// Fact occurrences by position.
    private(set) var facts: [FactOccurrence.Position: FactOccurrence] = [:]
    /// Entity counts by canonical name.
    public private(set) var entities: [EntityKey: EntityStats] = [:]
    /// Records read.
    public private(set) var records = 0
    /// Mentions read, by kind.
    public private(set) var mentionCounts: [MentionKind: Int] = [:]
    /// One shared copy of each repeated fact string and value.
    private var pool = InternPool()

    /// An empty aggregate.
    public init() {}

    /// The aggregate of one record.
    /// - Throws: ``RecordError`` when the record breaks the contract.
    public init(record: JSONObject) throws(RecordError) {
        try add(record: record)
    }

    /// Every fact occurrence, in document and offset order.
    public var occurrences: [FactOccurrence] {
        facts.keys.sorted().compactMap { facts[$0] }
    }

    /// Adds one normalised record.
    /// - Throws: ``RecordError`` when the record breaks the contract (mentions that are not mention objects).
    public mutating func add(record: JSONObject) throws(RecordError) {
        let digest = try RecordDigest(record: record)
        records += 1
        insert(document: digest.document)
        for occurrence in digest.facts { insert(fact: occurrence) }
        for (key, stats) in digest.entities { insert(entity: key, stats: stats) }
        for (kind, count) in digest.mentionCounts { mentionCounts[kind, default: 0] += count }
    }

    /// Combines another aggregate into this one.
    public mutating func merge(_ other: Aggregate) {
        records += other.records
        for document in other.documents.values { insert(document: document) }
        for occurrence in other.facts.values { insert(fact: occurrence) }
        for (key, stats) in other.entities { insert(entity: key, stats: stats) }
        for (kind, count) in other.mentionCounts { mentionCounts[kind, default: 0] += count }
    }

    /// The merge of two aggregates.
    public func merging(_ other: Aggregate) -> Aggregate {
        var result = self
        result.merge(other)
        return result
    }

    mutating func insert(document: DocumentSummary) {
        if let existing = documents[document.key] {
            documents[document.key] = DocumentSummary.preferred(existing, document)
        } else {
            documents[document.key] = document
        }
    }

    mutating func insert(fact: FactOccurrence) {
        let position = fact.position
        if let existing = facts[position], !FactOccurrence.ordered(fact, existing) { return }
        var fact = fact
        fact.document = pool.string(fact.document)
        fact.text = pool.string(fact.text)
        fact.sentenceText = pool.string(fact.sentenceText)
        fact.value = fact.value.map { pool.value($0) }
        facts[position] = fact
    }

    mutating func insert(entity key: EntityKey, stats: EntityStats) {
        entities[key, default: EntityStats()].merge(stats)
    }

    mutating func addCounts(records count: Int, mentions: [MentionKind: Int]) {
        records += count
        for (kind, value) in mentions { mentionCounts[kind, default: 0] += value }
    }

    /// Two aggregates are equal when they hold the same facts, whatever their pools hold.
    public static func == (lhs: Aggregate, rhs: Aggregate) -> Bool {
        lhs.records == rhs.records && lhs.mentionCounts == rhs.mentionCounts && lhs.documents == rhs.documents
            && lhs.facts == rhs.facts && lhs.entities == rhs.entities
    }
}

/// Hands out one shared copy of each string and value it has seen, so equal
/// sentences and normalised values from many records take memory once.
struct InternPool: Sendable {
    private var strings: Set<String> = []
    private var values: Set<JSONValue> = []

    /// The pool's copy of `string`; short strings are stored inline by Swift and returned as they are.
    mutating func string(_ string: String) -> String {
        string.utf8.count <= 15 ? string : strings.insert(string).memberAfterInsert
    }

    /// The pool's copy of `value`.
    mutating func value(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null, .bool, .number: return value
        case .string(let string): return .string(self.string(string))
        case .array, .object: return values.insert(value).memberAfterInsert
        }
    }
}
