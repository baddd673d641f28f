public import GleanerCore

/// The `normalize` step for people, organisations and places: fills their
/// values and sets the record's `entities` (see ``EntityResolver``).
public struct EntityEnricher: RecordEnricher {
    public var kinds: Set<MentionKind> { [.person, .organization, .place] }
    public var fields: StageFields { StageFields(reads: [], writes: [Field.entities]) }
    private let resolver: EntityResolver

    /// - Parameter gazetteer: the user's own names (`normalize --gazetteer FILE`), if any.
    public init(gazetteer: UserGazetteer? = nil) {
        self.resolver = EntityResolver(gazetteer: gazetteer)
    }

    public func enrich(mentions: inout [Mention], record: JSONObject, text: String) throws -> JSONObject {
        let entities = resolver.resolve(mentions: &mentions, text: text)
        return [Field.entities: .array(entities)]
    }
}
