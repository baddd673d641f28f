public import GleanerCore

/// What clean found in one document: the article body, its metadata and what was removed.
///
/// A metadata field is `nil` (or empty) when the document does not state it; clean
/// never guesses a value to fill a field.
public struct CleanedDocument: Sendable, Hashable {
    /// The headline.
    public var title: String?
    /// ISO-8601 date or date-time.
    public var published: String?
    /// The author's name(s), without "By", dates or job titles.
    public var byline: String?
    /// The section the site files the article under ("World", "Sport").
    public var section: String?
    /// Topic tags and keywords, in the order declared, without repeats.
    public var tags: [String] = []
    /// BCP 47 language tag as the document declares it ("en", "pt-BR").
    public var lang: String?
    /// The publication's name.
    public var siteName: String?
    /// The canonical URL the document declares.
    public var url: String?
    /// The article body, paragraphs separated by a blank line.
    public var text: String = ""
    /// Blocks removed from the body, in document order.
    public var boilerplate: [BoilerplateBlock] = []

    public init() {}
}

/// How the body is written into `text`.
public enum BodyFormat: String, Sendable, CaseIterable {
    /// Plain paragraphs.
    case text
    /// Markdown: headings, lists, quotes and links kept.
    case markdown
}

/// Options of the clean stage.
public struct CleanOptions: Sendable, Hashable {
    /// Keep the `raw` field in the output record.
    public var keepRaw: Bool
    /// Keep reader comments in `text` instead of moving them to `boilerplate`.
    public var includeComments: Bool
    /// How the body is written.
    public var format: BodyFormat

    public init(keepRaw: Bool = false, includeComments: Bool = false, format: BodyFormat = .text) {
        self.keepRaw = keepRaw
        self.includeComments = includeComments
        self.format = format
    }
}
