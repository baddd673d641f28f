import Foundation
import Testing
import TestSupport

/// `gleaner run` with the real stages gives what the shell pipe gives.
@Suite("gleaner run on the seeds")
struct GleanerRunTests {
    @Test("the records before the report are byte for byte those of the shell pipe")
    func sameAsShellPipe() throws {
        let bin = Executables.binDirectory.path
        let viaGleaner = try Executables.run("gleaner", ["run", "--until", "normalize", "pipelines/seeds.yaml"])
        #expect(viaGleaner.status == 0, "\(viaGleaner.stderr)")
        let shell = "'\(bin)/fetch' --fetched-at 2023-12-07T00:00:00Z seeds/*.txt | '\(bin)/clean' | '\(bin)/extract'"
            + " | '\(bin)/normalize' --reference-date 2023-12-07 --rates ecb"
        let viaShell = try Executables.run("/bin/sh", ["-c", shell])
        #expect(viaShell.status == 0, "\(viaShell.stderr)")
        #expect(viaGleaner.stdout == viaShell.stdout)
        #expect(!viaGleaner.stdout.isEmpty)
    }

    @Test("the seeds pipeline file is valid and explains to the same stages")
    func validateAndExplain() throws {
        let validate = try Executables.run("gleaner", ["validate", "pipelines/seeds.yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let explain = try Executables.run("gleaner", ["explain", "pipelines/seeds.yaml"])
        #expect(explain.output.contains("fetch --fetched-at 2023-12-07T00:00:00Z"))
        #expect(explain.output.contains("| tee >(report --format markdown --output out/seeds.md"))
    }
}
