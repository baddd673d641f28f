#if canImport(Glibc)
import Glibc
#endif

/// The fields a stage reads and writes, so the record loop decodes only those.
///
/// The loop hands the stage an object holding just `reads ∪ writes` (the
/// fields present in the record), and writes the output by splicing the
/// stage's result into the input bytes: every other field is copied as it
/// came, byte for byte, never decoded or re-encoded. See docs/DESIGN.md.
public struct StageFields: Sendable, Equatable {
    /// Fields the stage looks at.
    public var reads: Set<String> { didSet { decoded = reads.union(writes) } }
    /// Fields the stage may set, replace or remove (decoded too, so a removal is seen).
    public var writes: Set<String> { didSet { decoded = reads.union(writes) } }
    /// Every field the loop decodes for the stage (kept, not recomputed per record).
    public private(set) var decoded: Set<String>

    public init(reads: Set<String>, writes: Set<String>) {
        self.reads = reads
        self.writes = writes
        decoded = reads.union(writes)
    }
}

/// One input line seen as the top-level members of a JSON object, found by a
/// lazy scan: keys are read, values are checked and skipped without being built.
///
/// The scan validates the whole line (structure, strings, escapes, numbers;
/// UTF-8 is checked by ``LineCheck``) so a line it accepts is one the full
/// parser accepts, except that duplicate keys are only detected at the top
/// level and in the values that are decoded.
struct RecordEnvelope {
    struct Member {
        var key: String
        /// The key with its quotes, as it came.
        var keyBytes: Range<Int>
        /// The value, as it came.
        var valueBytes: Range<Int>
        /// The value is a string without escapes: its content is the bytes between the quotes.
        var isPlainString: Bool
    }

    /// A line the lazy scan cannot vouch for; the caller asks the full parser why.
    struct Unscannable: Error {}

    private(set) var members: [Member] = []

    /// Scans one line that ``LineCheck`` found to be valid UTF-8.
    init(scanning bytes: UnsafeBufferPointer<UInt8>) throws(Unscannable) {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: "{"))
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                scanner.skipWhitespace()
                guard scanner.peek == UInt8(ascii: "\"") else { throw Unscannable() }
                let keyStart = scanner.position
                let hasEscape = try scanner.skipString()
                let keyBytes = keyStart..<scanner.position
                let key: String
                if hasEscape {
                    guard let decoded = try? JSONCodec.parse(buffer: UnsafeBufferPointer(rebasing: bytes[keyBytes])).stringValue
                    else { throw Unscannable() }
                    key = decoded
                } else {
                    key = String(decoding: UnsafeBufferPointer(rebasing: bytes[(keyStart + 1)..<(scanner.position - 1)]), as: UTF8.self)
                }
                if members.contains(where: { JSONText.sameBytes($0.key, key) }) { throw Unscannable() }
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                let valueStart = scanner.position
                let isPlainString = try scanner.skipValue(depth: 1) == .plainString
                members.append(
                    Member(key: key, keyBytes: keyBytes, valueBytes: valueStart..<scanner.position, isPlainString: isPlainString))
                scanner.skipWhitespace()
                if scanner.peek == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                try scanner.expect(UInt8(ascii: "}"))
                break
            }
        }
        scanner.skipWhitespace()
        guard scanner.position == bytes.count else { throw Unscannable() }
    }

    /// The members named in `fields`, decoded, in record order.
    ///
    /// A string without escapes is taken as the bytes between its quotes: the scan checked its
    /// UTF-8 and, on a line with control bytes, the full parser checked none is inside a string.
    func decode(_ fields: Set<String>, in bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONObject {
        var decoded: [(key: String, value: JSONValue)] = []
        for member in members where fields.contains(member.key) {
            let value: JSONValue
            if member.isPlainString {
                let content = (member.valueBytes.lowerBound + 1)..<(member.valueBytes.upperBound - 1)
                value = .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self))
            } else {
                value = try JSONCodec.parse(buffer: UnsafeBufferPointer(rebasing: bytes[member.valueBytes]))
            }
            decoded.append((key: member.key, value: value))
        }
        return JSONObject(uniqueMembers: decoded)
    }

    /// Writes the output record: the input's members in their order, each copied as it came
    /// unless the stage changed it (then its new value) or removed it (then left out), and
    /// the stage's new fields after them in the order it set them.
    /// - Parameters:
    ///   - result: what the stage returned for `decoded`.
    ///   - decoded: what the stage was given (``decode(_:in:)``).
    func splice(
        _ result: JSONObject, decoded: JSONObject, in bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "{"))
        var first = true
        func separate() {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
        }
        for member in members {
            if let value = result[member.key] {
                separate()
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.keyBytes]))
                output.append(UInt8(ascii: ":"))
                if let old = decoded[member.key], JSONText.identical(old, value) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.valueBytes]))
                } else {
                    JSONCodec.write(value, into: &output)
                }
            } else if decoded[member.key] == nil {
                separate()
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.keyBytes]))
                output.append(UInt8(ascii: ":"))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.valueBytes]))
            }
        }
        for (key, value) in result where !members.contains(where: { JSONText.sameBytes($0.key, key) }) {
            separate()
            JSONCodec.writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            JSONCodec.write(value, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}

/// Byte-exact comparisons (Swift's `==` on strings is canonical equivalence, which is not JSON's).
enum JSONText {
    /// Whether two strings have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // A stage that kept a field hands back the very string it was given: one storage, no compare.
        let sameStorage = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.baseAddress == y.baseAddress } ?? false
        }
        if sameStorage == true { return true }
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// Whether two values would be written as the same JSON text.
    static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y && x.sign == y.sign
        case (.string(let x), .string(let y)): return sameBytes(x, y)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count
                && zip(x.members, y.members).allSatisfy { sameBytes($0.key, $1.key) && identical($0.value, $1.value) }
        default: return false
        }
    }
}

/// A whole-line pre-check before the lazy scan: UTF-8 validity, and whether the line has
/// control bytes (legal only as whitespace between tokens; such lines get the full parser).
enum LineCheck {
    struct Result {
        var validUTF8: Bool
        var hasControlBytes: Bool
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = bytes.baseAddress else { return Result(validUTF8: true, hasControlBytes: false) }
        let count = bytes.count
        var index = 0
        var control = false
        let high: UInt64 = 0x8080_8080_8080_8080
        let spaces: UInt64 = 0x2020_2020_2020_2020
        while index < count {
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & high != 0 { break }
                if (word &- spaces) & ~word & high != 0 { control = true }
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                if lead < 0x20 { control = true }
                index += 1
                continue
            }
            func continuation(_ offset: Int) -> Bool { index + offset < count && base[index + offset] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return Result(validUTF8: false, hasControlBytes: control) }
                index += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return Result(validUTF8: false, hasControlBytes: control) }
                let second = base[index + 1]
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second >= 0xA0 {
                    return Result(validUTF8: false, hasControlBytes: control)
                }
                index += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else {
                    return Result(validUTF8: false, hasControlBytes: control)
                }
                let second = base[index + 1]
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second >= 0x90 {
                    return Result(validUTF8: false, hasControlBytes: control)
                }
                index += 4
            default:
                return Result(validUTF8: false, hasControlBytes: control)
            }
        }
        return Result(validUTF8: true, hasControlBytes: control)
    }
}

/// Checks and skips JSON values without building them.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws(RecordEnvelope.Unscannable) {
        guard peek == byte else { throw RecordEnvelope.Unscannable() }
        position += 1
    }

    /// What ``skipValue(depth:)`` skipped, as far as decoding cares.
    enum Skipped {
        case plainString
        case other
    }

    @discardableResult
    mutating func skipValue(depth: Int) throws(RecordEnvelope.Unscannable) -> Skipped {
        guard depth < JSONCodec.maximumDepth else { throw RecordEnvelope.Unscannable() }
        switch peek {
        case UInt8(ascii: "\""): return try skipString() ? .other : .plainString
        case UInt8(ascii: "{"):
            try skipList(closing: UInt8(ascii: "}")) { scanner throws(RecordEnvelope.Unscannable) in
                guard scanner.peek == UInt8(ascii: "\"") else { throw RecordEnvelope.Unscannable() }
                _ = try scanner.skipString()
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                try scanner.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            try skipList(closing: UInt8(ascii: "]")) { scanner throws(RecordEnvelope.Unscannable) in
                try scanner.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw RecordEnvelope.Unscannable()
        }
        return .other
    }

    /// Skips `{...}` or `[...]` from its opening byte: elements separated by commas, each skipped by `element`.
    mutating func skipList(
        closing: UInt8, element: (inout Scanner) throws(RecordEnvelope.Unscannable) -> Void
    ) throws(RecordEnvelope.Unscannable) {
        position += 1
        skipWhitespace()
        if peek == closing {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(closing)
            return
        }
    }

    mutating func skipLiteral(_ literal: StaticString) throws(RecordEnvelope.Unscannable) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw RecordEnvelope.Unscannable() }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
            throw RecordEnvelope.Unscannable()
        }
        position += count
    }

    mutating func skipNumber() throws(RecordEnvelope.Unscannable) {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if peek == UInt8(ascii: "-") { position += 1 }
        guard isDigit(peek) else { throw RecordEnvelope.Unscannable() }
        if peek == UInt8(ascii: "0") {
            position += 1
        } else {
            while isDigit(peek) { position += 1 }
        }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek) else { throw RecordEnvelope.Unscannable() }
            while isDigit(peek) { position += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek) else { throw RecordEnvelope.Unscannable() }
            while isDigit(peek) { position += 1 }
        }
    }

    /// Skips a string at `position` (its opening quote); returns whether it has escapes.
    mutating func skipString() throws(RecordEnvelope.Unscannable) -> Bool {
        let base = bytes.baseAddress!
        let contentStart = position + 1
        var searchFrom = contentStart
        var closing = -1
        while searchFrom < bytes.count {
            guard let found = memchr(base + searchFrom, Int32(UInt8(ascii: "\"")), bytes.count - searchFrom) else { break }
            let quote = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            var backslashes = 0
            while quote - backslashes - 1 >= contentStart, base[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 0 {
                closing = quote
                break
            }
            searchFrom = quote + 1
        }
        guard closing >= 0 else { throw RecordEnvelope.Unscannable() }
        let hasEscape = memchr(base + contentStart, Int32(UInt8(ascii: "\\")), closing - contentStart) != nil
        if hasEscape { try checkEscapes(contentStart..<closing) }
        position = closing + 1
        return hasEscape
    }

    /// Checks every escape in a string's content, as the full parser would (surrogates paired).
    func checkEscapes(_ range: Range<Int>) throws(RecordEnvelope.Unscannable) {
        var index = range.lowerBound
        func hex4(at offset: Int) throws(RecordEnvelope.Unscannable) -> UInt32 {
            guard offset + 4 <= range.upperBound else { throw RecordEnvelope.Unscannable() }
            var value: UInt32 = 0
            for byte in bytes[offset..<(offset + 4)] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw RecordEnvelope.Unscannable()
                }
                value = value * 16 + digit
            }
            return value
        }
        let base = bytes.baseAddress!
        while index < range.upperBound {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\\")), range.upperBound - index) else { return }
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            guard index + 1 < range.upperBound else { throw RecordEnvelope.Unscannable() }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 2
            case UInt8(ascii: "u"):
                let scalar = try hex4(at: index + 2)
                index += 6
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < range.upperBound, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { throw RecordEnvelope.Unscannable() }
                    let low = try hex4(at: index + 2)
                    guard (0xDC00..<0xE000).contains(low) else { throw RecordEnvelope.Unscannable() }
                    index += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw RecordEnvelope.Unscannable()
                }
            default:
                throw RecordEnvelope.Unscannable()
            }
        }
    }
}
