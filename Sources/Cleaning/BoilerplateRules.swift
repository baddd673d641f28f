/// What kind of boilerplate a block is; the raw value goes into `boilerplate[].kind`.
public enum BoilerplateKind: String, Sendable, CaseIterable {
    case comments, related, cookie, recruitment, newsletter, share, copyright, advertisement, navigation
    case sidebar, footer, header, metadata, hidden, caption, other
}

/// Rules that recognise boilerplate in scraped news by its wording, used for plain text and for HTML blocks.
///
/// These are phrases news sites use for their furniture (comment forms, "Read also" lists,
/// cookie notices, "we are hiring" blurbs), not strings from any particular article.
enum BoilerplateRules {
    /// Headings that open a list of links to other articles.
    static let relatedHeadings: Set<String> = [
        "read also", "also read", "read more", "see also", "related", "related articles", "related posts",
        "related stories", "related news", "related content", "related topics", "related coverage",
        "more stories", "more news", "more on this", "more on this story", "more on this topic",
        "you may also like", "you might also like", "you may be interested in", "recommended",
        "recommended for you", "recommended stories", "recommended articles", "most read", "most popular",
        "most viewed", "trending", "trending now", "popular posts", "popular", "latest news", "latest",
        "latest stories", "don't miss", "further reading", "top stories", "editor's picks", "what to read next",
        "read next", "up next", "more in", "other news", "similar articles", "in case you missed it",
        "previous article", "next article", "previous post", "next post",
        // German, French, Spanish, Italian, Dutch, Portuguese.
        "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "verwandte beiträge", "weitere artikel",
        "weitere beiträge", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren",
        "das könnte dich auch interessieren", "lesen sie auch", "lies auch", "meistgelesen", "meistgelesene artikel",
        "beliebte beiträge", "neueste beiträge", "letzte beiträge", "aktuelle beiträge", "neue beiträge",
        "empfohlene artikel", "passend zum thema", "weitere nachrichten", "weitere news", "top-themen",
        "vorheriger beitrag", "nächster beitrag", "vorheriger artikel", "nächster artikel",
        "articles similaires", "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "voir aussi",
        "articles liés", "artículos relacionados", "noticias relacionadas", "te puede interesar", "lee también",
        "más noticias", "articoli correlati", "leggi anche", "gerelateerde artikelen", "lees ook", "meer nieuws",
        "artigos relacionados", "leia também", "veja também", "vea también", "lea también", "le puede interesar",
        "weiterführende links", "weiterführender link", "vorschau auf den nächsten artikel",
        "zum weiterlesen", "schon gelesen", "neueste artikel", "neueste beiträge", "neueste nachrichten",
        "kommentierte artikel", "meist-diskutiert", "meistdiskutiert", "meist gelesen", "meistgelesene beiträge",
        "weitere artikel zum thema", "weitere beiträge zum thema", "das könnte dich auch interessieren",
        "das thema könnte dich auch interessieren", "das könnte sie ebenfalls interessieren",
        "audios et vidéos sur le sujet", "à lire également", "les plus lus", "lo más leído", "más leídas",
        "i più letti", "mais lidas",
    ]

    /// Prefixes of a related-list heading ("More from Reuters", "Read also: ...").
    static let relatedPrefixes = [
        "read also", "also read", "read more", "see also", "related:", "more from ", "more on ", "more in ",
        "recommended:", "most read", "read next", "weitere artikel", "weitere beiträge", "mehr zu ", "mehr zum ",
        "mehr aus ", "mehr von ", "auch auf ", "weitere beiträge aus",
    ]

    /// Headings that open the comment section.
    static let commentHeadings: Set<String> = [
        "comments", "comment", "leave a reply", "leave a comment", "post a comment", "add a comment",
        "join the conversation", "join the discussion", "discussion", "reader comments", "responses",
        "what do you think", "have your say", "write a comment", "one response", "one comment",
        "kommentare", "kommentar", "kommentar schreiben", "kommentar hinzufügen", "neueste kommentare",
        "letzte kommentare", "schreib einen kommentar", "schreibe einen kommentar", "hinterlasse eine antwort",
        "hinterlasse einen kommentar", "leserkommentare", "diskussion", "kommentieren", "ein kommentar",
        "commentaires", "laisser un commentaire", "laisser une réponse", "comentarios", "deja un comentario",
        "dejar un comentario", "commenti", "lascia un commento", "reacties", "laat een reactie achter",
        "kommentare geschlossen", "kommentar verfassen",
    ]

    /// Phrases that mark a comment form or comment furniture.
    static let commentPhrases = [
        "leave a reply", "leave a comment", "your email address will not be published",
        "required fields are marked", "notify me of follow-up comments", "notify me of new comments",
        "notify me of new posts", "save my name, email", "comments are closed", "log in to comment",
        "login to comment", "you must be logged in to post a comment", "cancel reply", "post a comment",
        "comment moderation", "comments are moderated",
        "e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind", "antworten abbrechen",
        "akismet", "adresse e-mail ne sera pas publiée", "dirección de correo electrónico no será publicada",
        "indirizzo email non sarà pubblicato", "e-mailadres wordt niet gepubliceerd",
        "kommentare sind geschlossen", "um kommentare zu schreiben", "an einer diskussion beteiligen",
        "sie müssen sich einloggen", "sie müssen angemeldet sein", "du musst eingeloggt sein",
        "must be logged in to", "nicht eingeloggt", "verraten sie gerne in den kommentaren",
    ]

    /// Occupations a recruitment blurb looks for.
    static let recruitmentRoles = [
        "specialist", "journalist", "writer", "reporter", "author", "contributor", "correspondent", "freelance",
        "editor", "developer", "intern", "candidate", "talent", "analyst", "stringer",
    ]

    static let recruitmentPhrases = [
        "send cv", "send your cv", "send a cv", "send us your cv", "send your resume", "send us your resume",
        "cv and cover letter", "cv, cover letter", "we are hiring", "we're hiring", "join our team",
        "job openings", "open positions", "vacancies", "apply now", "career opportunities",
    ]

    /// A blog post's filing line ("This entry was posted in News. Bookmark the permalink.").
    static let postMetaPhrases = [
        "this entry was posted", "bookmark the permalink", "view all posts by", "dieser eintrag wurde veröffentlicht",
        "verschlagwortet mit", "zeige alle beiträge von", "alle beiträge von", "permanentlink", "permalink", "permalien",
        "cet article a été publié", "esta entrada fue publicada", "questa voce è stata pubblicata",
    ]

    /// Affiliate and sponsorship disclosures.
    static let disclosurePhrases = [
        "we may receive compensation", "we may earn a commission", "we earn a commission", "contains affiliate links",
        "affiliate links", "affiliate-links", "erhalten wir eine provision", "provision vom händler",
        "dieser beitrag enthält werbung", "enthält affiliate", "lien affilié", "liens affiliés", "enlaces de afiliados",
    ]

    /// Consent prompts that stand in for an embedded post or video.
    static let embedConsentPhrases = [
        "externer inhalt", "externe inhalte", "ohne dein einverständnis", "ohne ihr einverständnis",
        "ohne ihre zustimmung", "wir respektieren deine privatsphäre", "wir respektieren ihre privatsphäre",
        "to view this content", "external content", "load external content", "contenu externe",
    ]

    static let newsletterPhrases = [
        "subscribe to our newsletter", "sign up for our newsletter", "sign up to our newsletter",
        "subscribe to the newsletter", "newsletter sign", "newsletter signup", "get our newsletter",
        "in your inbox", "to your inbox", "delivered to your inbox", "enter your email", "your email address to subscribe",
        "subscribe now", "subscribe to our", "sign up for our", "sign up to receive", "subscribe for",
        "get the latest news", "subscribe to get", "signing up to our newsletter", "newsletter hier abonnieren",
        "please subscribe", "already a subscriber", "consider supporting our work", "support our journalism",
        "apps for ios and android", "download our app", "letter to the editor", "bereits abonnent",
        "newsletter abonnieren", "zum newsletter", "newsletter bestellen", "newsletter anmelden",
        "abonnieren sie unseren", "inscrivez-vous à notre newsletter", "suscríbete",
    ]

    static let sharePrefixes = [
        "share this", "share on ", "share:", "share article", "share the article", "share via", "click to share",
        "tweet this", "share this article", "share this story", "share with", "spread the word",
        "teilen:", "artikel teilen", "beitrag teilen", "diesen artikel teilen", "partager", "compartir",
    ]

    static let socialWords: Set<String> = [
        "share", "shares", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e-mail",
        "print", "pinterest", "reddit", "telegram", "copy", "link", "messenger", "vk", "tumblr", "flipboard",
        "pocket", "mail", "sms", "on", "via", "the", "article", "this", "comments", "comment", "save",
        "teilen", "drucken", "twittern", "xing", "merken", "partager", "imprimer", "compartir", "imprimir",
        "condividi", "stampa", "delen", "instagram", "youtube", "feed", "rss",
    ]

    /// Words of which a share line needs at least one.
    static let shareWords: Set<String> = [
        "share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "telegram", "teilen",
        "twittern", "partager", "compartir", "condividi", "delen",
    ]

    static let advertisementLines: Set<String> = [
        "advertisement", "advertisements", "advertising", "sponsored", "sponsored content", "ad", "ads",
        "scroll to continue with content", "story continues below advertisement", "continue reading below",
        "continue reading the main story", "continue reading the main story advertisement",
        "article continues below advertisement", "paid content", "promoted", "partner content",
        "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    ]

    /// Short lines that are page navigation: skip links, log-in prompts, breadcrumb words.
    static let navigationLines: Set<String> = [
        "skip to content", "skip to main content", "skip to navigation", "jump to navigation", "zum inhalt springen",
        "springe zum inhalt", "direkt zum inhalt", "zum inhalt", "zur navigation", "zur hauptnavigation",
        "aller au contenu", "ir al contenido", "menu", "menü", "navigation", "home", "startseite", "suche",
        "search", "log in", "login", "sign in", "anmelden", "einloggen", "registrieren", "passwort vergessen",
        "zurück", "nach oben", "back to top", "top", "mehr", "weiterlesen", "read more", "more",
    ]

    /// The heading kind when `text` is a short heading that opens a related list or the comments.
    static func sectionHeading(_ text: String) -> BoilerplateKind? {
        guard text.utf8.count <= 60 else { return nil }
        var key = text.matchKey
        while let last = key.last, ":.!?-–—»>|".contains(last) || last == " " { key.removeLast() }
        if relatedHeadings.contains(key) { return .related }
        if commentHeadings.contains(key) { return .comments }
        if key.hasSuffix(" comments") || key.hasSuffix(" responses") || key.hasSuffix(" replies"),
            key.wordCount <= 4
        {
            return .comments
        }
        if relatedPrefixes.contains(where: { key.hasPrefix($0) }), key.wordCount <= 6 { return .related }
        return nil
    }

    /// The kind of a paragraph that is boilerplate by its own wording, or `nil`.
    static func paragraphKind(_ text: String) -> BoilerplateKind? {
        let length = text.utf8.count
        guard length <= 800 else { return nil }
        let phrases = Phrases.shared
        let found = phrases.matcher.matches(in: text)
        if length > 300, found.isEmpty { return nil }
        // Short texts need the lower-cased form for the prefix rules below; long ones only its start.
        let key = length <= 300 && !found.isEmpty ? text.matchKey : Self.lowercasedStart(text)
        if length <= 60 {
            let line = key.trimmingCharacters(":.»›>|-–… ")
            if advertisementLines.contains(line) { return .advertisement }
            if navigationLines.contains(line) { return .navigation }
        }
        if length <= 400, found.intersects(phrases.comment) { return .comments }
        if length <= 300, found.intersects(phrases.postMeta) { return .metadata }
        if length <= 400, found.intersects(phrases.disclosure) { return .advertisement }
        if length <= 400, found.intersects(phrases.embedConsent) { return .cookie }
        if found.intersects(phrases.cookie), found.intersects(phrases.cookieContext) { return .cookie }
        if found.intersects(phrases.recruitment) { return .recruitment }
        if found.intersects(phrases.seeking), found.intersects(phrases.roles) { return .recruitment }
        if length <= 400, found.intersects(phrases.newsletter) { return .newsletter }
        if length <= 200, sharePrefixes.contains(where: { key.hasPrefix($0) }) { return .share }
        if length <= 200, found.intersects(phrases.social), isSocialLine(key) { return .share }
        if length <= 300, key.hasPrefix("©") || key.hasPrefix("copyright") || key.hasPrefix("(c) ") || found.intersects(phrases.copyright) {
            return .copyright
        }
        if length <= 250, let inline = inlineRelated(key, text: text) { return inline }
        return nil
    }

    /// The first 80 bytes, ASCII-lower-cased, whitespace collapsed: enough for the prefix rules.
    static func lowercasedStart(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        var space = false
        for byte in text.utf8 {
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 {
                space = !bytes.isEmpty
                continue
            }
            if space { bytes.append(32) }
            space = false
            bytes.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
            if bytes.count >= 80 {
                // Do not cut a UTF-8 sequence in half.
                while let last = bytes.last, last >= 0x80 { bytes.removeLast() }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "Read also: Some headline" written inline as one paragraph.
    /// - Parameters:
    ///   - key: The paragraph lower-cased (at least its start).
    ///   - text: The whole paragraph.
    static func inlineRelated(_ key: String, text: String) -> BoilerplateKind? {
        guard text.utf8.count <= 250 else { return nil }
        for prefix in inlineRelatedPrefixes where key.hasPrefix(prefix) {
            let rest = Substring(key).dropFirst(prefix.count).drop(while: { $0 == " " })
            guard let mark = rest.first, ":»›|".contains(mark) else { continue }
            if String(rest.dropFirst()).includes(". ") { continue }
            return prefix == "opinion" ? nil : .related
        }
        return nil
    }

    /// What opens "Read also: Some headline" (before a colon, `»`, `›` or `|`).
    static let inlineRelatedPrefixes = [
        "read also", "also read", "read more", "see also", "related", "read", "watch", "listen", "recommended", "more",
        "opinion", "lesen sie auch", "lies auch", "mehr zum thema", "auch interessant", "auch lesen", "lesen sie hier",
        "lesen sie mehr", "mehr lesen", "lire aussi", "à lire aussi", "a lire aussi", "à lire également", "vea también",
        "lea también", "lea más", "lee más", "lee también", "mira", "mire", "puedes ver", "ver también",
        "le puede interesar", "te puede interesar", "leggi anche", "lees ook", "leia também", "leia mais",
        "veja também", "saiba mais",
    ]

    /// A line made only of share-button words ("Share Facebook Twitter Email").
    static func isSocialLine(_ key: String) -> Bool {
        let words = key.split(whereSeparator: { !$0.isLetter && $0 != "-" })
        guard words.count >= 2 else { return false }
        let social = words.filter { socialWords.contains(String($0)) }.count
        return social == words.count && words.contains(where: { $0 != "the" && $0 != "on" && $0 != "via" && $0 != "this" })
            && words.contains(where: { shareWords.contains(String($0)) })
    }

    /// Words that open a photo credit ("Foto: dpa", "Photograph: Guy Smallman/Getty Images").
    static let creditMarkers = [
        "photograph:", "photo:", "photos:", "picture:", "image:", "images:", "credit:", "credits:", "photo credit",
        "foto:", "fotos:", "bild:", "bilder:", "titelbild:", "beitragsbild:", "bildquelle:", "fotoquelle:",
        "quelle:", "crédit photo", "crédits photos", "crédit:", "crédito:", "créditos:", "imagen:", "kuva:", "©",
    ]

    /// Picture agencies and stock libraries a credit names (whole words of it).
    static let pictureAgencies: Set<String> = [
        "getty", "shutterstock", "istock", "istockphoto", "fotolia", "unsplash", "adobestock", "imago", "keystone",
        "reuters", "afp", "epa", "dpa", "wenn", "thinkstock", "clipdealer", "pixabay", "alamy", "abaca", "efe",
        "bestimage", "picture-alliance",
    ]

    /// Whether `text` names a picture agency as a word ("Getty Images", "iStock.com", "REUTERS").
    static func namesPictureAgency(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).contains { pictureAgencies.contains(String($0)) }
    }

    /// Whether a short paragraph is a picture's caption carrying its credit: a credit line on its
    /// own ("Foto: Sascha Klahn"), a caption ending in one ("... Photograph: Guy Smallman/Getty
    /// Images", "... (REUTERS/Denis Balibouse)", "... © AFP / MARCO BERTORELLO"), or a line of
    /// names and an agency joined by slashes ("NAME/AFP/Getty Images").
    static func isPhotoCredit(_ text: String) -> Bool {
        let length = text.utf8.count
        guard length > 0, length <= 300 else { return false }
        let original = Array(text)
        let lower = Array(text.lowercased())
        guard original.count == lower.count else { return false }
        if length <= 120, creditMarkers.contains(where: { lower.starts(with: $0) }) { return true }
        func tailIsCredit(_ tail: ArraySlice<Character>) -> Bool {
            let words = tail.split(separator: " ").count
            return !tail.isEmpty && tail.count <= 60 && words <= 8 && !String(tail).includes(". ")
                && !String(tail).endsWithSentencePunctuation
        }
        // The last credit marker, after a sentence, a bracket or a dash, with only a few names after it.
        for marker in creditMarkers {
            let pattern = Array(marker)
            guard lower.count > pattern.count else { continue }
            var start = lower.count - pattern.count
            while start > 0 {
                if lower[start..<start + pattern.count].elementsEqual(pattern) { break }
                start -= 1
            }
            guard start > 0 else { continue }
            var before = start - 1
            while before > 0, original[before] == " " { before -= 1 }
            let opensCredit = ".(|–—-/:".contains(original[before]) || marker == "©"
            let capitalised = marker == "©" || original[start].isUppercase
            if opensCredit, capitalised, tailIsCredit(lower[(start + pattern.count)...]) { return true }
        }
        // A closing parenthesis that names an agency or joins names with a slash.
        if original.last == ")", let open = original.lastIndex(of: "("), open + 1 < original.count - 1 {
            let inner = original[(open + 1)..<(original.count - 1)]
            let names = inner.split(separator: "/").map { $0.drop(while: { $0 == " " }) }
            let slashNames = names.count >= 2 && names.allSatisfy { $0.first?.isUppercase == true || $0.first?.isLowercase == true && $0.count > 2 }
                && inner.contains(where: \.isUppercase) && !inner.contains(where: \.isNumber)
            if inner.count <= 60, !String(inner).includes(". "), slashNames || namesPictureAgency(String(inner)) { return true }
        }
        // "Judy Eddy/WENN.com": names and an agency joined by slashes.
        if length <= 60, original.contains("/"), !text.endsWithSentencePunctuation { return namesPictureAgency(text) }
        return false
    }

    /// Whether a paragraph reads like a headline in a list of links: short, one sentence, no closing period.
    static func isHeadlineLike(_ text: String) -> Bool {
        let length = text.utf8.count
        guard length > 0, length <= 220, text.wordCount <= 35 else { return false }
        if text.includes(". ") { return false }
        return !text.hasSuffix(".") || length < 120
    }
}

extension String {
    func trimmingCharacters(_ set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// The phrase lists of ``BoilerplateRules`` compiled into one matcher.
struct Phrases: Sendable {
    let matcher: PatternMatcher
    let comment, cookie, cookieContext, recruitment, seeking, roles, newsletter, social, copyright, postMeta, disclosure, embedConsent: PatternMatcher.Matches

    static let shared = Phrases()

    init() {
        var list = PatternList()
        func ids(_ words: [String]) -> [Int] { list.add(words) }
        let comment = ids(BoilerplateRules.commentPhrases)
        let cookie = ids(["cookie"])
        let cookieContext = ids([
            "we use", "uses cookies", "use cookies", "use of cookies", "accept", "consent", "cookie policy",
            "cookie settings", "by continuing", "by clicking", "by using", "verwendet", "verwenden", "akzeptieren",
            "zustimm", "einverstanden", "utilise", "utilizamos", "utiliza",
        ])
        let recruitment = ids(BoilerplateRules.recruitmentPhrases)
        let seeking = ids([" seeks ", "looking for", "is hiring"])
        let roles = ids(BoilerplateRules.recruitmentRoles)
        let newsletter = ids(BoilerplateRules.newsletterPhrases)
        let social = ids(["share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "telegram",
            "teilen", "twittern", "partager", "compartir", "condividi", "delen"])
        let copyright = ids(["all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
            "todos los derechos reservados", "tutti i diritti riservati"])
        let postMeta = ids(BoilerplateRules.postMetaPhrases)
        let disclosure = ids(BoilerplateRules.disclosurePhrases)
        let embedConsent = ids(BoilerplateRules.embedConsentPhrases)
        let matcher = PatternMatcher(list.words)
        self.matcher = matcher
        self.postMeta = matcher.set(postMeta)
        self.disclosure = matcher.set(disclosure)
        self.embedConsent = matcher.set(embedConsent)
        self.comment = matcher.set(comment)
        self.cookie = matcher.set(cookie)
        self.cookieContext = matcher.set(cookieContext)
        self.recruitment = matcher.set(recruitment)
        self.seeking = matcher.set(seeking)
        self.roles = matcher.set(roles)
        self.newsletter = matcher.set(newsletter)
        self.social = matcher.set(social)
        self.copyright = matcher.set(copyright)
    }
}
