import GleanerCore

/// Everything that changes how `fetch` fetches, as a plain value (the executable fills it from flags).
public struct FetchOptions: Sendable {
    /// A fixed `fetched_at` for reproducible runs; `nil` stamps each record with the current time.
    public var fetchedAt: String?
    /// Expand RSS, Atom and sitemaps (and sitemap indexes) to the URLs they list.
    public var followFeeds = false
    /// How deep sitemap indexes and feeds of feeds are followed.
    public var feedDepth = 3
    /// Per-request timeout in seconds (no data for this long fails the request).
    public var timeout = 30.0
    /// Total time in seconds for one URL, across redirects, retries and waits.
    public var deadline = 120.0
    /// Further tries after a connection error, 429 or 5xx.
    public var retries = 3
    /// First backoff in seconds; doubles each retry, with full jitter.
    public var backoff = 0.5
    /// The longest Retry-After honoured, in seconds; longer waits fail the URL instead.
    public var maxRetryAfter = 60.0
    /// Redirects followed before giving up.
    public var maxRedirects = 10
    /// Largest body accepted, after decompression.
    public var maxBytes = 10 * 1024 * 1024
    /// The User-Agent header; its product token (before `/`) selects robots.txt groups.
    public var userAgent = "gleaner-fetch/\(GleanerVersion.string)"
    /// Requests in flight at once, over all hosts.
    public var concurrency = 8
    /// Requests in flight at once to one host.
    public var hostConcurrency = 2
    /// Seconds between request starts to one host (robots.txt Crawl-delay raises it).
    public var hostDelay = 1.0
    /// Obey robots.txt (RFC 9309).
    public var obeyRobots = true
    /// Refuse loopback, private, link-local and unique-local addresses after DNS resolution.
    public var denyPrivate = false
    /// Keep ETag/Last-Modified and bodies here; re-runs send conditional requests.
    public var cacheDirectory: String?
    /// Write every request and response to this WARC/1.1 file (`.warc.gz`: gzip per record).
    public var warcPath: String?

    public init() {}
}
