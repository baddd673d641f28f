public import GleanerCore
import Dispatch

/// One run of `report`: read records (or partials), write a report (or a partial).
///
/// The executable parses arguments and calls ``run(diagnostics:)``; the
/// diagnostics go through the closure so tests can run a whole job.
public struct ReportJob: Sendable {
    public var settings: StageSettings
    public var format: ReportFormat
    public var title: String
    /// Write the aggregate as NDJSON instead of a report.
    public var partial: Bool
    /// Read partials instead of records.
    public var merge: Bool
    /// A file to write atomically; nil for standard output.
    public var output: String?
    /// The bytes the aggregate may hold before it spills a sorted run to a temporary folder
    /// (see ``SpillingAggregate``); nil: never spill.
    public var memoryBudget: Int?

    public init(
        settings: StageSettings, format: ReportFormat = .markdown, title: String = "Gleaner report",
        partial: Bool = false, merge: Bool = false, output: String? = nil,
        memoryBudget: Int? = SpillingAggregate.defaultBudget
    ) {
        self.settings = settings
        self.format = format
        self.title = title
        self.partial = partial
        self.merge = merge
        self.output = output
        self.memoryBudget = memoryBudget
    }

    /// The record fields a report reads; the rest of each record is skipped unread.
    public static let recordFields: Set<String> = [
        Field.id, Field.source, Field.title, Field.published, Field.text, Field.mentions, Field.entities,
    ]

    /// Runs the job and returns its exit status (sysexits), sending each diagnostic line to `diagnostics`.
    public func run(diagnostics: @escaping (String) -> Void) -> Int32 {
        let started = DispatchTime.now()
        var loop: RecordLoop
        do {
            loop = try RecordLoop(name: "report", settings: settings, diagnostics: diagnostics)
        } catch {
            diagnostics("report: \(error)")
            return error.exitStatus
        }
        var sink: OutputFile?
        defer {
            if settings.stats {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                diagnostics(loop.statistics.json(stage: "report", seconds: seconds))
            }
        }
        do {
            let destination = try output.map { path throws(IOFailure) in try OutputFile(path: path) } ?? OutputFile.standardOutput()
            sink = destination
            if format == .csv && !partial && !merge {
                let writer = CSVWriter()
                var labels = CSVWriter.DocumentLabels()
                try destination.write(writer.header)
                try loop.run(fields: Self.recordFields, prepare: { record in try writer.prepare(record) }, consume: { rows in
                    try destination.write(rows.text(label: labels.label(for: rows.documentID)))
                })
            } else {
                var aggregate = SpillingAggregate(budget: memoryBudget)
                if merge {
                    try loop.run(fields: nil, prepare: { $0 }, consume: { line in
                        try aggregate.add(partialLine: line)
                    })
                } else {
                    try loop.run(fields: Self.recordFields, prepare: { record in try Aggregate(record: record) }, consume: { one in
                        try aggregate.merge(one)
                    })
                }
                if partial {
                    try aggregate.writePartial { line in try destination.write(JSONCodec.string(line) + "\n") }
                } else {
                    // The report holds what it needs; the aggregate is freed before rendering.
                    let report = try aggregate.report()
                    try Self.write(report, format: format, title: title, to: destination)
                }
            }
            try destination.flush()
            try destination.commit()
        } catch is ClosedOutput {
            sink?.abandon()
            return SysExit.ok
        } catch let rejection as RecordRejection {
            sink?.abandon()
            diagnostics("report: \(rejection)")
            return rejection.exitStatus
        } catch let failure as IOFailure {
            sink?.abandon()
            diagnostics("report: \(failure)")
            return failure.exitStatus
        } catch {
            sink?.abandon()
            diagnostics("report: \(error)")
            return SysExit.ioError
        }
        if let summary = loop.policy.summary(loop.statistics) { diagnostics(summary) }
        return SysExit.ok
    }

    /// The report of an aggregate in a format other than csv.
    public static func render(_ aggregate: Aggregate, format: ReportFormat, title: String = "Gleaner report") -> String {
        render(Report(aggregate), format: format, title: title)
    }

    /// A report in a format other than csv.
    public static func render(_ report: Report, format: ReportFormat, title: String = "Gleaner report") -> String {
        var text = ReportText()
        write(report, format: format, title: title, to: &text)
        return text.text
    }

    /// Writes a report in a format other than csv to `text`.
    public static func write(_ report: Report, format: ReportFormat, title: String = "Gleaner report", to text: inout ReportText) {
        switch format {
        case .markdown, .csv: MarkdownWriter(title: title).write(report, to: &text)
        case .json: JSONReportWriter().write(report, to: &text)
        case .html: HTMLWriter(title: title).write(report, to: &text)
        }
    }

    /// Writes a report to `destination` in blocks as the writer makes it, never whole.
    /// - Throws: the first error writing a block (``ClosedOutput``, ``IOFailure``).
    static func write(_ report: Report, format: ReportFormat, title: String, to destination: OutputFile) throws {
        var failure: (any Error)?
        var text = ReportText { block in
            guard failure == nil else { return }
            do { try destination.write(block) } catch { failure = error }
        }
        write(report, format: format, title: title, to: &text)
        if let failure { throw failure }
    }
}

extension PartialLineError: RecordProblem {}
