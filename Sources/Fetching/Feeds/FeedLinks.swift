public import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The article URLs an RSS 2.0 / RSS 1.0 / Atom feed or an XML sitemap lists.
public struct FeedLinks: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case rss, atom, sitemap
        /// A sitemap index: its links are further sitemaps.
        case sitemapIndex = "sitemap index"
    }

    public var kind: Kind
    /// Absolute http(s) URLs in document order, duplicates removed.
    public var links: [String]
    /// Relative links left out because there was nothing to resolve them against (a local feed
    /// file that names no URL of its own).
    public var unresolved: [String] = []

    /// Parses `bytes` as a feed or sitemap.
    /// - Parameters:
    ///   - bytes: The XML document.
    ///   - base: The document's URL, for relative links; without one, the URL the feed gives
    ///     for itself (Atom or RSS `rel="self"`, else the RSS channel's `<link>`).
    /// - Returns: The links, or `nil` when the document is not a feed or sitemap (or not well-formed XML).
    public static func parse(_ bytes: [UInt8], base: URL?) -> FeedLinks? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        guard ["<rss", "<feed", "<urlset", "<sitemapindex", "<rdf:RDF", "<RDF"].contains(where: head.contains) else {
            return nil
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        _ = parser.parse()
        guard let kind = collector.kind else { return nil }
        let base = base ?? collector.ownURL.flatMap { own in
            URL(string: own.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { url in
                ["http", "https"].contains(url.scheme?.lowercased() ?? "") ? url : nil
            }
        }
        var seen = Set<String>()
        var links: [String] = []
        var unresolved: [String] = []
        for raw in collector.links {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL else { continue }
            guard let scheme = url.scheme?.lowercased() else {
                unresolved.append(trimmed)
                continue
            }
            guard scheme == "http" || scheme == "https" else { continue }
            let absolute = url.absoluteString
            if seen.insert(absolute).inserted { links.append(absolute) }
        }
        return FeedLinks(kind: kind, links: links, unresolved: unresolved)
    }
}

/// SAX-style collection of link elements by feed dialect.
private final class Collector: NSObject, XMLParserDelegate {
    var kind: FeedLinks.Kind?
    var links: [String] = []
    private var stack: [String] = []
    private var text = ""
    private var capturing = false
    // Atom: the first rel="alternate" (or rel-less) link of each entry.
    private var entryLink: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = Self.localName(elementName)
        if stack.isEmpty {
            switch name.lowercased() {
            case "rss", "rdf": kind = .rss
            case "feed": kind = .atom
            case "urlset": kind = .sitemap
            case "sitemapindex": kind = .sitemapIndex
            default: parser.abortParsing()
            }
        }
        stack.append(name)
        let parent = stack.count >= 2 ? stack[stack.count - 2] : ""
        switch kind {
        case .rss:
            if name == "link", parent == "channel", attributes["rel"] == "self", let href = attributes["href"] {
                ownSelf = href
            } else if name == "link", parent == "channel", attributes["href"] == nil {
                capturingChannelLink = true
                text = ""
            }
            if (name == "link" && parent == "item") || (name == "guid" && parent == "item") {
                capturing = true
                text = ""
            }
        case .atom:
            if name == "entry" { entryLink = nil }
            if name == "link", parent == "feed", attributes["rel"] == "self", let href = attributes["href"] { ownSelf = href }
            if name == "link", parent == "entry", let href = attributes["href"] {
                let rel = attributes["rel"] ?? "alternate"
                if rel == "alternate", entryLink == nil { entryLink = href }
            }
        case .sitemap, .sitemapIndex:
            if name == "loc", parent == "url" || parent == "sitemap" {
                capturing = true
                text = ""
            }
        case nil: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing || capturingChannelLink { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capturing || capturingChannelLink { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    /// The URL the feed gives for itself: `rel="self"`, else the RSS channel's `<link>`.
    var ownURL: String? { ownSelf ?? channelLink }
    private var ownSelf: String?
    private var channelLink: String?
    private var capturingChannelLink = false

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        let name = Self.localName(elementName)
        if capturingChannelLink {
            capturingChannelLink = false
            if channelLink == nil { channelLink = text }
        }
        if capturing {
            capturing = false
            if name == "guid" {
                // A guid is a link only when it is a permalink URL and the item has no <link>.
                itemGuid = text
            } else {
                itemLink = text
            }
        }
        if kind == .rss, name == "item" {
            if let link = itemLink ?? itemGuid.flatMap({ $0.contains("://") ? $0 : nil }) { links.append(link) }
            itemLink = nil
            itemGuid = nil
        }
        if kind == .sitemap || kind == .sitemapIndex, name == "loc", let link = itemLink {
            links.append(link)
            itemLink = nil
        }
        if kind == .atom, name == "entry", let link = entryLink { links.append(link) }
        if !stack.isEmpty { stack.removeLast() }
    }

    private var itemLink: String?
    private var itemGuid: String?

    private static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}
