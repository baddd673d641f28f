import GleanerCore

/// Reads an HTML page's declared metadata: `<meta>` tags (Open Graph, Dublin Core,
/// Twitter, Parse.ly, article:*), JSON-LD, `<title>`, `<html lang>`, canonical link,
/// `<time>` and author links.
struct MetadataReader {
    let document: HTMLDocument

    /// Metadata as declared; ``HTMLCleaner`` picks among them.
    struct Found {
        /// `<meta>` values by lower-cased name/property/itemprop, first value wins.
        var meta: [String: String] = [:]
        /// Every `article:tag` and similar repeated value.
        var metaTags: [String] = []
        var jsonLD = JSONLDArticle()
        var documentTitle: String?
        var headings: [(level: Int, text: String)] = []
        var lang: String?
        var canonical: String?
        /// `<time datetime>` values, in document order.
        var times: [String] = []
        /// `<a rel=author>` / `itemprop=author` texts.
        var authorLinks: [String] = []
    }

    func read() -> Found {
        var found = Found()
        let nodes = document.nodes
        for index in nodes.indices {
            let node = nodes[index]
            switch node.tag {
            case .html:
                if found.lang == nil, let lang = document.attribute("lang", of: index) ?? document.attribute("xml:lang", of: index),
                    !lang.isEmpty
                {
                    found.lang = lang.trimmingWhitespace()
                }
            case .meta:
                readMeta(index, into: &found)
            case .title:
                if found.documentTitle == nil, node.firstChild >= 0 {
                    found.documentTitle = document.nodeText(Int(node.firstChild)).collapsingWhitespace()
                }
            case .link:
                if found.canonical == nil, let rel = document.attribute("rel", of: index)?.lowercased(),
                    rel.split(separator: " ").contains("canonical"), let href = document.attribute("href", of: index), !href.isEmpty
                {
                    found.canonical = href.trimmingWhitespace()
                }
            case .script:
                if document.attribute("type", of: index)?.lowercased().includes("ld+json") == true, node.firstChild >= 0 {
                    found.jsonLD.merge(json: document.nodeText(Int(node.firstChild)))
                }
            case .time:
                if found.times.count < 8, let value = document.attribute("datetime", of: index), !value.isEmpty {
                    let pubdate = document.attribute("pubdate", of: index) != nil
                        || document.attribute("itemprop", of: index)?.lowercased() == "datepublished"
                    if pubdate { found.times.insert(value, at: 0) } else { found.times.append(value) }
                }
            case .h1, .h2:
                if found.headings.count < 12 {
                    let text = document.text(of: index)
                    if !text.isEmpty { found.headings.append((node.tag.headingLevel, text)) }
                }
            default:
                break
            }
            if !node.isText, node.attributeCount > 0, found.authorLinks.count < 4 {
                let rel = document.attribute("rel", of: index)?.lowercased() ?? ""
                let itemprop = document.attribute("itemprop", of: index)?.lowercased() ?? ""
                if rel.split(separator: " ").contains("author") || itemprop.includes("author") {
                    let text = document.text(of: index)
                    if !text.isEmpty, text.count < 100 { found.authorLinks.append(text) }
                }
            }
        }
        return found
    }

    private func readMeta(_ index: Int, into found: inout Found) {
        guard let content = document.attribute("content", of: index)?.collapsingWhitespace(), !content.isEmpty else {
            return
        }
        var keys: [String] = []
        for attribute in ["property", "name", "itemprop", "http-equiv"] {
            if let value = document.attribute(attribute, of: index) {
                // `property` may hold several space-separated names.
                keys += value.lowercased().split(separator: " ").map(String.init)
            }
        }
        for key in keys {
            if ["article:tag", "og:article:tag", "news_keywords", "parsely-tags", "sailthru.tags"].contains(key) {
                let values = key.hasSuffix("article:tag") ? [Substring(content)] : content.split(separator: ",")
                found.metaTags += values.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            }
            if found.meta[key] == nil { found.meta[key] = content }
        }
    }
}

/// The article facts a page's JSON-LD declares (schema.org Article, NewsArticle, BlogPosting...).
struct JSONLDArticle {
    var headline: String?
    var name: String?
    var datePublished: String?
    var authors: [String] = []
    var section: String?
    var keywords: [String] = []
    var publisher: String?
    var language: String?
    var url: String?
    var found = false

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "scholarlyarticle",
        "techarticle", "report", "webpage", "advertisercontentarticle", "satiricalarticle", "medicalwebpage",
        "posting", "review", "creativework", "itempage", "discussionforumposting", "howto", "recipe",
    ]

    /// Reads one `<script type="application/ld+json">` block; the first article object wins.
    mutating func merge(json text: String) {
        guard !found, let value = Self.parseLenient(text) else { return }
        var queue: [JSONValue] = [value]
        var visited = 0
        var bestRank = Int.max
        var best: JSONObject?
        while !queue.isEmpty, visited < 200 {
            let item = queue.removeFirst()
            visited += 1
            switch item {
            case .array(let elements): queue += elements
            case .object(let object):
                if let graph = object["@graph"] { queue.append(graph) }
                let types = Self.types(of: object)
                if let rank = types.compactMap({ Self.rank($0) }).min(), rank < bestRank {
                    bestRank = rank
                    best = object
                }
            default: break
            }
        }
        guard let article = best else { return }
        found = true
        headline = Self.string(article["headline"])
        name = Self.string(article["name"])
        datePublished = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        authors = Self.names(article["author"]) + (Self.names(article["creator"]))
        section = Self.string(article["articleSection"])
        if let keywords = article["keywords"] {
            if let list = keywords.arrayValue {
                self.keywords = list.compactMap { Self.string($0) }
            } else if let string = keywords.stringValue {
                self.keywords = string.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            }
        }
        publisher = Self.names(article["publisher"]).first
        language = Self.string(article["inLanguage"])
        url = Self.string(article["url"]) ?? Self.string(article["mainEntityOfPage"]?.objectValue?["@id"])
            ?? Self.string(article["mainEntityOfPage"])
    }

    /// Parses JSON-LD as pages write it: inside CDATA or comment markers, with raw line breaks in strings.
    static func parseLenient(_ text: String) -> JSONValue? {
        var body = text.trimmingWhitespace()
        for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>")] {
            if body.hasPrefix(open) { body = String(body.dropFirst(open.count)) }
            if body.hasSuffix(close) { body = String(body.dropLast(close.count)) }
            body = body.trimmingWhitespace()
        }
        if body.hasSuffix(";") { body.removeLast() }
        if let value = try? JSONCodec.parse(body) { return value }
        // Raw tabs and line breaks inside strings are invalid JSON but common; as spaces they are harmless.
        let cleaned = String(String.UnicodeScalarView(body.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        return try? JSONCodec.parse(cleaned)
    }

    static func types(of object: JSONObject) -> [String] {
        switch object["@type"] {
        case .string(let type): return [type.lowercased()]
        case .array(let types): return types.compactMap { $0.stringValue?.lowercased() }
        default: return []
        }
    }

    /// Lower is better: a news article beats a generic web page.
    static func rank(_ type: String) -> Int? {
        guard articleTypes.contains(type) else { return nil }
        if type.hasSuffix("article") || type == "blogposting" || type == "liveblogposting" || type == "report" { return 0 }
        if type == "webpage" || type == "creativework" || type == "itempage" { return 2 }
        return 1
    }

    static func string(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text):
            let clean = text.collapsingWhitespace()
            return clean.isEmpty ? nil : clean
        case .array(let items): return items.lazy.compactMap { string($0) }.first
        default: return nil
        }
    }

    /// Names from a string, a Person/Organization object, or an array of those.
    static func names(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text):
            let clean = text.collapsingWhitespace()
            return clean.isEmpty || clean.hasPrefix("http") ? [] : [clean]
        case .object(let object): return string(object["name"]).map { [$0] } ?? []
        case .array(let items): return items.flatMap { names($0) }
        default: return []
        }
    }
}
