import Foundation
import GleanerCore
import Reporting
import TestSupport
import Testing

@Suite("Running report on files")
struct ReportJobTests {
    static let seeds = Fixtures.folder.appendingPathComponent("seeds.ndjson").path

    func run(_ job: ReportJob) -> (status: Int32, diagnostics: [String]) {
        var lines: [String] = []
        let status = job.run { lines.append($0) }
        return (status, lines)
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test("--output writes the report and leaves no temporary file", arguments: ReportFormat.allCases)
    func writesOutput(format: ReportFormat) throws {
        let folder = TemporaryFiles.folder()
        let path = folder.appendingPathComponent("report.\(format.fileExtension)").path
        let result = run(ReportJob(settings: StageSettings(inputs: [Self.seeds]), format: format, output: path))
        #expect(result.status == SysExit.ok)
        #expect(!read(path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.\(format.fileExtension)"])
    }

    @Test("a failed run leaves the previous report untouched")
    func atomicOnFailure() throws {
        let folder = TemporaryFiles.folder()
        let path = folder.appendingPathComponent("report.md").path
        try "previous report\n".write(toFile: path, atomically: true, encoding: .utf8)
        let bad = TemporaryFiles.file(Data((read(Self.seeds) + "[1, 2]\n").utf8)).path
        let result = run(ReportJob(settings: StageSettings(inputs: [bad]), output: path))
        #expect(result.status == SysExit.dataError)
        #expect(result.diagnostics.contains { $0.hasSuffix("line 3: not a JSON object (found an array)") })
        #expect(read(path) == "previous report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
    }

    @Test("bad lines are dead-lettered and nothing is lost")
    func deadLetters() throws {
        let folder = TemporaryFiles.folder()
        let input = TemporaryFiles.file(Data(("not json\n" + read(Self.seeds) + "{\"mentions\": 3}\n").utf8)).path
        let letters = folder.appendingPathComponent("rejects.ndjson").path
        let output = folder.appendingPathComponent("report.json").path
        let result = run(ReportJob(settings: StageSettings(deadLetter: letters, stats: true, inputs: [input]), format: .json, output: output))
        #expect(result.status == SysExit.ok)
        let rejected = read(letters).split(separator: "\n")
        #expect(rejected.count == 2)
        #expect(rejected.last?.contains("field 'mentions' should be an array") == true)
        let stats = try JSONCodec.parse(result.diagnostics.first { $0.hasPrefix("{\"stage\":\"report\"") }!).objectValue!
        #expect(stats["records_in"] == 4)
        #expect(stats["records_out"] == 2)
        #expect(stats["dead_lettered"] == 2)
        let report = try JSONCodec.parse(read(output)).objectValue!
        #expect(report["counts"]?.objectValue?["records"] == 2)
    }

    @Test("a missing input exits 66 naming it")
    func missingInput() {
        let result = run(ReportJob(settings: StageSettings(inputs: ["/nonexistent/records.ndjson"])))
        #expect(result.status == SysExit.noInput)
        #expect(result.diagnostics.first?.contains("'/nonexistent/records.ndjson'") == true)
    }

    @Test("--partial files merged with --merge give the report of all records")
    func partialThenMerge() throws {
        let folder = TemporaryFiles.folder()
        let lines = read(Self.seeds).split(separator: "\n")
        var partials: [String] = []
        for (index, line) in lines.enumerated() {
            let input = folder.appendingPathComponent("part-\(index).ndjson")
            try Data((line + "\n").utf8).write(to: input)
            let partial = folder.appendingPathComponent("agg-\(index).ndjson").path
            #expect(run(ReportJob(settings: StageSettings(inputs: [input.path]), partial: true, output: partial)).status == 0)
            partials.append(partial)
        }
        let merged = folder.appendingPathComponent("merged.md").path
        let direct = folder.appendingPathComponent("direct.md").path
        #expect(run(ReportJob(settings: StageSettings(inputs: partials.reversed()), merge: true, output: merged)).status == 0)
        #expect(run(ReportJob(settings: StageSettings(inputs: [Self.seeds]), output: direct)).status == 0)
        #expect(read(merged) == read(direct))
        #expect(read(merged).contains("## Conflicting figures\n\n1. "))
    }

    @Test("--merge refuses records that are not partials")
    func mergeRefusesRecords() {
        let result = run(ReportJob(settings: StageSettings(inputs: [Self.seeds]), merge: true))
        #expect(result.status == SysExit.dataError)
        #expect(result.diagnostics.first?.contains("line 1: not a report partial") == true)
    }

    @Test("--jobs gives the same report as one thread")
    func jobs() {
        let folder = TemporaryFiles.folder()
        let records = SyntheticRecords.make(count: 700, seed: 3).map { JSONCodec.string(.object($0)) }.joined(separator: "\n")
        let input = TemporaryFiles.file(Data(records.utf8)).path
        let one = folder.appendingPathComponent("one.json").path, two = folder.appendingPathComponent("two.json").path
        #expect(run(ReportJob(settings: StageSettings(inputs: [input]), format: .json, output: one)).status == 0)
        #expect(run(ReportJob(settings: StageSettings(jobs: 2, inputs: [input]), format: .json, output: two)).status == 0)
        #expect(read(one) == read(two))
        #expect(!read(one).isEmpty)
    }
}
