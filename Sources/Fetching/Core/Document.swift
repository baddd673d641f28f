public import GleanerCore

/// One fetched document, ready to become a record.
public struct Document: Sendable, Equatable {
    /// The path or URL as the user gave it (for WARC records: the target URI).
    public var source: String
    /// The URL after redirects, for HTTP; `nil` for local files.
    public var finalURL: String?
    /// The HTTP status of the final response, for HTTP.
    public var status: Int?
    /// When it was fetched, RFC 3339 UTC.
    public var fetchedAt: String
    public var mediaType: String
    /// The raw bytes as received (after Content-Encoding was undone); the id hashes these.
    public var bytes: [UInt8]
    /// Content-Type charset, when the server declared one.
    public var declaredCharset: String?
    /// Response headers a later stage needs (Last-Modified, Content-Language, ...), names lowercased.
    public var headers: [(name: String, value: String)]
    /// True when the record came from `--cache` after a 304 Not Modified.
    public var cached: Bool
    /// Where it came from when read out of an archive: the `.warc` file.
    public var archive: String?

    public init(
        source: String, finalURL: String? = nil, status: Int? = nil, fetchedAt: String, mediaType: String,
        bytes: [UInt8], declaredCharset: String? = nil, headers: [(name: String, value: String)] = [],
        cached: Bool = false, archive: String? = nil
    ) {
        self.source = source
        self.finalURL = finalURL
        self.status = status
        self.fetchedAt = fetchedAt
        self.mediaType = mediaType
        self.bytes = bytes
        self.declaredCharset = declaredCharset
        self.headers = headers
        self.cached = cached
        self.archive = archive
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.source == rhs.source && lhs.finalURL == rhs.finalURL && lhs.status == rhs.status
            && lhs.fetchedAt == rhs.fetchedAt && lhs.mediaType == rhs.mediaType && lhs.bytes == rhs.bytes
            && lhs.declaredCharset == rhs.declaredCharset && lhs.cached == rhs.cached && lhs.archive == rhs.archive
            && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.value == $1.value })
    }

    /// The document decoded to text.
    public var decoded: DecodedText {
        TextDecoding.decode(bytes, declared: declaredCharset, mediaType: mediaType)
    }

    /// The record for this document, fields in contract order, and the decoding warning if any.
    public func record() -> (record: JSONObject, warning: String?) {
        let text = decoded
        var record: JSONObject = [
            Field.id: .string(ContentID.of(bytes)),
            Field.source: .string(source),
        ]
        if let finalURL { record[Field.finalURL] = .string(finalURL) }
        if let status { record["status"] = .number(Double(status)) }
        record[Field.fetchedAt] = .string(fetchedAt)
        record[Field.mediaType] = .string(mediaType)
        record[Field.charset] = .string(text.charset)
        record[Field.raw] = .string(text.text)
        if !headers.isEmpty {
            var object = JSONObject()
            for header in headers { object[header.name] = .string(header.value) }
            record["headers"] = .object(object)
        }
        if cached { record["cached"] = .bool(true) }
        if let archive { record["archive"] = .string(archive) }
        return (record, text.warning)
    }
}
