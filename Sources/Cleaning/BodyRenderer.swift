import GleanerCore
/// Writes the chosen body as paragraphs: block elements and `<br><br>` break paragraphs,
/// headings, list items, quotes and table rows each become their own paragraph, and in
/// markdown they keep their markup (`## `, `- `, `> `, `[text](href)`).
struct BodyRenderer {
    let document: HTMLDocument
    let format: BodyFormat
    /// Base for resolving relative links in markdown.
    let baseURL: String?

    /// One paragraph of the body and what it was in the page.
    struct Block {
        enum Role { case paragraph, heading, listItem, quote, code, row }
        var text: String
        var role: Role
        var level = 0
    }

    private var blocks: [Block] = []
    /// The paragraph being built, as UTF-8.
    private var current: [UInt8] = []
    private var pendingSpace = false
    private var role = Block.Role.paragraph
    private var level = 0
    private var quoteDepth = 0
    private var preDepth = 0
    private var listStack: [(ordered: Bool, counter: Int)] = []
    private var linkStarts: [Int: Int] = [:]

    init(document: HTMLDocument, format: BodyFormat, baseURL: String?) {
        self.document = document
        self.format = format
        self.baseURL = baseURL
    }

    /// Renders the subtrees at `roots`, leaving out `removed` subtrees.
    mutating func render(roots: [Int], removed: [Int: BoilerplateKind]) -> [Block] {
        let nodes = document.nodes
        for root in roots {
            var open: [Int] = []
            var index = root
            let end = document.subtreeEnd(root)
            while index < end {
                while let top = open.last, index >= document.subtreeEnd(top) {
                    exit(top)
                    open.removeLast()
                }
                if removed[index] != nil {
                    index = document.subtreeEnd(index)
                    continue
                }
                let node = nodes[index]
                if node.isText {
                    if !document.isInsideData(index) { appendText(index) }
                    index += 1
                    continue
                }
                if node.tag.holdsData || node.tag == .head {
                    index = document.subtreeEnd(index)
                    continue
                }
                enter(index)
                open.append(index)
                index += 1
            }
            while let top = open.popLast() { exit(top) }
            flush()
        }
        return blocks
    }

    private mutating func enter(_ index: Int) {
        let tag = document.nodes[index].tag
        switch tag {
        case .br:
            if preDepth > 0 {
                current.append(10)
            } else if current.last == 10 {
                current.removeLast()
                flush()
            } else if !current.isEmpty {
                current.append(10)
                pendingSpace = false
            }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            flush()
            role = .heading
            level = tag.headingLevel
        case .ul, .ol:
            flush()
            listStack.append((tag == .ol, 0))
        case .li:
            flush()
            role = .listItem
            if !listStack.isEmpty { listStack[listStack.count - 1].counter += 1 }
        case .blockquote:
            flush()
            quoteDepth += 1
        case .pre:
            flush()
            preDepth += 1
            role = .code
        case .tr:
            flush()
            role = .row
        case .td, .th:
            if role == .row, !current.isEmpty {
                current += Array(" | ".utf8)
                pendingSpace = false
            }
        case .a:
            if format == .markdown, preDepth == 0 {
                if pendingSpace, !current.isEmpty { current.append(32) }
                pendingSpace = false
                linkStarts[index] = current.count
            }
        case .img:
            if format == .markdown, let source = document.attribute("src", of: index), !source.hasPrefix("data:") {
                let alt = document.attribute("alt", of: index)?.collapsingWhitespace() ?? ""
                flush()
                current = Array("![\(alt)](\(resolve(source)))".utf8)
                flush()
            }
        default:
            if tag.isBlock { flush() }
        }
    }

    private mutating func exit(_ index: Int) {
        let tag = document.nodes[index].tag
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6, .li, .tr:
            flush()
        case .ul, .ol:
            flush()
            if !listStack.isEmpty { listStack.removeLast() }
        case .blockquote:
            flush()
            quoteDepth = max(0, quoteDepth - 1)
        case .pre:
            flush()
            preDepth = max(0, preDepth - 1)
        case .a:
            if let start = linkStarts.removeValue(forKey: index), start <= current.count {
                let text = current[start...]
                if !text.isEmpty, let href = document.attribute("href", of: index), !href.isEmpty,
                    !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:")
                {
                    let linkText = String(decoding: text, as: UTF8.self)
                    current.replaceSubrange(start..., with: Array("[\(linkText)](\(resolve(href)))".utf8))
                }
            }
        default:
            if tag.isBlock { flush() }
        }
    }

    private mutating func appendText(_ index: Int) {
        document.withText(index) { bytes in
            if preDepth > 0 {
                current.append(contentsOf: bytes)
                return
            }
            let count = bytes.count
            var position = 0
            while position < count {
                let byte = bytes[position]
                var spaceLength = 0
                if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 {
                    spaceLength = 1
                } else if byte >= 0xC2 {
                    spaceLength = WhitespaceCollapser.unicodeSpaceLength(bytes, at: position)
                }
                if spaceLength > 0 {
                    pendingSpace = true
                    position += spaceLength
                    continue
                }
                if pendingSpace, !current.isEmpty, current.last != 10 { current.append(32) }
                pendingSpace = false
                current.append(byte)
                position += 1
            }
        }
    }

    /// Ends the current paragraph.
    private mutating func flush() {
        linkStarts.removeAll()
        let built = String(decoding: current, as: UTF8.self)
        var text = preDepth > 0 || role == .code ? trimmedLines(built) : built.trimmingWhitespace()
        current.removeAll(keepingCapacity: true)
        pendingSpace = false
        defer {
            role = .paragraph
            level = 0
        }
        guard !text.isEmpty else { return }
        var blockRole = role
        if quoteDepth > 0, blockRole == .paragraph { blockRole = .quote }
        if format == .markdown {
            switch blockRole {
            case .heading: text = String(repeating: "#", count: max(1, level)) + " " + text
            case .listItem:
                let list = listStack.last
                let indent = String(repeating: "  ", count: max(0, listStack.count - 1))
                text = indent + (list?.ordered == true ? "\(list!.counter). " : "- ") + text
            case .code: text = "```\n" + text + "\n```"
            default: break
            }
            if quoteDepth > 0 {
                text = text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
            }
        }
        blocks.append(Block(text: text, role: blockRole, level: level))
    }

    private func trimmedLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private func resolve(_ href: String) -> String {
        URLResolver.resolve(href.trimmingWhitespace(), against: baseURL)
    }
}

/// Resolves relative references against a base URL (RFC 3986, the common cases).
enum URLResolver {
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, !reference.isEmpty else { return reference }
        let lower = reference.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("data:") {
            return reference
        }
        guard let schemeEnd = base.firstRange(of: "://") else { return reference }
        let scheme = base[..<schemeEnd.lowerBound]
        let afterScheme = base[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let origin = String(base[..<hostEnd])
        if reference.hasPrefix("//") { return scheme + ":" + reference }
        if reference.hasPrefix("/") { return origin + reference }
        if reference.hasPrefix("#") || reference.hasPrefix("?") {
            let cut = base.firstIndex(of: reference.first!) ?? base.endIndex
            return String(base[..<cut]) + reference
        }
        var path = String(afterScheme[hostEnd...])
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if !segments.isEmpty { segments.removeLast() }
        for part in reference.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." {
                if segments.count > 1 { segments.removeLast() }
            } else if part != "." {
                segments.append(String(part))
            }
        }
        var joined = segments.joined(separator: "/")
        if !joined.hasPrefix("/") { joined = "/" + joined }
        return origin + joined
    }
}
