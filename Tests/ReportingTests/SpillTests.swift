import Foundation
import GleanerCore
import Reporting
import TestSupport
import Testing

@Suite("Report in bounded memory: spilled runs merged")
struct SpillTests {
    static let records = SyntheticRecords.make(count: 400, seed: 12)

    func run(_ job: ReportJob) -> Int32 { job.run { _ in } }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func input() -> String {
        TemporaryFiles.file(Data(Self.records.map { JSONCodec.string(.object($0)) }.joined(separator: "\n").utf8)).path
    }

    @Test("a tiny budget (many spills) gives the report of no spill, byte for byte", arguments: [ReportFormat.markdown, .html, .json])
    func identicalReports(format: ReportFormat) {
        let folder = TemporaryFiles.folder(), input = input()
        let whole = folder.appendingPathComponent("whole").path, spilled = folder.appendingPathComponent("spilled").path
        #expect(run(ReportJob(settings: StageSettings(inputs: [input]), format: format, output: whole, memoryBudget: nil)) == 0)
        #expect(run(ReportJob(settings: StageSettings(inputs: [input]), format: format, output: spilled, memoryBudget: 4096)) == 0)
        #expect(!read(whole).isEmpty)
        #expect(read(spilled) == read(whole))
    }

    @Test("--partial and --merge with a tiny budget write the bytes of no spill")
    func identicalPartials() {
        let folder = TemporaryFiles.folder(), input = input()
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        #expect(run(ReportJob(settings: StageSettings(inputs: [input]), partial: true, output: path("whole.ndjson"), memoryBudget: nil)) == 0)
        #expect(run(ReportJob(settings: StageSettings(inputs: [input]), partial: true, output: path("spilled.ndjson"), memoryBudget: 4096)) == 0)
        #expect(read(path("spilled.ndjson")).split(separator: "\n").count > 100)
        #expect(read(path("spilled.ndjson")) == read(path("whole.ndjson")))
        // The merge of a partial with itself, spilled and not, as a partial and as a report.
        let both = [path("whole.ndjson"), path("spilled.ndjson")]
        #expect(run(ReportJob(settings: StageSettings(inputs: both), partial: true, merge: true, output: path("m1"), memoryBudget: nil)) == 0)
        #expect(run(ReportJob(settings: StageSettings(inputs: both), partial: true, merge: true, output: path("m2"), memoryBudget: 2048)) == 0)
        #expect(read(path("m2")) == read(path("m1")))
        #expect(run(ReportJob(settings: StageSettings(inputs: both), merge: true, output: path("r1"), memoryBudget: nil)) == 0)
        #expect(run(ReportJob(settings: StageSettings(inputs: both), merge: true, output: path("r2"), memoryBudget: 2048)) == 0)
        #expect(read(path("r2")) == read(path("r1")))
    }

    @Test("runs go to a temporary folder that is removed when done, and when dropped on an error")
    func folderRemoved() throws {
        let base = TemporaryFiles.folder()
        var spilling = SpillingAggregate(budget: 2048, temporaryBase: base.path)
        for record in Self.records.prefix(60) { try spilling.merge(try Aggregate(record: record)) }
        #expect(spilling.spills > 10)
        // While it runs: one folder, its runs already unlinked (their space freed at exit however it comes).
        let during = try FileManager.default.contentsOfDirectory(atPath: base.path)
        #expect(during.count == 1 && during[0].hasPrefix("gleaner-report-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(during[0]).path).isEmpty)
        let aggregate = try spilling.finish()
        #expect(aggregate == Fixtures.aggregate(Array(Self.records.prefix(60))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)

        var abandoned: SpillingAggregate? = SpillingAggregate(budget: 1024, temporaryBase: base.path)
        for record in Self.records.prefix(20) { try abandoned!.merge(try Aggregate(record: record)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).count == 1)
        abandoned = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    @Test("a folder runs cannot be written to is an I/O error naming it")
    func unwritableFolder() throws {
        var spilling = SpillingAggregate(budget: 1, temporaryBase: "/nonexistent/spill")
        #expect(throws: IOFailure.self) {
            for record in Self.records.prefix(3) { try spilling.merge(try Aggregate(record: record)) }
        }
        do {
            try spilling.merge(try Aggregate(record: Self.records[0]))
        } catch {
            #expect("\(error)".contains("/nonexistent/spill"))
        }
    }

    @Test("--memory-budget sizes: bytes, KB, MB, GB, none; anything else is refused quoting it")
    func budgets() {
        func parsed(_ text: String) -> Int?? {
            guard case .success(let bytes) = SpillingAggregate.budget(parsing: text) else { return nil }
            return .some(bytes)
        }
        #expect(parsed("64MB") == .some(64 << 20))
        #expect(parsed("512kb") == .some(512 << 10))
        #expect(parsed("1G") == .some(1 << 30))
        #expect(parsed("4096") == .some(4096))
        #expect(parsed("none") == .some(nil))
        guard case .failure(let error) = SpillingAggregate.budget(parsing: "12 parsecs") else {
            Issue.record("a size with an unknown unit was accepted")
            return
        }
        #expect(error.description.contains("'12 parsecs'"))
        #expect(parsed("-5MB") == nil)
        #expect(parsed("") == nil)
    }
}
