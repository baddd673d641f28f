public import GleanerCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An ``Aggregate`` kept within a memory budget.
///
/// Records (or partial lines) fold into an aggregate in memory; when its estimated size
/// (``Aggregate/estimatedBytes``) passes the budget, it is written out as a sorted run — the
/// ``PartialCodec`` lines, sorted as `--partial` writes them — to a temporary folder, and the
/// memory is freed. At the end the runs are merged: k ways, one line from each run at a time,
/// for a partial (``writePartial(_:)``), so a partial of any size is written in bounded memory;
/// folded into one aggregate for a report (``finish()``). The aggregate is a commutative monoid,
/// so the result is the same however the input was cut into runs.
public struct SpillingAggregate {
    /// The size, in bytes, past which the aggregate is written to a run.
    public let budget: Int
    private var current = Aggregate()
    private var records = 0
    private var mentionCounts: [MentionKind: Int] = [:]
    private var folder: SpillFolder?
    /// How many runs were written.
    public private(set) var spills = 0

    /// Where the run folder is made; nil: `$TMPDIR`, else `/tmp`.
    public let temporaryBase: String?

    /// An empty aggregate that spills past `budget` bytes (nil: never spills).
    /// - Parameter temporaryBase: where to make the folder of runs (default `$TMPDIR`, else `/tmp`).
    public init(budget: Int?, temporaryBase: String? = nil) {
        self.budget = budget ?? Int.max
        self.temporaryBase = temporaryBase
    }

    /// Folds in the aggregate of one record.
    /// - Throws: ``IOFailure`` when a run cannot be written.
    public mutating func merge(_ other: Aggregate) throws(IOFailure) {
        current.merge(other)
        try spillIfOverBudget()
    }

    /// Folds in one `--partial` line.
    /// - Throws: ``PartialLineError`` for a bad line, ``IOFailure`` when a run cannot be written.
    public mutating func add(partialLine line: JSONObject) throws {
        try PartialCodec.add(line, to: &current)
        try spillIfOverBudget()
    }

    private mutating func spillIfOverBudget() throws(IOFailure) {
        if current.estimatedBytes > budget { try spill() }
    }

    /// Writes the aggregate in memory as one more sorted run and empties it.
    private mutating func spill() throws(IOFailure) {
        if folder == nil { folder = try SpillFolder(base: temporaryBase) }
        records += current.records
        for (kind, count) in current.mentionCounts { mentionCounts[kind, default: 0] += count }
        let run = try folder!.newRun()
        var pending: [UInt8] = []
        try PartialCodec.writeBody(current) { line throws(IOFailure) in
            JSONCodec.write(line, into: &pending)
            pending.append(0x0A)
            if pending.count >= 1 << 16 { try run.write(&pending) }
        }
        try run.write(&pending)
        current = Aggregate()
        spills += 1
    }

    /// The whole aggregate in memory, for a report: the runs folded back in.
    /// - Throws: ``IOFailure`` when a run cannot be read back.
    public consuming func finish() throws(IOFailure) -> Aggregate {
        guard let folder else { return current }
        var whole = current
        whole.addCounts(records: records, mentions: mentionCounts)
        defer { folder.remove() }
        for run in folder.runs {
            try run.forEachLine { line in try? PartialCodec.add(line, to: &whole) }
        }
        return whole
    }

    /// The report of the whole aggregate. Without runs, the report of the aggregate in memory;
    /// with runs, documents and entities are folded back in and the facts go from the k-way
    /// merge straight into the report's lists, so they are never held as an aggregate and as a
    /// report at once. The same report as ``Report/init(_:)`` of ``finish()``.
    /// - Throws: ``IOFailure`` when a run cannot be read back.
    public consuming func report() throws -> Report {
        guard folder != nil else { return Report(current) }
        try spill()
        var whole = Aggregate()
        whole.addCounts(records: records, mentions: mentionCounts)
        var byKind: [MentionKind: [FactOccurrence]] = [:]
        try merged { key, lines in
            guard case .fact = key else {
                for line in lines { try? PartialCodec.add(line, to: &whole) }
                return
            }
            var entry = Aggregate()
            for line in lines { try? PartialCodec.add(line, to: &entry) }
            for fact in entry.occurrences { byKind[fact.kind, default: []].append(whole.interned(fact)) }
        }
        return Report(whole, factsByKind: byKind)
    }

    /// Calls `body` with each key of the runs, in order, and every line of that key.
    private func merged(_ body: (PartialCodec.LineKey, [JSONObject]) throws -> Void) throws {
        defer { folder?.remove() }
        let cursors = try folder!.runs.map { run throws(IOFailure) in try RunCursor(run) }
        while let smallest = cursors.compactMap(\.key).min() {
            var lines: [JSONObject] = []
            for cursor in cursors where cursor.key == smallest {
                lines.append(cursor.line!)
                try cursor.advance()
            }
            try body(smallest, lines)
        }
    }

    /// Writes the whole aggregate as `--partial` lines, the runs merged k ways, so that no
    /// more than one entry per run (and one merged entry) is in memory; the lines are those
    /// ``PartialCodec/write(_:to:)`` writes for the same aggregate.
    /// - Throws: what `emit` throws, ``IOFailure`` when a run cannot be read back.
    public consuming func writePartial(_ emit: (JSONValue) throws -> Void) throws {
        guard folder != nil else { return try PartialCodec.write(current, to: emit) }
        try spill()
        var header = Aggregate()
        header.addCounts(records: records, mentions: mentionCounts)
        try emit(PartialCodec.header(header))
        try merged { _, lines in
            // Every line of that key, from every run, merged as the aggregate merges them.
            var entry = Aggregate()
            for line in lines { try? PartialCodec.add(line, to: &entry) }
            try PartialCodec.writeBody(entry, to: emit)
        }
    }
}

extension SpillingAggregate {
    /// A memory budget as written on the command line: a number of bytes with an optional
    /// unit, `KB`, `MB` or `GB` (powers of 1024; `K`, `M`, `G`, `KiB`… too), or `none`.
    /// - Returns: the bytes, nil for `none`, or a reason when the text is not a size.
    public static func budget(parsing text: String) -> Result<Int?, BudgetError> {
        let trimmed = String(text.lowercased().filter { $0 != " " })
        if trimmed == "none" || trimmed == "unlimited" { return .success(nil) }
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = String(trimmed.dropFirst(digits.count))
        let scale: Double
        switch unit {
        case "", "b": scale = 1
        case "k", "kb", "kib": scale = 1024
        case "m", "mb", "mib": scale = 1024 * 1024
        case "g", "gb", "gib": scale = 1024 * 1024 * 1024
        default: return .failure(BudgetError(text: text))
        }
        guard let number = Double(digits), number.isFinite, number >= 0, number * scale < 1e15 else {
            return .failure(BudgetError(text: text))
        }
        return .success(Int(number * scale))
    }

    /// The budget `report` uses unless told otherwise.
    public static let defaultBudget = 64 * 1024 * 1024
}

/// A memory budget that is not a size.
public struct BudgetError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String { "not a memory size: '\(text)' (expected bytes with KB, MB or GB, e.g. 64MB, or 'none')" }
}

/// The temporary folder runs are written to, in `$TMPDIR` (else `/tmp`) unless told where.
///
/// Each run file is unlinked as soon as it is opened, so its space is freed when the process
/// ends however it ends, even by `SIGKILL`; the folder itself is removed when the aggregate is
/// done, on an error, or on `SIGINT`, `SIGTERM` or `SIGHUP` (then the signal is raised again).
final class SpillFolder {
    let path: String
    private(set) var runs: [SpillRun] = []
    private var removed = false

    init(base: String?) throws(IOFailure) {
        let base = base ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/gleaner-report-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw IOFailure.errno("cannot create a temporary folder in", base)
        }
        path = String(cString: made)
        SpillSignals.remember(path)
    }

    deinit { remove() }

    /// Closes the runs (freeing their space) and removes the folder; done at the latest when
    /// the folder is freed.
    func remove() {
        guard !removed else { return }
        removed = true
        runs.removeAll()
        rmdir(path)
        SpillSignals.forget()
    }

    /// A new, empty run file, already unlinked.
    func newRun() throws(IOFailure) -> SpillRun {
        let name = path + "/run-\(runs.count + 1)"
        let fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IOFailure.errno("cannot write", name) }
        unlink(name)
        let run = SpillRun(fd: fd, name: name)
        runs.append(run)
        return run
    }
}

/// One sorted run: an unlinked file, written once, then read from its start.
final class SpillRun {
    let fd: Int32
    let name: String

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    deinit { close(fd) }

    /// Writes and empties `bytes`.
    func write(_ bytes: inout [UInt8]) throws(IOFailure) {
        guard FileDescriptorIO.writeAll(fd, bytes) else { throw IOFailure.errno("cannot write", name) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// A reader from the run's first line.
    func reader() throws(IOFailure) -> LineReader {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw IOFailure.errno("cannot read", name) }
        return LineReader(fileDescriptor: fd, bufferSize: 1 << 16)
    }

    /// Calls `body` with each line of the run, parsed.
    func forEachLine(_ body: (JSONObject) -> Void) throws(IOFailure) {
        var lines = try reader()
        while let line = try lines.nextLine() {
            guard let object = (try? JSONCodec.parse(line))?.objectValue else { throw IOFailure("cannot read back '\(name)': a line is not JSON") }
            body(object)
        }
    }
}

/// The next entry of one run in a k-way merge, with the key it is sorted by.
final class RunCursor {
    private let run: SpillRun
    private var lines: LineReader
    private(set) var line: JSONObject?
    private(set) var key: PartialCodec.LineKey?

    init(_ run: SpillRun) throws(IOFailure) {
        self.run = run
        lines = try run.reader()
        try advance()
    }

    /// Moves to the run's next line (nil at its end).
    func advance() throws(IOFailure) {
        guard let bytes = try lines.nextLine() else {
            line = nil
            key = nil
            return
        }
        guard let object = (try? JSONCodec.parse(bytes))?.objectValue, let found = PartialCodec.LineKey(object) else {
            throw IOFailure("cannot read back '\(run.name)': line \(lines.lineNumber) is not a partial line")
        }
        line = object
        key = found
    }
}

/// The spill folder to remove if a signal ends the process (one report at a time).
enum SpillSignals {
    nonisolated(unsafe) private static var folder: UnsafeMutablePointer<CChar>?
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func remember(_ path: String) {
        forget()
        folder = strdup(path)
        for number in signals {
            signal(number) { received in
                if let folder = SpillSignals.folder { rmdir(folder) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func forget() {
        guard let path = folder else { return }
        folder = nil
        free(path)
        for number in signals { signal(number, SIG_DFL) }
    }
}
