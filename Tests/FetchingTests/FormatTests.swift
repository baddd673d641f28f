import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
import GleanerCore
import TestSupport
@testable import Fetching

@Suite("robots.txt rules")
struct RobotsRulesTests {
    let text = """
        User-agent: *
        Disallow: /private/
        Crawl-delay: 2

        User-agent: gleaner-fetch
        User-agent: other
        Disallow: /drafts/
        Allow: /drafts/public
        Disallow: /*.pdf$
        Crawl-delay: 0.5
        """

    @Test("the group naming our product token wins over *")
    func agentGroup() {
        let rules = RobotsRules(parsing: text, userAgent: "gleaner-fetch/0.1.0")
        #expect(rules.allows("/private/x"))
        #expect(!rules.allows("/drafts/x"))
        #expect(rules.crawlDelay == 0.5)
        let generic = RobotsRules(parsing: text, userAgent: "somebot/1.0")
        #expect(!generic.allows("/private/x"))
        #expect(generic.crawlDelay == 2)
    }

    @Test("the longest match wins, Allow on a tie; * and $ work")
    func matching() {
        let rules = RobotsRules(parsing: text, userAgent: "gleaner-fetch/0.1.0")
        #expect(rules.allows("/drafts/public/page"))
        #expect(!rules.allows("/files/report.pdf"))
        #expect(rules.allows("/files/report.pdf?download=1"))
        #expect(rules.allows("/"))
    }

    @Test("an empty Disallow allows everything")
    func emptyDisallow() {
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", userAgent: "gleaner-fetch").allows("/anything"))
    }
}

@Suite("Feeds and sitemaps")
struct FeedLinksTests {
    let base = URL(string: "https://news.example/feeds/main.xml")

    @Test("RSS 2.0 items give their links, falling back to permalink guids")
    func rss() throws {
        let xml = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
            <item><title>A</title><link>https://news.example/a</link></item>
            <item><title>B</title><guid isPermaLink="true">https://news.example/b</guid></item>
            <item><title>C</title><link><![CDATA[/c?x=1]]></link></item>
            </channel></rss>
            """
        let feed = try #require(FeedLinks.parse(Array(xml.utf8), base: base))
        #expect(feed.kind == .rss)
        #expect(feed.links == ["https://news.example/a", "https://news.example/b", "https://news.example/c?x=1"])
    }

    @Test("Atom entries give their alternate link, relative to the feed")
    func atom() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/feed"/>
            <entry><link rel="self" href="/self/1"/><link href="../posts/1"/></entry>
            <entry><link rel="alternate" type="text/html" href="https://news.example/posts/2"/></entry></feed>
            """
        let feed = try #require(FeedLinks.parse(Array(xml.utf8), base: base))
        #expect(feed.kind == .atom)
        #expect(feed.links == ["https://news.example/posts/1", "https://news.example/posts/2"])
    }

    @Test("sitemaps and sitemap indexes give their locations; duplicates and non-http are dropped")
    func sitemaps() throws {
        let urlset = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://news.example/1 </loc></url>
            <url><loc>https://news.example/1</loc></url><url><loc>mailto:x@y</loc></url></urlset>
            """
        #expect(FeedLinks.parse(Array(urlset.utf8), base: base) == FeedLinks(kind: .sitemap, links: ["https://news.example/1"]))
        let index = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>
            """
        #expect(FeedLinks.parse(Array(index.utf8), base: base)?.kind == .sitemapIndex)
    }

    @Test("HTML is not a feed")
    func notAFeed() {
        #expect(FeedLinks.parse(Array("<html><body>feed</body></html>".utf8), base: base) == nil)
    }
}

@Suite("gzip")
struct GzipTests {
    @Test("round-trips, including several members back to back")
    func roundTrip() throws {
        let a = Array("first member\n".utf8)
        let b = Array(String(repeating: "second ", count: 1000).utf8)
        #expect(try Gzip.decompress(Gzip.compress(a)) == a)
        #expect(try Gzip.decompress(Gzip.compress(a) + Gzip.compress(b)) == a + b)
    }

    @Test("stops a bomb at the limit")
    func limit() {
        let bomb = Gzip.compress([UInt8](repeating: 0, count: 8 << 20))
        #expect(bomb.count < 100_000)
        #expect(throws: GzipError.tooLarge(limit: 1 << 20)) { try Gzip.decompress(bomb, limit: 1 << 20) }
    }

    @Test("says so when the data is corrupt")
    func corrupt() {
        #expect(throws: GzipError.self) { try Gzip.decompress([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]) }
    }
}

@Suite("WARC archives as a source")
struct WARCReaderTests {
    func record(_ fields: String, _ block: [UInt8]) -> [UInt8] {
        Array("WARC/1.0\r\n\(fields)Content-Length: \(block.count)\r\n\r\n".utf8) + block + Array("\r\n\r\n".utf8)
    }

    @Test("response records become documents; chunked and gzip bodies are decoded; redirects are skipped")
    func readsStandardRecords() throws {
        let body = Gzip.compress(Array("<html><body>Hello</body></html>".utf8))
        var chunked = Array(String(body.count, radix: 16).utf8) + [13, 10] + body + [13, 10]
        chunked += Array("0\r\n\r\n".utf8)
        let http =
            Array(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Language: de\r\n\r\n"
                    .utf8) + chunked
        let redirect = Array("HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n".utf8)
        let file =
            record(
                "WARC-Type: response\r\nWARC-Target-URI: http://a.example/x\r\nWARC-Date: 2020-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\n",
                http)
            + record(
                "WARC-Type: response\r\nWARC-Target-URI: http://a.example/y\r\nContent-Type: application/http; msgtype=response\r\n",
                redirect)
            + record("WARC-Type: resource\r\nWARC-Target-URI: file:///notes.txt\r\nContent-Type: text/plain\r\n", Array("note".utf8))
        let documents = try WARCReader.entries(in: Gzip.compress(file), archive: "x.warc.gz", maxBytes: 1 << 20).map { try $0.get() }
        #expect(documents.count == 2)
        #expect(documents[0].source == "http://a.example/x")
        #expect(documents[0].status == 200)
        #expect(documents[0].fetchedAt == "2020-01-02T03:04:05Z")
        #expect(documents[0].decoded.text == "<html><body>Hello</body></html>")
        #expect(documents[0].headers.contains { $0.name == "content-language" && $0.value == "de" })
        #expect(documents[1].mediaType == "text/plain")
        #expect(documents[1].decoded.text == "note")
    }

    func resource(_ target: String, _ block: [UInt8]) -> [UInt8] {
        record("WARC-Type: resource\r\nWARC-Target-URI: \(target)\r\nContent-Type: text/plain\r\n", block)
    }

    /// A gzip stream of `count` MiB of zeros as back-to-back members: a few KB on disk.
    func zeroMembers(mebibytes count: Int) -> [UInt8] {
        let member = Gzip.compress([UInt8](repeating: 0, count: 1 << 20))
        return Array([[UInt8]](repeating: member, count: count).joined())
    }

    @Test("a record over --max-bytes becomes a failure naming it, passed over without being held; the records after it are read")
    func recordOverMaxBytes() throws {
        let file = Gzip.compress(resource("file:///big.txt", [UInt8](repeating: 0x61, count: 3 << 20)))
            + Gzip.compress(resource("file:///small.txt", Array("note".utf8)))
        let entries = WARCReader.entries(in: file, archive: "x.warc.gz", maxBytes: 1 << 20)
        #expect(entries.count == 2)
        guard case .failure(let failure) = entries.first else { Issue.record("the big record was kept"); return }
        #expect(failure.reason == .tooLarge)
        #expect(failure.message == "WARC 'x.warc.gz': record 'file:///big.txt' at byte 0 holds 3145728 bytes, over --max-bytes 1048576")
        #expect(try entries.last?.get().decoded.text == "note")
    }

    @Test("a .warc.gz bomb stops once the archive inflates past its limit, after the documents before it")
    func bombStopsAtTheLimit() throws {
        // The record header says 1 GiB; the zeros that follow are 1,024 gzip members of 1 MiB.
        let head = Array("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///bomb\r\nContent-Length: \(1 << 30)\r\n\r\n".utf8)
        let bomb = zeroMembers(mebibytes: 1024)
        let first = resource("file:///first.txt", Array("first".utf8))
        let file = Gzip.compress(first) + Gzip.compress(head) + bomb
        #expect(file.count < 2 << 20)
        let limit = WARCReader.inflationLimit(compressed: file.count, maxBytes: 1 << 20)
        let entries = WARCReader.entries(in: file, archive: "b.warc.gz", maxBytes: 1 << 20)
        #expect(entries.count == 3)
        #expect(try entries.first?.get().decoded.text == "first")
        let messages = entries.dropFirst().compactMap { entry -> String? in
            if case .failure(let failure) = entry { return failure.message } else { return nil }
        }
        #expect(messages.first?.contains("record 'file:///bomb' at byte \(first.count) holds 1073741824 bytes, over --max-bytes") == true, "\(messages)")
        #expect(messages.last?.hasPrefix("WARC 'b.warc.gz': inflates to more than \(limit) bytes") == true, "\(messages)")
    }

    @Test("a .warc.gz cut short fails as truncated, keeping the records before the cut")
    func truncatedArchive() throws {
        let whole = Gzip.compress(resource("file:///a.txt", Array("alpha".utf8)))
            + Gzip.compress(resource("file:///b.txt", Array(String(repeating: "beta ", count: 2000).utf8)))
        let entries = WARCReader.entries(in: Array(whole.dropLast(40)), archive: "t.warc.gz", maxBytes: 1 << 20)
        #expect(try entries.first?.get().decoded.text == "alpha")
        guard case .failure(let failure) = entries.last else { Issue.record("no failure for the cut"); return }
        #expect(failure.reason == .badArchive && failure.message.contains("truncated"), "\(failure.message)")
    }

    @Test("fetch reads a 1 GiB .warc.gz bomb in little memory: never inflated past the limit, never held")
    func bombThroughFetch() throws {
        let dir = try TemporaryDirectory()
        let head = Array("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///bomb\r\nContent-Length: \(1 << 30)\r\n\r\n".utf8)
        let path = try dir.write("bomb.warc.gz", Gzip.compress(head) + zeroMembers(mebibytes: 1024))
        // --max-bytes 50 MB: the old whole-archive inflation held up to 4 × 50 MB before failing.
        let measured = try Executables.runMeasuringMemory("fetch", ["--on-error", "skip", "--max-bytes", "50000000", path])
        #expect(measured.result.status == 0, "\(measured.result.stderr)")
        #expect(measured.result.stderr.contains("record 'file:///bomb' at byte 0 holds 1073741824 bytes, over --max-bytes 50000000"))
        #expect(measured.result.stdout.isEmpty)
        #expect(measured.peakKiB < 64 << 10, "peak \(measured.peakKiB) KiB")
    }

    @Test("a file that is not WARC fails clearly")
    func notWARC() async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("fake.warc", "hello")
        let output = try await fetch([path])
        #expect(output.failures.first?.reason == .badArchive)
        #expect(output.failures.first?.message.contains("'\(path)'") == true)
    }
}

@Suite("Exit status and dead letters")
struct FailurePolicyTests {
    @Test("fail stops at the first failure with its code; skip and dead letters go on")
    func policy() throws {
        let failure = FetchEvent.failure(FetchFailure(input: "x", reason: .noSuchFile, message: "no such file 'x'"))
        let devNull = RecordWriter(fileDescriptor: open("/dev/null", O_WRONLY))
        var failing = try RecordOutput(settings: StageSettings(), records: devNull, diagnostics: { _ in })
        #expect(try !failing.handle(failure))
        #expect(failing.stoppedBy?.exitStatus == 66)
        #expect(failing.stoppedBy?.description == "no such file 'x'")
        var skipping = try RecordOutput(settings: StageSettings(onError: .skip), records: devNull, diagnostics: { _ in })
        #expect(try skipping.handle(failure))
        #expect(skipping.stoppedBy == nil)
        #expect(skipping.statistics.skipped == 1)
    }

    @Test("a dead letter names the stage, line, source, reason, kind and input")
    func deadLetter() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/letters.ndjson"
        let devNull = RecordWriter(fileDescriptor: open("/dev/null", O_WRONLY))
        var output = try RecordOutput(settings: StageSettings(deadLetter: path), records: devNull, diagnostics: { _ in })
        let failure = FetchFailure(input: "https://x/a", line: 3, reason: .status, message: "status 404 for 'https://x/a'")
        #expect(try output.handle(.failure(failure)))
        #expect(output.statistics.deadLettered == 1)
        let letter = try JSONCodec.parse(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .newlines))
        #expect(letter.objectValue?.keys == ["stage", "line", "source", "reason", "kind", "input"])
        #expect(letter.objectValue?["reason"]?.stringValue == "status 404 for 'https://x/a'")
    }

    @Test("--stats counts failures per reason, sorted")
    func stats() {
        var summary = FetchSummary()
        summary.sources = 3
        summary.records = 1
        summary.failures = [.timeout: 1, .dns: 1]
        let line = summary.json(seconds: 0.5)
        #expect(line.contains("\"failures\":{\"dns\":1,\"timeout\":1}"))
        #expect(line.contains("\"failed\":2"))
    }
}

@Suite("Network errors in words")
struct TransportErrorTests {
    @Test(
        "libcurl results map to the reasons --stats counts",
        arguments: [
            (UInt32(6), FailureReason.dns, false),  // CURLE_COULDNT_RESOLVE_HOST
            (7, .refused, true),  // CURLE_COULDNT_CONNECT
            (28, .timeout, true),  // CURLE_OPERATION_TIMEDOUT
            (60, .tls, false),  // CURLE_PEER_FAILED_VERIFICATION
            (35, .tls, false),  // CURLE_SSL_CONNECT_ERROR
            (56, .network, true),  // CURLE_RECV_ERROR
            (18, .badBody, true),  // CURLE_PARTIAL_FILE
        ])
    func classifies(code: UInt32, reason: FailureReason, retryable: Bool) {
        let error = CurlFailure.classify(code, message: "curl says so")
        #expect(error.reason == reason)
        #expect(error.retryable == retryable)
    }

    @Test("a body cut short names the Content-Length and what arrived")
    func partialBody() {
        let error = CurlFailure.classify(18, message: "", arrived: 10, declaredLength: "100")
        #expect(error.detail == "body is shorter than its Content-Length 100 (10 bytes arrived)")
    }
}
