import Foundation
import GleanerCore
#if canImport(Glibc)
import Glibc
#endif

/// Mutable state shared between the runner's threads, behind one lock.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var terminations: [Termination?]
    private var seconds: [Double]
    private var counts: [Int?]
    private var stats: [JSONObject?]

    init(count: Int, counted: Set<Int>) {
        terminations = Array(repeating: nil, count: count)
        seconds = Array(repeating: 0, count: count)
        counts = (0..<count).map { counted.contains($0) ? 0 : nil }
        stats = Array(repeating: nil, count: count)
    }

    func finish(_ index: Int, _ termination: Termination, after elapsed: Double) {
        lock.withLock {
            terminations[index] = termination
            seconds[index] = elapsed
        }
    }

    func addRecords(_ index: Int, _ count: Int) {
        lock.withLock { counts[index] = (counts[index] ?? 0) + count }
    }

    func setStats(_ index: Int, _ object: JSONObject) {
        lock.withLock { stats[index] = object }
    }

    func snapshot(labels: [String], now elapsed: Double) -> [StageProgress] {
        lock.withLock {
            labels.indices.map { index in
                StageProgress(
                    label: labels[index], termination: terminations[index],
                    seconds: terminations[index] == nil ? elapsed : seconds[index], recordsOut: counts[index])
            }
        }
    }

    func results(labels: [String]) -> [StageResult] {
        lock.withLock {
            labels.indices.map { index in
                StageResult(
                    label: labels[index], termination: terminations[index] ?? .exited(127),
                    seconds: seconds[index], recordsOut: counts[index], stats: stats[index])
            }
        }
    }
}

/// Copies bytes between pipes inside the runner: one reader, one or more writers (a tee),
/// counting the newline-terminated records that pass.
enum StreamRelay {
    /// Copies `source` to every `sinks` fd until end of input or until every reader has gone;
    /// closes all of them at the end, so the writer upstream sees SIGPIPE when nobody reads.
    static func copy(from source: Int32, to sinks: [Int32], count: (Int) -> Void) {
        var open = sinks
        var buffer = [UInt8](repeating: 0, count: 1 << 17)
        while !open.isEmpty {
            let got = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            let newlines = buffer.withUnsafeBytes { bytes in
                var count = 0
                for byte in UnsafeRawBufferPointer(rebasing: bytes[0..<got]) where byte == 0x0A { count += 1 }
                return count
            }
            if newlines > 0 { count(newlines) }
            open = buffer.withUnsafeBytes { bytes in
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[0..<got])
                return open.filter { fd in
                    if SystemProcess.writeAll(fd, chunk) { return true }
                    close(fd)
                    return false
                }
            }
        }
        close(source)
        open.forEach { close($0) }
    }

    /// Reads a stage's standard error line by line: JSON-object lines (its `--stats`) go to
    /// `stats` when given, every other line (without its newline) to `pass`, unchanged.
    static func filterLines(
        from source: Int32, stats: ((JSONObject) -> Void)?, pass: (ArraySlice<UInt8>) -> Void
    ) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        func emit(_ line: ArraySlice<UInt8>) {
            if let stats, line.first == UInt8(ascii: "{"), case .object(let object)? = try? JSONCodec.parse(line) {
                stats(object)
                return
            }
            pass(line)
        }
        while true {
            let got = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            pending += buffer[0..<got]
            while let newline = pending.firstIndex(of: 0x0A) {
                emit(pending[..<newline])
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { emit(pending[...]) }
        close(source)
    }
}
