import Reporting
import Testing

@Suite("The sentence around a mention")
struct SentenceLocatorTests {
    @Test("finds the sentence between terminators", arguments: [
        ("First one. The value is 2.5 million dollars. Last.", "2.5 million", "The value is 2.5 million dollars."),
        ("Intro!\nDr. Smith paid $5 today? Yes.", "$5", "Dr. Smith paid $5 today?"),
        ("He met J. Smith in 2009. Then left.", "2009", "He met J. Smith in 2009."),
        ("Paragraph one\n\nParagraph 2 has 40 people", "40 people", "Paragraph 2 has 40 people"),
        ("He said \"we paid 3 euros.\" Then left.", "3 euros", "He said \"we paid 3 euros.\""),
    ])
    func sentence(text: String, mention: String, expected: String) {
        let scalars = Array(text.unicodeScalars), target = Array(mention.unicodeScalars)
        let start = (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }!
        #expect(SentenceLocator(text: text).sentence(start: start, end: start + target.count) == expected)
    }

    @Test("offsets are code points, so text before an emoji does not shift the sentence")
    func codePoints() {
        let text = "Fans 🎉 cheered. Then 500 people left."
        let start = Array(text.unicodeScalars).firstIndex(of: "5")!
        #expect(SentenceLocator(text: text).sentence(start: start, end: start + 3) == "Then 500 people left.")
    }

    @Test("offsets outside the text give nothing")
    func outside() {
        #expect(SentenceLocator(text: "short").sentence(start: 3, end: 40) == nil)
    }
}
