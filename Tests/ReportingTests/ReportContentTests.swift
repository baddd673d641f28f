import GleanerCore
import Reporting
import Testing

@Suite("What the seeds' report shows")
struct ReportContentTests {
    let report = Fixtures.report(Fixtures.seedRecords)

    @Test("every document is listed with its title and date")
    func documentsListed() {
        #expect(report.documents.map(\.label) == ["D1", "D2"])
        #expect(report.documents[0].summary.published == "2023-12-07")
        #expect(report.documents[1].summary.title == "Israel Opens Refugee Camps in Azerbaijan for Russian Jews Fleeing Country")
    }

    @Test("money facts keep text, amount, currency and document")
    func money() {
        let shipment = report.money.first { $0.texts == ["2.5 million dollars"] }
        #expect(shipment?.display == "USD 2,500,000")
        #expect(shipment?.documents == ["D1"])
        #expect(report.money.count == 4)
    }

    @Test("a fact reported by both documents is shown once with both sources")
    func sharedFactShownOnce() {
        let repatriated = report.quantities.filter { FactValue.number($0.value) == 40000 }
        #expect(repatriated.count == 1)
        #expect(repatriated.first?.documents == ["D1", "D2"])
        #expect(repatriated.first?.texts == ["40,000 citizens", "40,000 people"])
    }

    @Test("different figures for the same thing are flagged side by side")
    func conflictFlagged() {
        #expect(report.conflicts.count == 1)
        let figures = report.conflicts.first?.figures.map(\.display).sorted()
        #expect(figures == ["EUR 26,100,000", "ILS 90,000,000"])
        #expect(report.conflicts.first?.about.contains("camps") == true)
    }

    @Test("figures from one document are never a conflict")
    func sameDocumentFiguresDoNotConflict() {
        let shipment = report.quantities.filter { $0.documents == ["D1"] && $0.conflict != nil }
        #expect(shipment.isEmpty)
    }

    @Test("the timeline is in date order and keeps unresolved dates apart")
    func timeline() {
        let dates = report.timeline.map(\.display)
        #expect(dates == ["1982", "1991-12-25", "1992-04-07", "2009", "2012", "2019-01", "2023-02"])
        #expect(report.undatedDates.map(\.texts) == [["February of this year"]])
    }

    @Test("an entity named differently in two documents is one row with its aliases")
    func entitiesJoined() {
        let agency = report.organizations.first { $0.name == "Jewish Agency for Israel" }
        #expect(agency?.aliases == ["Sochnut"])
        #expect(agency?.documents == 2)
        #expect(agency?.mentions == 3)
        #expect(report.places.first?.name == "Azerbaijan")
        #expect(report.places.first { $0.name == "Odesa" }?.aliases == ["Odessa"])
    }

    @Test("entities sort by mentions, then documents, then name")
    func entityOrder() {
        let places = report.places
        for (first, second) in zip(places, places.dropFirst()) {
            #expect((first.mentions, first.documents) >= (second.mentions, second.documents))
            if (first.mentions, first.documents) == (second.mentions, second.documents) { #expect(first.name < second.name) }
        }
    }

    @Test("every citation points to a numbered sentence of its own document that contains the text")
    func provenance() {
        let references = Dictionary(uniqueKeysWithValues: report.references.map { ($0.number, $0) })
        let groups = report.money + report.timeline + report.quantities
        let citations = groups.flatMap(\.citations) + (report.people + report.organizations + report.places).flatMap(\.citations)
        #expect(!citations.isEmpty)
        for citation in citations {
            let reference = references[citation.reference]
            #expect(reference?.document == citation.document)
            #expect(reference?.text.contains(citation.text) == true, "\(citation.text) not in \(reference?.text ?? "nothing")")
        }
        #expect(report.references.map(\.number) == Array(1...report.references.count))
    }

    @Test("markdown names the document of every fact and lists the references")
    func markdown() {
        let markdown = MarkdownWriter().render(report)
        #expect(markdown.contains("| USD 2,500,000 | “2.5 million dollars” |"))
        #expect(markdown.contains("## References"))
        #expect(markdown.contains("⚠ conflict 1"))
        let factRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| USD") || $0.hasPrefix("| EUR") || $0.hasPrefix("| ILS") }
        #expect(factRows.count == 4)
        for row in factRows { #expect(row.contains("D1 \\[") || row.contains("D2 \\[")) }
    }

    @Test("json carries schema_version 1 and the documented top-level keys")
    func jsonSchema() throws {
        let json = try JSONCodec.parse(JSONReportWriter().render(report)).objectValue!
        #expect(json["schema_version"] == 1)
        #expect(json.keys == [
            "schema_version", "generator", "counts", "documents", "money", "currency_totals", "timeline", "undated",
            "quantities", "percents", "people", "organizations", "places", "conflicts", "references",
        ])
        #expect(JSONCodec.string(JSONReportWriter().value(report)) + "\n" == JSONReportWriter().render(report))
        let money = json["money"]!.arrayValue!.first!.objectValue!
        #expect(money.keys == ["id", "kind", "display", "value", "texts", "documents", "sources", "conflict"])
    }

    @Test("records straight from extract, without values or entities, still make a report")
    func withoutValues() {
        var records = Fixtures.seedRecords
        for index in records.indices {
            records[index]["entities"] = nil
            let mentions = records[index]["mentions"]!.arrayValue!.map { mention -> JSONValue in
                var object = mention.objectValue!
                object["value"] = nil
                return .object(object)
            }
            records[index]["mentions"] = .array(mentions)
        }
        let report = Fixtures.report(records)
        #expect(report.money.map(\.display).contains("2.5 million dollars"))
        #expect(report.undatedDates.count == 8)
        #expect(report.places.contains { $0.name == "Azerbaijan" && $0.documents == 2 })
        #expect(!MarkdownWriter().render(report).isEmpty)
        #expect(!HTMLWriter().render(report).isEmpty)
    }

    @Test("the same input gives the same bytes in every format")
    func deterministic() {
        let again = Fixtures.report(Fixtures.seedRecords.reversed())
        #expect(MarkdownWriter().render(report) == MarkdownWriter().render(again))
        #expect(HTMLWriter().render(report) == HTMLWriter().render(again))
        #expect(JSONReportWriter().render(report) == JSONReportWriter().render(again))
    }
}

@Suite("Same fact, different wording")
struct SameFactTests {
    static func report(_ first: String, _ second: String, value: JSONValue, kind: MentionKind, texts: (String, String)) -> Report {
        Fixtures.report([
            Fixtures.record(id: "a", source: "a.txt", text: first, mentions: [(kind, texts.0, value)]),
            Fixtures.record(id: "b", source: "b.txt", text: second, mentions: [(kind, texts.1, value)]),
        ])
    }

    @Test("the same date in sentences about the same event is one timeline entry with both sources")
    func sameDate() {
        let report = Self.report(
            "Since February this year, 40,000 citizens left Russia for Israel, the government said.",
            "The government reports that 40,000 people left Russia since February of this year.",
            value: ["date": "2023-02", "grain": "month"], kind: .date, texts: ("February this year", "February of this year"))
        #expect(report.timeline.count == 1)
        #expect(report.timeline.first?.documents == ["D1", "D2"])
    }

    @Test("the same figure in unrelated sentences stays two facts")
    func unrelated() {
        let report = Self.report(
            "The charity delivered 500 generators to hospitals in Kharkiv before winter.",
            "Police said 500 protesters gathered outside parliament on Sunday evening.",
            value: ["value": 500, "unit": "", "approximate": false], kind: .quantity, texts: ("500", "500"))
        #expect(report.quantities.count == 2)
        #expect(report.conflicts.isEmpty)
    }
}
