/// Finds which of a fixed set of byte patterns occur in a text, in one pass (Aho–Corasick).
///
/// Class and id attributes are checked against ~150 words on every element; testing them
/// one by one dominated the run time.
struct PatternMatcher: Sendable {
    /// Which patterns matched, as a bit set over pattern indexes.
    struct Matches: Equatable {
        var bits: [UInt64]
        func contains(_ pattern: Int) -> Bool { bits[pattern >> 6] & (1 << UInt64(pattern & 63)) != 0 }
        func intersects(_ other: Matches) -> Bool {
            for index in bits.indices where bits[index] & other.bits[index] != 0 { return true }
            return false
        }
        var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }
    }

    let patternCount: Int
    private let words: Int
    /// Dense transition table: state * 256 + byte → next state.
    private let transitions: [Int32]
    /// Per state, the patterns that end there (including through failure links).
    private let outputs: [UInt64]

    init(_ patterns: [String]) {
        patternCount = patterns.count
        words = (patterns.count + 63) / 64
        var trie: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var ends: [[Int]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern.utf8 {
                let next = trie[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    trie.append([Int32](repeating: -1, count: 256))
                    ends.append([])
                    trie[state][Int(byte)] = Int32(trie.count - 1)
                    state = trie.count - 1
                }
            }
            ends[state].append(index)
        }
        var failure = [Int](repeating: 0, count: trie.count)
        var outputs = [UInt64](repeating: 0, count: trie.count * words)
        for state in trie.indices {
            for pattern in ends[state] { outputs[state * words + pattern >> 6] |= 1 << UInt64(pattern & 63) }
        }
        var table = [Int32](repeating: 0, count: trie.count * 256)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = trie[0][byte]
            if next >= 0 {
                table[byte] = next
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for word in 0..<words { outputs[state * words + word] |= outputs[failure[state] * words + word] }
            for byte in 0..<256 {
                let next = trie[state][byte]
                if next >= 0 {
                    failure[Int(next)] = Int(table[failure[state] * 256 + byte])
                    table[state * 256 + byte] = next
                    queue.append(Int(next))
                } else {
                    table[state * 256 + byte] = table[failure[state] * 256 + byte]
                }
            }
        }
        transitions = table
        self.outputs = outputs
    }

    /// The patterns that occur in `text` (ASCII letters compared case-insensitively).
    func matches(in text: String) -> Matches {
        var bits = [UInt64](repeating: 0, count: words)
        var state = 0
        for byte in text.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            state = Int(transitions[state * 256 + Int(lower)])
            for word in 0..<words { bits[word] |= outputs[state * words + word] }
        }
        return Matches(bits: bits)
    }

    /// A bit set of the given pattern indexes.
    func set(_ patterns: [Int]) -> Matches {
        var bits = [UInt64](repeating: 0, count: words)
        for pattern in patterns { bits[pattern >> 6] |= 1 << UInt64(pattern & 63) }
        return Matches(bits: bits)
    }
}
