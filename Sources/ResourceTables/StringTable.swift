#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only hash table from strings to two `UInt32` payloads, stored in a
/// ``ResourceSection`` and queried in place: no parsing at start-up, one hash
/// and a few byte comparisons per look-up. A set of words is a table whose
/// payloads are unused.
///
/// Layout (little-endian `UInt32`s): bucket count (a power of two), entry
/// count, then bucket starts (count + 1), then entries of (string offset,
/// string length, first payload, second payload) grouped by bucket in the
/// order added, then the strings' UTF-8 bytes.
public struct StringTable: Sendable {
    private let section: ResourceSection
    private let mask: UInt32
    private let entries: Int
    private let entryCount: Int

    /// Reads the table in `section`.
    /// - Throws: ``ResourceError/malformed(source:reason:)`` when the header does not fit the section.
    public init(_ section: ResourceSection) throws(ResourceError) {
        guard section.count >= 8 else { throw .malformed(source: section.resource.source, reason: "string table too short") }
        let buckets = Int(section.u32(0))
        entryCount = Int(section.u32(4))
        guard buckets > 0, buckets & (buckets - 1) == 0, 8 + (buckets + 1) * 4 + entryCount * 16 <= section.count else {
            throw .malformed(source: section.resource.source, reason: "string table header does not fit")
        }
        self.section = section
        mask = UInt32(buckets - 1)
        entries = 8 + (buckets + 1) * 4
    }

    /// How many strings the table holds.
    public var count: Int { entryCount }

    /// Whether the table holds `key`.
    public func contains(_ key: String) -> Bool { payload(key) != nil }

    /// The payloads stored with `key`, or nil when it is not in the table.
    public func payload(_ key: String) -> (UInt32, UInt32)? {
        var key = key
        return key.withUTF8 { utf8 in payload(UnsafeRawBufferPointer(utf8)) }
    }

    /// The payloads stored with the UTF-8 bytes `key`, or nil.
    public func payload(_ key: UnsafeRawBufferPointer) -> (UInt32, UInt32)? {
        let bucket = Int(Self.hash(key) & mask)
        let first = Int(section.u32(8 + bucket * 4)), last = Int(section.u32(8 + bucket * 4 + 4))
        guard first < last else { return nil }
        for entry in first..<last {
            let at = entries + entry * 16
            let length = Int(section.u32(at + 4))
            guard length == key.count else { continue }
            let stored = section.bytes(Int(section.u32(at)), length)
            if length == 0 || memcmp(stored.baseAddress!, key.baseAddress!, length) == 0 {
                return (section.u32(at + 8), section.u32(at + 12))
            }
        }
        return nil
    }

    /// FNV-1a over UTF-8 bytes: the same on every platform and run.
    @inline(__always) static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}

/// Builds the bytes of a ``StringTable``; a key added twice keeps its first payloads.
public struct StringTableBuilder {
    private var keys: [[UInt8]] = []
    private var payloads: [(UInt32, UInt32)] = []
    private var seen: Set<[UInt8]> = []

    public init() {}

    /// Adds `key` with its payloads, unless it is already in the table.
    public mutating func add(_ key: String, _ first: UInt32 = 0, _ second: UInt32 = 0) {
        let bytes = Array(key.utf8)
        guard seen.insert(bytes).inserted else { return }
        keys.append(bytes)
        payloads.append((first, second))
    }

    /// The table's bytes.
    public func bytes() -> [UInt8] {
        var buckets = 1
        while buckets < keys.count { buckets <<= 1 }
        let mask = UInt32(buckets - 1)
        let bucketOf = keys.map { key in Int(key.withUnsafeBytes { StringTable.hash($0) } & mask) }
        var order = Array(keys.indices)
        order.sort { (bucketOf[$0], $0) < (bucketOf[$1], $1) }
        var out = ByteBuffer()
        out.u32(UInt32(buckets))
        out.u32(UInt32(keys.count))
        var next = 0
        for bucket in 0...buckets {
            while next < order.count, bucketOf[order[next]] < bucket { next += 1 }
            out.u32(UInt32(next))
        }
        var pool = 8 + (buckets + 1) * 4 + keys.count * 16
        for index in order {
            out.u32(UInt32(pool))
            out.u32(UInt32(keys[index].count))
            out.u32(payloads[index].0)
            out.u32(payloads[index].1)
            pool += keys[index].count
        }
        for index in order { out.bytes.append(contentsOf: keys[index]) }
        return out.bytes
    }
}
