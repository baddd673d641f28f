/// A read-only array of strings (or of `UInt32`s) in a ``ResourceSection``, read in place by index.
///
/// Layout: count, then count + 1 byte offsets (relative to the section), then the UTF-8 bytes.
public struct StringList: Sendable, RandomAccessCollection {
    private let section: ResourceSection
    public let startIndex = 0
    public let endIndex: Int

    /// Reads the list in `section`.
    /// - Throws: ``ResourceError/malformed(source:reason:)`` when the offsets do not fit the section.
    public init(_ section: ResourceSection) throws(ResourceError) {
        guard section.count >= 4 else { throw .malformed(source: section.resource.source, reason: "string list too short") }
        let count = Int(section.u32(0))
        guard 4 + (count + 1) * 4 <= section.count, Int(section.u32(4 + count * 4)) <= section.count else {
            throw .malformed(source: section.resource.source, reason: "string list offsets do not fit")
        }
        self.section = section
        endIndex = count
    }

    public subscript(index: Int) -> String {
        let start = Int(section.u32(4 + index * 4)), end = Int(section.u32(8 + index * 4))
        return section.string(start, end - start)
    }

    /// The UTF-8 bytes of string `index`, without copying.
    public func utf8(_ index: Int) -> UnsafeRawBufferPointer {
        let start = Int(section.u32(4 + index * 4)), end = Int(section.u32(8 + index * 4))
        return section.bytes(start, end - start)
    }

    /// The bytes of a list of strings.
    public static func bytes(_ strings: [String]) -> [UInt8] {
        var out = ByteBuffer()
        out.u32(UInt32(strings.count))
        var offset = 4 + (strings.count + 1) * 4
        for string in strings {
            out.u32(UInt32(offset))
            offset += string.utf8.count
        }
        out.u32(UInt32(offset))
        for string in strings { out.bytes.append(contentsOf: string.utf8) }
        return out.bytes
    }
}

/// A read-only array of `UInt32`s in a ``ResourceSection``: count, then the values.
public struct UInt32List: Sendable, RandomAccessCollection {
    private let section: ResourceSection
    public let startIndex = 0
    public let endIndex: Int

    /// Reads the list in `section`.
    /// - Throws: ``ResourceError/malformed(source:reason:)`` when the values do not fit the section.
    public init(_ section: ResourceSection) throws(ResourceError) {
        guard section.count >= 4, 4 + Int(section.u32(0)) * 4 <= section.count else {
            throw .malformed(source: section.resource.source, reason: "integer list does not fit")
        }
        self.section = section
        endIndex = Int(section.u32(0))
    }

    public subscript(index: Int) -> UInt32 { section.u32(4 + index * 4) }

    /// The bytes of a list of integers.
    public static func bytes(_ values: [UInt32]) -> [UInt8] {
        var out = ByteBuffer()
        out.u32(UInt32(values.count))
        for value in values { out.u32(value) }
        return out.bytes
    }
}
