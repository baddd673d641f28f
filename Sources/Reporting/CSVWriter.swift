public import GleanerCore

/// Writes one CSV row per mention, record by record, in memory that grows only with the
/// number of distinct documents (one key each, for its label).
///
/// Columns: the document as the other formats label it (`D1`, `D2`, … in order of first
/// appearance, which is the other formats' order when records come sorted by source, as
/// fetch writes them) and its `document_id` (the record's `id`, else its `source`, else a
/// hash of its text), the mention's kind and text, its normalised value
/// spread over typed columns (empty when not applicable), its offsets,
/// sentence index and sentence text. Fields follow RFC 4180; text cells that
/// a spreadsheet would run as a formula are prefixed with `'`.
public struct CSVWriter: Sendable {
    /// The header row's columns, in order.
    public static let columns = [
        "document", "document_id", "source", "kind", "text", "amount", "currency", "converted_amount", "converted_currency",
        "date", "grain", "date_to", "unresolved", "number", "unit", "approximate", "name", "aliases", "place_type",
        "country", "start", "end", "sentence", "sentence_text",
    ]

    public init() {}

    /// The header line, with its CRLF.
    public var header: String { Self.columns.joined(separator: ",") + "\r\n" }

    /// The rows of one record, each with its CRLF, mentions in offset order.
    /// - Parameter label: the document's label (`D1`), from ``DocumentLabels``.
    /// - Throws: ``RecordError`` when the record's mentions break the contract.
    public func rows(_ record: JSONObject, label: String) throws(RecordError) -> String {
        try prepare(record).text(label: label)
    }

    /// One record's rows without their label, which only the record's place in the stream gives.
    public struct PreparedRows: Sendable {
        /// The `document_id` of the rows.
        public var documentID: String
        /// Each row from its second column on, with its CRLF.
        var lines: [String]

        /// The rows with their label in front.
        public func text(label: String) -> String {
            let cell = Escape.csv(label, formulaSafe: true)
            return lines.map { cell + "," + $0 }.joined()
        }
    }

    /// The D-numbers of documents in order of first appearance; a document seen again keeps its number.
    public struct DocumentLabels: Sendable {
        private var labels: [String: String] = [:]

        /// Creates an empty numbering.
        public init() {}

        /// The label of a document, numbering it when it is new.
        public mutating func label(for documentID: String) -> String {
            if let label = labels[documentID] { return label }
            let label = "D\(labels.count + 1)"
            labels[documentID] = label
            return label
        }
    }

    /// The rows of one record, to be labelled in stream order (see ``PreparedRows``).
    /// - Throws: ``RecordError`` when the record's mentions break the contract.
    public func prepare(_ record: JSONObject) throws(RecordError) -> PreparedRows {
        let mentions = try record.mentions().sorted { ($0.start, $0.end, $0.kind) < ($1.start, $1.end, $1.kind) }
        let text = record[Field.text]?.stringValue ?? ""
        let id = try record.optionalString(Field.id)
        let source = try record.optionalString(Field.source)
        let document = id ?? source ?? RecordDigest.textKey(text)
        guard !mentions.isEmpty else { return PreparedRows(documentID: document, lines: []) }
        let locator = SentenceLocator(text: text)
        var lines: [String] = []
        for mention in mentions {
            var cells = [String: String]()
            cells["document_id"] = document
            cells["source"] = source ?? ""
            cells["kind"] = mention.kind.rawValue
            cells["text"] = RecordDigest.singleLine(mention.text)
            fill(&cells, mention)
            cells["start"] = String(mention.start)
            cells["end"] = String(mention.end)
            cells["sentence"] = String(mention.sentence)
            cells["sentence_text"] = locator.sentence(start: mention.start, end: mention.end) ?? ""
            let numeric: Set<String> = ["amount", "converted_amount", "number", "start", "end", "sentence"]
            lines.append(Self.columns.dropFirst().map { Escape.csv(cells[$0] ?? "", formulaSafe: !numeric.contains($0)) }
                .joined(separator: ",") + "\r\n")
        }
        return PreparedRows(documentID: document, lines: lines)
    }

    private func fill(_ cells: inout [String: String], _ mention: Mention) {
        let value = mention.value
        switch mention.kind {
        case .money:
            if let money = FactValue.money(value) {
                cells["amount"] = NumberFormat.key(money.amount)
                cells["currency"] = money.currency
            }
            if let converted = FactValue.converted(value) {
                cells["converted_amount"] = NumberFormat.key(converted.amount)
                cells["converted_currency"] = converted.currency
            }
        case .date:
            switch FactValue.date(value) {
            case .point(let date, let grain)?:
                cells["date"] = date
                cells["grain"] = grain
            case .range(let from, let to)?:
                cells["date"] = from
                cells["date_to"] = to
                cells["grain"] = "range"
            case .unresolved(let reason)?: cells["unresolved"] = reason
            case nil: break
            }
        case .quantity, .percent:
            if let number = FactValue.number(value) { cells["number"] = NumberFormat.key(number) }
            if mention.kind == .quantity, value != nil {
                cells["unit"] = FactValue.unit(value)
                cells["approximate"] = FactValue.approximate(value) ? "true" : "false"
            }
        case .person, .organization, .place, .email, .url:
            if let name = FactValue.name(value) { cells["name"] = name }
            cells["aliases"] = FactValue.aliases(value).joined(separator: "; ")
            if let place = value?.objectValue, mention.kind == .place {
                cells["place_type"] = place["type"]?.stringValue ?? ""
                cells["country"] = place["country"]?.stringValue ?? ""
            }
        }
    }
}
