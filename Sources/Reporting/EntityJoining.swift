import GleanerCore

/// Joins entity names that are the same real-world thing across documents.
///
/// Normalize gives each entity a canonical name and aliases per document; two
/// names of one kind are joined when either one's name or aliases meet the
/// other's (case-insensitively), so "Jewish Agency for Israel" with the alias
/// "Sochnut" in one document and "Sochnut" in another are one row. The row is
/// named by its most-mentioned name.
enum EntityJoining {
    static func rows(_ entities: [EntityKey: EntityStats]) -> [EntityRow] {
        let keys = entities.keys.sorted()
        var sets = DisjointSets(count: keys.count)
        var owner: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            for name in [key.name] + entities[key]!.aliases.sorted() {
                let handle = "\(key.kind.rawValue)|\(name.lowercased())"
                if let other = owner[handle] { sets.union(other, index) } else { owner[handle] = index }
            }
        }
        var rows: [EntityRow] = []
        for component in sets.components() {
            let members = component.map { (key: keys[$0], stats: entities[keys[$0]]!) }
            let lead = members.max { ($0.stats.mentions, $1.key.name) < ($1.stats.mentions, $0.key.name) }!
            var total = EntityStats()
            for member in members { total.merge(member.stats) }
            var aliases = total.aliases.union(members.map(\.key.name))
            aliases.remove(lead.key.name)
            rows.append(EntityRow(
                kind: lead.key.kind, name: lead.key.name,
                aliases: aliases.filter { $0.lowercased() != lead.key.name.lowercased() }.sorted(),
                mentions: total.mentions, documents: total.documents, placeType: total.placeType,
                country: total.country, citations: [], references: total.references))
        }
        return rows.sorted { ($1.mentions, $1.documents, $0.name) < ($0.mentions, $0.documents, $1.name) }
    }
}
