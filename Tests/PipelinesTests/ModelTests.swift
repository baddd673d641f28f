import GleanerCore
import Testing
@testable import Pipelines

@Suite("the YAML model")
struct ModelTests {
    func load(_ yaml: String, environment: [String: String] = [:]) throws -> Pipeline {
        try PipelineLoader(environment: environment).load(yaml: yaml, file: "pipelines/x.yaml")
    }

    @Test("the three stage forms: a name, a name with options, run with argv")
    func stageForms() throws {
        let pipeline = try load("""
            stages:
              - fetch: { paths: ["seeds/*.txt", b.txt], fetched-at: "2023-12-07T00:00:00Z" }
              - clean
              - extract: { only: [money, date] }
              - run: [jq, -c, 'select(.lang == "en")']
            """)
        #expect(pipeline.stages[0] == PipelineStage(
            kind: .builtin("fetch"),
            options: [StageOption("paths", .list(["seeds/*.txt", "b.txt"])), StageOption("fetched-at", .text("2023-12-07T00:00:00Z"))],
            location: SourceLocation(line: 2, column: 5)))
        #expect(pipeline.stages[1].kind == .builtin("clean"))
        #expect(pipeline.stages[2].option("only") == .list(["money", "date"]))
        #expect(pipeline.stages[3].kind == .command(["jq", "-c", #"select(.lang == "en")"#]))
        #expect(pipeline.stages[3].label == "run jq")
    }

    @Test("options: true is a bare flag, false is left out, numbers and dates stay as written")
    func optionValues() throws {
        let pipeline = try load("""
            stages:
              - clean: { keep-raw: true, include-comments: false, jobs: 4 }
              - normalize: { reference-date: 2023-12-07 }
            """)
        #expect(pipeline.stages[0].options == [
            StageOption("keep-raw", .flag(true)), StageOption("include-comments", .flag(false)), StageOption("jobs", .text("4")),
        ])
        #expect(pipeline.stages[1].option("reference-date") == .text("2023-12-07"))
    }

    @Test("${VAR:-default} takes the variable when set, else the default", arguments: [
        ([:], "2023-12-07"), (["REFERENCE_DATE": "2024-02-29"], "2024-02-29"), (["REFERENCE_DATE": ""], "2023-12-07"),
    ])
    func environmentExpansion(environment: [String: String], expected: String) throws {
        let pipeline = try load(
            "stages:\n  - normalize: { reference-date: \"${REFERENCE_DATE:-2023-12-07}\" }\n", environment: environment)
        #expect(pipeline.stages[0].option("reference-date") == .text(expected))
    }

    @Test("expansion works in run arguments, keeps jq's $vars and $${ escapes")
    func expansionInArguments() throws {
        let pipeline = try load(#"stages: [{run: [jq, --arg, x, "${LANG_CODE:-en}", "$x + $${literal}"]}]"#)
        #expect(pipeline.stages[0].kind == .command(["jq", "--arg", "x", "en", "$x + ${literal}"]))
    }

    @Test("pipeline settings and defaults")
    func settings() throws {
        let pipeline = try load("""
            description: Facts
            on_error: dead-letter
            dead_letter: out/rejects.ndjson
            jobs: 2
            stages: [clean]
            """)
        #expect(pipeline.name == "x")
        #expect(pipeline.summary == "Facts")
        #expect(pipeline.onError == .deadLetter)
        #expect(pipeline.deadLetter == "out/rejects.ndjson")
        #expect(pipeline.jobs == 2)
    }

    @Test("tests: expectations with shorthand value fields and nested value mappings")
    func tests() throws {
        let pipeline = try load("""
            stages: [fetch, clean]
            tests:
              - name: money
                input: a.txt
                until: clean
                records: 1
                fields: { title: Hello, tags: [News] }
                expect:
                  - { kind: money, text: "$5", amount: 5, currency: USD, note: ignored }
                  - { kind: quantity, value: 450 }
                  - { kind: date, value: { date: "2023-02" } }
                expect_not:
                  - { kind: any, text: "Leave a Reply" }
            """)
        let test = try #require(pipeline.tests.first)
        #expect(test.until == "clean")
        #expect(test.records == 1)
        #expect(test.fields.map(\.field) == ["title", "tags"])
        #expect(test.fields[1].value == ["News"])
        #expect(test.expect[0].kind == "money")
        #expect(test.expect[0].value.map(\.key) == ["amount", "currency"])
        #expect(test.expect[0].value[0].value == .number(5))
        #expect(test.expect[1].value.map(\.key) == ["value"])
        #expect(test.expect[2].value[0].value == .string("2023-02"))
        #expect(test.expectNot[0].kind == nil)
        #expect(test.checkCount == 7)
    }
}

@Suite("cutting a pipeline short")
struct PrefixTests {
    let pipeline = Pipeline(file: "x.yaml", name: "x", stages: [
        .builtin("fetch"), .builtin("clean"), .builtin("report", [StageOption("output", .text("a.md"))]),
        .builtin("extract"), .builtin("report"),
    ])

    @Test("through a stage, leaving out the reports before it", arguments: [
        ("clean", ["fetch", "clean"]), ("extract", ["fetch", "clean", "extract"]), ("report", ["fetch", "clean", "report"]),
    ])
    func through(stage: String, labels: [String]) {
        #expect(pipeline.prefix(through: stage).stages.map(\.label) == labels)
    }

    @Test("without a stage: everything before the first report")
    func beforeReports() {
        #expect(pipeline.prefix(through: nil).stages.map(\.label) == ["fetch", "clean"])
    }
}
