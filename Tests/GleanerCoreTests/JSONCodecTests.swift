import Testing
@testable import GleanerCore

@Suite("JSON codec")
struct JSONCodecTests {
    @Test("round-trips a record byte for byte, keeping key order")
    func roundTrip() throws {
        let line = #"{"z":1,"a":"x/y","n":null,"b":[true,false,2.5,-3],"o":{"k":"é😀"}}"#
        let value = try JSONCodec.parse(line)
        #expect(JSONCodec.string(value) == line)
    }

    @Test("decodes escapes and surrogate pairs")
    func escapes() throws {
        let value = try JSONCodec.parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\né😀"))
        #expect(JSONCodec.string(value) == #""a\"b\\c/d\né😀""#)
    }

    @Test("escapes control characters on output")
    func controlCharacters() {
        #expect(JSONCodec.string(.string("a\u{01}\tb")) == #""a\u0001\tb""#)
        #expect(JSONCodec.string(.string("\u{08}\u{0C}\r\n")) == #""\u0008\u000c\r\n""#)
    }

    @Test(
        "escapes a quote, backslash or control wherever it falls in a long run of plain text",
        arguments: ["\"", "\\", "\n", "\u{1F}", "\u{0}"])
    func escapeAtEveryOffset(special: String) throws {
        let escaped = JSONCodec.string(.string(special)).dropFirst().dropLast()
        // Plain text around it of every length across two 8-byte words, multi-byte UTF-8 and DEL included.
        for before in 0..<19 {
            for after in [0, 1, 7, 8, 9, 23] {
                let head = String(repeating: "aé\u{7F}", count: before / 3) + String(repeating: "b", count: before % 3)
                let tail = String(repeating: "c", count: after)
                let text = head + special + tail + special
                let written = JSONCodec.string(.string(text))
                #expect(written == "\"" + head + escaped + tail + escaped + "\"")
                #expect(try JSONCodec.parse(written) == .string(text))
            }
        }
    }

    @Test("writes integers without a fraction and keeps fractions short")
    func numbers() {
        #expect(JSONCodec.string(.number(2_500_000)) == "2500000")
        #expect(JSONCodec.string(.number(0.35)) == "0.35")
        #expect(JSONCodec.string(.number(-1)) == "-1")
        #expect(JSONCodec.string(.number(0)) == "0")
        #expect(JSONCodec.string(.number(-0.0)) == "0")
        #expect(JSONCodec.string(.number(999_999_999_999_999)) == "999999999999999")
        #expect(JSONCodec.string(.number(-123_456_789_012)) == "-123456789012")
        #expect(JSONCodec.string(.number(1e15)) == "1000000000000000.0")
    }

    @Test("rejects malformed JSON with the position", arguments: [
        "{", "{\"a\" 1}", "[1,]", "tru", "\"abc", "{\"a\":1}x", "01", "1.", "\"\\q\"",
    ])
    func rejects(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONCodec.parse(text) }
    }

    @Test("rejects invalid UTF-8 inside strings")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x22]
        #expect(throws: JSONSyntaxError.self) { try JSONCodec.parse(bytes) }
    }

    @Test("refuses nesting deeper than the limit instead of overflowing the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONCodec.parse(text) }
    }
}

@Suite("JSON object")
struct JSONObjectTests {
    @Test("setting an existing key replaces it in place; a new key goes last; nil removes")
    func ordering() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["a"] == 3)
    }

    @Test("required and optional strings name the field in their errors")
    func fieldErrors() {
        let object: JSONObject = ["text": 5]
        #expect(throws: RecordError.wrongType(field: "text", expected: "a string", found: 5)) {
            try object.requiredString("text")
        }
        #expect(throws: RecordError.missingField("raw")) { try object.requiredString("raw") }
        #expect(RecordError.missingField("text").description == "missing field 'text'")
    }
}
