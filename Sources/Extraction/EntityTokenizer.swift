/// One token of a text as the entity recognisers see it: a word (letters and
/// digits, with inner apostrophes, hyphens and the dots of "U.S."), a
/// possessive "'s", or one punctuation character.
struct EntityToken: Sendable {
    /// Scalar offsets into the text, half-open.
    var start: Int
    var end: Int
    /// The token lower-cased; the key every dictionary uses.
    var lower: String
    /// A word (not punctuation, not a possessive).
    var isWord: Bool
    /// The first letter is upper-case ("Baku", "NATO", "McDonald").
    var isCapitalized: Bool
    /// At least two letters and all of them upper-case ("NATO", "U.S.").
    var isAllCaps: Bool
    /// Contains a digit.
    var hasDigit: Bool
    /// White space precedes the token (false for "-" inside "Tamano-Shata").
    var spaceBefore: Bool
    /// A line break precedes the token: names never run across lines.
    var lineBreakBefore: Bool
    /// The first word of a sentence, where capitals say nothing about names.
    var sentenceInitial: Bool
    /// A possessive "'s" / "’s".
    var isPossessive: Bool
}

/// Splits text into ``EntityToken``s in one pass over its scalars.
enum EntityTokenizer {
    static func tokens(_ text: AnalyzedText) -> [EntityToken] {
        var tokens = tokens(text.scalars)
        var sentence = 0
        let starts = text.sentenceStarts
        var expectInitial = true
        for index in tokens.indices {
            while sentence + 1 < starts.count, starts[sentence + 1] <= tokens[index].start {
                sentence += 1
                expectInitial = true
            }
            if tokens[index].lineBreakBefore { expectInitial = true }
            if tokens[index].isWord, expectInitial {
                tokens[index].sentenceInitial = true
                expectInitial = false
            }
        }
        return tokens
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [EntityToken] {
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(scalars.count / 5)
        let count = scalars.count
        var index = 0
        var space = true
        var lineBreak = true
        while index < count {
            let scalar = scalars[index]
            if scalar.isASCII ? (scalar.value == 32 || (scalar.value >= 9 && scalar.value <= 13)) : scalar.properties.isWhitespace {
                space = true
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" { lineBreak = true }
                index += 1
                continue
            }
            let start = index
            if isWordScalar(scalar) {
                index = wordEnd(scalars, from: index)
                tokens.append(makeWord(scalars, start, index, space: space, lineBreak: lineBreak))
            } else if isApostrophe(scalar), index + 1 < count, scalars[index + 1] == "s" || scalars[index + 1] == "S",
                !tokens.isEmpty, !space, index + 2 >= count || !isWordScalar(scalars[index + 2])
            {
                index += 2
                tokens.append(
                    EntityToken(
                        start: start, end: index, lower: "'s", isWord: false, isCapitalized: false, isAllCaps: false,
                        hasDigit: false, spaceBefore: false, lineBreakBefore: false, sentenceInitial: false,
                        isPossessive: true))
            } else {
                index += 1
                tokens.append(
                    EntityToken(
                        start: start, end: index, lower: String(Character(scalar)), isWord: false, isCapitalized: false,
                        isAllCaps: false, hasDigit: false, spaceBefore: space, lineBreakBefore: lineBreak,
                        sentenceInitial: false, isPossessive: false))
            }
            space = false
            lineBreak = false
        }
        return tokens
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
        }
        if scalar == "\u{AD}" { return true }  // a soft hyphen inside a word ("Vladi­mir")
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    @inline(__always) static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’"
    }

    /// The end of the word that starts at `start`: inner hyphens and apostrophes
    /// join letters ("Tamano-Shata", "O'Brien"), a trailing "'s" is left for the
    /// possessive token, and single letters with dots make one word ("U.S.").
    private static func wordEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let count = scalars.count
        var index = start
        while index < count {
            while index < count, isWordScalar(scalars[index]) { index += 1 }
            guard index + 1 < count, isWordScalar(scalars[index + 1]) else { break }
            let joiner = scalars[index]
            if joiner == "-" || joiner == "‐" || joiner == "&" && index - start <= 2 {
                index += 1
            } else if isApostrophe(joiner) {
                // "'s" at the end of a word is a possessive, not part of the word.
                let afterS = index + 2
                if scalars[index + 1] == "s" || scalars[index + 1] == "S",
                    afterS >= count || !isWordScalar(scalars[afterS])
                {
                    break
                }
                index += 1
            } else if joiner == ".", index - start == 1, scalars[start].properties.isUppercase {
                // "U.S.", "U.K.", "D.C.": single capitals joined by dots, the last dot included.
                var end = index
                while end < count, scalars[end] == "." {
                    end += 1
                    guard end < count, scalars[end].properties.isUppercase,
                        end + 1 == count || !isWordScalar(scalars[end + 1])
                    else { break }
                    end += 1
                }
                return end
            } else {
                break
            }
        }
        return index
    }

    private static func makeWord(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, space: Bool, lineBreak: Bool)
        -> EntityToken
    {
        var letters = 0
        var upper = 0
        var digit = false
        var firstLetterUpper: Bool?
        var ascii = true
        for index in start..<end where !scalars[index].isASCII {
            ascii = false
            break
        }
        let lower: String
        if ascii {
            // Fast path: most news text is ASCII; write the lower-cased bytes straight into the string.
            lower = String(unsafeUninitializedCapacity: end - start) { bytes in
                for index in start..<end {
                    var byte = UInt8(scalars[index].value)
                    if byte >= 65 && byte <= 90 {
                        letters += 1
                        upper += 1
                        if firstLetterUpper == nil { firstLetterUpper = true }
                        byte += 32
                    } else if byte >= 97 && byte <= 122 {
                        letters += 1
                        if firstLetterUpper == nil { firstLetterUpper = false }
                    } else if byte >= 48 && byte <= 57 {
                        digit = true
                    }
                    bytes[index - start] = byte
                }
                return end - start
            }
        } else {
            var view = String.UnicodeScalarView()
            for index in start..<end {
                let scalar = scalars[index]
                view.append(scalar)
                let properties = scalar.properties
                if properties.isUppercase {
                    letters += 1
                    upper += 1
                    if firstLetterUpper == nil { firstLetterUpper = true }
                } else if properties.isLowercase {
                    letters += 1
                    if firstLetterUpper == nil { firstLetterUpper = false }
                } else if scalar.value >= 48 && scalar.value <= 57 {
                    digit = true
                }
            }
            var lowered = String(view).lowercased()
            if lowered.unicodeScalars.contains("\u{AD}") { lowered.unicodeScalars.removeAll { $0 == "\u{AD}" } }
            lower = lowered
        }
        return EntityToken(
            start: start, end: end, lower: lower, isWord: true, isCapitalized: firstLetterUpper == true,
            isAllCaps: letters >= 2 && upper == letters, hasDigit: digit, spaceBefore: space, lineBreakBefore: lineBreak,
            sentenceInitial: false, isPossessive: false)
    }
}
