import Testing
@testable import GleanerCore
#if canImport(Glibc)
import Glibc
#endif

/// A stage that upper-cases `text`, and rejects records whose text is "bad".
struct UppercaseStage: Stage {
    var name: String { "upper" }
    func process(_ record: JSONObject) throws -> JSONObject {
        let text = try record.requiredString("text")
        if text == "bad" { throw RecordError.invalidValue(field: "text", reason: "'bad' is not allowed") }
        var output = record
        output["upper"] = .string(text.uppercased())
        return output
    }
}

/// Writes `contents` to a fresh temporary file and returns its path.
func temporaryFile(_ contents: [UInt8]) -> String {
    var template = Array("/tmp/gleaner-core-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    _ = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func readFile(_ path: String) -> String {
    var reader = try! LineReader(path: path)
    var lines: [String] = []
    while let line = try! reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
    return lines.joined(separator: "\n")
}

@Suite("Line reader")
struct LineReaderTests {
    @Test("handles CRLF, blank lines, a last line without newline and lines longer than the buffer")
    func lines() throws {
        let long = String(repeating: "x", count: 100_000)
        let path = temporaryFile(Array("a\r\n\nb\n\(long)\nlast".utf8))
        var reader = try LineReader(path: path, bufferSize: 16)
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["a", "", "b", long, "last"])
        #expect(reader.lineNumber == 5)
    }

    @Test("a missing file is exit 66 and names the path")
    func missing() {
        do {
            _ = try LineReader(path: "/nonexistent/gleaner.ndjson")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitStatus == SysExit.noInput)
            #expect(error.description.contains("/nonexistent/gleaner.ndjson"))
        }
    }
}

@Suite("Filter loop")
struct FilterLoopTests {
    func run(_ input: String, configure: (inout StageSettings) -> Void = { _ in }) -> (status: Int32, output: String, stats: StageStatistics) {
        let inputPath = temporaryFile(Array(input.utf8))
        let outputPath = temporaryFile([])
        let fd = open(outputPath, O_WRONLY | O_TRUNC)
        defer { close(fd) }
        var options = StageSettings()
        options.inputs = [inputPath]
        configure(&options)
        var statistics = StageStatistics()
        let status = FilterLoop.execute(UppercaseStage(), options: options, output: RecordWriter(fileDescriptor: fd), statistics: &statistics)
        return (status, readFile(outputPath), statistics)
    }

    @Test("adds the stage's fields and keeps every other field in place")
    func keepsFields() {
        let result = run(#"{"id":"1","text":"hi","extra":[1,2]}"# + "\n")
        #expect(result.status == 0)
        #expect(result.output == #"{"id":"1","text":"hi","extra":[1,2],"upper":"HI"}"#)
    }

    @Test("fails with exit 65 on a bad line by default", arguments: [
        "[1,2]", "not json", #"{"id":1}"#, #"{"text":"bad"}"#,
    ])
    func failsOnBadLine(_ bad: String) {
        let result = run(#"{"text":"a"}"# + "\n" + bad + "\n" + #"{"text":"b"}"# + "\n")
        #expect(result.status == SysExit.dataError)
        #expect(result.output == #"{"text":"a","upper":"A"}"#)
    }

    @Test("with a dead-letter file nothing is lost: input = output + dead letters")
    func deadLetters() {
        let deadLetterPath = temporaryFile([])
        let input = [#"{"text":"a"}"#, "[1]", "\u{FF}garbage", #"{"text":"bad"}"#, "", #"{"text":"b"}"#].joined(separator: "\n")
        let result = run(input) { $0.deadLetter = deadLetterPath }
        #expect(result.status == 0)
        #expect(result.stats.recordsIn == 5)
        #expect(result.stats.recordsOut == 2)
        #expect(result.stats.deadLettered == 3)
        let letters = readFile(deadLetterPath).split(separator: "\n")
        #expect(letters.count == 3)
        #expect(letters[0].contains(#""reason":"not a JSON object (found an array)""#))
        #expect(letters[0].contains(#""line":2"#))
    }

    @Test("skip counts rejected records")
    func skip() {
        let result = run("x\n" + #"{"text":"a"}"#) { $0.onError = .skip }
        #expect(result.status == 0)
        #expect(result.stats.skipped == 1)
        #expect(result.stats.recordsOut == 1)
    }

    @Test("--jobs keeps input order and gives the same bytes as one job")
    func jobsKeepOrder() {
        let input = (0..<2000).map { #"{"text":"record \#($0)"}"# }.joined(separator: "\n")
        let serial = run(input)
        let parallel = run(input) { $0.jobs = 4 }
        #expect(parallel.output == serial.output)
        #expect(serial.stats.recordsOut == 2000)
    }
}
