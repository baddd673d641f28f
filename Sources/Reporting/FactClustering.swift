import GleanerCore

/// Groups occurrences of the same fact: the same value, in sentences about the same thing.
///
/// "40,000 citizens repatriated" in one article and "40,000 people have
/// returned" in another share the value 40,000 and most of their sentence, so
/// they are one fact with two sources; "500 generators" and "500 soldiers"
/// in unrelated sentences stay apart.
enum FactClustering {
    /// Words in more than this many items are too common to find candidates by.
    static let commonWordLimit = 64

    /// Occurrences of one fact, with the context of each.
    struct Cluster {
        var members: [FactOccurrence]
        var contexts: [ContextWords]
        var first: FactOccurrence { members[0] }
    }

    /// Clusters of occurrences, each in position order, the clusters in order of their first occurrence.
    /// - Parameter rank: The order of documents in the report, so members read in document order.
    static func clusters(_ occurrences: [FactOccurrence], vocabulary: Vocabulary, rank: [String: Int]) -> [Cluster] {
        func before(_ lhs: FactOccurrence, _ rhs: FactOccurrence) -> Bool {
            let left = rank[lhs.document] ?? Int.max, right = rank[rhs.document] ?? Int.max
            return left != right ? left < right : lhs.position < rhs.position
        }
        var groups: [String: [FactOccurrence]] = [:]
        for occurrence in occurrences { groups[key(of: occurrence), default: []].append(occurrence) }
        var result: [Cluster] = []
        for group in groups.values {
            let sorted = group.sorted(by: before)
            let contexts = sorted.map { vocabulary.context(sentence: $0.sentenceText, excluding: $0.text) }
            guard sorted.count > 1 else {
                result.append(Cluster(members: sorted, contexts: contexts))
                continue
            }
            var sets = DisjointSets(count: sorted.count)
            // The same sentence words (a syndicated copy), or the same wording with no usable context: one fact.
            var exact: [ContextWords: Int] = [:]
            var bare: [String: Int] = [:]
            for index in sorted.indices {
                if contexts[index].count < ContextWords.minimumSharedForSameValue {
                    let text = sorted[index].text.lowercased()
                    if let other = bare[text] { sets.union(other, index) } else { bare[text] = index }
                } else if let other = exact[contexts[index]] {
                    sets.union(other, index)
                } else {
                    exact[contexts[index]] = index
                }
            }
            forEachCandidatePair(contexts) { first, second in
                sets.union(first, second)
            } when: { first, second in
                contexts[first].matches(contexts[second], minimumShared: ContextWords.minimumSharedForSameValue)
            }
            for component in sets.components() {
                result.append(Cluster(members: component.map { sorted[$0] }, contexts: component.map { contexts[$0] }))
            }
        }
        return result.sorted { before($0.first, $1.first) }
    }

    /// The value that makes two occurrences candidates for the same fact.
    static func key(of occurrence: FactOccurrence) -> String {
        let value = occurrence.value
        switch occurrence.kind {
        case .money:
            if let money = FactValue.money(value) { return "money|\(money.currency)|\(NumberFormat.key(money.amount))" }
        case .quantity, .percent:
            if let number = FactValue.number(value) { return "\(occurrence.kind.rawValue)|\(NumberFormat.key(number))" }
        case .date:
            switch FactValue.date(value) {
            case .point(let date, _)?: return "date|\(date)"
            case .range(let from, let to)?: return "date|\(from)|\(to)"
            case .unresolved?, nil: break
            }
        default: break
        }
        return "\(occurrence.kind.rawValue)|text|\(occurrence.text.lowercased())"
    }

    /// Calls `body` for each pair `(i, j)`, `i < j`, that share an uncommon word and satisfy `condition`.
    static func forEachCandidatePair(
        _ contexts: [ContextWords], _ body: (Int, Int) -> Void, when condition: (Int, Int) -> Bool
    ) {
        var frequency: [Int32: Int] = [:]
        for context in contexts { for word in context.sorted { frequency[word, default: 0] += 1 } }
        var postings: [Int32: [Int]] = [:]
        for (index, context) in contexts.enumerated() {
            var candidates: Set<Int> = []
            for word in context.ordered where frequency[word]! <= commonWordLimit {
                candidates.formUnion(postings[word] ?? [])
                postings[word, default: []].append(index)
            }
            for candidate in candidates.sorted() where condition(candidate, index) { body(candidate, index) }
        }
    }
}

/// Union-find over indexes, with components listed deterministically.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func find(_ index: Int) -> Int {
        var root = index
        while parent[root] != root { root = parent[root] }
        var current = index
        while parent[current] != root {
            let next = parent[current]
            parent[current] = root
            current = next
        }
        return root
    }

    mutating func union(_ first: Int, _ second: Int) {
        let a = find(first), b = find(second)
        if a != b { parent[max(a, b)] = min(a, b) }
    }

    /// The components, each in index order, ordered by their smallest index.
    mutating func components() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in parent.indices {
            let root = find(index)
            if byRoot[root] == nil { order.append(root) }
            byRoot[root, default: []].append(index)
        }
        return order.map { byRoot[$0]! }
    }
}

/// Finds different figures for the same thing reported by different documents.
///
/// Two fact groups conflict when their values differ, no document reports
/// both (a document giving two figures is giving two facts), and their
/// sentences are about the same thing (``ContextWords/matches(_:)``). For
/// quantities the units must agree too.
enum ConflictFinder {
    /// Components of two or more conflicting groups, as indexes into `groups`.
    static func components(_ groups: [FactGroup]) -> [[Int]] {
        guard groups.count > 1 else { return [] }
        var sets = DisjointSets(count: groups.count)
        var conflicting = Set<Int>()
        let documents = groups.map { Set($0.documents) }
        FactClustering.forEachCandidatePair(groups.map(\.context)) { first, second in
            sets.union(first, second)
            conflicting.insert(first)
            conflicting.insert(second)
        } when: { first, second in
            let a = groups[first], b = groups[second]
            guard documents[first].isDisjoint(with: documents[second]), a.display != b.display else { return false }
            if a.kind == .quantity, !unitsAgree(FactValue.unit(a.value), FactValue.unit(b.value)) { return false }
            return a.context.matches(b.context)
        }
        return sets.components().filter { $0.count > 1 && conflicting.contains($0[0]) }
    }

    /// Units agree when either is missing or their last words match, ignoring a plural `s`.
    static func unitsAgree(_ lhs: String, _ rhs: String) -> Bool {
        func head(_ unit: String) -> String {
            var word = unit.lowercased().split(separator: " ").last.map(String.init) ?? ""
            if word.hasSuffix("s") { word.removeLast() }
            return word
        }
        let a = head(lhs), b = head(rhs)
        return a.isEmpty || b.isEmpty || a == b
    }
}
