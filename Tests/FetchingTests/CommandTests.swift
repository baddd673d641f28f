import Foundation
import GleanerCore
import Testing
import TestSupport
@testable import Fetching

/// The built `fetch` executable, run as a user would, against local files and the loopback fault server.
@Suite("fetch, the command")
struct CommandTests {
    @Test("a missing file exits 66 naming it; earlier records are still written")
    func missingFile() throws {
        let result = try Executables.run("fetch", ["seeds/000_1b62458d474aedcb.txt", "nope/x.txt"])
        #expect(result.status == SysExit.noInput)
        #expect(result.stderr.contains("fetch: no such file 'nope/x.txt'"))
        #expect(result.lines.count == 1)
    }

    @Test("--list-sources slices fetched with --from-list give, concatenated, the output of fetching it all")
    func listAndFetchSlices() throws {
        let server = try FaultServer.shared()
        let dir = try TemporaryDirectory()
        let urls = try dir.write("urls.txt", "\(server.url("/page/1"))\nftp://x/y\n")
        let arguments = ["--fetched-at", "2024-05-01T12:00:00Z", "--host-delay", "0", "--on-error", "skip"]
        let sources = ["seeds", "nope.txt", "--urls", urls]
        let listed = try Executables.run("fetch", ["--list-sources"] + sources)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.lines.count == 5)  // two seeds, the missing file, the URL, the refused scheme
        #expect(listed.lines.contains { $0.contains("\"failed\":{\"reason\":\"no such file\"") })
        let whole = try Executables.run("fetch", arguments + sources)
        var pieces = Data()
        var messages = ""
        for slice in [Array(listed.lines[..<2]), Array(listed.lines[2...])] {
            let part = try Executables.run(
                "fetch", arguments + ["--from-list", "-"], input: Data((slice.joined(separator: "\n") + "\n").utf8))
            #expect(part.status == 0, "\(part.stderr)")
            pieces += part.stdout
            messages += part.stderr
        }
        #expect(pieces == whole.stdout)
        // Each run ends with its own count ("2 of 3 sources skipped"); the failures are the same.
        func failures(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains(" sources ") } }
        #expect(failures(messages) == failures(whole.stderr))
        #expect(failures(messages).count == 2)
        let bad = try Executables.run("fetch", ["--from-list", "-"], input: Data("{\"input\":\"x\"}\n".utf8))
        #expect(bad.status == SysExit.dataError)
        #expect(bad.stderr.contains("source list line 1: item 'x' has none of file, warc, url or failed"))
    }

    @Test("failed URLs go to --dead-letter with a reason; --stats counts each reason; skip exits 0")
    func deadLettersAndStats() throws {
        let server = try FaultServer.shared()
        let dir = try TemporaryDirectory()
        let letters = dir.path + "/rejects.ndjson"
        let arguments = [
            "--host-delay", "0", "--retries", "0", "--stats", "--dead-letter", letters,
            server.url("/page/1"), server.url("/status/404"), server.url("/private/x"), "http://127.0.0.1:1/",
        ]
        let lettered = try Executables.run("fetch", arguments)
        #expect(lettered.status == 0)
        #expect(lettered.lines.count == 1)
        #expect(lettered.stderr.contains("fetch: 3 of 4 sources written to \(letters)"))
        let stats = try #require(lettered.stderr.split(separator: "\n").first { $0.hasPrefix("{\"stage\":\"fetch\"") })
        #expect(stats.contains("\"failures\":{\"refused\":1,\"robots\":1,\"status\":1}"))
        let rejected = try String(contentsOfFile: letters, encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 3)
        #expect(rejected[0].contains("\"reason\":\"status 404 for '\(server.url("/status/404"))'\""))
        let skipping = try Executables.run("fetch", ["--on-error", "skip"] + arguments)
        #expect(skipping.status == 0)
        let failing = try Executables.run("fetch", Array(arguments.filter { $0 != "--dead-letter" && $0 != letters }))
        #expect(failing.status == SysExit.unavailable)
        #expect(failing.lines.count == 1)
        #expect(failing.stderr.contains("\"failures\":{\"status\":1}"))
    }

    @Test("--warc output reads back through fetch; --fetched-at makes runs byte-identical")
    func warcThroughTheCommand() throws {
        let server = try FaultServer.shared()
        let dir = try TemporaryDirectory()
        let warc = dir.path + "/crawl.warc.gz"
        let fixed = ["--fetched-at", "2024-05-01T12:00:00Z", "--host-delay", "0"]
        let live = try Executables.run("fetch", fixed + ["--warc", warc, server.url("/page/2")])
        #expect(live.status == 0)
        let first = try Executables.run("fetch", fixed + [warc])
        let second = try Executables.run("fetch", fixed + [warc])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.lines.count == 1)
        #expect(first.output.contains("\"archive\":\"\(warc)\""))
    }

    @Test("an invalid --fetched-at is refused before anything is fetched, quoting it")
    func badFetchedAt() throws {
        let result = try Executables.run("fetch", ["--fetched-at", "yesterday", "seeds"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("'yesterday'"))
    }
}
