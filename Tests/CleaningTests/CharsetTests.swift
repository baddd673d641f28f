import Testing

@testable import Cleaning

@Suite("Charset detection")
struct CharsetTests {
    let page = "<html><head><title>Caf\u{E9} news</title></head><body><p>The caf\u{E9} on the corner re-opened \u{201C}today\u{201D}, its owner said.</p></body></html>"

    func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "\u{201C}": return 0x93
            case "\u{201D}": return 0x94
            default: return UInt8(scalar.value)
            }
        }
    }

    @Test("a Windows-1252 page with no charset is read as Windows-1252")
    func windows1252WithoutCharset() {
        let bytes = windows1252(page)
        #expect(CharsetDecoder.detect(bytes) == "windows-1252")
        let document = Cleaner().clean(bytes: bytes, mediaType: "text/html")
        #expect(document.title == "Caf\u{E9} news")
        #expect(document.text.contains("\u{201C}today\u{201D}"))
    }

    @Test("the byte-order mark wins over everything else")
    func byteOrderMark() {
        #expect(CharsetDecoder.detect([0xEF, 0xBB, 0xBF] + Array("<p>x</p>".utf8), declared: "windows-1252") == "utf-8")
        #expect(CharsetDecoder.decode([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00]) == "hi")
    }

    @Test("the record's charset comes before the page's own declaration")
    func declaredCharset() {
        let bytes = Array("<meta charset=\"utf-8\"><p>caf".utf8) + [0xE9]
        #expect(CharsetDecoder.detect(bytes, declared: "ISO-8859-1") == "windows-1252")
        #expect(CharsetDecoder.decode(bytes, declared: "latin1").hasSuffix("caf\u{E9}"))
    }

    @Test("meta charset and http-equiv are honoured; valid UTF-8 is UTF-8")
    func metaCharset() {
        #expect(CharsetDecoder.detect(Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">".utf8)) == "windows-1252")
        #expect(CharsetDecoder.detect(Array("<p>caf\u{E9}</p>".utf8)) == "utf-8")
    }
}
