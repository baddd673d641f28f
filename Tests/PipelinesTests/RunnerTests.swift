import Foundation
import Testing
@testable import Pipelines

/// `gleaner run`: one process per stage, joined by pipes, with stand-in stage programs.
@Suite("run: processes joined by pipes")
struct RunnerTests {
    @Test("records flow through every stage in order")
    func dataFlowsInOrder() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        let outcome = try stages.run("""
            stages:
              - fetch: { paths: [a.txt, b.txt] }
              - clean
              - extract
              - normalize
            """)
        #expect(outcome.report.failures.isEmpty)
        #expect(outcome.output == """
            {"arg":"a.txt","clean":true,"extract":true,"normalize":true}
            {"arg":"b.txt","clean":true,"extract":true,"normalize":true}

            """)
        #expect(outcome.report.results.map(\.termination) == Array(repeating: .exited(0), count: 4))
    }

    @Test("records on the runner's input reach a pipeline without fetch")
    func standardInput() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        let outcome = try stages.run("stages: [clean]", input: "{\"a\":1}\n")
        #expect(outcome.output == "{\"a\":1,\"clean\":true}\n")
    }

    @Test("a failing stage is named with its exit status")
    func failingStage() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        stages.add("extract", "cat > /dev/null; echo 'extract: line 1: not a JSON object' >&2; exit 65")
        let outcome = try stages.run("stages: [fetch, clean, extract, normalize]")
        let failure = try #require(outcome.report.failures.first)
        #expect(outcome.report.failures.count == 1)
        #expect(failure.description == "stage 3 'extract' failed with exit status 65")
        #expect(failure.termination.runnerExitStatus == 65)
        #expect(outcome.errors.contains("extract: line 1: not a JSON object"))
    }

    @Test("a stage killed by a signal is named with the signal")
    func killedStage() throws {
        let stages = FakeStages()
        stages.add("clean", "kill -9 $$")
        let outcome = try stages.run("stages: [clean]")
        #expect(outcome.report.failures.map(\.description) == ["stage 1 'clean' was killed by signal 9 (SIGKILL)"])
        #expect(outcome.report.failures.first?.termination.runnerExitStatus == 137)
    }

    @Test("a producer ended by SIGPIPE after its reader finished is not a failure")
    func brokenPipeUpstream() throws {
        let stages = FakeStages()
        let outcome = try stages.run(#"stages: [{run: [yes, '{"a":1}']}, {run: [head, "-n", "1"]}]"#)
        #expect(outcome.report.failures.isEmpty)
        #expect(outcome.output == "{\"a\":1}\n")
        #expect(outcome.report.results[0].termination == .signaled(Termination.brokenPipeSignal))
        #expect(outcome.report.results[1].termination == .exited(0))
    }

    @Test("when the reader fails, the reader is the failure, not the producer it cut off")
    func brokenPipeBehindFailure() throws {
        let stages = FakeStages()
        stages.add("clean", "head -n 1 > /dev/null; exit 2")
        let outcome = try stages.run(#"stages: [{run: [yes, "{}"]}, clean]"#)
        #expect(outcome.report.failures.map(\.label) == ["clean"])
    }

    @Test("${VAR:-default} reaches the stage's arguments, and the environment reaches the stage")
    func environment() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        stages.add("clean", #"sed "s/}\$/,\"greeting\":\"$GREETING\"}/""#)
        let yaml = #"stages: [{fetch: {paths: ["${WHO:-nobody}"]}}, clean]"#
        let defaulted = try stages.run(yaml, environment: ["GREETING": "hi"])
        #expect(defaulted.output == "{\"arg\":\"nobody\",\"greeting\":\"hi\"}\n")
        let set = try stages.run(yaml, environment: ["GREETING": "hello", "WHO": "ada"])
        #expect(set.output == "{\"arg\":\"ada\",\"greeting\":\"hello\"}\n")
    }

    @Test("two reports get the same records: the first is a tee")
    func teeToReports() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        let outcome = try stages.run("""
            stages:
              - fetch: { paths: [a, b, c] }
              - clean
              - report: { format: markdown, output: $DIR/out.md }
              - report: { format: html, output: $DIR/out.html }
            """)
        #expect(outcome.report.failures.isEmpty)
        let markdown = stages.read(stages.path("out.md"))
        #expect(markdown.split(separator: "\n").count == 3)
        #expect(markdown == stages.read(stages.path("out.html")))
    }

    @Test("a tee keeps feeding the next stage when a report stops reading")
    func teeSurvivesEarlyReader() throws {
        let stages = FakeStages()
        stages.add("report", "head -n 1 > /dev/null")
        let outcome = try stages.run("""
            stages:
              - run: [seq, "1", "20000"]
              - report: { output: x }
              - run: [wc, -l]
            """)
        #expect(outcome.report.failures.isEmpty)
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == "20000")
    }

    @Test("stage programs next to gleaner come before PATH")
    func siblingFirst() throws {
        let stages = FakeStages()
        stages.add("clean", "echo sibling")
        let elsewhere = stages.add("clean", "echo path", in: "bin")
        let locator = ExecutableLocator(siblingDirectory: stages.folder.path, searchPath: [stages.folder.appendingPathComponent("bin").path])
        #expect(locator.locate("clean") == stages.path("clean"))
        let onlyPath = ExecutableLocator(siblingDirectory: "/nonexistent", searchPath: [stages.folder.appendingPathComponent("bin").path])
        #expect(onlyPath.locate("clean") == elsewhere)
        #expect(onlyPath.locate("sh") == nil)
    }

    @Test("a missing program stops the run before anything starts")
    func missingProgram() throws {
        let stages = FakeStages()
        #expect(throws: RunError.self) { try stages.run("stages: [{run: [no-such-program-xyz]}]") }
        let error = #expect(throws: RunError.self) { try stages.run("stages: [clean]") }
        #expect(error?.description.hasPrefix("stage 'clean': cannot find the program 'clean' next to gleaner (") == true)
    }

    @Test("--stats: each stage's JSON line is collected, its other messages pass through")
    func stats() throws {
        let stages = FakeStages()
        stages.add("clean", #"""
            cat
            echo 'clean: a warning' >&2
            case "$*" in *--stats*) echo '{"stage":"clean","records_in":2,"records_out":2,"dead_lettered":1}' >&2;; esac
            """#)
        let outcome = try stages.run(#"stages: [{run: [printf, '{"a":1}\n{"a":2}\n']}, clean]"#, stats: true, countRecords: true)
        #expect(outcome.errors == "clean: a warning\n")
        #expect(outcome.report.results[1].stats?["records_in"] == .number(2))
        #expect(outcome.report.results[0].recordsOut == 2)
        let summary = outcome.report.statsJSON(pipeline: "test")
        #expect(summary.objectValue?["rejected"]?.objectValue?["dead_lettered"] == .number(1))
        #expect(summary.objectValue?["stages"]?.arrayValue?.count == 2)
    }

    @Test("the progress line shows records per stage and how each ended")
    func progressLine() {
        let line = StageProgress.line([
            StageProgress(label: "fetch", termination: .exited(0), seconds: 1, recordsOut: 2),
            StageProgress(label: "clean", termination: nil, seconds: 1, recordsOut: 1),
            StageProgress(label: "extract", termination: .exited(65), seconds: 1, recordsOut: nil),
        ])
        #expect(line == "fetch 2 ✓ → clean 1 … → extract ✗ exit status 65")
    }
}
