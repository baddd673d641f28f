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
    /// Input byte (ASCII letters lower-cased) → its class: one per byte the patterns use, 0 for the rest.
    private let byteClass: [UInt16]
    private let classCount: Int
    /// Dense transition table: state * classCount + class → next state.
    private let transitions: [Int32]
    /// Per state, the patterns that end there (including through failure links).
    private let outputs: [Matches]
    /// Per state, whether any pattern ends there.
    private let hasOutput: [Bool]

    init(_ patterns: [String]) {
        precondition(patterns.count <= 256, "a PatternMatcher holds at most 256 patterns")
        patternCount = patterns.count
        // Bytes no pattern uses all behave alike, so they share one column of the table.
        var patternClass = [UInt16](repeating: 0, count: 256)
        var classCount = 1
        for pattern in patterns {
            for byte in pattern.utf8 where patternClass[Int(byte)] == 0 {
                patternClass[Int(byte)] = UInt16(classCount)
                classCount += 1
            }
        }
        // The trie, with -1 for a missing edge; then completed in place into the automaton.
        var table = [Int32](repeating: -1, count: classCount)
        var ends: [[Int]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern.utf8 {
                let edge = state * classCount + Int(patternClass[Int(byte)])
                if table[edge] >= 0 {
                    state = Int(table[edge])
                } else {
                    let next = ends.count
                    table.append(contentsOf: repeatElement(-1, count: classCount))
                    ends.append([])
                    table[edge] = Int32(next)
                    state = next
                }
            }
            ends[state].append(index)
        }
        let stateCount = ends.count
        var failure = [Int](repeating: 0, count: stateCount)
        var outputs = [Matches](repeating: Matches(), count: stateCount)
        for state in ends.indices {
            for pattern in ends[state] { outputs[state].insert(pattern) }
        }
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for column in 0..<classCount {
            if table[column] >= 0 {
                queue.append(Int(table[column]))
            } else {
                table[column] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state].formUnion(outputs[failure[state]])
            let row = state * classCount, fallback = failure[state] * classCount
            for column in 0..<classCount {
                let next = table[row + column]
                if next >= 0 {
                    failure[Int(next)] = Int(table[fallback + column])
                    queue.append(Int(next))
                } else {
                    table[row + column] = table[fallback + column]
                }
            }
        }
        var byteClass = [UInt16](repeating: 0, count: 256)
        for byte in 0..<256 { byteClass[byte] = patternClass[byte >= 65 && byte <= 90 ? byte | 0x20 : byte] }
        self.byteClass = byteClass
        self.classCount = classCount
        transitions = table
        self.outputs = outputs
        hasOutput = outputs.map { !$0.isEmpty }
    }

    /// The patterns that occur in `text` (ASCII letters compared case-insensitively).
    func matches(in text: String) -> Matches {
        var found = Matches()
        var state = 0
        let classCount = self.classCount
        transitions.withUnsafeBufferPointer { table in
            hasOutput.withUnsafeBufferPointer { hasOutput in
                byteClass.withUnsafeBufferPointer { byteClass in
                    for byte in text.utf8 {
                        state = Int(table[state &* classCount &+ Int(byteClass[Int(byte)])])
                        if hasOutput[state] { found.formUnion(outputs[state]) }
                    }
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
