extension String {
    /// Runs of whitespace collapsed to one space, trimmed.
    func collapsingWhitespace() -> String {
        var collapser = WhitespaceCollapser()
        collapser.append(self)
        return collapser.result
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

/// Builds text with every run of whitespace (ASCII, no-break and other Unicode spaces,
/// zero-width spaces) written as one space and no space at either end, working on UTF-8 bytes.
struct WhitespaceCollapser {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    init() {}

    mutating func append(_ text: String) {
        var copy = text
        copy.withUTF8 { append(bytes: $0) }
    }

    mutating func append(bytes buffer: UnsafeBufferPointer<UInt8>) {
        do {
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                var spaceLength = 0
                if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 {
                    spaceLength = 1
                } else if byte >= 0xC2 {
                    spaceLength = Self.unicodeSpaceLength(buffer, at: index)
                }
                if spaceLength > 0 {
                    pendingSpace = true
                    index += spaceLength
                    continue
                }
                if pendingSpace, !bytes.isEmpty { bytes.append(32) }
                pendingSpace = false
                bytes.append(byte)
                index += 1
            }
        }
    }

    /// Ends a word: the next text starts after a space.
    mutating func breakWord() { pendingSpace = true }

    var result: String { String(decoding: bytes, as: UTF8.self) }

    /// Length of a non-ASCII space (U+00A0, U+1680, U+2000–U+200B, U+2028/9, U+202F, U+205F, U+3000, U+FEFF) at `index`, else 0.
    @inline(__always)
    static func unicodeSpaceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = buffer[index]
        if byte == 0xC2, index + 1 < buffer.count, buffer[index + 1] == 0xA0 { return 2 }
        guard index + 2 < buffer.count else { return 0 }
        let second = buffer[index + 1], third = buffer[index + 2]
        switch byte {
        case 0xE2:
            if second == 0x80, third >= 0x80 && third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            if second == 0x81, third == 0x9F { return 3 }
        case 0xE1: if second == 0x9A, third == 0x80 { return 3 }
        case 0xE3: if second == 0x80, third == 0x80 { return 3 }
        case 0xEF: if second == 0xBB, third == 0xBF { return 3 }
        default: break
        }
        return 0
    }
}
