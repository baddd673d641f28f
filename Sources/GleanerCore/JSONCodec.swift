/// Reads and writes JSON for every stage.
///
/// All JSON in Gleaner goes through this one type, so a faster path can replace
/// it in one place. It reads RFC 8259 JSON from UTF-8 bytes and writes compact
/// JSON: keys in the object's own order, no escaped slashes, non-ASCII text as
/// UTF-8, integers without a fraction.
public enum JSONCodec {
    /// Parses one JSON document.
    /// - Parameter bytes: UTF-8 encoded JSON text.
    /// - Returns: The value.
    /// - Throws: ``JSONSyntaxError`` naming the byte offset and what was wrong.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(JSONSyntaxError) -> JSONValue {
        let direct = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer: buffer) }
        }
        if let direct { return try direct.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer: buffer) }
    }

    /// Parses one JSON document from memory the caller keeps alive.
    static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = Parser(bytes: buffer)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.position != buffer.count {
            throw JSONSyntaxError(offset: parser.position, reason: "unexpected text after the JSON value")
        }
        return value
    }

    /// Parses a JSON document from a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Writes a value as compact JSON, appending to `output`.
    public static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: nullBytes)
        case .bool(let flag): output.append(contentsOf: flag ? trueBytes : falseBytes)
        case .number(let number): writeNumber(number, into: &output)
        case .string(let string): writeString(string, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A value as compact JSON text.
    public static func string(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The deepest nesting the parser accepts, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 512

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let unicodeEscapePrefix = Array("u00".utf8)

    static func writeNumber(_ number: Double, into output: inout [UInt8]) {
        guard number.isFinite else {
            output.append(contentsOf: nullBytes)
            return
        }
        if number == number.rounded(), abs(number) < 1e15 {
            writeInteger(Int64(number), into: &output)
        } else {
            output.append(contentsOf: "\(number)".utf8)
        }
    }

    /// The decimal digits of `value`, written without building a `String` (mentions carry three each).
    static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Writes `string` quoted and escaped. Runs of bytes that need no escape (all but `"`, `\`
    /// and controls) are copied whole: `raw` bodies of many kilobytes go through here.
    static func writeString(_ string: String, into output: inout [UInt8]) {
        var string = string
        string.withUTF8 { writeEscaped($0, into: &output) }
    }

    /// Writes UTF-8 `bytes` as a quoted, escaped JSON string.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        guard let base = bytes.baseAddress else {
            output.append(UInt8(ascii: "\""))
            return
        }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them needs an escape.
            while index + 8 <= count, !JSONBytes.mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
            guard index < count else { break }
            let byte = bytes[index]
            index += 1
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { continue }
            if runStart < index - 1 { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index - 1])) }
            runStart = index
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                output.append(contentsOf: unicodeEscapePrefix)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        output.append(UInt8(ascii: "\""))
    }
}

/// Byte scans the reader and the writer share.
enum JSONBytes {
    /// The string of UTF-8 `bytes`, nil when they are not valid UTF-8: checked by ``LineCheck``
    /// and built by `String(decoding:as:)`, since the generic `String(validating:as:)` looks up
    /// type metadata on every call (a third of `normalize`'s JSON reading went there).
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard LineCheck.check(bytes).validUTF8 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any of the eight bytes of `word` may be `"`, `\` or a control (below 0x20): the
    /// classic "has a zero byte" bit trick. A false alarm only makes the caller look byte by byte.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highBits != 0
    }

    /// The index of the next `"`, `\\` or control byte at or after `index` (the end when none),
    /// eight bytes at a time: the bytes a JSON string must escape.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        guard let base = bytes.baseAddress else { return index }
        while index + 8 <= bytes.count {
            if mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                for offset in 0..<8 {
                    let byte = base[index + offset]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index + offset }
                }
            }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return index
    }
}

/// JSON text that could not be parsed.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset into the text where the problem was found.
    public var offset: Int
    /// What was wrong, in words.
    public var reason: String

    public var description: String { "invalid JSON at byte \(offset + 1): \(reason)" }
}

private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: position, reason: reason) }

    func duplicate(_ key: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, reason: "duplicate key \"\(key)\" (a record has one value per field)")
    }

    func describeCurrent() -> String {
        guard position < bytes.count else { return "the end of the line" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < JSONCodec.maximumDepth else { throw fail("nested deeper than \(JSONCodec.maximumDepth) levels") }
        guard position < bytes.count else { throw fail("expected a value but found the end of the line") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("expected a value but found \(describeCurrent())")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail("expected '\(literal)'") }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != start[offset] {
            throw fail("expected '\(literal)'")
        }
        position += count
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return JSONObject()
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw fail("expected a key in quotes but found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw fail("expected ':' after key \"\(key)\" but found \(describeCurrent())")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            if members.count < 16 {
                if members.contains(where: { $0.key == key }) { throw duplicate(key) }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                if !seen.insert(key).inserted { throw duplicate(key) }
            }
            members.append((key: key, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw fail("unterminated object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return JSONObject(uniqueMembers: members)
            }
            throw fail("expected ',' or '}' but found \(describeCurrent())")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard position < bytes.count else { throw fail("unterminated array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return elements
            }
            throw fail("expected ',' or ']' but found \(describeCurrent())")
        }
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            position = nextSpecial(from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                guard let string = JSONBytes.validString(slice) else {
                    throw JSONSyntaxError(offset: start, reason: "string is not valid UTF-8")
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in string (escape it)") }
            position += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let special = nextSpecial(from: position)
            if special > position {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<special]))
                position = special
                guard position < bytes.count else { break }
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let string = scratch.withUnsafeBufferPointer({ JSONBytes.validString($0) }) else {
                    throw JSONSyntaxError(offset: start, reason: "string is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw fail("unterminated string") }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "u"):
                    let escapeStart = position - 2
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                            bytes[position + 1] == UInt8(ascii: "u")
                        else {
                            throw JSONSyntaxError(offset: escapeStart, reason: "lone surrogate escape \\u\(hex(scalar)) (no low surrogate follows)")
                        }
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw JSONSyntaxError(
                                offset: escapeStart, reason: "lone surrogate escape \\u\(hex(scalar)) (followed by \\u\(hex(low)), not a low surrogate)")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw JSONSyntaxError(offset: escapeStart, reason: "lone surrogate escape \\u\(hex(scalar)) (no high surrogate before it)")
                    }
                    scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    position -= 1
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(escaped)))'")
                }
            default:
                if byte < 0x20 { throw fail("control character in string (escape it)") }
                scratch.append(byte)
                position += 1
            }
        }
        throw fail("unterminated string")
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func nextSpecial(from index: Int) -> Int { JSONBytes.nextSpecial(bytes, from: index) }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number: digits must follow '.'") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("invalid number: exponent has no digits") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONSyntaxError(offset: start, reason: "invalid number '\(text)'") }
        return value
    }
}
