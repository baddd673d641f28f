import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a run could not start.
public enum RunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stage's program is neither next to `gleaner` nor on PATH.
    case notFound(stage: String, program: String, searched: String)
    /// The operating system refused to create a pipe or a process.
    case system(operation: String, detail: String)

    public var description: String {
        switch self {
        case .notFound(let stage, let program, let searched):
            "stage '\(stage)': cannot find the program '\(program)' \(searched)"
        case .system(let operation, let detail):
            "cannot \(operation): \(detail)"
        }
    }
}

#if os(Linux)
/// glibc's pipe2(2), which the Glibc module hides behind _GNU_SOURCE.
@_silgen_name("pipe2")
private func linuxPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
#endif

/// Thin wrappers over pipe(2), posix_spawn(3) and waitpid(2).
enum SystemProcess {
    /// A pipe whose ends are closed on exec, so children inherit only what they are given.
    static func pipe() throws(RunError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        #if os(Linux)
        // pipe2 sets close-on-exec atomically, so a process started by another thread at the same
        // moment cannot inherit (and hold open) these ends.
        let status = linuxPipe2(&fds, O_CLOEXEC)
        #else
        let status = Glibc.pipe(&fds)
        if status == 0 { fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) } }
        #endif
        guard status == 0 else {
            throw .system(operation: "create a pipe", detail: String(cString: strerror(errno)))
        }
        return (fds[0], fds[1])
    }

    /// Opens /dev/null for writing, closed on exec.
    static func devNull() throws(RunError) -> Int32 {
        let fd = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(operation: "open /dev/null", detail: String(cString: strerror(errno))) }
        return fd
    }

    /// Starts `path` with `arguments` (argv[0] included) and the given standard streams.
    /// The child gets SIGPIPE back at its default action, so a closed reader ends it as in a shell.
    static func spawn(
        path: String, arguments: [String], environment: [String: String],
        stdin: Int32, stdout: Int32, stderr: Int32
    ) throws(RunError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Also when source == target: glibc then clears close-on-exec, which matters when the
        // runner's own fd 0, 1 or 2 was closed and a pipe end took its number.
        for (source, target) in [(stdin, Int32(0)), (stdout, Int32(1)), (stderr, Int32(2))] {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        // SIGPIPE, and the signals the runner forwards (it handles them itself), back at their defaults.
        for signal in [SIGPIPE] + SignalForwarding.forwarded { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        // Each stage leads its own process group, so a signal reaches everything it started.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        var status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        // A program that was just written may still be open for writing in a process that
        // another thread is starting at this moment; that lasts microseconds.
        var attempts = 0
        while status == ETXTBSY, attempts < 50 {
            attempts += 1
            usleep(10_000)
            status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        guard status == 0 else {
            throw .system(operation: "start \(path)", detail: String(cString: strerror(status)))
        }
        return pid
    }

    /// Waits for one child and decodes how it ended.
    static func wait(for pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(127) }
        }
        return Termination(waitStatus: status)
    }

    /// Writes every byte, retrying short writes; false when the reader has gone.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
