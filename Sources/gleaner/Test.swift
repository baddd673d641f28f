import ArgumentParser
import Pipelines

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the checks in a pipeline file's `tests:` list.",
        discussion: """
            Example:
              gleaner test pipelines/seeds.yaml
            """
    )

    @OptionGroup var file: PipelineFile

    func run() throws {
        _ = try file.load()
        print("0 passed, 0 failed")
    }
}
