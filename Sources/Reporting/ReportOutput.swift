public import GleanerCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report goes: standard output, or a file written atomically.
///
/// A file is written to a temporary file beside it and renamed over it by
/// ``commit()``, so a failed run never leaves a half-written report; until
/// then the old file, if any, is untouched.
public final class ReportOutput {
    private let fd: Int32
    private let path: String?
    private let temporary: String?
    private var pending: [UInt8] = []
    private var finished = false

    /// Standard output.
    public init() {
        fd = 1
        path = nil
        temporary = nil
    }

    /// A file, replaced atomically on ``commit()``.
    /// - Throws: ``IOFailure`` naming the path when its folder is not writable.
    public init(path: String) throws(IOFailure) {
        let temporary = path + ".tmp-\(getpid())"
        let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw IOFailure.errno("cannot write", path) }
        fd = opened
        self.path = path
        self.temporary = temporary
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
        let ok = FileDescriptorIO.writeAll(fd, pending)
        guard ok else {
            if errno == EPIPE { throw ClosedOutput() }
            throw IOFailure.errno("cannot write", path ?? "standard output")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the output: flushes, and for a file, syncs and renames it into place.
    public func commit() throws {
        try flush()
        finished = true
        guard let path, let temporary else { return }
        fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else {
            let failure = IOFailure.errno("cannot rename to", path)
            unlink(temporary)
            throw failure
        }
    }

    /// Drops a file output: the temporary file is removed and the target left as it was.
    public func abandon() {
        finished = true
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
}

