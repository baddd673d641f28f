import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many records a run will carry, when that can be known before it starts: the progress
/// line's total and ETA. Every built-in filter writes one record per record it reads (or
/// rejects it), so the count at the start is the count all along.
public enum ProgressTotal {
    /// The expected record count, or nil when it cannot be known cheaply.
    ///
    /// - A first `fetch` stage over local files (globs expanded as fetch does): one record per
    ///   file; unknown when it follows feeds, reads URL lists or stdin, or names a folder or archive.
    /// - Any other first stage reading a regular file on standard input: its non-empty lines.
    /// - Parameters:
    ///   - pipeline: the (resolved) pipeline that runs.
    ///   - standardInput: the runner's input descriptor.
    public static func estimate(_ pipeline: Pipeline, standardInput: Int32 = 0) -> Int? {
        guard let first = pipeline.stages.first else { return nil }
        if first.builtinName == "fetch" {
            guard first.option("urls") == nil, first.option("follow-feeds") != .flag(true),
                case .list(let paths)? = first.option("paths")
            else { return nil }
            var count = 0
            for path in paths {
                if path.contains("://") {
                    count += 1
                    continue
                }
                guard path != "-", let files = files(matching: path) else { return nil }
                count += files
            }
            return count
        }
        return lines(in: standardInput)
    }

    static let archiveSuffixes = [".gz", ".tgz", ".tar", ".zip", ".warc", ".bz2", ".xz"]

    /// Regular files a glob names; nil when one is a folder or an archive (many records).
    static func files(matching pattern: String) -> Int? {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return 0 }
        var count = 0
        for index in 0..<Int(matches.gl_pathc) {
            guard let pointer = matches.gl_pathv[index] else { continue }
            let path = String(cString: pointer)
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                !archiveSuffixes.contains(where: { path.lowercased().hasSuffix($0) })
            else { return nil }
            count += 1
        }
        return count
    }

    /// Non-empty lines of a regular file open on `descriptor`, read through a second descriptor
    /// so the stage still reads it from the start; nil for a pipe, terminal or unreadable file.
    static func lines(in descriptor: Int32) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let copy = open("/proc/self/fd/\(descriptor)", O_RDONLY | O_CLOEXEC)
        guard copy >= 0 else { return nil }
        defer { close(copy) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var count = 0
        var lineHasText = false
        while true {
            let got = buffer.withUnsafeMutableBytes { read(copy, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            for byte in buffer[0..<got] {
                if byte == 0x0A {
                    if lineHasText { count += 1 }
                    lineHasText = false
                } else if byte != 0x20, byte != 0x0D, byte != 0x09 {
                    lineHasText = true
                }
            }
        }
        return count + (lineHasText ? 1 : 0)
    }
}
