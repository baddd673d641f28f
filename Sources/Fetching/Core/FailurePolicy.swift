public import GleanerCore

/// What a run does with a failed source, from `--on-error` and `--dead-letter`.
///
/// - `fail` without a dead-letter file (the default): stop at the first
///   failure, in output order, with its exit status (66 missing file,
///   69 network, 65 unsupported source).
/// - a dead-letter file: write `{stage, line, source, reason, input}` there
///   and go on; the run still ends non-zero unless `--on-error skip`.
/// - `skip`: report the failure on stderr, count it, go on, exit 0.
public struct FailurePolicy: Sendable, Equatable {
    public var onError: ErrorPolicy
    public var deadLetters: Bool

    public init(onError: ErrorPolicy, deadLetters: Bool) {
        self.onError = onError
        self.deadLetters = deadLetters
    }

    /// Whether the run goes on after a failure.
    public var continues: Bool { deadLetters || onError == .skip }

    /// The exit status of a finished run.
    public func exitStatus(_ summary: FetchSummary) -> Int32 {
        guard let first = summary.firstFailure, onError != .skip else { return SysExit.ok }
        return first.reason.exitCode
    }

    /// The dead-letter line for a failure: `{stage, line?, source, reason, input}`.
    public static func deadLetter(_ failure: FetchFailure) -> JSONObject {
        var object: JSONObject = ["stage": "fetch"]
        if let line = failure.line { object["line"] = .number(Double(line)) }
        object["source"] = .string(failure.input)
        object["reason"] = .string(failure.message)
        object["kind"] = .string(failure.reason.rawValue)
        object["input"] = .string(failure.input)
        return object
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
