public import GleanerCore

/// Fetch's side of the record loop: records to standard output, warnings to stderr,
/// failed sources through the one ``RejectionPolicy`` of every stage.
///
/// - `fail` (the default): stop at the first failure, in output order, with its
///   exit status (66 missing file, 69 network, 65 unsupported source).
/// - `--dead-letter FILE`: write `{stage, line?, source, reason, kind, input}` there and go on (exit 0).
/// - `skip`: report the failure on stderr, count it, go on (exit 0).
public struct RecordOutput: FetchOutput {
    public let policy: RejectionPolicy
    private let records: RecordWriter
    /// Sources in (records and failures), records out, skipped, dead-lettered.
    public private(set) var statistics = StageStatistics()
    private var failed = 0
    /// The failure that stopped the run under `--on-error fail`.
    public private(set) var stoppedBy: RecordRejection?
    private var progress = ProgressLine()
    private let diagnostics: (String) -> Void

    /// - Throws: ``IOFailure`` when the dead-letter file cannot be opened.
    public init(
        settings: StageSettings, records: RecordWriter = RecordWriter(),
        diagnostics: @escaping (String) -> Void = StandardError.write
    ) throws(IOFailure) {
        policy = try RejectionPolicy(stage: "fetch", settings: settings, diagnostics: diagnostics)
        self.records = records
        self.diagnostics = diagnostics
    }

    public mutating func handle(_ event: FetchEvent) throws -> Bool {
        switch event {
        case .record(let record):
            statistics.recordsIn += 1
            var bytes: [UInt8] = []
            JSONCodec.write(.object(record), into: &bytes)
            try records.writeLine(bytes)
            statistics.recordsOut += 1
        case .warning(let message):
            progress.clear()
            diagnostics("fetch: warning: \(message)")
        case .failure(let failure):
            statistics.recordsIn += 1
            failed += 1
            progress.clear()
            do {
                try policy.reject(
                    Self.rejection(failure), source: failure.input, input: ArraySlice(failure.input.utf8),
                    extra: ["kind": .string(failure.reason.rawValue)], statistics: &statistics)
            } catch let rejection as RecordRejection {
                stoppedBy = rejection
                return false
            }
        }
        progress.show("fetch: \(statistics.recordsOut) records, \(failed) failed")
        return true
    }

    /// Flushes standard output.
    public mutating func finish() throws {
        progress.clear()
        try records.flush()
        statistics.bytesOut = records.bytesWritten
    }

    /// A failed source as the loop's rejection: its message, located by its list line if any.
    static func rejection(_ failure: FetchFailure) -> RecordRejection {
        RecordRejection(
            location: failure.line.map { "line \($0)" } ?? "", line: failure.line, reason: failure.message,
            exitStatus: failure.reason.exitCode)
    }
}

extension FetchSummary {
    /// The `--stats` line: counts, failures per reason (sorted), seconds.
    public func json(seconds: Double) -> String {
        var reasons = JSONObject()
        for reason in failures.keys.sorted() { reasons[reason.rawValue] = .number(Double(failures[reason]!)) }
        let object: JSONObject = [
            "stage": "fetch", "sources": .number(Double(sources)), "records_out": .number(Double(records)),
            "cached": .number(Double(cached)), "failed": .number(Double(failed)), "failures": .object(reasons),
            "warnings": .number(Double(warnings)), "seconds": .number((seconds * 1000).rounded() / 1000),
        ]
        return JSONCodec.string(.object(object))
    }
}
