import Foundation
import Testing
import TestSupport

/// GNU parallel as a path of its own: `fetch --list-sources` splits the sources, `parallel --pipe`
/// runs `fetch --from-list - | … | report --partial` on each block, `report --merge` combines the
/// partials (in order, `--keep-order`). Both the README's recipe and the script
/// `gleaner explain --parallel N` prints must give what `gleaner run` gives.
@Suite("GNU parallel")
struct ParallelRecipeTests {
    static let parallel = ["/usr/bin/parallel", "/usr/local/bin/parallel"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// Runs when GNU parallel is installed, and always under CI (where its absence fails).
    static let enabled = parallel != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// A folder with `count` generated documents in `docs` and `p.yaml` over them, ending in `reports`.
    func corpus(count: Int, reports: String) throws -> URL {
        let folder = TemporaryFiles.folder()
        try GeneratedNews.write(count: count, into: folder.appendingPathComponent("docs"))
        try """
            name: parallel-check
            stages:
              - fetch: { paths: [docs], fetched-at: "2023-12-07T00:00:00Z" }
              - clean
              - extract
              - normalize: { reference-date: "2023-12-07" }
            \(reports)
            """.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// `script` run by bash in `folder`, with the stage programs and `parallel` on PATH.
    func bash(_ script: String, in folder: URL) throws -> ProcessResult {
        guard let parallel = Self.parallel else {
            Issue.record("CI=true but GNU parallel is not installed (Debian: apt-get install parallel)")
            throw ParallelUnavailable()
        }
        var environment = ProcessInfo.processInfo.environment
        let directories = [Executables.binDirectory.path, URL(fileURLWithPath: parallel).deletingLastPathComponent().path]
        environment["PATH"] = directories.joined(separator: ":") + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return try Executables.run("/bin/bash", ["-c", script], directory: folder, environment: environment)
    }

    struct ParallelUnavailable: Error {}

    @Test("the README recipe with report --partial/--merge gives gleaner run's report, on 300 documents", .enabled(if: enabled))
    func recipe() throws {
        let folder = try corpus(count: 300, reports: "  - report: { format: markdown, output: out/gleaner.md }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Executables.run("gleaner", ["run", "p.yaml"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let piped = try bash("""
            set -e
            fetch --list-sources docs \\
              | parallel --will-cite --pipe --keep-order -N 100 -j 2 \\
                  'fetch --fetched-at 2023-12-07T00:00:00Z --from-list - | clean | extract | normalize --reference-date 2023-12-07 | report --partial' \\
              | report --merge --format markdown --output out/parallel.md
            """, in: folder)
        #expect(piped.status == 0, "\(piped.stderr)")
        let expected = try Data(contentsOf: folder.appendingPathComponent("out/gleaner.md"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/parallel.md")) == expected)
        #expect(!expected.isEmpty)
    }

    @Test("gleaner explain --parallel 2 prints a script whose markdown and JSON reports are gleaner run's, on 700 documents", .enabled(if: enabled))
    func explainedReports() throws {
        let folder = try corpus(count: 700, reports: """
              - report: { format: markdown, output: out/report.md }
              - report: { format: json, output: "out/report one.json" }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = ["out/report.md", "out/report one.json"].map { folder.appendingPathComponent($0) }
        let run = try Executables.run("gleaner", ["run", "p.yaml"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try reports.map { try Data(contentsOf: $0) }
        for report in reports { try FileManager.default.removeItem(at: report) }

        let explained = try Executables.run("gleaner", ["explain", "--parallel", "2", "--block-items", "64", "p.yaml"], directory: folder)
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.output.contains("parallel --pipe --keep-order -N 64 -j 2 gleaner_block"))
        let script = folder.appendingPathComponent("run.sh")
        try explained.output.write(to: script, atomically: true, encoding: .utf8)
        let piped = try bash("set -eo pipefail; source run.sh", in: folder)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try reports.map { try Data(contentsOf: $0) } == expected)
        #expect(expected.allSatisfy { !$0.isEmpty })
    }

    @Test("gleaner explain --parallel without a report gives gleaner run's records, in order", .enabled(if: enabled))
    func explainedRecords() throws {
        let folder = try corpus(count: 250, reports: "")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Executables.run("gleaner", ["run", "p.yaml"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let explained = try Executables.run("gleaner", ["explain", "--parallel", "3", "--block-items", "40", "p.yaml"], directory: folder)
        #expect(explained.status == 0, "\(explained.stderr)")
        let piped = try bash(explained.output, in: folder)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == run.stdout)
        #expect(run.output.split(separator: "\n").count == 250)
    }

    @Test("gleaner explain --parallel refuses a stage after a report, naming it and the file")
    func explainRefuses() throws {
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "stages: [clean, {report: {output: a.md}}, {run: [cat]}]\n".write(
            to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let explained = try Executables.run("gleaner", ["explain", "--parallel", "2", "p.yaml"], directory: folder)
        #expect(explained.status == 2)
        #expect(explained.stderr.contains("p.yaml") && explained.stderr.contains("stage 'run cat' comes after a report"))
        #expect(explained.stdout.isEmpty)
    }
}
