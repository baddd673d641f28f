/// Finds a fixed list of names in text, by the same token rules the entity
/// recognisers use: case-insensitive except for acronyms, which must match
/// exactly, and always on whole words. Used for a user's own gazetteer.
public struct NameMatcher: Sendable {
    private let trie: PhraseTrie

    /// - Parameter names: each name with a value returned on a match (e.g. an index into the caller's list).
    public init(names: [(name: String, value: Int)]) {
        var trie = PhraseTrie()
        for (name, value) in names { trie.insert(name, value: value, requireCapital: false) }
        self.trie = trie
    }

    /// The longest, leftmost non-overlapping matches: scalar offsets and the values of the matched name.
    public func matches(in text: AnalyzedText) -> [(start: Int, end: Int, values: [Int])] {
        let tokens = EntityTokenizer.tokens(text)
        var result: [(start: Int, end: Int, values: [Int])] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, let match = trie.longestMatch(tokens, from: index, text: text) else {
                index += 1
                continue
            }
            result.append((tokens[index].start, tokens[match.end - 1].end, match.values))
            index = match.end
        }
        return result
    }
}
