/// Finds the sentence around a mention in a record's `text`, for provenance.
///
/// Offsets are Unicode code points (the record contract), so the text is held
/// as scalars once per record. A sentence ends at `.`, `!` or `?` followed by
/// white space, or at a line break; a full stop after a single capital
/// ("J. Smith") or a short title ("Mr.", "Dr.") does not end it.
public struct SentenceLocator {
    private let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// The UTF-8 offset of each scalar, and of the end.
    private let byteOffsets: [Int]

    /// The longest sentence text kept; longer ones are cut around the mention.
    public static let maximumLength = 480

    public init(text: String) {
        scalars = Array(text.unicodeScalars)
        utf8 = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        byteOffsets = offsets
    }

    /// The sentence containing `start..<end`, trimmed, or nil when the offsets are outside the text.
    public func sentence(start: Int, end: Int) -> String? {
        guard let bounds = bounds(start: start, end: end) else { return nil }
        return sentence(bounds: bounds, start: start, end: end)
    }

    /// The code-point range of the sentence containing `start..<end`, before trimming;
    /// mentions in one sentence share it, so callers can keep one string per sentence.
    public func bounds(start: Int, end: Int) -> Range<Int>? {
        guard start >= 0, start <= end, end <= scalars.count, !scalars.isEmpty else { return nil }
        var lower = min(start, scalars.count - 1)
        while lower > 0, !isBoundary(before: lower) { lower -= 1 }
        var upper = max(end, lower)
        while upper < scalars.count, !isBoundary(before: upper) { upper += 1 }
        return lower..<upper
    }

    /// The text of a sentence found by ``bounds(start:end:)``; a long one is cut around `start..<end`.
    public func sentence(bounds: Range<Int>, start: Int, end: Int) -> String {
        var lower = bounds.lowerBound, upper = bounds.upperBound
        // Keep a window around the mention when the "sentence" is a whole unpunctuated block.
        let half = Self.maximumLength / 2
        var cutLeft = false, cutRight = false
        if upper - lower > Self.maximumLength {
            let middle = (start + end) / 2
            let newLower = max(lower, middle - half)
            let newUpper = min(upper, newLower + Self.maximumLength)
            cutLeft = newLower > lower
            cutRight = newUpper < upper
            lower = newLower
            upper = newUpper
        }
        while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
        var text = String(decoding: utf8[byteOffsets[lower]..<byteOffsets[upper]], as: UTF8.self)
        if utf8[byteOffsets[lower]..<byteOffsets[upper]].contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            // Line breaks and tabs inside the sentence become single spaces.
            text = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" })
                .map { $0.trimmingSpaces() }.joined(separator: " ")
        }
        if cutLeft { text = "…" + text }
        if cutRight { text += "…" }
        return text
    }

    /// Whether a sentence starts at `index` (the scalar before it ends the previous one).
    private func isBoundary(before index: Int) -> Bool {
        guard index > 0, index < scalars.count else { return true }
        let previous = scalars[index - 1]
        if previous == "\n" { return true }
        guard index >= 2, previous == " " || previous == "\u{A0}" else { return false }
        var last = index - 2
        // Closing quotes or brackets after the terminator: `said." Next`.
        while last > 0, "\"'”’)]".unicodeScalars.contains(scalars[last]) { last -= 1 }
        let terminator = scalars[last]
        if terminator == "!" || terminator == "?" { return true }
        guard terminator == "." else { return false }
        return !isAbbreviation(endingAt: last)
    }

    /// Whether the full stop at `dot` ends an initial or a short title rather than a sentence.
    private func isAbbreviation(endingAt dot: Int) -> Bool {
        var first = dot
        while first > 0, scalars[first - 1].properties.isAlphabetic { first -= 1 }
        let word = String(String.UnicodeScalarView(scalars[first..<dot]))
        if word.count == 1, word.first?.isUppercase == true { return true }
        return Self.titles.contains(word)
    }

    private static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "St", "Jr", "Sr",
        "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov",
        "Dec", "approx", "e.g", "i.e",
    ]
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}
