import Foundation
import Testing
import TestSupport

/// The seeds pipeline as a user runs it: the built executables joined by pipes.
@Suite("Seeds pipeline, end to end")
struct SeedsPipelineTests {
    static let fixedTime = "2024-01-01T00:00:00Z"

    /// `fetch seeds/*.txt | clean | extract | normalize`, with a fixed fetch time.
    static func normalizedSeeds(referenceDate: String? = nil) throws -> ProcessResult {
        var normalizeArguments: [String] = []
        if let referenceDate { normalizeArguments = ["--reference-date", referenceDate] }
        return try Executables.pipeline([
            ("fetch", ["--fetched-at", fixedTime, "seeds/000_1b62458d474aedcb.txt", "seeds/001_550b7ae7a5070b9e.txt"]),
            ("clean", []), ("extract", []), ("normalize", normalizeArguments),
        ])
    }

    @Test("meets every fact in the acceptance file (check-seeds: 0 failed)")
    func acceptance() throws {
        let records = try Self.normalizedSeeds()
        #expect(records.status == 0, "pipeline failed: \(records.stderr)")
        let checker = Executables.packageRoot.appendingPathComponent("Tests/Fixtures/check-seeds").path
        let spec = Executables.packageRoot.appendingPathComponent("Tests/Fixtures/acceptance-seeds.yaml").path
        let check = try Executables.run("/usr/bin/env", ["python3", checker, spec], input: records.stdout)
        let closing = check.lines.last ?? ""
        #expect(closing.hasSuffix(" 0 failed"), "check-seeds said:\n\(check.output)\(check.stderr)")
        #expect(check.status == 0)
    }

    @Test("the same input gives byte-identical output on every run")
    func deterministic() throws {
        let first = try Self.normalizedSeeds(referenceDate: "2023-12-07")
        let second = try Self.normalizedSeeds(referenceDate: "2023-12-07")
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.lines.count == 2)
    }

    @Test("every mention's offsets select its text (code points, half-open)")
    func offsetsAreExact() throws {
        let records = try Self.normalizedSeeds()
        for line in records.lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = Array((record["text"] as? String ?? "").unicodeScalars)
            let mentions = record["mentions"] as? [[String: Any]] ?? []
            #expect(!mentions.isEmpty)
            for mention in mentions {
                let start = mention["start"] as! Int, end = mention["end"] as! Int
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: text[start..<end])
                #expect(String(slice) == mention["text"] as? String)
            }
        }
    }

    @Test("a closed stdout ends a stage quietly with status 0")
    func closedStdout() throws {
        let input = Data(String(repeating: #"{"text":"On December 7, 2023 the ministry paid $2.5 million."}"# + "\n", count: 50_000).utf8)
        let script = "\"$1\" < \"$2\" | head -1 >/dev/null; echo \"${PIPESTATUS[0]}\""
        let file = TemporaryFiles.file(input)
        let result = try Executables.run("/bin/bash", ["-c", script, "bash", Executables.path("extract"), file.path])
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "extract stderr: \(result.stderr)")
    }
}
