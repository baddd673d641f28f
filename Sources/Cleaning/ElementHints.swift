/// What an element's `class`, `id`, `role` and other attributes say about it.
///
/// The word lists follow the conventions news sites share (and that Readability,
/// trafilatura and boilerpipe rely on): `article`, `content` and `story` mark the body;
/// `comment`, `share`, `related`, `promo` and `sidebar` mark furniture.
struct ElementHints: Sendable {
    /// +25 for a body-like class/id, -25 for a furniture-like one (each of class and id).
    var weight: Int = 0
    /// Furniture likely enough to drop before scoring (Readability's "unlikely candidates").
    var unlikely = false
    /// Looks like a byline or author element.
    var byline = false
    /// Hidden from readers (`hidden`, `aria-hidden`, `display:none`).
    var hidden = false
    /// Share widgets.
    var share = false
    /// What kind of boilerplate the element is, when its attributes say.
    var kind: BoilerplateKind?

    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget", "newsletter", "subscribe", "cookie", "consent", "taboola", "recommend",
    ]
    static let unlikelyWords = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent", "newsletter", "taboola", "outbrain", "promo",
    ]
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
    static let unlikelyRoles: Set<String> = [
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo",
    ]

    /// Kind rules in priority order: the first whose word occurs in class/id wins.
    static let kindWords: [(BoilerplateKind, [String])] = [
        (.cookie, ["cookie", "consent", "gdpr", "cmp-"]),
        (.comments, ["comment", "disqus", "replies", "respond", "discussion"]),
        (.newsletter, ["newsletter", "subscribe", "signup", "sign-up", "subscription"]),
        (.recruitment, ["hiring", "careers", "recruit", "vacanc"]),
        (.share, ["share", "sharing", "social", "sharedaddy", "addthis"]),
        (.related, [
            "related", "recommend", "more-stories", "read-more", "readmore", "also-read", "outbrain", "taboola",
            "most-popular", "mostpopular", "most-read", "trending", "popular", "further-reading",
        ]),
        (.advertisement, ["advert", "sponsor", "promo", "-ad-", "ad-slot", "adslot", "dfp", "banner", "commercial"]),
        (.navigation, ["breadcrumb", "pagination", "pager", "menu", "navbar", "nav-", "-nav", "skip-link", "toolbar"]),
        (.sidebar, ["sidebar", "side-bar", "rail", "widget", "aside"]),
        (.footer, ["footer", "copyright", "colophon"]),
        (.header, ["masthead", "site-header", "topbar", "top-bar"]),
        (.metadata, ["byline", "author", "dateline", "writtenby", "p-author", "article-meta", "post-meta", "entry-meta", "tags"]),
    ]

    init() {}

    init(tag: Tag, attributes: ArraySlice<(name: String, value: String)>) {
        var classAndID = ""
        var classWeight = 0
        var role = ""
        for attribute in attributes {
            switch attribute.name {
            case "class", "id":
                let value = attribute.value.lowercased()
                classAndID += value + " "
                if Self.negative.contains(where: { value.contains($0) }) || Self.hasWord(["ad", "ads", "hid", "nav"], in: value) {
                    classWeight -= 25
                }
                if Self.positive.contains(where: { value.contains($0) }) { classWeight += 25 }
            case "role": role = attribute.value.lowercased()
            case "hidden": hidden = true
            case "aria-hidden": hidden = hidden || attribute.value == "true"
            case "style":
                let style = attribute.value.lowercased().replacingOccurrences(" ", "")
                if style.contains("display:none") || style.contains("visibility:hidden") { hidden = true }
            case "rel", "itemprop":
                if attribute.value.lowercased().contains("author") { byline = true }
            default: break
            }
        }
        weight = classWeight
        if ElementHints.unlikelyRoles.contains(role) {
            unlikely = true
            kind = role == "navigation" || role == "menu" || role == "menubar" ? .navigation
                : role == "complementary" ? .sidebar : role == "contentinfo" ? .footer : role == "banner" ? .header : .other
        }
        guard !classAndID.isEmpty else { return }
        if classAndID.contains("fallback-image") { hidden = false }
        if Self.unlikelyWords.contains(where: { classAndID.contains($0) }) || Self.hasWord(["ad", "ads", "nav"], in: classAndID),
            !Self.maybeCandidate.contains(where: { classAndID.contains($0) })
        {
            unlikely = true
        }
        if ["byline", "author", "dateline", "writtenby", "p-author"].contains(where: { classAndID.contains($0) }) {
            byline = true
        }
        share = ["share", "sharedaddy"].contains(where: { classAndID.contains($0) })
        if kind == nil {
            kind = Self.kindWords.first(where: { $0.1.contains(where: { classAndID.contains($0) }) })?.0
            if kind == nil, Self.hasWord(["ad", "ads", "advertisement"], in: classAndID) { kind = .advertisement }
            if kind == nil, Self.hasWord(["nav"], in: classAndID) { kind = .navigation }
        }
    }

    /// Whether one of `words` is a whole token of a class list (split at spaces, `-` and `_`).
    static func hasWord(_ words: [String], in value: String) -> Bool {
        for token in value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }) where words.contains(String(token)) {
            return true
        }
        return false
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
