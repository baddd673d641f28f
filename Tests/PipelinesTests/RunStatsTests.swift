import Foundation
import GleanerCore
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Pipelines

/// What `gleaner run` says about a run: its rejects, its dead letters and its progress.
@Suite("run stats, dead-letter summary and the progress line")
struct RunStatsTests {
    @Test("every stage's rejects are counted, fetch's failed sources included")
    func rejectsOfEveryStage() {
        let report = RunReport(results: [
            StageResult(label: "fetch", termination: .exited(0), stats: ["stage": "fetch", "failed": 1, "records_out": 2]),
            StageResult(label: "clean", termination: .exited(0), stats: ["dead_lettered": 2, "skipped": 0]),
            StageResult(label: "extract", termination: .exited(0), stats: ["dead_lettered": 1, "skipped": 0]),
        ])
        let json = report.statsJSON(pipeline: "p", deadLettering: true)
        #expect(json.objectValue?["rejected"] == .object(["skipped": 0, "dead_lettered": 4]))
        let skipping = report.statsJSON(pipeline: "p", deadLettering: false)
        #expect(skipping.objectValue?["rejected"] == .object(["skipped": 1, "dead_lettered": 3]))
    }

    @Test("the dead-letter file is summarised by stage and reason, with a source")
    func deadLetterSummary() {
        let lines = """
            {"stage":"fetch","source":"missing.txt","reason":"cannot read missing.txt: No such file or directory"}
            {"stage":"clean","line":2,"reason":"not JSON","input":"x"}
            {"stage":"clean","line":5,"source":"b.txt","reason":"not JSON","input":"y"}
            """
        #expect(RunReport.deadLetterSummary(Array(lines.utf8), file: "out/r.ndjson") == [
            "3 records went to the dead-letter file out/r.ndjson:",
            "  fetch: cannot read missing.txt: No such file or directory",
            "  2× clean: not JSON (b.txt, …)",
        ])
        #expect(RunReport.deadLetterSummary([], file: "x").isEmpty)
    }

    @Test("the progress line shows rate, total and ETA when the total is known")
    func progressLine() {
        let stages = [
            StageProgress(label: "fetch", termination: .exited(0), seconds: 1, recordsOut: 40),
            StageProgress(label: "clean", termination: nil, seconds: 2, recordsOut: 20),
            StageProgress(label: "report", termination: nil, seconds: 2, recordsOut: nil),
        ]
        #expect(StageProgress.line(stages, total: 40, elapsed: 2)
            == "fetch 40 ✓ → clean 20 … → report …  20/40 records, 10/s, ETA 0:02")
        #expect(StageProgress.line(stages, total: nil, elapsed: 4) == "fetch 40 ✓ → clean 20 … → report …  20 records, 5.0/s")
        #expect(StageProgress.clock(3725) == "1:02:05")
    }

    @Test("the total is the number of local files fetch reads")
    func totalOfLocalFiles() throws {
        let pipeline = try PipelineLoader(environment: [:]).load(
            yaml: "stages:\n  - fetch: { paths: [\"\(Fixtures.root)/seeds/*.txt\", \"https://example.com/\"] }\n", file: "p.yaml")
        #expect(ProgressTotal.estimate(pipeline) == 3)
        let feeds = try PipelineLoader(environment: [:]).load(
            yaml: "stages:\n  - fetch: { paths: [a.xml], follow-feeds: true }\n", file: "p.yaml")
        #expect(ProgressTotal.estimate(feeds) == nil)
    }

    @Test("with a progress display, stages' messages go through the runner, above the progress line")
    func stageMessagesThroughDisplay() throws {
        let stages = FakeStages()
        _ = stages.add("clean", #"""
            cat
            if [ -t 2 ]; then echo 'clean: stderr is a terminal' >&2; else echo 'clean: stderr is the runner' >&2; fi
            """#)
        let pipeline = try PipelineLoader(environment: [:]).load(
            yaml: #"stages: [{run: [printf, '{"a":1}\n']}, clean]"#, file: "t.yaml")
        let displayPath = stages.path("display")
        let descriptor = open(displayPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let output = open("/dev/null", O_WRONLY)
        defer {
            close(descriptor)
            close(output)
        }
        let display = ProgressDisplay(descriptor: descriptor)
        var runner = stages.runner()
        runner.standardOutput = output
        runner.countRecords = true
        runner.errorLines = { display.message($0) }
        runner.progress = { display.draw(StageProgress.line($0)) }
        let report = try runner.run(ExecutionPlan(pipeline: pipeline))
        display.finish(StageProgress.line(report.results.map(StageProgress.init(result:))))
        let text = stages.read(displayPath)
        #expect(text.contains("\r\u{1B}[Kclean: stderr is the runner\n"), "\(text.debugDescription)")
        #expect(text.hasSuffix("\r\u{1B}[Krun printf 1 ✓ → clean ✓\n"), "\(text.debugDescription)")
    }
}
