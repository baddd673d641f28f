/// Chooses the article body of an HTML document by scoring blocks.
///
/// Paragraph-like blocks score by length and commas; their score flows to their
/// ancestors (in full to the parent, halved to the grandparent, less further up).
/// Each candidate's score is weighted by its tag (`article`, `div`, `pre` up; lists,
/// headings and forms down), its class/id hints, and its link density. The best candidate
/// and the siblings that score close to it form the body; inside it, blocks that are
/// mostly links, forms, share widgets or short captions are removed again. This is the
/// approach of Arc90's Readability, which the best open extractors still build on.
struct ContentExtractor {
    let document: HTMLDocument
    /// Per node: what its attributes say.
    let hints: [ElementHints]

    /// The chosen body.
    struct Selection {
        /// Subtree roots that make the body, in document order.
        var roots: [Int] = []
        /// Nodes left out of the body (with their subtree); the value is their kind.
        var removed: [Int: BoilerplateKind] = [:]
        /// Text of a byline element found in the content.
        var byline: String?
    }

    /// Counts of the visible text in each subtree.
    struct Stats {
        var length: [Int32]
        var linkLength: [Int32]
        var commas: [Int32]
        /// Whether the subtree holds a block element below its root.
        var hasBlock: [Bool]
    }

    /// The relaxations tried in turn when the body comes out too short.
    struct Flags {
        var stripUnlikely = true
        var weightClasses = true
        var cleanConditionally = true
        /// Read `<noscript>` content (the page a browser without scripts shows) as part of the page.
        var readNoscript = false
    }

    init(document: HTMLDocument) {
        self.document = document
        var hints = [ElementHints](repeating: ElementHints(), count: document.nodes.count)
        for index in document.nodes.indices where !document.nodes[index].isText && document.nodes[index].attributeCount > 0 {
            let node = document.nodes[index]
            let start = Int(node.attributeStart)
            let attributes = document.attributes[start..<start + Int(node.attributeCount)]
            guard attributes.contains(where: { ElementHints.attributeNames.contains($0.name) }) else { continue }
            hints[index] = ElementHints(tag: node.tag, attributes: attributes)
        }
        self.hints = hints
    }

    /// Finds the body, relaxing the rules when the first try yields less than `minimumLength` characters.
    func extract(minimumLength: Int = 500) -> Selection {
        var best: (selection: Selection, length: Int)?
        let whole = statistics(gone: [Bool](repeating: false, count: document.nodes.count))
        for flags in [
            Flags(), Flags(stripUnlikely: false), Flags(stripUnlikely: false, weightClasses: false),
            Flags(stripUnlikely: false, weightClasses: false, cleanConditionally: false),
            // Last, for pages whose article is only in `<noscript>` (or that an unclosed tag inside it swallowed).
            Flags(readNoscript: true), Flags(stripUnlikely: false, readNoscript: true),
        ] {
            let (selection, length) = extract(flags: flags, whole: whole)
            // The page without scripts counts only when it shows far more than the page with them.
            if flags.readNoscript, let best, length < best.length * 2 { continue }
            if length >= minimumLength { return selection }
            if best == nil || length > best!.length { best = (selection, length) }
        }
        return best!.selection
    }

    // MARK: - One pass

    /// - Parameter whole: Text statistics of the page before anything is set aside.
    func extract(flags: Flags, whole: Stats) -> (Selection, Int) {
        let nodes = document.nodes
        let count = nodes.count
        var selection = Selection()

        // 1. Drop hidden nodes, furniture elements and (when strict) unlikely candidates.
        var excluded = [BoilerplateKind?](repeating: nil, count: count)
        var gone = [Bool](repeating: false, count: count)
        let body = document.body
        var index = body
        let end = document.subtreeEnd(body)
        while index < end {
            let node = nodes[index]
            let parent = Int(node.parent)
            if parent >= 0, gone[parent] {
                gone[index] = true
                index += 1
                continue
            }
            if node.isText || index == body {
                index += 1
                continue
            }
            let hint = hints[index]
            var kind: BoilerplateKind?
            if node.tag.holdsData || node.tag == .head || node.tag == .meta || node.tag == .link {
                kind = .other
            } else if hint.hidden {
                kind = .hidden
            } else if node.tag == .nav {
                kind = .navigation
            } else if node.tag == .aside {
                kind = hint.kind ?? .sidebar
            } else if node.tag == .footer || node.tag == .dialog {
                kind = hint.kind ?? (node.tag == .footer ? .footer : .other)
            } else if node.tag == .noscript, !flags.readNoscript || whole.length[index] < 200 {
                // A "please enable JavaScript" notice or a tracking pixel; a longer one is the page without scripts.
                kind = .hidden
            } else if flags.stripUnlikely, node.tag == .form || node.tag == .header, isSmallOrLinks(index, whole),
                node.tag == .form || !hasAncestor(index, tags: [.article, .main]) || hint.unlikely
            {
                // Some sites wrap the whole page in a <form> (ASP.NET) or put the story in a <header>.
                kind = hint.kind ?? (node.tag == .header ? .header : .other)
            } else if selection.byline == nil, hint.byline, node.tag != .body, node.tag != .article {
                let text = document.text(of: index)
                if !text.isEmpty, text.count < 100, isPlausibleByline(text) {
                    selection.byline = text
                    kind = .metadata
                }
            }
            if kind == nil, flags.stripUnlikely, hint.unlikely, node.tag != .a, node.tag != .article, node.tag != .main,
                !hasAncestor(index, tags: [.table, .code, .pre])
            {
                kind = hint.kind ?? .other
            }
            if let kind {
                excluded[index] = kind
                gone[index] = true
            }
            index += 1
        }

        // 2. Text statistics of each subtree, bottom-up.
        let stats = statistics(gone: gone)

        // 3. Score paragraphs into their ancestors.
        var score = [Double](repeating: 0, count: count)
        var isCandidate = [Bool](repeating: false, count: count)
        func initialize(_ candidate: Int) {
            guard !isCandidate[candidate] else { return }
            isCandidate[candidate] = true
            score[candidate] = tagWeight(nodes[candidate].tag) + (flags.weightClasses ? Double(hints[candidate].weight) : 0)
        }
        index = body
        while index < end {
            defer { index += 1 }
            guard !gone[index], !nodes[index].isText else { continue }
            let tag = nodes[index].tag
            var paragraphLength = 0
            var paragraphCommas = 0
            var scoreFrom = -1
            switch tag {
            case .p, .td, .pre, .h2, .h3, .h4, .h5, .h6, .section:
                if tag == .section || tag.isHeading, stats.hasBlock[index] { break }
                paragraphLength = Int(stats.length[index])
                paragraphCommas = Int(stats.commas[index])
                scoreFrom = Int(nodes[index].parent)
            case .div, .article, .main, .body, .center, .other, .block, .font, .span:
                if tag == .div || tag == .block || tag == .center, !stats.hasBlock[index] {
                    paragraphLength = Int(stats.length[index])
                    paragraphCommas = Int(stats.commas[index])
                    scoreFrom = Int(nodes[index].parent)
                } else if tag != .span && tag != .other && tag != .font {
                    // Text directly inside a container is a paragraph of that container.
                    (paragraphLength, paragraphCommas) = directText(of: index, gone: gone, stats: stats)
                    scoreFrom = index
                }
            default: break
            }
            guard scoreFrom >= 0, paragraphLength >= 25 else { continue }
            let contentScore = 1 + Double(paragraphCommas) + Double(min(paragraphLength / 100, 3))
            var ancestor = scoreFrom
            var level = 0
            while ancestor >= 0, level < 5, ancestor >= body || level == 0 {
                if nodes[ancestor].tag == .html { break }
                initialize(ancestor)
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                score[ancestor] += contentScore / divider
                ancestor = Int(nodes[ancestor].parent)
                level += 1
            }
        }

        // 4. The best candidate, its score weighted by link density.
        var top = -1
        var topScores: [(Int, Double)] = []
        for candidate in 0..<count where isCandidate[candidate] {
            let length = max(Double(stats.length[candidate]), 1)
            let final = score[candidate] * (1 - Double(stats.linkLength[candidate]) / length)
            score[candidate] = final
            topScores.append((candidate, final))
        }
        topScores.sort { $0.1 > $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }
        topScores = Array(topScores.prefix(5))
        if let first = topScores.first { top = first.0 }
        if top < 0 || nodes[top].tag == .body {
            selection.roots = [body]
            cleanConditionally(root: body, selection: &selection, gone: gone, excluded: excluded, stats: stats, score: score,
                isCandidate: isCandidate, flags: flags)
            return (selection, visibleLength(selection, stats: stats))
        }
        let topScore = score[top]

        // Several near-equal candidates: their common ancestor is the article.
        let alternatives = topScores.dropFirst().filter { $0.1 / max(topScore, 0.0001) >= 0.75 }.map(\.0)
        if alternatives.count >= 3 {
            var parent = Int(nodes[top].parent)
            while parent >= 0, nodes[parent].tag != .body {
                let contained = alternatives.filter { isAncestor(parent, of: $0) }.count
                if contained >= 3 {
                    top = parent
                    break
                }
                parent = Int(nodes[parent].parent)
            }
        }
        if !isCandidate[top] { isCandidate[top] = true }

        // Climb while the parent scores higher, then past only children.
        var parent = Int(nodes[top].parent)
        var lastScore = score[top]
        let threshold = lastScore / 3
        while parent >= 0, nodes[parent].tag != .body, nodes[parent].tag != .html {
            guard isCandidate[parent] else {
                parent = Int(nodes[parent].parent)
                continue
            }
            if score[parent] < threshold { break }
            if score[parent] > lastScore {
                top = parent
                break
            }
            lastScore = score[parent]
            parent = Int(nodes[parent].parent)
        }
        parent = Int(nodes[top].parent)
        while parent >= 0, nodes[parent].tag != .body, nodes[parent].tag != .html,
            elementChildren(of: parent, gone: gone).count == 1
        {
            top = parent
            parent = Int(nodes[parent].parent)
        }

        // 5. Siblings that belong with the top candidate.
        let best = score[top]
        let siblingThreshold = max(10, best * 0.2)
        let topClass = document.attribute("class", of: top) ?? ""
        var roots: [Int] = []
        let container = Int(nodes[top].parent)
        if container >= 0 {
            for sibling in document.children(of: container) {
                if sibling == top {
                    roots.append(sibling)
                    continue
                }
                if nodes[sibling].isText {
                    continue
                }
                guard !gone[sibling] else { continue }
                var append = false
                var bonus = 0.0
                if !topClass.isEmpty, document.attribute("class", of: sibling) == topClass { bonus = best * 0.2 }
                if isCandidate[sibling], score[sibling] + bonus >= siblingThreshold {
                    append = true
                } else if [.ul, .ol, .blockquote, .pre].contains(nodes[sibling].tag) {
                    // Lists and quotes beside the body are part of it when they are prose, not link lists.
                    let length = Int(stats.length[sibling])
                    let density = Double(stats.linkLength[sibling]) / Double(max(length, 1))
                    append = length > 80 && density < 0.3 && hints[sibling].weight >= 0
                } else if nodes[sibling].tag == .p {
                    let length = Int(stats.length[sibling])
                    let density = Double(stats.linkLength[sibling]) / Double(max(length, 1))
                    if length > 80, density < 0.25 {
                        append = true
                    } else if length > 0, length <= 80, density == 0, document.text(of: sibling).endsWithSentencePunctuation {
                        append = true
                    }
                }
                if append { roots.append(sibling) }
            }
        } else {
            roots = [top]
        }
        selection.roots = ledes(before: roots, gone: gone, stats: stats) + roots
        for root in selection.roots {
            cleanConditionally(root: root, selection: &selection, gone: gone, excluded: excluded, stats: stats, score: score,
                isCandidate: isCandidate, flags: flags)
        }
        return (selection, visibleLength(selection, stats: stats))
    }

    /// Prose printed between the headline (the last `h1`–`h3` above the body) and the body, in a
    /// block of its own (a lede or standfirst in the article's header): plain paragraphs that end
    /// like sentences, few links.
    /// Nothing when the headline is far from the body (then what lies between is the page's, not the article's).
    func ledes(before roots: [Int], gone: [Bool], stats: Stats) -> [Int] {
        guard let first = roots.first else { return [] }
        let nodes = document.nodes
        var headline = -1
        // The headline may sit in a header block set aside as furniture.
        for index in document.body..<first where nodes[index].tag == .h1 || nodes[index].tag == .h2 || nodes[index].tag == .h3 {
            headline = index
        }
        var index = document.body
        guard headline >= 0, !isAncestor(headline, of: first) else { return [] }
        var found: [Int] = []
        var between = 0
        index = document.subtreeEnd(headline)
        while index < first {
            let node = nodes[index]
            if gone[index] || isAncestor(index, of: first) {
                index = gone[index] ? document.subtreeEnd(index) : index + 1
                continue
            }
            if node.isText {
                between += Int(stats.length[index])
                index += 1
                continue
            }
            let length = Int(stats.length[index])
            let paragraphLike = node.tag == .p || [.div, .section, .block, .span].contains(node.tag) && !stats.hasBlock[index]
            if paragraphLike, length >= 60, stats.linkLength[index] * 4 < stats.length[index], hints[index].weight >= 0,
                document.text(of: index).endsWithSentencePunctuation
            {
                found.append(index)
                between += length
                index = document.subtreeEnd(index)
                continue
            }
            index += 1
        }
        let chosen = found.reduce(0) { $0 + Int(stats.length[$1]) }
        return between <= 4_000 && chosen * 2 >= between ? found : []
    }

    /// Removes blocks inside the body that are furniture: excluded earlier, mostly links,
    /// more list items than paragraphs, share widgets, or headings marked as furniture.
    func cleanConditionally(
        root: Int, selection: inout Selection, gone: [Bool], excluded: [BoilerplateKind?], stats: Stats, score: [Double],
        isCandidate: [Bool], flags: Flags
    ) {
        let nodes = document.nodes
        var index = root
        let end = document.subtreeEnd(root)
        while index < end {
            let node = nodes[index]
            if node.isText {
                index += 1
                continue
            }
            if let kind = excluded[index] {
                selection.removed[index] = kind
                index = document.subtreeEnd(index)
                continue
            }
            let hint = hints[index]
            var remove: BoilerplateKind?
            if hint.share, index != root, stats.length[index] < 500 {
                remove = .share
            } else if index != root, hint.credit, !holdsImage(index), stats.length[index] < 200 {
                // Who took a picture is not part of the story (what the picture shows may be).
                remove = .caption
            } else if (node.tag == .h1 || node.tag == .h2), flags.weightClasses, hint.weight < 0 {
                remove = hint.kind ?? .other
            } else if flags.cleanConditionally, index != root,
                [.form, .table, .ul, .div, .aside].contains(node.tag), shouldRemove(index, stats: stats, score: score,
                    isCandidate: isCandidate, flags: flags)
            {
                remove = hint.kind ?? classifyByText(index, stats: stats)
            }
            if let remove {
                selection.removed[index] = remove
                index = document.subtreeEnd(index)
            } else {
                index += 1
            }
        }
    }

    /// Readability's conditional cleaning of one block.
    func shouldRemove(_ index: Int, stats: Stats, score: [Double], isCandidate: [Bool], flags: Flags) -> Bool {
        let nodes = document.nodes
        let tag = nodes[index].tag
        if tag == .table, isDataTable(index) { return false }
        if hasAncestor(index, tags: [.code, .pre]) { return false }
        if tag != .table, hasAncestor(index, tags: [.table]), let table = ancestor(index, tag: .table), isDataTable(table) {
            return false
        }
        let length = Int(stats.length[index])
        var isList = tag == .ul || tag == .ol
        var paragraphs = 0, images = 0, items = 0, inputs = 0, headingLength = 0, listLength = 0
        let end = document.subtreeEnd(index)
        var child = index + 1
        while child < end {
            switch nodes[child].tag {
            case .p: paragraphs += 1
            case .img: images += 1
            case .li: items += 1
            case .form: inputs += 1
            case .h1, .h2, .h3, .h4, .h5, .h6: headingLength += Int(stats.length[child])
            case .ul, .ol:
                listLength += Int(stats.length[child])
                child = document.subtreeEnd(child)
                continue
            case .noscript:
                // Fallback copies of lazy images are not more pictures.
                child = document.subtreeEnd(child)
                continue
            default: break
            }
            child += 1
        }
        if !isList, length > 0, Double(listLength) / Double(length) > 0.9 { isList = true }
        let weight = flags.weightClasses ? hints[index].weight : 0
        let contentScore = isCandidate[index] ? score[index] : 0
        if Double(weight) + contentScore < 0 { return true }
        if stats.commas[index] >= 10 { return false }
        let text = length < 40 ? document.text(of: index).lowercased() : ""
        if !text.isEmpty, BoilerplateRules.advertisementLines.contains(text) { return true }
        let linkDensity = Double(stats.linkLength[index]) / Double(max(length, 1))
        let headingDensity = Double(headingLength) / Double(max(length, 1))
        let inFigure = hasAncestor(index, tags: [.figure])
        var remove =
            (images > 1 && Double(paragraphs) / Double(images) < 0.5 && !inFigure)
            || (!isList && items - 100 > paragraphs)
            || (inputs > paragraphs / 3)
            || (!isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && !inFigure)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
        // A list of images is content.
        if isList, remove {
            let children = elementChildren(of: index, gone: [])
            if children.allSatisfy({ elementChildren(of: $0, gone: []).count <= 1 }), images == items, items > 0 {
                remove = false
            }
        }
        return remove
    }

    /// Readability's data-table test: real tables have headers, captions or many cells.
    func isDataTable(_ index: Int) -> Bool {
        let nodes = document.nodes
        if document.attribute("role", of: index) == "presentation" { return false }
        if document.attribute("datatable", of: index) == "0" { return false }
        if document.attribute("summary", of: index) != nil { return true }
        var rows = 0, columns = 0, cellsInRow = 0
        let end = document.subtreeEnd(index)
        var child = index + 1
        while child < end {
            switch nodes[child].tag {
            case .caption, .th, .thead, .tfoot: return true
            case .table: return false
            case .tr:
                rows += 1
                cellsInRow = 0
            case .td:
                cellsInRow += 1
                columns = max(columns, cellsInRow)
            default: break
            }
            child += 1
        }
        return rows >= 10 || columns > 4 || rows * columns > 10
    }

    // MARK: - Helpers

    func statistics(gone: [Bool]) -> Stats {
        let nodes = document.nodes
        var length = [Int32](repeating: 0, count: nodes.count)
        var linkLength = [Int32](repeating: 0, count: nodes.count)
        var commas = [Int32](repeating: 0, count: nodes.count)
        var hasBlock = [Bool](repeating: false, count: nodes.count)
        var index = nodes.count - 1
        while index >= 0 {
            defer { index -= 1 }
            if gone[index] && nodes[index].tag != .body { continue }
            let node = nodes[index]
            if node.isText {
                if document.isInsideData(index) { continue }
                let (characters, commaCount) = document.withText(index) { Self.measure($0) }
                length[index] = Int32(characters)
                commas[index] = Int32(commaCount)
            } else if node.tag == .a {
                linkLength[index] = length[index]
            }
            let parent = Int(node.parent)
            if parent >= 0 {
                length[parent] += length[index]
                linkLength[parent] += linkLength[index]
                commas[parent] += commas[index]
                if hasBlock[index] || node.tag.isBlock { hasBlock[parent] = true }
            }
        }
        return Stats(length: length, linkLength: linkLength, commas: commas, hasBlock: hasBlock)
    }

    /// Characters (code points, whitespace runs counted once) and commas in a text node.
    static func measure(_ text: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var characters = 0
        var commas = 0
        var lastWasSpace = true
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text {
            if byte & 0xC0 != 0x80 {
                let space = byte == 32 || byte == 10 || byte == 9 || byte == 13
                if !(space && lastWasSpace) { characters += 1 }
                lastWasSpace = space
            }
            if byte == UInt8(ascii: ",") { commas += 1 }
            // U+FF0C fullwidth comma (EF BC 8C), U+060C Arabic comma (D8 8C), U+3001 ideographic comma (E3 80 81)
            if byte == 0x8C, previous == 0xBC, beforePrevious == 0xEF { commas += 1 }
            if byte == 0x8C, previous == 0xD8 { commas += 1 }
            if byte == 0x81, previous == 0x80, beforePrevious == 0xE3 { commas += 1 }
            beforePrevious = previous
            previous = byte
        }
        return (characters, commas)
    }

    /// Length and commas of the text directly inside a container (and its inline children).
    func directText(of index: Int, gone: [Bool], stats: Stats) -> (Int, Int) {
        var length = 0
        var commas = 0
        for child in document.children(of: index) where !gone[child] {
            let node = document.nodes[child]
            if node.isText || !node.tag.isBlock && node.tag != .br {
                length += Int(stats.length[child])
                commas += Int(stats.commas[child])
            }
        }
        return (length, commas)
    }

    func elementChildren(of index: Int, gone: [Bool]) -> [Int] {
        var result: [Int] = []
        for child in document.children(of: index) {
            let node = document.nodes[child]
            if node.isText {
                let blank = document.withText(child) { $0.allSatisfy { $0 == 32 || $0 == 10 || $0 == 9 || $0 == 13 } }
                if !blank { result.append(child) }
            } else if gone.isEmpty || !gone[child] {
                result.append(child)
            }
        }
        return result
    }

    /// Whether a block is too short to hold an article, or mostly links.
    func isSmallOrLinks(_ index: Int, _ stats: Stats) -> Bool {
        let length = Int(stats.length[index])
        return length < 1_000 || Double(stats.linkLength[index]) > Double(length) * 0.5
    }

    func tagWeight(_ tag: Tag) -> Double {
        switch tag {
        case .div, .article, .main: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }

    func hasAncestor(_ index: Int, tags: Set<Tag>) -> Bool { ancestor(index, in: tags) != nil }

    /// Whether the subtree at `index` holds an image (a figure wrapper rather than its caption).
    func holdsImage(_ index: Int) -> Bool {
        (index + 1..<document.subtreeEnd(index)).contains { document.nodes[$0].tag == .img || document.nodes[$0].tag == .picture }
    }

    func ancestor(_ index: Int, tag: Tag) -> Int? { ancestor(index, in: [tag]) }

    func ancestor(_ index: Int, in tags: Set<Tag>) -> Int? {
        var current = Int(document.nodes[index].parent)
        var steps = 0
        while current >= 0, steps < 64 {
            if tags.contains(document.nodes[current].tag) { return current }
            current = Int(document.nodes[current].parent)
            steps += 1
        }
        return nil
    }

    func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        index > ancestor && index < document.subtreeEnd(ancestor)
    }

    func isPlausibleByline(_ text: String) -> Bool {
        let key = text.lowercased()
        if key.includes("min read") || key.hasPrefix("published") || key.hasPrefix("updated") { return false }
        return key.contains(where: \.isLetter)
    }

    /// A removed block's kind from its wording, else from its link density.
    func classifyByText(_ index: Int, stats: Stats) -> BoilerplateKind {
        let length = Int(stats.length[index])
        if length <= 800, let kind = BoilerplateRules.paragraphKind(document.text(of: index)) { return kind }
        if length > 0, Double(stats.linkLength[index]) / Double(length) > 0.5 { return .navigation }
        return .other
    }

    func visibleLength(_ selection: Selection, stats: Stats) -> Int {
        var total = 0
        for root in selection.roots { total += Int(stats.length[root]) }
        for (index, _) in selection.removed { total -= Int(stats.length[index]) }
        return total
    }
}
