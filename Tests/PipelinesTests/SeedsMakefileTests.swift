import Foundation
import Testing
import TestSupport

/// pipelines/seeds.mk: one rule per stage, so make reruns only what changed.
@Suite("pipelines/seeds.mk")
struct SeedsMakefileTests {
    func make(_ stages: FakeStages, _ variables: [String] = []) throws -> ProcessResult {
        try Executables.run(
            "/usr/bin/make",
            ["-s", "-f", Fixtures.root + "/pipelines/seeds.mk", "BIN=" + stages.folder.path, "OUT=" + stages.path("out"),
             "SEEDS=" + stages.path("doc.txt")] + variables,
            directory: stages.folder, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test("a second make does nothing; a new reference date reruns normalize and the reports only")
    func incremental() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/make"), "make is not installed")
        let stages = FakeStages()
        stages.addStandardStages()
        // Each stand-in stage logs its name, so the test sees which rules ran.
        for name in ["fetch", "clean", "extract", "normalize", "report"] {
            let original = stages.read(stages.path(name)).replacingOccurrences(of: "#!/bin/sh\n", with: "")
            stages.add(name, "echo \(name) >> \(stages.path("ran.log"))\n" + original)
        }
        try Data("text".utf8).write(to: stages.folder.appendingPathComponent("doc.txt"))
        func ran() -> [String] {
            defer { try? FileManager.default.removeItem(atPath: stages.path("ran.log")) }
            return stages.read(stages.path("ran.log")).split(separator: "\n").map(String.init)
        }

        #expect(try make(stages).status == 0)
        #expect(ran() == ["fetch", "clean", "extract", "normalize", "report", "report"])
        #expect(stages.read(stages.path("out/seeds.md")) == stages.read(stages.path("out/normalized.ndjson")))

        #expect(try make(stages).status == 0)
        #expect(ran() == [])

        #expect(try make(stages, ["REFERENCE_DATE=2024-01-31"]).status == 0)
        #expect(ran() == ["normalize", "report", "report"])
    }
}
