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
        var candidates = mentions
        if !strong.isEmpty {
            candidates = mentions.filter { mention in
                guard mention.kind == .quantity else { return true }
                return !overlapsAny(mention, sortedByStart: strong)
            }
        }
        let ranked = candidates.sorted { lhs, rhs in
            let left = lhs.end - lhs.start
            let right = rhs.end - rhs.start
            if left != right { return left > right }
            if lhs.kind != rhs.kind { return priority(lhs.kind) > priority(rhs.kind) }
            return lhs.start < rhs.start
        }
        var taken = IntervalSet()
        var kept: [Mention] = []
        kept.reserveCapacity(ranked.count)
        var organizations: [Mention] = []
        for mention in ranked where mention.end > mention.start {
            if taken.insertIfFree(mention.start, mention.end) {
                kept.append(mention)
                if mention.kind == .organization { organizations.append(mention) }
            } else if mention.kind == .place,
                organizations.contains(where: { $0.start <= mention.start && mention.end <= $0.end })
            {
                // The place an organisation is of or for ("Jewish Agency for Israel") stays, nested in it.
                kept.append(mention)
            }
        }
        return kept.sorted { lhs, rhs in
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            if lhs.end != rhs.end { return lhs.end < rhs.end }
            return lhs.kind < rhs.kind
        }
    }

    private static func overlapsAny(_ mention: Mention, sortedByStart others: [Mention]) -> Bool {
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
            if others[index].end > mention.start { return true }
            index -= 1
            steps += 1
        }
        return false
    }
}

/// A set of disjoint half-open intervals, for greedy overlap resolution.
struct IntervalSet {
    /// One flag per code point taken: linear in the text's length, where a sorted
    /// array with insertions was quadratic in the number of mentions (a 10 MB text).
    private var taken: [Bool] = []

    /// Inserts `start..<end` when it overlaps nothing in the set; returns whether it did.
    mutating func insertIfFree(_ start: Int, _ end: Int) -> Bool {
        guard start >= 0, start < end else { return false }
        if taken.count < end { taken.append(contentsOf: repeatElement(false, count: end - taken.count)) }
        for position in start..<end where taken[position] { return false }
        for position in start..<end { taken[position] = true }
        return true
    }
}
