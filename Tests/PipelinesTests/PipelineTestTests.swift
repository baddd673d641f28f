import GleanerCore
import Testing
@testable import Pipelines

/// `gleaner test`: expectations on the records a pipeline produces.
@Suite("test: expectations on mentions, fields and records")
struct PipelineTestTests {
    let record: JSONObject = [
        "title": "Aid for Odesa",
        "tags": ["News", "Ukraine"],
        "mentions": [
            ["kind": "money", "text": "2.5 million dollars", "value": ["amount": 2_500_000, "currency": "USD"]],
            ["kind": "place", "text": "Odessa", "value": ["name": "Odesa", "aliases": ["Odessa"], "country": "UA"]],
            ["kind": "date", "text": "from 2019 to 2021", "value": ["from": "2019", "to": "2021"]],
            ["kind": "quantity", "text": "about 450 transformers", "value": ["value": 450, "approximate": true]],
            ["kind": "email", "text": "Press@Example.org", "value": "press@example.org"],
        ],
    ]

    func expectation(_ kind: String?, _ text: String?, _ value: [(String, JSONValue)] = []) -> MentionExpectation {
        MentionExpectation(kind: kind, text: text, value: value.map { (key: $0.0, value: $0.1) })
    }

    @Test("a mention matches on kind, contained text and value fields", arguments: [
        ("money", "2.5 million", [("amount", JSONValue.number(2_500_000)), ("currency", "USD")]),
        ("place", nil, [("name", "Odessa")]),            // an alias
        ("place", "ODESSA", [("name", "odesa")]),        // case and spacing do not matter
        ("date", nil, [("date", "2019")]),
        ("place", "Odessa", [("name", "Odesa"), ("country", "UA")]),
        ("date", nil, [("date", "2019")]),               // a range's start
        ("quantity", "450", [("value", 450), ("approximate", true)]),
        ("email", nil, [("value", "press@example.org")]),
        (nil, "transformers", []),
    ] as [(String?, String?, [(String, JSONValue)])])
    func matches(kind: String?, text: String?, value: [(String, JSONValue)]) {
        let checks = ExpectationMatcher.check(PipelineTest(name: "t", input: "x", expect: [expectation(kind, text, value)]), records: [record])
        #expect(checks.map(\.passed) == [true], "\(checks)")
    }

    @Test("a mention that differs in kind, text or value does not match", arguments: [
        ("money", "2.5 million", [("currency", JSONValue.string("EUR"))]),
        ("person", "Odessa", []),
        ("money", "3 million", []),
        ("quantity", nil, [("approximate", false)]),
    ] as [(String?, String?, [(String, JSONValue)])])
    func mismatches(kind: String?, text: String?, value: [(String, JSONValue)]) {
        let checks = ExpectationMatcher.check(PipelineTest(name: "t", input: "x", expect: [expectation(kind, text, value)]), records: [record])
        #expect(checks.map(\.passed) == [false])
    }

    @Test("the failure message shows the nearest mention")
    func nearMiss() {
        let checks = ExpectationMatcher.check(
            PipelineTest(name: "t", input: "x", expect: [expectation("money", "2.5 million", [("currency", "EUR")])]), records: [record])
        #expect(checks[0].message.hasPrefix(#"no mention matches {kind: money, text: "2.5 million", currency: "EUR"}; closest: {"kind":"money""#))
    }

    @Test("expect_not compares whole mention text")
    func expectNot() {
        let absent = ExpectationMatcher.check(PipelineTest(name: "t", input: "x", expectNot: [expectation(nil, "Odess")]), records: [record])
        #expect(absent.map(\.passed) == [true])
        let present = ExpectationMatcher.check(PipelineTest(name: "t", input: "x", expectNot: [expectation(nil, "Odessa")]), records: [record])
        #expect(present.map(\.passed) == [false])
    }

    @Test("record counts and fields: arrays need to contain the expected items")
    func fieldsAndCounts() {
        let test = PipelineTest(
            name: "t", input: "x", records: 1,
            fields: [FieldExpectation(field: "title", value: "Aid for Odesa"), FieldExpectation(field: "tags", value: ["Ukraine"]),
                     FieldExpectation(field: "lang", value: "en")])
        let checks = ExpectationMatcher.check(test, records: [record])
        #expect(checks.map(\.passed) == [true, true, true, false])
        #expect(checks[3].message == #"lang: expected "en", found nothing"#)
        #expect(ExpectationMatcher.check(test, records: [])[0].message == "expected 1 record, found 0")
    }

    @Test("a test runs the stages before the first report, with fetch reading the test input")
    func derivedPipeline() throws {
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: """
            on_error: dead-letter
            dead_letter: out/x.ndjson
            stages:
              - fetch: { paths: ["seeds/*.txt"], fetched-at: "2023-12-07T00:00:00Z" }
              - clean
              - normalize
              - report: { output: out/a.md }
              - report
            tests:
              - { name: a, input: doc.txt, records: 1 }
              - { name: b, input: records.ndjson, until: clean, records: 1 }
            """, file: "x.yaml")
        let first = PipelineTester.pipeline(for: pipeline.tests[0], of: pipeline)
        #expect(first.stages.map(\.label) == ["fetch", "clean", "normalize"])
        #expect(first.stages[0].options == [StageOption("fetched-at", .text("2023-12-07T00:00:00Z")), StageOption("paths", .list(["doc.txt"]))])
        #expect(first.onError == .fail && first.deadLetter == nil)
        let second = PipelineTester.pipeline(for: pipeline.tests[1], of: pipeline)
        #expect(second.stages.map(\.label) == ["clean"])
    }

    @Test("running tests with stand-in stages: passes and failures are counted per check")
    func runWithStages() throws {
        let stages = FakeStages()
        stages.add("fetch", #"printf '{"source":"%s"}\n' "$1""#)
        stages.add("extract", #"sed 's/}$/,"mentions":[{"kind":"money","text":"$5","value":{"amount":5,"currency":"USD"}}]}/'"#)
        stages.add("report", "exit 9")
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: """
            stages: [fetch, extract, report]
            tests:
              - name: money
                input: doc.txt
                records: 1
                fields: { source: doc.txt }
                expect:
                  - { kind: money, amount: 5, currency: USD }
                  - { kind: money, amount: 6 }
            """, file: "x.yaml")
        let outcomes = PipelineTester(runner: stages.runner()).runAll(pipeline)
        #expect(outcomes.count == 1)
        #expect(outcomes[0].checks.map(\.passed) == [true, true, true, false])
    }

    @Test("a stage failing during a test fails the test, naming the stage")
    func failingStage() throws {
        let stages = FakeStages()
        stages.add("fetch", "exit 66")
        let pipeline = try PipelineLoader(environment: [:]).load(
            yaml: "stages: [fetch]\ntests: [{name: t, input: missing.txt, records: 1}]\n", file: "x.yaml")
        let outcome = PipelineTester(runner: stages.runner()).run(pipeline.tests[0], of: pipeline)
        #expect(!outcome.passed)
        #expect(outcome.checks.first?.message == "the pipeline failed: stage 1 'fetch' failed with exit status 66")
    }
}
