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
    /// The memory held by documents, facts and entities (without the pool), estimated.
    private var itemBytes = 0

    /// About how many bytes the aggregate holds: what ``SpillingAggregate`` weighs against its budget.
    ///
    /// The counted bytes (structs, dictionary slots, strings) times ``heapFactor``: the process's
    /// heap measured on generated news (`Benchmarks/reporting/generate.py`) held about three times
    /// what is counted (dictionary growth, allocator rounding, per-record aggregates in flight).
    public var estimatedBytes: Int { (itemBytes + pool.bytes) * Self.heapFactor }

    /// Heap bytes per counted byte, measured (see ``estimatedBytes``).
    static let heapFactor = 3

    /// The estimated bytes of one entry beyond its strings (struct, dictionary slot and key).
    static let entryBytes = 192

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
            itemBytes += Self.entryBytes + [document.key, document.id, document.source, document.title, document.published]
                .reduce(0) { $0 + Self.heapBytes($1) }
        }
    }

    mutating func insert(fact: FactOccurrence) {
        let position = fact.position
        if let existing = facts[position], !FactOccurrence.ordered(fact, existing) { return }
        if facts[position] == nil { itemBytes += Self.entryBytes }
        facts[position] = interned(fact)
    }

    /// The fact with its strings and value from this aggregate's pool (it is not inserted).
    mutating func interned(_ fact: FactOccurrence) -> FactOccurrence {
        var fact = fact
        fact.document = pool.string(fact.document)
        fact.text = pool.string(fact.text)
        fact.sentenceText = pool.string(fact.sentenceText)
        fact.value = fact.value.map { pool.value($0) }
        return fact
    }

    mutating func insert(entity key: EntityKey, stats: EntityStats) {
        if entities[key] == nil {
            itemBytes += Self.entryBytes * 2 + Self.heapBytes(key.name)
                + stats.references.reduce(0) { $0 + Self.entryBytes / 2 + Self.heapBytes($1.text) + Self.heapBytes($1.sentenceText) }
        }
        itemBytes += stats.aliases.reduce(0) { $0 + 32 + Self.heapBytes($1) }
        entities[key, default: EntityStats()].merge(stats)
    }

    /// The heap bytes of a string: none when Swift keeps it inline (15 UTF-8 bytes or fewer).
    static func heapBytes(_ string: String?) -> Int {
        guard let count = string?.utf8.count, count > 15 else { return 0 }
        return 32 + count
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
    /// The bytes the pool holds, estimated.
    private(set) var bytes = 0

    /// The pool's copy of `string`; short strings are stored inline by Swift and returned as they are.
    mutating func string(_ string: String) -> String {
        guard string.utf8.count > 15 else { return string }
        let (inserted, member) = strings.insert(string)
        if inserted { bytes += 16 + Aggregate.heapBytes(string) }
        return member
    }

    /// The pool's copy of `value`.
    mutating func value(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null, .bool, .number: return value
        case .string(let string): return .string(self.string(string))
        case .array, .object:
            let (inserted, member) = values.insert(value)
            if inserted { bytes += Self.bytes(of: value) }
            return member
        }
    }

    /// The estimated bytes of a value: its nodes and the strings Swift cannot keep inline.
    static func bytes(of value: JSONValue) -> Int {
        switch value {
        case .null, .bool, .number: return 24
        case .string(let string): return 24 + Aggregate.heapBytes(string)
        case .array(let items): return 48 + items.reduce(0) { $0 + bytes(of: $1) }
        case .object(let object): return 64 + object.members.reduce(0) { $0 + 24 + Aggregate.heapBytes($1.key) + bytes(of: $1.value) }
        }
    }
}
