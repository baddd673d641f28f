#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A resource file that cannot be used.
public enum ResourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened or mapped.
    case unreadable(path: String, reason: String)
    /// The bytes are not a resource container of this version.
    case malformed(source: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read resource '\(path)': \(reason)"
        case .malformed(let source, let reason): return "resource '\(source)' is not usable: \(reason)"
        }
    }
}

/// The read-only bytes of a binary resource: a file mapped into memory (pages
/// are read from disk only when touched, and shared between processes), or
/// bytes built in memory.
///
/// A container holds named sections (four-character tags such as `PLAC`),
/// written by ``ResourceWriter``; any binary blob (tables, model weights) can
/// be a section. Start-up costs one `mmap`, whatever the size of the file.
public final class MappedResource: @unchecked Sendable {
    // Immutable after init: the mapping (or the owned buffer) lives as long as the object.
    public let bytes: UnsafeRawBufferPointer
    private let mapped: Bool
    private let sections: [UInt32: Range<Int>]
    /// Where the bytes came from, for messages.
    public let source: String

    /// The container's magic number: "GLRT".
    static let magic: UInt32 = 0x5452_4C47
    /// The container format version; readers refuse others.
    public static let version: UInt32 = 1

    /// Maps a container file.
    /// - Throws: ``ResourceError`` when the file cannot be read or is not a container.
    public convenience init(path: String) throws(ResourceError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(status.st_size)
        guard size > 0 else { throw .malformed(source: path, reason: "empty file") }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        try self.init(bytes: UnsafeRawBufferPointer(start: base, count: size), mapped: true, source: path)
    }

    /// Wraps container bytes built in memory (by ``ResourceWriter``), e.g. in tests.
    /// - Throws: ``ResourceError/malformed(source:reason:)`` when they are not a container.
    public convenience init(bytes: [UInt8], source: String = "memory") throws(ResourceError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        try self.init(bytes: UnsafeRawBufferPointer(start: buffer.baseAddress, count: bytes.count), mapped: false, source: source)
    }

    private init(bytes: UnsafeRawBufferPointer, mapped: Bool, source: String) throws(ResourceError) {
        self.bytes = bytes
        self.mapped = mapped
        self.source = source
        func release() {
            if mapped { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
            else { bytes.deallocate() }
        }
        guard bytes.count >= 12, bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self) == Self.magic else {
            release()
            throw .malformed(source: source, reason: "no GLRT header")
        }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        guard version == Self.version else {
            release()
            throw .malformed(source: source, reason: "version \(version), expected \(Self.version)")
        }
        let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
        var sections: [UInt32: Range<Int>] = [:]
        guard 12 + count * 12 <= bytes.count else {
            release()
            throw .malformed(source: source, reason: "section table past the end")
        }
        for index in 0..<count {
            let entry = 12 + index * 12
            let tag = bytes.loadUnaligned(fromByteOffset: entry, as: UInt32.self)
            let offset = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: entry + 4, as: UInt32.self)))
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: entry + 8, as: UInt32.self)))
            guard offset + length <= bytes.count else {
                release()
                throw .malformed(source: source, reason: "section \(Self.name(of: tag)) past the end")
            }
            sections[tag] = offset..<(offset + length)
        }
        self.sections = sections
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
        else { bytes.deallocate() }
    }

    /// The bytes of the section tagged `tag` ("PLAC").
    /// - Throws: ``ResourceError/malformed(source:reason:)`` when the container has no such section.
    public func section(_ tag: String) throws(ResourceError) -> ResourceSection {
        guard let range = sections[Self.tag(tag)] else { throw .malformed(source: source, reason: "no section \(tag)") }
        return ResourceSection(resource: self, range: range)
    }

    /// The tags of the sections, sorted.
    public var tags: [String] { sections.keys.map(Self.name(of:)).sorted() }

    static func tag(_ name: String) -> UInt32 {
        var value: UInt32 = 0
        for (index, byte) in name.utf8.prefix(4).enumerated() { value |= UInt32(byte) << (8 * UInt32(index)) }
        return value
    }

    static func name(of tag: UInt32) -> String {
        String(decoding: (0..<4).map { UInt8(truncatingIfNeeded: tag >> (8 * $0)) }.filter { $0 != 0 }, as: UTF8.self)
    }
}

/// One section of a ``MappedResource``: bounds-checked little-endian reads at offsets within it.
public struct ResourceSection: Sendable {
    /// Keeps the mapping alive.
    public let resource: MappedResource
    /// The section's byte range in the resource.
    public let range: Range<Int>

    /// The section's length in bytes.
    public var count: Int { range.count }

    /// The little-endian `UInt32` at byte `offset` of the section.
    @inline(__always) public func u32(_ offset: Int) -> UInt32 {
        precondition(offset >= 0 && offset + 4 <= range.count, "resource read out of bounds")
        return UInt32(littleEndian: resource.bytes.loadUnaligned(fromByteOffset: range.lowerBound + offset, as: UInt32.self))
    }

    /// The little-endian `Float` at byte `offset` of the section (for model weights).
    @inline(__always) public func float(_ offset: Int) -> Float { Float(bitPattern: u32(offset)) }

    /// The bytes `offset..<offset+length` of the section.
    @inline(__always) public func bytes(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer {
        precondition(offset >= 0 && length >= 0 && offset + length <= range.count, "resource read out of bounds")
        return UnsafeRawBufferPointer(rebasing: resource.bytes[(range.lowerBound + offset)..<(range.lowerBound + offset + length)])
    }

    /// The UTF-8 string at `offset..<offset+length` of the section.
    public func string(_ offset: Int, _ length: Int) -> String {
        String(decoding: bytes(offset, length), as: UTF8.self)
    }
}
