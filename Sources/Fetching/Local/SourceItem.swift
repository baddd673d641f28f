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
