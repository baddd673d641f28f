import Testing
@testable import GleanerCore

/// Mention offsets count code points; the fast UTF-8 readers must agree with Swift's own scalar view.
@Suite("Code points")
struct CodePointTests {
    static let texts = [
        "", "a", "plain ASCII text that is longer than one eight-byte word",
        "é", "naïve café in Kraków", "€ 5 — “quoted”", "😀", "a😀b🇺🇦c", "日本語のテキスト",
        String(repeating: "é", count: 17), String(repeating: "x", count: 7) + "€" + String(repeating: "y", count: 9),
        "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "e\u{301}", "\r\n\t",
    ]

    @Test("counts the code points of every text as unicodeScalars does", arguments: texts)
    func counts(_ text: String) {
        #expect(text.codePointCount == text.unicodeScalars.count)
    }

    @Test("decodes the code points of every text as unicodeScalars does", arguments: texts)
    func decodes(_ text: String) {
        #expect(text.codePoints == Array(text.unicodeScalars))
    }

    @Test("a substring's bytes are read from its own start")
    func substring() {
        let text = String("ab€cd😀".dropFirst(2))
        #expect(text.codePointCount == 4)
        #expect(text.codePoints == ["€", "c", "d", "😀"])
    }
}
