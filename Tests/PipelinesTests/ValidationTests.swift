import Testing
@testable import Pipelines
import GleanerCore

/// Every problem in a pipeline file is reported at its line and column.
@Suite("validate: every problem with file:line:col")
struct ValidationTests {
    func problems(_ yaml: String, environment: [String: String] = [:]) -> [String] {
        PipelineLoader(environment: environment).diagnose(yaml: yaml, file: "pipelines/x.yaml").map(\.description)
    }

    @Test("a misspelt stage is named with a suggestion")
    func unknownStage() {
        let yaml = """
            name: x
            stages:
              - fetch: { paths: [a.txt] }
              - claen
              - extract
            """
        #expect(problems(yaml) == ["pipelines/x.yaml:4:5: unknown stage 'claen' (did you mean 'clean'?)"])
    }

    @Test("a stage name with nothing close gets no suggestion")
    func unknownStageWithoutSuggestion() {
        #expect(problems("stages:\n  - translate\n") == ["pipelines/x.yaml:2:5: unknown stage 'translate'"])
    }

    @Test("unknown keys at the top, in a stage and in a test")
    func unknownKeys() {
        let yaml = """
            name: x
            on_eror: fail
            stages:
              - clean: { keep_raw: true }
            tests:
              - name: t
                input: a.txt
                expcet: []
                records: 1
            """
        #expect(problems(yaml) == [
            "pipelines/x.yaml:2:1: unknown key 'on_eror' (did you mean 'on_error'?)",
            "pipelines/x.yaml:4:14: unknown option 'keep_raw' for stage 'clean' (did you mean 'keep-raw'?)",
            "pipelines/x.yaml:8:5: unknown key 'expcet' in a test (did you mean 'expect'?)",
        ])
    }

    @Test("values of the wrong type quote what was found")
    func wrongTypes() {
        let yaml = """
            stages:
              - clean: { keep-raw: "yes" }
              - normalize: [reference-date]
              - report: { format: pdf }
              - run: jq
            jobs: many
            """
        #expect(problems(yaml) == [
            "pipelines/x.yaml:2:24: option 'keep-raw' of stage 'clean' takes true or false, found a string ('yes')",
            "pipelines/x.yaml:3:16: the options of stage 'normalize' must be a mapping, found a list",
            "pipelines/x.yaml:4:23: option 'format' of stage 'report' takes one of 'markdown', 'html', 'json', 'csv', found a string ('pdf')",
            "pipelines/x.yaml:5:10: 'run' takes a list of arguments, program first, found a string ('jq')",
            "pipelines/x.yaml:6:7: 'jobs' must be a whole number of at least 1, found a string ('many')",
        ])
    }

    @Test("bad YAML is reported at the position of the syntax error")
    func badYAML() {
        let yaml = "stages:\n  - clean\n - extract: [\n"
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("pipelines/x.yaml:3:2: bad YAML: ") == true, "\(found)")
    }

    @Test("an unclosed flow list points at where the parser gave up")
    func unclosedFlow() {
        let found = problems("stages:\n  - fetch: { paths: [a.txt }\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("pipelines/x.yaml:2:") == true && found.first?.contains("bad YAML") == true, "\(found)")
    }

    @Test("a duplicate key is an error")
    func duplicateKey() {
        #expect(problems("stages: [clean]\nname: a\nname: b\n") == ["pipelines/x.yaml:3:1: duplicate key 'name' (first written at 2:1)"])
    }

    @Test("every problem is reported, not just the first, in file order")
    func allProblems() {
        let yaml = """
            stages:
              - fetchh
              - clean: { colour: red }
              - extrac
            """
        let found = problems(yaml)
        #expect(found == [
            "pipelines/x.yaml:2:5: unknown stage 'fetchh' (did you mean 'fetch'?)",
            "pipelines/x.yaml:3:14: unknown option 'colour' for stage 'clean'",
            "pipelines/x.yaml:4:5: unknown stage 'extrac' (did you mean 'extract'?)",
        ])
    }

    @Test("missing or empty stages")
    func missingStages() {
        #expect(problems("name: x\n") == ["pipelines/x.yaml:1:1: missing 'stages': a pipeline needs at least one stage"])
        #expect(problems("stages: []\n") == ["pipelines/x.yaml:1:9: 'stages' is empty: a pipeline needs at least one stage"])
        #expect(problems("") == ["pipelines/x.yaml:1:1: the file is empty; a pipeline needs 'stages'"])
    }

    @Test("options written beside the stage name instead of under it")
    func misindentedOptions() {
        let yaml = """
            stages:
              - normalize:
                reference-date: 2023-12-07
            """
        #expect(problems(yaml) == [
            "pipelines/x.yaml:3:5: unexpected key 'reference-date' beside stage 'normalize' (indent a stage's options under its name)",
        ])
    }

    @Test("a report in the middle must write to a file")
    func reportTapNeedsOutput() {
        let yaml = "stages:\n  - clean\n  - report: { format: html }\n  - report\n"
        #expect(problems(yaml) == [
            "pipelines/x.yaml:3:5: a 'report' stage that is not the last needs 'output': the records are copied to it and go on to the next stage",
        ])
    }

    @Test("fetch anywhere but first")
    func fetchFirst() {
        #expect(problems("stages: [clean, fetch]\n") == ["pipelines/x.yaml:1:17: 'fetch' must be the first stage: it reads no records"])
    }

    @Test("on_error and dead_letter go together")
    func deadLetterPolicy() {
        #expect(problems("on_error: dead-letter\nstages: [clean]\n")
            == ["pipelines/x.yaml:1:11: on_error 'dead-letter' needs a 'dead_letter' file"])
        #expect(problems("dead_letter: x.ndjson\nstages: [clean]\n")
            == ["pipelines/x.yaml:1:14: 'dead_letter' is set but on_error is 'fail'; write on_error: dead-letter"])
        #expect(problems("on_error: dead_letter\nstages: [clean]\n")
            == ["pipelines/x.yaml:1:11: 'on_error' must be one of 'fail', 'skip', 'dead-letter', found 'dead_letter' (did you mean 'dead-letter'?)"])
    }

    @Test("an unset variable without a default is an error at its scalar")
    func unsetVariable() {
        let yaml = "stages:\n  - normalize: { reference-date: \"${REF}\" }\n"
        #expect(problems(yaml) == [
            "pipelines/x.yaml:2:34: environment variable 'REF' is not set (write ${REF:-default} to give a default)",
        ])
        #expect(problems(yaml, environment: ["REF": "2024-01-01"]).isEmpty)
    }

    @Test("tests: unknown mention kinds, until naming no stage, nothing to check")
    func testProblems() {
        let yaml = """
            stages: [fetch, clean, extract]
            tests:
              - name: a
                input: x.txt
                until: normalise
                expect:
                  - { kind: monye, text: "$5" }
              - name: b
                input: x.txt
              - input: x.txt
                records: 1
            """
        #expect(problems(yaml) == [
            "pipelines/x.yaml:3:5: test 'a': 'until' names no stage of this pipeline: 'normalise'",
            "pipelines/x.yaml:7:17: unknown mention kind 'monye' (did you mean 'money'?)",
            "pipelines/x.yaml:8:5: test 'b' checks nothing: add 'expect', 'expect_not', 'fields' or 'records' (or write 'expect: []' and run gleaner test --update)",
            "pipelines/x.yaml:10:5: a test needs a 'name'",
        ])
    }

    @Test("the seeds pipeline is valid")
    func seedsPipeline() throws {
        let pipeline = try PipelineLoader(environment: [:]).load(contentsOf: Fixtures.root + "/pipelines/seeds.yaml")
        #expect(pipeline.name == "seeds")
        #expect(pipeline.stages.map(\.label) == ["fetch", "clean", "extract", "normalize", "report", "report"])
        #expect(pipeline.tests.count >= 3)
    }

    @Test("a duplicate key is reported at its own line, in a stage's options and in a flow mapping")
    func duplicateKeyAtItsLine() {
        let block = "stages:\n  - normalize:\n      rates: a.csv\n      date-order: dmy\n      rates: b.csv\n"
        #expect(problems(block) == ["pipelines/x.yaml:5:7: duplicate key 'rates' (first written at 3:7)"])
        let flow = "stages:\n  - report: { format: html, output: a.html, format: csv }\n"
        #expect(problems(flow) == ["pipelines/x.yaml:2:45: duplicate key 'format' (first written at 2:15)"])
    }

    @Test("option values are checked against what the stage accepts")
    func optionValues() {
        let yaml = """
            stages:
              - fetch: { paths: [a.txt], fetched-at: "2023-12-07", timeout: 0 }
              - extract: { only: [money, bogus] }
              - normalize: { reference-date: 2024-13-45, base-currency: euro, only: "dates,places" }
              - report: { format: html, title: "" }
            """
        #expect(problems(yaml) == [
            "pipelines/x.yaml:2:42: option 'fetched-at' of stage 'fetch' takes an RFC 3339 time like 2023-12-07T00:00:00Z, found '2023-12-07'",
            "pipelines/x.yaml:2:65: option 'timeout' of stage 'fetch' takes a number of seconds above 0, found 0",
            "pipelines/x.yaml:3:22: option 'only' of stage 'extract' names an unknown kind 'bogus' (kinds: "
                + MentionKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
            "pipelines/x.yaml:4:34: option 'reference-date' of stage 'normalize' takes a date like 2023-12-07, found '2024-13-45'",
            "pipelines/x.yaml:4:61: option 'base-currency' of stage 'normalize' takes an ISO 4217 currency code like EUR, found 'euro'",
            "pipelines/x.yaml:5:36: option 'title' of stage 'report' is empty",
        ])
    }

    @Test("a value that expands to nothing, or to a bad date, names the reference it came from")
    func expandedValues() {
        let yaml = "stages:\n  - normalize: { reference-date: \"${REF}\" }\n"
        #expect(problems(yaml, environment: ["REF": ""])
            == ["pipelines/x.yaml:2:34: option 'reference-date' of stage 'normalize' is empty (from '${REF}')"])
        #expect(problems(yaml, environment: ["REF": "2024-02-30"])
            == ["pipelines/x.yaml:2:34: option 'reference-date' of stage 'normalize' takes a date like 2023-12-07, found '2024-02-30' (from '${REF}')"])
        #expect(problems(yaml, environment: ["REF": "2024-02-29"]).isEmpty)
        let required = "stages:\n  - normalize: { reference-date: \"${REF:?set REF to the day the articles were fetched}\" }\n"
        #expect(problems(required)
            == ["pipelines/x.yaml:2:34: environment variable 'REF' is not set: set REF to the day the articles were fetched"])
    }

    @Test("RFC 3339 times and dates are read as the stages read them", arguments: [
        ("2023-12-07T00:00:00Z", true), ("2023-12-07t10:20:30.5+02:00", true), ("2023-12-07T24:00:00Z", false),
        ("2023-12-07T10:00:00", false), ("2023-02-29T00:00:00Z", false), ("2024-02-29T00:00:00-05:00", true),
    ])
    func timestamps(text: String, valid: Bool) {
        #expect(OptionRules.isTimestamp(text) == valid)
    }
}
