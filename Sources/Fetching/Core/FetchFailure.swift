/// Why a source could not be fetched, in words a person understands.
public enum FailureReason: String, Sendable, CaseIterable, Comparable {
    case noSuchFile = "no such file"
    case unreadable = "unreadable"
    case unsupported = "unsupported"
    case dns = "dns"
    case refused = "refused"
    case timeout = "timeout"
    case tls = "tls"
    case status = "status"
    case tooLarge = "too large"
    case redirects = "redirects"
    case robots = "robots"
    case privateAddress = "private address"
    case network = "network"
    case badArchive = "bad archive"
    /// A body that does not match its headers: truncated, longer than or shorter than its
    /// Content-Length, conflicting Content-Length headers, corrupt compression.
    case badBody = "bad body"

    public static func < (lhs: FailureReason, rhs: FailureReason) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The sysexits code a run that stops on this failure ends with.
    public var exitCode: Int32 {
        switch self {
        case .noSuchFile: return 66
        case .unreadable: return 74
        case .unsupported, .badArchive: return 65
        default: return 69
        }
    }
}

/// A source that failed: what was asked for, why, and a message quoting it.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The argument or list line as given.
    public var input: String
    /// The line number in the list it came from (`-` or `--urls FILE`), if any.
    public var line: Int?
    public var reason: FailureReason
    /// The full human message, e.g. `no such file 'x.txt'` or `status 404 for 'https://...'`.
    public var message: String

    public init(input: String, line: Int? = nil, reason: FailureReason, message: String) {
        self.input = input
        self.line = line
        self.reason = reason
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
