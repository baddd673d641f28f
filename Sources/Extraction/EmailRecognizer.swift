public import GleanerCore

/// Finds email addresses ("press@example.org"), and the obfuscated form
/// "name [at] example [dot] org", without trailing punctuation.
///
/// Normalised value: the address in lower case (see ``EmailRecognizer/normalize(_:)``).
public struct EmailRecognizer: Recognizer {
    public init() {}

    public var kinds: Set<MentionKind> { [.email] }

    public func recognize(in text: AnalyzedText) -> [Mention] {
        let scalars = text.scalars
        var mentions: [Mention] = []
        var lastEnd = 0
        var index = 0
        let count = scalars.count
        while index < count {
            if scalars[index] == "@", let (start, end) = Self.address(scalars, at: index), start >= lastEnd {
                mentions.append(text.mention(.email, start, end))
                lastEnd = end
                index = end
                continue
            }
            if scalars[index] == "[" || scalars[index] == "(", let (start, end) = Self.obfuscated(scalars, at: index), start >= lastEnd {
                mentions.append(text.mention(.email, start, end))
                lastEnd = end
                index = end
                continue
            }
            index += 1
        }
        return mentions
    }

    static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 128 else { return false }
        return (value >= 48 && value <= 57) || ((value | 0x20) >= 97 && (value | 0x20) <= 122) || "._%+-'".unicodeScalars.contains(scalar)
    }

    static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 128 else { return scalar.properties.isAlphabetic }
        return (value >= 48 && value <= 57) || ((value | 0x20) >= 97 && (value | 0x20) <= 122) || scalar == "-" || scalar == "."
    }

    /// The address around the `@` at `at`, as a half-open scalar range.
    static func address(_ scalars: [Unicode.Scalar], at: Int) -> (Int, Int)? {
        var start = at
        while start > 0, at - start < 64, isLocal(scalars[start - 1]) { start -= 1 }
        while start < at, "._%+-'".unicodeScalars.contains(scalars[start]) { start += 1 }
        guard start < at else { return nil }
        // An address literal: "admin@[192.168.0.1]", "ops@[IPv6:2001:db8::1]".
        if at + 1 < scalars.count, scalars[at + 1] == "[" {
            var close = at + 2
            while close < scalars.count, close - at < 48, scalars[close] != "]",
                  isDomain(scalars[close]) || scalars[close] == ":" { close += 1 }
            guard close < scalars.count, scalars[close] == "]", close > at + 2 else { return nil }
            let inside = scalars[(at + 2)..<close]
            let dots = inside.filter { $0 == "." }.count
            let ipv4 = dots == 3 && inside.allSatisfy { $0 == "." || ($0.value >= 48 && $0.value <= 57) }
            let ipv6 = inside.starts(with: "IPv6:".unicodeScalars) || inside.starts(with: "ipv6:".unicodeScalars)
            return ipv4 || ipv6 ? (start, close + 1) : nil
        }
        var end = at + 1
        while end < scalars.count, end - at < 255, isDomain(scalars[end]) { end += 1 }
        // Trailing punctuation is the sentence's: "write to a@b.org."
        while end > at + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
        let domain = scalars[(at + 1)..<end]
        guard let lastDot = domain.lastIndex(of: "."), lastDot > at + 1 else { return nil }
        let tld = scalars[(lastDot + 1)..<end]
        guard tld.count >= 2, tld.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        if domain.contains(where: { $0 == "@" }) { return nil }
        return (start, end)
    }

    /// "name [at] example [dot] org", "name (at) example (dot) org".
    static func obfuscated(_ scalars: [Unicode.Scalar], at: Int) -> (Int, Int)? {
        func word(_ position: Int, _ text: String) -> Int? {
            let open = scalars[position]
            let close: Unicode.Scalar = open == "[" ? "]" : ")"
            let letters = Array(text.unicodeScalars)
            guard position + letters.count + 1 < scalars.count else { return nil }
            for (offset, letter) in letters.enumerated() where scalars[position + 1 + offset].properties.lowercaseMapping != String(letter) {
                return nil
            }
            guard scalars[position + 1 + letters.count] == close else { return nil }
            return position + letters.count + 2
        }
        guard let afterAt = word(at, "at") else { return nil }
        var start = at
        while start > 0, scalars[start - 1] == " " { start -= 1 }
        let localEnd = start
        while start > 0, isLocal(scalars[start - 1]) { start -= 1 }
        guard start < localEnd, at - localEnd <= 1 else { return nil }
        var position = afterAt
        if position < scalars.count, scalars[position] == " " { position += 1 }
        var end = position
        var dots = 0
        while end < scalars.count {
            let labelStart = end
            while end < scalars.count, isDomain(scalars[end]), scalars[end] != "." { end += 1 }
            guard end > labelStart else { break }
            var next = end
            if next < scalars.count, scalars[next] == " " { next += 1 }
            if next < scalars.count, scalars[next] == "[" || scalars[next] == "(", let afterDot = word(next, "dot") {
                var label = afterDot
                if label < scalars.count, scalars[label] == " " { label += 1 }
                end = label
                dots += 1
                continue
            }
            if next < scalars.count, scalars[next] == ".", next + 1 < scalars.count, isDomain(scalars[next + 1]) {
                end = next + 1
                dots += 1
                continue
            }
            break
        }
        guard dots > 0, end > position else { return nil }
        return (start, end)
    }

    /// The normalised address: lower case, obfuscation undone.
    public static func normalize(_ text: String) -> String {
        var result = text.lowercased()
        guard result.utf8.contains(UInt8(ascii: "[")) || result.utf8.contains(UInt8(ascii: "(")) else { return result }
        for (pattern, replacement) in [(" [at] ", "@"), ("[at]", "@"), (" (at) ", "@"), ("(at)", "@"), (" [dot] ", "."),
                                       ("[dot]", "."), (" (dot) ", "."), ("(dot)", ".")] {
            result = result.replacingAll(pattern, with: replacement)
        }
        return result.filter { $0 != " " }
    }
}

extension String {
    /// Replaces every occurrence of `pattern` (no Foundation needed).
    func replacingAll(_ pattern: String, with replacement: String) -> String {
        guard !pattern.isEmpty, contains(pattern) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: pattern) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
