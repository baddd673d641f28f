import GleanerCore

/// Writes a report as GitHub-flavoured markdown.
///
/// Documents first (label, title, date, source), then the facts across
/// documents; every fact names its documents and cites numbered sentences,
/// listed under "References" at the end. Article text is escaped
/// (``Escape/markdown(_:)``), so it always renders as text.
public struct MarkdownWriter: Sendable {
    /// The heading of the report.
    public var title: String

    public init(title: String = "Gleaner report") {
        self.title = title
    }

    /// The report as markdown.
    public func render(_ report: Report) -> String {
        var text = ReportText()
        write(report, to: &text)
        return text.text
    }

    /// Writes the report as markdown, section by section, row by row.
    public func write(_ report: Report, to out: inout ReportText) {
        out += "# \(Escape.markdown(title))\n\n"
        out += Summary.line(report) + "\n"
        documents(report, into: &out)
        facts("Money", report.money, header: ["Amount", "As written", "Converted", "Sources"], numeric: [0, 2], into: &out) { group in
            [Escape.markdown(group.display), texts(group), Escape.markdown(Display.converted(group.value) ?? ""), sources(group)]
        }
        if !report.currencyTotals.isEmpty {
            out += "\nTotals, each fact counted once: "
            out += report.currencyTotals.map { Escape.markdown(Summary.total($0)) }.joined(separator: "; ") + ".\n"
        }
        facts("Timeline", report.timeline, header: ["Date", "As written", "What", "Sources"], into: &out) { group in
            [Escape.markdown(group.display), texts(group), Escape.markdown(Escape.shortened(group.sentence, to: 140)), sources(group)]
        }
        if !report.undatedDates.isEmpty {
            facts("Dates without a place on the calendar", report.undatedDates, header: ["As written", "Why", "Sources"], into: &out) { group in
                [texts(group), Escape.markdown(Summary.undatedReason(group)), sources(group)]
            }
        }
        facts("Quantities", report.quantities, header: ["Quantity", "As written", "Sources"], numeric: [0], into: &out) { group in
            [Escape.markdown(group.display), texts(group), sources(group)]
        }
        if !report.percents.isEmpty {
            facts("Percentages", report.percents, header: ["Percent", "As written", "Sources"], numeric: [0], into: &out) { group in
                [Escape.markdown(group.display), texts(group), sources(group)]
            }
        }
        entities("People", report.people, places: false, into: &out)
        entities("Organisations", report.organizations, places: false, into: &out)
        entities("Places", report.places, places: true, into: &out)
        conflicts(report, into: &out)
        references(report, into: &out)
        out.finish()
    }

    private func documents(_ report: Report, into out: inout ReportText) {
        out += "\n## Documents\n\n"
        guard !report.documents.isEmpty else {
            out += "No documents.\n"
            return
        }
        table(header: ["", "Title", "Published", "Source", "Mentions"], rows: report.documents.lazy.map { entry in
            [entry.label, entry.summary.title.map(Escape.markdown) ?? "_untitled_", Escape.markdown(entry.summary.published ?? "—"),
             Escape.markdown(entry.summary.source ?? entry.summary.key), String(entry.summary.mentions)]
        }, numeric: [4], into: &out)
    }

    private func facts(
        _ title: String, _ groups: [FactGroup], header: [String], numeric: Set<Int> = [], into out: inout ReportText, row: (FactGroup) -> [String]
    ) {
        out += "\n## \(title)\n\n"
        guard !groups.isEmpty else {
            out += "None found.\n"
            return
        }
        table(header: header, rows: groups.lazy.map(row), numeric: numeric, into: &out)
    }

    private func entities(_ title: String, _ rows: [EntityRow], places: Bool, into out: inout ReportText) {
        out += "\n## \(title)\n\n"
        guard !rows.isEmpty else {
            out += "None found.\n"
            return
        }
        var header = ["Name", "Mentions", "Documents", "Also called"]
        if places { header += ["Type", "Country"] }
        table(header: header + ["Sources"], rows: rows.lazy.map { row in
            var cells = [Escape.markdown(row.name), String(row.mentions), String(row.documents), Escape.markdown(row.aliases.joined(separator: ", "))]
            if places { cells += [Escape.markdown(row.placeType ?? ""), Escape.markdown(row.country ?? "")] }
            return cells + [citations(row.citations) + (row.mentions > row.citations.count ? " …" : "")]
        }, numeric: [1, 2], into: &out)
    }

    private func conflicts(_ report: Report, into out: inout ReportText) {
        out += "\n## Conflicting figures\n\n"
        guard !report.conflicts.isEmpty else {
            out += "None found: no two documents give different figures for the same thing.\n"
            return
        }
        for conflict in report.conflicts {
            out += "\(conflict.number). **Different \(Summary.kindName(conflict.kind)) figures** about "
            out += Escape.markdown(conflict.about.joined(separator: ", ")) + ":\n"
            for figure in conflict.figures {
                out += "   - **\(Escape.markdown(figure.display))**"
                if let converted = Display.converted(figure.value) { out += " (\(Escape.markdown(converted)))" }
                out += " — " + texts(figure) + " — " + citations(figure.citations) + "\n"
            }
        }
    }

    private func references(_ report: Report, into out: inout ReportText) {
        out += "\n## References\n\n"
        guard !report.references.isEmpty else {
            out += "No sentences cited.\n"
            return
        }
        for reference in report.references {
            out += "\(reference.number). \(reference.document), sentence \(reference.sentence + 1): \(Escape.markdown(reference.text))\n"
        }
    }

    private func texts(_ group: FactGroup) -> String {
        group.texts.map { "“" + Escape.markdown($0) + "”" }.joined(separator: ", ")
    }

    private func sources(_ group: FactGroup) -> String {
        citations(group.citations) + (group.conflict.map { " ⚠ conflict \($0)" } ?? "")
    }

    /// `D1 [1, 4], D2 [7]`: each document label with its cited sentence numbers.
    private func citations(_ citations: [Citation]) -> String {
        Summary.citationsByDocument(citations).map { document, numbers in
            "\(document) \\[" + numbers.map(String.init).joined(separator: ", ") + "\\]"
        }.joined(separator: ", ")
    }

    /// A table; the `numeric` columns are right-aligned (`---:`), headers with them.
    private func table(header: [String], rows: some Sequence<[String]>, numeric: Set<Int> = [], into out: inout ReportText) {
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    }
}

/// Sentences shared by every writer.
enum Summary {
    static func line(_ report: Report) -> String {
        let mentions = report.mentionCounts.values.reduce(0, +)
        var parts = ["\(report.documents.count) document\(report.documents.count == 1 ? "" : "s")", "\(mentions) mentions"]
        let kinds = report.mentionCounts.keys.sorted().map { "\(report.mentionCounts[$0]!) \(kindName($0, plural: report.mentionCounts[$0]! != 1))" }
        if !kinds.isEmpty { parts.append(kinds.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// Citations grouped by document (in order of first appearance), each with its sorted sentence numbers.
    static func citationsByDocument(_ citations: [Citation]) -> [(document: String, numbers: [Int])] {
        var order: [String] = []
        var numbers: [String: Set<Int>] = [:]
        for citation in citations {
            if numbers[citation.document] == nil { order.append(citation.document) }
            numbers[citation.document, default: []].insert(citation.reference)
        }
        return order.map { ($0, numbers[$0]!.sorted()) }
    }

    static func kindName(_ kind: MentionKind, plural: Bool = false) -> String {
        switch kind {
        case .date: return plural ? "dates" : "date"
        case .money: return "money"
        case .quantity: return plural ? "quantities" : "quantity"
        case .percent: return plural ? "percentages" : "percentage"
        case .email: return plural ? "emails" : "email"
        case .url: return plural ? "links" : "link"
        case .person: return plural ? "people" : "person"
        case .organization: return plural ? "organisations" : "organisation"
        case .place: return plural ? "places" : "place"
        }
    }

    static func total(_ total: CurrencyTotal) -> String {
        var text = "\(total.currency) \(NumberFormat.grouped(total.amount)) (\(total.facts) fact\(total.facts == 1 ? "" : "s"))"
        if let currency = total.convertedCurrency, let amount = total.convertedAmount {
            text += " ≈ \(currency) \(NumberFormat.grouped(amount))"
            if total.convertedFacts < total.facts { text += " for \(total.convertedFacts) of them" }
        }
        return text
    }

    static func undatedReason(_ group: FactGroup) -> String {
        if case .unresolved(let reason)? = FactValue.date(group.value) { return reason }
        return "not normalised"
    }
}
