import Fetching
import Foundation
import GleanerCore

/// Records to stdout, warnings and failures to stderr, failures to the dead-letter file.
struct StandardOutput: FetchOutput {
    let policy: FailurePolicy
    let records = RecordWriter()
    let deadLetters: RecordWriter?
    private let deadLetterDescriptor: Int32?

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
        switch event {
        case .record(let record):
            var bytes: [UInt8] = []
            JSONCodec.write(.object(record), into: &bytes)
            try records.writeLine(bytes)
            return true
        case .warning(let message):
            StandardError.write("fetch: warning: \(message)")
            return true
        case .failure(let failure):
            if let deadLetters {
                var bytes: [UInt8] = []
                JSONCodec.write(.object(FailurePolicy.deadLetter(failure)), into: &bytes)
                try deadLetters.writeLine(bytes)
            } else {
                StandardError.write("fetch: \(failure)\(policy.continues ? " (skipped)" : "")")
            }
            return policy.continues
        }
    }

    func finish() throws {
        try records.flush()
        try deadLetters?.flush()
        if let deadLetterDescriptor { close(deadLetterDescriptor) }
    }
}
