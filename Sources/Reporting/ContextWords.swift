/// The content words of a sentence, used to tell whether two figures are about the same thing.
///
/// Two occurrences are "about the same thing" when their sentences share
/// enough content words once the figures themselves are taken out: the
/// Jaccard index of the two word sets is at least ``threshold`` and they
/// share at least ``minimumShared`` words (``minimumSharedForSameValue`` when
/// the two values are equal). Words are interned as integers
/// (``Vocabulary``), so comparing two contexts is a merge of sorted arrays.
struct ContextWords: Hashable, Sendable {
    /// Word ids in order of first appearance.
    let ordered: [Int32]
    /// The same ids, sorted, for fast intersection.
    let sorted: [Int32]

    static let threshold = 0.3
    static let minimumShared = 4
    /// For two mentions of the same value, whose equal values are evidence already.
    static let minimumSharedForSameValue = 3

    init(ordered: [Int32]) {
        self.ordered = ordered
        sorted = ordered.sorted()
    }

    /// The union of several contexts, in order of first appearance.
    init(union: [ContextWords]) {
        var seen: Set<Int32> = []
        var ordered: [Int32] = []
        for words in union { for word in words.ordered where seen.insert(word).inserted { ordered.append(word) } }
        self.init(ordered: ordered)
    }

    var count: Int { sorted.count }

    /// How many words both contexts have.
    func sharedCount(_ other: ContextWords) -> Int {
        var i = 0, j = 0, shared = 0
        let a = sorted, b = other.sorted
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// Whether two contexts describe the same thing.
    /// - Parameter minimumShared: Fewer shared words suffice when the values already agree.
    func matches(_ other: ContextWords, minimumShared: Int = ContextWords.minimumShared) -> Bool {
        let shared = sharedCount(other)
        guard shared >= minimumShared else { return false }
        return Double(shared) / Double(count + other.count - shared) >= Self.threshold
    }

    /// The words both contexts share, in this context's order.
    func shared(with other: ContextWords) -> [Int32] {
        let theirs = Set(other.sorted)
        return ordered.filter(theirs.contains)
    }
}

/// Interns the words of sentences so contexts compare as integers.
final class Vocabulary {
    private var ids: [String: Int32] = [:]
    private(set) var words: [String] = []
    private var sentences: [String: [Int32]] = [:]

    /// The context of a mention: the words of its sentence without the mention's own words.
    func context(sentence: String, excluding mention: String) -> ContextWords {
        let all: [Int32]
        if let known = sentences[sentence] {
            all = known
        } else {
            var seen: Set<Int32> = []
            all = Self.words(sentence).map(id).filter { seen.insert($0).inserted }
            sentences[sentence] = all
        }
        let own = Set(Self.words(mention).map(id))
        return ContextWords(ordered: own.isEmpty ? all : all.filter { !own.contains($0) })
    }

    func names(_ ids: [Int32]) -> [String] { ids.map { words[Int($0)] } }

    private func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    /// Lower-cased words of three or more letters that are not stop words or numbers (four-digit years stay).
    ///
    /// Works on UTF-8 bytes: ASCII letters are lower-cased, other non-ASCII
    /// bytes count as letters, so accented words stay whole.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var hasDigit = false
        func flush() {
            defer {
                current.removeAll(keepingCapacity: true)
                hasDigit = false
            }
            if current.last == UInt8(ascii: "'") { current.removeLast() }
            if current.count >= 2, current[current.count - 2] == UInt8(ascii: "'"), current.last == UInt8(ascii: "s") {
                current.removeLast(2)
            }
            // Numbers are left out (they are the figures being compared), except years, which tell events apart.
            guard current.count >= 3, !hasDigit || (current.count == 4 && current.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) else { return }
            let word = String(decoding: current, as: UTF8.self)
            if !stopWords.contains(word) { result.append(word) }
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...0xFF: current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
                hasDigit = true
            case UInt8(ascii: "'") where !current.isEmpty: current.append(byte)
            default: if !current.isEmpty { flush() }
            }
        }
        if !current.isEmpty { flush() }
        return result
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "his", "how", "its", "may", "new", "now", "own", "say", "she", "too", "use", "who", "why",
        "with", "this", "that", "from", "they", "them", "their", "there", "these", "those", "then", "than", "have",
        "been", "were", "will", "would", "could", "should", "which", "while", "what", "when", "where", "about",
        "after", "before", "into", "over", "under", "also", "such", "some", "more", "most", "other", "only", "very",
        "just", "said", "says", "according", "since", "year", "years", "per", "cent", "percent", "million",
        "billion", "thousand", "hundred", "total", "being", "does", "did", "each", "both", "between",
        "during", "through", "against", "within", "without", "upon", "off", "onto", "whose", "whom", "him",
    ]
}
