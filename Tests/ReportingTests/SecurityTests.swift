import GleanerCore
import Reporting
import Testing

@Suite("Untrusted article text cannot escape into the report")
struct SecurityTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "[click me](javascript:alert(3))",
        "<a href=\"javascript:alert(4)\">link</a>",
    ]

    static var records: [JSONObject] {
        hostile.enumerated().map { index, payload in
            Fixtures.record(
                id: "evil-\(index)", source: index == 2 ? "javascript:alert(5)" : "http://example.org/\(payload)", title: payload,
                published: payload,
                text: "Officials of \(payload) paid 3 million dollars to \(payload) in 2020.",
                mentions: [
                    (.organization, payload, ["name": .string(payload), "aliases": [.string(payload + "x")]]),
                    (.money, "3 million dollars", ["amount": 3_000_000, "currency": .string(payload)]),
                    (.date, "2020", ["date": "2020", "grain": "year"]),
                ])
        }
    }

    @Test("html escapes every field and stays inert")
    func htmlIsInert() {
        let html = HTMLWriter(title: Self.hostile[0]).render(Fixtures.report(Self.records))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.contains("<a href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The only scripts are the report's own, at the end, allowed by hash.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("script-src 'sha256-"))
        // No event-handler attribute made it into a tag: the hostile text is only ever element text.
        // (Attribute values are quoted and escaped, so they are dropped before looking at attribute names.)
        let tags = html.split(separator: "<").map { String($0.prefix { $0 != ">" }) }
        let attributeNames = tags.map { tag in tag.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined() }
        #expect(!attributeNames.contains { $0.contains("onerror") })
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test("html links only http and https sources")
    func htmlLinks() {
        let html = HTMLWriter().render(Fixtures.report(Self.records))
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        for href in hrefs { #expect(href.hasPrefix("#") || href.hasPrefix("http://") || href.hasPrefix("https://"), "\(href)") }
    }

    @Test("markdown renders hostile text as text")
    func markdownIsText() {
        let markdown = MarkdownWriter(title: Self.hostile[0]).render(Fixtures.report(Self.records))
        #expect(!markdown.contains("<"))
        #expect(!markdown.contains("](javascript"))
        #expect(markdown.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"))
        #expect(markdown.contains("\\[click me\\]\\(javascript:alert\\(3\\)\\)"))
        // Table rows keep their column count: pipes in text are escaped.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| evil") { #expect(!line.contains(" | |")) }
    }

    @Test("escaping keeps ordinary text readable", arguments: [
        ("Ministry of Diaspora Affairs", "Ministry of Diaspora Affairs"),
        ("AT&T <b>", "AT&amp;T &lt;b&gt;"),
        ("a | b", "a \\| b"),
        ("$1.6 billion", "\\$1.6 billion"),
    ])
    func markdownEscaping(input: String, expected: String) {
        #expect(Escape.markdown(input) == expected)
    }

    @Test("csv quotes fields and defuses spreadsheet formulas", arguments: [
        ("plain", "plain"),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("@SUM(A1)", "'@SUM(A1)"),
    ])
    func csvEscaping(input: String, expected: String) {
        #expect(Escape.csv(input) == expected)
    }
}
