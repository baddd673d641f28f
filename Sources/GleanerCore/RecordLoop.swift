import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Counts a stage reports with `--stats`.
public struct StageStatistics: Sendable, Equatable {
    public var recordsIn = 0
    public var recordsOut = 0
    public var skipped = 0
    public var deadLettered = 0
    public var blankLines = 0
    public var bytesIn = 0
    public var bytesOut = 0

    public init() {}

    /// Records rejected under `--on-error skip` or `--dead-letter`.
    public var rejected: Int { skipped + deadLettered }

    /// The stats line: one JSON object, keys in a fixed order.
    public func json(stage: String, seconds: Double) -> String {
        let object: JSONObject = [
            "stage": .string(stage), "records_in": .number(Double(recordsIn)),
            "records_out": .number(Double(recordsOut)), "skipped": .number(Double(skipped)),
            "dead_lettered": .number(Double(deadLettered)), "blank_lines": .number(Double(blankLines)),
            "bytes_in": .number(Double(bytesIn)), "bytes_out": .number(Double(bytesOut)),
            "seconds": .number((seconds * 1000).rounded() / 1000),
        ]
        return JSONCodec.string(.object(object))
    }
}

/// An error that rejects one record (the record breaks the contract) rather than the run.
///
/// The record loop applies the policy to it (fail, skip, dead letter); any other
/// error a consumer throws (I/O, a closed pipe) ends the run.
public protocol RecordProblem: Error, CustomStringConvertible {}

extension RecordError: RecordProblem {}
extension JSONSyntaxError: RecordProblem {}

/// A line that is not a record: not UTF-8, not JSON, not an object.
public struct LineProblem: RecordProblem, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A record rejected under `--on-error fail` (the default): the run ends with exit 65
/// and `stage: location: reason`. The one rejection type of every stage.
public struct RecordRejection: Error, Sendable, CustomStringConvertible {
    /// Where the record came from (`line 17`, `file.ndjson: line 17`, or fetch's source).
    public var location: String
    /// The 1-based input line, when the record came from a line.
    public var line: Int?
    public var reason: String
    /// The exit status (65 for a record; fetch uses its failure's status).
    public var exitStatus: Int32
    public var description: String { location.isEmpty ? reason : "\(location): \(reason)" }

    public init(location: String, line: Int?, reason: String, exitStatus: Int32 = SysExit.dataError) {
        self.location = location
        self.line = line
        self.reason = reason
        self.exitStatus = exitStatus
    }
}

/// Writes rejected inputs as `{stage, line, source?, reason, input}` NDJSON.
///
/// `input` is the input line exactly: a string when the line is UTF-8, else
/// `input_base64` holds its bytes.
public final class DeadLetterFile {
    private let writer: RecordWriter
    private let fd: Int32
    public let path: String

    /// Opens (appending) the dead-letter file.
    /// - Throws: ``IOFailure`` naming the path.
    public init(path: String) throws(IOFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw IOFailure.errno("cannot open dead-letter file", path) }
        self.fd = fd
        self.path = path
        writer = RecordWriter(fileDescriptor: fd, flushEachRecord: true)
    }

    deinit { close(fd) }

    /// Records one rejected input.
    /// - Parameter extra: fields after `reason` (fetch's `kind`).
    public func write(
        stage: String, line: Int?, source: String?, reason: String, input: ArraySlice<UInt8>, extra: JSONObject = [:]
    ) throws {
        var object: JSONObject = ["stage": .string(stage)]
        if let line { object["line"] = .number(Double(line)) }
        if let source { object["source"] = .string(source) }
        object["reason"] = .string(reason)
        for (key, value) in extra { object[key] = value }
        if let text = String(validating: input, as: UTF8.self) {
            object["input"] = .string(text)
        } else {
            object["input_base64"] = .string(Hex.base64(Array(input)))
        }
        var bytes: [UInt8] = []
        JSONCodec.write(.object(object), into: &bytes)
        try writer.writeLine(bytes)
    }
}

/// The one error policy of every stage: `--on-error fail|skip` and `--dead-letter FILE`,
/// and its accounting. Input records = output records + skipped + dead-lettered, always.
public final class RejectionPolicy {
    public let stage: String
    public let onError: ErrorPolicy
    public let deadLetters: DeadLetterFile?
    private let diagnostics: (String) -> Void

    /// - Throws: ``IOFailure`` when the dead-letter file cannot be opened.
    public init(stage: String, settings: StageSettings, diagnostics: @escaping (String) -> Void) throws(IOFailure) {
        self.stage = stage
        onError = settings.onError
        deadLetters = try settings.deadLetter.map { path throws(IOFailure) in try DeadLetterFile(path: path) }
        self.diagnostics = diagnostics
    }

    /// Whether the run goes on after a rejection.
    public var continues: Bool { deadLetters != nil || onError == .skip }

    /// Applies the policy to one rejected input: writes a dead letter, or counts and reports it
    /// (skip), or throws ``RecordRejection`` (fail).
    public func reject(
        _ rejection: RecordRejection, source: String?, input: ArraySlice<UInt8>, extra: JSONObject = [:],
        statistics: inout StageStatistics
    ) throws {
        if let deadLetters {
            try deadLetters.write(
                stage: stage, line: rejection.line, source: source, reason: rejection.reason, input: input, extra: extra)
            statistics.deadLettered += 1
        } else if onError == .skip {
            statistics.skipped += 1
            diagnostics("\(stage): \(rejection) (skipped)")
        } else {
            throw rejection
        }
    }

    /// `stage: 3 of 120 records written to FILE` (or `skipped`), when any were rejected.
    public func summary(_ statistics: StageStatistics, noun: String = "records") -> String? {
        guard statistics.rejected > 0 else { return nil }
        let destination = deadLetters.map { "written to \($0.path)" } ?? "skipped"
        return "\(stage): \(statistics.rejected) of \(statistics.recordsIn) \(noun) \(destination)"
    }
}

/// The record loop every stage runs, filters and sinks alike: read NDJSON lines from the
/// inputs (or standard input), prepare each on `--jobs` threads, consume them in input
/// order, and apply one ``RejectionPolicy`` to every line that is not a good record.
///
/// A filter consumes by writing a line (``FilterLoop``); `report` consumes by folding
/// into its aggregate. With `--jobs N` above 1, reading and consuming overlap the
/// preparation of the next batch.
public struct RecordLoop {
    public let name: String
    public let settings: StageSettings
    /// Counts for `--stats`.
    public var statistics = StageStatistics()
    public let policy: RejectionPolicy

    /// Lines prepared together (per job) when `--jobs` is above 1.
    static let batchLines = 256
    /// Bytes of input read ahead per batch at most.
    static let batchBytes = 4 << 20

    /// - Parameter diagnostics: receives one line per skipped record.
    /// - Throws: ``IOFailure`` when the dead-letter file cannot be opened.
    public init(name: String, settings: StageSettings, diagnostics: @escaping (String) -> Void = StandardError.write)
        throws(IOFailure)
    {
        self.name = name
        self.settings = settings
        policy = try RejectionPolicy(stage: name, settings: settings, diagnostics: diagnostics)
    }

    /// Reads every input.
    /// - Parameters:
    ///   - prepare: turns a line into what `consume` needs; runs on `--jobs` threads. Any error it
    ///     throws rejects the line.
    ///   - consume: takes prepared lines in input order. A ``RecordProblem`` it throws rejects the
    ///     line; any other error ends the run.
    /// - Throws: ``RecordRejection`` under `--on-error fail`, ``IOFailure`` for unreadable inputs,
    ///   or what `consume` throws that is not a ``RecordProblem``.
    public mutating func run<Prepared>(
        prepare: @escaping @Sendable (ArraySlice<UInt8>) throws -> Prepared, consume: (Prepared) throws -> Void
    ) throws {
        let sources = settings.inputs.isEmpty ? ["-"] : settings.inputs
        for source in sources {
            var reader = source == "-" ? LineReader(fileDescriptor: 0) : try LineReader(path: source)
            let label: String? = sources.count > 1 || source != "-" ? source : nil
            if settings.jobs <= 1 {
                while let line = try reader.nextLine() {
                    guard admit(line) else { continue }
                    let outcome = Result { try prepare(line) }
                    try deliver(outcome, line: reader.lineNumber, bytes: line, label: label, consume: consume)
                }
            } else {
                try runParallel(&reader, label: label, prepare: prepare, consume: consume)
            }
        }
    }

    /// Reads records decoded to the fields a sink reads (nil: whole records); see ``run(prepare:consume:)``.
    public mutating func run<Prepared>(
        fields: Set<String>?, prepare: @escaping @Sendable (JSONObject) throws -> Prepared,
        consume: (Prepared) throws -> Void
    ) throws {
        try run(prepare: { line in try prepare(try RecordDecoding.record(line, fields: fields)) }, consume: consume)
    }

    /// Counts one line; false for a blank line (skipped, counted apart).
    private mutating func admit(_ line: ArraySlice<UInt8>) -> Bool {
        statistics.bytesIn += line.count + 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            statistics.blankLines += 1
            return false
        }
        statistics.recordsIn += 1
        return true
    }

    private mutating func deliver<Prepared>(
        _ outcome: Result<Prepared, any Error>, line: Int, bytes: ArraySlice<UInt8>, label: String?,
        consume: (Prepared) throws -> Void
    ) throws {
        let reason: String
        switch outcome {
        case .success(let prepared):
            do {
                try consume(prepared)
                statistics.recordsOut += 1
                return
            } catch let problem as any RecordProblem {
                reason = problem.description
            }
        case .failure(let error):
            reason = "\(error)"
        }
        let location = label.map { "\($0): line \(line)" } ?? "line \(line)"
        try policy.reject(
            RecordRejection(location: location, line: line, reason: reason), source: label, input: bytes,
            statistics: &statistics)
    }

    private mutating func runParallel<Prepared>(
        _ reader: inout LineReader, label: String?, prepare: @escaping @Sendable (ArraySlice<UInt8>) throws -> Prepared,
        consume: (Prepared) throws -> Void
    ) throws {
        let jobs = settings.jobs
        var running: Batch<Prepared>?
        defer { running?.wait() }
        while true {
            var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
            var bytes = 0
            while lines.count < Self.batchLines * jobs, bytes < Self.batchBytes, let line = try reader.nextLine() {
                guard admit(line) else { continue }
                lines.append((reader.lineNumber, line))
                bytes += line.count
            }
            running?.wait()
            let next = lines.isEmpty ? nil : Batch(lines: lines, jobs: jobs, prepare: prepare)
            if let finished = running {
                running = next
                for index in finished.lines.indices {
                    let entry = finished.lines[index]
                    try deliver(finished.result(index), line: entry.number, bytes: entry.bytes, label: label, consume: consume)
                }
            } else {
                running = next
            }
            if running == nil { return }
        }
    }
}

/// Lines being prepared on worker threads; each result slot is written by one worker.
private final class Batch<Prepared>: @unchecked Sendable {
    let lines: [(number: Int, bytes: ArraySlice<UInt8>)]
    private let results: UnsafeMutablePointer<Result<Prepared, any Error>?>
    private let group = DispatchGroup()
    private let lock = PthreadMutex()
    private var nextIndex = 0

    init(
        lines: [(number: Int, bytes: ArraySlice<UInt8>)], jobs: Int,
        prepare: @escaping @Sendable (ArraySlice<UInt8>) throws -> Prepared
    ) {
        self.lines = lines
        results = .allocate(capacity: lines.count)
        results.initialize(repeating: nil, count: lines.count)
        for _ in 0..<min(jobs, lines.count) {
            DispatchQueue.global().async(group: group) { [self] in
                while let index = take() {
                    results[index] = Result { try prepare(lines[index].bytes) }
                }
            }
        }
    }

    deinit {
        group.wait()
        results.deinitialize(count: lines.count)
        results.deallocate()
    }

    private func take() -> Int? {
        lock.withLock {
            guard nextIndex < lines.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func wait() { group.wait() }

    func result(_ index: Int) -> Result<Prepared, any Error> { results[index]! }
}

/// Turns input lines into records: the full parse, or the envelope fast path for the
/// fields a stage declares.
public enum RecordDecoding {
    /// The record on `line`, decoded whole (`fields` nil) or only the named fields.
    /// - Throws: ``LineProblem`` or ``RecordError`` naming what is wrong with the line.
    public static func record(_ line: ArraySlice<UInt8>, fields: Set<String>?) throws -> JSONObject {
        try line.withUnsafeBufferPointer { buffer in
            guard let fields else { return try fullRecord(buffer) }
            guard let envelope = try envelope(buffer) else { return try fullRecord(buffer) }
            return try envelope.decode(fields, in: buffer)
        }
    }

    /// The output line of `stage` for an input line: spliced into the input bytes when the
    /// stage declares its ``Stage/fields``, else the whole record re-encoded.
    /// - Throws: ``LineProblem`` for a line that is not a record, or what the stage throws.
    public static func transform(_ line: ArraySlice<UInt8>, with stage: some Stage) throws -> [UInt8] {
        try line.withUnsafeBufferPointer { buffer in
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count + buffer.count / 8 + 64)
            if let fields = stage.fields, let envelope = try envelope(buffer) {
                let decoded = try envelope.decode(fields.decoded, in: buffer)
                let result = try stage.process(decoded)
                envelope.splice(result, decoded: decoded, in: buffer, into: &output)
            } else {
                let result = try stage.process(try fullRecord(buffer))
                JSONCodec.write(.object(result), into: &output)
            }
            return output
        }
    }

    /// The lazy scan of a line; nil when only the full parser can take it.
    static func envelope(_ buffer: UnsafeBufferPointer<UInt8>) throws -> RecordEnvelope? {
        let check = LineCheck.check(buffer)
        guard check.validUTF8 else { throw LineProblem("not valid UTF-8") }
        if check.hasControlBytes {
            _ = try fullRecord(buffer)
        }
        do {
            return try RecordEnvelope(scanning: buffer)
        } catch {
            _ = try fullRecord(buffer)
            return nil
        }
    }

    /// The whole record on a line.
    static func fullRecord(_ buffer: UnsafeBufferPointer<UInt8>) throws -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONCodec.parse(buffer: buffer)
        } catch {
            if String(validating: buffer, as: UTF8.self) == nil { throw LineProblem("not valid UTF-8") }
            throw LineProblem("not JSON: \(error)")
        }
        guard case .object(let object) = value else { throw RecordError.notAnObject(found: value.typeDescription) }
        return object
    }
}

/// The loop of a filter stage: each record's output line goes to standard output.
public enum FilterLoop {
    /// Runs `stage` with `settings`, writing to standard output; prints diagnostics and the
    /// `--stats` line to stderr, and returns the exit status (sysexits).
    public static func run(_ stage: some Stage, settings: StageSettings) -> Int32 {
        ignoreBrokenPipeSignal()
        let started = DispatchTime.now()
        var statistics = StageStatistics()
        let status = execute(stage, options: settings, output: RecordWriter(), statistics: &statistics)
        if settings.stats {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            StandardError.write(statistics.json(stage: stage.name, seconds: seconds))
        }
        return status
    }

    /// Runs the loop against an injected writer and returns the exit status; prints diagnostics to stderr.
    public static func execute(
        _ stage: some Stage, options: StageSettings, output: RecordWriter, statistics: inout StageStatistics
    ) -> Int32 {
        var loop: RecordLoop
        do {
            loop = try RecordLoop(name: stage.name, settings: options)
        } catch {
            StandardError.write("\(stage.name): \(error)")
            return error.exitStatus
        }
        defer { statistics = loop.statistics }
        do {
            try loop.run(prepare: { line in try RecordDecoding.transform(line, with: stage) }, consume: output.writeLine)
            try output.flush()
            loop.statistics.bytesOut = output.bytesWritten
        } catch is ClosedOutput {
            return SysExit.ok
        } catch let rejection as RecordRejection {
            try? output.flush()
            StandardError.write("\(stage.name): \(rejection)")
            return rejection.exitStatus
        } catch let failure as IOFailure {
            try? output.flush()
            StandardError.write("\(stage.name): \(failure)")
            return failure.exitStatus
        } catch {
            StandardError.write("\(stage.name): \(error)")
            return SysExit.ioError
        }
        if let summary = loop.policy.summary(loop.statistics) { StandardError.write(summary) }
        return SysExit.ok
    }
}

/// A pthread mutex, so GleanerCore needs no Foundation.
final class PthreadMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
