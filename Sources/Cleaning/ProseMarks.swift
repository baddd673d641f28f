import GleanerCore

/// The marks of prose the plain-text scorer counts in a paragraph: digits, separator glyphs
/// (`| » › · • / >`), sentence ends after a word, and link-like tokens (`http…`, `www.…`).
///
/// The counts are defined over characters (grapheme clusters, compared as Swift compares
/// them); ``init(_:)`` gets them in one pass over the UTF-8 bytes when every scalar of the
/// text is a character of its own (what nearly all news text is), and falls back to walking
/// characters otherwise, so both give the same numbers.
struct ProseMarks: Equatable {
    var digits = 0
    var separators = 0
    var sentenceEnds = 0
    var linkLike = 0

    /// Counts the marks of `text`.
    init(_ text: String) {
        var text = text
        if let marks = text.withUTF8({ Self.scan($0) }) {
            self = marks
        } else {
            self.init(characters: text)
        }
    }

    init(digits: Int = 0, separators: Int = 0, sentenceEnds: Int = 0, linkLike: Int = 0) {
        (self.digits, self.separators, self.sentenceEnds, self.linkLike) = (digits, separators, sentenceEnds, linkLike)
    }

    /// The counts by walking the characters of `text`: the definition, for any text.
    init(characters text: String) {
        var previous: Character = " "
        for character in text {
            if character.isNumber { digits += 1 }
            if "|»›·•/>".contains(character) { separators += 1 }
            if character == "." || character == "!" || character == "?" || character == "。" {
                if previous.isLetter || previous == ")" || previous == "\"" { sentenceEnds += 1 }
            }
            previous = character
        }
        for token in text.split(separator: " ") where token.hasPrefix("http") || token.hasPrefix("www.") {
            linkLike += 1
        }
    }

    /// The counts from the scalars of UTF-8 `bytes`, or `nil` when some scalar may join the one
    /// before it in a character (a combining mark, CR LF, a script this pass does not vouch for).
    ///
    /// A character is then one scalar: `isNumber` and `isLetter` are that scalar's properties,
    /// and it equals a one-scalar character exactly when the scalar is that one or one of its
    /// canonical singletons (U+0387 GREEK ANO TELEIA is `·`).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ProseMarks? {
        var marks = ProseMarks()
        var previousEndsWord = false
        var previousByte: UInt8 = 0x20  // a token starts the text
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A, previousByte == 0x0D { return nil }
                if byte >= 0x30 && byte <= 0x39 {
                    marks.digits += 1
                } else if byte == 0x7C || byte == 0x2F || byte == 0x3E {
                    marks.separators += 1
                } else if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                    if previousEndsWord { marks.sentenceEnds += 1 }
                } else if previousByte == 0x20, byte == 0x68 || byte == 0x77, Self.startsLink(bytes, at: index) {
                    marks.linkLike += 1
                }
                previousEndsWord = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x29 || byte == 0x22
                previousByte = byte
                index += 1
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            guard GraphemeSafety.standsAlone(scalar) else { return nil }
            switch scalar {
            case 0xBB, 0x203A, 0xB7, 0x387, 0x2022: marks.separators += 1
            case 0x3002: if previousEndsWord { marks.sentenceEnds += 1 }
            default: if Unicode.Scalar(scalar)!.properties.numericType != nil { marks.digits += 1 }
            }
            previousEndsWord = Unicode.Scalar(scalar)!.properties.isAlphabetic
            previousByte = byte
            index += length
        }
        return marks
    }

    /// Whether the token at `index` starts with `http` or `www.`.
    private static func startsLink(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 4 <= bytes.count else { return false }
        let (a, b, c, d) = (bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3])
        return a == 0x68 && b == 0x74 && c == 0x74 && d == 0x70 || a == 0x77 && b == 0x77 && c == 0x77 && d == 0x2E
    }
}

/// Scalars that are a character on their own next to any other scalar of the same kind: their
/// grapheme-break property is Other or Control (no combining marks, joiners, prepended marks,
/// Hangul jamo or regional indicators), so between two of them there is always a character
/// boundary (except CR LF, which callers check).
enum GraphemeSafety {
    /// Whether `scalar` is one of the ranges vouched for (the tests check every one): Latin,
    /// Greek, Cyrillic, Hebrew and Arabic letters, punctuation, symbols, arrows, box drawing and
    /// geometric shapes, CJK, kana, bopomofo, Hangul syllables, private use and full-width forms.
    @inline(__always)
    static func standsAlone(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0000...0x02FF, 0x0370...0x0482, 0x048A...0x052F, 0x05D0...0x05F4, 0x061D...0x064A, 0x0660...0x066F,
            0x0671...0x06D5, 0x1E00...0x1EFF, 0x2010...0x2029, 0x202F...0x205F, 0x20A0...0x20C0, 0x2100...0x2BFF,
            0x3000...0x3029, 0x3041...0x3096, 0x30A0...0x30FF, 0x3105...0x312F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7A3, 0xE000...0xF8FF, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }
}

extension GraphemeSafety {
    /// `text.count` (its characters), without the grapheme-breaking walk when every scalar stands alone.
    static func characterCount(_ text: String) -> Int {
        var copy = text
        let counted: Int? = copy.withUTF8 { bytes in
            var count = 0
            var index = 0
            var previous: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A, previous == 0x0D { return nil }
                    index += 1
                } else {
                    let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                    guard standsAlone(scalar) else { return nil }
                    index += length
                }
                previous = byte
                count += 1
            }
            return count
        }
        return counted ?? text.count
    }

    /// The characters of `left + " " + right`, given those of each side.
    static func characterCount(joining left: String, _ leftCount: Int, _ right: String, _ rightCount: Int) -> Int {
        if let last = left.unicodeScalars.last, let first = right.unicodeScalars.first, standsAlone(last.value),
            standsAlone(first.value)
        {
            return leftCount + 1 + rightCount
        }
        return (left + " " + right).count
    }
}
