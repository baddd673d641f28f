import Foundation
import GleanerCore
import TestSupport
@testable import Fetching

/// Collects a run's events, stopping at the first failure when asked to.
struct CollectingOutput: FetchOutput {
    var events: [FetchEvent] = []
    var stopOnFailure = false

    mutating func handle(_ event: FetchEvent) throws -> Bool {
        events.append(event)
        if case .failure = event { return !stopOnFailure }
        return true
    }

    var records: [JSONObject] {
        events.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
    }
    var failures: [FetchFailure] {
        events.compactMap { if case .failure(let failure) = $0 { return failure } else { return nil } }
    }
    var warnings: [String] {
        events.compactMap { if case .warning(let warning) = $0 { return warning } else { return nil } }
    }
}

/// Records the waits the fetcher asks for and returns at once, so retry tests take no time.
actor SleepRecorder {
    private(set) var waits: [Double] = []
    func record(_ seconds: Double) { waits.append(seconds) }
}

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gleaner-fetch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }
}

/// Options for tests: no politeness delay, a fixed fetched_at.
func testOptions(_ configure: (inout FetchOptions) -> Void = { _ in }) -> FetchOptions {
    var options = FetchOptions()
    options.fetchedAt = "2024-05-01T12:00:00Z"
    options.hostDelay = 0
    options.timeout = 10
    options.backoff = 0.01
    configure(&options)
    return options
}

/// Resolves and fetches `arguments` the way the executable does, collecting events.
func fetch(
    _ arguments: [String], stdin: String = "", options: FetchOptions = testOptions(), stopOnFailure: Bool = false,
    recorder: SleepRecorder? = nil
) async throws -> CollectingOutput {
    let items = SourceResolver { Array(stdin.utf8) }.resolve(arguments: arguments)
    var output = CollectingOutput(stopOnFailure: stopOnFailure)
    let fetcher: Fetcher
    if let recorder {
        fetcher = Fetcher(options: options, sleep: { await recorder.record($0) })
    } else {
        fetcher = Fetcher(options: options)
    }
    _ = try await fetcher.run(items, output: &output)
    return output
}

extension JSONObject {
    func string(_ key: String) -> String? { self[key]?.stringValue }
}

/// The loopback fault server (Tests/Fixtures/fault_server.py), started once for the test run.
/// It listens on 127.0.0.1 only and exits when this process closes its stdin.
final class FaultServer: @unchecked Sendable {
    let port: Int
    /// The HTTPS twin with a self-signed certificate, when openssl was there to make one.
    let tlsPort: Int?
    private let process: Process
    private let stdin: Pipe

    private init() throws {
        let script = Executables.packageRoot.appendingPathComponent("Tests/Fixtures/fault_server.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--port", "0", "--lifetime", "900"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let line = stdout.firstLine()
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "PORT", let port = Int(words[1]) else {
            process.terminate()
            throw FetchSetupError("fault server did not start: '\(line)'")
        }
        self.port = port
        tlsPort = words.count >= 4 && words[2] == "TLSPORT" ? Int(words[3]) : nil
        self.process = process
        self.stdin = stdin
    }

    private static let started = Result { try FaultServer() }

    /// The running server.
    static func shared() throws -> FaultServer { try started.get() }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}
