import Foundation
import GleanerCore
import Testing
import TestSupport

/// The runner as people use it: from any folder, with rejects, and from `gleaner init`.
@Suite("gleaner run, test and init, as used every day")
struct RunnerEverydayTests {
    @Test("cd elsewhere && gleaner run /path/to/pipelines/seeds.yaml reads and writes beside the file")
    func runFromAnotherFolder() throws {
        let project = try SeedsRunTests.scratchProject()
        let elsewhere = TemporaryFiles.folder()
        let file = project.appendingPathComponent("pipelines/seeds.yaml").path
        let result = try Executables.run("gleaner", ["run", file], directory: elsewhere)
        #expect(result.status == 0, "gleaner run said: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("out/seeds.md").path))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("out").path))
    }

    @Test("a source that went to the dead-letter file is named on stderr with its reason, and counted")
    func deadLettersSummarised() throws {
        let project = try SeedsRunTests.scratchProject()
        let file = project.appendingPathComponent("pipelines/seeds.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "paths: [\"../seeds/*.txt\"]", with: "paths: [\"../seeds/*.txt\", \"../seeds/missing.txt\"]")
        try Data(yaml.utf8).write(to: file)
        let result = try Executables.run("gleaner", ["run", "--stats", "pipelines/seeds.yaml"], directory: project)
        #expect(result.stderr.contains("gleaner: 1 record went to the dead-letter file out/seeds.rejects.ndjson:"), "\(result.stderr)")
        #expect(result.stderr.contains("gleaner:   fetch: ") && result.stderr.contains("missing.txt"), "\(result.stderr)")
        let rejects = try String(contentsOf: project.appendingPathComponent("out/seeds.rejects.ndjson"), encoding: .utf8)
        let statsLine = result.stderr.split(separator: "\n").first { $0.hasPrefix("{\"pipeline\"") }.map(String.init) ?? "{}"
        let stats = try JSONCodec.parse(statsLine).objectValue?["rejected"]?.objectValue
        #expect(stats?["dead_lettered"]?.numberValue == Double(rejects.split(separator: "\n").count))
    }

    @Test("gleaner init writes a pipeline whose test passes and which runs")
    func initStarter() throws {
        let folder = TemporaryFiles.folder()
        let made = try Executables.run("gleaner", ["init", "news"], directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let tested = try Executables.run("gleaner", ["test", "news.yaml"], directory: folder)
        #expect(tested.status == 0, "\(tested.output)\(tested.stderr)")
        let ran = try Executables.run("gleaner", ["run", "news.yaml"], directory: folder)
        #expect(ran.status == 0, "\(ran.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("out/news.md"), encoding: .utf8)
        #expect(report.contains("USD 4,200,000"))
        let again = try Executables.run("gleaner", ["init", "news"], directory: folder)
        #expect(again.status == 73 && again.stderr.contains("exists; not overwritten"))
    }

    @Test("gleaner test --update makes a failing test pass, changing only its lines")
    func updateExpectations() throws {
        let folder = TemporaryFiles.folder()
        _ = try Executables.run("gleaner", ["init", "news"], directory: folder)
        let file = folder.appendingPathComponent("news.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "amount: 4200000", with: "amount: 4000000").utf8).write(to: file)
        #expect(try Executables.run("gleaner", ["test", "news.yaml"], directory: folder).status == 1)
        let updated = try Executables.run("gleaner", ["test", "--update", "news.yaml"], directory: folder)
        #expect(updated.status == 0, "\(updated.output)\(updated.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }
}
