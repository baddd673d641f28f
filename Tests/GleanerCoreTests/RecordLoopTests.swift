import Testing
@testable import GleanerCore
#if canImport(Glibc)
import Glibc
#endif

/// A stage that declares its fields: reads `text`, writes `upper` (and drops it for "drop").
struct DeclaredStage: Stage {
    var name: String { "declared" }
    var fields: StageFields? { StageFields(reads: ["text"], writes: ["upper"]) }
    func process(_ record: JSONObject) throws -> JSONObject {
        let text = try record.requiredString("text")
        var output = record
        output["upper"] = text == "drop" ? nil : .string(text.uppercased())
        return output
    }
}

func runLoop(_ stage: some Stage, _ input: String, configure: (inout StageSettings) -> Void = { _ in })
    -> (status: Int32, output: String, stats: StageStatistics)
{
    runLoop(stage, Array(input.utf8), configure: configure)
}

func runLoop(_ stage: some Stage, _ input: [UInt8], configure: (inout StageSettings) -> Void = { _ in })
    -> (status: Int32, output: String, stats: StageStatistics)
{
    let inputPath = temporaryFile(input)
    let outputPath = temporaryFile([])
    let fd = open(outputPath, O_WRONLY | O_TRUNC)
    defer { close(fd) }
    var settings = StageSettings(inputs: [inputPath])
    configure(&settings)
    var statistics = StageStatistics()
    let status = FilterLoop.execute(stage, options: settings, output: RecordWriter(fileDescriptor: fd), statistics: &statistics)
    return (status, readFile(outputPath), statistics)
}

@Suite("Envelope fast path")
struct EnvelopeTests {
    @Test("untouched fields pass through byte for byte: numbers, escapes, key order, spacing inside values")
    func fidelity() {
        let line = #"{"n":1e400,"big":123456789012345678901234567890,"z":-0,"f":1.50,"s":"caf\u00e9 \/ \"q\"","o":{ "b" : [1, 2] },"text":"hi"}"#
        let result = runLoop(DeclaredStage(), line + "\n")
        #expect(result.status == 0)
        #expect(result.output == String(line.dropLast()) + #","upper":"HI"}"#)
    }

    @Test("a re-run replaces the stage's own field in place and removes it when the stage does")
    func rerun() {
        let result = runLoop(DeclaredStage(), #"{"upper":"OLD","text":"new","k":1}"# + "\n" + #"{"upper":"X","text":"drop"}"#)
        #expect(result.output == #"{"upper":"NEW","text":"new","k":1}"# + "\n" + #"{"text":"drop"}"#)
    }

    @Test("a read field the stage leaves alone keeps its original text")
    func readButUnchanged() {
        let result = runLoop(DeclaredStage(), #"{"text":"\u0068i \ud83d\ude00"}"#)
        #expect(result.output == #"{"text":"\u0068i \ud83d\ude00","upper":"HI 😀"}"#)
    }

    @Test("fast and full paths give the same bytes on records the codec wrote")
    func sameAsFullPath() {
        let input = [#"{"id":"a","text":"x","upper":"Q","m":[{"k":"v"}]}"#, #"{"text":"y"}"#, #"{"a":null,"text":"é"}"#]
            .joined(separator: "\n")
        let fast = runLoop(DeclaredStage(), input)
        let full = runLoop(UppercaseStage(), input.replacingAll("upper", with: "other"))
        #expect(fast.stats.recordsOut == 3)
        #expect(full.stats.recordsOut == 3)
        #expect(fast.output.split(separator: "\n").count == 3)
        #expect(fast.output.contains(#"{"id":"a","text":"x","upper":"X","m":[{"k":"v"}]}"#))
    }

    @Test("a plain string is read as its bytes, beside tabs between tokens and escapes elsewhere")
    func plainStrings() {
        let result = runLoop(DeclaredStage(), "{\"text\":\t\"naïve 😀 café\",\"k\":\"\\u00e9\"}")
        #expect(result.output == "{\"text\":\"naïve 😀 café\",\"k\":\"\\u00e9\",\"upper\":\"NAÏVE 😀 CAFÉ\"}")
        let control = runLoop(DeclaredStage(), "{\"k\":\t1,\"text\":\"a\u{01}b\"}") { $0.onError = .skip }
        #expect(control.stats.skipped == 1)
        #expect(control.output.isEmpty)
    }

    @Test("a record with a duplicate key is rejected (exit 65), not read last-wins", arguments: [
        #"{"text":"a","text":"b"}"#, #"{"k":1,"text":"a","k":2}"#,
    ])
    func duplicateKeys(_ line: String) {
        let result = runLoop(DeclaredStage(), line)
        #expect(result.status == SysExit.dataError)
        #expect(result.output.isEmpty)
    }

    @Test("a lone surrogate escape is a contract error, not a silent U+FFFD", arguments: [
        #"{"text":"\ud800\u0041"}"#, #"{"text":"x","other":"\udc00"}"#, #"{"text":"\ud800"}"#,
    ])
    func loneSurrogates(_ line: String) {
        #expect(runLoop(DeclaredStage(), line).status == SysExit.dataError)
        #expect(runLoop(UppercaseStage(), line).status == SysExit.dataError)
    }

    @Test("invalid lines are rejected with the full parser's reason", arguments: [
        "{", #"{"text":"a",}"#, #"{"text":01}"#, #"{"text":"a"} x"#, "[1]", #"{"text":"\q"}"#, "{\"text\":\"a\tb\"}",
    ])
    func invalid(_ line: String) {
        let result = runLoop(DeclaredStage(), line) { $0.onError = .skip }
        #expect(result.stats.skipped == 1)
    }

    @Test("dead letters keep the input line exactly; base64 when it is not UTF-8")
    func deadLetterBytes() throws {
        let letters = temporaryFile([])
        var input = Array(#"{"text":"\ud800x"}"#.utf8) + [0x0A]
        input += [0x7B, 0xFF, 0x7D]
        let result = runLoop(DeclaredStage(), input) { $0.deadLetter = letters }
        #expect(result.status == 0)
        #expect(result.stats.deadLettered == 2)
        let lines = readFile(letters).split(separator: "\n").map(String.init)
        let first = try JSONCodec.parse(lines[0]).objectValue
        #expect(first?["input"] == .string(#"{"text":"\ud800x"}"#))
        let second = try JSONCodec.parse(lines[1]).objectValue
        #expect(second?["input"] == nil)
        #expect(second?["input_base64"] == .string(Hex.base64([0x7B, 0xFF, 0x7D])))
        #expect(second?["reason"] == .string("not valid UTF-8"))
    }

    @Test("--jobs keeps input order and gives the same bytes as one job, on the fast path too")
    func jobs() {
        let input = (0..<3000).map { #"{"id":\#($0),"text":"record \#($0)"}"# }.joined(separator: "\n")
        let serial = runLoop(DeclaredStage(), input)
        let parallel = runLoop(DeclaredStage(), input) { $0.jobs = 3 }
        #expect(parallel.output == serial.output)
        #expect(parallel.stats.recordsOut == 3000)
    }
}

@Suite("Safe number accessors")
struct NumberAccessTests {
    @Test("int(in:) converts whole numbers in range and refuses the rest with a contract error")
    func intInRange() throws {
        #expect(try JSONValue.number(42).int(in: 0...100, field: "n") == 42)
        for bad: JSONValue in [.number(1e400), .number(-1), .number(1.5), .number(1e300), "7"] {
            #expect(throws: RecordError.self) { try bad.int(in: 0...100, field: "n") }
        }
    }

    @Test("a mention with an offset out of range is rejected, not a crash")
    func mentionOffsets() {
        let json: JSONValue = ["kind": "date", "text": "x", "start": .number(1e400), "end": 3]
        #expect(throws: RecordError.self) { try Mention(json: json, index: 0) }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
