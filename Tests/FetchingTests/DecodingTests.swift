import Testing
@testable import Fetching

@Suite("Charset decoding and media types")
struct DecodingTests {
    @Test("valid UTF-8 decodes as utf-8 without a warning")
    func utf8() {
        let decoded = TextDecoding.decode(Array("café – ok".utf8), declared: nil, mediaType: MediaType.plain)
        #expect(decoded == DecodedText(text: "café – ok", charset: "utf-8", warning: nil))
    }

    @Test("invalid UTF-8 in plain text is replaced with U+FFFD and warned about")
    func invalidUTF8() {
        let decoded = TextDecoding.decode([0x61, 0xFF, 0x62], declared: nil, mediaType: MediaType.plain)
        #expect(decoded.text == "a\u{FFFD}b")
        #expect(decoded.charset == "utf-8")
        #expect(decoded.warning?.contains("invalid UTF-8") == true)
    }

    @Test("HTML that declares nothing and is not UTF-8 is read as Windows-1252")
    func htmlFallback() {
        let bytes: [UInt8] = Array("<p>".utf8) + [0x93, 0x68, 0x69, 0x94, 0x20, 0xE9] + Array("</p>".utf8)
        let decoded = TextDecoding.decode(bytes, declared: nil, mediaType: MediaType.html)
        #expect(decoded.text == "<p>\u{201C}hi\u{201D} é</p>")
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.warning == nil)
    }

    @Test("a Content-Type charset wins; Latin-1 labels mean Windows-1252")
    func declaredCharset() {
        let decoded = TextDecoding.decode([0x63, 0x61, 0x66, 0xE9], declared: "ISO-8859-1", mediaType: MediaType.html)
        #expect(decoded.text == "café")
        #expect(decoded.charset == "windows-1252")
    }

    @Test("meta charset and XML declarations are honoured")
    func inDocumentDeclarations() {
        let html: [UInt8] = Array("<html><head><meta charset=\"windows-1252\"></head><p>".utf8) + [0xE9]
        #expect(TextDecoding.decode(html, declared: nil, mediaType: MediaType.html).text.hasSuffix("<p>é"))
        let equiv: [UInt8] = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">".utf8) + [0xFC]
        #expect(TextDecoding.decode(equiv, declared: nil, mediaType: MediaType.html).text.hasSuffix("ü"))
        let xml: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".utf8) + [0xE9]
        #expect(TextDecoding.decode(xml, declared: nil, mediaType: MediaType.xml).text.hasSuffix("<a>é"))
    }

    @Test("byte-order marks pick UTF-8 or UTF-16")
    func byteOrderMarks() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x68, 0x69], declared: nil, mediaType: MediaType.plain).text == "hi")
        let utf16 = TextDecoding.decode([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00], declared: nil, mediaType: MediaType.plain)
        #expect(utf16.text == "hi")
        #expect(utf16.charset == "utf-16le")
    }

    @Test("an unknown charset is decoded as UTF-8 with a warning naming it")
    func unknownCharset() {
        let decoded = TextDecoding.decode(Array("hi".utf8), declared: "x-klingon", mediaType: MediaType.plain)
        #expect(decoded.text == "hi")
        #expect(decoded.warning?.contains("'x-klingon'") == true)
    }

    @Test(
        "media types come from Content-Type, then extension, then sniffing",
        arguments: [
            ("text/html; charset=utf-8", "/a", "plain words", MediaType.html),
            ("text/plain", "/a", "just text", MediaType.plain),
            ("application/octet-stream", "/a.html", "x", MediaType.html),
            ("application/xml", "/feed", "<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", MediaType.rss),
            ("text/xml", "/feed", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", MediaType.atom),
            ("application/pdf", "/a.pdf", "%PDF", "application/pdf"),
        ])
    func detectsFromHeader(contentType: String, path: String, body: String, expected: String) {
        #expect(MediaType.detect(contentType: contentType, path: path, bytes: Array(body.utf8)) == expected)
    }

    @Test(
        "local files: extension, else content",
        arguments: [
            ("a.txt", "Hello", MediaType.plain),
            ("a.htm", "Hello", MediaType.html),
            ("a", "  <!DOCTYPE html><html></html>", MediaType.html),
            ("a", "<?xml version=\"1.0\"?><urlset/>", MediaType.xml),
            ("a.txt", "<html><body>really html</body></html>", MediaType.html),
            ("notes", "December 7, 2023\n\nText", MediaType.plain),
        ])
    func detectsLocal(path: String, body: String, expected: String) {
        #expect(MediaType.detect(contentType: nil, path: path, bytes: Array(body.utf8)) == expected)
    }
}
