import Foundation
import GleanerCore
import Testing
@testable import Pipelines

/// `gleaner test --update` rewrites only the failing checks, keeping the rest of the file.
@Suite("test --update and init")
struct ExpectationUpdateTests {
    let yaml = """
        # keep this comment
        stages: [clean, extract]
        tests:
          - name: t   # and this one
            input: a.ndjson
            records: 2
            fields:
              title: "Old title"
            expect:
              - { kind: money, text: "$4 million", amount: 4000000, currency: USD }   # the price
              - { kind: date, text: "June 3", date: "2024-06-03" }
              - { kind: person, text: "Nobody Here" }
            expect_not:
              - { kind: any, text: "Leave a Reply" }
          - name: new
            input: a.ndjson
            expect: []
        """

    let records: [JSONObject] = [[
        "title": "New title",
        "mentions": [
            ["kind": "money", "text": "$4.2 million", "value": ["amount": 4_200_000, "currency": "USD"]],
            ["kind": "date", "text": "June 3", "value": ["date": "2024-06-03"]],
            ["kind": "place", "text": "Leave a Reply", "value": ["name": "Leave a Reply"]],
        ],
    ]]

    func updated() throws -> ExpectationUpdate.Result {
        var loader = PipelineLoader(environment: [:])
        loader.allowsUncheckedTests = true
        let pipeline = try loader.load(yaml: yaml, file: "p.yaml")
        return ExpectationUpdate.update(yaml: yaml, file: "p.yaml", outputs: pipeline.tests.map { ($0, records) })
    }

    @Test("failing checks get what was found; passing lines, comments and the rest stay as written")
    func rewritesFailingChecks() throws {
        let result = try updated()
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# keep this comment")
        #expect(lines[3] == "  - name: t   # and this one")
        #expect(lines[5] == "    records: 1")
        #expect(lines[7] == "      title: \"New title\"")
        #expect(lines[9] == "      - { kind: money, text: \"$4.2 million\", amount: 4200000, currency: USD }   # the price")
        #expect(lines[10] == "      - { kind: date, text: \"June 3\", date: \"2024-06-03\" }")
        #expect(lines[11] == "      # not found by gleaner test --update: - { kind: person, text: \"Nobody Here\" }")
        #expect(lines[13] == "      # found by gleaner test --update: - { kind: any, text: \"Leave a Reply\" }")
        #expect(lines[16...] == [
            "    expect:",
            "      - { kind: money, text: \"$4.2 million\", amount: 4200000, currency: USD }",
            "      - { kind: date, text: \"June 3\", date: \"2024-06-03\" }",
            "      - { kind: place, text: \"Leave a Reply\", name: \"Leave a Reply\" }",
        ])
        #expect(result.changes.count == 6)
        #expect(result.changes.first == "p.yaml:6: records: 2 -> 1")
    }

    @Test("an expectation written across lines is left as written, and said so")
    func blockStyleSkipped() throws {
        let yaml = "stages: [clean]\ntests:\n  - name: t\n    input: a.ndjson\n    expect:\n      - kind: money\n        text: nowhere\n"
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: yaml, file: "p.yaml")
        let result = ExpectationUpdate.update(yaml: yaml, file: "p.yaml", outputs: pipeline.tests.map { ($0, records) })
        #expect(result.text == yaml)
        #expect(result.skipped == ["p.yaml:6: not a one-line {...} expectation; left as written"])
    }

    @Test("after the update every check holds")
    func updatedFileHolds() throws {
        let text = try updated().text
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: text, file: "p.yaml")
        for test in pipeline.tests {
            let failed = ExpectationMatcher.check(test, records: records).filter { !$0.passed }.map(\.message)
            #expect(failed.isEmpty, "\(test.name)")
        }
    }

    @Test("init writes a valid, commented pipeline with a test over its own sample")
    func starter() throws {
        let files = try StarterPipeline.files(for: "pipelines/news")
        #expect(files.map(\.path) == ["pipelines/news.yaml", "pipelines/news-sample.txt"])
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: files[0].text, file: files[0].path)
        #expect(pipeline.stages.map(\.label) == ["fetch", "clean", "extract", "normalize", "report"])
        #expect(pipeline.tests.first?.input == "news-sample.txt")
        #expect(files[0].text.contains("# Relative paths are relative to this file's folder."))
        #expect(throws: StarterPipeline.BadName.self) { try StarterPipeline.files(for: "my news") }
    }
}
