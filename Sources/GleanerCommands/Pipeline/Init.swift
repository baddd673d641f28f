import ArgumentParser
import Foundation
import GleanerCore
import Pipelines

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter pipeline, with a sample article and a test.",
        discussion: """
            Writes NAME.yaml and NAME-sample.txt (in NAME's folder when it has one) and never \
            overwrites a file.

            Example:
              gleaner init news && gleaner test news.yaml && gleaner run news.yaml
            """
    )

    @Argument(help: ArgumentHelp("The pipeline's name, optionally with a folder (pipelines/news).", valueName: "name"))
    var name: String

    func run() throws {
        let files: [(path: String, text: String)]
        do {
            files = try StarterPipeline.files(for: name)
        } catch {
            throw ValidationError(error.description)
        }
        for file in files where FileManager.default.fileExists(atPath: file.path) {
            StandardError.write("gleaner: \(file.path) exists; not overwritten")
            throw ExitCode(73)  // EX_CANTCREAT
        }
        for file in files {
            guard FileManager.default.createFile(atPath: file.path, contents: Data(file.text.utf8)) else {
                StandardError.write("gleaner: cannot create \(file.path)")
                throw ExitCode(73)
            }
            print("wrote \(file.path)")
        }
        print("next: gleaner test \(files[0].path) && gleaner run \(files[0].path)")
    }
}
