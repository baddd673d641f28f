import GleanerCore

/// Gathers the text of everything left out of the body, each block with its kind, so
/// nothing is dropped silently. Adjacent blocks of the same kind are merged.
struct BoilerplateCollector {
    let document: HTMLDocument
    let hints: [ElementHints]

    func collect(selection: ContentExtractor.Selection) -> [(index: Int, block: BoilerplateBlock)] {
        let nodes = document.nodes
        var result: [(Int, BoilerplateKind, String)] = []
        let roots = Set(selection.roots)
        let body = document.body
        var index = body
        let end = document.subtreeEnd(body)
        while index < end {
            let node = nodes[index]
            if roots.contains(index) {
                // Inside the body only the removed subtrees are boilerplate.
                let rootEnd = document.subtreeEnd(index)
                for (removed, kind) in selection.removed where removed >= index && removed < rootEnd {
                    let text = document.text(of: removed)
                    if !text.isEmpty { result.append((removed, kind, text)) }
                }
                index = rootEnd
                continue
            }
            if node.isText {
                if !document.isInsideData(index) {
                    var collapser = WhitespaceCollapser()
                    document.withText(index) { collapser.append(bytes: $0) }
                    let text = collapser.result
                    if !text.isEmpty { result.append((index, kindFromAncestors(index) ?? .other, text)) }
                }
                index += 1
                continue
            }
            let subtreeEnd = document.subtreeEnd(index)
            if selection.roots.contains(where: { $0 > index && $0 < subtreeEnd }) {
                index += 1
                continue
            }
            if !node.tag.holdsData {
                let text = document.text(of: index)
                if !text.isEmpty { result.append((index, kind(of: index, text: text), text)) }
            }
            index = subtreeEnd
        }
        result.sort { $0.0 < $1.0 }
        var merged: [(index: Int, block: BoilerplateBlock)] = []
        for (index, kind, text) in result {
            if let last = merged.last, last.block.kind == kind.rawValue {
                merged[merged.count - 1].block.text += "\n" + text
            } else {
                merged.append((index, BoilerplateBlock(kind: kind.rawValue, text: text)))
            }
        }
        return merged
    }

    /// A left-out element's kind: its tag and attributes, its ancestors', its wording, its links.
    func kind(of index: Int, text: String) -> BoilerplateKind {
        let node = document.nodes[index]
        if hints[index].hidden { return .hidden }
        if let kind = hints[index].kind { return kind }
        switch node.tag {
        case .nav: return .navigation
        case .aside: return .sidebar
        case .footer: return .footer
        case .header: return .header
        case .noscript: return .hidden
        default: break
        }
        if let kind = kindFromAncestors(index) { return kind }
        if text.utf8.count <= 800, let kind = BoilerplateRules.paragraphKind(text) { return kind }
        if let kind = BoilerplateRules.sectionHeading(text) { return kind }
        return linkDensity(index) > 0.5 ? .navigation : .other
    }

    func kindFromAncestors(_ index: Int) -> BoilerplateKind? {
        var current = Int(document.nodes[index].parent)
        while current > document.body {
            if let kind = hints[current].kind { return kind }
            switch document.nodes[current].tag {
            case .nav: return .navigation
            case .aside: return .sidebar
            case .footer: return .footer
            case .header: return .header
            default: break
            }
            current = Int(document.nodes[current].parent)
        }
        return nil
    }

    func linkDensity(_ index: Int) -> Double {
        var total = 0
        var linked = 0
        let end = document.subtreeEnd(index)
        var inLinkUntil = -1
        for node in index..<end {
            if document.nodes[node].tag == .a, node > inLinkUntil { inLinkUntil = document.subtreeEnd(node) - 1 }
            guard document.nodes[node].isText else { continue }
            let length = Int(document.nodes[node].textLength)
            total += length
            if node <= inLinkUntil { linked += length }
        }
        return total == 0 ? 0 : Double(linked) / Double(total)
    }
}
