import Extraction
public import GleanerCore

/// Gives people, organisations and places their canonical values and groups
/// a document's mentions into entities.
///
/// - Places resolve through the gazetteer (ISO 3166, GeoNames): "Odessa" is
///   Odesa, UA. A name with several readings ("Georgia", "Washington") takes
///   the one that fits the document's other places best: same country first,
///   then neighbouring countries, then the most prominent reading.
/// - People and organisations join their short forms within the document:
///   "Lieberman" after "Avigdor Lieberman", "Sochnut" written in parentheses
///   after "Jewish Agency for Israel", "NATO" with "North Atlantic Treaty Organization".
/// - A ``UserGazetteer`` adds names (found in the text even where extract
///   missed them) and wins over the built-in lists.
public struct EntityResolver: Sendable {
    let gazetteer: Gazetteer
    let user: UserGazetteer?
    private let userMatcher: NameMatcher?
    /// Lookup key of every user name and alias -> entry index.
    private let userIndex: [String: Int]

    /// - Parameter gazetteer: the user's own names, if any.
    public init(gazetteer user: UserGazetteer? = nil) {
        self.gazetteer = .shared
        self.user = user
        var names: [(name: String, value: Int)] = []
        var index: [String: Int] = [:]
        for (position, entry) in (user?.entries ?? []).enumerated() {
            for name in [entry.name] + entry.aliases {
                names.append((name, position))
                let key = Gazetteer.key(name)
                if index[key] == nil { index[key] = position }
            }
        }
        self.userMatcher = names.isEmpty ? nil : NameMatcher(names: names)
        self.userIndex = index
    }

    /// Fills `value` of every person, organisation and place mention and returns the document's entities.
    /// - Parameters:
    ///   - mentions: the record's mentions, sorted by offset; user-gazetteer names missing from it are added.
    ///   - text: the record's `text` (for user names and for parenthesised aliases).
    /// - Returns: `entities`: one object per distinct thing, `{kind, name, mentions, ...value}`, in order of first mention.
    public func resolve(mentions: inout [Mention], text: String) -> [JSONValue] {
        let scalars = text.codePoints
        if let userMatcher { addUserMentions(&mentions, matcher: userMatcher, text: text) }
        var clusters: [EntityCluster] = []
        resolvePlaces(&mentions, scalars: scalars, into: &clusters)
        var names = NameClustering(scalars: scalars)
        for index in mentions.indices where mentions[index].kind == .person || mentions[index].kind == .organization {
            names.add(index, mentions[index], canonical: userEntry(for: mentions[index])?.name)
        }
        for cluster in names.clusters {
            let value: JSONValue = [
                "name": .string(cluster.name),
                "aliases": .array(cluster.aliases.map { .string($0) }),
            ]
            for member in cluster.members { mentions[member].value = value }
            clusters.append(EntityCluster(kind: cluster.kind, name: cluster.name, members: cluster.members, value: value))
        }
        clusters.sort { $0.members[0] < $1.members[0] }
        return clusters.map(\.json)
    }

    private func userEntry(for mention: Mention) -> UserGazetteer.Entry? {
        guard let user, let index = userIndex[Gazetteer.key(mention.text)], user.entries[index].kind == mention.kind else {
            return nil
        }
        return user.entries[index]
    }

    /// Adds mentions for user names that extract did not report; they replace overlapping entity mentions.
    private func addUserMentions(_ mentions: inout [Mention], matcher: NameMatcher, text: String) {
        guard let user else { return }
        let analyzed = AnalyzedText(text)
        var added = false
        for match in matcher.matches(in: analyzed) {
            let entry = user.entries[match.values[0]]
            let overlapping = mentions.indices.filter { mentions[$0].start < match.end && match.start < mentions[$0].end }
            let entityKinds: Set<MentionKind> = [.person, .organization, .place]
            if overlapping.contains(where: { !entityKinds.contains(mentions[$0].kind) }) { continue }
            if overlapping.count == 1, mentions[overlapping[0]].start == match.start, mentions[overlapping[0]].end == match.end {
                mentions[overlapping[0]].kind = entry.kind
                continue
            }
            for index in overlapping.reversed() { mentions.remove(at: index) }
            mentions.append(analyzed.mention(entry.kind, match.start, match.end))
            added = true
        }
        if added { mentions.sort { ($0.start, $0.end, $0.kind) < ($1.start, $1.end, $1.kind) } }
    }

    private func resolvePlaces(_ mentions: inout [Mention], scalars: [Unicode.Scalar], into clusters: inout [EntityCluster]) {
        let indexes = mentions.indices.filter { mentions[$0].kind == .place }
        guard !indexes.isEmpty else { return }
        var candidates: [Int: [PlaceRecord]] = [:]
        var context = PlaceContext()
        for index in indexes {
            if let entry = userEntry(for: mentions[index]) {
                let record = userPlace(entry)
                candidates[index] = [record]
                context.add(record, weight: 2)
                continue
            }
            let found = gazetteer.places(named: mentions[index].text)
            candidates[index] = found
            // Unambiguous readings (one candidate, or all in one country) set the document's context.
            if let first = found.first, found.allSatisfy({ $0.country == first.country }) { context.add(first, weight: 2) }
        }
        // "Paris, Texas", "Cambridge, Massachusetts": a place written with its state or country after
        // a comma is read inside that state's or country's borders.
        for (position, index) in indexes.enumerated() where position + 1 < indexes.count {
            let next = indexes[position + 1]
            guard isComma(between: mentions[index], and: mentions[next], scalars),
                let container = candidates[next]?.first, container.type != .city, !container.country.isEmpty,
                candidates[next]!.allSatisfy({ $0.country == container.country })
            else { continue }
            let inside = (candidates[index] ?? []).filter { $0.country == container.country && $0 != container }
            if !inside.isEmpty { candidates[index] = inside }
        }
        var byKey: [String: Int] = [:]
        for index in indexes {
            let options = candidates[index] ?? []
            let chosen = context.best(of: options, mention: mentions[index], gazetteer: gazetteer)
            let value = placeValue(chosen, text: mentions[index].text)
            mentions[index].value = value
            let key = "\(value.objectValue?["name"]?.stringValue ?? "")|\(value.objectValue?["type"]?.stringValue ?? "")|\(value.objectValue?["country"]?.stringValue ?? "")"
            if let existing = byKey[key] {
                clusters[existing].members.append(index)
            } else {
                byKey[key] = clusters.count
                let name = value.objectValue?["name"]?.stringValue ?? mentions[index].text
                clusters.append(EntityCluster(kind: .place, name: name, members: [index], value: value))
            }
        }
    }

    /// Whether only ", " separates two mentions.
    private func isComma(between first: Mention, and second: Mention, _ scalars: [Unicode.Scalar]) -> Bool {
        guard first.end < second.start, second.start - first.end <= 3, second.start <= scalars.count else { return false }
        let between = scalars[first.end..<second.start]
        return between.first == "," && between.dropFirst().allSatisfy { $0 == " " }
    }

    private func userPlace(_ entry: UserGazetteer.Entry) -> PlaceRecord {
        let type = PlaceType(rawValue: entry.placeType ?? "city") ?? .city
        let alpha3 = type == .country ? alpha3(of: entry.country ?? "") : ""
        return PlaceRecord(
            name: entry.name, type: type, country: entry.country ?? "", alpha3: alpha3, population: 0, isCapital: false,
            isWord: false, isPersonalName: false, aliases: entry.aliases, continent: "", neighbours: [])
    }

    private func alpha3(of country: String) -> String {
        guard !country.isEmpty else { return "" }
        return gazetteer.alpha3(ofCountry: country) ?? ""
    }

    /// `{name, type, country, country_alpha3}`, plus `alpha3` for a country.
    private func placeValue(_ record: PlaceRecord?, text: String) -> JSONValue {
        guard let record else { return ["name": .string(text)] }
        var object: JSONObject = ["name": .string(record.name), "type": .string(record.type.rawValue)]
        if !record.country.isEmpty {
            object["country"] = .string(record.country)
            let code = record.type == .country ? record.alpha3 : alpha3(of: record.country)
            if !code.isEmpty { object["country_alpha3"] = .string(code) }
        }
        if record.type == .country, !record.alpha3.isEmpty { object["alpha3"] = .string(record.alpha3) }
        return .object(object)
    }
}

/// One entity of a document: its kind, canonical name, mention indexes and value.
struct EntityCluster {
    var kind: MentionKind
    var name: String
    var members: [Int]
    var value: JSONValue

    var json: JSONValue {
        var object: JSONObject = [
            "kind": .string(kind.rawValue), "name": .string(name),
            "mentions": .array(members.map { .number(Double($0)) }),
        ]
        if let fields = value.objectValue {
            for (key, field) in fields where key != "name" { object[key] = field }
        }
        return .object(object)
    }
}
