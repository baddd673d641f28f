public import GleanerCore

/// Finds web addresses: "https://example.org/a?b=c", "www.example.org",
/// and bare lower-case domains with a common top-level domain
/// ("example.com/news"), without trailing sentence punctuation or an
/// unbalanced closing bracket.
///
/// Normalised value: scheme and host in lower case, `http://` added when the
/// text has no scheme (see ``URLRecognizer/normalize(_:)``).
public struct URLRecognizer: Recognizer {
    public init() {}

    public var kinds: Set<MentionKind> { [.url] }

    static let bareTopLevelDomains: Set<String> = [
        "com", "org", "net", "gov", "edu", "int", "mil", "io", "info", "biz", "news", "co", "uk", "de", "fr", "ru", "ua",
        "az", "il", "eu", "ca", "au", "in", "jp", "cn", "it", "es", "nl", "pl", "ge", "am", "tr", "ir", "us", "me", "tv",
        "ly", "gl", "be", "ch", "at", "se", "no", "dk", "fi", "cz", "ro", "md", "kz", "by", "lt", "lv", "ee", "gr", "pt",
        "br", "mx", "ar", "za", "ng", "ke", "eg", "sa", "ae", "qa", "pk", "bd", "kr", "tw", "hk", "sg", "my", "id", "ph",
        "vn", "th", "nz", "org.uk", "app", "dev", "ai", "xyz", "online", "site", "blog", "media", "live",
    ]

    public func recognize(in text: AnalyzedText) -> [Mention] {
        let scalars = text.scalars
        let count = scalars.count
        var mentions: [Mention] = []
        var index = 0
        while index < count {
            let scalar = scalars[index]
            let lower = scalar.value | 0x20
            // Only a word start can begin a URL.
            if (lower == 104 || lower == 119 || lower == 102) && (index == 0 || !Self.isURLScalar(scalars[index - 1]) || scalars[index - 1] == "(") {
                if let end = Self.schemeURL(scalars, at: index) ?? Self.wwwURL(scalars, at: index) {
                    mentions.append(text.mention(.url, index, end))
                    index = end
                    continue
                }
            }
            if scalar == ".", index > 0, let (start, end) = Self.bareDomain(scalars, dot: index),
               mentions.last.map({ $0.end <= start }) ?? true
            {
                mentions.append(text.mention(.url, start, end))
                index = end
                continue
            }
            index += 1
        }
        return mentions
    }

    static func isURLScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value <= 32 || value == 127 { return false }
        if value >= 128 {
            // Letters of internationalised paths count; typographic quotes and spaces end the URL.
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        switch value {
        case 34, 60, 62, 92, 94, 96, 123, 124, 125: return false  // " < > \ ^ ` { | }
        default: return true
        }
    }

    private static func hasPrefix(_ scalars: [Unicode.Scalar], _ index: Int, _ prefix: String) -> Bool {
        var position = index
        for letter in prefix.unicodeScalars {
            guard position < scalars.count else { return false }
            let value = scalars[position].value
            let folded = value < 128 && value >= 65 && value <= 90 ? value | 0x20 : value
            guard folded == letter.value else { return false }
            position += 1
        }
        return true
    }

    private static func schemeURL(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let prefixLength: Int
        if hasPrefix(scalars, index, "https://") {
            prefixLength = 8
        } else if hasPrefix(scalars, index, "http://") {
            prefixLength = 7
        } else if hasPrefix(scalars, index, "ftp://") {
            prefixLength = 6
        } else {
            return nil
        }
        let hostStart = index + prefixLength
        guard hostStart < scalars.count, isHostScalar(scalars[hostStart]),
              let end = trimmedEnd(scalars, start: index, from: hostStart)
        else { return nil }
        // A host is a name with a dot ("http://404" or "http://12" is not a URL), "localhost" or an IPv6 literal.
        var hostEnd = hostStart
        while hostEnd < end, scalars[hostEnd] != "/", scalars[hostEnd] != ":", scalars[hostEnd] != "?", scalars[hostEnd] != "#" { hostEnd += 1 }
        let host = scalars[hostStart..<hostEnd]
        guard host.contains(".") || hasPrefix(scalars, hostStart, "localhost") else { return nil }
        return end
    }

    private static func wwwURL(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard hasPrefix(scalars, index, "www."), index + 4 < scalars.count, isHostScalar(scalars[index + 4]) else { return nil }
        guard let end = trimmedEnd(scalars, start: index, from: index + 4) else { return nil }
        // "www.example" needs a dot after the label.
        guard scalars[(index + 4)..<end].contains(".") else { return nil }
        return end
    }

    private static func isHostScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 128 { return scalar.properties.isAlphabetic }
        return (value >= 48 && value <= 57) || ((value | 0x20) >= 97 && (value | 0x20) <= 122)
    }

    /// The end of a URL whose host starts at `from`: the run of URL scalars without trailing punctuation.
    private static func trimmedEnd(_ scalars: [Unicode.Scalar], start: Int, from: Int) -> Int? {
        var end = from
        while end < scalars.count, end - start < 4096, isURLScalar(scalars[end]) { end += 1 }
        var balance = 0
        for position in start..<end {
            if scalars[position] == "(" { balance += 1 } else if scalars[position] == ")" { balance -= 1 }
        }
        while end > from {
            let last = scalars[end - 1]
            if ".,;:!?'*".unicodeScalars.contains(last) || last == "’" || last == "”" {
                end -= 1
            } else if last == ")" && balance < 0 {
                balance += 1
                end -= 1
            } else if last == "]" {
                end -= 1
            } else {
                break
            }
        }
        return end > from ? end : nil
    }

    /// A bare lower-case domain around the dot at `dot`: "example.com", "example.com/news".
    private static func bareDomain(_ scalars: [Unicode.Scalar], dot: Int) -> (Int, Int)? {
        // Most dots end a sentence: a top-level domain starts with a lower-case ASCII letter right after the dot.
        guard dot + 2 < scalars.count, scalars[dot + 1].value >= 97, scalars[dot + 1].value <= 122,
              scalars[dot - 1].value < 128, scalars[dot - 1].value != 32
        else { return nil }
        var start = dot
        while start > 0, isHostScalar(scalars[start - 1]) || scalars[start - 1] == "-" || scalars[start - 1] == "." { start -= 1 }
        guard start < dot, start == 0 || scalars[start - 1] == " " || scalars[start - 1] == "(" || scalars[start - 1] == "\n"
            || scalars[start - 1] == "\"" || scalars[start - 1] == "“"
        else { return nil }
        // Lower case only: "Amazon.com" is usually the company's name.
        for position in start..<dot where scalars[position].properties.isUppercase { return nil }
        // "9.am", "10.pm" are clock times: a name has a letter before the top-level domain.
        guard scalars[start..<dot].contains(where: { ($0.value | 0x20) >= 97 && ($0.value | 0x20) <= 122 }) else { return nil }
        var tldEnd = dot + 1
        while tldEnd < scalars.count, scalars[tldEnd].value < 128, ((scalars[tldEnd].value | 0x20) >= 97 && (scalars[tldEnd].value | 0x20) <= 122) {
            tldEnd += 1
        }
        var tld = String.UnicodeScalarView()
        tld.append(contentsOf: scalars[(dot + 1)..<tldEnd])
        guard bareTopLevelDomains.contains(String(tld)) else { return nil }
        // The character after the top-level domain must end the word.
        if tldEnd < scalars.count, isHostScalar(scalars[tldEnd]) || scalars[tldEnd] == "@" { return nil }
        if start > 0, scalars[start - 1] == "@" { return nil }
        guard let end = trimmedEnd(scalars, start: start, from: dot + 1) else { return nil }
        // Stop at an "@": that is an email address, not a URL.
        if scalars[start..<end].contains("@") { return nil }
        return (start, end)
    }

    /// The normalised URL: scheme and host lower-cased, `http://` added when missing.
    public static func normalize(_ text: String) -> String {
        var rest = Substring(text)
        var scheme = "http"
        if let range = rest.firstRange(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if scheme == "http", host.hasSuffix(":80") { host.removeLast(3) }
        if scheme == "https", host.hasSuffix(":443") { host.removeLast(4) }
        var path = String(rest[hostEnd...])
        if path == "/" { path = "" }
        return scheme + "://" + host + path
    }
}
