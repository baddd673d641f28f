import ArgumentParser
import Foundation
import GleanerCore
import Pipelines

/// The pipeline file argument every subcommand takes, and loading it with diagnostics.
struct PipelineFile: ParsableArguments {
    @Argument(help: ArgumentHelp("The pipeline YAML file.", valueName: "file"))
    var path: String

    @Option(help: ArgumentHelp(
        "Resolve the file's relative paths against this folder (default: the pipeline file's own folder; `.` for the current one).",
        valueName: "dir"))
    var cwd: String?

    /// The pipeline with its relative paths resolved, or every problem printed to stderr and exit 65.
    /// - Parameter allowingUncheckedTests: accept tests that check nothing yet (for `test --update`).
    func load(allowingUncheckedTests: Bool = false) throws -> Pipeline {
        do throws(PipelineDiagnostics) {
            var loader = PipelineLoader(environment: ProcessInfo.processInfo.environment)
            loader.allowsUncheckedTests = allowingUncheckedTests
            let pipeline = try loader.load(contentsOf: path)
            let resolved = PathResolution.resolve(pipeline, against: cwd ?? PathResolution.folder(of: path))
            let missing = PathResolution.missingFiles(resolved) { FileManager.default.fileExists(atPath: $0) }
            if !missing.isEmpty { throw PipelineDiagnostics(missing) }
            return resolved
        } catch {
            Diagnostics.print(error)
            throw ExitCode(FileManager.default.fileExists(atPath: path) ? SysExit.dataError : SysExit.noInput)
        }
    }
}

/// Prints pipeline diagnostics to stderr, in red on a terminal.
enum Diagnostics {
    static func print(_ error: PipelineDiagnostics) {
        let colour = StandardError.isTerminal
        for diagnostic in error.diagnostics {
            let position = "\(diagnostic.file):\(diagnostic.location):"
            StandardError.write(colour ? "\u{1B}[1m\(position)\u{1B}[0m \u{1B}[31m\(diagnostic.message)\u{1B}[0m"
                : "\(position) \(diagnostic.message)")
        }
        let count = error.diagnostics.count
        StandardError.write("gleaner: \(count) problem\(count == 1 ? "" : "s") in \(error.diagnostics.first?.file ?? "the file")")
    }
}
