import Foundation
public import GleanerCore
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of one test of a pipeline file.
public struct TestOutcome: Sendable, Hashable {
    /// The test's name.
    public var name: String
    /// One result per check; a run that failed gives one failed check saying why.
    public var checks: [CheckResult]

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }
}

/// Runs a pipeline file's `tests:`: each test's input goes through the pipeline's stages up
/// to `until` (default: every stage before the first report), and the records that come out
/// are checked against the test's expectations.
public struct PipelineTester: Sendable {
    /// The runner the stages run with (its standard streams are replaced per test).
    public var runner: PipelineRunner

    /// Creates a tester.
    public init(runner: PipelineRunner) {
        self.runner = runner
    }

    /// The pipeline a test runs: stages cut at `until`, `fetch` reading the test's input (or
    /// left out for an `.ndjson` input, fed on stdin), and bad records failing the run.
    public static func pipeline(for test: PipelineTest, of pipeline: Pipeline) -> Pipeline {
        var result = pipeline.prefix(through: test.until)
        result.stages = result.stages.compactMap { stage in
            guard stage.builtinName == "fetch" else { return stage }
            if test.input.hasSuffix(".ndjson") { return nil }
            var stage = stage
            stage.options.removeAll { $0.name == "paths" || $0.name == "urls" }
            stage.options.append(StageOption("paths", .list([test.input])))
            return stage
        }
        result.onError = .fail
        result.deadLetter = nil
        return result
    }

    /// Runs one test.
    public func run(_ test: PipelineTest, of pipeline: Pipeline) -> TestOutcome {
        switch output(of: test, in: pipeline) {
        case .success(let records):
            return TestOutcome(name: test.name, checks: ExpectationMatcher.check(test, records: records))
        case .failure(let failure):
            return TestOutcome(
                name: test.name, checks: [CheckResult(passed: false, message: failure.message, location: test.location)])
        }
    }

    /// Why a test's pipeline gave no records to check.
    public struct RunFailure: Error, Sendable, Hashable {
        /// What went wrong.
        public var message: String
    }

    /// The records a test's pipeline writes for its input.
    public func output(of test: PipelineTest, in pipeline: Pipeline) -> Result<[JSONObject], RunFailure> {
        let derived = Self.pipeline(for: test, of: pipeline)
        func failure(_ message: String) -> Result<[JSONObject], RunFailure> { .failure(RunFailure(message: message)) }
        let feedsRecords = test.input.hasSuffix(".ndjson")
        let input = open(feedsRecords ? test.input : "/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return failure("cannot read the input \(test.input)") }
        defer { close(input) }
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("gleaner-test-\(UUID().uuidString).ndjson").path
        let output = open(outputPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { return failure("cannot create a temporary file in \(outputPath)") }
        defer {
            close(output)
            unlink(outputPath)
        }
        var runner = runner
        runner.standardInput = input
        runner.standardOutput = output
        runner.progress = nil
        let plan = ExecutionPlan(pipeline: derived)
        let report: RunReport
        do {
            report = try runner.run(plan)
        } catch {
            return failure(error.description)
        }
        if let failed = report.failures.first { return failure("the pipeline failed: \(failed)") }
        guard let data = FileManager.default.contents(atPath: outputPath) else {
            return failure("cannot read the pipeline's output")
        }
        var records: [JSONObject] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard case .object(let record)? = try? JSONCodec.parse(line) else {
                return failure("output line \(number + 1) is not a JSON object")
            }
            records.append(record)
        }
        return .success(records)
    }

    /// Runs every test of a pipeline, in file order.
    public func runAll(_ pipeline: Pipeline) -> [TestOutcome] {
        pipeline.tests.map { run($0, of: pipeline) }
    }
}
