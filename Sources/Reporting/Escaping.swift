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
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
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
            case "\n", "\r", "\t": result += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~", "$":
                result.append("\\")
                result.append(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// One CSV field (RFC 4180): quoted when needed; text that a spreadsheet would
    /// run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
    public static func csv(_ text: String, formulaSafe: Bool = true) -> String {
        var field = text
        if formulaSafe, let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
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
