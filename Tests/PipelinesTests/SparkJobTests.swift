import Foundation
import GleanerCore
import Testing
import TestSupport
@testable import Pipelines

/// `gleaner run --engine spark`: how a pipeline is laid out for Spark (the real runs are in
/// EndToEndTests/SparkEngineTests).
@Suite("spark engine")
struct SparkJobTests {
    func plan(_ yaml: String) throws -> ExecutionPlan {
        ExecutionPlan(pipeline: try PipelineLoader(environment: [:]).load(yaml: yaml, file: "x.yaml"))
    }

    @Test("fetch is split on the driver and runs on the executors with the filters; reports as --partial then --merge")
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
            name: "x", workers: 3, locator: stages.runner().locator, environment: ["REFERENCE_DATE": "2024-01-31", "PYSPARK_SUBMIT_ARGS": "x"],
            workingDirectory: "/data", conf: ["spark.executor.memory": "2g"])
        let spec = try #require(job.spec.objectValue)
        let dir = stages.folder.path
        #expect(spec["master"] == "local[3]")
        #expect(spec["fetch"] == .array(["\(dir)/fetch", "a", "b"].map { .string($0) }))
        #expect(spec["source"] == .null)
        #expect(spec["environment"] == ["REFERENCE_DATE": "2024-01-31"])
        #expect(spec["cwd"] == "/data")
        #expect(spec["conf"] == ["spark.executor.memory": "2g"])
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

    @Test("a fetch that follows feeds runs once, so an article several feeds list is written once; the stages after it are split")
    func followingFeeds() throws {
        let stages = FakeStages()
        stages.addStandardStages()
        let job = try SparkJob(
            plan: try plan("stages: [{fetch: {urls: [feeds.txt], follow-feeds: true}}, clean, {report: {output: a.md}}]"),
            name: "x", workers: 2, locator: stages.runner().locator)
        let spec = try #require(job.spec.objectValue)
        let dir = stages.folder.path
        #expect(spec["fetch"] == .null)
        #expect(spec["source"] == .array(["\(dir)/fetch", "--urls", "feeds.txt", "--follow-feeds"].map { .string($0) }))
        #expect(spec["source_label"] == "fetch")
        #expect(spec["stages"] == .array([.array([.string("\(dir)/clean")])]))
    }

    @Test("a dashed path after -- stays a path: --follow-feeds there is not the option")
    func dashedFollowFeeds() throws {
        let plan = try plan(#"stages: [{fetch: {paths: ["--follow-feeds"]}}]"#)
        let split = try SplitPlan(plan: plan, engine: "x")
        #expect(plan.commands[0].arguments == ["fetch", "--", "--follow-feeds"])
        #expect(split.source == .fetch(plan.commands[0]))
    }
}
