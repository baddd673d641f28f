#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole local file with read(2), mapping errno to a failure that names the path.
enum LocalFile {
    static func read(_ path: String) -> Result<[UInt8], FetchFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(failure(path, code: errno)) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(failure(path, code: errno))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    private static func failure(_ path: String, code: Int32) -> FetchFailure {
        if code == ENOENT { return FetchFailure(input: path, reason: .noSuchFile, message: "no such file '\(path)'") }
        let reason = String(cString: strerror(code))
        return FetchFailure(input: path, reason: .unreadable, message: "cannot read '\(path)': \(reason)")
    }
}
