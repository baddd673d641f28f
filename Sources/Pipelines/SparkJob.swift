import Foundation
public import GleanerCore

/// Why a pipeline cannot run on Spark.
public struct SparkJobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

/// A pipeline laid out for Apache Spark (`gleaner run --engine spark`).
///
/// The driver only splits the sources: `fetch --list-sources` gives the resolved items (paths,
/// URLs, WARC files), or a source program's output is saved to the shared folder and cut into
/// byte ranges at line ends. Each partition runs on an executor through every stage from `fetch`
/// on, as a pipe of processes with the job's environment and working folder, ending in
/// `report --partial`; it writes its result to the shared folder. The driver then merges the
/// partials with each report stage run with `--merge`, or streams the part files (no reports),
/// in partition order. On a cluster, the stage programs must be at the same paths on every node
/// and the shared folder must be one folder every node and the driver see.
public struct SparkJob: Sendable, Hashable {
    /// The job description the driver script reads (JSON).
    public var spec: JSONValue

    /// Environment variables that belong to the runner's Python and Java, not to the stages.
    static let driverOnlyVariables = ["PYSPARK_SUBMIT_ARGS", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON"]

    /// Lays out a plan for Spark.
    /// - Parameters:
    ///   - plan: the pipeline's processes.
    ///   - name: the application name Spark shows.
    ///   - workers: the `N` of `local[N]` and the number of partitions.
    ///   - master: a Spark master URL; default `local[workers]`.
    ///   - locator: where the stage programs are found (they are passed with absolute paths).
    ///   - environment: what every stage process gets, on every node.
    ///   - workingDirectory: the folder stages run in (relative paths resolve there).
    ///   - conf: Spark settings (`spark.executor.memory` …).
    /// - Throws: ``SparkJobError`` when a stage comes after a report, or a program is missing.
    public init(
        plan: ExecutionPlan, name: String, workers: Int, master: String? = nil, locator: ExecutableLocator,
        environment: [String: String] = [:], workingDirectory: String = "", conf: [String: String] = [:]
    ) throws(SparkJobError) {
        let split: SplitPlan
        do {
            split = try SplitPlan(plan: plan, engine: "the spark engine")
        } catch {
            throw SparkJobError(description: error.description)
        }
        func located(_ command: StageCommand) throws(SparkJobError) -> (argv: [String], label: String) {
            guard let program = command.arguments.first, let path = locator.locate(program) else {
                throw SparkJobError(description: "stage '\(command.label)': cannot find the program \(locator.searchedDescription)")
            }
            return ([path] + command.arguments.dropFirst(), command.label)
        }
        var fetch: (argv: [String], label: String)?
        var source: (argv: [String], label: String)?
        switch split.source {
        case .fetch(let command): fetch = try located(command)  // split on the driver, run on the executors
        case .program(let command): source = try located(command)  // a program that makes its records: run once
        case .standardInput: break
        }
        var stages: [[String]] = []
        for command in split.stages { stages.append(try located(command).argv) }
        let labels = split.stages.map(\.label)
        var reports: [(argv: [String], label: String)] = []
        for command in split.reports { reports.append((try located(command).argv + ["--merge"], command.label)) }
        func strings(_ argv: [String]) -> JSONValue { .array(argv.map { .string($0) }) }
        let partial: JSONValue = reports.first.map { strings([$0.argv[0], "--partial"]) } ?? .null
        var stageEnvironment = environment
        for name in Self.driverOnlyVariables { stageEnvironment[name] = nil }
        spec = .object([
            "app": .string("gleaner \(name)"),
            "master": .string(master ?? "local[\(workers)]"),
            "partitions": .number(Double(workers)),
            "fetch": fetch.map { strings($0.argv) } ?? .null,
            "fetch_label": .string(fetch?.label ?? ""),
            "source": source.map { strings($0.argv) } ?? .null,
            "source_label": .string(source?.label ?? ""),
            "stages": .array(stages.map(strings)),
            "labels": strings(labels),
            "partial": partial,
            "reports": .array(reports.map { strings($0.argv) }),
            "report_labels": strings(reports.map(\.label)),
            "environment": .object(JSONObject(stageEnvironment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            "cwd": .string(workingDirectory),
            "conf": .object(JSONObject(conf.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
    }

    /// Writes the driver script and the job description into `folder` and returns the plan
    /// that runs the driver with `python`.
    /// - Parameters:
    ///   - folder: a new folder for the job's files, removed by the caller after the run.
    ///   - shared: where the executors write part files and partials; default `folder/parts`
    ///     (right for `local[N]`; a cluster needs a folder every node sees).
    /// - Throws: ``SparkJobError`` when the files cannot be written.
    public func driverPlan(python: String, folder path: String, shared: String? = nil) throws(SparkJobError) -> ExecutionPlan {
        let folder = URL(fileURLWithPath: path)
        let script = folder.appendingPathComponent("gleaner_spark.py")
        let specFile = folder.appendingPathComponent("job.json")
        var spec = spec
        if case .object(var fields) = spec {
            fields["folder"] = .string(folder.path)
            fields["shared"] = .string(shared ?? folder.appendingPathComponent("parts").path)
            spec = .object(fields)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(SparkDriver.script.utf8).write(to: script)
            try Data(JSONCodec.string(spec).utf8).write(to: specFile)
        } catch {
            throw SparkJobError(description: "cannot write the spark driver into \(folder.path): \(error)")
        }
        return ExecutionPlan(commands: [
            StageCommand(label: "spark", arguments: [python, script.path, specFile.path], input: nil, isBuiltin: false),
        ])
    }
}
