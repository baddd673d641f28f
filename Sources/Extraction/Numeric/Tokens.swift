/// What a token is made of.
enum TokenKind: UInt8, Sendable {
    /// A run of letters (and combining marks).
    case word
    /// A run of ASCII digits, possibly with inner `,` or `.` followed by a digit ("40,000", "2.5", "07.12.2023").
    case number
    /// Any other single scalar that is not white space.
    case symbol
}

/// One token: a half-open range of scalar offsets and what the lexicon knows about it.
struct Token: Sendable {
    var start: Int
    var end: Int
    var kind: TokenKind
    /// True when white space containing a line break precedes the token.
    var newlineBefore: Bool
    /// True when the token's first scalar is an upper-case letter.
    var capitalized: Bool
    /// Index into ``Lexicon/entries`` for known words, -1 otherwise.
    var lexeme: Int32
    /// The lexical classes of a known word (empty otherwise), copied here so checks need no lookup.
    var classes: WordClass = []
}

/// A text split into tokens once and shared by the numeric recognisers.
///
/// Tokenising is linear in the text; a digit run longer than
/// ``Tokens/maximumNumberLength`` becomes a symbol so no recogniser parses it.
struct Tokens: Sendable {
    static let maximumNumberLength = 40

    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        tokenize()
    }

    var count: Int { tokens.count }

    subscript(index: Int) -> Token { tokens[index] }

    private mutating func tokenize() {
        let scalars = self.scalars
        let count = scalars.count
        tokens.reserveCapacity(count / 4)
        var index = 0
        var newline = false
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        let lexicon = Lexicon.shared
        while index < count {
            let scalar = scalars[index]
            let value = scalar.value
            if value == 32 || value == 9 || value == 13 || value == 0xA0 {
                index += 1
                continue
            }
            if value == 10 {
                newline = true
                index += 1
                continue
            }
            let start = index
            if value >= 48 && value <= 57 {
                index += 1
                while index < count {
                    let next = scalars[index].value
                    if next >= 48 && next <= 57 {
                        index += 1
                    } else if (next == 44 || next == 46), index + 1 < count, Self.isDigit(scalars[index + 1]) {
                        index += 2
                    } else {
                        break
                    }
                }
                let kind: TokenKind = index - start > Self.maximumNumberLength ? .symbol : .number
                tokens.append(Token(start: start, end: index, kind: kind, newlineBefore: newline, capitalized: false, lexeme: -1))
            } else if Self.isLetter(scalar) {
                buffer.removeAll(keepingCapacity: true)
                var ascii = true
                while index < count, Self.isLetter(scalars[index]) {
                    let letter = scalars[index].value
                    if letter < 128 {
                        buffer.append(UInt8(letter | 0x20))
                    } else {
                        ascii = false
                    }
                    index += 1
                }
                var lexeme: Int32 = -1
                var classes: WordClass = []
                if ascii, buffer.count <= Lexicon.longestWord {
                    lexeme = lexicon.lookup(buffer)
                    if lexeme >= 0 { classes = lexicon.entries[Int(lexeme)].classes }
                }
                let capitalized = value < 128 ? (value >= 65 && value <= 90) : scalar.properties.isUppercase
                tokens.append(Token(
                    start: start, end: index, kind: .word, newlineBefore: newline, capitalized: capitalized, lexeme: lexeme,
                    classes: classes))
            } else {
                index += 1
                tokens.append(Token(start: start, end: index, kind: .symbol, newlineBefore: newline, capitalized: false, lexeme: -1))
            }
            newline = false
        }
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        if value == 0x2019 || value == 0xA0 { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark
    }

    // MARK: - Queries recognisers use

    /// The lexicon entry of token `index`, when it is a known word.
    @inline(__always)
    func entry(_ index: Int) -> Lexicon.Entry? {
        guard index >= 0, index < tokens.count else { return nil }
        let lexeme = tokens[index].lexeme
        return lexeme >= 0 ? Lexicon.shared.entries[Int(lexeme)] : nil
    }

    /// True when token `index` is the word `word` (lower case, case-insensitive match).
    @inline(__always)
    func isWord(_ index: Int, _ word: String) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].lexeme >= 0,
              tokens[index].end - tokens[index].start == word.utf8.count
        else { return false }
        return entry(index)?.word == word
    }

    /// True when token `index` is the word `word` in one of `words`.
    func isWord(_ index: Int, in words: Set<String>) -> Bool {
        guard let entry = entry(index) else { return false }
        return words.contains(entry.word)
    }

    /// True when token `index` has any of the lexical classes in `classes`.
    @inline(__always)
    func has(_ index: Int, _ classes: WordClass) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        return !tokens[index].classes.isDisjoint(with: classes)
    }

    /// True when token `index` is the single scalar `symbol`.
    @inline(__always)
    func isSymbol(_ index: Int, _ symbol: Unicode.Scalar) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let token = tokens[index]
        return token.kind == .symbol && scalars[token.start] == symbol
    }

    /// True when token `index` is one of the dash-like scalars (hyphen, en dash, em dash, minus).
    func isDash(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .symbol else { return false }
        let value = scalars[tokens[index].start].value
        return value == 45 || value == 0x2013 || value == 0x2014 || value == 0x2212 || value == 0x2010 || value == 0x2011
    }

    /// True when token `index` starts exactly where token `index - 1` ends (no white space between).
    @inline(__always)
    func attached(_ index: Int) -> Bool {
        guard index > 0, index < tokens.count else { return false }
        return tokens[index].start == tokens[index - 1].end
    }

    /// True when token `index` exists and is a word.
    func isWordToken(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .word }

    /// True when token `index` exists and is a number.
    func isNumber(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .number }

    /// The scalar length of token `index`.
    func length(_ index: Int) -> Int { tokens[index].end - tokens[index].start }

    /// The token's text.
    func text(_ index: Int) -> String {
        ScalarString.make(scalars, tokens[index].start, tokens[index].end)
    }

    /// The day offset a relative modifier names: last/past/previous -1, this/current 0, next/coming 1.
    func relativeOffset(_ index: Int) -> Int? {
        switch entry(index)?.word {
        case "last", "past", "previous": return -1
        case "this", "current": return 0
        case "next", "coming": return 1
        default: return nil
        }
    }

    /// The lower-cased ASCII letters of a word token (empty for others).
    func lowercased(_ index: Int) -> String {
        if let entry = entry(index) { return entry.word }
        return text(index).lowercased()
    }

    /// The integer value of a plain digit token (no separators), or nil.
    func integer(_ index: Int) -> Int? {
        guard isNumber(index) else { return nil }
        let token = tokens[index]
        guard token.end - token.start <= 18 else { return nil }
        var value = 0
        for offset in token.start..<token.end {
            let digit = scalars[offset].value
            guard digit >= 48 && digit <= 57 else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return value
    }

    /// True when token `index` is a number of plain digits (no separators) of exactly `digits` length.
    func isPlainDigits(_ index: Int, count digits: Int) -> Bool {
        guard isNumber(index), length(index) == digits else { return false }
        let token = tokens[index]
        for offset in token.start..<token.end where !Self.isDigit(scalars[offset]) { return false }
        return true
    }

    /// The index of the first token whose start is at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
