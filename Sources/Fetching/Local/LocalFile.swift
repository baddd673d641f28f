#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole local file with read(2), mapping errno to a failure that names the path.
///
/// At most `maxBytes` are read (`fetch /dev/zero` stops there). A FIFO, device or socket
/// named as an input is read with a timeout: no data for `timeout` seconds (a FIFO with no
/// writer) is a failure, never a hang; opening never blocks.
enum LocalFile {
    static func read(_ path: String, maxBytes: Int, timeout: Double) -> Result<[UInt8], FetchFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(failure(path, code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(failure(path, code: errno)) }
        let regular = info.st_mode & S_IFMT == S_IFREG
        if regular {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            if Int(info.st_size) > maxBytes { return .failure(tooLarge(path, maxBytes)) }
        }
        var bytes: [UInt8] = []
        if regular { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if !regular {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(min(timeout * 1000, Double(Int32.max))))
                if ready < 0 {
                    if errno == EINTR { continue }
                    return .failure(failure(path, code: errno))
                }
                if ready == 0 {
                    return .failure(FetchFailure(
                        input: path, reason: .timeout, message: "no data from '\(path)' for \(timeout) s (a FIFO with no writer?)"))
                }
            }
            let room = min(chunk.count, maxBytes + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, room) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(failure(path, code: errno))
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes { return .failure(tooLarge(path, maxBytes)) }
        }
        return .success(bytes)
    }

    /// Whether `path` is a regular file or a folder (what a folder walk or glob may read).
    static func isRegularOrFolder(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }  // gone or unreadable: reading it reports why
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFDIR
    }

    private static func tooLarge(_ path: String, _ maxBytes: Int) -> FetchFailure {
        FetchFailure(input: path, reason: .tooLarge, message: "'\(path)' is over --max-bytes \(maxBytes)")
    }

    private static func failure(_ path: String, code: Int32) -> FetchFailure {
        if code == ENOENT { return FetchFailure(input: path, reason: .noSuchFile, message: "no such file '\(path)'") }
        let reason = String(cString: strerror(code))
        return FetchFailure(input: path, reason: .unreadable, message: "cannot read '\(path)': \(reason)")
    }
}
