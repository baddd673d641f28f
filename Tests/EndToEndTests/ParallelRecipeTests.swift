import Foundation
import Testing
import TestSupport

/// The README's GNU parallel recipe: `fetch --list-sources` splits the sources, `parallel --pipe`
/// runs `fetch --from-list - | … | report --partial` on each block, `report --merge` combines
/// the partials (in order, `--keep-order`). It must give the report `gleaner run` gives.
@Suite("GNU parallel recipe")
struct ParallelRecipeTests {
    static let parallel = ["/usr/bin/parallel", "/usr/local/bin/parallel"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// Runs when GNU parallel is installed, and always under CI (where its absence fails).
    static let enabled = parallel != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    @Test("parallel --pipe with report --partial/--merge gives gleaner run's report, on 300 documents", .enabled(if: enabled))
    func sameReport() throws {
        guard let parallel = Self.parallel else {
            Issue.record("CI=true but GNU parallel is not installed (Debian: apt-get install parallel)")
            return
        }
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GeneratedNews.write(count: 300, into: folder.appendingPathComponent("docs"))
        try """
            name: parallel-check
            stages:
              - fetch: { paths: [docs], fetched-at: "2023-12-07T00:00:00Z" }
              - clean
              - extract
              - normalize: { reference-date: "2023-12-07" }
              - report: { format: markdown, output: out/gleaner.md }
            """.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let run = try Executables.run("gleaner", ["run", "p.yaml"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")

        let recipe = """
            set -e
            fetch --list-sources docs \\
              | \(parallel) --will-cite --pipe --keep-order -N 100 -j 2 \\
                  'fetch --fetched-at 2023-12-07T00:00:00Z --from-list - | clean | extract | normalize --reference-date 2023-12-07 | report --partial' \\
              | report --merge --format markdown --output out/parallel.md
            """
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Executables.binDirectory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let piped = try Executables.run("/bin/sh", ["-c", recipe], directory: folder, environment: environment)
        #expect(piped.status == 0, "\(piped.stderr)")
        let expected = try Data(contentsOf: folder.appendingPathComponent("out/gleaner.md"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/parallel.md")) == expected)
        #expect(!expected.isEmpty)
    }
}
