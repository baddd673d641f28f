import CZlib

/// A gzip or zlib stream that could not be decoded, or inflated past the limit.
public enum GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    case corrupt(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let detail): return "corrupt compressed data (\(detail))"
        case .tooLarge(let limit): return "decompressed data is over \(limit) bytes"
        }
    }
}

/// gzip (RFC 1952) and zlib (RFC 1950) through the system zlib.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    public static func isGzip<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }

    /// Inflates gzip (every member of a multi-member file, as `.warc.gz` uses) or zlib data.
    /// - Parameter limit: The most output bytes accepted: a gzip bomb stops here.
    /// - Throws: ``GzipError``.
    public static func decompress(_ input: [UInt8], limit: Int = Int.max) throws(GzipError) -> [UInt8] {
        var output: [UInt8] = []
        var stream = z_stream()
        // 15 + 32: auto-detect gzip or zlib headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var failure: GzipError?
        var ended = false
        input.withUnsafeBufferPointer { inBuffer in
            var offset = 0
            while offset < inBuffer.count {
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress! + offset)
                stream.avail_in = uInt(inBuffer.count - offset)
                var status: Int32 = Z_OK
                repeat {
                    status = chunk.withUnsafeMutableBufferPointer { outBuffer in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = uInt(outBuffer.count)
                        let result = inflate(&stream, Z_NO_FLUSH)
                        let produced = outBuffer.count - Int(stream.avail_out)
                        output.append(contentsOf: outBuffer[0..<produced])
                        return result
                    }
                    if output.count > limit {
                        failure = .tooLarge(limit: limit)
                        return
                    }
                } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
                let consumed = inBuffer.count - offset - Int(stream.avail_in)
                offset += consumed
                ended = status == Z_STREAM_END
                if status == Z_STREAM_END {
                    // Another member may follow (multi-member gzip); skip padding zeros.
                    while offset < inBuffer.count, inBuffer[offset] == 0 { offset += 1 }
                    if offset < inBuffer.count { inflateReset(&stream) }
                    continue
                }
                if status == Z_BUF_ERROR, stream.avail_in == 0 {
                    failure = .corrupt("truncated")
                    return
                }
                if status != Z_OK {
                    failure = .corrupt(stream.msg.map { String(cString: $0) } ?? "inflate error \(status)")
                    return
                }
                if consumed == 0 {
                    failure = .corrupt("no progress")
                    return
                }
            }
        }
        if let failure { throw failure }
        if !ended, !input.isEmpty { throw .corrupt("truncated") }
        return output
    }

    /// Compresses `input` as one gzip member.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: write a gzip header and trailer.
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let written: Int = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<written])
    }
}

/// Undoes a Content-Encoding (gzip, or deflate in zlib or raw form) as the body arrives, so a
/// bomb stops at the limit instead of being held whole first.
final class StreamingInflater {
    private var stream = z_stream()
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var started = false
    private var rawFallbackAllowed: Bool
    private var fedAny = false
    /// Whether the compressed stream ended properly (a body that stops early is truncated).
    private(set) var finished = false

    /// - Parameter encoding: `gzip`, `x-gzip` or `deflate`.
    init?(encoding: String) {
        switch encoding.lowercased() {
        case "gzip", "x-gzip": rawFallbackAllowed = false
        case "deflate": rawFallbackAllowed = true
        default: return nil
        }
        guard Self.initialize(&stream, windowBits: 15 + 32) else { return nil }
        started = true
    }

    deinit { if started { inflateEnd(&stream) } }

    private static func initialize(_ stream: inout z_stream, windowBits: Int32) -> Bool {
        stream = z_stream()
        return inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    /// Inflates `input` and appends the result to `output`.
    /// - Throws: ``GzipError/tooLarge(limit:)`` once `output` would pass `limit`, ``GzipError/corrupt(_:)``.
    func feed(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int) throws(GzipError) {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else { return }
        var offset = 0
        while offset < input.count {
            if finished {
                // Another gzip member may follow; zero padding may not.
                if base[offset] == 0 { offset += 1; continue }
                inflateReset(&stream)
                finished = false
            }
            stream.next_in = UnsafeMutablePointer(mutating: base + offset)
            stream.avail_in = uInt(input.count - offset)
            var status: Int32 = Z_OK
            repeat {
                let produced: Int
                (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if output.count + produced > limit { throw .tooLarge(limit: limit) }
                output.append(contentsOf: chunk[0..<produced])
            } while status == Z_OK && stream.avail_out == 0
            if status == Z_DATA_ERROR, rawFallbackAllowed, !fedAny {
                // Some servers send raw deflate for "deflate": start again without a header.
                rawFallbackAllowed = false
                inflateEnd(&stream)
                guard Self.initialize(&stream, windowBits: -15) else { started = false; throw .corrupt("inflateInit failed") }
                continue
            }
            fedAny = true
            let consumed = input.count - offset - Int(stream.avail_in)
            offset += consumed
            switch status {
            case Z_STREAM_END: finished = true
            case Z_OK, Z_BUF_ERROR: if consumed == 0 && stream.avail_in > 0 { throw .corrupt("no progress") }
            default: throw .corrupt(stream.msg.map { String(cString: $0) } ?? "inflate error \(status)")
            }
        }
    }
}
