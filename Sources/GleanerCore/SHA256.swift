internal import CSHA256

/// SHA-256 (FIPS 180-4), small and dependency-free.
///
/// Gleaner needs a content hash for record ids, cache keys and WARC digests;
/// a hundred lines here saves every build from compiling a crypto package. It runs once per
/// fetched document over the whole body, so it is written for speed: the state is eight
/// scalars, a partial block waits in a fixed 64-byte buffer (no allocation per hasher), whole
/// blocks are read in place from the caller's bytes, and they go to the CPU's SHA
/// instructions (`CSHA256`, x86 SHA-NI) when it has them; the Swift rounds, unrolled eight at a
/// time with the working variables renamed instead of shifted, run everywhere else.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c, h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    /// Bytes of an unfinished block (the first `pendingCount` of its 64).
    private var pending = BlockBuffer()
    private var pendingCount = 0
    private var length: UInt64 = 0
    /// False only in tests that hold the Swift rounds to the hardware ones.
    private let useHardware: Bool

    public init() { useHardware = SHA256.hardwareAvailable }

    /// A hasher that never uses the CPU's SHA instructions (for tests comparing the two paths).
    init(softwareOnly: Bool) { useHardware = softwareOnly ? false : SHA256.hardwareAvailable }

    /// The digest of `bytes` in one call.
    public static func digest<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes` as lowercase hex.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        Hex.encode(digest(bytes))
    }

    /// Feeds more bytes.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        // Arrays, slices and UTF-8 views of native strings are read in place; other sequences are copied once.
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Feeds the bytes of `buffer`.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var source = buffer.baseAddress, !buffer.isEmpty else { return }
        var remaining = buffer.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: offset).copyMemory(from: source, byteCount: take) }
            pendingCount += take
            source += take
            remaining -= take
            if pendingCount < 64 { return }
            var block = pending
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        let whole = remaining / 64
        if whole > 0 {
            compress(source, blocks: whole)
            source += whole * 64
            remaining -= whole * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: source, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// The 32-byte digest of everything fed so far.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = BlockBuffer()
        var tailCount = pendingCount
        withUnsafeMutableBytes(of: &tail) { out in
            withUnsafeBytes(of: &pending) { out.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: tailCount) }
            out[tailCount] = 0x80
        }
        tailCount += 1
        if tailCount > 56 {
            withUnsafeBytes(of: &tail) { compress($0.baseAddress!, blocks: 1) }
            tail = BlockBuffer()
            tailCount = 0
        }
        withUnsafeMutableBytes(of: &tail) { out in
            out.storeBytes(of: bitLength.bigEndian, toByteOffset: 56, as: UInt64.self)
        }
        withUnsafeBytes(of: &tail) { compress($0.baseAddress!, blocks: 1) }
        let words = (h0.bigEndian, h1.bigEndian, h2.bigEndian, h3.bigEndian, h4.bigEndian, h5.bigEndian, h6.bigEndian, h7.bigEndian)
        return withUnsafeBytes(of: words) { Array($0) }
    }

    /// Whether this CPU has SHA instructions (x86 SHA-NI), used through `CSHA256`.
    static let hardwareAvailable = gleaner_sha256_hardware_available() != 0

    /// Runs the compression function over `blocks` whole 64-byte blocks at `source`: with the
    /// CPU's SHA instructions where it has them (about six times faster), else in Swift.
    private mutating func compress(_ source: UnsafeRawPointer, blocks: Int) {
        if useHardware {
            var words = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &words) { state in
                gleaner_sha256_hardware_blocks(
                    state.baseAddress!.assumingMemoryBound(to: UInt32.self), source.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = words
            return
        }
        compressInSwift(source, blocks: blocks)
    }

    /// The compression function in Swift, for CPUs without SHA instructions.
    private mutating func compressInSwift(_ source: UnsafeRawPointer, blocks: Int) {
        // The message schedule lives on the stack; it is filled anew for every block.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            let w = schedule.baseAddress!
            SHA256.roundConstants.withUnsafeBufferPointer { constants in
                let k = constants.baseAddress!
                var block = source
                for _ in 0..<blocks {
                    compressBlock(block, w: w, k: k)
                    block += 64
                }
            }
        }
    }

    @inline(__always)
    private mutating func compressBlock(_ block: UnsafeRawPointer, w: UnsafeMutablePointer<UInt32>, k: UnsafePointer<UInt32>) {
        for index in 0..<16 {
            w[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        }
        for index in 16..<64 {
            let early = w[index - 15], late = w[index - 2]
            let s0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early &>> 3)
            let s1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late &>> 10)
            w[index] = w[index - 16] &+ s0 &+ w[index - 7] &+ s1
        }
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        var index = 0
        while index < 64 {
            // Eight rounds with the variables' roles rotated, so no value is moved between rounds.
            Self.round(a, b, c, &d, e, f, g, &h, k[index] &+ w[index])
            Self.round(h, a, b, &c, d, e, f, &g, k[index + 1] &+ w[index + 1])
            Self.round(g, h, a, &b, c, d, e, &f, k[index + 2] &+ w[index + 2])
            Self.round(f, g, h, &a, b, c, d, &e, k[index + 3] &+ w[index + 3])
            Self.round(e, f, g, &h, a, b, c, &d, k[index + 4] &+ w[index + 4])
            Self.round(d, e, f, &g, h, a, b, &c, k[index + 5] &+ w[index + 5])
            Self.round(c, d, e, &f, g, h, a, &b, k[index + 6] &+ w[index + 6])
            Self.round(b, c, d, &e, f, g, h, &a, k[index + 7] &+ w[index + 7])
            index += 8
        }
        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
        h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
    }

    /// One round: `d` takes the new `e`, `h` the new `a` (the caller renames the rest).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ constantPlusWord: UInt32
    ) {
        let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ sum1 &+ choice &+ constantPlusWord
        let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ sum0 &+ majority
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

/// 64 bytes of storage inline in a value (no heap allocation): one SHA-256 block.
private struct BlockBuffer: Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self &>> count) | (self &<< (32 &- count)) }
}

/// Lowercase hexadecimal and RFC 4648 base32 text for digests.
public enum Hex {
    /// Standard base64 with padding (RFC 4648), e.g. for a Content-Security-Policy hash.
    public static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        for chunk in stride(from: 0, to: bytes.count, by: 3) {
            let b1 = chunk + 1 < bytes.count ? bytes[chunk + 1] : 0
            let b2 = chunk + 2 < bytes.count ? bytes[chunk + 2] : 0
            let value = UInt32(bytes[chunk]) << 16 | UInt32(b1) << 8 | UInt32(b2)
            out.append(alphabet[Int(value >> 18 & 63)])
            out.append(alphabet[Int(value >> 12 & 63)])
            out.append(chunk + 1 < bytes.count ? alphabet[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            out.append(chunk + 2 < bytes.count ? alphabet[Int(value & 63)] : UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` as lowercase hex.
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `bytes` as RFC 4648 base32 (upper case, padded), the form WARC digests use.
    public static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1f)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1f)]) }
        while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The contract's stable content id: `sha256:` and the first 16 hex digits of the raw bytes' digest.
public enum ContentID {
    /// The id of a document whose raw bytes are `bytes`.
    public static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        "sha256:" + String(SHA256.hex(bytes).prefix(16))
    }
}
