import Testing

@testable import Cleaning

/// Scraped full-page dumps written for these tests: menus, skip links, share and tag lines,
/// related headlines and footers around one article.
enum PageDumps {
    static let english = """
        Skip to content

        Home
        World
        Business
        Sport
        Contact

        Home
        World
        Business
        Sport
        Contact

        Ferry service returns to the island after the winter storms

        The ferry between the mainland and the island ran again on Tuesday, three weeks after \
        winter storms damaged the pier and left the only harbour closed to passenger boats.

        Engineers worked through the weekend to repair the landing stage, the operator said, \
        and the first crossing of the morning was full of commuters who had been taking a much \
        longer route by road and bridge since the middle of January.

        "It is a relief for everybody who works on the other side," said one passenger, who \
        had been driving for two hours each way. The council said a new breakwater would be \
        built before the next winter.

        Facebook Twitter Telegram

        Tags: Transport, Weather, Islands

        Most read
        Council approves new budget for schools
        Local team wins the regional final
        Price of bread rises again

        Privacy policy
        Terms of use
        """

    static let german = """
        Zum Inhalt springen

        Startseite
        Politik
        Wirtschaft
        Kontakt

        Neue Radwege für die Innenstadt

        Von Anna Berger

        Die Stadt will in den kommenden zwei Jahren mehr als zwanzig Kilometer neue Radwege bauen. \
        Das hat der Gemeinderat am Mittwochabend mit großer Mehrheit beschlossen, nachdem die Pläne \
        monatelang in den Ausschüssen beraten worden waren.

        Die ersten Abschnitte sollen schon im Frühjahr entstehen, vor allem auf den großen Straßen \
        rund um den Bahnhof. Dort ist der Verkehr besonders dicht, und die Zahl der Unfälle mit \
        Radfahrern war im vergangenen Jahr deutlich gestiegen.

        Ähnliche Beiträge

        Schwimmbad bleibt im Sommer länger geöffnet

        Neuer Spielplatz im Stadtpark eröffnet

        Kommentare

        Schreibe einen Kommentar

        Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind markiert *

        Impressum
        Datenschutz
        """
}

@Suite("Plain-text article scorer")
struct ArticleRunTests {
    @Test("a page dump keeps the article and moves menus, share, tag and related lines to boilerplate")
    func englishDump() {
        let document = PlainTextCleaner().clean(PageDumps.english)
        #expect(document.text.hasPrefix("The ferry between the mainland"))
        #expect(document.text.hasSuffix("before the next winter."))
        for furniture in ["Skip to content", "Business", "Facebook Twitter", "Tags:", "Council approves", "Privacy policy"] {
            #expect(!document.text.contains(furniture), "\(furniture)")
            #expect(document.boilerplate.contains { $0.text.contains(furniture) }, "\(furniture)")
        }
        #expect(document.tags == ["Transport", "Weather", "Islands"])
        #expect(document.title == "Ferry service returns to the island after the winter storms")
        let kinds = Set(document.boilerplate.map(\.kind))
        #expect(kinds.isSuperset(of: ["navigation", "share", "metadata"]))
    }

    @Test("a German dump: skip link, byline, related list and comment form are not the article")
    func germanDump() {
        let document = PlainTextCleaner().clean(PageDumps.german)
        #expect(document.text.hasPrefix("Die Stadt will"))
        #expect(document.text.hasSuffix("deutlich gestiegen."))
        #expect(document.byline == "Anna Berger")
        #expect(document.title == "Neue Radwege für die Innenstadt")
        for furniture in ["Zum Inhalt springen", "Ähnliche Beiträge", "Schwimmbad", "E-Mail-Adresse", "Impressum"] {
            #expect(!document.text.contains(furniture), "\(furniture)")
        }
    }

    @Test("the page's language is the one whose stop words cover its words")
    func language() {
        let stop = StopWords.shared
        let german = ArticleRun.words("Die Stadt will in den kommenden Jahren mehr Radwege bauen, und das ist gut.")
        let english = ArticleRun.words("The ferry ran again on Tuesday after the storms had closed the harbour.")
        #expect(stop.languages[stop.dominantLanguage(of: german).trailingZeroBitCount] == "de")
        #expect(stop.languages[stop.dominantLanguage(of: english).trailingZeroBitCount] == "en")
        #expect(stop.dominantLanguage(of: ["qzx", "vvb", "ptk"]) == 0)
    }

    @Test("prose with sentences is good, a menu word short, a line of capitalised names bad")
    func qualities() {
        let scorer = ArticleRun()
        let paragraphs = [
            "Home",
            "Council Approves Budget Local Team Wins Final Price Of Bread Rises Weather Warning For Coast Issued",
            "The council approved the budget on Monday after a long debate, and the mayor said that the schools "
                + "would get more money than last year for their buildings and their teachers. It is the first "
                + "rise in four years.",
        ]
        let features = ArticleRun.features(of: paragraphs, known: [nil, nil, nil])
        #expect(features.map(scorer.quality) == [.short, .bad, .good])
    }

    @Test("text with no prose to anchor an article only loses what the phrase rules catch")
    func noProse() {
        let document = PlainTextCleaner().clean("Skip to content\n\nMilk\nEggs\nBread\n\nCall Anna at 5")
        #expect(document.text == "Milk\n\nEggs\n\nBread\n\nCall Anna at 5")
        #expect(document.boilerplate.map(\.kind) == ["navigation"])
    }
}
