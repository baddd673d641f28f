/// Finds currency markers around amounts: symbols ("$", "US$"), prefixes
/// ("EUR", "NIS", "Rs.") and names after the amount ("million dollars",
/// "new Israeli shekels", "cents"), built from ``CurrencyTable``.
struct CurrencyMatcher: Sendable {
    /// A currency marker over tokens `first..<end`.
    struct Marker: Sendable, Equatable {
        var code: String
        var first: Int
        var end: Int
        var multiplier: Double = 1
    }

    static let shared = CurrencyMatcher()
    /// The longest prefix word ("Mex", "Dhs", "EUR").
    static let longestPrefix = CurrencyTable.prefixes.keys.map(\.unicodeScalars.count).max() ?? 3

    private final class Node: @unchecked Sendable {
        var children: [String: Node] = [:]
        var code: String?
        var multiplier = 1.0
    }

    private let names: Node
    private let longestName: Int

    private init() {
        let root = Node()
        var longest = 0
        func insert(_ phrase: String, _ code: String, _ multiplier: Double) {
            let words = Self.phraseTokens(phrase)
            longest = max(longest, words.count)
            var node = root
            for word in words {
                if let child = node.children[word] {
                    node = child
                } else {
                    let child = Node()
                    node.children[word] = child
                    node = child
                }
            }
            node.code = code
            node.multiplier = multiplier
        }
        for (name, code) in CurrencyTable.names { insert(name, code, 1) }
        for (name, minor) in CurrencyTable.minorUnits { insert(name, minor.code, minor.multiplier) }
        names = root
        longestName = longest
    }

    private static func phraseTokens(_ phrase: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in phrase.unicodeScalars {
            if scalar == " " {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else if scalar == "." {
                if !current.isEmpty { result.append(current) }
                result.append(".")
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A currency name after an amount, starting at token `index` ("dollars", "US dollars", "cents").
    func name(_ tokens: Tokens, at index: Int) -> Marker? {
        var node = names
        var best: Marker?
        var position = index
        while position < tokens.count, position - index < longestName + 4 {
            let token = tokens[position]
            let key: String
            switch token.kind {
            case .word: key = tokens.lowercased(position)
            case .symbol where tokens.scalars[token.start] == ".": key = "."
            default: key = ""
            }
            guard !key.isEmpty, let child = node.children[key] else { break }
            node = child
            position += 1
            if let code = node.code { best = Marker(code: code, first: index, end: position, multiplier: node.multiplier) }
        }
        guard var found = best else { return nil }
        // "pounds of cocaine", "won the"/"won by": not money.
        let head = tokens.lowercased(found.end - 1)
        if head == "pounds" || head == "pound", tokens.isWord(found.end, "of") { return nil }
        if head == "won" || head == "rand" || head == "dong" || head == "som" {
            if tokens.isWordToken(found.end), !tokens.has(found.end, .stop) || tokens.isWord(found.end, "the") { return nil }
        }
        if found.end - found.first == 1, tokens[found.first].capitalized, head == "rand" || head == "won" { return nil }
        // A trailing abbreviation dot is the sentence end, keep it out ("U.S." keeps its own dots).
        if tokens.isSymbol(found.end - 1, ".") { found.end -= 1 }
        return found
    }

    /// A currency marker before an amount: symbol or prefix at `index`, including an attached
    /// country prefix ("US$", "HK$"). Returns the marker and the index of the first token after it.
    func prefix(_ tokens: Tokens, at index: Int) -> Marker? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .symbol:
            let symbol = String(tokens.scalars[token.start])
            guard let code = CurrencyTable.symbols[symbol] else { return nil }
            return Marker(code: code, first: index, end: index + 1)
        case .word:
            let text = tokens.text(index)
            // "US$", "HK$", "A$", "Mxn$": letters glued to a symbol; "US $", "c $": one space between.
            if tokens.isSymbol(index + 1, "$") || tokens.isSymbol(index + 1, "¥") {
                if tokens.attached(index + 1) {
                    let symbol = text + String(tokens.scalars[tokens[index + 1].start])
                    if let code = CurrencyTable.symbols[symbol] ?? CurrencyTable.symbols[symbol.uppercased()] {
                        return Marker(code: code, first: index, end: index + 2)
                    }
                } else if let code = Self.spacedSymbol(tokens, at: index) {
                    return Marker(code: code, first: index, end: index + 2)
                }
            }
            // "R10 billion" (rand): only glued to an amount with a scale word, so "R2" stays a name.
            if text == "R", tokens.attached(index + 1), tokens.isNumber(index + 1),
               let number = NumberParser.parse(tokens, at: index + 1, allowSpelled: false), number.scaled
            {
                return Marker(code: "ZAR", first: index, end: index + 1)
            }
            if let code = CurrencyTable.prefixes[text] {
                var end = index + 1
                if tokens.isSymbol(end, "."), tokens.attached(end), text == "Rs" || text == "Rp" || text == "Dh" || text == "Dhs" || text == "Sh" || text == "Tk" {
                    end += 1
                }
                return Marker(code: code, first: index, end: end)
            }
            return nil
        case .number:
            return nil
        }
    }

    /// A country prefix one space before "$" ("US $ 7 billion", "HK $ 480", "c $ 2.8 million"): its code.
    /// The article "a" is never "A $" (Australian): only an upper-case "A" is.
    static func spacedSymbol(_ tokens: Tokens, at index: Int) -> String? {
        guard tokens.isWordToken(index), tokens.isSymbol(index + 1, "$") || tokens.isSymbol(index + 1, "¥"),
              !tokens.attached(index + 1), !tokens[index + 1].newlineBefore, tokens.length(index) <= 3,
              tokens.isNumber(index + 2)
        else { return nil }
        let text = tokens.text(index)
        if text == "a" || text == "an" { return nil }
        if index > 0, tokens.attached(index), tokens[index - 1].kind == .word { return nil }
        let symbol = text.uppercased() + String(tokens.scalars[tokens[index + 1].start])
        return CurrencyTable.symbols[symbol]
    }

    /// A symbol or ISO code written right after an amount ("5€", "200 USD", "90 million NIS").
    func suffix(_ tokens: Tokens, at index: Int) -> Marker? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .symbol {
            let symbol = String(tokens.scalars[token.start])
            guard symbol != "$", let code = CurrencyTable.symbols[symbol] else { return nil }
            return Marker(code: code, first: index, end: index + 1)
        }
        guard token.kind == .word else { return nil }
        let length = token.end - token.start
        guard length <= 3, tokens.scalars[token.start].properties.isUppercase || length <= 2 else { return nil }
        let text = tokens.text(index)
        if text.count == 3, text.uppercased() == text, CurrencyTable.codes[text] != nil {
            return Marker(code: text, first: index, end: index + 1)
        }
        if text == "NIS" { return Marker(code: "ILS", first: index, end: index + 1) }
        if text == "zł" { return Marker(code: "PLN", first: index, end: index + 1) }
        if text == "p", tokens.attached(index) { return Marker(code: "GBP", first: index, end: index + 1, multiplier: 0.01) }
        return nil
    }
}
