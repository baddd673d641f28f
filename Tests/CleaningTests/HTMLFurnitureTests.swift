import Foundation
import GleanerCore
import Testing

@testable import Cleaning

/// The page kinds and furniture that issue 11 found losing snippet F1 on web pages.
@Suite("HTML furniture and broken pages")
struct HTMLFurnitureTests {
    func clean(_ html: String) -> CleanedDocument {
        Cleaner().clean(html, mediaType: "text/html", source: "https://example.com/news/story.html")
    }

    func kind(of phrase: String, in document: CleanedDocument) -> String? {
        document.boilerplate.first { $0.text.contains(phrase) }?.kind
    }

    static let prose = [
        "The council voted on Tuesday to close the old harbour road for two years while engineers rebuild the sea wall.",
        "Residents who use the road every day said the detour would add twenty minutes to their trips into town.",
        "The mayor said the work could not wait, because the last storm had already washed away part of the wall.",
        "Engineers expect the new wall to last for a century, and the road will reopen with a wider footpath.",
    ]

    static func page(before: String = "", inside: String = "", after: String = "") -> String {
        let paragraphs = prose.map { "<p>\($0)</p>" }
        return """
            <html><head><title>Harbour road to close for two years</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>\(before)
            <article><h1>Harbour road to close for two years</h1>\(paragraphs[0])\(paragraphs[1])\(inside)\(paragraphs[2])\(paragraphs[3])</article>
            \(after)<footer>© 2024 Example News</footer></body></html>
            """
    }

    @Test("a NUL byte in the page does not end it")
    func nulByte() {
        let html = Self.page(before: "<div class=\"banner\"><img src=\"a.gif\" alt=\"\">\u{0}\u{0}</div>")
        let document = clean(html)
        #expect(document.text.contains("Engineers expect the new wall to last for a century"))
    }

    @Test("an unclosed tag inside noscript does not swallow the page")
    func unclosedNoscript() {
        let html = Self.page(before: "<noscript><div id=\"no-js\"></noscript>")
        #expect(clean(html).text.contains("The mayor said the work could not wait"))
    }

    @Test("an article printed only in noscript is read; a short noscript notice is hidden boilerplate")
    func noscriptArticle() {
        let paragraphs = Self.prose.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><body><h2>Blog</h2><div class="post"><script type="text/template">\(paragraphs)</script>
            <noscript>\(paragraphs)</noscript></div><noscript>Please enable JavaScript to view this site.</noscript></body></html>
            """
        let document = clean(html)
        #expect(document.text.contains("Residents who use the road every day"))
        #expect(!document.text.contains("enable JavaScript"))
        #expect(kind(of: "enable JavaScript", in: document) == "hidden")
    }

    @Test("ruby readings (furigana) are not part of the text")
    func ruby() {
        let html = Self.page(inside: "<p><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができました。</p>")
        let text = clean(html).text
        #expect(text.contains("子どもの法律ができました。"))
        #expect(!text.contains("ほうりつ"))
    }

    @Test("photo credits and captions that carry them go to boilerplate as captions", arguments: [
        "Striking members of the union at the college last year. Photograph: Guy Smallman/Getty Images",
        "Foto: Sascha Klahn",
        "The minister at the summit on Friday (REUTERS/Denis Balibouse)",
        "Marco Odermatt, ski star from Switzerland. © AFP / MARCO BERTORELLO",
        "Judy Eddy/WENN.com",
        "Photo",
    ])
    func photoCredit(caption: String) {
        let document = clean(Self.page(inside: "<p>\(caption)</p>"))
        #expect(!document.text.contains(caption))
        #expect(kind(of: caption, in: document) == "caption")
    }

    @Test("a sentence that names a picture agency is not a credit")
    func agencyInProse() {
        let sentence = "Getty Images said on Monday that it would cut 300 jobs (about a tenth of its staff) this year."
        #expect(!BoilerplateRules.isPhotoCredit(sentence))
        #expect(!BoilerplateRules.isPhotoCredit("The figures for the season (2019/2020)"))
        #expect(clean(Self.page(inside: "<p>\(sentence)</p>")).text.contains(sentence))
    }

    @Test("a credit element inside a figure is dropped; the caption's description stays")
    func creditElement() {
        let figure = "<figure><img src=\"wall.jpg\"><figcaption>Workers on the sea wall in March. <span class=\"credit\">Jane Roe for Example News</span></figcaption></figure>"
        let document = clean(Self.page(inside: figure))
        #expect(document.text.contains("Workers on the sea wall in March."))
        #expect(!document.text.contains("Jane Roe for Example News"))
        #expect(kind(of: "Jane Roe", in: document) == "caption")
    }

    @Test("a date printed again in the body is metadata, and still the published date")
    func dateLine() {
        let document = clean(Self.page(inside: "<p>Stand: 05. Februar 2020</p>"))
        #expect(!document.text.contains("Februar"))
        #expect(kind(of: "Stand: 05. Februar 2020", in: document) == "metadata")
        #expect(document.published == "2020-02-05")
    }

    @Test("furniture wording: read-more lines in other languages, post filing lines, login prompts, main-story links", arguments: [
        ("Lea más: El Gobierno aprueba el nuevo presupuesto", "related"),
        ("MIRA: Madre se acerca a conocer los motivos de la captura", "related"),
        ("This entry was posted in News. Bookmark the permalink.", "metadata"),
        ("Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.", "comments"),
        ("Continue reading the main story", "advertisement"),
        ("For the latest stories and breaking news updates download the Example apps for iOS and Android.", "newsletter"),
    ])
    func furnitureWording(line: String, expected: String) {
        let document = clean(Self.page(inside: "<p>\(line)</p>"))
        #expect(!document.text.contains(line))
        #expect(kind(of: line, in: document) == expected)
    }

    @Test("a lede between the headline and the body, in a header block of its own, joins the body")
    func ledeBeforeBody() {
        let html = """
            <html><body><div class="top"><h1>Harbour road to close for two years</h1><span>Local news</span></div>
            <div class="standfirst"><p>The harbour road will close in May, the council decided after a long debate on Tuesday night.</p></div>
            <div class="article-body">\(Self.prose.map { "<p>\($0)</p>" }.joined())</div>
            <div class="teasers"><a href="/a">Other story</a></div></body></html>
            """
        let text = clean(html).text
        #expect(text.hasPrefix("The harbour road will close in May"))
        #expect(text.contains("Engineers expect the new wall"))
    }

    @Test("dates in other European languages", arguments: [
        ("7. Dezember 2023", "2023-12-07"), ("7 de diciembre de 2023", "2023-12-07"), ("07.12.2023", "2023-12-07"),
        ("Aktualisiert: 11.04.2020, 10:27", "2020-04-11T10:27:00"), ("le 7 décembre 2023", "2023-12-07"),
        ("7 maggio 2023", "2023-05-07"),
    ])
    func europeanDates(text: String, iso: String) {
        #expect(DateParser.parse(text)?.iso == iso)
    }

    @Test("a version number or a score is not a date", arguments: ["version 2.5.1", "31.02.2020", "12.13.2020"])
    func notDates(text: String) {
        #expect(DateParser.parse(text) == nil)
    }
}

/// Metadata a scraped plain-text dump states in its own lines.
@Suite("Plain-text metadata lines")
struct PlainTextMetadataTests {
    static let body = [
        "The council voted on Tuesday to close the old harbour road for two years while engineers rebuild the sea wall.",
        "Residents who use the road every day said the detour would add twenty minutes to their trips into town.",
        "The mayor said the work could not wait, because the last storm had already washed away part of the wall.",
    ].map { $0 + " " + $0 }.joined(separator: "\n\n")

    @Test("a trailing Tags: or Filed under: line becomes tags and metadata boilerplate", arguments: [
        "Tags: Harbour, Council, Roads", "Filed under: Harbour | Council | Roads",
    ])
    func tagLine(line: String) {
        let document = PlainTextCleaner().clean("Harbour Road To Close For Two Years\n\n\(Self.body)\n\n\(line)")
        #expect(document.tags == ["Harbour", "Council", "Roads"])
        #expect(!document.text.contains(line))
        #expect(document.boilerplate.contains { $0.kind == "metadata" && $0.text == line })
    }

    @Test("a byline line becomes byline and the first title-like line the title")
    func bylineAndTitle() {
        let document = PlainTextCleaner().clean("Harbour Road To Close For Two Years\n\nBy Jane Doe\n\n\(Self.body)")
        #expect(document.title == "Harbour Road To Close For Two Years")
        #expect(document.byline == "Jane Doe")
        #expect(document.text.hasPrefix("The council voted on Tuesday"))
    }
}
