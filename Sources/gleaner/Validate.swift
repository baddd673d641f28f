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
        let tests = pipeline.tests.count
        print("\(file.path): ok (\(pipeline.stages.count) stages, \(tests) test\(tests == 1 ? "" : "s"))")
    }
}
