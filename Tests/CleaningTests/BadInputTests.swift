import GleanerCore
import Testing

@testable import Cleaning

/// Hostile or broken pages: each gives a best-effort result or a clear error, never a crash.
@Suite("Bad input")
struct BadInputTests {
    func clean(_ html: String) -> CleanedDocument { Cleaner().clean(html, mediaType: "text/html") }

    @Test("truncated HTML keeps the text that arrived")
    func truncated() {
        let document = clean("<html><head><title>Cut short</title></head><body><article><p>This page was cut off in the mid")
        #expect(document.title == "Cut short")
        #expect(document.text == "This page was cut off in the mid")
    }

    @Test("binary junk is refused with a message naming the field")
    func binaryJunk() {
        var junk = ""
        for round in 0..<64 { for value in 0..<256 { junk.unicodeScalars.append(Unicode.Scalar(UInt8((value * 7 + round) & 0xFF))) } }
        let record: JSONObject = ["source": "image.png", "raw": .string(junk)]
        #expect {
            try CleanStage().process(record)
        } throws: { error in
            (error as? RecordError).map { "\($0)".contains("field 'raw': looks like binary data") } ?? false
        }
    }

    @Test("tags nested 100,000 deep neither crash nor lose the text")
    func deepNesting() {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div><span>", count: depth) + "deep text"
            + String(repeating: "</span></div>", count: depth) + "</body></html>"
        let document = clean(html)
        #expect(document.text == "deep text")
    }

    @Test("a 50 MB page is cleaned whole")
    func fiftyMegabytes() {
        let paragraph = "<p>" + String(repeating: "The council met again to discuss the harbour bridge, its budget and its future. ", count: 1_000) + "</p>\n"
        let count = 50_000_000 / paragraph.utf8.count + 1
        var html = "<html><head><title>A very long page</title></head><body><article>"
        html.reserveCapacity(count * paragraph.utf8.count + 200)
        for _ in 0..<count { html += paragraph }
        html += "</article></body></html>"
        #expect(html.utf8.count > 50_000_000)
        let document = clean(html)
        #expect(document.title == "A very long page")
        #expect(document.text.utf8.count > 45_000_000)
    }

    @Test("a page with no text gives empty text and no metadata", arguments: [
        "<html><head><script>var tracking = 1;</script></head><body><img src=a.png></body></html>",
        "", "<!-- nothing -->", "<html></html>",
    ])
    func noText(html: String) {
        let document = clean(html)
        #expect(document.text == "")
        #expect(document.title == nil)
        #expect(document.published == nil)
    }

    @Test("raw and text of the wrong type are errors naming the field")
    func wrongTypes() {
        #expect(throws: RecordError.self) { try CleanStage().process(["raw": 42]) }
        #expect(throws: RecordError.self) { try CleanStage().process(["text": ["a"]]) }
    }
}
