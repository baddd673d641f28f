import ArgumentParser
import Foundation
import GleanerCore
import Pipelines

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline: each stage its own process, joined by pipes.",
        discussion: """
            Refuses an invalid file (exit 65). Stage programs are found next to gleaner first, then
            on PATH. When a stage fails, gleaner names it and exits with its status (128+N for a
            signal); a stage ended by SIGPIPE because a later stage stopped reading is not a failure.

            Example:
              REFERENCE_DATE=2024-01-31 gleaner run pipelines/seeds.yaml
              gleaner run --stats pipelines/seeds.yaml
              gleaner run --until normalize pipelines/seeds.yaml > normalized.ndjson
            """
    )

    @OptionGroup var file: PipelineFile

    @Flag(help: "Pass --stats to every built-in stage and print one JSON line for the whole run to stderr.")
    var stats = false

    @Option(help: ArgumentHelp(
        "Stop after this stage and write its records to standard output (reports before it are left out).",
        valueName: "stage"))
    var until: String?

    @Flag(inversion: .prefixedNo, help: "Show per-stage progress on stderr (default: when stderr is a terminal).")
    var progress: Bool?

    func run() throws {
        var pipeline = try file.load()
        if let until {
            let names = pipeline.stages.flatMap { [$0.label, $0.builtinName].compactMap { $0 } }
            guard names.contains(until) else {
                throw ValidationError("--until '\(until)' names no stage of \(file.path); its stages: \(pipeline.stages.map(\.label).joined(separator: ", "))")
            }
            pipeline = pipeline.prefix(through: until)
        }
        let environment = ProcessInfo.processInfo.environment
        let plan = ExecutionPlan(pipeline: pipeline, settings: .init(stats: stats))
        try prepareOutputs(of: pipeline)

        var runner = PipelineRunner(locator: .forCurrentProcess(environment: environment), environment: environment)
        let showProgress = progress ?? StandardError.isTerminal
        runner.countRecords = showProgress || stats
        runner.collectStats = stats
        if showProgress { runner.progress = ProgressLine.draw }

        let report: RunReport
        do {
            report = try runner.run(plan)
        } catch {
            StandardError.write("gleaner: \(error)")
            if case .notFound = error { throw ExitCode(SysExit.unavailable) }
            throw ExitCode(71)
        }
        if showProgress { ProgressLine.finish(report) }
        if stats { StandardError.write(JSONCodec.string(report.statsJSON(pipeline: pipeline.name))) }
        let failures = report.failures
        for failure in failures {
            let location = plan.commands[failure.index].location
            StandardError.write("gleaner: \(failure) (\(pipeline.file):\(location))")
        }
        if let first = failures.first { throw ExitCode(first.termination.runnerExitStatus) }
    }

    /// Creates the folders of report outputs and empties the dead-letter file, so each run's
    /// rejects are its own (stages append to it).
    private func prepareOutputs(of pipeline: Pipeline) throws {
        var files = pipeline.stages.compactMap { stage -> String? in
            if case .text(let path)? = stage.option("output") { return path }
            return nil
        }
        if let deadLetter = pipeline.deadLetter, pipeline.onError == .deadLetter { files.append(deadLetter) }
        for path in files {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        if let deadLetter = pipeline.deadLetter, pipeline.onError == .deadLetter {
            guard FileManager.default.createFile(atPath: deadLetter, contents: Data()) else {
                StandardError.write("gleaner: cannot create the dead-letter file \(deadLetter)")
                throw ExitCode(SysExit.ioError)
            }
        }
    }
}

/// Draws the progress line on stderr (a terminal), redrawn in place.
enum ProgressLine {
    @Sendable static func draw(_ stages: [StageProgress]) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + StageProgress.line(stages)).utf8))
    }

    static func finish(_ report: RunReport) {
        let line = StageProgress.line(report.results.map(StageProgress.init(result:)))
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + String(format: "  (%.1fs)\n", report.seconds)).utf8))
    }
}
