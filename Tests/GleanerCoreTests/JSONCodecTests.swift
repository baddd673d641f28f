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
    }

    @Test("escapes every byte a string cannot hold, wherever it falls in a long string")
    func escapesEverywhere() throws {
        let specials = (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) } + ["\"", "\\"]
        for special in specials {
            for position in [0, 5, 8, 15, 23] {
                var text = String(repeating: "é", count: position / 2) + String(repeating: "a", count: position % 2)
                text.append(special)
                text += "tail of more than eight bytes"
                let written = JSONCodec.string(.string(text))
                #expect(!written.utf8.dropFirst().dropLast().contains { $0 < 0x20 }, "raw control byte in \(written)")
                #expect(try JSONCodec.parse(written) == .string(text))
            }
        }
        #expect(JSONCodec.string(.string("\u{08}\u{0C}\r\n")) == #""\u0008\u000c\r\n""#)
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
