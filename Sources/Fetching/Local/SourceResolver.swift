import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns `fetch` arguments into an ordered list of things to fetch.
///
/// Order is the argument order; a directory becomes every non-hidden file
/// under it, and a glob every match, both sorted by path (byte order), so the
/// same arguments give the same output on every machine.
public struct SourceResolver: Sendable {
    /// Reads all of standard input, for the `-` argument.
    public var readStandardInput: @Sendable () -> [UInt8]

    public init(readStandardInput: @escaping @Sendable () -> [UInt8]) {
        self.readStandardInput = readStandardInput
    }

    /// Resolves command-line arguments.
    /// - Parameters:
    ///   - arguments: Paths, directories, globs, URLs, and `-` for a list on stdin.
    ///   - urlLists: Files given with `--urls`, one http(s) URL per line.
    /// - Returns: Items in output order; what cannot be resolved is a `.failed` item in its place.
    public func resolve(arguments: [String], urlLists: [String] = []) -> [SourceItem] {
        var items: [SourceItem] = []
        for argument in arguments {
            if argument == "-" {
                items += listItems(readStandardInput(), allowPaths: true)
            } else {
                items += resolveArgument(argument)
            }
        }
        for list in urlLists {
            guard let data = FileManager.default.contents(atPath: list) else {
                items.append(SourceItem(input: list, kind: .failed(Self.missing(list, what: "URL list"))))
                continue
            }
            items += listItems([UInt8](data), allowPaths: false)
        }
        return items
    }

    /// One argument: a URL, an existing path, or a glob.
    func resolveArgument(_ argument: String) -> [SourceItem] {
        switch URLScheme.of(argument) {
        case .http: return [SourceItem(input: argument, kind: URLScheme.validatedURL(argument))]
        case .file(let path): return resolvePath(path, as: argument)
        case .other(let scheme):
            return [SourceItem(input: argument, kind: .failed(URLScheme.unsupported(argument, scheme: scheme)))]
        case .none: return resolvePath(argument, as: argument)
        }
    }

    private func resolvePath(_ path: String, as input: String) -> [SourceItem] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? walk(directory: path) : [Self.fileItem(path, input: input)]
        }
        if path.contains(where: { "*?[".contains($0) }) {
            let matches = Self.glob(path)
            if !matches.isEmpty {
                return matches.flatMap { match -> [SourceItem] in
                    var isDirectory: ObjCBool = false
                    _ = FileManager.default.fileExists(atPath: match, isDirectory: &isDirectory)
                    return isDirectory.boolValue ? walk(directory: match) : [Self.fileItem(match, input: match)]
                }
            }
            return [SourceItem(input: input, kind: .failed(Self.missing(input, what: "file matches")))]
        }
        return [SourceItem(input: input, kind: .failed(Self.missing(input, what: "file")))]
    }

    /// Every regular, non-hidden file under `directory`, sorted by path.
    func walk(directory: String) -> [SourceItem] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            return [SourceItem(input: directory, kind: .failed(Self.missing(directory, what: "directory")))]
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        // A FIFO, device or socket met while walking is refused by name: reading it could block or never end.
        return files.map { path in
            LocalFile.isRegularOrFolder(path)
                ? Self.fileItem(path, input: path)
                : SourceItem(input: path, kind: .failed(FetchFailure(
                    input: path, reason: .unsupported, message: "'\(path)' is not a regular file (a FIFO, device or socket); not read")))
        }
    }

    /// Lines of a list: blank lines and `#` comments are skipped; numbering counts every line.
    func listItems(_ bytes: [UInt8], allowPaths: Bool) -> [SourceItem] {
        var items: [SourceItem] = []
        let text = String(decoding: bytes, as: UTF8.self)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var trimmed = rawLine[...]  // by hand: Foundation's trimming is slow on long lists
            while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
            while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
            let line = String(trimmed)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let number = index + 1
            let resolved: [SourceItem]
            switch URLScheme.of(line) {
            case .http: resolved = [SourceItem(input: line, kind: URLScheme.validatedURL(line))]
            case .file, .other:
                // Lists may come from anywhere: never let one reach file: or other schemes.
                let scheme = line.prefix { $0 != ":" }.lowercased()
                resolved = [SourceItem(input: line, kind: .failed(URLScheme.unsupported(line, scheme: scheme)))]
            case .none:
                if allowPaths {
                    resolved = resolvePath(line, as: line)
                } else {
                    let failure = FetchFailure(
                        input: line, reason: .unsupported, message: "not an http(s) URL '\(line)'")
                    resolved = [SourceItem(input: line, kind: .failed(failure))]
                }
            }
            items += resolved.map { item in
                var item = item
                item.line = number
                if case .failed(var failure) = item.kind {
                    failure.line = number
                    item.kind = .failed(failure)
                }
                return item
            }
        }
        return items
    }

    static func fileItem(_ path: String, input: String) -> SourceItem {
        let lower = path.lowercased()
        if lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz") { return SourceItem(input: input, kind: .warc(path: path)) }
        return SourceItem(input: input, kind: .file(path: path))
    }

    static func missing(_ input: String, what: String) -> FetchFailure {
        FetchFailure(input: input, reason: .noSuchFile, message: "no such \(what) '\(input)'")
    }

    /// POSIX glob(3) expansion, sorted by the C library.
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var matches: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let path = result.gl_pathv[index] { matches.append(String(cString: path)) }
        }
        return matches.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// What kind of location a source string names.
enum URLScheme: Equatable {
    case http
    case file(String)
    case other(String)

    /// The scheme of `text` when it starts with one (`http:`, `file:`), else `nil` for a plain path.
    static func of(_ text: String) -> URLScheme? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        // One letter before the colon is a Windows drive, not a scheme.
        guard scheme.count > 1, scheme.first!.isLetter,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
        else { return nil }
        switch scheme {
        case "http", "https": return .http
        case "file":
            return .file(URL(string: text)?.path ?? String(text.dropFirst(5)))
        default: return .other(scheme)
        }
    }

    static func validatedURL(_ text: String) -> SourceItem.Kind {
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
            return .failed(FetchFailure(input: text, reason: .unsupported, message: "invalid URL '\(text)'"))
        }
        return .url(text)
    }

    static func unsupported(_ text: String, scheme: String) -> FetchFailure {
        FetchFailure(input: text, reason: .unsupported, message: "unsupported URL scheme '\(scheme)' in '\(text)'")
    }
}
