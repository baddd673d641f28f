import ArgumentParser
import Foundation
import GleanerCore
import Pipelines

/// The pipeline file argument every subcommand takes, and loading it with diagnostics.
struct PipelineFile: ParsableArguments {
    @Argument(help: ArgumentHelp("The pipeline YAML file.", valueName: "file"))
    var path: String

    /// The pipeline, or every problem printed to stderr and exit 65.
    func load() throws -> Pipeline {
        do {
            return try PipelineLoader(environment: ProcessInfo.processInfo.environment).load(contentsOf: path)
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
