import ArgumentParser
import Pipelines

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the shell pipeline that does what a pipeline file does.",
        discussion: """
            Environment references are expanded; a report that is not the last stage becomes \
            `tee >(report ...)` (bash).

            Example:
              gleaner explain pipelines/seeds.yaml | bash
            """
    )

    @OptionGroup var file: PipelineFile

    @Flag(help: "Add --stats to every built-in stage, as `gleaner run --stats` does.")
    var stats = false

    func run() throws {
        let pipeline = try file.load()
        let plan = ExecutionPlan(pipeline: pipeline, settings: .init(stats: stats))
        let summary = pipeline.summary.map { ": " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""
        print("# \(pipeline.name)\(summary)")
        print(Explanation.shell(plan))
    }
}
