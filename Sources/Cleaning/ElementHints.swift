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
    /// A photo credit (`credit`, `bildnachweis`, `photographer`).
    var credit = false
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
        "author-bio", "authorbio", "about-author", "author-box", "authorbox", "autorenbox", "author-info",
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
        (.metadata, [
            "author-bio", "authorbio", "about-author", "author-box", "authorbox", "autorenbox", "author-info", "byline",
            "author", "dateline", "writtenby", "p-author", "article-meta", "post-meta", "entry-meta", "tags"]),
    ]

    init() {}

    /// The attributes the hints are read from.
    static let attributeNames: Set<String> = ["class", "id", "role", "hidden", "aria-hidden", "style", "rel", "itemprop"]

    init(tag: Tag, attributes: ArraySlice<(name: String, value: String)>) {
        let vocabulary = Vocabulary.shared
        var all = vocabulary.matcher.set([])
        var any = false
        var role = ""
        var tokens = false
        for attribute in attributes {
            switch attribute.name {
            case "class", "id":
                let found = vocabulary.matcher.matches(in: attribute.value)
                let shortWords = Self.hasWord(["ad", "ads", "hid", "nav"], in: attribute.value)
                if found.intersects(vocabulary.negative) || shortWords { weight -= 25 }
                if found.intersects(vocabulary.positive) { weight += 25 }
                all.formUnion(found)
                tokens = tokens || shortWords
                any = true
            case "role": role = attribute.value.lowercased()
            case "hidden": hidden = true
            case "aria-hidden": hidden = hidden || attribute.value == "true"
            case "style":
                if attribute.value.includes("none") || attribute.value.includes("hidden") {
                    let style = attribute.value.lowercased().replacingOccurrences(" ", "")
                    if style.includes("display:none") || style.includes("visibility:hidden") { hidden = true }
                }
            case "rel", "itemprop":
                if attribute.value.lowercased().includes("author") { byline = true }
            default: break
            }
        }
        if ElementHints.unlikelyRoles.contains(role) {
            unlikely = true
            kind = role == "navigation" || role == "menu" || role == "menubar" ? .navigation
                : role == "complementary" ? .sidebar : role == "contentinfo" ? .footer : role == "banner" ? .header : .other
        }
        guard any else { return }
        if all.intersects(vocabulary.fallbackImage) { hidden = false }
        let adOrNav = tokens && attributes.contains { ($0.name == "class" || $0.name == "id") && Self.hasWord(["ad", "ads", "nav"], in: $0.value) }
        if all.intersects(vocabulary.unlikely) || adOrNav, !all.intersects(vocabulary.maybe) {
            unlikely = true
        }
        if all.intersects(vocabulary.byline) { byline = true }
        share = all.intersects(vocabulary.share)
        credit = all.intersects(vocabulary.credit)
        if kind == nil {
            kind = vocabulary.kinds.first(where: { all.intersects($0.1) })?.0
            if kind == nil, tokens {
                for attribute in attributes where attribute.name == "class" || attribute.name == "id" {
                    if Self.hasWord(["ad", "ads", "advertisement"], in: attribute.value) { kind = .advertisement }
                    else if Self.hasWord(["nav"], in: attribute.value) { kind = .navigation }
                }
            }
        }
    }

    /// Whether one of `words` is a whole token of a class list (split at spaces, `-` and `_`).
    static func hasWord(_ words: [String], in value: String) -> Bool {
        var text = value
        return text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index <= bytes.count {
                let separator = index == bytes.count || bytes[index] == 32 || bytes[index] == UInt8(ascii: "-")
                    || bytes[index] == UInt8(ascii: "_") || bytes[index] == 9 || bytes[index] == 10
                if separator {
                    let length = index - start
                    if length > 0, length <= 13 {
                        for word in words where word.utf8.count == length {
                            var same = true
                            var offset = 0
                            for expected in word.utf8 {
                                let byte = bytes[start + offset]
                                if (byte >= 65 && byte <= 90 ? byte | 0x20 : byte) != expected {
                                    same = false
                                    break
                                }
                                offset += 1
                            }
                            if same { return true }
                        }
                    }
                    start = index + 1
                }
                index += 1
            }
            return false
        }
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

/// The class/id words of ``ElementHints`` compiled into one matcher.
struct Vocabulary: Sendable {
    let matcher: PatternMatcher
    let positive, negative, unlikely, maybe, byline, share, credit, fallbackImage: PatternMatcher.Matches
    let kinds: [(BoilerplateKind, PatternMatcher.Matches)]

    static let shared = Vocabulary()

    init() {
        var list = PatternList()
        func ids(_ words: [String]) -> [Int] { list.add(words) }
        let positive = ids(ElementHints.positive)
        let negative = ids(ElementHints.negative)
        let unlikely = ids(ElementHints.unlikelyWords)
        let maybe = ids(ElementHints.maybeCandidate)
        let byline = ids(["byline", "author", "dateline", "writtenby", "p-author"])
        let share = ids(["share", "sharedaddy"])
        let credit = ids(["credit", "bildnachweis", "photographer", "fotograf"])
        let fallback = ids(["fallback-image"])
        let kindIDs = ElementHints.kindWords.map { ($0.0, ids($0.1)) }
        let matcher = PatternMatcher(list.words)
        self.matcher = matcher
        self.positive = matcher.set(positive)
        self.negative = matcher.set(negative)
        self.unlikely = matcher.set(unlikely)
        self.maybe = matcher.set(maybe)
        self.byline = matcher.set(byline)
        self.share = matcher.set(share)
        self.credit = matcher.set(credit)
        self.fallbackImage = matcher.set(fallback)
        self.kinds = kindIDs.map { ($0.0, matcher.set($0.1)) }
    }
}
