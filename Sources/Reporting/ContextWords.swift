/// The content words of a sentence, used to tell whether two figures are about the same thing.
///
/// Two occurrences are "about the same thing" when their sentences share
/// enough content words once the figures themselves are taken out: the
/// Jaccard index of the two word sets is at least ``threshold`` and they
/// share at least ``minimumShared`` words.
struct ContextWords: Hashable {
    /// The words in order of first appearance.
    let ordered: [String]
    let set: Set<String>

    static let threshold = 0.3
    static let minimumShared = 4

    /// The content words of `sentence`, leaving out those of `excluding` (the mention's own text).
    init(sentence: String, excluding: String) {
        let own = Set(Self.words(excluding))
        var seen: Set<String> = []
        var ordered: [String] = []
        for word in Self.words(sentence) where !own.contains(word) && seen.insert(word).inserted {
            ordered.append(word)
        }
        self.ordered = ordered
        set = seen
    }

    init(union: [ContextWords]) {
        var seen: Set<String> = []
        var ordered: [String] = []
        for words in union { for word in words.ordered where seen.insert(word).inserted { ordered.append(word) } }
        self.ordered = ordered
        set = seen
    }

    /// Whether two contexts describe the same thing.
    func matches(_ other: ContextWords) -> Bool {
        let shared = set.intersection(other.set).count
        guard shared >= Self.minimumShared else { return false }
        return Double(shared) / Double(set.union(other.set).count) >= Self.threshold
    }

    /// The words both contexts share, in this context's order.
    func shared(with other: ContextWords) -> [String] {
        ordered.filter(other.set.contains)
    }

    /// Lower-cased words of three or more letters that are not stop words or numbers.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            if current.count >= 3, !stopWords.contains(current), !current.contains(where: \.isNumber) {
                result.append(current.hasSuffix("'s") ? String(current.dropLast(2)) : current)
            }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || (character == "'" && !current.isEmpty) {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "his", "how", "its", "may", "new", "now", "own", "say", "she", "too", "use", "who", "why",
        "with", "this", "that", "from", "they", "them", "their", "there", "these", "those", "then", "than", "have",
        "been", "were", "will", "would", "could", "should", "which", "while", "what", "when", "where", "about",
        "after", "before", "into", "over", "under", "also", "such", "some", "more", "most", "other", "only", "very",
        "just", "said", "says", "according", "since", "year", "years", "this", "per", "cent", "percent", "million",
        "billion", "thousand", "hundred", "total", "some", "being", "does", "did", "each", "both", "between",
        "during", "through", "against", "within", "without", "upon", "off", "onto", "whose", "whom", "him",
    ]
}
