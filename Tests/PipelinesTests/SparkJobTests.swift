import Foundation
import GleanerCore
import Testing
import TestSupport
@testable import Pipelines

/// `gleaner run --engine spark`: how a pipeline is laid out for Spark, and (when pyspark is
/// installed in .venv) a real local[2] run with stand-in stages.
@Suite("spark engine")
struct SparkJobTests {
    func plan(_ yaml: String) throws -> ExecutionPlan {
        ExecutionPlan(pipeline: try PipelineLoader(environment: [:]).load(yaml: yaml, file: "x.yaml"))
    }

    @Test("fetch runs once on the driver, filters per partition, reports as --partial then --merge")
    func layout() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        let job = try SparkJob(
            plan: try plan("""
                stages:
                  - fetch: { paths: [a, b] }
                  - clean
                  - report: { format: markdown, output: out/a.md }
                  - report: { format: html, output: out/a.html }
                """),
            name: "x", workers: 3, locator: stages.runner().locator)
        let spec = try #require(job.spec.objectValue)
        let dir = stages.folder.path
        #expect(spec["master"] == "local[3]")
        #expect(spec["source"] == .array(["\(dir)/fetch", "a", "b"].map { .string($0) }))
        #expect(spec["stages"] == .array([.array([.string("\(dir)/clean")])]))
        #expect(spec["partial"] == .array([.string("\(dir)/report"), "--partial"]))
        #expect(spec["reports"]?.arrayValue?.count == 2)
        #expect(spec["reports"]?.arrayValue?.first == .array(
            ["\(dir)/report", "--format", "markdown", "--output", "out/a.md", "--merge"].map { .string($0) }))
    }

    @Test("a stage after a report cannot be distributed")
    func stageAfterReport() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        #expect(throws: SparkJobError.self) {
            try SparkJob(plan: try plan("stages: [clean, {report: {output: a}}, {run: [cat]}]"), name: "x", workers: 2,
                         locator: stages.runner().locator)
        }
    }

    static var python: String? {
        let python = Executables.packageRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python),
              let result = try? Executables.run(python, ["-c", "import pyspark"]), result.status == 0 else { return nil }
        return python
    }

    @Test("a local[2] Spark run gives the records of the local run, in order",
          .enabled(if: python != nil, "pyspark is not installed in .venv (pip install pyspark)"))
    func realRun() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        let pipeline = try PipelineLoader(environment: [:]).load(
            yaml: "stages: [{fetch: {paths: [a, b, c, d, e]}}, clean, extract]", file: "x.yaml")
        let plan = ExecutionPlan(pipeline: pipeline)
        let job = try SparkJob(plan: plan, name: "test", workers: 2, locator: stages.runner().locator)
        let driver = try job.driverPlan(python: try #require(Self.python), folder: stages.path("spark"))
        let spark = try Executables.run(driver.commands[0].arguments[0], Array(driver.commands[0].arguments.dropFirst()))
        #expect(spark.status == 0, "\(spark.stderr)")
        let local = try stages.run("stages: [{fetch: {paths: [a, b, c, d, e]}}, clean, extract]")
        #expect(spark.output == local.output)
        #expect(spark.lines.count == 5)
    }
}
