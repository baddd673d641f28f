/// The bytes of a `.warc` or `.warc.gz` file in order, inflated a slice at a time as they are
/// asked for: no more than the record being read is ever held inflated, and the whole
/// archive never inflates past `inflationLimit` (a gzip bomb stops there, not at the end).
struct ArchiveStream {
    /// What stopped the reading: the archive inflates past its limit, or is corrupt.
    enum Failure: Error, CustomStringConvertible {
        case inflatesPast(limit: Int)
        case corrupt(String)

        var description: String {
            switch self {
            case .inflatesPast(let limit): return "inflates to more than \(limit) bytes"
            case .corrupt(let detail): return "corrupt compressed data (\(detail))"
            }
        }
    }

    /// Compressed bytes given to zlib at once: deflate expands at most ~1,032 times, so one
    /// slice never inflates past about 2 MiB in one step.
    static let compressedSlice = 2048

    private let file: [UInt8]
    private var fileOffset = 0
    private let inflater: StreamingInflater?
    private let inflationLimit: Int
    private var inflated = 0
    /// Inflated bytes not consumed yet start at `pendingStart`.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Bytes consumed so far: the position of the next byte in the (inflated) archive.
    private(set) var position = 0

    /// - Parameters:
    ///   - file: The archive as stored (gzip members, or plain WARC).
    ///   - inflationLimit: The most bytes a gzip archive may inflate to in total.
    init(file: [UInt8], inflationLimit: Int) {
        self.file = file
        self.inflationLimit = inflationLimit
        inflater = Gzip.isGzip(file) ? StreamingInflater(encoding: "gzip") : nil
    }

    private var available: Int { pending.count - pendingStart }

    /// Adds at least one byte to the pending bytes; false at the end of the archive.
    private mutating func fill() throws(Failure) -> Bool {
        guard let inflater else {
            guard fileOffset < file.count else { return false }
            // Plain WARC: the file is the stream; hand it over in one step.
            pending = file
            pendingStart = fileOffset
            fileOffset = file.count
            return true
        }
        if pendingStart > 0, pendingStart >= available {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        let before = pending.count
        while pending.count == before {
            guard fileOffset < file.count else {
                if !inflater.finished { throw .corrupt("truncated") }
                return false
            }
            let file = self.file
            let slice = fileOffset..<min(file.count, fileOffset + Self.compressedSlice)
            let limit = before + (inflationLimit - inflated)
            let failure = file.withUnsafeBytes { bytes -> GzipError? in
                do throws(GzipError) {
                    try inflater.feed(UnsafeRawBufferPointer(rebasing: bytes[slice]), into: &pending, limit: limit)
                    return nil
                } catch {
                    return error
                }
            }
            switch failure {
            case .some(.tooLarge): throw .inflatesPast(limit: inflationLimit)
            case .some(.corrupt(let detail)): throw .corrupt(detail)
            case .none: break
            }
            let end = slice.upperBound
            fileOffset = end
            inflated += pending.count - before
        }
        return true
    }

    /// Whether every byte has been consumed.
    mutating func atEnd() throws(Failure) -> Bool {
        if available > 0 { return false }
        return try !fill()
    }

    /// Skips CR and LF bytes (the blank lines between records).
    mutating func skipLineBreaks() throws(Failure) {
        while try !atEnd() {
            let byte = pending[pendingStart]
            guard byte == 13 || byte == 10 else { return }
            pendingStart += 1
            position += 1
        }
    }

    /// The bytes up to and including the first CRLF CRLF, or nil when none comes within
    /// `maximumLength` bytes or before the end.
    mutating func head(maximumLength: Int) throws(Failure) -> [UInt8]? {
        var searched = 0
        while true {
            if let end = WARCReader.find([13, 10, 13, 10], in: pending, from: pendingStart + max(0, searched - 3)) {
                let length = end + 4 - pendingStart
                guard length <= maximumLength else { return nil }
                return try read(count: length)
            }
            searched = available
            guard searched <= maximumLength, try fill() else { return nil }
        }
    }

    /// The next `count` bytes, or nil when the archive ends first.
    mutating func read(count: Int) throws(Failure) -> [UInt8]? {
        while available < count {
            guard try fill() else { return nil }
        }
        let bytes = Array(pending[pendingStart..<(pendingStart + count)])
        pendingStart += count
        position += count
        return bytes
    }

    /// Passes over the next `count` bytes without keeping them (they are inflated to find
    /// where the next record starts, counting towards the inflation limit); false when the
    /// archive ends first.
    mutating func skip(count: Int) throws(Failure) -> Bool {
        var left = count
        while left > 0 {
            if available == 0 {
                guard try fill() else { return false }
            }
            let step = min(left, available)
            pendingStart += step
            position += step
            left -= step
        }
        return true
    }
}
