public import GleanerCore

/// One thing to fetch, resolved from an argument or a list line.
public struct SourceItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A local file to read.
        case file(path: String)
        /// A `.warc` or `.warc.gz` archive whose response records become documents.
        case warc(path: String)
        /// An http or https URL.
        case url(String)
        /// Something that failed while resolving (missing file, unsupported scheme).
        case failed(FetchFailure)
    }

    /// The source as given: the argument, list line, or the file a directory or glob expanded to.
    public var input: String
    /// The line in the list (`-` or `--urls FILE`) it came from.
    public var line: Int?
    public var kind: Kind

    public init(input: String, line: Int? = nil, kind: Kind) {
        self.input = input
        self.line = line
        self.kind = kind
    }
}

/// A line of a `fetch --list-sources` list that cannot be read back.
public struct SourceListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line number in the list.
    public var line: Int
    /// What is wrong, quoting the bad value.
    public var reason: String
    public var description: String { "source list line \(line): \(reason)" }
}

extension SourceItem {
    /// The item as one JSON object, e.g. `{"input":"a.txt","file":"a.txt"}`: what
    /// `fetch --list-sources` prints and `fetch --from-list` reads back unchanged.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("input", .string(input))]
        if let line { members.append(("line", .number(Double(line)))) }
        switch kind {
        case .file(let path): members.append(("file", .string(path)))
        case .warc(let path): members.append(("warc", .string(path)))
        case .url(let url): members.append(("url", .string(url)))
        case .failed(let failure):
            members.append(("failed", .object(["reason": .string(failure.reason.rawValue), "message": .string(failure.message)])))
        }
        return .object(JSONObject(members))
    }

    /// Reads back one item written by ``json``.
    /// - Throws: ``SourceListError`` naming the line.
    public init(json value: JSONValue, line number: Int) throws(SourceListError) {
        guard let object = value.objectValue, let input = object["input"]?.stringValue else {
            throw SourceListError(line: number, reason: "expected an object with \"input\", got \(JSONCodec.string(value).prefix(80))")
        }
        let line = object["line"]?.numberValue.map { Int($0) }
        if let path = object["file"]?.stringValue {
            self.init(input: input, line: line, kind: .file(path: path))
        } else if let path = object["warc"]?.stringValue {
            self.init(input: input, line: line, kind: .warc(path: path))
        } else if let url = object["url"]?.stringValue {
            self.init(input: input, line: line, kind: .url(url))
        } else if let failed = object["failed"]?.objectValue, let raw = failed["reason"]?.stringValue,
            let reason = FailureReason(rawValue: raw), let message = failed["message"]?.stringValue
        {
            self.init(input: input, line: line, kind: .failed(FetchFailure(input: input, line: line, reason: reason, message: message)))
        } else {
            throw SourceListError(line: number, reason: "item '\(input)' has none of file, warc, url or failed")
        }
    }

    /// Reads a whole `--list-sources` list (blank lines skipped).
    public static func list(_ bytes: [UInt8]) throws(SourceListError) -> [SourceItem] {
        var items: [SourceItem] = []
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x0d && $0 != 0x09 }) {
            let value: JSONValue
            do { value = try JSONCodec.parse(line) } catch {
                throw SourceListError(line: index + 1, reason: "\(error)")
            }
            items.append(try SourceItem(json: value, line: index + 1))
        }
        return items
    }
}
