public import GleanerCore

/// What a run produces, in output order.
public enum FetchEvent: Sendable, Equatable {
    /// A record for standard output.
    case record(JSONObject)
    /// A diagnostic for standard error (e.g. invalid UTF-8 in a named file).
    case warning(String)
    /// A source that failed.
    case failure(FetchFailure)
}

/// What one source gives before repeats are dropped: an event, or the events of one URL a feed
/// or sitemap listed. The fetcher hands an article's events on only where its URL first appears
/// in source order, so the same article listed by two feeds (or two sitemaps of one index) comes
/// out once, deterministically.
enum SourceEvent: Sendable {
    case event(FetchEvent)
    case article(url: String, events: [SourceEvent])
}

/// Where a run's events go; the executable writes them, tests collect them.
public protocol FetchOutput {
    /// Handles one event.
    /// - Returns: `false` to stop the run (e.g. the first failure under `--on-error fail`).
    /// - Throws: To stop at once (e.g. stdout was closed).
    mutating func handle(_ event: FetchEvent) throws -> Bool
}

/// Counts of a finished run, for `--stats` and the exit status.
public struct FetchSummary: Sendable, Equatable {
    public var sources = 0
    public var records = 0
    public var cached = 0
    public var warnings = 0
    /// Failures by reason.
    public var failures: [FailureReason: Int] = [:]
    /// True when the output asked to stop before every source was done.
    public var stopped = false
    /// The first failure, whose reason picks the exit status.
    public var firstFailure: FetchFailure?

    public init() {}

    public var failed: Int { failures.values.reduce(0, +) }
}
