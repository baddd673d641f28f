import GleanerCore

/// Decodes document bytes to text in the order browsers and crawlers trust the clues:
/// byte-order mark, the declared charset (from HTTP), `<meta charset>` or
/// `http-equiv` in the first 4 KB, UTF-8 when the bytes are valid UTF-8, else Windows-1252.
public enum CharsetDecoder {
    /// The charset the bytes should be read in, lower-cased ("utf-8", "windows-1252", "utf-16le").
    public static func detect(_ bytes: [UInt8], declared: String? = nil) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        if let declared = declared.flatMap(normalizedName), isSupported(declared) { return declared }
        if let meta = metaCharset(bytes).flatMap(normalizedName), isSupported(meta) {
            // A page that says UTF-8 but is not valid UTF-8 is almost always Windows-1252.
            if meta == "utf-8", !isValidUTF8(bytes) { return "windows-1252" }
            return meta
        }
        return isValidUTF8(bytes) ? "utf-8" : "windows-1252"
    }

    /// Decodes the bytes with the detected charset; unknown bytes become U+FFFD.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> String {
        switch detect(bytes, declared: declared) {
        case "utf-16le": return decodeUTF16(bytes.dropFirst(bytes.starts(with: [0xFF, 0xFE]) ? 2 : 0), bigEndian: false)
        case "utf-16be": return decodeUTF16(bytes.dropFirst(bytes.starts(with: [0xFE, 0xFF]) ? 2 : 0), bigEndian: true)
        case "iso-8859-1", "windows-1252": return decodeWindows1252(bytes)
        default:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            return String(decoding: body, as: UTF8.self)
        }
    }

    static func isSupported(_ name: String) -> Bool {
        ["utf-8", "windows-1252", "iso-8859-1", "utf-16le", "utf-16be"].contains(name)
    }

    /// Maps the many spellings of a charset to one name; `nil` for an empty name.
    static func normalizedName(_ name: String) -> String? { Charset.label(name) }

    /// The charset named by `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        let needle = Array("charset=".utf8)
        guard head.count >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= head.count {
            if head[index] == needle[0], Array(head[index..<index + needle.count]) == needle {
                var start = index + needle.count
                while start < head.count, head[start] == UInt8(ascii: "\"") || head[start] == UInt8(ascii: "'") || head[start] == 32 {
                    start += 1
                }
                var end = start
                while end < head.count, head[end] == UInt8(ascii: "-") || head[end] == UInt8(ascii: "_")
                    || (head[end] >= 48 && head[end] <= 57) || (head[end] >= 97 && head[end] <= 122)
                {
                    end += 1
                }
                if end > start { return String(decoding: head[start..<end], as: UTF8.self) }
            }
            index += 1
        }
        return nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { Charset.isValidUTF8(bytes) }

    static func decodeWindows1252(_ bytes: [UInt8]) -> String { Charset.decodeWindows1252(bytes) }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        Charset.decodeUTF16(bytes, bigEndian: bigEndian).text
    }
}
