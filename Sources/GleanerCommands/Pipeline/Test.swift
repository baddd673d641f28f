import ArgumentParser
import Foundation
import GleanerCore
import Pipelines

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the checks in a pipeline file's `tests:` list.",
        discussion: """
            Each test feeds its input to the pipeline's stages up to `until` (default: every \
            stage before the first report) and checks the records that come out. Prints one line \
            per test, each failed check with its file:line:col, then `N passed, M failed` \
            (counting checks). Exits 1 when a check fails.

            Example:
              gleaner test pipelines/seeds.yaml
            """
    )

    @OptionGroup var file: PipelineFile

    func run() throws {
        let pipeline = try file.load()
        let environment = ProcessInfo.processInfo.environment
        let runner = PipelineRunner(locator: .forCurrentProcess(environment: environment), environment: environment)
        let outcomes = PipelineTester(runner: runner).runAll(pipeline)
        var passed = 0
        var failed = 0
        for outcome in outcomes {
            print("\(outcome.passed ? "ok  " : "FAIL") \(outcome.name)")
            for check in outcome.checks {
                if check.passed {
                    passed += 1
                } else {
                    failed += 1
                    print("     \(pipeline.file):\(check.location): \(check.message)")
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
