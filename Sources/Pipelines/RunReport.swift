public import GleanerCore

/// How a stage process ended.
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// It exited with a status.
    case exited(Int32)
    /// It was killed by a signal.
    case signaled(Int32)

    /// The signal number of SIGPIPE.
    public static let brokenPipeSignal: Int32 = 13

    /// Decodes a `waitpid` status.
    public init(waitStatus status: Int32) {
        let low = status & 0x7F
        self = low == 0 ? .exited((status >> 8) & 0xFF) : .signaled(low)
    }

    /// Whether it exited with 0.
    public var isSuccess: Bool { self == .exited(0) }

    /// Whether it was killed by SIGPIPE (or a shell reported 128+SIGPIPE).
    public var isBrokenPipe: Bool {
        self == .signaled(Self.brokenPipeSignal) || self == .exited(128 + Self.brokenPipeSignal)
    }

    public var description: String {
        switch self {
        case .exited(let status): "exit status \(status)"
        case .signaled(let signal): "signal \(signal)" + (Self.signalNames[signal].map { " (\($0))" } ?? "")
        }
    }

    /// The status `gleaner run` exits with when this stage is the one that failed.
    public var runnerExitStatus: Int32 {
        switch self {
        case .exited(let status): status
        case .signaled(let signal): 128 + signal
        }
    }

    static let signalNames: [Int32: String] = [
        1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 6: "SIGABRT", 8: "SIGFPE", 9: "SIGKILL",
        11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
    ]
}

/// What happened to one stage of a run.
public struct StageResult: Sendable, Hashable {
    /// The stage's label (`clean`, `run jq`).
    public var label: String
    /// How its process ended.
    public var termination: Termination
    /// Wall-clock seconds from start to exit.
    public var seconds: Double
    /// Records (lines) it wrote, when the runner counted them.
    public var recordsOut: Int?
    /// The stage's own `--stats` line, when asked for.
    public var stats: JSONObject?

    /// Creates a result.
    public init(label: String, termination: Termination, seconds: Double = 0, recordsOut: Int? = nil, stats: JSONObject? = nil) {
        self.label = label
        self.termination = termination
        self.seconds = seconds
        self.recordsOut = recordsOut
        self.stats = stats
    }
}

/// A stage that made the run fail.
public struct StageFailure: Sendable, Hashable, CustomStringConvertible {
    /// Its position in the pipeline, from 0.
    public var index: Int
    /// Its label.
    public var label: String
    /// How it ended.
    public var termination: Termination

    public var description: String {
        switch termination {
        case .exited: "stage \(index + 1) '\(label)' failed with \(termination)"
        case .signaled: "stage \(index + 1) '\(label)' was killed by \(termination)"
        }
    }
}

/// The outcome of `gleaner run`.
public struct RunReport: Sendable, Hashable {
    /// One result per command of the plan, in pipeline order.
    public var results: [StageResult]
    /// Wall-clock seconds for the whole run.
    public var seconds: Double
    /// The signal (SIGTERM, SIGINT, SIGHUP) the runner received and passed on to its stages, if any.
    public var signal: Int32?
    /// The stages stopped because they outlived `--stage-timeout` or the pipeline's `timeout:`.
    public var timedOut: [Int] = []

    /// Creates a report.
    public init(results: [StageResult], seconds: Double = 0) {
        self.results = results
        self.seconds = seconds
    }

    /// The stages that failed, in pipeline order.
    ///
    /// A stage killed by SIGPIPE is not a failure: its reader stopped reading, either because it
    /// had what it needed (`head -1`), in which case the run succeeded, or because it failed
    /// itself, in which case the reader is the failure to report.
    public var failures: [StageFailure] {
        results.indices.compactMap { index in
            let termination = results[index].termination
            if termination.isSuccess || termination.isBrokenPipe { return nil }
            return StageFailure(index: index, label: results[index].label, termination: termination)
        }
    }

    /// The stats of every stage and the run as one JSON object, for `--stats`.
    /// - Parameters:
    ///   - name: the pipeline's name.
    ///   - deadLettering: whether failed records went to a dead-letter file (else they were skipped);
    ///     it says what fetch's `failed` sources count as.
    public func statsJSON(pipeline name: String, deadLettering: Bool = false) -> JSONValue {
        let stages: [JSONValue] = results.map { result in
            var object: JSONObject = [
                "stage": .string(result.label),
                "status": .string(result.termination.description),
                "seconds": .number((result.seconds * 1000).rounded() / 1000),
            ]
            if let records = result.recordsOut { object["records_out"] = .number(Double(records)) }
            for (key, value) in result.stats ?? [:] where object[key] == nil { object[key] = value }
            return .object(object)
        }
        var totals = JSONObject()
        for key in ["skipped", "dead_lettered"] {
            let sum = results.compactMap { Self.rejects(in: $0.stats, deadLettering: deadLettering)[key] }.reduce(0, +)
            totals[key] = .number(sum)
        }
        return .object([
            "pipeline": .string(name),
            "seconds": .number((seconds * 1000).rounded() / 1000),
            "stages": .array(stages),
            "rejected": .object(totals),
        ])
    }
}

extension RunReport {
    /// A stage's rejects by how they were handled: filters report `skipped` and `dead_lettered`,
    /// fetch reports `failed` sources, which went where the pipeline's `on_error` sends them.
    static func rejects(in stats: JSONObject?, deadLettering: Bool) -> [String: Double] {
        guard let stats else { return [:] }
        var counts: [String: Double] = [:]
        for key in ["skipped", "dead_lettered"] { if let count = stats[key]?.numberValue { counts[key] = count } }
        if counts.isEmpty, let failed = stats["failed"]?.numberValue {
            counts[deadLettering ? "dead_lettered" : "skipped"] = failed
        }
        return counts
    }

    /// What went to the dead-letter file, for stderr: one line per stage and reason with its count
    /// and first source, at most `limit` of them, then how many more there are.
    /// - Parameters:
    ///   - contents: the dead-letter file's NDJSON lines.
    ///   - file: the file's name, as the messages show it.
    public static func deadLetterSummary(_ contents: [UInt8], file: String, limit: Int = 5) -> [String] {
        var order: [String] = []
        var groups: [String: (count: Int, source: String?)] = [:]
        var total = 0
        for line in contents.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            total += 1
            let object: JSONObject
            if case .object(let parsed)? = try? JSONCodec.parse(line) { object = parsed } else { object = [:] }
            let stage = object["stage"]?.stringValue ?? "?"
            let reason = object["reason"]?.stringValue ?? "no reason given"
            let key = "\(stage): \(reason)"
            if groups[key] == nil { order.append(key) }
            let source = object["source"]?.stringValue
            groups[key] = ((groups[key]?.count ?? 0) + 1, groups[key]?.source ?? source)
        }
        guard total > 0 else { return [] }
        var lines = ["\(total) record\(total == 1 ? "" : "s") went to the dead-letter file \(file):"]
        for key in order.prefix(limit) {
            let group = groups[key]!
            let count = group.count > 1 ? "\(group.count)× " : ""
            let source = group.source.flatMap { key.contains($0) ? nil : $0 }.map { " (\($0)\(group.count > 1 ? ", …" : ""))" } ?? ""
            lines.append("  \(count)\(key)\(source)")
        }
        if order.count > limit { lines.append("  … and \(order.count - limit) more reasons") }
        return lines
    }
}
