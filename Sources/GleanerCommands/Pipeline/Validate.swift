import ArgumentParser
import Pipelines

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a pipeline file and report every problem with file:line:col.",
        discussion: """
            Exits 0 when the file is valid, 65 with every problem on stderr when it is not.

            Example:
              gleaner validate pipelines/seeds.yaml
            """
    )

    @OptionGroup var file: PipelineFile

    func run() throws {
        let pipeline = try file.load()
        let (stages, tests) = (pipeline.stages.count, pipeline.tests.count)
        print("\(file.path): ok (\(stages) stage\(stages == 1 ? "" : "s"), \(tests) test\(tests == 1 ? "" : "s"))")
    }
}
