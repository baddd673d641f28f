import ArgumentParser
import Foundation
import GleanerCore
import Pipelines

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline: each stage its own process, joined by pipes.",
        discussion: """
            Refuses an invalid file (exit 65). Stage programs are found next to gleaner first, \
            then on PATH. When a stage fails, gleaner names it and exits with its status (128+N for \
            a signal); a stage ended by SIGPIPE because a later stage stopped reading is not a failure.

            Example:
              REFERENCE_DATE=2024-01-31 gleaner run pipelines/seeds.yaml
              gleaner run --stats pipelines/seeds.yaml
              gleaner run --until normalize pipelines/seeds.yaml > normalized.ndjson
              gleaner run --engine spark --workers 2 pipelines/seeds.yaml
            """
    )

    @OptionGroup var file: PipelineFile

    @Flag(help: "Pass --stats to every built-in stage and print one JSON line for the whole run to stderr.")
    var stats = false

    @Option(help: ArgumentHelp(
        "Stop after this stage and write its records to standard output (reports before it are left out).",
        valueName: "stage"))
    var until: String?

    @Option(help: "Where the stages run: local (processes joined by pipes) or spark (pyspark, local[N] unless --master).")
    var engine: Engine = .local

    @Option(help: ArgumentHelp("Spark: partitions and local[N] threads (default: the number of CPUs).", valueName: "n"))
    var workers: Int?

    @Option(help: ArgumentHelp("Spark: the master URL, for a cluster (default local[N]).", valueName: "url"))
    var master: String?

    @Option(help: ArgumentHelp(
        "Spark: a folder the driver and every node see (NFS, a mounted bucket), for part files and partials (default: a temporary folder, right for local[N]).",
        valueName: "dir"))
    var sharedFolder: String?

    @Option(help: ArgumentHelp("Spark: a setting passed to Spark, e.g. spark.executor.memory=4g (repeatable).", valueName: "key=value"))
    var conf: [String] = []

    @Flag(inversion: .prefixedNo, help: "Show per-stage progress on stderr (default: when stderr is a terminal).")
    var progress: Bool?

    @Option(help: ArgumentHelp(
        "Stop a stage still running after this long (90, 30s, 5m, 2h): SIGTERM, SIGKILL 5 s later; exit 124.",
        valueName: "duration"))
    var stageTimeout: String?

    func validate() throws {
        // Executors on other machines cannot write their partials into the driver's own
        // temporary folder.
        if engine == .spark, let master, !master.hasPrefix("local"), sharedFolder == nil {
            throw ValidationError(
                "--master '\(master)' runs executors on other machines: give --shared-folder DIR, a folder the driver and every executor see at the same path")
        }
    }

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
        var plan = ExecutionPlan(pipeline: pipeline, settings: .init(stats: stats))
        let stageSeconds = try stageTimeout.map { text in
            guard let seconds = PipelineLoader.duration(text) else {
                throw ValidationError("--stage-timeout: '\(text)' is not a duration such as 90, 30s, 5m or 2h")
            }
            return seconds
        }
        try prepareOutputs(of: pipeline)

        let locator = ExecutableLocator.forCurrentProcess(environment: environment)
        var runner = PipelineRunner(locator: locator, environment: environment)
        var sparkFolder: String?
        if engine == .spark {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-spark-\(UUID().uuidString)").path
            sparkFolder = folder
            plan = try sparkPlan(plan, pipeline: pipeline, locator: locator, environment: environment, folder: folder)
        }
        defer {
            // The job's files and, in a shared folder, its own subfolder of part files.
            if let sparkFolder {
                try? FileManager.default.removeItem(atPath: sparkFolder)
                if let sharedFolder { try? FileManager.default.removeItem(atPath: Self.sharedSubfolder(sharedFolder, sparkFolder)) }
            }
        }
        let showProgress = engine == .local && (progress ?? StandardError.isTerminal)
        runner.countRecords = showProgress || stats
        runner.collectStats = stats
        runner.stageTimeout = stageSeconds
        runner.timeout = pipeline.timeout
        let display = ProgressDisplay()
        let total = showProgress ? ProgressTotal.estimate(pipeline) : nil
        if showProgress {
            let interval = runner.progressInterval
            runner.errorLines = { display.message($0) }
            runner.progress = { display.draw(StageProgress.line($0, total: total, elapsed: Self.elapsed($0, interval))) }
        }

        let report: RunReport
        do {
            report = try runner.run(plan)
        } catch {
            StandardError.write("gleaner: \(error)")
            if engine == .spark, case .notFound = error {
                StandardError.write("gleaner: the spark engine runs its driver with GLEANER_PYTHON, .venv/bin/python or python3; set GLEANER_PYTHON to a python that has pyspark")
            }
            if case .notFound = error { throw ExitCode(SysExit.unavailable) }
            throw ExitCode(71)
        }
        if showProgress {
            let stages = report.results.map(StageProgress.init(result:))
            display.finish(StageProgress.line(stages, total: total, elapsed: report.seconds) + String(format: "  (%.1fs)", report.seconds))
        }
        let deadLettering = pipeline.onError == .deadLetter && pipeline.deadLetter != nil
        if stats {
            StandardError.write(JSONCodec.string(report.statsJSON(pipeline: pipeline.name, deadLettering: deadLettering)))
        }
        if deadLettering, let deadLetter = pipeline.deadLetter, OutputFile.isRegularFile(deadLetter),
            let contents = FileManager.default.contents(atPath: deadLetter)
        {
            for line in RunReport.deadLetterSummary(Array(contents), file: deadLetter) { StandardError.write("gleaner: " + line) }
        }
        if let signal = report.signal {
            StandardError.write("gleaner: stopped by signal \(signal); every stage was signalled and has ended")
            throw ExitCode(128 + signal)
        }
        if !report.timedOut.isEmpty {
            let limit = [stageSeconds.map { "--stage-timeout \($0) s" }, pipeline.timeout.map { "timeout: \($0) s" }]
                .compactMap { $0 }.joined(separator: " or ")
            for index in report.timedOut {
                StandardError.write("gleaner: stage \(index + 1) '\(plan.commands[index].label)' was stopped after \(limit)")
            }
            throw ExitCode(124)
        }
        let failures = report.failures
        // The spark driver has already named the stage that failed inside it.
        for failure in failures where engine == .local {
            let location = plan.commands[failure.index].location
            StandardError.write("gleaner: \(failure)" + (location.line > 0 ? " (\(pipeline.file):\(location))" : ""))
        }
        if let first = failures.first { throw ExitCode(first.termination.runnerExitStatus) }
    }

    /// Seconds the run has taken, from the stages still running (they carry the run's clock).
    private static func elapsed(_ stages: [StageProgress], _ interval: Double) -> Double {
        stages.map(\.seconds).max() ?? interval
    }

    /// The one-process plan that runs the pipeline's PySpark driver.
    private func sparkPlan(
        _ plan: ExecutionPlan, pipeline: Pipeline, locator: ExecutableLocator, environment: [String: String], folder: String
    ) throws -> ExecutionPlan {
        var settings: [String: String] = [:]
        for pair in conf {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--conf takes key=value, e.g. spark.executor.memory=4g (got '\(pair)')")
            }
            settings[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        do {
            let count = workers ?? ProcessInfo.processInfo.activeProcessorCount
            let job = try SparkJob(
                plan: plan, name: pipeline.name, workers: max(1, count), master: master, locator: locator,
                environment: environment, workingDirectory: FileManager.default.currentDirectoryPath, conf: settings)
            return try job.driverPlan(
                python: Self.python(environment: environment), folder: folder,
                shared: sharedFolder.map { Self.sharedSubfolder($0, folder) })
        } catch {
            StandardError.write("gleaner: \(error)")
            throw ExitCode(SysExit.usage)
        }
    }

    /// This run's own folder inside `--shared-folder`.
    static func sharedSubfolder(_ shared: String, _ folder: String) -> String {
        URL(fileURLWithPath: shared).appendingPathComponent(URL(fileURLWithPath: folder).lastPathComponent).path
    }

    /// `GLEANER_PYTHON`, else the project's `.venv/bin/python`, else `python3` on PATH.
    static func python(environment: [String: String]) -> String {
        if let python = environment["GLEANER_PYTHON"], !python.isEmpty { return python }
        let venv = FileManager.default.currentDirectoryPath + "/.venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// Creates the folders of report outputs and empties the dead-letter file, so each run's
    /// rejects are its own (stages append to it). Folders are resolved as the kernel resolves
    /// them and checked before any stage starts; a device or FIFO is never replaced.
    private func prepareOutputs(of pipeline: Pipeline) throws {
        var files = pipeline.stages.compactMap { stage -> String? in
            if case .text(let path)? = stage.option("output") { return path }
            return nil
        }
        let deadLetter = pipeline.onError == .deadLetter ? pipeline.deadLetter : nil
        if let deadLetter { files.append(deadLetter) }
        do {
            for path in files { try OutputFile.prepareFolder(for: path) }
            if let deadLetter { try OutputFile.empty(deadLetter) }
        } catch {
            StandardError.write("gleaner: \(error)")
            throw ExitCode(error.exitStatus == SysExit.noInput ? 73 : error.exitStatus)
        }
    }
}

/// Where `gleaner run` runs the stages.
enum Engine: String, ExpressibleByArgument {
    case local
    case spark
}

