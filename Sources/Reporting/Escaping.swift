/// Escapes untrusted article text for each output format.
///
/// Titles, sources, mention texts and sentences come from the articles, so
/// nothing from a record reaches a report unescaped.
public enum Escape {
    /// Text safe inside HTML elements and quoted attribute values.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\r", "\r\n", "\t": result += " "
            default: appendNeutralised(character, to: &result)
            }
        }
        return result
    }

    /// Text that markdown renders literally, on one line, safe inside a table cell.
    ///
    /// Markdown punctuation is backslash-escaped, and `<`, `>` and `&` become
    /// entities so no renderer sees raw HTML.
    public static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n", "\r", "\r\n", "\t": result += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~", "$":
                result.append("\\")
                result.append(character)
            default: appendNeutralised(character, to: &result)
            }
        }
        return result
    }

    /// One CSV field (RFC 4180): quoted when needed; text that a spreadsheet would
    /// run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
    public static func csv(_ text: String, formulaSafe: Bool = true) -> String {
        var field = ""
        field.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isNewline || character == "\t" { field.append(character) } else { appendNeutralised(character, to: &field) }
        }
        if formulaSafe, let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Whether a scalar must not reach a report as it is: NUL and the other C0/C1 controls,
    /// and the bidirectional embeddings, overrides, isolates and marks (which reorder what a
    /// reader sees, as in "Trojan Source").
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
        default: return false
        }
    }

    /// JSON text with the unsafe scalars that JSON allows raw (bidirectional controls, which
    /// can only stand inside strings) written as `\uXXXX` escapes: the same value, inert bytes.
    public static func jsonText(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isUnsafe) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard isUnsafe(scalar) else {
                result.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(result)
    }

    /// Appends `character`, with each unsafe scalar (``isUnsafe(_:)``) shown as U+FFFD.
    static func appendNeutralised(_ character: Character, to result: inout String) {
        guard character.unicodeScalars.contains(where: isUnsafe) else { return result.append(character) }
        for scalar in character.unicodeScalars {
            result.unicodeScalars.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
    }

    /// Shortens text to at most `limit` characters at a word boundary, with an ellipsis.
    public static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}

extension String {
    /// Replaces every occurrence of `target` (a character) without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
