import GleanerCore
import Reporting
import Testing

@Suite("CSV: one row per mention")
struct CSVWriterTests {
    @Test("the seeds give one row per mention, with typed value columns")
    func rowsPerMention() throws {
        let writer = CSVWriter()
        var labels = CSVWriter.DocumentLabels()
        let rows = try Fixtures.seedRecords.map { record in
            let prepared = try writer.prepare(record)
            return prepared.text(label: labels.label(for: prepared.documentID))
        }.joined()
        let lines = rows.split(separator: "\r\n")
        let mentionCount = Fixtures.seedRecords.reduce(0) { $0 + $1["mentions"]!.arrayValue!.count }
        #expect(lines.count == mentionCount)
        #expect(writer.header.hasPrefix("document,document_id,source,kind,text,amount,currency,"))
        // The document is labelled as the other formats label it; its id has its own column.
        let report = Fixtures.report(Fixtures.seedRecords)
        for entry in report.documents {
            #expect(lines.contains { $0.hasPrefix("\(entry.label),\(entry.summary.key),") }, "\(entry.label)")
        }
        let shipment = lines.first { $0.contains(",money,2.5 million dollars,") }
        #expect(shipment?.contains(",2500000,USD,2318000,EUR,") == true)
        let date = lines.first { $0.contains(",date,1982,") }
        #expect(date?.contains(",1982,year,") == true)
    }

    @Test("a mention without a value leaves the value columns empty")
    func withoutValue() throws {
        let record = Fixtures.record(id: "a", text: "It cost 5 euros.", mentions: [(.money, "5 euros", nil)])
        let row = try CSVWriter().rows(record, label: "D1")
        #expect(row == "D1,a,,money,5 euros,,,,,,,,,,,,,,,,8,15,0,It cost 5 euros.\r\n")
    }
}
