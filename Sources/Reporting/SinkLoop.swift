public import GleanerCore
import Dispatch

/// The input side of a stage that consumes records instead of passing them on
/// (`report`): reads NDJSON lines from the inputs or standard input and applies
/// the error policy of every stage (`--on-error`, `--dead-letter`, `--stats`).
///
/// A line that is not a JSON object, or that the consumer rejects with a
/// ``RecordError`` or ``PartialLineError``, fails the run with
/// `name: line N: reason` (exit 65), is counted under `--on-error skip`, or is
/// written to the dead-letter file; nothing is dropped silently.
public struct SinkLoop {
    public var name: String
    public var settings: StageSettings
    /// Counts for `--stats`: records in, skipped, dead-lettered.
    public private(set) var statistics = StageStatistics()
    /// Lines parsed together when `--jobs` is above 1.
    static let batchSize = 512

    public init(name: String, settings: StageSettings) {
        self.name = name
        self.settings = settings
    }

    /// Reads every input.
    /// - Parameters:
    ///   - diagnostics: Receives one line per skipped record (the executable prints it to stderr).
    ///   - prepare: Turns a record into what `consume` needs; runs on `--jobs` threads.
    ///   - consume: Takes prepared records in input order.
    /// - Throws: ``RejectedLine`` (exit 65) under `--on-error fail`, ``IOFailure`` for unreadable inputs,
    ///   or whatever `consume` throws that is not a rejection.
    public mutating func run<Prepared: Sendable>(
        diagnostics: (String) -> Void,
        prepare: @escaping @Sendable (JSONObject) throws -> Prepared,
        consume: (Prepared) throws -> Void
    ) throws {
        let deadLetters = try settings.deadLetter.map { path throws(IOFailure) in try DeadLetterFile(path: path) }
        let sources = settings.inputs.isEmpty ? ["-"] : settings.inputs
        for source in sources {
            var reader = source == "-" ? LineReader(fileDescriptor: 0) : try LineReader(path: source)
            let label: String? = sources.count > 1 || source != "-" ? source : nil
            var batch: [(line: Int, bytes: ArraySlice<UInt8>)] = []
            let limit = settings.jobs > 1 ? Self.batchSize * settings.jobs : 1
            func drain() throws {
                let outcomes = Self.prepareAll(batch.map(\.bytes), jobs: settings.jobs, prepare: prepare)
                for (entry, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .success(let prepared):
                        do {
                            try consume(prepared)
                            statistics.recordsOut += 1
                        } catch let error as RecordError {
                            try reject(entry, "\(error)", label: label, deadLetters: deadLetters, diagnostics: diagnostics)
                        } catch let error as PartialLineError {
                            try reject(entry, "\(error)", label: label, deadLetters: deadLetters, diagnostics: diagnostics)
                        }
                    case .failure(let reason):
                        try reject(entry, reason.description, label: label, deadLetters: deadLetters, diagnostics: diagnostics)
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            while let line = try reader.nextLine() {
                statistics.bytesIn += line.count + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    statistics.blankLines += 1
                    continue
                }
                statistics.recordsIn += 1
                batch.append((reader.lineNumber, line))
                if batch.count >= limit { try drain() }
            }
            if !batch.isEmpty { try drain() }
        }
    }

    private mutating func reject(
        _ entry: (line: Int, bytes: ArraySlice<UInt8>), _ reason: String, label: String?,
        deadLetters: DeadLetterFile?, diagnostics: (String) -> Void
    ) throws {
        let location = label.map { "\($0): line \(entry.line)" } ?? "line \(entry.line)"
        if let deadLetters {
            try deadLetters.write(stage: name, line: entry.line, source: label, reason: reason, input: entry.bytes)
            statistics.deadLettered += 1
        } else if settings.onError == .skip {
            statistics.skipped += 1
            diagnostics("\(name): \(location): \(reason) (skipped)")
        } else {
            throw RejectedLine(location: location, line: entry.line, reason: reason)
        }
    }

    /// A line rejected under `--on-error fail`: the run ends with exit 65.
    public struct RejectedLine: Error, Sendable, CustomStringConvertible {
        /// `line 17` or `file.ndjson: line 17`.
        public var location: String
        public var line: Int
        public var reason: String
        public var description: String { "\(location): \(reason)" }
    }

    struct Rejection: Error, CustomStringConvertible {
        var description: String
    }

    private static func prepareAll<Prepared: Sendable>(
        _ lines: [ArraySlice<UInt8>], jobs: Int, prepare: @escaping @Sendable (JSONObject) throws -> Prepared
    ) -> [Result<Prepared, Rejection>] {
        if jobs <= 1 || lines.count == 1 { return lines.map { prepareOne($0, prepare) } }
        let slots = Slots<Result<Prepared, Rejection>>(count: lines.count)
        DispatchQueue.concurrentPerform(iterations: lines.count) { index in
            slots.set(index, prepareOne(lines[index], prepare))
        }
        return slots.values
    }

    private static func prepareOne<Prepared>(
        _ line: ArraySlice<UInt8>, _ prepare: (JSONObject) throws -> Prepared
    ) -> Result<Prepared, Rejection> {
        let value: JSONValue
        do {
            value = try JSONCodec.parse(line)
        } catch {
            if String(validating: line, as: UTF8.self) == nil { return .failure(Rejection(description: "not valid UTF-8")) }
            return .failure(Rejection(description: "not JSON: \(error)"))
        }
        guard case .object(let object) = value else {
            return .failure(Rejection(description: RecordError.notAnObject(found: value.typeDescription).description))
        }
        do {
            return .success(try prepare(object))
        } catch {
            return .failure(Rejection(description: "\(error)"))
        }
    }
}

/// Results written from several threads, one slot each.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.wait()
        storage[index] = value
        lock.signal()
    }

    var values: [Value] { storage.map { $0! } }
}
