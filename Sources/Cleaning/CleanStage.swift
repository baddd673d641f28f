public import GleanerCore

/// The `clean` stage: turns a fetched document (`raw`) into the article `text` with its
/// metadata, and accounts for every removed block in `boilerplate`.
///
/// Reads `raw`, `media_type`, `charset`, `source`; writes `title`, `published`, `byline`,
/// `section`, `tags`, `lang`, `site_name`, `url`, `text`, `boilerplate`. A record without
/// `raw` but with `text` (an earlier clean's output) is cleaned again as plain text.
public struct CleanStage: Stage {
    public let name = "clean"
    /// Reads the fetched document and earlier findings; writes the article fields (and drops `raw`).
    public var fields: StageFields? {
        StageFields(
            reads: [Field.raw, Field.mediaType, Field.finalURL, Field.source, Field.text, Field.title, Field.published,
                    Field.byline, Field.section, Field.tags, Field.lang, Field.siteName, Field.url, Field.boilerplate],
            writes: [Field.title, Field.published, Field.byline, Field.section, Field.tags, Field.lang, Field.siteName,
                     Field.url, Field.text, Field.boilerplate, Field.raw])
    }
    public var options: CleanOptions

    public init(options: CleanOptions = CleanOptions()) {
        self.options = options
    }

    /// A stage with these options (the command-line flags).
    public init(keepRaw: Bool, includeComments: Bool = false, format: BodyFormat = .text) {
        self.init(options: CleanOptions(keepRaw: keepRaw, includeComments: includeComments, format: format))
    }

    /// Cleans one record.
    /// - Throws: ``RecordError`` when the record has neither `raw` nor `text`, or they are not strings.
    public func process(_ record: JSONObject) throws -> JSONObject {
        let mediaType = try record.optionalString(Field.mediaType)
        let source = try record.optionalString(Field.finalURL) ?? record.optionalString(Field.source)
        var document: CleanedDocument
        if let raw = try record.optionalString(Field.raw) {
            if let share = BinarySniffer.controlShare(raw) {
                throw RecordError.invalidValue(
                    field: Field.raw, reason: "looks like binary data (\(share)% control characters), not a document")
            }
            document = Cleaner(options: options).clean(raw, mediaType: mediaType, source: source)
        } else if let text = try record.optionalString(Field.text) {
            document = PlainTextCleaner(options: options).clean(text)
            try Self.keepEarlierFindings(of: record, in: &document)
        } else {
            throw RecordError.missingField(Field.raw)
        }
        var output = record
        Self.write(document, into: &output)
        if !options.keepRaw { output[Field.raw] = nil }
        return output
    }

    /// On a re-run over cleaned text, metadata an earlier run found (and took out of the text) is kept.
    static func keepEarlierFindings(of record: JSONObject, in document: inout CleanedDocument) throws {
        document.title = try document.title ?? record.optionalString(Field.title)
        document.published = try document.published ?? record.optionalString(Field.published)
        document.byline = try document.byline ?? record.optionalString(Field.byline)
        document.section = try document.section ?? record.optionalString(Field.section)
        document.lang = try document.lang ?? record.optionalString(Field.lang)
        document.siteName = try document.siteName ?? record.optionalString(Field.siteName)
        document.url = try document.url ?? record.optionalString(Field.url)
        if document.tags.isEmpty, let tags = record[Field.tags]?.arrayValue {
            document.tags = tags.compactMap(\.stringValue)
        }
        if let earlier = record[Field.boilerplate]?.arrayValue {
            let blocks = earlier.compactMap { value -> BoilerplateBlock? in
                guard let object = value.objectValue, let kind = object["kind"]?.stringValue,
                    let text = object["text"]?.stringValue
                else { return nil }
                return BoilerplateBlock(kind: kind, text: text)
            }
            document.boilerplate = blocks + document.boilerplate
        }
    }

    /// Sets this stage's fields from `document`, removing stale ones from an earlier run.
    static func write(_ document: CleanedDocument, into record: inout JSONObject) {
        func set(_ field: String, _ value: String?) {
            record[field] = value.flatMap { $0.isEmpty ? nil : JSONValue.string($0) }
        }
        set(Field.title, document.title)
        set(Field.published, document.published)
        set(Field.byline, document.byline)
        set(Field.section, document.section)
        record[Field.tags] = document.tags.isEmpty ? nil : .array(document.tags.map { .string($0) })
        set(Field.lang, document.lang)
        set(Field.siteName, document.siteName)
        set(Field.url, document.url)
        record[Field.text] = .string(document.text)
        record[Field.boilerplate] = .array(document.boilerplate.map(\.json))
    }
}

/// Chooses the plain-text or HTML cleaner for a document.
public struct Cleaner: Sendable {
    public var options: CleanOptions

    public init(options: CleanOptions = CleanOptions()) {
        self.options = options
    }

    /// Cleans a decoded document.
    /// - Parameters:
    ///   - raw: The document text.
    ///   - mediaType: The media type fetch detected (`text/html`, `text/plain`), if any.
    ///   - source: Where the document came from, used for dates in URLs and relative links.
    public func clean(_ raw: String, mediaType: String? = nil, source: String? = nil) -> CleanedDocument {
        if MarkupSniffer.isHTML(raw, mediaType: mediaType) {
            return HTMLCleaner(options: options).clean(Array(raw.utf8), source: source)
        }
        return PlainTextCleaner(options: options).clean(raw)
    }

    /// Cleans undecoded bytes: the charset comes from the BOM, `charset`, the document's
    /// `<meta>`, UTF-8 validity, else Windows-1252.
    public func clean(bytes: [UInt8], charset: String? = nil, mediaType: String? = nil, source: String? = nil)
        -> CleanedDocument
    {
        let text = CharsetDecoder.decode(bytes, declared: charset)
        return clean(text, mediaType: mediaType, source: source)
    }
}

/// Decides whether a document is HTML.
enum MarkupSniffer {
    static func isHTML(_ raw: String, mediaType: String?) -> Bool {
        if let mediaType = mediaType?.lowercased() {
            if mediaType.includes("html") || mediaType.includes("xml") { return true }
            if mediaType.hasPrefix("text/plain") { return false }
        }
        var count = 0
        var tags = 0
        var previous: UInt8 = 0
        for byte in raw.utf8 {
            count += 1
            if count > 4096 { break }
            if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "!") || byte == UInt8(ascii: "/") || (byte | 0x20) >= 97 && (byte | 0x20) <= 122 {
                tags += 1
            }
            previous = byte
        }
        return tags >= 3
    }
}

/// Recognises binary data that was fetched as if it were a document.
enum BinarySniffer {
    /// The percentage of control and replacement characters in the first 8 KB when it is over 10%, else `nil`.
    static func controlShare(_ raw: String) -> Int? {
        var total = 0
        var control = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in raw.utf8.prefix(8_192) {
            if byte & 0xC0 != 0x80 { total += 1 }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C || byte == 0x7F {
                control += 1
            }
            // U+FFFD, what undecodable bytes became.
            if byte == 0xBD, previous == 0xBF, beforePrevious == 0xEF { control += 1 }
            beforePrevious = previous
            previous = byte
        }
        guard total >= 16, control * 10 > total else { return nil }
        return control * 100 / total
    }
}
