import Testing

@testable import Cleaning

/// The byte-level fast paths of the plain-text scorer give what their character-level
/// definitions give, so speed never changes what clean writes.
@Suite("fast paths agree with their definitions")
struct FastPathTests {
    /// Texts that trip character-level rules: combining marks, CR LF, canonical singletons,
    /// emoji sequences, Hangul jamo, Indic scripts, full-width and ideographic punctuation.
    static let tricky = [
        "", " ", "Plain prose. With two sentences!", "Azerbaijan’s ministry (the MFA) said “yes.” Then: no?",
        "http://example.com and www.example.org but not xhttp or www", "http www. https:x", " http",
        "Caf\u{65}\u{301}. Cafe\u{301}) done.", "a\u{301}.", "\u{301}.", "x |\u{301} y", "| » › · • / >",
        "Greek ano teleia \u{387} counts as a middle dot.", "line\r\nbreak. next\rcr.\n", "\r\n.",
        "Numbers: ½ ² ³ ٣ ४ 12, 3.5", "日本語の文。もう一つ。", "Ｆｕｌｌ！ｗｉｄｔｈ？", "한국어 문장입니다.",
        "\u{1100}\u{1161}\u{11A8}.", "हिन्दी वाक्य। और.", "👍🏽. 👨‍👩‍👧.", "🇩🇪. 🇫🇷🇮🇹.", "\u{600}1. x",
        "ไทย. ภาษา.", "Ωmega Ω. Kelvin K.", "\u{200D}. \u{FE0F}x.", "tab\there. nbsp\u{A0}there.",
        "Русский текст. Ещё!", "العربية. نص؟", "a\u{488}.", "— “Quoted.” ‘single.’", "x\u{2028}y.",
    ]

    @Test("prose marks from bytes equal the marks from characters", arguments: tricky)
    func proseMarks(_ text: String) {
        #expect(ProseMarks(text) == ProseMarks(characters: text))
    }

    /// Every scalar the byte pass vouches for, beside letters, punctuation and itself.
    @Test("every scalar the byte pass reads alone is a character alone and counts as its character")
    func everySafeScalar() {
        var mismatches: [String] = []
        for value in UInt32(0)...0xFFFF where GraphemeSafety.standsAlone(value) {
            guard let scalar = Unicode.Scalar(value), value != 0x0D, value != 0x0A else { continue }
            let s = String(scalar)
            for probe in ["a" + s, s + "a", s + s, s + "\u{AC00}", "\u{AC00}" + s] where probe.count != 2 {
                mismatches.append("U+\(String(value, radix: 16)) in \(probe.unicodeScalars.map(\.value))")
            }
            let text = "a" + s + ". " + s + "." + s + "|http" + s
            if ProseMarks(text) != ProseMarks(characters: text) { mismatches.append("marks of U+\(String(value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("words from bytes equal the lower-cased runs of alphabetic scalars", arguments: tricky + [
        "İstanbul ISTANBUL ß STRASSE Ǆemal", "don't 'quoted' dogs' o'clock '", "ÀÉÎ õü ŒUVRE", "abc123def",
    ])
    func words(_ text: String) {
        var expected: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar == "'" && !current.isEmpty) {
                current.append(scalar)
            } else if !current.isEmpty {
                expected.append(String(current).lowercased())
                current.removeAll()
            }
        }
        if !current.isEmpty { expected.append(String(current).lowercased()) }
        #expect(ArticleRun.words(text) == expected)
    }

    @Test("capitalised and all-capital words are counted over any script", arguments: [
        ("The NATO summit in Ōsaka, ÉTÉ and Über-cool o'Neil", 5, 2), ("ΑΘΗΝΑ Αθήνα athens", 2, 1), ("", 0, 0),
    ])
    func capitalised(_ text: String, capitalised: Int, shouting: Int) {
        let counts = ArticleRun.capitalisedWords(text)
        #expect(counts.capitalised == capitalised)
        #expect(counts.shouting == shouting)
    }

    @Test("the stop-word table holds exactly the lists' words, each with its languages")
    func stopWords() {
        let table = StopWords.shared
        var expected: [String: UInt32] = [:]
        for (bit, list) in StopWordLists.lists.prefix(32).enumerated() {
            for word in list.words.split(separator: " ") { expected[String(word), default: 0] |= 1 << UInt32(bit) }
        }
        let wrong = expected.filter { table.languages(of: $0.key) != $0.value }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        for absent in ["", "qzx", "thex", "th", "der und", "The"] where expected[absent] == nil {
            #expect(table.languages(of: absent) == 0, "\(absent)")
        }
        #expect(table.languages == StopWordLists.lists.prefix(32).map(\.language))
    }

    @Test("the phrase matcher finds exactly the patterns the lower-cased text contains")
    func patternMatcher() {
        let patterns = ["cookie", "we use", "share", "hare", "e", "ünd", "Upper", "use of cookies", "s"]
        let matcher = PatternMatcher(patterns)
        let texts = [
            "", "We USE Cookies", "SHARE this", "no match here?", "Ünd ünd", "upper Upper", "use of cookies",
            "cookiecookie sharehare", "ÅB", "eee",
        ]
        for text in texts {
            let lowered = String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
            let expected = matcher.set(patterns.indices.filter { lowered.utf8.contains(patterns[$0].utf8) })
            #expect(matcher.matches(in: text) == expected, "\(text)")
        }
    }
}

extension Sequence where Element: Equatable {
    /// Whether `other` occurs as a contiguous run in the sequence.
    fileprivate func contains<Other: Collection>(_ other: Other) -> Bool where Other.Element == Element {
        let items = Array(self), needle = Array(other)
        guard !needle.isEmpty else { return true }
        guard items.count >= needle.count else { return false }
        return (0...(items.count - needle.count)).contains { Array(items[$0..<$0 + needle.count]) == needle }
    }
}
