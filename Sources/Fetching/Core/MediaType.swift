import Foundation
import GleanerCore

/// Decides a document's media type from its Content-Type, file extension and first bytes.
///
/// The result is one of a small set stages can rely on: `text/html`,
/// `text/plain`, `application/xml`, `application/rss+xml`,
/// `application/atom+xml`, or the server's own type for anything else
/// (e.g. `application/pdf`).
public enum MediaType {
    public static let html = "text/html"
    public static let plain = "text/plain"
    public static let xml = "application/xml"
    public static let rss = "application/rss+xml"
    public static let atom = "application/atom+xml"

    /// The media type of a document.
    /// - Parameters:
    ///   - contentType: The Content-Type header value (without parameters is fine), if any.
    ///   - path: The file path or URL path, for its extension.
    ///   - bytes: The document, sniffed when the other two say nothing definite.
    public static func detect(contentType: String?, path: String, bytes: [UInt8]) -> String {
        let declared = contentType.map(essence) ?? ""
        switch declared {
        case "text/html", "application/xhtml+xml": return html
        case "text/plain": return sniffed(bytes) == html ? html : plain
        case "application/rss+xml": return rss
        case "application/atom+xml": return atom
        case "text/xml", "application/xml": return refineXML(bytes)
        case "", "application/octet-stream", "binary/octet-stream", "application/unknown": break
        default: return declared
        }
        let lowerPath = path.lowercased()
        let pathOnly = lowerPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? lowerPath
        for (suffix, type) in extensions where pathOnly.hasSuffix(suffix) {
            return type == xml ? refineXML(bytes) : (type == plain && sniffed(bytes) == html ? html : type)
        }
        return sniffed(bytes)
    }

    /// `text/html; charset=utf-8` → `text/html`.
    public static func essence(_ contentType: String) -> String {
        let main = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return main.trimmingWhitespace().lowercased()
    }

    /// The `charset` parameter of a Content-Type value.
    public static func charsetParameter(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingWhitespace().lowercased() == "charset" {
                var value = pair[1]
                while let first = value.first, Self.charsetPadding.contains(first) { value.removeFirst() }
                while let last = value.last, Self.charsetPadding.contains(last) { value.removeLast() }
                return String(value)
            }
        }
        return nil
    }

    /// What may surround a charset value: spaces and quotes (`charset="utf-8"`).
    private static let charsetPadding: Set<Character> = [" ", "\t", "\"", "'"]

    private static let extensions: [(String, String)] = [
        (".html", html), (".htm", html), (".xhtml", html), (".shtml", html),
        (".rss", rss), (".atom", atom), (".xml", xml),
        (".txt", plain), (".text", plain), (".md", plain),
    ]

    /// Content sniffing over the first kilobyte: HTML markers, an XML prolog or root, else plain text.
    static func sniffed(_ bytes: [UInt8]) -> String {
        let head = leadingText(bytes)
        let htmlMarkers = ["<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<meta", "<title"]
        if htmlMarkers.contains(where: { head.hasPrefix($0) }) { return html }
        if head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") || head.hasPrefix("<urlset")
            || head.hasPrefix("<sitemapindex") || head.hasPrefix("<rdf:rdf")
        {
            return refineXML(bytes)
        }
        if head.hasPrefix("<"), head.contains("<html") || head.contains("<body") { return html }
        return plain
    }

    /// `application/xml` made specific when the root element is an RSS or Atom feed.
    static func refineXML(_ bytes: [UInt8]) -> String {
        let head = leadingText(bytes)
        if head.contains("<html") { return html }
        if head.contains("<rss") || head.contains("<rdf:rdf") { return rss }
        if head.contains("<feed") { return atom }
        return xml
    }

    private static func leadingText(_ bytes: [UInt8]) -> String {
        var slice = bytes.prefix(1024)[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        let text = String(decoding: slice, as: UTF8.self).lowercased()
        return String(text.drop { $0.isWhitespace })
    }
}
