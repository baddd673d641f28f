import Testing
@testable import GleanerCore

@Suite("Charsets")
struct CharsetTests {
    @Test("labels map to WHATWG names", arguments: [
        ("UTF8", "utf-8"), (" 'latin1' ", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("utf-16", "utf-16le"),
        ("koi8-r", "koi8-r"),
    ])
    func labels(_ raw: String, _ expected: String) {
        #expect(Charset.label(raw) == expected)
    }

    @Test("an empty label is no label")
    func emptyLabel() {
        #expect(Charset.label(" \"\" ") == nil)
    }

    @Test("Windows-1252 decodes typographic punctuation and Latin-1")
    func windows1252() {
        #expect(Charset.decodeWindows1252([0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x80]) == "“Café”€")
    }

    @Test("UTF-16 in both byte orders; an odd trailing byte is reported")
    func utf16() {
        #expect(Charset.decodeUTF16([0x41, 0x00, 0xE9, 0x00], bigEndian: false) == ("Aé", true))
        #expect(Charset.decodeUTF16([0x00, 0x41], bigEndian: true).text == "A")
        #expect(Charset.decodeUTF16([0x00, 0x41, 0x00], bigEndian: true).clean == false)
    }
}
