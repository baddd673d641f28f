import Dispatch
import Fetching
import Foundation
import GleanerCore

/// Records to stdout, warnings and failures to stderr, failures to the dead-letter file.
struct StandardOutput: FetchOutput {
    let policy: FailurePolicy
    let records = RecordWriter()
    let deadLetters: RecordWriter?
    private let deadLetterDescriptor: Int32?
    /// A one-line counter on stderr, only when stderr is a terminal.
    private var progress = ProgressLine(enabled: StandardError.isTerminal)

    init(policy: FailurePolicy, deadLetterPath: String?) throws {
        self.policy = policy
        if let path = deadLetterPath {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            guard fd >= 0 else { throw IOFailure.errno("cannot open dead-letter file", path) }
            deadLetterDescriptor = fd
            deadLetters = RecordWriter(fileDescriptor: fd, flushEachRecord: true)
        } else {
            deadLetterDescriptor = nil
            deadLetters = nil
        }
    }

    mutating func handle(_ event: FetchEvent) throws -> Bool {
        progress.count(event)
        switch event {
        case .record(let record):
            var bytes: [UInt8] = []
            JSONCodec.write(.object(record), into: &bytes)
            try records.writeLine(bytes)
            return true
        case .warning(let message):
            progress.clear()
            StandardError.write("fetch: warning: \(message)")
            return true
        case .failure(let failure):
            if let deadLetters {
                var bytes: [UInt8] = []
                JSONCodec.write(.object(FailurePolicy.deadLetter(failure)), into: &bytes)
                try deadLetters.writeLine(bytes)
            } else {
                progress.clear()
                StandardError.write("fetch: \(failure)\(policy.continues ? " (skipped)" : "")")
            }
            return policy.continues
        }
    }

    mutating func finish() throws {
        progress.clear()
        try records.flush()
        try deadLetters?.flush()
        if let deadLetterDescriptor { close(deadLetterDescriptor) }
    }
}

/// `fetch: 1200 records, 3 failed` rewritten in place at most five times a second.
struct ProgressLine {
    let enabled: Bool
    private var records = 0
    private var failed = 0
    private var lastDraw = DispatchTime.now()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    mutating func count(_ event: FetchEvent) {
        guard enabled else { return }
        switch event {
        case .record: records += 1
        case .failure: failed += 1
        case .warning: return
        }
        let now = DispatchTime.now()
        guard now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 200_000_000 else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[Kfetch: \(records) records, \(failed) failed".utf8))
    }

    mutating func clear() {
        guard shown else { return }
        shown = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
