import GleanerCore

/// Cleans an HTML document: parses it with libxml2, picks the article body and reads its metadata.
public struct HTMLCleaner: Sendable {
    public var options: CleanOptions

    public init(options: CleanOptions = CleanOptions()) {
        self.options = options
    }

    /// Cleans UTF-8 HTML.
    /// - Parameters:
    ///   - bytes: The page as UTF-8.
    ///   - source: The page's URL or path, for dates in the URL and resolving relative links.
    /// - Returns: Best effort: a page with no text gives an empty `text` and no metadata.
    public func clean(_ bytes: [UInt8], source: String? = nil) -> CleanedDocument {
        var result = CleanedDocument()
        guard let document = HTMLDocument(utf8: bytes) else { return result }
        let found = MetadataReader(document: document).read()
        let extractor = ContentExtractor(document: document)
        let selection = extractor.extract()

        let base = resolvedBase(found: found, source: source)
        var renderer = BodyRenderer(document: document, format: options.format, baseURL: base)
        var blocks = renderer.render(roots: selection.roots, removed: selection.removed)

        let metadata = MetadataChooser(found: found, source: source)
        result.title = metadata.title()
        result.lang = metadata.lang()
        result.siteName = metadata.siteName()
        result.section = metadata.section()
        result.tags = metadata.tags()
        result.url = metadata.canonicalURL(base: base)

        // The title repeated as the first heading is not body text.
        if let title = result.title {
            for position in 0..<min(3, blocks.count) where Self.sameText(Self.plain(blocks[position].text), title) {
                blocks.remove(at: position)
                break
            }
        }
        var boilerplate = BoilerplateCollector(document: document, hints: extractor.hints).collect(selection: selection)
            .map(\.block)

        // A "By ..." line at the top of the body is the byline.
        var bodyByline: String?
        for position in 0..<min(4, blocks.count) {
            let text = Self.plain(blocks[position].text)
            if let name = PlainTextCleaner.bylineLine(text) {
                bodyByline = name
                blocks.remove(at: position)
                boilerplate.append(BoilerplateBlock(kind: BoilerplateKind.metadata.rawValue, text: text))
                break
            }
        }
        result.byline = metadata.byline(fromContent: selection.byline ?? bodyByline)

        // Furniture the markup did not give away: "Read also" lists, newsletter and share prompts.
        let texts = blocks.map { Self.plain($0.text) }
        let protected = blocks.map { $0.role == .row || $0.role == .code }
        var kinds = PlainTextCleaner(options: options).classify(texts, protected: protected, commentsRunToEnd: false)
        for index in kinds.indices where kinds[index] != nil && blocks[index].text.utf8.count > 1_000 { kinds[index] = nil }
        for index in kinds.indices where kinds[index] == nil && blocks[index].role == .paragraph {
            kinds[index] = Self.pictureOrDateKind(texts[index])
        }
        // What the markup left around the article: the plain-text scorer trims the edges.
        let inside = ArticleRun.trimmedEdges(texts, known: kinds, trimmable: blocks.map { $0.role == .paragraph })
        let start = inside.firstIndex(of: true) ?? blocks.count
        var body: [String] = []
        for (index, block) in blocks.enumerated() {
            let plain = texts[index]
            if let kind = kinds[index] ?? (inside[index] ? nil : PlainTextCleaner.outsideKind(plain, before: index < start)) {
                boilerplate.append(BoilerplateBlock(kind: kind.rawValue, text: plain))
            } else {
                body.append(block.text)
            }
        }
        if options.includeComments {
            for block in boilerplate where block.kind == BoilerplateKind.comments.rawValue { body.append(block.text) }
            boilerplate.removeAll { $0.kind == BoilerplateKind.comments.rawValue }
        }
        result.text = body.joined(separator: "\n\n")
        // The markup gave no article (a page of bare divs and spans): the plain-text scorer reads the page.
        if result.text.utf8.count < 200 {
            let fallback = plainTextFallback(document)
            if fallback.text.utf8.count > max(result.text.utf8.count * 2, 200) {
                result.text = fallback.text
                boilerplate = fallback.boilerplate
            }
        }
        result.boilerplate = boilerplate

        let nearTitle = texts.prefix(6).filter { $0.utf8.count <= 120 }
            + boilerplate.filter { $0.kind == BoilerplateKind.metadata.rawValue }.map(\.text)
            + [selection.byline].compactMap { $0 }
        result.published = metadata.published(visible: nearTitle)
        return result
    }

    /// A picture's furniture left as a paragraph of its own: "Photo", "Video", "Enlarge this image".
    static let pictureLines: Set<String> = [
        "photo", "photos", "image", "video", "foto", "fotos", "bild", "bilder", "gallery", "photo gallery",
        "galerie", "bildergalerie", "fotogalerie", "zoom", "vergrößern", "enlarge this image", "view gallery",
        "expand", "credit", "photo credit", "bildquelle", "vidéo", "imagen", "galería",
    ]

    /// A paragraph that is a photo credit (a caption) or only a date (printed again beside the title).
    static func pictureOrDateKind(_ text: String) -> BoilerplateKind? {
        if BoilerplateRules.isPhotoCredit(text) || pictureLines.contains(text.matchKey) { return .caption }
        if text.utf8.count <= 80, PlainTextCleaner.dateLine(text) != nil { return .metadata }
        return nil
    }

    /// The whole page's text cleaned as plain text; only its text and boilerplate are used.
    func plainTextFallback(_ document: HTMLDocument) -> CleanedDocument {
        var renderer = BodyRenderer(document: document, format: .text, baseURL: nil)
        var noscript: [Int: BoilerplateKind] = [:]
        for index in document.nodes.indices where document.nodes[index].tag == .noscript { noscript[index] = .hidden }
        let blocks = renderer.render(roots: [document.body], removed: noscript)
        return PlainTextCleaner(options: options).clean(blocks.map { Self.plain($0.text) }.joined(separator: "\n\n"))
    }

    func resolvedBase(found: MetadataReader.Found, source: String?) -> String? {
        if let source, source.hasPrefix("http://") || source.hasPrefix("https://") { return source }
        if let canonical = found.canonical, canonical.hasPrefix("http") { return canonical }
        if let og = found.meta["og:url"], og.hasPrefix("http") { return og }
        return nil
    }

    /// Text without markdown decoration, for comparisons.
    static func plain(_ text: String) -> String {
        var result = text
        while let first = result.first, first == "#" || first == ">" || first == "-" { result.removeFirst() }
        return result.trimmingWhitespace()
    }

    static func sameText(_ a: String, _ b: String) -> Bool {
        let lengths = (a.utf8.count, b.utf8.count)
        guard lengths.0 <= lengths.1 * 2 + 20, lengths.1 <= lengths.0 * 2 + 20 else { return false }
        let left = a.matchKey, right = b.matchKey
        if left == right { return true }
        let leftWords = Set(left.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        let rightWords = Set(right.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        guard !leftWords.isEmpty, !rightWords.isEmpty else { return false }
        let shared = Double(leftWords.intersection(rightWords).count)
        return shared / Double(leftWords.union(rightWords).count) >= 0.75
    }
}
