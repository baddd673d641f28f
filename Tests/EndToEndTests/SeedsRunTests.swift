import Foundation
import Testing
import TestSupport

/// `gleaner run pipelines/seeds.yaml` as `make run` does it, in a scratch copy of the project files it needs.
@Suite("Seeds pipeline file, end to end")
struct SeedsRunTests {
    /// A scratch folder holding copies of seeds/ and pipelines/seeds.yaml.
    static func scratchProject() throws -> URL {
        let folder = TemporaryFiles.folder()
        for item in ["seeds", "pipelines"] {
            try FileManager.default.copyItem(
                at: Executables.packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    @Test("run writes the markdown and HTML reports with the seeds' facts and no rejects")
    func runWritesReports() throws {
        let project = try Self.scratchProject()
        let result = try Executables.run("gleaner", ["run", "pipelines/seeds.yaml"], directory: project)
        #expect(result.status == 0, "gleaner run said: \(result.stderr)")
        let markdown = try String(contentsOf: project.appendingPathComponent("out/seeds.md"), encoding: .utf8)
        let html = try String(contentsOf: project.appendingPathComponent("out/seeds.html"), encoding: .utf8)
        for fact in ["Israel Opens Refugee Camps in Azerbaijan", "2.5 million dollars", "EUR 26.1 million", "Avigdor Lieberman", "Odesa"] {
            #expect(markdown.contains(fact), "out/seeds.md lacks \(fact)")
            #expect(html.contains(fact), "out/seeds.html lacks \(fact)")
        }
        #expect(html.contains("<svg"))
        // The conflict card sets the shekel amount beside the euro one, at the ECB rate of the article's day.
        for text in ["≈ EUR 22,578,460.15", "1 ILS = 0.250872 EUR, rates of 2023-12-07"] {
            #expect(markdown.contains(text), "out/seeds.md lacks \(text)")
            #expect(html.contains(text), "out/seeds.html lacks \(text)")
        }
        let rejects = project.appendingPathComponent("out/seeds.rejects.ndjson")
        let rejected = (try? String(contentsOf: rejects, encoding: .utf8)) ?? ""
        #expect(rejected.isEmpty, "rejects: \(rejected)")
    }

    @Test("the file's own tests pass")
    func fileTestsPass() throws {
        let project = try Self.scratchProject()
        let result = try Executables.run("gleaner", ["test", "pipelines/seeds.yaml"], directory: project)
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.lines.last?.hasSuffix(" 0 failed") == true, "\(result.output)")
    }

    @Test("a usage error exits 2, as DESIGN.md says", arguments: ["fetch", "clean", "extract", "normalize", "report", "gleaner"])
    func usageError(stage: String) throws {
        let result = try Executables.run(stage, ["--no-such-option"])
        #expect(result.status == 2, "\(stage) exited \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("Error:"), "\(stage) said: \(result.stderr)")
    }
}
