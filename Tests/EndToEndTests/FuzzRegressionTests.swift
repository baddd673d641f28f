import Foundation
import Testing
import TestSupport

/// Every saved fuzz input replays without a crash: the seed corpora in Tests/Fuzz/corpus and
/// every crasher found (Tests/Fuzz/crashers/HARNESS/), through the `gleaner-fuzz` harnesses
/// built normally (libFuzzer runs them with `make fuzz`).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = Executables.packageRoot.appendingPathComponent("Tests/Fuzz")

    static var harnessFolders: [URL] {
        ["corpus", "crashers"].flatMap { kind -> [URL] in
            let folder = root.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test("each saved input runs through its harness and exits 0")
    func replay() throws {
        #expect(Self.harnessFolders.count >= 14, "a seed folder per harness")
        for folder in Self.harnessFolders {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
            guard !files.isEmpty else { continue }
            let result = try Executables.run("gleaner-fuzz", [folder.lastPathComponent] + files)
            #expect(result.status == 0 && !result.signalled, "\(folder.path): \(result.status) \(result.stderr.suffix(600))")
        }
    }
}
