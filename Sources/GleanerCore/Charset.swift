/// Character-set names and the decoders fetch and clean both need.
///
/// Labels follow the WHATWG Encoding Standard: Latin-1 and ASCII labels mean
/// Windows-1252, the superset browsers use for them.
public enum Charset {
    /// The canonical name for a charset label ("UTF8" → "utf-8", "latin1" → "windows-1252",
    /// "utf-16" → "utf-16le"); `nil` for an empty label; an unknown label lower-cased as given.
    public static func label(_ raw: String) -> String? {
        let trimmed = raw.unicodeScalars.drop { " \t\"';".unicodeScalars.contains($0) }
        var label = String(String.UnicodeScalarView(trimmed)).lowercased()
        while let last = label.unicodeScalars.last, " \t\"';".unicodeScalars.contains(last) { label.removeLast() }
        guard !label.isEmpty else { return nil }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8": return "utf-8"
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
            "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100":
            return "windows-1252"
        case "utf-16le", "utf-16": return "utf-16le"
        case "utf-16be": return "utf-16be"
        case "windows-1251", "cp1251", "x-cp1251": return "windows-1251"
        case "windows-1250", "cp1250", "x-cp1250": return "windows-1250"
        case "iso-8859-2", "iso8859-2", "latin2", "l2": return "iso-8859-2"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j": return "shift_jis"
        case "euc-jp", "x-euc-jp": return "euc-jp"
        default: return label
        }
    }

    /// Whether `bytes` are valid UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Decodes Windows-1252 (every byte maps to a character; unassigned bytes to their C1 control, as WHATWG does).
    public static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80, byte < 0xA0 {
                scalars.append(windows1252High[Int(byte - 0x80)])
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Decodes UTF-16 without a byte-order mark; unpaired surrogates and a trailing odd byte become U+FFFD.
    /// - Returns: The text, and whether it decoded cleanly.
    public static func decodeUTF16<Bytes: Collection<UInt8>>(_ bytes: Bytes, bigEndian: Bool) -> (text: String, clean: Bool) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            guard next != bytes.endIndex else { break }
            let first = UInt16(bytes[index]), second = UInt16(bytes[next])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index = bytes.index(after: next)
        }
        let text = String(decoding: units, as: UTF16.self)
        let clean = bytes.count % 2 == 0 && !text.unicodeScalars.contains("\u{FFFD}")
        return (text, clean)
    }

    /// Windows-1252 bytes 0x80...0x9F (the rest is Latin-1).
    private static let windows1252High: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{8D}", "\u{017D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{9D}", "\u{017E}", "\u{0178}",
    ]
}
