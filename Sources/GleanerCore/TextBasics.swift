/// Zero-padded decimal numbers for dates and times ("2023-12-07", "08:05:00").
public enum Digits {
    /// `value` with leading zeros to `width` digits; a negative value keeps its sign in front ("-0044").
    public static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - text.count)) + text
        return value < 0 ? "-" + padded : padded
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (Unicode White_Space, so no-break spaces too).
    public func trimmingWhitespace() -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension String {
    /// The number of Unicode scalars (code points): the length mention offsets count in,
    /// counted over the UTF-8 bytes eight at a time (every byte that is not a continuation byte).
    public var codePointCount: Int {
        var text = self
        return text.withUTF8 { CodePoints.count($0) }
    }

    /// The Unicode scalars of the string, decoded from its UTF-8 with a fast path for ASCII:
    /// what `Array(unicodeScalars)` gives, several times faster.
    public var codePoints: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { CodePoints.decode($0) }
    }
}

/// Code points of valid UTF-8 (a Swift string's bytes), read without per-scalar index checks.
enum CodePoints {
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let high: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
            continuations += (word & ~(word << 1) & high).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if base[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return bytes.count - continuations
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        guard !bytes.isEmpty else { return [] }
        let count = bytes.count
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, initialized in
            var index = 0
            var written = 0
            while index < count {
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                scalars[written] = Unicode.Scalar(value).unsafelyUnwrapped
                written += 1
                index += length
            }
            initialized = written
        }
    }
}

/// Decoding of scalars from valid UTF-8 (a Swift string's bytes).
public enum UTF8Scalars {
    /// The scalar value starting at `index` and its length in bytes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let first = UInt32(bytes[index])
        if first < 0x80 { return (first, 1) }
        if first < 0xE0 { return ((first & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2) }
        if first < 0xF0 {
            return ((first & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
        }
        let rest = (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
            | UInt32(bytes[index + 3]) & 0x3F
        return ((first & 0x07) << 18 | rest, 4)
    }
}
