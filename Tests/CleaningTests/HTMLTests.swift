import Foundation
import GleanerCore
import Testing

@testable import Cleaning

@Suite("HTML news pages")
struct HTMLTests {
    func clean(_ html: String, options: CleanOptions = CleanOptions(), source: String? = nil) -> CleanedDocument {
        Cleaner(options: options).clean(html, mediaType: "text/html", source: source)
    }

    @Test("metadata comes from JSON-LD, Open Graph, article:* and the canonical link")
    func metadata() {
        let document = clean(HTMLFixtures.newsArticle)
        #expect(document.title == "Harbour bridge reopens after two years of repairs")
        #expect(document.published == "2024-03-05T08:30:00+00:00")
        #expect(document.byline == "Jane Doe")
        #expect(document.section == "Local")
        #expect(document.tags == ["Transport", "Infrastructure"])
        #expect(document.lang == "en-GB")
        #expect(document.siteName == "The Daily Example")
        #expect(document.url == "https://example.com/2024/03/05/harbour-bridge-reopens")
    }

    @Test("the body keeps paragraphs, headings, lists and quotes, and nothing else")
    func body() {
        let text = clean(HTMLFixtures.newsArticle).text
        let paragraphs = text.components(separatedBy: "\n\n")
        #expect(paragraphs.first?.hasPrefix("The harbour bridge reopened") == true)
        #expect(paragraphs.contains("What changed"))
        #expect(paragraphs.contains("A protected cycle lane"))
        #expect(text.contains("We are proud to give the city its bridge back"))
        #expect(paragraphs.last?.hasPrefix("Residents who live near the bridge") == true)
        for furniture in ["Sport", "Ring road traffic doubles", "Leave a Reply", "Finally!", "uses cookies", "All rights reserved",
            "Tweet", "By Jane Doe"]
        {
            #expect(!text.contains(furniture), "\(furniture)")
        }
    }

    @Test("removed blocks are kept in boilerplate with their kind")
    func boilerplateKinds() {
        let document = clean(HTMLFixtures.newsArticle)
        func kind(of phrase: String) -> String? { document.boilerplate.first { $0.text.contains(phrase) }?.kind }
        #expect(kind(of: "uses cookies") == "cookie")
        #expect(kind(of: "Weather") == "navigation")
        #expect(kind(of: "Council approves bridge repair budget") == "related")
        #expect(kind(of: "Leave a Reply") == "comments")
        #expect(kind(of: "It took them long enough") == "comments")
        #expect(kind(of: "All rights reserved") == "footer")
        #expect(kind(of: "Share on Facebook") == "share")
    }

    @Test("include-comments keeps reader comments in the text")
    func includeComments() {
        let document = clean(HTMLFixtures.newsArticle, options: CleanOptions(includeComments: true))
        #expect(document.text.contains("It took them long enough"))
        #expect(!document.boilerplate.contains { $0.kind == "comments" })
    }

    @Test("without metadata: <title> minus the site name, a printed date, no reading time as byline")
    func fallbacks() {
        let document = clean(HTMLFixtures.titleOnly)
        #expect(document.title == "Storm leaves thousands without power along the coast")
        #expect(document.published == "2024-03-03")
        #expect(document.byline == nil)
        #expect(document.text.hasPrefix("Published March 3, 2024") || document.text.hasPrefix("A storm swept"))
    }

    @Test("a date in the URL is the published date when the page declares none")
    func dateInURL() {
        let document = clean(HTMLFixtures.markdownPage, source: "https://example.com/news/2023/12/07/bridge-guide")
        #expect(document.published == "2023-12-07")
    }

    @Test("markdown keeps headings, numbered lists and links")
    func markdown() {
        let document = clean(HTMLFixtures.markdownPage, options: CleanOptions(format: .markdown), source: "https://example.com/guide")
        let paragraphs = document.text.components(separatedBy: "\n\n")
        #expect(paragraphs.contains("## Getting there"))
        #expect(paragraphs.contains("1. Take the ring road"))
        #expect(paragraphs.contains("2. Follow the signs to the harbour"))
        #expect(document.text.contains("the [route map](https://example.com/map) shows"))
    }

    @Test("metadata fields a page does not state are left out of the record")
    func omittedFields() throws {
        let record: JSONObject = ["source": "page.html", "media_type": "text/html", "raw": .string(HTMLFixtures.markdownPage)]
        let output = try CleanStage().process(record)
        #expect(output["byline"] == nil)
        #expect(output["tags"] == nil)
        #expect(output["published"] == nil)
        #expect(output["title"]?.stringValue == "A guide to the new bridge")
        #expect(output["raw"] == nil)
    }

    @Test("HTML without a media type is recognised by its markup")
    func sniffing() throws {
        let record: JSONObject = ["source": "page", "raw": .string(HTMLFixtures.markdownPage)]
        let output = try CleanStage().process(record)
        #expect(output["text"]?.stringValue?.hasPrefix("Getting there") == true)
    }

    @Test("template placeholders such as \"null\" are not metadata")
    func placeholders() {
        let html = """
            <html><head><meta name="author" content="null"><meta name="keywords" content="Bridges, null, Harbour">
            <title>Harbour bridge reopens after two years of repairs</title></head>
            <body><article><p>The harbour bridge reopened to traffic on Tuesday morning, two years after engineers closed it.</p></article></body></html>
            """
        let document = clean(html)
        #expect(document.byline == nil)
        #expect(document.tags == ["Bridges", "Harbour"])
    }

    @Test("a page wrapped in one <form>, as ASP.NET sites do, still has a body")
    func pageInsideForm() {
        let paragraphs = (1...6).map { "<p>Paragraph \($0) of the story, long enough to count as prose, with commas, clauses and a full stop at the end.</p>" }
        let html = "<html><body><form id=\"aspnetForm\"><div class=\"story\">" + paragraphs.joined() + "</div></form></body></html>"
        let document = clean(html)
        #expect(document.text.hasPrefix("Paragraph 1 of the story"))
        #expect(document.text.hasSuffix("Paragraph 6 of the story, long enough to count as prose, with commas, clauses and a full stop at the end."))
    }
}
