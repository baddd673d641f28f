/// Stop words of the languages news is written in, as one table: a lower-cased word → the
/// set of languages whose list holds it. The lists are jusText's (see ``StopWordLists``).
struct StopWords: Sendable {
    /// Language codes, in the order of the bits in ``table``.
    let languages: [String]
    /// Word → bit set of the languages listing it.
    let table: [String: UInt32]

    static let shared = StopWords(lists: StopWordLists.lists)

    init(lists: [(language: String, words: String)]) {
        var table: [String: UInt32] = [:]
        for (bit, list) in lists.prefix(32).enumerated() {
            for word in list.words.split(separator: " ") { table[String(word), default: 0] |= 1 << UInt32(bit) }
        }
        self.languages = lists.prefix(32).map(\.language)
        self.table = table
    }

    /// The languages listing `word` (already lower-cased), as a bit set.
    func languages(of word: String) -> UInt32 { table[word] ?? 0 }

    /// The language whose stop words cover most of `words`, as its bit; 0 when fewer than
    /// one word in twenty is a stop word of any language (no list fits).
    func dominantLanguage(of words: [String]) -> UInt32 {
        var counts = [Int](repeating: 0, count: languages.count)
        for word in words {
            var bits = languages(of: word)
            while bits != 0 {
                counts[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || counts[$0] == counts[$1] && $0 > $1 }),
            counts[best] * 20 >= words.count, counts[best] > 0
        else { return 0 }
        return 1 << UInt32(best)
    }
}
