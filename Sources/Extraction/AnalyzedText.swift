public import GleanerCore

/// A document's text prepared once for every recogniser: its Unicode scalars
/// (so offsets are code points, as the record contract requires) and its
/// sentence boundaries.
public struct AnalyzedText: Sendable {
    /// The text as given.
    public let text: String
    /// The text's Unicode scalars; mention offsets index into this array.
    public let scalars: [Unicode.Scalar]
    /// Start offset of every sentence, ascending, the first is 0.
    public let sentenceStarts: [Int]

    /// Analyses a text.
    public init(_ text: String) {
        self.text = text
        let scalars = text.codePoints
        self.scalars = scalars
        self.sentenceStarts = SentenceSplitter.sentenceStarts(in: scalars)
    }

    /// The text of the half-open scalar range `start..<end`.
    public func string(_ start: Int, _ end: Int) -> String {
        ScalarString.make(scalars, start, end)
    }

    /// The index of the sentence that contains offset `position`.
    public func sentenceIndex(at position: Int) -> Int {
        var low = 0
        var high = sentenceStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sentenceStarts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// A mention of `kind` over `start..<end`, with its text and sentence filled in.
    public func mention(_ kind: MentionKind, _ start: Int, _ end: Int, value: JSONValue? = nil) -> Mention {
        Mention(kind: kind, text: string(start, end), start: start, end: end, sentence: sentenceIndex(at: start), value: value)
    }
}

/// Finds sentence boundaries: after `.`, `!`, `?` (and closing quotes or
/// brackets) followed by white space and an upper-case letter, digit or quote,
/// and at paragraph breaks. Common abbreviations ("Mr.", "Dec.", "U.S.") do not end a sentence.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov",
        "pres", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "fig", "mt",
    ]

    static func sentenceStarts(in scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if scalar == "\n", index + 1 < count, scalars[index + 1] == "\n" {
                var next = index + 1
                while next < count, isSpace(scalars[next]) { next += 1 }
                if next < count, next > starts.last! { starts.append(next) }
                index = next
                continue
            }
            if scalar == "." || scalar == "!" || scalar == "?" {
                var next = index + 1
                while next < count, isClosing(scalars[next]) { next += 1 }
                guard next < count, isSpace(scalars[next]) else {
                    index += 1
                    continue
                }
                var start = next
                while start < count, isSpace(scalars[start]) { start += 1 }
                guard start < count else { break }
                let first = scalars[start]
                let opensSentence = isUpper(first) || ("0"..."9").contains(first) || isOpening(first)
                if opensSentence, !(scalar == "." && endsWithAbbreviation(scalars, before: index)) {
                    starts.append(start)
                }
                index = start
                continue
            }
            index += 1
        }
        return starts
    }

    private static func endsWithAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int) -> Bool {
        var start = dot
        while start > 0, dot - start < 16, isLetter(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        guard start < dot, dot - start <= 8 else { return false }
        let lowered = ScalarString.make(scalars, start, dot).lowercased()
        if abbreviations.contains(lowered) { return true }
        // A single capital letter ("J. Smith") is an initial.
        return dot - start == 1 && isUpper(scalars[start])
    }

    // ASCII fast paths: Unicode property lookups are slow and most text is ASCII.
    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value == 32 || (value >= 9 && value <= 13) }
        return scalar.properties.isWhitespace
    }

    @inline(__always)
    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 65 && value <= 90 }
        return scalar.properties.isUppercase
    }

    @inline(__always)
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D: return true  // " ' ” ’ ) ]
        default: return false
        }
    }

    private static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x201C, 0x2018, 0x27, 0x28: return true  // " “ ‘ ' (
        default: return false
        }
    }
}

/// Finds mentions of one or more kinds in a text.
///
/// Each recogniser is a small value; adding a kind means one new type and one
/// line in ``RecognizerRegistry``.
public protocol Recognizer: Sendable {
    /// The kinds this recogniser can produce.
    var kinds: Set<MentionKind> { get }
    /// The mentions found, in any order; overlaps are resolved by the caller.
    func recognize(in text: AnalyzedText) -> [Mention]
}
