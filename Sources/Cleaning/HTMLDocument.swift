import CLibXML2

/// An HTML document parsed by libxml2 and copied into a flat array of nodes in document order.
///
/// The copy is made by an iterative walk, so documents nested 100,000 deep neither recurse
/// nor overflow the stack, and all later passes are simple loops over arrays.
struct HTMLDocument {
    struct Node {
        var tag: Tag
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Range of this element's attributes in ``HTMLDocument/attributes``.
        var attributeStart: Int32 = 0
        var attributeCount: Int32 = 0
        /// Where a text node's UTF-8 bytes (whitespace kept) are in ``HTMLDocument/textBytes``.
        var textStart: Int32 = 0
        var textLength: Int32 = 0
        var depth: Int32 = 0
        /// One past the last node of this subtree.
        var end: Int32 = 0

        var isText: Bool { tag == .text }
    }

    var nodes: [Node] = []
    var attributes: [(name: String, value: String)] = []
    /// The bytes of every text node, one after the other.
    var textBytes: [UInt8] = []
    /// Index of `<body>`, or the root when there is none.
    var body: Int = 0
    var head: Int = -1

    /// Nodes deeper than this are not copied: no real article nests that deep,
    /// and it keeps hostile documents bounded.
    static let maximumDepth: Int32 = 2_000

    /// Parses UTF-8 HTML.
    /// - Returns: `nil` when libxml2 builds no tree at all (an empty input).
    init?(utf8 bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        // libxml2 stops at a NUL byte and loses the rest of the page; browsers ignore it.
        var bytes = bytes
        if bytes.contains(0) {
            for index in bytes.indices where bytes[index] == 0 { bytes[index] = 32 }
        }
        // XML_PARSE_HUGE lifts libxml2's limits of 256 levels of nesting and 10 MB text
        // nodes, which otherwise make it stop parsing and lose the rest of the page; the
        // walk below is iterative and caps depth itself.
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        nodes.reserveCapacity(bytes.count / 40)
        copy(from: root)
        if nodes.isEmpty { return nil }
        computeEnds()
    }

    /// Copies the libxml2 tree under `root` into `nodes`, without recursion.
    private mutating func copy(from root: xmlNodePtr) {
        var current: xmlNodePtr? = root
        var parentIndex: Int32 = -1
        var depth: Int32 = 0
        while let node = current {
            var descend = false
            let type = node.pointee.type
            if type == XML_ELEMENT_NODE {
                let name = Self.lowercasedName(node.pointee.name)
                let tag = Tag.of(name)
                if depth >= Self.maximumDepth {
                    // Past the cap, elements are flattened: their text joins the deepest kept ancestor.
                    descend = tag != .skipped && !tag.holdsData && node.pointee.children != nil
                } else if tag != .skipped || depth == 0 {
                    let index = append(Node(tag: tag, parent: parentIndex, depth: depth))
                    copyAttributes(of: node, into: index)
                    if tag == .body, body == 0 { body = index }
                    if tag == .head, head < 0 { head = index }
                    if tag.holdsData {
                        // Script, style and title hold text that is data (JSON-LD) or the document title.
                        let start = textBytes.count
                        var child = node.pointee.children
                        while let item = child {
                            if let content = item.pointee.content { appendText(content) }
                            child = item.pointee.next
                        }
                        if textBytes.count > start {
                            _ = append(Node(
                                tag: .text, parent: Int32(index), textStart: Int32(start),
                                textLength: Int32(textBytes.count - start), depth: depth + 1))
                        }
                    } else if node.pointee.children != nil {
                        descend = true
                        parentIndex = Int32(index)
                    }
                }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                let start = textBytes.count
                appendText(content)
                _ = append(Node(
                    tag: .text, parent: parentIndex, textStart: Int32(start), textLength: Int32(textBytes.count - start),
                    depth: min(depth, Self.maximumDepth)))
            }
            if descend, let child = node.pointee.children {
                current = child
                depth += 1
                continue
            }
            // Next sibling, or climb until an ancestor has one.
            var climb: xmlNodePtr? = node
            current = nil
            while let up = climb {
                if up == root { break }
                if let next = up.pointee.next {
                    current = next
                    break
                }
                climb = up.pointee.parent
                depth -= 1
                // Only elements above the cap were kept, so only they move the parent back up.
                if depth < Self.maximumDepth, parentIndex >= 0 { parentIndex = nodes[Int(parentIndex)].parent }
            }
        }
    }

    private mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        let length = Int(xmlStrlen(content))
        textBytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
    }

    /// A text node's text.
    func nodeText(_ index: Int) -> String {
        let node = nodes[index]
        let start = Int(node.textStart)
        return String(decoding: textBytes[start..<start + Int(node.textLength)], as: UTF8.self)
    }

    /// Calls `body` with a text node's UTF-8 bytes.
    func withText<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let node = nodes[index]
        return textBytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(node.textStart)..<Int(node.textStart) + Int(node.textLength)]))
        }
    }

    private mutating func append(_ node: Node) -> Int {
        let index = nodes.count
        nodes.append(node)
        let parent = Int(node.parent)
        if parent >= 0 {
            if nodes[parent].lastChild >= 0 {
                nodes[Int(nodes[parent].lastChild)].nextSibling = Int32(index)
            } else {
                nodes[parent].firstChild = Int32(index)
            }
            nodes[parent].lastChild = Int32(index)
        }
        return index
    }

    private mutating func copyAttributes(of node: xmlNodePtr, into index: Int) {
        var attribute = node.pointee.properties
        let start = attributes.count
        while let item = attribute {
            let name = Self.lowercasedName(item.pointee.name)
            guard Self.keptAttributes.contains(name) else {
                attribute = item.pointee.next
                continue
            }
            var value = ""
            if let child = item.pointee.children, let content = child.pointee.content {
                value = String(cString: content)
            }
            attributes.append((name, value))
            attribute = item.pointee.next
        }
        nodes[index].attributeStart = Int32(start)
        nodes[index].attributeCount = Int32(attributes.count - start)
    }

    /// The attributes clean reads; the rest (data-*, srcset, event handlers) are not copied.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "hidden", "aria-hidden", "style", "rel", "itemprop", "href", "src", "alt", "content",
        "property", "name", "http-equiv", "lang", "xml:lang", "type", "datetime", "pubdate", "summary", "datatable",
        "charset",
    ]

    private static func lowercasedName(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        // libxml2's HTML parser already lower-cases element names.
        return String(cString: name)
    }

    // MARK: - Queries

    func attribute(_ name: String, of index: Int) -> String? {
        let node = nodes[index]
        let start = Int(node.attributeStart)
        for offset in start..<start + Int(node.attributeCount) where attributes[offset].name == name {
            return attributes[offset].value
        }
        return nil
    }

    /// The element's children, in order.
    func children(of index: Int) -> ChildSequence { ChildSequence(nodes: nodes, first: nodes[index].firstChild) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int32
        init(nodes: [Node], first: Int32) {
            self.nodes = nodes
            self.cursor = first
        }
        mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let current = Int(cursor)
            cursor = nodes[current].nextSibling
            return current
        }
    }

    /// One past the last node of the subtree at `index` (nodes are in document order).
    func subtreeEnd(_ index: Int) -> Int { Int(nodes[index].end) }

    /// Records where each subtree ends, from the last node back.
    private mutating func computeEnds() {
        var index = nodes.count - 1
        while index >= 0 {
            let last = nodes[index].lastChild
            nodes[index].end = last >= 0 ? nodes[Int(last)].end : Int32(index + 1)
            index -= 1
        }
    }

    /// The collapsed text of the subtree at `index`.
    func text(of index: Int) -> String {
        var collapser = WhitespaceCollapser()
        for node in index..<subtreeEnd(index) {
            let item = nodes[node]
            if item.isText {
                if !isInsideData(node) { withText(node) { collapser.append(bytes: $0) } }
            } else if item.tag.isBlock || item.tag == .br || item.tag == .td || item.tag == .th {
                collapser.breakWord()
            }
        }
        return collapser.result
    }

    func isInsideData(_ index: Int) -> Bool {
        let parent = Int(nodes[index].parent)
        return parent >= 0 && nodes[parent].tag.holdsData
    }
}
