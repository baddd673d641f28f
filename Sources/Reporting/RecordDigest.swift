import GleanerCore

/// What the report keeps of one record: its summary, its facts with their
/// sentences, and its entity counts. The record's text is dropped here.
struct RecordDigest {
    var document: DocumentSummary
    var facts: [FactOccurrence] = []
    var entities: [EntityKey: EntityStats] = [:]
    var mentionCounts: [MentionKind: Int] = [:]

    init(record: JSONObject) throws(RecordError) {
        let mentions = try record.mentions()
        let text = record[Field.text]?.stringValue ?? ""
        let id = try record.optionalString(Field.id)
        let source = try record.optionalString(Field.source)
        let key = id ?? source ?? Self.textKey(text)
        document = DocumentSummary(
            key: key, id: id, source: source,
            title: try record.optionalString(Field.title).map(Self.singleLine),
            published: try record.optionalString(Field.published), mentions: mentions.count)
        let locator = SentenceLocator(text: text)
        let owners = Self.entityOwners(record[Field.entities])
        // One string per sentence, shared by the mentions in it (the aggregate keeps it, not the record text).
        var sentences: [Range<Int>: String] = [:]
        func sentenceText(_ mention: Mention) -> String {
            guard let bounds = locator.bounds(start: mention.start, end: mention.end) else { return Self.singleLine(mention.text) }
            if bounds.count > SentenceLocator.maximumLength { return locator.sentence(bounds: bounds, start: mention.start, end: mention.end) }
            if let known = sentences[bounds] { return known }
            let found = locator.sentence(bounds: bounds, start: mention.start, end: mention.end)
            sentences[bounds] = found
            return found
        }
        for (index, mention) in mentions.enumerated() {
            if mention.kind == .date, let outside = FactValue.date(mention.value)?.dateOutsideYears {
                throw .invalidValue(field: "mentions[\(index)].value", reason: "the date '\(outside)' is outside the years 1-9999")
            }
            mentionCounts[mention.kind, default: 0] += 1
            if FactOccurrence.kinds.contains(mention.kind) {
                facts.append(FactOccurrence(
                    document: key, kind: mention.kind, text: Self.singleLine(mention.text), start: mention.start,
                    end: mention.end, sentence: mention.sentence, sentenceText: sentenceText(mention), value: mention.value))
            } else if EntityKey.kinds.contains(mention.kind) {
                let owner = owners[index]
                let written = Self.singleLine(mention.text)
                let name = owner?.name ?? FactValue.name(mention.value).map(Self.singleLine) ?? written
                guard !name.isEmpty else { continue }
                let entityKey = EntityKey(kind: mention.kind, name: name)
                var stats = entities[entityKey] ?? EntityStats()
                if stats.mentions == 0 { stats.documents = 1 }
                stats.mentions += 1
                for alias in (owner?.aliases ?? []) + FactValue.aliases(mention.value) + [written] {
                    let alias = Self.singleLine(alias)
                    if !alias.isEmpty, alias != name { stats.aliases.insert(alias) }
                }
                let place = mention.value?.objectValue
                stats.placeType = stats.placeType ?? owner?.placeType ?? place?["type"]?.stringValue
                stats.country = stats.country ?? owner?.country ?? place?["country"]?.stringValue
                if stats.references.count < EntityStats.referenceLimit {
                    stats.references.append(EntityReference(
                        document: key, text: written, start: mention.start, end: mention.end,
                        sentence: mention.sentence, sentenceText: sentenceText(mention)))
                    stats.references.sort()
                }
                entities[entityKey] = stats
            }
        }
    }

    /// The entity each mention index belongs to, from the record's `entities`.
    private static func entityOwners(_ value: JSONValue?) -> [Int: Owner] {
        var owners: [Int: Owner] = [:]
        for entity in value?.arrayValue ?? [] {
            guard let object = entity.objectValue else { continue }
            let inner = object["value"]
            guard let name = object["name"]?.stringValue ?? FactValue.name(inner) else { continue }
            let aliases = (object["aliases"]?.arrayValue ?? []).compactMap(\.stringValue) + FactValue.aliases(inner)
            let owner = Owner(
                name: singleLine(name), aliases: aliases,
                placeType: object["type"]?.stringValue ?? inner?.objectValue?["type"]?.stringValue,
                country: object["country"]?.stringValue ?? inner?.objectValue?["country"]?.stringValue)
            for index in object["mentions"]?.arrayValue ?? [] {
                // An index that is not an offset (±2^63, 1e400) names no mention: skipped, never a trap.
                if let number = try? index.int(in: Mention.offsets, field: "entities[].mentions"), owners[number] == nil {
                    owners[number] = owner
                }
            }
        }
        return owners
    }

    private struct Owner {
        var name: String
        var aliases: [String]
        var placeType: String?
        var country: String?
    }

    /// The key of a record without id or source: a fingerprint of its text.
    static func textKey(_ text: String) -> String { "text:" + fingerprint(text) }

    /// Collapses line breaks and runs of white space, so a value stays on one line in every format.
    static func singleLine(_ text: String) -> String {
        var previous: UInt8 = 0x20, clean = true
        for byte in text.utf8 {
            // Control white space, a double space, a leading space, or a non-ASCII byte (which may be a special space).
            if byte < 0x20 || byte >= 0x80 || (byte == 0x20 && previous == 0x20) {
                clean = false
                break
            }
            previous = byte
        }
        if clean && previous != 0x20 { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A stable FNV-1a fingerprint, so a record without id or source still has a key on every run.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
