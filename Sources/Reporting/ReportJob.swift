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

    public init(
        settings: StageSettings, format: ReportFormat = .markdown, title: String = "Gleaner report",
        partial: Bool = false, merge: Bool = false, output: String? = nil
    ) {
        self.settings = settings
        self.format = format
        self.title = title
        self.partial = partial
        self.merge = merge
        self.output = output
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
        var sink: ReportOutput?
        defer {
            if settings.stats {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                diagnostics(loop.statistics.json(stage: "report", seconds: seconds))
            }
        }
        do {
            let destination = try output.map { path throws(IOFailure) in try ReportOutput(path: path) } ?? ReportOutput()
            sink = destination
            if format == .csv && !partial && !merge {
                let writer = CSVWriter()
                var labels = CSVWriter.DocumentLabels()
                try destination.write(writer.header)
                try loop.run(fields: Self.recordFields, prepare: { record in try writer.prepare(record) }, consume: { rows in
                    try destination.write(rows.text(label: labels.label(for: rows.documentID)))
                })
            } else {
                var aggregate = Aggregate()
                if merge {
                    try loop.run(fields: nil, prepare: { $0 }, consume: { line in
                        try PartialCodec.add(line, to: &aggregate)
                    })
                } else {
                    try loop.run(fields: Self.recordFields, prepare: { record in try Aggregate(record: record) }, consume: { one in
                        aggregate.merge(one)
                    })
                }
                if partial {
                    try PartialCodec.write(aggregate) { line in try destination.write(JSONCodec.string(line) + "\n") }
                } else {
                    let report = Report(aggregate)
                    aggregate = Aggregate()  // the report holds what it needs; free the rest before rendering
                    try destination.write(Self.render(report, format: format, title: title))
                }
            }
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
        switch format {
        case .markdown, .csv: return MarkdownWriter(title: title).render(report)
        case .json: return JSONReportWriter().render(report)
        case .html: return HTMLWriter(title: title).render(report)
        }
    }
}

extension PartialLineError: RecordProblem {}
