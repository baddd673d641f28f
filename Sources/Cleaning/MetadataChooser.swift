import GleanerCore
/// Picks each metadata field from what a page declares, most reliable source first.
struct MetadataChooser {
    let found: MetadataReader.Found
    let source: String?

    private func meta(_ keys: [String]) -> String? {
        for key in keys {
            if let value = found.meta[key], !value.isEmpty { return value }
        }
        return nil
    }

    // MARK: Title

    /// JSON-LD headline, Dublin Core, Open Graph, Twitter, Parse.ly, then `<title>` without the site name.
    func title() -> String? {
        let jsonLD = found.jsonLD
        var declared = jsonLD.headline ?? jsonLD.name
        // Both given and different: the headline only when it, and not the name, matches the <title> (Readability's rule).
        if let headline = jsonLD.headline, let name = jsonLD.name, headline != name {
            let documentTitle = titleFromDocument() ?? ""
            let headlineMatches = Self.similarity(headline, documentTitle) > 0.75
            let nameMatches = Self.similarity(name, documentTitle) > 0.75
            declared = headlineMatches && !nameMatches ? headline : name
        }
        if let title = declared ?? meta([
            "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
            "twitter:title", "parsely-title",
        ]) {
            return title
        }
        return titleFromDocument()
    }

    /// How much of `other` (by characters of its words) also occurs in `text`.
    static func similarity(_ text: String, _ other: String) -> Double {
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        let otherWords = other.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !words.isEmpty, !otherWords.isEmpty else { return 0 }
        let total = otherWords.map(\.count).reduce(0, +) + otherWords.count - 1
        let unique = otherWords.filter { !words.contains($0) }
        let uniqueLength = unique.isEmpty ? 0 : unique.map(\.count).reduce(0, +) + unique.count - 1
        return 1 - Double(uniqueLength) / Double(total)
    }

    static let separators: Set<Character> = ["|", "-", "\\", "/", ">", "»", "–", "—", "·", ":"]

    /// `<title>` with the site name cut off at a separator, unless that leaves too few words (Readability's rule).
    func titleFromDocument() -> String? {
        guard let original = found.documentTitle?.collapsingWhitespace(), !original.isEmpty else {
            return found.headings.first(where: { $0.level == 1 })?.text
        }
        var title = original
        var hierarchical = false
        let words = original.split(separator: " ")
        if let cut = words.lastIndex(where: { $0.count == 1 && "|-\\/>»–—".contains($0) }) {
            hierarchical = words.contains(where: { $0.count == 1 && "\\/>»".contains($0) })
            title = words[..<cut].joined(separator: " ")
            if title.wordCount < 3, let first = words.firstIndex(where: { $0.count == 1 && "|-\\/>»–—".contains($0) }) {
                title = words[(first + 1)...].joined(separator: " ")
            }
        } else if original.includes(": ") {
            if !found.headings.contains(where: { $0.text == original }) {
                let ranges = original.ranges(of: ": ")
                guard let first = ranges.first, let last = ranges.last else { return original }
                title = String(original[last.upperBound...])
                if title.wordCount < 3 {
                    title = String(original[first.upperBound...])
                } else if original[..<first.lowerBound].split(separator: " ").count > 5 {
                    title = original
                }
            }
        } else if original.count > 150 || original.count < 15 {
            let ones = found.headings.filter { $0.level == 1 }
            if ones.count == 1 { title = ones[0].text }
        }
        title = title.collapsingWhitespace()
        let count = title.wordCount
        let originalWithoutSeparators = original.split(separator: " ").filter { !($0.count == 1 && "|-\\/>»–—".contains($0)) }.count
        if count <= 4, !hierarchical || count != originalWithoutSeparators - 1 {
            title = original
        }
        return title.isEmpty ? nil : title
    }

    // MARK: Byline

    /// JSON-LD author, Dublin Core creator, meta author, Parse.ly, then the byline element in the content.
    func byline(fromContent content: String?) -> String? {
        var candidates: [String] = []
        if !found.jsonLD.authors.isEmpty { candidates.append(found.jsonLD.authors.uniqued().joined(separator: ", ")) }
        for key in [
            "dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "og:article:author", "sailthru.author",
            "byl", "byline",
        ] {
            if let value = found.meta[key] { candidates.append(value) }
        }
        if let content { candidates.append(content) }
        candidates += found.authorLinks
        for candidate in candidates {
            if let clean = Self.cleanByline(candidate) { return clean }
        }
        return nil
    }

    /// Words that name a job, not a person, in "Name, Senior Writer" bylines.
    static let roles = [
        "editor", "reporter", "correspondent", "writer", "columnist", "contributor", "staff", "technologist", "producer",
        "analyst", "director", "journalist", "photographer", "senior", "chief", "team", "desk", "bureau", "head of",
    ]

    /// Drops a "By" prefix, trailing dates, times and job titles; rejects URLs, dates and reading times.
    static func cleanByline(_ text: String) -> String? {
        var value = text.collapsingWhitespace()
        var lower = value.lowercased()
        // "Tech Industry by Jane Doe" → "Jane Doe"
        if !lower.hasPrefix("by "),
            let range = [" by ", " By ", " BY "].lazy.compactMap({ value.ranges(of: $0).first }).first
        {
            value = String(value[range.upperBound...])
            lower = value.lowercased()
        }
        for prefix in ["by ", "by: ", "par ", "von ", "por ", "door ", "written by ", "words by ", "author: ", "authors: "]
        where lower.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count)).trimmingWhitespace()
            break
        }
        // A date, time or "2 hours ago" after the name: cut at the first word that starts with a digit.
        var words = value.split(separator: " ").map(String.init)
        var cut = false
        if let digit = words.firstIndex(where: { $0.first?.isNumber == true }) {
            words = Array(words[..<digit])
            cut = true
        }
        // "Name, Senior Staff Technologist, ..." → "Name"
        if let comma = words.firstIndex(where: { $0.hasSuffix(",") }),
            words[(comma + 1)...].contains(where: { word in roles.contains { word.lowercased().hasPrefix($0) } })
        {
            words = Array(words[...comma])
        }
        // "Jane Doe Games Editor" → "Jane Doe": a trailing job word and the beat before it, keeping two words.
        let jobWords = ["editor", "reporter", "correspondent", "writer", "columnist", "contributor", "producer", "journalist", "photographer"]
        if words.count >= 3, jobWords.contains(words[words.count - 1].lowercased().trimmingCharacters(".,")) {
            words.removeLast(words.count >= 4 ? 2 : 1)
        }
        // Trailing separators, month and weekday names, and lower-case words ("ago", "před").
        while let last = words.last {
            let key = last.lowercased().trimmingCharacters(".,")
            if last.count <= 2 && !last.contains(where: \.isLetter) || key.isEmpty || DateParser.monthNumber(key) != nil
                || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "updated", "published", "on", "at", "|"].contains(key)
                || cut && last.first?.isLowercase == true
            {
                words.removeLast()
            } else {
                break
            }
        }
        value = words.joined(separator: " ").trimmingCharacters(",;:|-–— ")
        let key = value.lowercased()
        guard !value.isEmpty, value.count <= 120, value.contains(where: \.isLetter) else { return nil }
        guard value.contains(where: \.isUppercase) || !value.contains(where: \.isLowercase) else { return nil }
        if key.hasPrefix("http") || key.hasPrefix("www.") || key.hasPrefix("@") || key.hasPrefix("mailto:") { return nil }
        if key.includes("min read") || key.includes("published") || key.includes("updated") || key.hasPrefix("posted") {
            return nil
        }
        return value
    }

    // MARK: Date

    /// JSON-LD datePublished, article:published_time and kin, `<time datetime>`, a date in the URL,
    /// then a date printed near the title.
    func published(visible: [String]) -> String? {
        let declared = [found.jsonLD.datePublished].compactMap { $0 } + [
            "article:published_time", "og:article:published_time", "og:published_time", "published_time",
            "datepublished", "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
            "dcterms.date", "dc:date", "sailthru.date", "pubdate", "publishdate", "publish-date", "date",
            "article.published", "originalpublicationdate", "citation_publication_date", "citation_date", "date.available",
        ].compactMap { found.meta[$0] } + found.times
        for value in declared {
            if let stamp = DateParser.parse(value) { return stamp.iso }
        }
        for url in [source, found.canonical, found.meta["og:url"]].compactMap({ $0 }) {
            if let stamp = DateParser.fromURL(url) { return stamp.iso }
        }
        for line in visible {
            if let stamp = DateParser.findInProse(line) { return stamp.iso }
        }
        return nil
    }

    // MARK: Other fields

    func siteName() -> String? {
        meta(["og:site_name"]) ?? found.jsonLD.publisher ?? meta(["application-name", "al:android:app_name", "al:ios:app_name"])
    }

    func lang() -> String? {
        if let lang = found.lang { return lang }
        if let lang = found.jsonLD.language { return lang }
        if let lang = meta(["content-language", "language", "dc.language", "dc:language"]) { return lang }
        if let locale = meta(["og:locale"]) { return locale.replacingOccurrences("_", "-") }
        return nil
    }

    func section() -> String? {
        meta(["article:section", "og:article:section"]) ?? found.jsonLD.section ?? meta(["parsely-section", "section", "sailthru.section"])
    }

    func tags() -> [String] {
        var tags = found.metaTags
        if tags.isEmpty { tags = found.jsonLD.keywords }
        if tags.isEmpty, let keywords = meta(["keywords"]) {
            tags = keywords.split(separator: ",").map { String($0).trimmingWhitespace() }
        }
        let kept = tags.filter { !$0.isEmpty && $0.count <= 80 && !MetadataReader.placeholders.contains($0.lowercased()) }
        return Array(kept.uniqued().prefix(30))
    }

    func canonicalURL(base: String?) -> String? {
        guard let url = found.canonical ?? meta(["og:url"]) ?? found.jsonLD.url else { return nil }
        return URLResolver.resolve(url, against: base ?? source)
    }
}
