import ArgumentParser
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

/// Why one input line was rejected.
public struct LineRejection: Error, Sendable, CustomStringConvertible {
    /// Where the line came from (`line 17`, or `file.ndjson: line 17`).
    public var location: String
    public var line: Int
    public var reason: String
    public var description: String { "\(location): \(reason)" }
}

/// Writes rejected input lines as `{stage, line, reason, input}` NDJSON.
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
    public func write(stage: String, line: Int, source: String?, reason: String, input: ArraySlice<UInt8>) throws {
        var object: JSONObject = ["stage": .string(stage), "line": .number(Double(line))]
        if let source { object["source"] = .string(source) }
        object["reason"] = .string(reason)
        object["input"] = .string(String(decoding: input, as: UTF8.self))
        var bytes: [UInt8] = []
        JSONCodec.write(.object(object), into: &bytes)
        try writer.writeLine(bytes)
    }
}

/// The loop every filter stage runs: read NDJSON lines, decode, process,
/// write, and account for every input line.
///
/// Input records = output records + dead-lettered + skipped, always.
public enum FilterLoop {
    /// Lines processed together when `--jobs` is above 1.
    static let batchSize = 256

    /// Runs `stage` over the inputs named in `options` (or standard input), writing to standard output.
    /// - Throws: `ExitCode` with the sysexits status when the run must fail (after printing why to stderr).
    public static func run(_ stage: some Stage, options: StageOptions) throws {
        try run(stage, settings: options.settings)
    }

    /// Runs `stage` with plain settings; see ``run(_:options:)``.
    public static func run(_ stage: some Stage, settings options: StageSettings) throws {
        ignoreBrokenPipeSignal()
        let started = DispatchTime.now()
        var statistics = StageStatistics()
        let status = execute(stage, options: options, output: RecordWriter(), statistics: &statistics)
        if options.stats {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            StandardError.write(statistics.json(stage: stage.name, seconds: seconds))
        }
        if status != SysExit.ok { throw ExitCode(status) }
    }

    /// Runs the loop against an injected writer and returns the exit status; prints diagnostics to stderr.
    public static func execute(
        _ stage: some Stage, options: StageSettings, output: RecordWriter, statistics: inout StageStatistics
    ) -> Int32 {
        let deadLetters: DeadLetterFile?
        do {
            deadLetters = try options.deadLetter.map { path throws(IOFailure) in try DeadLetterFile(path: path) }
        } catch {
            StandardError.write("\(stage.name): \(error)")
            return error.exitStatus
        }
        let sources = options.inputs.isEmpty ? ["-"] : options.inputs
        do {
            for source in sources {
                var reader: LineReader
                if source == "-" {
                    reader = LineReader(fileDescriptor: 0)
                } else {
                    reader = try LineReader(path: source)
                }
                let label: String? = sources.count > 1 || source != "-" ? source : nil
                try processLines(
                    from: &reader, label: label, stage: stage, options: options, output: output,
                    deadLetters: deadLetters, statistics: &statistics)
            }
            try output.flush()
            statistics.bytesOut = output.bytesWritten
        } catch is ClosedOutput {
            return SysExit.ok
        } catch let rejection as LineRejection {
            try? output.flush()
            StandardError.write("\(stage.name): \(rejection)")
            return SysExit.dataError
        } catch let failure as IOFailure {
            try? output.flush()
            StandardError.write("\(stage.name): \(failure)")
            return failure.exitStatus
        } catch {
            StandardError.write("\(stage.name): \(error)")
            return SysExit.ioError
        }
        let rejected = statistics.skipped + statistics.deadLettered
        if rejected > 0 {
            let destination = deadLetters.map { "written to \($0.path)" } ?? "skipped"
            StandardError.write("\(stage.name): \(rejected) of \(statistics.recordsIn) records \(destination)")
        }
        return SysExit.ok
    }

    private enum Outcome {
        case output([UInt8])
        case rejected(String)
    }

    private static func processLines(
        from reader: inout LineReader, label: String?, stage: some Stage, options: StageSettings,
        output: RecordWriter, deadLetters: DeadLetterFile?, statistics: inout StageStatistics
    ) throws {
        var batch: [(line: Int, bytes: ArraySlice<UInt8>)] = []
        let batchLimit = options.jobs > 1 ? batchSize * options.jobs : 1
        func drain(_ batch: [(line: Int, bytes: ArraySlice<UInt8>)], statistics: inout StageStatistics) throws {
            let outcomes = transform(batch.map(\.bytes), stage: stage, jobs: options.jobs)
            for (entry, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .output(let bytes):
                    try output.writeLine(bytes)
                    statistics.recordsOut += 1
                case .rejected(let reason):
                    let location = label.map { "\($0): line \(entry.line)" } ?? "line \(entry.line)"
                    if let deadLetters {
                        try deadLetters.write(stage: stage.name, line: entry.line, source: label, reason: reason, input: entry.bytes)
                        statistics.deadLettered += 1
                    } else if options.onError == .skip {
                        statistics.skipped += 1
                        StandardError.write("\(stage.name): \(location): \(reason) (skipped)")
                    } else {
                        throw LineRejection(location: location, line: entry.line, reason: reason)
                    }
                }
            }
        }
        while let line = try reader.nextLine() {
            statistics.bytesIn += line.count + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                statistics.blankLines += 1
                continue
            }
            statistics.recordsIn += 1
            batch.append((reader.lineNumber, line))
            if batch.count >= batchLimit {
                try drain(batch, statistics: &statistics)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try drain(batch, statistics: &statistics) }
    }

    private static func transform(_ lines: [ArraySlice<UInt8>], stage: some Stage, jobs: Int) -> [Outcome] {
        if jobs <= 1 || lines.count == 1 { return lines.map { processOne($0, stage: stage) } }
        let results = OutcomeBuffer(count: lines.count)
        DispatchQueue.concurrentPerform(iterations: lines.count) { index in
            results.set(index, processOne(lines[index], stage: stage))
        }
        return results.values
    }

    private static func processOne(_ line: ArraySlice<UInt8>, stage: some Stage) -> Outcome {
        let record: JSONObject
        do {
            let value = try JSONCodec.parse(line)
            guard case .object(let object) = value else {
                return .rejected(RecordError.notAnObject(found: value.typeDescription).description)
            }
            record = object
        } catch {
            if String(validating: line, as: UTF8.self) == nil { return .rejected("not valid UTF-8") }
            return .rejected("not JSON: \(error)")
        }
        do {
            let result = try stage.process(record)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(line.count + line.count / 2)
            JSONCodec.write(.object(result), into: &bytes)
            return .output(bytes)
        } catch {
            return .rejected("\(error)")
        }
    }

    /// Results written from several threads, one slot each.
    private final class OutcomeBuffer: @unchecked Sendable {
        private var storage: [Outcome?]
        private let lock = NSLockLite()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ outcome: Outcome) {
            lock.withLock { storage[index] = outcome }
        }
        var values: [Outcome] { storage.map { $0! } }
    }
}

/// A pthread mutex, so GleanerCore needs no Foundation.
final class NSLockLite: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
