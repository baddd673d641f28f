/// Builds a resource container: named sections, each four-byte aligned, read back by ``MappedResource``.
///
/// Build-time tools (the gazetteer compiler) write containers; the stages map them at start-up.
public struct ResourceWriter {
    private var sections: [(tag: String, bytes: [UInt8])] = []

    public init() {}

    /// Adds a section; `tag` is up to four ASCII characters and unique in the container.
    public mutating func add(_ tag: String, _ bytes: [UInt8]) {
        precondition(!tag.isEmpty && tag.utf8.count <= 4 && tag.utf8.allSatisfy { $0 < 0x80 }, "a tag is 1-4 ASCII characters")
        precondition(!sections.contains { $0.tag == tag }, "duplicate section \(tag)")
        sections.append((tag, bytes))
    }

    /// The container's bytes: header, section table, then the sections in the order added.
    public func bytes() -> [UInt8] {
        var out = ByteBuffer()
        out.u32(MappedResource.magic)
        out.u32(MappedResource.version)
        out.u32(UInt32(sections.count))
        var offset = 12 + sections.count * 12
        for section in sections {
            out.u32(MappedResource.tag(section.tag))
            out.u32(UInt32(offset))
            out.u32(UInt32(section.bytes.count))
            offset += (section.bytes.count + 3) & ~3
        }
        for section in sections {
            out.bytes.append(contentsOf: section.bytes)
            out.align()
        }
        return out.bytes
    }
}

/// Little-endian bytes under construction.
public struct ByteBuffer {
    public var bytes: [UInt8] = []

    public init() {}

    /// Appends a little-endian `UInt32`.
    public mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// Appends a `Float`'s bits (for model weights).
    public mutating func float(_ value: Float) { u32(value.bitPattern) }

    /// Pads with zeros to a multiple of four bytes.
    public mutating func align() {
        while bytes.count % 4 != 0 { bytes.append(0) }
    }
}
