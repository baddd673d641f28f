import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The hostile-input matrix of the README, one test per row: input a hostile user would
/// send, the stage it hits, and the behaviour that must hold (a contract error, a refusal,
/// a limit), never a crash, a hang, unbounded memory or a replaced device.
@Suite("Hostile input, end to end")
struct HostileInputTests {
    static let text = "Acme paid $5 million on May 1, 2021 in Paris."
    static let hostileNumbers = ["9223372036854775808", "-9223372036854775809", "1e400", "-1", "1.5", "4e18"]

    static func record(mention field: String, _ number: String) -> String {
        var mention = ["\"kind\":\"money\"", "\"text\":\"$5 million\"", "\"start\":10", "\"end\":20", "\"sentence\":0"]
        mention = mention.map { $0.hasPrefix("\"\(field)\":") ? "\"\(field)\":\(number)" : $0 }
        return #"{"id":"h","text":"\#(text)","mentions":[{\#(mention.joined(separator: ","))}]}"#
    }

    static let good = #"{"id":"g","text":"\#(text)","mentions":[{"kind":"money","text":"$5 million","start":10,"end":20,"sentence":0}]}"#

    // MARK: numbers read as offsets, indexes and counts

    @Test("a mention offset of ±2^63, 1e400, -1 or 1.5 is a contract error in normalize and report, never a trap",
        arguments: ["normalize", "report"])
    func hostileOffsets(stage: String) throws {
        for field in ["start", "end", "sentence"] {
            for number in Self.hostileNumbers {
                let input = Self.good + "\n" + Self.record(mention: field, number) + "\n"
                let failing = try Executables.run(stage, [], input: Data(input.utf8))
                #expect(!failing.signalled && failing.status == 65, "\(stage) on \(field)=\(number): \(failing.status) \(failing.stderr)")
                #expect(failing.stderr.contains("line 2: field 'mentions[0].\(field)'"), "\(stage) said: \(failing.stderr)")
                let skipping = try Executables.run(stage, ["--on-error", "skip"], input: Data(input.utf8))
                #expect(skipping.status == 0, "\(stage) --on-error skip on \(field)=\(number): \(skipping.stderr)")
                if stage == "normalize" { #expect(skipping.lines.count == 1, "the good record is kept") }
            }
        }
    }

    @Test("a mention past the end of the text, or ending before it starts, is a contract error in normalize")
    func offsetsOutsideText() throws {
        for (start, end) in [(10, 4000), (20, 10)] {
            let line = #"{"id":"h","text":"\#(Self.text)","mentions":[{"kind":"place","text":"Paris","start":\#(start),"end":\#(end),"sentence":0}]}"#
            let result = try Executables.run("normalize", [], input: Data((line + "\n").utf8))
            #expect(result.status == 65 && result.stderr.contains("mentions[0].end"), "\(start)..<\(end): \(result.stderr)")
        }
    }

    @Test("entities[].mentions holding ±2^63 or 1e400 do not crash report")
    func hostileEntityIndexes() throws {
        for number in Self.hostileNumbers {
            let line = #"{"id":"e","text":"\#(Self.text)","mentions":[{"kind":"place","text":"Paris","start":39,"end":44,"sentence":0}],"entities":[{"kind":"place","name":"Paris","mentions":[\#(number),0]}]}"#
            let result = try Executables.run("report", ["--format", "markdown"], input: Data((line + "\n").utf8))
            #expect(!result.signalled && result.status == 0, "mentions [\(number)]: \(result.status) \(result.stderr)")
            #expect(result.output.contains("Paris"))
        }
    }

    @Test("a --merge partial carrying ±2^63 or 1e400 is rejected with exit 65, never a trap")
    func hostilePartials() throws {
        let partial = try Executables.run("report", ["--partial"], input: Data((Self.good + "\n").utf8))
        #expect(partial.status == 0, "\(partial.stderr)")
        let lines = partial.output.split(separator: "\n").map(String.init)
        for number in Self.hostileNumbers where number != "4e18" {
            for (index, line) in lines.enumerated() {
                let replaced = line.replacingOccurrences(of: #"(":)(\d+)([,}])"#, with: "$1\(number)$3", options: .regularExpression)
                guard replaced != line else { continue }
                var mutated = lines
                mutated[index] = replaced
                let merged = try Executables.run("report", ["--merge"], input: Data((mutated.joined(separator: "\n") + "\n").utf8))
                #expect(!merged.signalled && merged.status == 65, "line \(index + 1) with \(number): \(merged.status) \(merged.stderr)")
            }
        }
    }

    // MARK: outputs that are not regular files

    @Test("report --output to a device, or a symlink to /dev/null, writes in place and keeps the link and the device")
    func outputSymlinkToDevice() throws {
        let folder = TemporaryFiles.folder()
        let link = folder.appendingPathComponent("report.md").path
        #expect(symlink("/dev/null", link) == 0)
        for target in [link, "/dev/zero", "/dev/stderr"] {
            let result = try Executables.run("report", ["--format", "markdown", "--output", target], input: Data((Self.good + "\n").utf8))
            #expect(result.status == 0, "\(target): \(result.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null")
        var info = stat()
        #expect(stat("/dev/zero", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/zero is still a device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"], "no temporary file left")
    }

    @Test("report --output through a symlink to a regular file replaces the file and keeps the symlink")
    func outputSymlinkToFile() throws {
        let folder = TemporaryFiles.folder()
        let real = folder.appendingPathComponent("real.md").path
        let link = folder.appendingPathComponent("link.md").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        #expect(symlink("real.md", link) == 0)
        let result = try Executables.run("report", ["--format", "markdown", "--output", link], input: Data((Self.good + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.md")
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("# "))
    }

    @Test("writing to /dev/full, a FIFO with no reader or a folder fails with 74, at every stage that writes")
    func unwritableOutputs() throws {
        let folder = TemporaryFiles.folder()
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for target in ["/dev/full", fifo, folder.path] {
            let result = try Executables.run("report", ["--output", target], input: Data((Self.good + "\n").utf8))
            #expect(result.status == 74, "\(target): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(target))
        }
        for stage in ["clean", "extract", "normalize"] {
            let result = try Executables.run("/bin/sh", ["-c", "'\(Executables.path(stage))' > /dev/full"], input: Data((Self.good + "\n").utf8))
            #expect(result.status == 74, "\(stage) > /dev/full: \(result.status) \(result.stderr)")
        }
    }

    @Test("gleaner's dead_letter: a symlink to /dev/null stays a symlink; a folder in the way fails before any stage runs")
    func pipelineOutputs() throws {
        let folder = TemporaryFiles.folder()
        #expect(symlink("/dev/null", folder.appendingPathComponent("rejects.ndjson").path) == 0)
        let input = TemporaryFiles.file(Data((Self.good + "\nnot json\n").utf8))
        let pipeline = """
            name: hostile
            on_error: dead-letter
            dead_letter: rejects.ndjson
            stages:
              - run: [sh, -c, "cat '\(input.path)'; touch ran"]
              - normalize
              - report: { format: markdown, output: "sub/../out/report.md" }
            """
        try Data(pipeline.utf8).write(to: folder.appendingPathComponent("p.yaml"))
        let result = try Executables.run(Executables.path("gleaner"), ["run", "p.yaml"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("rejects.ndjson").path) == "/dev/null")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/report.md").path))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("ran"))
        try Data().write(to: folder.appendingPathComponent("blocked"))
        let blocked = pipeline.replacingOccurrences(of: "sub/../out/report.md", with: "blocked/report.md")
        try Data(blocked.utf8).write(to: folder.appendingPathComponent("p.yaml"))
        let failed = try Executables.run(Executables.path("gleaner"), ["run", "p.yaml"], directory: folder)
        #expect(failed.status == 73 || failed.status == 74, "\(failed.status) \(failed.stderr)")
        #expect(failed.stderr.contains("blocked"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ran").path), "no stage started")
    }

    // MARK: explain

    @Test("a control character in a pipeline name is refused; a description cannot inject a command into explain | bash")
    func explainInjection() throws {
        let folder = TemporaryFiles.folder()
        let marker = folder.appendingPathComponent("PWNED").path
        let named = "name: \"x\\ntouch \(marker)\"\nstages:\n  - clean\n"
        try Data(named.utf8).write(to: folder.appendingPathComponent("named.yaml"))
        let validate = try Executables.run("gleaner", ["validate", folder.appendingPathComponent("named.yaml").path])
        #expect(validate.status == 65 && validate.stderr.contains("control characters"), "\(validate.stderr)")

        let described = "name: ok\ndescription: \"d\\ntouch \(marker)\\u202E\"\nstages:\n  - clean\n"
        try Data(described.utf8).write(to: folder.appendingPathComponent("described.yaml"))
        let explain = try Executables.run("gleaner", ["explain", folder.appendingPathComponent("described.yaml").path])
        #expect(explain.status == 0, "\(explain.stderr)")
        let lines = explain.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("# ok: d\\ntouch ") == true && lines.first?.contains("\\u{202E}") == true, "\(explain.output)")
        #expect(lines.count == 2)
        let bash = try Executables.run("/bin/bash", ["-c", "'\(Executables.path("gleaner"))' explain '\(folder.path)/described.yaml' | sed 1q | bash"])
        #expect(bash.status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker))

        let full = try Executables.run("/bin/sh", ["-c", "'\(Executables.path("gleaner"))' explain pipelines/seeds.yaml > /dev/full"])
        #expect(full.status == 74, "\(full.stderr)")
    }

    // MARK: limits

    @Test("a YAML alias bomb is refused quickly and in little memory")
    func aliasBomb() throws {
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let names = Array("abcdefghij").map(String.init)
        for level in 1..<9 {
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",") + "]")
        }
        lines.append("stages: [*i]")
        let file = TemporaryFiles.file(Data((lines.joined(separator: "\n") + "\n").utf8), name: "bomb.yaml")
        let started = Date()
        let result = try Executables.run("gleaner", ["validate", file.path])
        #expect(result.status == 65 && result.stderr.contains("expands to more than"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("a date outside the years 1-9999 is a contract error in report, and a partial carrying one is refused")
    func yearRange() throws {
        for date in ["10000000000-01-01", "4000000000000000000", "0000-01-01", "10000-01-01"] {
            let line = #"{"id":"y","text":"\#(Self.text)","mentions":[{"kind":"date","text":"May 1, 2021","start":24,"end":35,"sentence":0,"value":{"date":"\#(date)","grain":"day"}}]}"#
            let input = Self.good + "\n" + line + "\n"
            let started = Date()
            let result = try Executables.run("report", ["--format", "html"], input: Data(input.utf8))
            #expect(result.status == 65 && result.stderr.contains("outside the years 1-9999"), "\(date): \(result.status) \(result.stderr)")
            #expect(result.stdout.count < 1_000_000 && Date().timeIntervalSince(started) < 20)
            let partial = #"{"fact":{"document":"y","kind":"date","text":"x","start":0,"end":1,"sentence":0,"sentence_text":"x","value":{"date":"\#(date)"}}}"#
            let merged = try Executables.run("report", ["--merge"], input: Data((partial + "\n").utf8))
            #expect(merged.status == 65, "--merge with \(date): \(merged.stderr)")
        }
    }

    @Test("NUL and bidi controls in article text are neutralised in markdown, HTML and CSV, escaped in JSON")
    func controlsInReports() throws {
        let title = "Evil\\u0000 \\u202Etxt.exe\\u2066 title"
        let line = #"{"id":"c","title":"\#(title)","text":"\#(Self.text)","mentions":[{"kind":"money","text":"$5\u0000\u202E million","start":10,"end":20,"sentence":0}]}"#
        for format in ["markdown", "html", "csv", "json"] {
            let result = try Executables.run("report", ["--format", format], input: Data((line + "\n").utf8))
            #expect(result.status == 0, "\(format): \(result.stderr)")
            for scalar in ["\u{0}", "\u{202E}", "\u{2066}"] {
                #expect(!result.output.contains(scalar), "\(format) carries U+\(String(scalar.unicodeScalars.first!.value, radix: 16)) as it is")
            }
        }
    }

    @Test("fetch: --max-bytes holds for local files and devices; a FIFO with no writer times out; a FIFO in a folder is refused by name")
    func localSpecialFiles() throws {
        let zero = try Executables.run("fetch", ["--max-bytes", "2000000", "/dev/zero"])
        #expect(zero.status != 0 && zero.stderr.contains("over --max-bytes 2000000"), "\(zero.stderr)")
        #expect(zero.stdout.isEmpty)
        let folder = TemporaryFiles.folder()
        let big = folder.appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: 3000).write(to: big)
        let large = try Executables.run("fetch", ["--max-bytes", "1000", big.path])
        #expect(large.status != 0 && large.stderr.contains("over --max-bytes 1000"))
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let named = try Executables.run("fetch", ["--timeout", "1", fifo])
        #expect(named.status != 0 && named.stderr.contains("no data from"), "\(named.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
        let walked = try Executables.run("fetch", ["--on-error", "skip", folder.path])
        #expect(walked.status == 0 && walked.stderr.contains("is not a regular file"), "\(walked.stderr)")
        #expect(walked.lines.count == 1, "the regular file beside the FIFO is read")
    }

    // MARK: signals and timeouts

    @Test("SIGTERM, SIGINT or SIGHUP to gleaner reaches every stage's process group; nothing survives; exit 128+N",
        arguments: [SIGTERM, SIGINT, SIGHUP])
    func signalsReachStages(signal: Int32) throws {
        let folder = TemporaryFiles.folder()
        // A sleep of a unique length names the processes (a `run:` script's own children included).
        let tag = "sleep 7\(Int.random(in: 100_000..<1_000_000))"
        let pipeline = """
            name: slow
            stages:
              - run: [sh, -c, "\(tag) & \(tag); echo done"]
              - run: [sh, -c, "cat; \(tag)"]
            """
        try Data(pipeline.utf8).write(to: folder.appendingPathComponent("slow.yaml"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executables.path("gleaner"))
        process.arguments = ["run", "slow.yaml"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        #expect(waitFor { Self.processes(matching: tag) >= 4 }, "the stages started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        #expect(waitFor { Self.processes(matching: tag) == 0 }, "no stage, and nothing a stage started, survives")
    }

    @Test("--stage-timeout and timeout: stop a stage that runs too long, exit 124")
    func timeouts() throws {
        let folder = TemporaryFiles.folder()
        let tag = "sleep 8\(Int.random(in: 100_000..<1_000_000))"
        let pipeline = "name: slow\nstages:\n  - run: [sh, -c, \"\(tag); echo done\"]\n"
        try Data(pipeline.utf8).write(to: folder.appendingPathComponent("slow.yaml"))
        try Data((pipeline + "timeout: 1s\n").utf8).write(to: folder.appendingPathComponent("timed.yaml"))
        for arguments in [["run", "--stage-timeout", "1", "slow.yaml"], ["run", "timed.yaml"]] {
            let started = Date()
            let result = try Executables.run(Executables.path("gleaner"), arguments, directory: folder)
            #expect(result.status == 124, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("was stopped after"))
            #expect(Date().timeIntervalSince(started) < 30)
            #expect(waitFor { Self.processes(matching: tag) == 0 })
        }
    }

    // MARK: the terminal as input

    /// Runs `command` with sh inside script(1), on a terminal of its own; returns what it wrote
    /// to the file named by `$STATE`, and the file named by `$ERR`.
    static func onTerminal(_ command: String) throws -> (state: String, stderr: String) {
        let folder = TemporaryFiles.folder()
        let state = folder.appendingPathComponent("state").path
        let err = folder.appendingPathComponent("err").path
        let result = try Executables.run(
            "/usr/bin/timeout", ["-s", "KILL", "30", "script", "-qec", "STATE='\(state)' ERR='\(err)'; \(command)", "/dev/null"],
            environment: ["PATH": "/usr/bin:/bin", "SHELL": "/bin/sh", "TERM": "dumb"])
        #expect(result.status != 137, "still waiting after 30 s: \(command)")
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (read(state).trimmingCharacters(in: .whitespacesAndNewlines), read(err))
    }

    @Test("a stage started with & that reads the terminal says why and exits 66 instead of stopping silently on SIGTTIN",
        arguments: ["clean", "extract", "normalize", "report"])
    func backgroundTerminalInput(stage: String) throws {
        let ran = try Self.onTerminal("set -m; '\(Executables.path(stage))' 2>\"$ERR\" & wait $!; echo $? > \"$STATE\"")
        #expect(ran.state == "66", "\(stage) ended with '\(ran.state)': \(ran.stderr)")
        #expect(ran.stderr.contains("\(stage): cannot read standard input: it is a terminal"), "\(ran.stderr)")
    }

    @Test("fetch - started with & says why it cannot read its list from the terminal")
    func backgroundTerminalList() throws {
        let ran = try Self.onTerminal("set -m; '\(Executables.path("fetch"))' - 2>\"$ERR\" & wait $!; echo $? > \"$STATE\"")
        #expect(ran.state == "66", "fetch ended with '\(ran.state)': \(ran.stderr)")
        #expect(ran.stderr.contains("fetch: cannot read standard input: it is a terminal"), "\(ran.stderr)")
    }

    @Test("gleaner run whose first stage reads the terminal fails with the stage's reason instead of hanging")
    func runnerTerminalInput() throws {
        let folder = TemporaryFiles.folder()
        try Data("name: t\nstages:\n  - clean\n".utf8).write(to: folder.appendingPathComponent("p.yaml"))
        let ran = try Self.onTerminal(
            "'\(Executables.path("gleaner"))' run --no-progress '\(folder.path)/p.yaml' 2>\"$ERR\"; echo $? > \"$STATE\"")
        #expect(ran.state != "" && ran.state != "0", "gleaner run ended with '\(ran.state)': \(ran.stderr)")
        #expect(ran.stderr.contains("cannot read standard input: it is a terminal"), "\(ran.stderr)")
    }

    /// Processes whose command line contains `text` (from /proc).
    static func processes(matching text: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(text)
        }.count
    }

    func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }
}
