import Testing

@testable import Cleaning

@Suite("Bylines")
struct BylineTests {
    @Test("a byline is the name, without \"By\", dates, times, ages or job titles", arguments: [
        ("By Jane Doe", "Jane Doe"),
        ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"),
        ("Tech Industry by Steven Musil January 18, 2017 11:00 PM PST", "Steven Musil"),
        ("Aleš Vávra před 2 hodinami", "Aleš Vávra"),
        ("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU", "Daniel Kahn Gillmor"),
        ("Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"),
        ("Contributors to Wikimedia projects", "Contributors to Wikimedia projects"),
        ("Nicolas Perriault —", "Nicolas Perriault"),
        ("Ben Silverman Games Editor", "Ben Silverman"),
        ("Jane Doe Editor", "Jane Doe"),
    ])
    func cleaned(raw: String, name: String) {
        #expect(MetadataChooser.cleanByline(raw) == name)
    }

    @Test("dates, reading times, URLs and handles are not bylines", arguments: [
        "Published 5 min read", "5 min read", "Sunday, Feb 1, 2015 11:57 AM UTC", "21.dez.2018 às 10h55",
        "https://example.com/authors/jane", "@janedoe", "Last Updated: January 7, 2025",
    ])
    func rejected(raw: String) {
        #expect(MetadataChooser.cleanByline(raw) == nil)
    }
}
