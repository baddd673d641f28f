public import Foundation

/// What a finished process left behind.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    /// Whether the process ended by a signal rather than exiting.
    public var signalled: Bool

    /// Standard output as UTF-8 text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard output split into non-empty lines.
    public var lines: [String] { output.split(separator: "\n").map(String.init) }
}

/// Locates the package and its built executables, and runs them as a user would.
public enum Executables {
    /// The package root (the folder with Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The folder with the built executables: `GLEANER_BIN`, else beside the running test binary.
    public static let binDirectory: URL = {
        if let bin = ProcessInfo.processInfo.environment["GLEANER_BIN"], !bin.isEmpty {
            return URL(fileURLWithPath: bin)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // The test runner may sit inside a .xctest bundle folder.
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("fetch").path) {
            folder.deleteLastPathComponent()
            if folder.lastPathComponent == "debug" || folder.lastPathComponent == "release" { break }
        }
        return folder
    }()

    /// The path of a built executable such as `clean`.
    public static func path(_ name: String) -> String {
        binDirectory.appendingPathComponent(name).path
    }

    /// A path under the shared folder beside the repository (`../shared`).
    public static func shared(_ relative: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    }

    /// Runs `executable` (a built product name, or an absolute path) with `arguments`,
    /// feeding `input` to its standard input, in `directory` (default: the package root).
    public static func run(
        _ executable: String, _ arguments: [String] = [], input: Data = Data(),
        directory: URL? = nil, environment: [String: String]? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : path(executable))
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        if let environment { process.environment = environment }
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            collected.setStdout(stdoutPipe.fileHandleForReading.readDataToEndOfFile())
        }
        DispatchQueue.global().async(group: group) {
            collected.setStderr(stderrPipe.fileHandleForReading.readDataToEndOfFile())
        }
        let writer = stdinPipe.fileHandleForWriting
        DispatchQueue.global().async(group: group) {
            signal(SIGPIPE, SIG_IGN)
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: collected.stdout,
            stderr: String(decoding: collected.stderr, as: UTF8.self),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs `executable` as ``run(_:_:input:directory:environment:)`` does (empty standard input)
    /// and also reports its peak resident memory (its `VmHWM`, polled every 10 ms while it runs), in KiB.
    public static func runMeasuringMemory(_ executable: String, _ arguments: [String] = []) throws -> (result: ProcessResult, peakKiB: Int) {
        let folder = TemporaryFiles.folder()
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let program = executable.hasPrefix("/") ? executable : path(executable)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        // The child's own high-water mark, read from /proc while it runs: wait4's ru_maxrss would
        // also count this test process's memory, which posix_spawn's shared-memory start carries
        // into the child at exec.
        var status: Int32 = 0
        var peakKiB = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0, errno != EINTR { break }
            peakKiB = max(peakKiB, highWaterKiB(of: pid))
            usleep(10_000)
        }
        let signalled = status & 0x7f != 0
        let result = ProcessResult(
            status: signalled ? status & 0x7f : (status >> 8) & 0xff,
            stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            signalled: signalled)
        try? FileManager.default.removeItem(at: folder)
        return (result, peakKiB)
    }

    /// `VmHWM` of a running process, in KiB (0 once it has gone).
    private static func highWaterKiB(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
    }

    /// Runs a chain of executables joined by pipes in memory (each one's output is the next one's input).
    public static func pipeline(_ stages: [(String, [String])], input: Data = Data()) throws -> ProcessResult {
        var data = input
        var last = ProcessResult(status: 0, stdout: input, stderr: "", signalled: false)
        for (name, arguments) in stages {
            last = try run(name, arguments, input: data)
            guard last.status == 0 else { return last }
            data = last.stdout
        }
        return last
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    func setStdout(_ data: Data) { lock.withLock { out = data } }
    func setStderr(_ data: Data) { lock.withLock { err = data } }
    var stdout: Data { lock.withLock { out } }
    var stderr: Data { lock.withLock { err } }
}

/// Temporary files for tests, removed when the process ends is not needed: they live under /tmp.
extension Pipe {
    /// The first line a started process writes here (a test server announcing its port),
    /// without the line break; what came before end of file when it writes no line.
    public func firstLine() -> String {
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            buffer.append(chunk)
        }
        return String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public enum TemporaryFiles {
    /// A new empty folder under the system temporary folder.
    public static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `data` to a new file and returns its URL.
    public static func file(_ data: Data, name: String = "input.ndjson") -> URL {
        let url = folder().appendingPathComponent(name)
        try! data.write(to: url)
        return url
    }
}
