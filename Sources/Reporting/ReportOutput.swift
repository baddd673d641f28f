public import GleanerCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report goes: standard output, or a file written through ``OutputFile``.
///
/// A regular file is written to a temporary file beside it and renamed over it by
/// ``commit()``, so a failed run never leaves a half-written report; until then the old
/// file, if any, is untouched. A device or FIFO is written in place, never replaced.
public final class ReportOutput {
    private let file: OutputFile?
    private var pending: [UInt8] = []
    private var finished = false

    /// Standard output.
    public init() {
        file = nil
    }

    /// A file, replaced atomically on ``commit()`` (written in place when it is a device or FIFO).
    /// - Throws: ``IOFailure`` naming the path when it cannot be written.
    public init(path: String) throws(IOFailure) {
        file = try OutputFile(path: path)
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends text, flushing in large blocks.
    /// - Throws: ``ClosedOutput`` when standard output was closed, ``IOFailure`` on other errors.
    public func write(_ text: String) throws {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        if let file {
            try file.write(pending)
        } else if !FileDescriptorIO.writeAll(1, pending) {
            if errno == EPIPE { throw ClosedOutput() }
            throw IOFailure.errno("cannot write", "standard output")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the output: flushes, and for a file, syncs and renames it into place.
    public func commit() throws {
        try flush()
        finished = true
        try file?.commit()
    }

    /// Drops a file output: the temporary file is removed and the target left as it was.
    public func abandon() {
        finished = true
        file?.abandon()
    }
}
