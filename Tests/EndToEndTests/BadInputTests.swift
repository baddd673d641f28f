import Foundation
import Testing
import TestSupport

/// Bad input, for every filter stage: a clear error naming the line, the documented
/// exit status, and with `--dead-letter` nothing is lost.
@Suite("Bad input, end to end")
struct BadInputTests {
    static let filters = ["clean", "extract", "normalize"]
    static let good = #"{"id":"sha256:0","source":"a.txt","raw":"Title\n\nThe fund paid $5 million on May 1, 2021.","text":"The fund paid $5 million on May 1, 2021."}"#

    static let badLines: [(name: String, line: [UInt8], reason: String)] = [
        ("not JSON", Array("this is not json".utf8), "not JSON"),
        ("a JSON array", Array("[1,2,3]".utf8), "not a JSON object (found an array)"),
        ("invalid UTF-8", [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "not valid UTF-8"),
    ]

    @Test("a bad line exits 65 naming the stage, the line and the reason", arguments: filters)
    func badLineFails(stage: String) throws {
        for bad in Self.badLines {
            var input = Array((Self.good + "\n").utf8)
            input += bad.line + [0x0A]
            let result = try Executables.run(stage, [], input: Data(input))
            #expect(result.status == 65, "\(stage) on \(bad.name): \(result.stderr)")
            #expect(result.stderr.contains("\(stage): line 2: \(bad.reason)"), "\(stage) on \(bad.name) said: \(result.stderr)")
            #expect(result.lines.count == 1, "the good record before the bad one is written")
        }
    }

    @Test("a record without text is rejected by extract and normalize with the field named", arguments: ["extract", "normalize"])
    func missingText(stage: String) throws {
        let result = try Executables.run(stage, [], input: Data(#"{"id":"x","source":"a.txt"}"#.utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(stage): line 1: missing field 'text'"), "said: \(result.stderr)")
    }

    @Test("empty input gives empty output and status 0", arguments: filters)
    func emptyInput(stage: String) throws {
        let result = try Executables.run(stage, [], input: Data())
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test("with --dead-letter, input lines = output lines + dead letters", arguments: filters)
    func nothingLost(stage: String) throws {
        var input: [UInt8] = []
        for index in 0..<10 {
            if index % 3 == 1 {
                input += Self.badLines[index % Self.badLines.count].line
            } else {
                input += Array(Self.good.utf8)
            }
            input.append(0x0A)
        }
        let folder = TemporaryFiles.folder()
        let deadLetters = folder.appendingPathComponent("rejects.ndjson")
        let result = try Executables.run(stage, ["--dead-letter", deadLetters.path, "--stats"], input: Data(input))
        #expect(result.status == 0, "\(result.stderr)")
        let letters = try String(contentsOf: deadLetters, encoding: .utf8).split(separator: "\n")
        #expect(result.lines.count + letters.count == 10)
        #expect(letters.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(letters[0].utf8)) as? [String: Any])
        #expect(first["stage"] as? String == stage)
        #expect(first["line"] as? Int == 2)
        #expect(first["reason"] != nil && first["input"] != nil)
        #expect(result.stderr.contains(#""dead_lettered":3"#))
    }

    @Test("a 10 MB line is processed, not truncated", arguments: ["extract"])
    func hugeLine(stage: String) throws {
        let sentence = "The company paid $2 million on March 3, 2020 to 40 workers. "
        let text = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count)
        let record = #"{"id":"big","text":""# + text + #""}"# + "\n"
        let result = try Executables.run(stage, [], input: Data(record.utf8))
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.lines.count == 1)
        #expect(result.stdout.count > 10_000_000)
    }

    @Test("a missing input file exits 66 and names it", arguments: filters + ["fetch"])
    func missingFile(stage: String) throws {
        let result = try Executables.run(stage, ["/nonexistent/input-file.ndjson"])
        #expect(result.status == 66, "\(stage): \(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/input-file.ndjson"))
    }

    @Test("--help shows an example and --version the version", arguments: filters + ["fetch", "report", "gleaner"])
    func helpAndVersion(stage: String) throws {
        let help = try Executables.run(stage, ["--help"])
        #expect(help.status == 0)
        #expect(help.output.lowercased().contains("example"), "\(stage) --help has no example")
        let version = try Executables.run(stage, ["--version"])
        #expect(version.status == 0)
        #expect(version.output.contains("0.1.0"))
    }
}
