import Foundation

/// Fetches http(s) URLs politely: robots.txt, per-host limits and delays,
/// retries with backoff, redirects followed hop by hop, cache and WARC.
final class WebFetcher: Sendable {
    private let options: FetchOptions
    private let client: HTTPClient
    private let slots: AsyncSemaphore
    private let gate: HostGate
    private let robots: RobotsCache
    private let articles = ArticleFetches()
    private let cache: ResponseCache?
    private let warc: WARCWriter?
    private let sleep: @Sendable (Double) async -> Void
    private let now: @Sendable () -> Date

    init(options: FetchOptions, sleep: @escaping @Sendable (Double) async -> Void, now: @escaping @Sendable () -> Date) throws {
        self.options = options
        self.sleep = sleep
        self.now = now
        client = HTTPClient(hostConcurrency: options.hostConcurrency)
        slots = AsyncSemaphore(limit: options.concurrency)
        gate = HostGate(limit: options.hostConcurrency)
        robots = RobotsCache()
        do {
            cache = try options.cacheDirectory.map { try ResponseCache(directory: $0) }
        } catch {
            throw FetchSetupError("cannot create cache directory '\(options.cacheDirectory ?? "")': \(error.localizedDescription)")
        }
        warc = try options.warcPath.map { try WARCWriter(path: $0, software: options.userAgent, date: now()) }
    }

    func finish() { warc?.close() }

    /// One URL's events: its record, or its feed's articles with `--follow-feeds`, or its failure.
    func fetch(_ url: String, input: String, line: Int?, depth: Int) async -> [SourceEvent] {
        switch await retrieve(url, source: input) {
        case .failure(let error):
            let message = "\(error.detail) for '\(input)'"
            return [.event(.failure(FetchFailure(input: input, line: line, reason: error.reason, message: message)))]
        case .success(let document):
            if options.followFeeds, depth < options.feedDepth, let feed = feedLinks(document) {
                if feed.links.isEmpty { return [.event(.warning("\(feed.kind.rawValue) '\(input)' lists no URLs"))] }
                return await fetchAll(feed.links, depth: depth + 1)
            }
            return FetchContext.events(for: document, name: input).map(SourceEvent.event)
        }
    }

    /// The URLs a feed listed, concurrently, each as an article, in list order. A URL another
    /// feed of the run is fetching (or fetched and not yet written) is fetched once.
    func fetchAll(_ urls: [String], depth: Int) async -> [SourceEvent] {
        var results = [[SourceEvent]](repeating: [], count: urls.count)
        await withTaskGroup(of: (Int, [SourceEvent]).self) { group in
            var next = 0
            let window = max(1, options.concurrency) * 2
            func start(_ index: Int) {
                let url = urls[index]
                group.addTask {
                    let events = await self.articles.events(for: url, depth: depth) { await self.fetch(url, input: url, line: nil, depth: depth) }
                    return (index, [.article(url: url, events: events)])
                }
            }
            while next < urls.count, next < window {
                start(next)
                next += 1
            }
            while let (index, events) = await group.next() {
                results[index] = events
                if next < urls.count {
                    start(next)
                    next += 1
                }
            }
        }
        return results.flatMap { $0 }
    }

    /// Called once an article's events were written: a later feed listing it needs nothing kept.
    func written(article url: String) async { await articles.forget(url) }

    private func feedLinks(_ document: Document) -> FeedLinks? {
        var bytes = document.bytes
        if Gzip.isGzip(bytes) {
            guard let inflated = try? Gzip.decompress(bytes, limit: options.maxBytes) else { return nil }
            bytes = inflated
        }
        return FeedLinks.parse(bytes, base: document.finalURL.flatMap { URL(string: $0) })
    }

    /// Follows `url` through redirects to a document, or says why not.
    func retrieve(_ url: String, source: String) async -> Result<Document, TransportError> {
        // Time queued behind politeness limits moves the deadline out: it is not the URL's fault.
        var deadline = now().addingTimeInterval(options.deadline)
        guard var current = URL(string: url) else {
            return .failure(TransportError(reason: .unsupported, detail: "invalid URL", retryable: false))
        }
        let cached = cache?.lookup(url)
        var visited: Set<String> = [current.absoluteString]
        var redirects = 0
        while true {
            guard let scheme = current.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = current.host
            else {
                return .failure(
                    TransportError(reason: .unsupported, detail: "redirect to unsupported URL '\(current.absoluteString)'", retryable: false))
            }
            if options.denyPrivate {
                switch AddressPolicy.firstPrivateAddress(of: host) {
                case .failure(let error): return .failure(error)
                case .success(let address?):
                    return .failure(
                        TransportError(
                            reason: .privateAddress, detail: "refused private address \(address) of host '\(host)'",
                            retryable: false))
                case .success(nil): break
                }
            }
            var delay = options.hostDelay
            if options.obeyRobots {
                let rules: RobotsRules
                let robotsDeadline = deadline
                switch await robots.rules(for: current, fetch: { robotsURL in await self.fetchRobots(robotsURL, deadline: robotsDeadline) }) {
                case .success(let value): rules = value
                // The host cannot be reached at all: say so, rather than blaming robots.txt.
                case .failure(let error): return .failure(error)
                }
                if !rules.allows(WARCWriter.requestTarget(current)) {
                    return .failure(TransportError(reason: .robots, detail: "disallowed by robots.txt", retryable: false))
                }
                delay = max(delay, rules.crawlDelay ?? 0)
            }
            var request = HTTPRequest(url: current)
            request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
            request.setValue(
                "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                forHTTPHeaderField: "Accept")
            if redirects == 0, let cached {
                if let etag = cached.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
                if let lastModified = cached.lastModified {
                    request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
                }
            }
            let response: HTTPResponse
            switch await exchange(request, delay: delay, deadline: &deadline) {
            case .failure(let error): return .failure(error)
            case .success(let value): response = value
            }
            let status = response.status
            if (300..<400).contains(status), status != 304, let location = response.header("location") {
                redirects += 1
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    return .failure(TransportError(reason: .redirects, detail: "bad redirect Location '\(location)'", retryable: false))
                }
                if redirects > options.maxRedirects {
                    return .failure(
                        TransportError(reason: .redirects, detail: "more than \(options.maxRedirects) redirects", retryable: false))
                }
                if !visited.insert(next.absoluteString).inserted {
                    return .failure(
                        TransportError(reason: .redirects, detail: "redirect loop at '\(next.absoluteString)'", retryable: false))
                }
                current = next
                continue
            }
            if status == 304, redirects == 0, let cached {
                let contentType = cached.headers["content-type"]
                return .success(
                    Document(
                        source: source, finalURL: cached.finalURL, status: cached.status, fetchedAt: options.fetchedAt ?? cached.fetchedAt,
                        mediaType: MediaType.detect(contentType: contentType, path: URL(string: cached.finalURL)?.path ?? "", bytes: cached.body),
                        bytes: cached.body, declaredCharset: contentType.flatMap(MediaType.charsetParameter),
                        headers: cached.headers.keys.sorted().map { ($0, cached.headers[$0]!) }, cached: true))
            }
            guard (200..<300).contains(status) else {
                return .failure(TransportError(reason: .status, detail: "status \(status)", retryable: false))
            }
            let contentType = response.header("content-type")
            let fetchedAt = options.fetchedAt ?? Timestamp.rfc3339(now())
            let kept = KeptHeaders.select(response.headers)
            let document = Document(
                source: source, finalURL: response.url.absoluteString, status: status, fetchedAt: fetchedAt,
                mediaType: MediaType.detect(contentType: contentType, path: response.url.path, bytes: response.body),
                bytes: response.body, declaredCharset: contentType.flatMap(MediaType.charsetParameter), headers: kept)
            let etag = response.header("etag")
            let lastModified = response.header("last-modified")
            if let cache, etag != nil || lastModified != nil {
                cache.store(
                    url,
                    ResponseCache.Entry(
                        finalURL: response.url.absoluteString, status: status, fetchedAt: fetchedAt, etag: etag,
                        lastModified: lastModified, headers: Dictionary(kept.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                        body: response.body))
            }
            return .success(document)
        }
    }

    /// One request with retries on connection errors, 429 and 5xx, inside the politeness limits.
    private func exchange(_ request: HTTPRequest, delay: Double, deadline: inout Date) async -> Result<HTTPResponse, TransportError> {
        let hostKey = WARCWriter.hostHeader(request.url)
        var attempt = 0
        while true {
            let remaining = deadline.timeIntervalSince(now())
            guard remaining > 0 else {
                return .failure(
                    TransportError(reason: .timeout, detail: "deadline of \(Self.seconds(options.deadline)) exceeded", retryable: false))
            }
            let queued = now()
            await gate.acquire(host: hostKey, delay: delay)
            await slots.acquire()
            let waited = now().timeIntervalSince(queued)
            deadline = deadline.addingTimeInterval(waited)
            // The whole exchange, body included, must end by the deadline (a body dripped a
            // byte at a time fails there); --timeout is for connecting and for silence.
            let limits = RequestLimits(
                maxBytes: options.maxBytes, idleTimeout: options.timeout, totalTimeout: deadline.timeIntervalSince(now()),
                denyPrivate: options.denyPrivate)
            var result =
                Task.isCancelled
                ? .failure(TransportError(reason: .network, detail: "cancelled", retryable: false))
                : await client.perform(request, limits: limits)
            if case .failure(let error) = result, error.reason == .timeout, now().addingTimeInterval(0.05) >= deadline {
                result = .failure(
                    TransportError(reason: .timeout, detail: "deadline of \(Self.seconds(options.deadline)) exceeded", retryable: false))
            }
            slots.release()
            gate.release(host: hostKey)
            if Task.isCancelled { return result }
            var wait: Double
            switch result {
            case .success(let response):
                warc?.writeExchange(request: request, response: response, date: now())
                guard response.status == 429 || (500...599).contains(response.status) else { return result }
                wait = RetryAfter.seconds(response.header("retry-after"), now: now()) ?? backoff(attempt)
            case .failure(let error):
                guard error.retryable else { return result }
                wait = backoff(attempt)
            }
            guard attempt < options.retries, wait <= options.maxRetryAfter,
                now().addingTimeInterval(wait) < deadline
            else {
                if case .failure(var error) = result, attempt > 0 {
                    error.detail += " (after \(attempt + 1) tries)"
                    return .failure(error)
                }
                if case .success(let response) = result {
                    let tries = attempt > 0 ? " (after \(attempt + 1) tries)" : ""
                    return .failure(TransportError(reason: .status, detail: "status \(response.status)\(tries)", retryable: false))
                }
                return result
            }
            wait = max(0, wait)
            await sleep(wait)
            attempt += 1
        }
    }

    /// Exponential backoff with jitter: half the doubled delay fixed, half random.
    private func backoff(_ attempt: Int) -> Double {
        let full = options.backoff * pow(2, Double(attempt))
        return full / 2 + Double.random(in: 0...(full / 2))
    }

    /// robots.txt for an origin: 2xx parsed, 4xx allow all, 5xx disallow all (RFC 9309);
    /// a host that cannot be reached at all is a failure of its own.
    private func fetchRobots(_ url: URL, deadline: Date) async -> Result<RobotsRules, TransportError> {
        var current = url
        var deadline = deadline
        for _ in 0..<5 {
            var request = HTTPRequest(url: current)
            request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
            let response: HTTPResponse
            switch await exchange(request, delay: options.hostDelay, deadline: &deadline) {
            case .success(let value): response = value
            case .failure(let error) where error.reason == .tooLarge: return .success(.allowAll)
            case .failure(let error) where error.reason == .status: return .success(.disallowAll)
            case .failure(let error): return .failure(error)
            }
            switch response.status {
            case 200..<300:
                return .success(RobotsRules(parsing: String(decoding: response.body, as: UTF8.self), userAgent: options.userAgent))
            case 300..<400:
                guard let location = response.header("location"), let next = URL(string: location, relativeTo: current)?.absoluteURL
                else { return .success(.allowAll) }
                current = next
            case 400..<500: return .success(.allowAll)
            default: return .success(.disallowAll)
            }
        }
        return .success(.allowAll)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}

/// robots.txt per origin, fetched once even when many requests ask at the same time. A lock,
/// not an actor: every request asks, and once the rules are in, asking must not hop threads.
final class RobotsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rules: [String: Task<Result<RobotsRules, TransportError>, Never>] = [:]

    func rules(
        for url: URL, fetch: @escaping @Sendable (URL) async -> Result<RobotsRules, TransportError>
    ) async -> Result<RobotsRules, TransportError> {
        let origin = "\(url.scheme?.lowercased() ?? "http")://\(WARCWriter.hostHeader(url).lowercased())"
        let task = lock.withLock { () -> Task<Result<RobotsRules, TransportError>, Never> in
            if let task = rules[origin] { return task }
            let robotsURL = URL(string: origin + "/robots.txt")!
            let task = Task { await fetch(robotsURL) }
            rules[origin] = task
            return task
        }
        return await task.value
    }
}

/// Feed articles being fetched, by URL, so two feeds listing one article share one request.
/// Keyed by depth too: a task only ever waits for tasks one level deeper, so feeds that list
/// each other cannot wait on themselves.
actor ArticleFetches {
    private var tasks: [String: [Int: Task<[SourceEvent], Never>]] = [:]

    func events(for url: String, depth: Int, fetch: @escaping @Sendable () async -> [SourceEvent]) async -> [SourceEvent] {
        if let task = tasks[url]?[depth] { return await task.value }
        let task = Task { await fetch() }
        tasks[url, default: [:]][depth] = task
        return await task.value
    }

    func forget(_ url: String) { tasks[url] = nil }
}

/// Parses Retry-After: delay-seconds or an HTTP-date.
enum RetryAfter {
    static func seconds(_ value: String?, now: Date) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        return Timestamp.parseHTTPDate(value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
