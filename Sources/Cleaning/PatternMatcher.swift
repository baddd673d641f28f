/// Finds which of a fixed set of byte patterns occur in a text, in one pass (Aho–Corasick).
///
/// Class and id attributes are checked against ~150 words on every element; testing them
/// one by one dominated the run time.
struct PatternMatcher: Sendable {
    /// Which patterns matched, as a bit set over pattern indexes.
    struct Matches: Equatable, Sendable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0

        mutating func insert(_ pattern: Int) {
            let bit: UInt64 = 1 << UInt64(pattern & 63)
            switch pattern >> 6 {
            case 0: a |= bit
            case 1: b |= bit
            case 2: c |= bit
            default: d |= bit
            }
        }
        mutating func formUnion(_ other: Matches) {
            a |= other.a
            b |= other.b
            c |= other.c
            d |= other.d
        }
        func intersects(_ other: Matches) -> Bool { a & other.a | b & other.b | c & other.c | d & other.d != 0 }
        var isEmpty: Bool { a | b | c | d == 0 }
    }

    let patternCount: Int
    /// Dense transition table: state * 256 + byte → next state.
    private let transitions: [Int32]
    /// Per state, the patterns that end there (including through failure links).
    private let outputs: [Matches]

    init(_ patterns: [String]) {
        precondition(patterns.count <= 256, "a PatternMatcher holds at most 256 patterns")
        patternCount = patterns.count
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
        var outputs = [Matches](repeating: Matches(), count: trie.count)
        for state in trie.indices {
            for pattern in ends[state] { outputs[state].insert(pattern) }
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
            outputs[state].formUnion(outputs[failure[state]])
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
        var found = Matches()
        var state = 0
        transitions.withUnsafeBufferPointer { table in
            outputs.withUnsafeBufferPointer { outputs in
                for byte in text.utf8 {
                    let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                    state = Int(table[state &* 256 &+ Int(lower)])
                    found.formUnion(outputs[state])
                }
            }
        }
        return found
    }

    /// A bit set of the given pattern indexes.
    func set(_ patterns: [Int]) -> Matches {
        var found = Matches()
        for pattern in patterns { found.insert(pattern) }
        return found
    }
}

/// Several word lists gathered into one list of distinct patterns, each list kept as pattern indexes.
struct PatternList {
    private(set) var words: [String] = []
    private var index: [String: Int] = [:]

    /// Adds `list` and returns the pattern index of each of its words.
    mutating func add(_ list: [String]) -> [Int] {
        list.map { word in
            if let known = index[word] { return known }
            index[word] = words.count
            words.append(word)
            return words.count - 1
        }
    }
}
