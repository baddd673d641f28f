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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        var ascii = true
        for byte in utf8 {
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 {
                pendingSpace = !bytes.isEmpty
            } else {
                if byte >= 0x80 {
                    ascii = false
                    break
                }
                if pendingSpace { bytes.append(32) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        var result = ""
        result.unicodeScalars.reserveCapacity(unicodeScalars.count)
        pendingSpace = false
        for scalar in unicodeScalars {
            let space = scalar.value < 0x80
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
                : scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
            if space {
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

extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes.
    ///
    /// The standard library's `contains(_: StringProtocol)` builds a searcher on every call,
    /// which is far too slow for the thousands of class names a page has.
    func includes(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { hay in
            pattern.withUTF8 { pin in
                let count = pin.count
                guard count > 0 else { return true }
                guard hay.count >= count else { return false }
                let first = pin[0]
                var index = 0
                let last = hay.count - count
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < count, hay[index + offset] == pin[offset] { offset += 1 }
                        if offset == count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
