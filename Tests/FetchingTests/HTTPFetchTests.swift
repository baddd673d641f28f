import Foundation
import GleanerCore
import Testing
@testable import Fetching

/// Every test here talks only to the loopback fault server on 127.0.0.1.
@Suite("HTTP against the loopback fault server", .serialized)
struct HTTPFetchTests {
    let server: FaultServer

    init() throws { server = try FaultServer.shared() }

    func unique(_ prefix: String) -> String { server.url("/\(prefix)/\(UUID().uuidString)") }

    @Test("a page becomes a record with status, final_url, media type, charset and the headers later stages need")
    func page() async throws {
        let url = server.url("/page/1")
        let record = try #require(try await fetch([url]).records.first)
        #expect(record.keys == ["id", "source", "final_url", "status", "fetched_at", "media_type", "charset", "raw", "headers"])
        #expect(record.string(Field.source) == url)
        #expect(record["status"] == .number(200))
        #expect(record.string(Field.mediaType) == "text/html")
        #expect(record.string(Field.charset) == "utf-8")
        #expect(record.string(Field.raw)?.contains("Body of page 1.") == true)
        let headers = try #require(record["headers"]?.objectValue)
        #expect(headers["content-language"] == .string("en"))
        #expect(headers["last-modified"] != nil)
    }

    @Test("charset comes from Content-Type; undeclared legacy HTML is Windows-1252; gzip and deflate bodies are inflated")
    func charsetsAndGzip() async throws {
        let output = try await fetch([
            server.url("/latin1"), server.url("/nocharset"), server.url("/gzip"), server.url("/plain"), server.url("/deflate"),
        ])
        let records = output.records
        #expect(records.count == 5)
        #expect(records[4].string(Field.raw)?.contains("Deflated body.") == true)
        #expect(records[0].string(Field.raw)?.contains("Café") == true)
        #expect(records[1].string(Field.raw)?.contains("“quoted” — café") == true)
        #expect(records[1].string(Field.charset) == "windows-1252")
        #expect(records[2].string(Field.raw)?.contains("Compressed body.") == true)
        #expect(records[3].string(Field.mediaType) == "text/plain")
    }

    @Test("redirects are followed to final_url; the source stays as given")
    func redirects() async throws {
        let record = try #require(try await fetch([server.url("/redirect/3")]).records.first)
        #expect(record.string(Field.source) == server.url("/redirect/3"))
        #expect(record.string(Field.finalURL) == server.url("/page/1"))
    }

    @Test("too many redirects and redirect loops fail with a reason")
    func redirectLimits() async throws {
        let output = try await fetch(
            [server.url("/redirect/5"), server.url("/loop/a")], options: testOptions { $0.maxRedirects = 2 })
        #expect(output.failures.map(\.reason) == [.redirects, .redirects])
        #expect(output.failures[0].message.contains("more than 2 redirects"))
        let loop = try await fetch([server.url("/loop/a")])
        #expect(loop.failures.first?.message.contains("redirect loop") == true)
    }

    @Test("a 500 is retried and the second answer is used")
    func retriesServerErrors() async throws {
        let recorder = SleepRecorder()
        let url = unique("flaky")
        let output = try await fetch([url], recorder: recorder)
        #expect(output.records.first?.string(Field.raw)?.contains("Second time lucky.") == true)
        #expect(await recorder.waits.count == 1)
    }

    @Test("a 429 waits as long as Retry-After says")
    func honoursRetryAfter() async throws {
        let recorder = SleepRecorder()
        let output = try await fetch([unique("ratelimited")], recorder: recorder)
        #expect(output.records.count == 1)
        #expect(await recorder.waits == [1])
    }

    @Test("retries stop after --retries, and the failure says how many tries")
    func retriesRunOut() async throws {
        let recorder = SleepRecorder()
        let output = try await fetch([server.url("/status/503")], options: testOptions { $0.retries = 2 }, recorder: recorder)
        #expect(output.failures.first?.message == "status 503 (after 3 tries) for '\(server.url("/status/503"))'")
        #expect(await recorder.waits.count == 2)
    }

    @Test("a status error is not retried and names the status")
    func notFound() async throws {
        let recorder = SleepRecorder()
        let output = try await fetch([server.url("/status/404")], recorder: recorder)
        #expect(output.failures.first?.reason == .status)
        #expect(output.failures.first?.message == "status 404 for '\(server.url("/status/404"))'")
        #expect(await recorder.waits.isEmpty)
    }

    @Test("a response slower than --timeout fails as a timeout")
    func timeout() async throws {
        let output = try await fetch([server.url("/slow")], options: testOptions { $0.timeout = 1; $0.retries = 0 })
        #expect(output.failures.first?.reason == .timeout)
    }

    @Test("bodies over --max-bytes fail, including a gzip bomb that inflates past it")
    func tooLarge() async throws {
        let output = try await fetch(
            [server.url("/big"), server.url("/bomb")], options: testOptions { $0.maxBytes = 1 << 20 })
        #expect(output.failures.map(\.reason) == [.tooLarge, .tooLarge])
    }

    @Test("truncated and mismatched bodies fail as 'bad body' with what was wrong")
    func badBodies() async throws {
        let paths = ["/truncated-gzip", "/short-body", "/long-body", "/two-lengths"]
        let output = try await fetch(paths.map(server.url), options: testOptions { $0.retries = 0 })
        #expect(output.records.isEmpty)
        #expect(output.failures.map(\.reason) == [.badBody, .badBody, .badBody, .badBody])
        let messages = output.failures.map(\.message)
        #expect(messages[0].hasPrefix("truncated compressed body"))
        #expect(messages[1].hasPrefix("body is shorter than its Content-Length 1000"))
        #expect(messages[2].hasPrefix("body is longer than its Content-Length 10"))
        #expect(messages[3].hasPrefix("conflicting Content-Length headers (10, 20)"))
    }

    @Test("--deadline covers the whole body: one dripped a byte a second fails there")
    func dripFeed() async throws {
        let started = Date()
        let output = try await fetch(
            [server.url("/drip/30")], options: testOptions { $0.timeout = 10; $0.deadline = 2; $0.retries = 0 })
        #expect(output.failures.first?.reason == .timeout)
        #expect(output.failures.first?.message.hasPrefix("deadline of 2s exceeded") == true)
        #expect(Date().timeIntervalSince(started) < 6)
    }

    @Test("robots.txt is obeyed unless told otherwise")
    func robots() async throws {
        let blocked = try await fetch([server.url("/private/x"), server.url("/page/2")])
        #expect(blocked.failures.map(\.reason) == [.robots])
        #expect(blocked.failures.first?.message.contains("robots.txt") == true)
        #expect(blocked.records.count == 1)
        let allowed = try await fetch([server.url("/private/open")])
        #expect(allowed.records.count == 1)
        let ignored = try await fetch([server.url("/private/x")], options: testOptions { $0.obeyRobots = false })
        #expect(ignored.records.count == 1)
    }

    @Test("a closed port is 'refused'; --deny-private refuses loopback after resolving")
    func connectionFailures() async throws {
        let refused = try await fetch(["http://127.0.0.1:1/x"], options: testOptions { $0.retries = 0 })
        #expect(refused.failures.first?.reason == .refused)
        let denied = try await fetch([server.url("/page/1")], options: testOptions { $0.denyPrivate = true })
        #expect(denied.failures.first?.reason == .privateAddress)
        #expect(denied.failures.first?.message.contains("127.0.0.1") == true)
    }

    @Test(
        "an untrusted certificate fails as TLS",
        .enabled(if: (try? FaultServer.shared())?.tlsPort != nil, "the HTTPS twin needs openssl"))
    func tls() async throws {
        let port = try #require(server.tlsPort)
        let output = try await fetch(["https://127.0.0.1:\(port)/page/1"], options: testOptions { $0.retries = 0 })
        #expect(output.failures.first?.reason == .tls)
        #expect(output.failures.first?.message.hasPrefix("TLS failure") == true)
    }

    @Test("--follow-feeds expands RSS, Atom and a sitemap index to article records in order")
    func feeds() async throws {
        let output = try await fetch(
            [server.url("/feed.rss"), server.url("/feed.atom"), server.url("/sitemap-index.xml")],
            options: testOptions { $0.followFeeds = true })
        let finals = output.records.compactMap { $0.string(Field.finalURL) }
        #expect(finals == (1...7).map { server.url("/page/\($0)") })
        let unfollowed = try await fetch([server.url("/feed.rss")])
        #expect(unfollowed.records.first?.string(Field.mediaType) == MediaType.rss)
    }

    @Test("a local feed file is expanded too, and '-' lists mix paths and URLs")
    func localFeedAndMixedList() async throws {
        let dir = try TemporaryDirectory()
        let feed = try dir.write(
            "feed.xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><link>\(server.url("/page/9"))</link></item></channel></rss>")
        let expanded = try await fetch([feed], options: testOptions { $0.followFeeds = true })
        #expect(expanded.records.compactMap { $0.string(Field.finalURL) } == [server.url("/page/9")])
        let note = try dir.write("note.txt", "local note")
        let mixed = try await fetch(["-"], stdin: "\(note)\n\(server.url("/plain"))\n")
        #expect(mixed.records.compactMap { $0.string(Field.source) } == [note, server.url("/plain")])
    }

    @Test("an article listed by two sitemaps of an index, or by two feeds, comes out once, where it is first listed")
    func feedDuplicates() async throws {
        let index = try await fetch([server.url("/sitemap-index-overlap.xml")], options: testOptions { $0.followFeeds = true })
        #expect(index.records.compactMap { $0.string(Field.finalURL) } == [5, 6, 8, 7].map { server.url("/page/\($0)") })
        let feeds = try await fetch(
            [server.url("/feed.rss"), server.url("/sitemap-index-overlap.xml"), server.url("/sitemap-1.xml")],
            options: testOptions { $0.followFeeds = true })
        #expect(feeds.records.compactMap { $0.string(Field.finalURL) } == [1, 2, 5, 6, 8, 7].map { server.url("/page/\($0)") })
        #expect(feeds.failures.isEmpty)
    }

    @Test("a relative link in a local feed resolves against the feed's own URL, or is named in a warning")
    func localFeedRelativeLinks() async throws {
        let dir = try TemporaryDirectory()
        let own = try dir.write(
            "own.xml",
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"self\" href=\"\(server.url("/feed.atom"))\"/>"
                + "<entry><link href=\"/page/3\"/></entry></feed>")
        let resolved = try await fetch([own], options: testOptions { $0.followFeeds = true })
        #expect(resolved.records.compactMap { $0.string(Field.finalURL) } == [server.url("/page/3")])
        #expect(resolved.warnings.isEmpty)
        let bare = try dir.write(
            "bare.xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><link>/page/4</link></item>"
                + "<item><link>\(server.url("/page/9"))</link></item></channel></rss>")
        let warned = try await fetch([bare], options: testOptions { $0.followFeeds = true })
        #expect(warned.records.compactMap { $0.string(Field.finalURL) } == [server.url("/page/9")])
        #expect(warned.warnings == ["rss '\(bare)': 1 relative link like '/page/4' left out: the file names no URL of its own to resolve it against"])
    }

    @Test("without --fetched-at, records carry the fetch time in RFC 3339 UTC")
    func fetchTime() async throws {
        var options = testOptions()
        options.fetchedAt = nil
        let items = SourceResolver { [] }.resolve(arguments: [server.url("/page/1")])
        var output = CollectingOutput()
        let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_700_000_000) }
        _ = try await Fetcher(options: options, now: clock).run(items, output: &output)
        #expect(output.records.first?.string(Field.fetchedAt) == "2023-11-14T22:13:20Z")
    }

    @Test("--cache sends conditional requests and emits the cached record on 304, marked cached")
    func cache() async throws {
        let dir = try TemporaryDirectory()
        let options = testOptions { $0.cacheDirectory = dir.path }
        let first = try #require(try await fetch([server.url("/page/8")], options: options).records.first)
        #expect(first["cached"] == nil)
        let second = try #require(try await fetch([server.url("/page/8")], options: options).records.first)
        #expect(second["cached"] == .bool(true))
        #expect(second.string(Field.raw) == first.string(Field.raw))
        #expect(second.string(Field.id) == first.string(Field.id))
    }

    @Test("--warc writes request and response records that fetch reads back as the same documents")
    func warcRoundTrip() async throws {
        let dir = try TemporaryDirectory()
        for name in ["crawl.warc", "crawl.warc.gz"] {
            let path = dir.path + "/" + name
            let urls = [server.url("/page/1"), server.url("/gzip"), server.url("/redirect/1")]
            let live = try await fetch(urls, options: testOptions { $0.warcPath = path })
            let archived = try await fetch([path])
            // The archive is a log in completion order; the documents are the same.
            #expect(archived.records.count == 3)
            #expect(archived.records.compactMap { $0.string(Field.id) }.sorted() == live.records.compactMap { $0.string(Field.id) }.sorted())
            #expect(archived.records.allSatisfy { $0.string("archive") == path })
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let text = String(decoding: Gzip.isGzip(bytes) ? try Gzip.decompress([UInt8](bytes)) : [UInt8](bytes), as: UTF8.self)
            #expect(text.hasPrefix("WARC/1.1\r\nWARC-Type: warcinfo\r\n"))
            // robots.txt, /page/1, /gzip, /redirect/1, /redirect/0, /page/1 again.
            #expect(text.components(separatedBy: "WARC-Type: request\r\n").count - 1 == 6)
            #expect(text.components(separatedBy: "WARC-Type: response\r\n").count - 1 == 6)
            #expect(text.contains("User-Agent: gleaner-fetch/"))
        }
    }

    @Test("many URLs with concurrency come out in argument order, failures in place")
    func orderUnderConcurrency() async throws {
        var urls = (1...60).map { server.url("/page/\($0)") }
        urls.insert(server.url("/status/404"), at: 17)
        let output = try await fetch(urls, options: testOptions { $0.concurrency = 16; $0.hostConcurrency = 16 })
        let sources = output.events.map { event -> String in
            switch event {
            case .record(let record): return record.string(Field.source) ?? ""
            case .failure(let failure): return failure.input
            case .warning(let text): return text
            }
        }
        #expect(sources == urls)
    }

    @Test("URL lists: line numbers reach the failure; non-http schemes are refused")
    func urlLists() async throws {
        let dir = try TemporaryDirectory()
        let list = try dir.write("urls.txt", "\(server.url("/page/1"))\nfile:///etc/hostname\n\(server.url("/status/410"))\n")
        let items = SourceResolver { [] }.resolve(arguments: [], urlLists: [list])
        var output = CollectingOutput()
        _ = try await Fetcher(options: testOptions()).run(items, output: &output)
        #expect(output.records.count == 1)
        #expect(output.failures.map(\.reason) == [.unsupported, .status])
        #expect(output.failures.map(\.line) == [2, 3])
    }
}
