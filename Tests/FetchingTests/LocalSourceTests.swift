import Foundation
import GleanerCore
import Testing
@testable import Fetching

@Suite("Local sources: paths, directories, globs and lists")
struct LocalSourceTests {
    @Test("a directory becomes every non-hidden file under it, recursively, sorted by path")
    func directories() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("b.txt", "B")
        try dir.write("a/z.txt", "AZ")
        try dir.write("a/b/c.txt", "ABC")
        try dir.write(".hidden", "H")
        try dir.write(".git/config", "G")
        let output = try await fetch([dir.path])
        #expect(output.records.compactMap { $0.string(Field.raw) } == ["ABC", "AZ", "B"])
        #expect(output.records.first?.string(Field.source) == dir.path + "/a/b/c.txt")
    }

    @Test("globs are expanded by fetch itself, sorted by bytes, in argument order")
    func globs() async throws {
        let dir = try TemporaryDirectory()
        try dir.write("2.txt", "two")
        try dir.write("10.txt", "ten")
        try dir.write("1.txt", "one")
        try dir.write("skip.md", "no")
        let output = try await fetch([dir.path + "/2.txt", dir.path + "/*.txt"])
        #expect(output.records.compactMap { $0.string(Field.raw) } == ["two", "one", "ten", "two"])
    }

    @Test("a glob that matches nothing is a missing file")
    func emptyGlob() async throws {
        let dir = try TemporaryDirectory()
        let output = try await fetch([dir.path + "/*.nothing"])
        #expect(output.failures.map(\.reason) == [.noSuchFile])
        #expect(output.failures.first?.message.contains("*.nothing") == true)
    }

    @Test("'-' reads a list of paths from stdin; blank lines and # comments are skipped; lines are numbered")
    func standardInputList() async throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write("a.txt", "A")
        let output = try await fetch(["-"], stdin: "# list\n\n\(a)\n\(dir.path)/missing.txt\n")
        #expect(output.records.compactMap { $0.string(Field.raw) } == ["A"])
        #expect(output.failures.first?.line == 4)
        #expect(output.failures.first?.description == "line 4: no such file '\(dir.path)/missing.txt'")
    }

    @Test("a missing file fails naming it, with exit status 66")
    func missingFile() async throws {
        let output = try await fetch(["no/such/x.txt"], stopOnFailure: true)
        let failure = try #require(output.failures.first)
        #expect(failure.message == "no such file 'no/such/x.txt'")
        #expect(failure.reason.exitCode == SysExit.noInput)
    }

    @Test("after a failure under --on-error fail nothing later is emitted; dead letters let the run go on")
    func stopsOrContinues() async throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write("a.txt", "A")
        let b = try dir.write("b.txt", "B")
        let stopped = try await fetch([a, "missing.txt", b], stopOnFailure: true)
        #expect(stopped.records.count == 1)
        let continued = try await fetch([a, "missing.txt", b], stopOnFailure: false)
        #expect(continued.records.count == 2)
        #expect(continued.failures.count == 1)
    }

    @Test("invalid UTF-8 is decoded with replacement characters and a warning naming the file")
    func invalidUTF8() async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.txt", [0x6F, 0x6B, 0xC3, 0x28, 0x21])
        let output = try await fetch([path])
        #expect(output.records.first?.string(Field.raw) == "ok\u{FFFD}(!")
        #expect(output.warnings.count == 1)
        #expect(output.warnings.first?.contains("'\(path)'") == true)
    }

    @Test("records carry id, source, fetched_at, media_type, charset and raw, in that order")
    func recordShape() async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("page.html", "<html><body><p>Hi</p></body></html>")
        let record = try #require(try await fetch([path]).records.first)
        #expect(record.keys == ["id", "source", "fetched_at", "media_type", "charset", "raw"])
        #expect(record.string(Field.id) == ContentID.of(Array("<html><body><p>Hi</p></body></html>".utf8)))
        #expect(record.string(Field.mediaType) == "text/html")
        #expect(record.string(Field.fetchedAt) == "2024-05-01T12:00:00Z")
    }

    @Test("the same arguments give byte-identical output on every run")
    func deterministic() async throws {
        let dir = try TemporaryDirectory()
        for index in 0..<40 { try dir.write("d\(index % 3)/f\(index).txt", "document \(index)") }
        func render() async throws -> String {
            let output = try await fetch([dir.path, dir.path + "/d1/*.txt"], options: testOptions { $0.concurrency = 7 })
            return output.records.map { JSONCodec.string(.object($0)) }.joined(separator: "\n")
        }
        let first = try await render()
        let second = try await render()
        #expect(first == second)
        #expect(first.split(separator: "\n").count == 40 + 13)
    }

    @Test("lists refuse file: and other schemes; --urls lists refuse plain paths")
    func listSafety() {
        let resolver = SourceResolver { Array("file:///etc/passwd\nftp://x/y\n".utf8) }
        let fromStdin = resolver.resolve(arguments: ["-"])
        #expect(fromStdin.allSatisfy { if case .failed(let f) = $0.kind { f.reason == .unsupported } else { false } })
        let urls = resolver.listItems(Array("https://example.org/a\nlocal.txt\n".utf8), allowPaths: false)
        #expect(urls.first?.kind == .url("https://example.org/a"))
        if case .failed(let failure) = urls.last?.kind {
            #expect(failure.message == "not an http(s) URL 'local.txt'")
        } else {
            Issue.record("a plain path in a URL list should fail")
        }
    }

    @Test("arguments: URLs, WARC archives and files are told apart")
    func classification() throws {
        let dir = try TemporaryDirectory()
        let warc = try dir.write("crawl.warc.gz", [0x1f, 0x8b])
        let items = SourceResolver { [] }.resolve(arguments: ["https://example.org/x", warc, "gopher://old"])
        #expect(items[0].kind == .url("https://example.org/x"))
        #expect(items[1].kind == .warc(path: warc))
        if case .failed(let failure) = items[2].kind { #expect(failure.reason == .unsupported) } else { Issue.record() }
    }
}
