public import GleanerCore

/// Resolves overlapping mentions: a longer span wins over a shorter one it
/// overlaps; at equal length the kind with the higher priority wins (url,
/// email, money, percent, date, then the rest). A quantity never overlaps a
/// date, money or percent, whatever their lengths ("2.5 million dollars" is
/// money, "two years ago" a date).
public enum MentionResolver {
    /// Higher wins at equal length.
    static func priority(_ kind: MentionKind) -> Int {
        switch kind {
        case .url: return 9
        case .email: return 8
        case .money: return 7
        case .percent: return 6
        case .date: return 5
        case .organization: return 4
        case .person: return 3
        case .place: return 2
        case .quantity: return 1
        }
    }

    /// Non-overlapping mentions sorted by (start, end, kind).
    public static func resolve(_ mentions: [Mention]) -> [Mention] {
        guard mentions.count > 1 else { return mentions }
        // Quantities lose to any overlapping date, money or percent.
        let strong = mentions.filter { $0.kind == .date || $0.kind == .money || $0.kind == .percent }
            .sorted { $0.start < $1.start }
        let links = mentions.filter { $0.kind == .email || $0.kind == .url }.sorted { $0.start < $1.start }
        var candidates = mentions
        if !links.isEmpty {
            // No name holds or cuts an address ("Mail Info@Example.ORG").
            candidates = candidates.filter { mention in
                ![.person, .organization, .place].contains(mention.kind) || !overlapsAny(mention, sortedByStart: links)
            }
        }
        if !strong.isEmpty {
            candidates = candidates.filter { mention in
                switch mention.kind {
                case .quantity: return !overlapsAny(mention, sortedByStart: strong)
                // A name that runs into a date or a sum without holding it whole ("Tokyo December 7") loses.
                case .person, .organization, .place: return !cutsAny(mention, sortedByStart: strong)
                default: return true
                }
            }
        }
        // Sweep in start order, cutting the mentions into clusters of transitively overlapping spans;
        // each cluster (a few mentions at most) is resolved greedily, so the whole is near-linear.
        let order = candidates.indices.sorted { lhs, rhs in
            let left = candidates[lhs]
            let right = candidates[rhs]
            if left.start != right.start { return left.start < right.start }
            return left.end > right.end
        }
        var kept: [Mention] = []
        kept.reserveCapacity(candidates.count)
        var cluster: [Int] = []
        var clusterEnd = Int.min
        for index in order where candidates[index].end > candidates[index].start {
            if candidates[index].start >= clusterEnd, !cluster.isEmpty {
                resolveCluster(cluster, candidates, into: &kept)
                cluster.removeAll(keepingCapacity: true)
            }
            cluster.append(index)
            clusterEnd = cluster.count == 1 ? candidates[index].end : max(clusterEnd, candidates[index].end)
        }
        if !cluster.isEmpty { resolveCluster(cluster, candidates, into: &kept) }
        return kept
    }

    /// Greedy within one cluster: longer first, then higher priority, then earlier; output in (start, end, kind) order.
    private static func resolveCluster(_ cluster: [Int], _ mentions: [Mention], into kept: inout [Mention]) {
        if cluster.count == 1 {
            kept.append(mentions[cluster[0]])
            return
        }
        let ranked = cluster.sorted { lhs, rhs in
            let left = mentions[lhs]
            let right = mentions[rhs]
            let leftLength = left.end - left.start
            let rightLength = right.end - right.start
            if leftLength != rightLength { return leftLength > rightLength }
            if left.kind != right.kind { return priority(left.kind) > priority(right.kind) }
            if left.start != right.start { return left.start < right.start }
            return lhs < rhs
        }
        var chosen: [Int] = []
        for candidate in ranked {
            let mention = mentions[candidate]
            let free = chosen.allSatisfy { mentions[$0].end <= mention.start || mentions[$0].start >= mention.end }
            if free {
                chosen.append(candidate)
            } else if mention.kind == .place,
                chosen.contains(where: {
                    mentions[$0].kind == .organization && mentions[$0].start <= mention.start && mention.end <= mentions[$0].end
                })
            {
                // The place an organisation is of or for ("Jewish Agency for Israel") stays, nested in it.
                chosen.append(candidate)
            }
        }
        chosen.sort { lhs, rhs in
            let left = mentions[lhs]
            let right = mentions[rhs]
            if left.start != right.start { return left.start < right.start }
            if left.end != right.end { return left.end < right.end }
            return left.kind < right.kind
        }
        for index in chosen { kept.append(mentions[index]) }
    }

    /// Whether `mention` overlaps one of `others` without containing it.
    private static func cutsAny(_ mention: Mention, sortedByStart others: [Mention]) -> Bool {
        overlapsAny(mention, sortedByStart: others) { other in other.start < mention.start || other.end > mention.end }
    }

    private static func overlapsAny(
        _ mention: Mention, sortedByStart others: [Mention], where condition: (Mention) -> Bool = { _ in true }
    ) -> Bool {
        // Binary search the first mention starting at or after mention.end, then look back.
        var low = 0
        var high = others.count
        while low < high {
            let middle = (low + high) / 2
            if others[middle].start < mention.end { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        var steps = 0
        while index >= 0, steps < 64 {
            if others[index].end > mention.start, condition(others[index]) { return true }
            index -= 1
            steps += 1
        }
        return false
    }
}
