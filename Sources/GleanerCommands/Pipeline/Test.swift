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

            With --update, rewrites the failing checks in the file so they hold for what the \
            pipeline writes now (and fills an empty `expect: []` with every mention found), \
            leaving comments and the rest of the file as written: review the change with git diff.

            Example:
              gleaner test pipelines/seeds.yaml
              gleaner test --update pipelines/seeds.yaml && git diff pipelines/seeds.yaml
            """
    )

    @OptionGroup var file: PipelineFile

    @Flag(help: "Rewrite failing checks (and empty `expect: []` lists) to what the pipeline writes now.")
    var update = false

    func run() throws {
        let pipeline = try file.load(allowingUncheckedTests: update)
        let environment = ProcessInfo.processInfo.environment
        let runner = PipelineRunner(locator: .forCurrentProcess(environment: environment), environment: environment)
        let tester = PipelineTester(runner: runner)
        if update { try self.update(pipeline, tester: tester) }
        let outcomes = tester.runAll(update ? try file.load() : pipeline)
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

    /// Runs every test, rewrites the file's failing checks and prints what changed.
    private func update(_ pipeline: Pipeline, tester: PipelineTester) throws {
        var outputs: [(test: PipelineTest, records: [JSONObject])] = []
        for test in pipeline.tests {
            switch tester.output(of: test, in: pipeline) {
            case .success(let records): outputs.append((test, records))
            case .failure(let failure): StandardError.write("gleaner: test '\(test.name)' not updated: \(failure.message)")
            }
        }
        guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else {
            StandardError.write("gleaner: cannot read \(file.path)")
            throw ExitCode(SysExit.noInput)
        }
        let result = ExpectationUpdate.update(yaml: text, file: file.path, outputs: outputs)
        for line in result.skipped { StandardError.write("gleaner: \(line)") }
        guard !result.changes.isEmpty else {
            print("\(file.path): every check holds; nothing to update")
            return
        }
        do {
            try result.text.write(toFile: file.path, atomically: true, encoding: .utf8)
        } catch {
            StandardError.write("gleaner: cannot write \(file.path): \(error)")
            throw ExitCode(SysExit.ioError)
        }
        result.changes.forEach { print($0) }
        print("\(file.path): \(result.changes.count) check\(result.changes.count == 1 ? "" : "s") updated; review with git diff")
    }
}
