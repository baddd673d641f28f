import ArgumentParser
import Fetching
import GleanerCore

struct FetchCommand: GleanerAsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Read documents from files, directories, globs, WARC archives and http(s) URLs; write one NDJSON record each.",
        discussion: """
            Sources are the <input> arguments: paths, directories (every non-hidden file, sorted), globs \
            (expanded by fetch), http(s) URLs, .warc/.warc.gz archives, and '-' for a list of paths or URLs \
            on standard input. Output follows argument order.

            Examples:
              fetch seeds/*.txt | clean | extract
              fetch --urls urls.txt --concurrency 16 --cache .cache/fetch --warc out/crawl.warc.gz
              fetch --follow-feeds https://example.org/sitemap.xml
            """,
        version: GleanerVersion.string)

    @OptionGroup var common: StageOptions

    @Option(name: .long, help: ArgumentHelp("A file of http(s) URLs, one per line (repeatable).", valueName: "file"))
    var urls: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this RFC 3339 time as fetched_at (reproducible runs).", valueName: "time"))
    var fetchedAt: String?

    @Flag(name: .long, help: "Expand RSS, Atom and XML sitemaps (and sitemap indexes) to the articles they list.")
    var followFeeds = false

    @Option(name: .long, help: ArgumentHelp("Per-request timeout.", valueName: "seconds"))
    var timeout = 30.0

    @Option(name: .long, help: ArgumentHelp("Total time for one URL across redirects and retries.", valueName: "seconds"))
    var deadline = 120.0

    @Option(name: .long, help: "Retries after a connection error, 429 or 5xx (exponential backoff with jitter; Retry-After honoured).")
    var retries = 3

    @Option(name: .long, help: "Redirects followed before giving up.")
    var maxRedirects = 10

    @Option(name: .long, help: ArgumentHelp("Largest body accepted, after decompression.", valueName: "bytes"))
    var maxBytes = 10 * 1024 * 1024

    @Option(name: .long, help: "The User-Agent header (its product token selects robots.txt rules).")
    var userAgent = "gleaner-fetch/\(GleanerVersion.string)"

    @Option(name: .long, help: "HTTP requests in flight at once, over all hosts.")
    var concurrency = 8

    @Option(name: .long, help: "HTTP requests in flight at once to one host.")
    var hostConcurrency = 2

    @Option(name: .long, help: ArgumentHelp("Seconds between requests to one host (robots.txt Crawl-delay can raise it).", valueName: "seconds"))
    var hostDelay = 1.0

    @Flag(name: .long, help: "Do not fetch or obey robots.txt (only for sites you own).")
    var ignoreRobots = false

    @Flag(name: .long, help: "Refuse hosts that resolve to loopback or private addresses.")
    var denyPrivate = false

    @Option(name: .long, help: ArgumentHelp("Keep responses here; re-runs send conditional requests.", valueName: "dir"))
    var cache: String?

    @Option(name: .long, help: ArgumentHelp("Write requests and responses as WARC/1.1 (.warc.gz: gzipped).", valueName: "file"))
    var warc: String?

    @Flag(name: .long, help: "Print the resolved sources as NDJSON, one item a line, and exit (how a distributed run splits the work).")
    var listSources = false

    @Option(name: .long, help: ArgumentHelp(
        "Fetch the items of a --list-sources output ('-': standard input) instead of the inputs.", valueName: "file"))
    var fromList: String?

    mutating func validate() throws {
        if let fetchedAt, Timestamp.parseRFC3339(fetchedAt) == nil {
            throw ValidationError("--fetched-at must be an RFC 3339 time like 2024-05-01T12:00:00Z (got '\(fetchedAt)')")
        }
        guard timeout > 0, deadline > 0 else { throw ValidationError("--timeout and --deadline must be positive") }
        guard retries >= 0, maxRedirects >= 0, maxBytes > 0 else {
            throw ValidationError("--retries and --max-redirects must be 0 or more, --max-bytes positive")
        }
        guard concurrency >= 1, hostConcurrency >= 1, hostDelay >= 0 else {
            throw ValidationError("--concurrency and --host-concurrency must be at least 1, --host-delay 0 or more")
        }
        if common.settings.inputs.isEmpty && urls.isEmpty && fromList == nil {
            throw ValidationError("give paths, URLs, '-' or --urls FILE")
        }
    }

    var fetchOptions: FetchOptions {
        var options = FetchOptions()
        options.fetchedAt = fetchedAt
        options.followFeeds = followFeeds
        options.timeout = timeout
        options.deadline = deadline
        options.retries = retries
        options.maxRedirects = maxRedirects
        options.maxBytes = maxBytes
        options.userAgent = userAgent
        options.concurrency = max(concurrency, common.jobs)
        options.hostConcurrency = hostConcurrency
        options.hostDelay = hostDelay
        options.obeyRobots = !ignoreRobots
        options.denyPrivate = denyPrivate
        options.cacheDirectory = cache
        options.warcPath = warc
        return options
    }

    func run() async throws {
        var job = FetchJob(settings: common.settings, options: fetchOptions, urlLists: urls)
        job.sourceList = fromList
        job.listSources = listSources
        let status = await job.run()
        if status != SysExit.ok { throw ExitCode(status) }
    }
}
