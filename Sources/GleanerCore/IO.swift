#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses every Gleaner executable uses (sysexits.h).
public enum SysExit {
    public static let ok: Int32 = 0
    public static let usage: Int32 = 2
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let unavailable: Int32 = 69
    public static let ioError: Int32 = 74
}

/// The version every executable reports with `--version`.
public enum GleanerVersion {
    public static let string = "0.1.0"
}

/// Writes diagnostics to standard error (fd 2), one line at a time.
public enum StandardError {
    /// Writes `line` and a newline to fd 2, unbuffered.
    public static func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        _ = FileDescriptorIO.writeAll(2, bytes)
    }

    /// Whether standard error is a terminal (for progress and colour).
    public static var isTerminal: Bool { isatty(2) == 1 }
}

/// Reads standard input (fd 0).
public enum StandardInput {
    /// Everything on standard input until its end (empty when it cannot be read).
    public static func readAll() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

/// An I/O failure, quoting the path or descriptor.
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// The exit status this failure maps to.
    public var exitStatus: Int32

    public init(_ description: String, exitStatus: Int32 = SysExit.ioError) {
        self.description = description
        self.exitStatus = exitStatus
    }

    /// Describes the current `errno` for an operation on `path`.
    public static func errno(_ operation: String, _ path: String) -> IOFailure {
        let code = Glibc.errno
        let message = String(cString: strerror(code))
        return IOFailure("\(operation) '\(path)': \(message)", exitStatus: code == ENOENT ? SysExit.noInput : SysExit.ioError)
    }
}

/// Raw writes to a file descriptor.
public enum FileDescriptorIO {
    /// Writes all bytes, retrying on EINTR. Returns false on EPIPE or another error (see `errno`).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

/// Reads newline-delimited lines from a file descriptor with read(2) and a large buffer.
///
/// Handles lines of any length, CRLF endings, a last line without a newline.
/// Blank lines are returned as empty lines (the caller decides what they mean).
public struct LineReader: ~Copyable {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var reachedEOF = false
    /// The 1-based number of the last line returned.
    public private(set) var lineNumber = 0

    /// Reads from an open descriptor (not closed at the end).
    public init(fileDescriptor: Int32, bufferSize: Int = 1 << 20) {
        fd = fileDescriptor
        ownsDescriptor = false
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Opens a file for reading.
    /// - Throws: ``IOFailure`` (exit 66 when the file does not exist).
    public init(path: String, bufferSize: Int = 1 << 20) throws(IOFailure) {
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else { throw IOFailure.errno("cannot open", path) }
        fd = opened
        ownsDescriptor = true
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// The next line without its terminator, or nil at the end of input.
    /// - Throws: ``IOFailure`` when reading fails.
    public mutating func nextLine() throws(IOFailure) -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let newline = findNewline(from: searchFrom) {
                var lineEnd = newline
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if reachedEOF {
                guard start < end else { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = end
                lineNumber += 1
                return line
            }
            let scanned = end
            try fill()
            searchFrom = scanned - shiftedBy
        }
    }

    private var shiftedBy = 0

    private func findNewline(from offset: Int) -> Int? {
        buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard offset < end else { return nil }
            let base = pointer.baseAddress! + offset
            guard let found = memchr(base, 0x0A, end - offset) else { return nil }
            return offset + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }

    private mutating func fill() throws(IOFailure) {
        shiftedBy = 0
        if start > 0 {
            // Move the unfinished line to the front.
            let remaining = end - start
            if remaining > 0 {
                buffer.withUnsafeMutableBufferPointer { pointer in
                    let base = pointer.baseAddress!
                    memmove(base, base + start, remaining)
                }
            }
            shiftedBy = start
            start = 0
            end = remaining
        }
        if end == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                read(fd, pointer.baseAddress! + end, pointer.count - end)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EIO, let failure = TerminalInput.backgroundFailure(fd) { throw failure }
                throw IOFailure("read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { reachedEOF = true } else { end += count }
            return
        }
    }
}

/// The standard output of a stage: buffered, flushed per record when stdout is
/// not a regular file (so pipes see records as they are made).
public final class RecordWriter {
    private let fd: Int32
    private var pending: [UInt8] = []
    private let flushEachRecord: Bool
    /// Bytes written so far.
    public private(set) var bytesWritten = 0

    /// A writer on a descriptor; `flushEachRecord` defaults to "not a regular file".
    public init(fileDescriptor: Int32 = 1, flushEachRecord: Bool? = nil) {
        fd = fileDescriptor
        if let flushEachRecord {
            self.flushEachRecord = flushEachRecord
        } else {
            var info = stat()
            let isRegular = fstat(fileDescriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            self.flushEachRecord = !isRegular
        }
        pending.reserveCapacity(1 << 16)
    }

    /// Writes one line (a newline is added).
    /// - Throws: ``ClosedOutput`` when the reader went away (EPIPE); ``IOFailure`` on other errors.
    public func writeLine(_ bytes: [UInt8]) throws {
        pending.append(contentsOf: bytes)
        pending.append(0x0A)
        if flushEachRecord || pending.count >= 1 << 16 { try flush() }
    }

    /// Writes everything buffered.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        let ok = FileDescriptorIO.writeAll(fd, pending)
        if !ok {
            if errno == EPIPE { throw ClosedOutput() }
            throw IOFailure("write failed: \(String(cString: strerror(errno)))")
        }
        bytesWritten += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}

/// Standard output was closed by its reader (`| head -1`): the stage ends quietly with 0.
public struct ClosedOutput: Error, Sendable {
    public init() {}
}

/// Ignores SIGPIPE so a closed stdout shows up as EPIPE, which stages treat as a quiet end.
public func ignoreBrokenPipeSignal() {
    signal(SIGPIPE, SIG_IGN)
}

/// Ignores SIGTTIN and SIGTTOU, which stop a process of a background process group that reads
/// its terminal (or writes to it under `stty tostop`) without a word: reading then fails with
/// EIO, which ``TerminalInput`` turns into a message, and writing goes through. Children started
/// later inherit this, so a `run:` script under `gleaner run` fails the same way instead of
/// stopping.
public func ignoreTerminalStopSignals() {
    signal(SIGTTIN, SIG_IGN)
    signal(SIGTTOU, SIG_IGN)
}

/// Standard input that is a terminal this process may not read: it belongs to another
/// process group (the shell's foreground job), as for `stage &` or a stage under `gleaner run`,
/// which starts each stage in a process group of its own.
public enum TerminalInput {
    /// What a stage says when it cannot read records from the terminal.
    public static let backgroundMessage =
        "cannot read standard input: it is a terminal that belongs to the foreground job, and this process runs in"
        + " another process group (started with '&', or as a stage of gleaner run); give the records with '< FILE' or through a pipe"

    /// The failure of reading `fd`, when `fd` is a terminal whose foreground process group is
    /// not this process's (a read would stop the process, or fail with EIO); nil otherwise.
    public static func backgroundFailure(_ fd: Int32) -> IOFailure? {
        guard isatty(fd) == 1 else { return nil }
        let foreground = tcgetpgrp(fd)
        guard foreground > 0, foreground != getpgrp() else { return nil }
        return IOFailure(backgroundMessage, exitStatus: SysExit.noInput)
    }
}

/// Writes a file atomically: to a temporary file beside it, then rename (see ``OutputFile``:
/// a device or FIFO is written in place, a symlink kept).
public enum AtomicFile {
    /// Replaces `path` with `bytes`, so readers see the old or the new file, never half of one.
    /// - Throws: ``IOFailure`` naming the path.
    public static func write(_ bytes: [UInt8], to path: String) throws(IOFailure) {
        let file = try OutputFile(path: path)
        do {
            try file.write(bytes)
        } catch {
            file.abandon()
            throw error
        }
        try file.commit()
    }
}
