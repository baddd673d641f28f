import Foundation
import GleanerCore

/// A document's bytes decoded to text, with the charset that was used.
public struct DecodedText: Sendable, Equatable {
    /// The text, always valid Unicode.
    public var text: String
    /// The charset used to decode (`utf-8`, `windows-1252`, `utf-16le`, ...).
    public var charset: String
    /// Why the text may differ from the bytes (invalid sequences replaced, unknown charset), or `nil`.
    public var warning: String?
}

/// Turns raw bytes into text, choosing the charset the way browsers do.
///
/// Order: a byte-order mark; the declared charset (Content-Type, then an
/// HTML `<meta charset>` or XML declaration in the first 1,024 bytes); then
/// UTF-8 when the bytes are valid UTF-8. Bytes that are not valid UTF-8 and
/// declare nothing are decoded as Windows-1252 when they are HTML (the WHATWG
/// default for legacy pages, so `clean` gets every character) and otherwise as
/// UTF-8 with U+FFFD replacement characters and a warning.
public enum TextDecoding {
    /// Decodes `bytes`.
    /// - Parameters:
    ///   - bytes: The raw document.
    ///   - declared: The charset from a Content-Type header, if any.
    ///   - mediaType: The detected media type; HTML enables the Windows-1252 fallback.
    public static func decode(_ bytes: [UInt8], declared: String?, mediaType: String) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(Array(bytes.dropFirst(2)), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(Array(bytes.dropFirst(2)), littleEndian: false) }
        let label = declared.flatMap(normalizedLabel) ?? sniffDeclaration(bytes, mediaType: mediaType)
        if let label {
            switch label {
            case "utf-8": return utf8(bytes)
            case "windows-1252": return windows1252(bytes)
            case "utf-16le": return utf16(bytes, littleEndian: true)
            case "utf-16be", "utf-16": return utf16(bytes, littleEndian: false)
            default:
                if let encoding = foundationEncodings[label], let text = String(bytes: bytes, encoding: encoding) {
                    return DecodedText(text: text, charset: label, warning: nil)
                }
                var result = utf8(bytes)
                let note = "unsupported charset '\(label)', decoded as UTF-8"
                result.warning = result.warning.map { "\(note); \($0)" } ?? note
                return result
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, charset: "utf-8") }
        if mediaType == "text/html" { return windows1252(bytes) }
        return utf8(bytes)
    }

    /// Maps a charset label to the WHATWG Encoding Standard's name for the labels Gleaner decodes.
    static func normalizedLabel(_ raw: String) -> String? { Charset.label(raw) }

    private static let foundationEncodings: [String: String.Encoding] = [
        "windows-1251": .windowsCP1251, "windows-1250": .windowsCP1250, "iso-8859-2": .isoLatin2,
        "shift_jis": .shiftJIS, "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
    ]

    /// The charset an HTML `<meta>` or an XML declaration names in the first 1,024 bytes.
    static func sniffDeclaration(_ bytes: [UInt8], mediaType: String) -> String? {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let end = head.range(of: "?>") {
            let declaration = head[head.startIndex..<end.lowerBound]
            if let value = attribute("encoding", in: declaration) { return normalizedLabel(value) }
        }
        guard mediaType == "text/html" || head.contains("<meta") else { return nil }
        var search = head[...]
        while let meta = search.range(of: "<meta") {
            let rest = search[meta.upperBound...]
            let close = rest.firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[rest.startIndex..<close]
            if let value = attribute("charset", in: tag) { return normalizedLabel(value) }
            if let content = attribute("content", in: tag), tag.contains("http-equiv"),
                let range = content.range(of: "charset=")
            {
                let value = content[range.upperBound...].prefix { $0 != ";" && $0 != " " }
                return normalizedLabel(String(value))
            }
            search = rest[close...]
        }
        return nil
    }

    /// The value of `name=value`, `name="value"` or `name='value'` inside a tag.
    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var search = tag
        while let range = search.range(of: name) {
            var index = range.upperBound
            let before = range.lowerBound == tag.startIndex ? " " : tag[tag.index(before: range.lowerBound)]
            while index < tag.endIndex, tag[index] == " " { index = tag.index(after: index) }
            guard before == " " || before == "\t" || before == "\n", index < tag.endIndex, tag[index] == "=" else {
                search = tag[range.upperBound...]
                continue
            }
            index = tag.index(after: index)
            while index < tag.endIndex, tag[index] == " " { index = tag.index(after: index) }
            guard index < tag.endIndex else { return nil }
            let quote = tag[index]
            if quote == "\"" || quote == "'" {
                let start = tag.index(after: index)
                let end = tag[start...].firstIndex(of: quote) ?? tag.endIndex
                return String(tag[start..<end])
            }
            let value = tag[index...].prefix { !" \t\n/>;".contains($0) }
            return String(value)
        }
        return nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { Charset.isValidUTF8(bytes) }

    private static func utf8(_ bytes: [UInt8]) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, charset: "utf-8") }
        let text = String(decoding: bytes, as: UTF8.self)
        let replaced = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            - String(decoding: bytes.filter { $0 < 0x80 }, as: UTF8.self).unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        return DecodedText(
            text: text, charset: "utf-8",
            warning: "invalid UTF-8, \(max(replaced, 1)) sequence(s) replaced with U+FFFD")
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> DecodedText {
        let (text, clean) = Charset.decodeUTF16(bytes, bigEndian: !littleEndian)
        return DecodedText(
            text: text, charset: littleEndian ? "utf-16le" : "utf-16be",
            warning: clean ? nil : "invalid UTF-16, sequences replaced with U+FFFD")
    }

    private static func windows1252(_ bytes: [UInt8]) -> DecodedText {
        DecodedText(text: Charset.decodeWindows1252(bytes), charset: "windows-1252")
    }
}
