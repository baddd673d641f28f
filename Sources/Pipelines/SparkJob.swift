import Foundation
public import GleanerCore

/// Why a pipeline cannot run on Spark.
public struct SparkJobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

/// A pipeline laid out for Apache Spark (`gleaner run --engine spark`).
///
/// The driver runs the first stage (`fetch`) once, splits its records into partitions, and
/// sends each partition through the filter stages as a pipe of processes on a Spark executor,
/// ending in `report --partial`. The partial aggregates are combined on the driver by each
/// report stage run with `--merge`. Without reports, the records come back in order on
/// standard output. On a cluster, the stage programs must be at the same paths on every node.
public struct SparkJob: Sendable, Hashable {
    /// The job description the driver script reads (JSON).
    public var spec: JSONValue

    /// Lays out a plan for Spark.
    /// - Parameters:
    ///   - plan: the pipeline's processes.
    ///   - name: the application name Spark shows.
    ///   - workers: the `N` of `local[N]` and the number of partitions.
    ///   - master: a Spark master URL; default `local[workers]`.
    ///   - locator: where the stage programs are found (they are passed with absolute paths).
    /// - Throws: ``SparkJobError`` when a stage comes after a report, or a program is missing.
    public init(
        plan: ExecutionPlan, name: String, workers: Int, master: String? = nil, locator: ExecutableLocator
    ) throws(SparkJobError) {
        var source: [String]?
        var stages: [[String]] = []
        var labels: [String] = []
        var reports: [[String]] = []
        for (index, command) in plan.commands.enumerated() {
            guard let program = command.arguments.first, let path = locator.locate(program) else {
                throw SparkJobError(description: "stage '\(command.label)': cannot find the program \(locator.searchedDescription)")
            }
            let argv = [path] + command.arguments.dropFirst()
            let isReport = command.isBuiltin && program == "report"
            // The first stage runs once on the driver unless it is a built-in filter (which
            // is spread over the partitions like the others): fetch, or a run: program that
            // makes its records itself or reads the runner's input.
            if index == 0, !command.isBuiltin || program == "fetch" {
                source = argv
            } else if isReport {
                if argv.contains("--partial") || argv.contains("--merge") {
                    throw SparkJobError(description: "stage '\(command.label)': the spark engine adds --partial and --merge itself")
                }
                reports.append(argv + ["--merge"])
            } else if !reports.isEmpty {
                throw SparkJobError(description: "stage '\(command.label)' comes after a report; the spark engine runs reports last")
            } else {
                stages.append(argv)
                labels.append(command.label)
            }
        }
        let partial: JSONValue = reports.isEmpty ? .null : .array([
            .string(reports[0][0]), .string("--partial"),
        ])
        func strings(_ argv: [String]) -> JSONValue { .array(argv.map { .string($0) }) }
        spec = .object([
            "app": .string("gleaner \(name)"),
            "master": .string(master ?? "local[\(workers)]"),
            "partitions": .number(Double(workers)),
            "source": source.map(strings) ?? .null,
            "stages": .array(stages.map(strings)),
            "labels": strings(labels),
            "partial": partial,
            "reports": .array(reports.map(strings)),
        ])
    }

    /// Writes the driver script and the job description into `folder` and returns the plan
    /// that runs the driver with `python`.
    /// - Throws: ``SparkJobError`` when the files cannot be written.
    public func driverPlan(python: String, folder path: String) throws(SparkJobError) -> ExecutionPlan {
        let folder = URL(fileURLWithPath: path)
        let script = folder.appendingPathComponent("gleaner_spark.py")
        let specFile = folder.appendingPathComponent("job.json")
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
