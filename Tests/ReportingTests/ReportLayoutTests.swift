import GleanerCore
@testable import Reporting
import Testing

/// What the report shows and how: rows, charts, labels and columns a reader can trust.
@Suite("report layout: rows, charts, labels, columns")
struct ReportLayoutTests {
    @Test("labels cut to a shared prefix are cut further in, until each is its own")
    func distinctLabels() {
        let shown = ChartLabels.distinct(
            ["Ministry of Diaspora Affairs", "Ministry of Foreign Affairs", "NATO", "State Border Service of Azerbaijan"], limit: 19)
        #expect(shown == ["Ministry of Diaspo…", "Ministry of Foreig…", "NATO", "State Border…"])
        let long = ChartLabels.distinct(["International Committee of the Red Cross", "International Committee of the Red Crescent"], limit: 19)
        #expect(long == ["International Committee of the Red Cro…", "International Committee of the Red Cre…"])
        #expect(Set(long).count == 2)
    }

    @Test("the article's own dateline is not a timeline fact; other dates are")
    func datelineLeftOut() {
        let text = "March 4, 2024\nThe plant opened on March 4, 2024 after work began on May 2, 2022."
        let record = Fixtures.record(id: "a", published: "2024-03-04", text: text, mentions: [
            (.date, "March 4, 2024", ["date": "2024-03-04", "grain": "day"]),
            (.date, "May 2, 2022", ["date": "2022-05-02", "grain": "day"]),
        ])
        let report = Fixtures.report([record])
        #expect(report.timeline.map(\.display) == ["2022-05-02"])
        let undated = Fixtures.report([Fixtures.record(id: "b", published: "2023-01-01", text: text, mentions: [
            (.date, "March 4, 2024", ["date": "2024-03-04", "grain": "day"]),
        ])])
        #expect(undated.timeline.count == 1, "a date at the top that is not the published day stays")
    }

    @Test("the same figure said twice in one document is one row citing both places")
    func oneRowPerDocument() {
        let text = "Talks between the two countries began. Later the two countries signed a deal far from here and now."
        let value: JSONValue = ["value": 2, "unit": "countries"]
        let report = Fixtures.report([Fixtures.record(id: "a", text: text, mentions: [
            (.quantity, "two countries", value), (.quantity, "two countries", value),
        ])])
        #expect(report.quantities.count == 1)
        #expect(report.quantities.first?.citations.count == 2)
    }

    @Test("number columns and their headers are right-aligned, in HTML and markdown")
    func alignedColumns() {
        let report = Fixtures.report(Fixtures.seedRecords)
        let html = HTMLWriter().render(report)
        #expect(html.contains("<th scope=\"col\" class=\"num\">Mentions</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">Amount</th>"))
        #expect(html.contains("<th scope=\"col\">Name</th>"))
        let markdown = MarkdownWriter().render(report)
        #expect(markdown.contains("| Name | Mentions | Documents | Also called | Sources |\n|---|---:|---:|---|---|"))
        #expect(markdown.contains("| Amount | As written | Converted | Sources |\n|---:|---|---:|---|"))
    }

    @Test("a chart of equal bars is a sentence instead; converted money is charted in one currency")
    func meaningfulCharts() {
        let text = "Ana Ruiz met Ben Ode. They paid $5 million and 3 million euros."
        let record = Fixtures.record(id: "a", text: text, mentions: [
            (.person, "Ana Ruiz", ["name": "Ana Ruiz"]), (.person, "Ben Ode", ["name": "Ben Ode"]),
            (.money, "$5 million", ["amount": 5_000_000, "currency": "USD",
                                     "converted": ["amount": 4_600_000, "currency": "EUR", "rate_date": "2024-01-02"]]),
            (.money, "3 million euros", ["amount": 3_000_000, "currency": "EUR",
                                          "converted": ["amount": 3_000_000, "currency": "EUR", "rate_date": "2024-01-02"]]),
        ])
        let html = HTMLWriter().render(Fixtures.report([record]))
        #expect(html.contains("2 people, each mentioned once: <a href=\"#people-1\">Ana Ruiz</a>"))
        #expect(html.contains("bar: total in EUR at the ECB rate of 2024-01-02"))
        #expect(!html.contains("number of facts"))

        let unconverted = Fixtures.record(id: "b", text: text, mentions: [
            (.money, "$5 million", ["amount": 5_000_000, "currency": "USD"]),
            (.money, "3 million euros", ["amount": 3_000_000, "currency": "EUR"]),
        ])
        let plain = HTMLWriter().render(Fixtures.report([unconverted]))
        #expect(plain.contains("No chart: normalize had no exchange rates"))
    }
}
