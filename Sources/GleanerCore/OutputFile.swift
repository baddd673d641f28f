#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A named output file that is replaced atomically when it is a regular file and written in
/// place when it is not.
///
/// A regular file (or a symlink to one, or a path that does not exist yet) is written to a
/// temporary file beside the *resolved* target and renamed over it on ``commit()``, so a failed
/// run leaves the old file and a symlink stays a symlink. A device or FIFO (`/dev/null`,
/// `/dev/stdout`, a named pipe, or a symlink to one) is opened and written in place: it is
/// never replaced by a regular file. A directory is refused. Every write, `fsync` and `close`
/// is checked, so `/dev/full` fails with exit 74. ``standardOutput()`` is the same writer on
/// fd 1, for commands whose `--output` is optional.
///
/// the text `write(_:)` buffers text and writes it in blocks of 64 KiB; ``commit()`` writes
/// what is left.
public final class OutputFile {
    /// The path as the user named it (used in messages).
    public let path: String
    private let fd: Int32
    private let target: String
    private let temporary: String?
    private let isStandardOutput: Bool
    private var pending: [UInt8] = []
    private var finished = false

    /// Standard output, written in place; it is flushed, never closed, by ``commit()``.
    public static func standardOutput() -> OutputFile { OutputFile() }

    private init() {
        path = "standard output"
        fd = 1
        target = path
        temporary = nil
        isStandardOutput = true
    }

    /// Opens `path` for writing.
    /// - Throws: ``IOFailure`` naming the path (a directory, a missing folder, no permission,
    ///   a FIFO with no reader).
    public init(path: String) throws(IOFailure) {
        self.path = path
        isStandardOutput = false
        let (target, mode) = try Self.resolve(path)
        self.target = target
        if let mode, mode & S_IFMT != S_IFREG {
            guard mode & S_IFMT != S_IFDIR else { throw IOFailure("cannot write '\(path)': it is a directory") }
            // O_NONBLOCK so a FIFO without a reader fails (ENXIO) instead of blocking; cleared after.
            let opened = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
            guard opened >= 0 else {
                if errno == ENXIO { throw IOFailure("cannot write '\(path)': a FIFO with no reader") }
                throw IOFailure.errno("cannot write", path)
            }
            _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)
            fd = opened
            temporary = nil
        } else {
            let temporary = target + ".tmp-\(getpid())"
            let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard opened >= 0 else { throw IOFailure.errno("cannot write", path) }
            fd = opened
            self.temporary = temporary
        }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Whether the output is written in place (a device or FIFO) rather than renamed into place.
    public var isInPlace: Bool { temporary == nil }

    /// Writes all of `bytes`.
    /// - Throws: ``IOFailure`` (exit 74) naming the path, e.g. on a full disk or `/dev/full`.
    public func write(_ bytes: [UInt8]) throws(IOFailure) {
        guard FileDescriptorIO.writeAll(fd, bytes) else { throw IOFailure.errno("cannot write", path) }
    }

    /// Appends text, written out in blocks of 64 KiB.
    /// - Throws: ``ClosedOutput`` when standard output's reader went away (EPIPE), else ``IOFailure``.
    public func write(_ text: String) throws {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Writes the text buffered by the text `write(_:)`.
    /// - Throws: ``ClosedOutput`` when standard output's reader went away (EPIPE), else ``IOFailure``.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        guard FileDescriptorIO.writeAll(fd, pending) else {
            if isStandardOutput && errno == EPIPE { throw ClosedOutput() }
            throw IOFailure.errno("cannot write", path)
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes: buffered text is written; a regular file is synced, closed and renamed over the
    /// target; a device is closed (standard output stays open).
    /// - Throws: ``IOFailure`` when a write, sync, close or rename fails (the target is then left as it was).
    public func commit() throws(IOFailure) {
        finished = true
        if !pending.isEmpty {
            guard FileDescriptorIO.writeAll(fd, pending) else {
                let failure = IOFailure.errno("cannot write", path)
                if let temporary { unlink(temporary) }
                if !isStandardOutput { close(fd) }
                throw failure
            }
            pending.removeAll()
        }
        guard let temporary else {
            guard isStandardOutput || close(fd) == 0 else { throw IOFailure.errno("cannot write", path) }
            return
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let failure = IOFailure.errno("cannot write", path)
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, target) == 0 else {
            let failure = IOFailure.errno("cannot rename to", path)
            unlink(temporary)
            throw failure
        }
    }

    /// Drops the output: a temporary file is removed and the target left as it was.
    public func abandon() {
        finished = true
        pending.removeAll()
        if !isStandardOutput { close(fd) }
        if let temporary { unlink(temporary) }
    }

    /// Empties `path` for a run that appends to it: a regular file (through a symlink too) is
    /// truncated in place, a missing one created; a device or FIFO is left alone.
    /// - Throws: ``IOFailure`` naming the path.
    public static func empty(_ path: String) throws(IOFailure) {
        let (target, mode) = try resolve(path)
        if let mode, mode & S_IFMT != S_IFREG {
            guard mode & S_IFMT != S_IFDIR else { throw IOFailure("cannot write '\(path)': it is a directory") }
            return
        }
        let opened = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw IOFailure.errno("cannot write", path) }
        guard close(opened) == 0 else { throw IOFailure.errno("cannot write", path) }
    }

    /// Whether `path` names a regular file (through symlinks): what may be read back whole.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Creates the folders `path` needs as the kernel resolves them (`a/../b/x` needs `a` and
    /// `b`, like `mkdir -p`), then checks the folder is a writable directory, so a bad output
    /// path fails before a pipeline starts rather than after its earlier stages ran.
    /// - Throws: ``IOFailure`` naming the path and the part that failed.
    public static func prepareFolder(for path: String) throws(IOFailure) {
        guard let slash = path.lastIndex(of: "/") else { return try checkFolder(".", for: path) }
        let folder = String(path[..<slash])
        guard !folder.isEmpty else { return try checkFolder("/", for: path) }
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if component == "." || component == ".." { continue }
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { throw IOFailure.errno("cannot create the folder", prefix) }
        }
        try checkFolder(folder, for: path)
    }

    private static func checkFolder(_ folder: String, for path: String) throws(IOFailure) {
        var info = stat()
        guard stat(folder, &info) == 0 else { throw IOFailure.errno("cannot write '\(path)': folder", folder) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw IOFailure("cannot write '\(path)': '\(folder)' is not a folder") }
        guard access(folder, W_OK) == 0 else { throw IOFailure.errno("cannot write '\(path)': folder", folder) }
    }

    /// Follows symlinks from `path` to the file they name: its path and its mode, or a nil
    /// mode when nothing is there yet.
    static func resolve(_ path: String) throws(IOFailure) -> (path: String, mode: mode_t?) {
        var info = stat()
        if stat(path, &info) == 0 {
            // Something is there: a device or FIFO is opened by its own name (links such as
            // /dev/stderr -> /proc/self/fd/2 name no file); a regular file by its real path.
            guard info.st_mode & S_IFMT == S_IFREG else { return (path, info.st_mode) }
            guard let real = realpath(path, nil) else { throw IOFailure.errno("cannot write", path) }
            defer { free(real) }
            return (String(cString: real), info.st_mode)
        }
        guard errno == ENOENT else { throw IOFailure.errno("cannot write", path) }
        // Nothing there yet, perhaps behind a dangling symlink: the file it names is created.
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return (current, nil) }
                throw IOFailure.errno("cannot write", path)
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return (current, info.st_mode) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw IOFailure.errno("cannot write", path) }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + link
            } else {
                current = link
            }
        }
        throw IOFailure("cannot write '\(path)': too many levels of symbolic links")
    }
}
