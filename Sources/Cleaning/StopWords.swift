/// Stop words of the languages news is written in, as one table: a lower-cased word → the
/// set of languages whose list holds it. The lists are jusText's (see ``StopWordLists``).
///
/// The table is built in one pass over the lists' bytes (no string per word): an open-addressing
/// hash table of offsets into one byte buffer, so the first record does not pay for 10,000
/// dictionary insertions.
struct StopWords: Sendable {
    /// Language codes, in the order of the bits in the table.
    let languages: [String]
    /// Every distinct word's UTF-8 bytes, one after the other.
    private let bytes: [UInt8]
    /// Per distinct word: where its bytes start, its length and its languages' bits.
    private let entries: [Entry]
    /// Per slot (a power of two, at most half full): the index of its entry plus one, or 0.
    private let slots: [UInt32]

    private struct Entry {
        var start: UInt32
        var length: UInt32
        var languages: UInt32
    }

    static let shared = StopWords(lists: StopWordLists.lists)

    init(lists: [(language: String, words: String)]) {
        let lists = Array(lists.prefix(32))
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        // At most one word more than spaces per list: the table stays at most half full.
        var wordCount = 0
        for list in lists {
            var text = list.words
            wordCount += 1 + text.withUTF8 { words in words.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) } }
        }
        var slotCount = 16
        while slotCount < wordCount * 2 { slotCount *= 2 }
        var slots = [UInt32](repeating: 0, count: slotCount)
        for (bit, list) in lists.enumerated() {
            var text = list.words
            text.withUTF8 { list in
                var start = 0
                while start < list.count {
                    var end = start
                    while end < list.count, list[end] != 0x20 { end += 1 }
                    if end > start {
                        let word = UnsafeBufferPointer(rebasing: list[start..<end])
                        var slot = Int(Self.hash(word)) & (slotCount - 1)
                        while slots[slot] != 0, !Self.equal(entries[Int(slots[slot] - 1)], word, in: bytes) {
                            slot = (slot + 1) & (slotCount - 1)
                        }
                        if slots[slot] == 0 {
                            entries.append(Entry(start: UInt32(bytes.count), length: UInt32(word.count), languages: 0))
                            bytes.append(contentsOf: word)
                            slots[slot] = UInt32(entries.count)
                        }
                        entries[Int(slots[slot] - 1)].languages |= 1 << UInt32(bit)
                    }
                    start = end + 1
                }
            }
        }
        self.languages = lists.map(\.language)
        self.bytes = bytes
        self.entries = entries
        self.slots = slots
    }

    /// The languages listing `word` (already lower-cased), as a bit set.
    func languages(of word: String) -> UInt32 {
        var word = word
        return word.withUTF8 { word in
            let mask = slots.count - 1
            var slot = Int(Self.hash(word)) & mask
            while slots[slot] != 0 {
                let entry = entries[Int(slots[slot] - 1)]
                if Self.equal(entry, word, in: bytes) { return entry.languages }
                slot = (slot + 1) & mask
            }
            return 0
        }
    }

    /// The language whose stop words cover most of `words`, as its bit; 0 when fewer than
    /// one word in twenty is a stop word of any language (no list fits).
    func dominantLanguage(of words: [String]) -> UInt32 {
        dominantLanguage(ofBits: words.map(languages(of:)))
    }

    /// ``dominantLanguage(of:)`` from each word's ``languages(of:)``.
    func dominantLanguage(ofBits words: [UInt32]) -> UInt32 {
        var counts = [Int](repeating: 0, count: languages.count)
        for word in words {
            var bits = word
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

    /// FNV-1a over UTF-8 bytes.
    @inline(__always)
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in word { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }

    @inline(__always)
    private static func equal(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>, in bytes: [UInt8]) -> Bool {
        guard Int(entry.length) == word.count else { return false }
        let start = Int(entry.start)
        for offset in 0..<word.count where bytes[start + offset] != word[offset] { return false }
        return true
    }
}
