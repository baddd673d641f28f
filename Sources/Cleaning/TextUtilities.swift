extension String {
    /// The string without leading and trailing whitespace (including no-break spaces).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Runs of whitespace collapsed to one space, trimmed.
    func collapsingWhitespace() -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(unicodeScalars.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Number of whitespace-separated words.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in utf8 {
            let space = byte == 32 || byte == 9 || byte == 10 || byte == 13
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Whether the text ends like a sentence (period, question or exclamation mark, possibly before a quote).
    var endsWithSentencePunctuation: Bool {
        var scalars = unicodeScalars.reversed().makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "\u{00BB}", " ": continue
            case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}": return true
            default: return false
            }
        }
        return false
    }

    /// Lower-cased, with runs of whitespace collapsed, for matching phrases.
    var matchKey: String { collapsingWhitespace().lowercased() }
}

extension Array where Element == String {
    /// Keeps the first of each string, in order.
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0.lowercased()).inserted }
    }
}
