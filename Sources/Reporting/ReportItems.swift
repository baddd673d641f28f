public import GleanerCore

/// One input document as the report lists it.
public struct DocumentSummary: Sendable, Hashable {
    /// The key facts refer to: the record's `id`, else its `source`, else a hash of its text.
    public var key: String
    public var id: String?
    public var source: String?
    public var title: String?
    /// ISO-8601 publication date, as clean found it.
    public var published: String?
    /// How many mentions the record carried.
    public var mentions: Int

    public init(key: String, id: String? = nil, source: String? = nil, title: String? = nil, published: String? = nil, mentions: Int = 0) {
        self.key = key
        self.id = id
        self.source = source
        self.title = title
        self.published = published
        self.mentions = mentions
    }

    /// Of two summaries of the same document, the one every merge order keeps.
    static func preferred(_ lhs: DocumentSummary, _ rhs: DocumentSummary) -> DocumentSummary {
        let left = [lhs.source ?? "", lhs.title ?? "", lhs.published ?? "", lhs.id ?? ""]
        let right = [rhs.source ?? "", rhs.title ?? "", rhs.published ?? "", rhs.id ?? ""]
        if left != right { return left.lexicographicallyPrecedes(right) ? lhs : rhs }
        return lhs.mentions >= rhs.mentions ? lhs : rhs
    }
}

/// A date, money, quantity or percent mention, with the sentence it came from.
public struct FactOccurrence: Sendable, Hashable {
    /// The ``DocumentSummary/key`` of its document.
    public var document: String
    public var kind: MentionKind
    /// The mention as written.
    public var text: String
    public var start: Int
    public var end: Int
    /// The mention's sentence index in its document.
    public var sentence: Int
    /// The sentence around the mention.
    public var sentenceText: String
    /// The normalised value, when normalize ran.
    public var value: JSONValue?

    public init(document: String, kind: MentionKind, text: String, start: Int, end: Int, sentence: Int, sentenceText: String, value: JSONValue?) {
        self.document = document
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.sentenceText = sentenceText
        self.value = value
    }

    /// Where the occurrence sits: one document, one span.
    var position: Position { Position(document: document, kind: kind, start: start, end: end) }

    struct Position: Hashable, Comparable {
        var document: String
        var kind: MentionKind
        var start: Int
        var end: Int

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.document, lhs.start, lhs.end, lhs.kind.rawValue) < (rhs.document, rhs.start, rhs.end, rhs.kind.rawValue)
        }
    }

    /// A total order, so every merge order keeps the same occurrence for one position.
    static func ordered(_ lhs: FactOccurrence, _ rhs: FactOccurrence) -> Bool {
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        let left = [lhs.text, lhs.sentenceText, lhs.value.map(JSONCodec.string) ?? ""]
        let right = [rhs.text, rhs.sentenceText, rhs.value.map(JSONCodec.string) ?? ""]
        return left.lexicographicallyPrecedes(right) || (left == right && lhs.sentence < rhs.sentence)
    }

    /// The kinds the report treats as facts (the rest are entities or contacts).
    public static let kinds: Set<MentionKind> = [.date, .money, .quantity, .percent]
}

/// A person, organisation or place, by its canonical name.
public struct EntityKey: Sendable, Hashable, Comparable {
    public var kind: MentionKind
    public var name: String

    public init(kind: MentionKind, name: String) {
        self.kind = kind
        self.name = name
    }

    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool {
        (lhs.kind, lhs.name) < (rhs.kind, rhs.name)
    }

    /// The kinds the report counts as entities.
    public static let kinds: Set<MentionKind> = [.person, .organization, .place]
}

/// Counts for one entity name across the documents seen so far.
public struct EntityStats: Sendable, Hashable {
    public var mentions: Int = 0
    public var documents: Int = 0
    /// Other names it goes by (never the canonical name itself).
    public var aliases: Set<String> = []
    /// For places: `city`, `country`, `region`.
    public var placeType: String?
    /// For places: the ISO 3166 alpha-2 country.
    public var country: String?
    /// The first few mentions, in document-key and offset order, for provenance.
    public var references: [EntityReference] = []

    /// How many references an entity keeps: enough to cite, constant in the input size.
    public static let referenceLimit = 3

    public init() {}

    mutating func merge(_ other: EntityStats) {
        mentions += other.mentions
        documents += other.documents
        aliases.formUnion(other.aliases)
        placeType = Self.either(placeType, other.placeType)
        country = Self.either(country, other.country)
        references = Array(Set(references + other.references).sorted().prefix(Self.referenceLimit))
    }

    private static func either(_ lhs: String?, _ rhs: String?) -> String? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return min(lhs, rhs)
    }
}

/// One mention of an entity kept for provenance.
public struct EntityReference: Sendable, Hashable, Comparable {
    public var document: String
    public var text: String
    public var start: Int
    public var end: Int
    public var sentence: Int
    public var sentenceText: String

    public init(document: String, text: String, start: Int, end: Int, sentence: Int, sentenceText: String) {
        self.document = document
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.sentenceText = sentenceText
    }

    public static func < (lhs: EntityReference, rhs: EntityReference) -> Bool {
        (lhs.document, lhs.start, lhs.end, lhs.text, lhs.sentenceText) < (rhs.document, rhs.start, rhs.end, rhs.text, rhs.sentenceText)
    }
}
