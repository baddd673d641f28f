import GleanerCore

/// Writes a report as one self-contained HTML page.
///
/// No external CSS, scripts, fonts or images: the style, a few lines of
/// script (sortable, filterable tables) and the SVG charts are inline, and a
/// Content-Security-Policy allows only that script (by hash) and inline
/// styles. Every citation links to its numbered sentence, shown on hover
/// (`title`) and on click (the reference list). Article text is escaped with
/// ``Escape/html(_:)``; links are only made for `http` and `https` sources.
public struct HTMLWriter: Sendable {
    public var title: String

    public init(title: String = "Gleaner report") {
        self.title = title
    }

    /// The Content-Security-Policy the page declares.
    public static var contentSecurityPolicy: String {
        let hash = Hex.base64(SHA256.digest(Array(HTMLAssets.script.utf8)))
        return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// The report as an HTML document.
    public func render(_ report: Report) -> String {
        var text = ReportText()
        write(report, to: &text)
        return text.text
    }

    /// Writes the report as an HTML document, section by section.
    public func write(_ report: Report, to out: inout ReportText) {
        out += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="generator" content="gleaner report">
            <title>\(Escape.html(title))</title>
            <style>
            \(HTMLAssets.style)
            </style>
            </head>
            <body>

            """
        let references = Dictionary(uniqueKeysWithValues: report.references.map { ($0.number, $0) })
        out += "<header><h1>\(Escape.html(title))</h1><p class=\"summary\">\(Escape.html(Summary.line(report)))</p></header>\n"
        out += "<nav aria-label=\"Sections\">" + [
            ("charts", "Charts"), ("documents", "Documents"), ("money", "Money"), ("timeline", "Timeline"),
            ("quantities", "Quantities"), ("people", "People"), ("organizations", "Organisations"), ("places", "Places"),
            ("conflicts", "Conflicts (\(report.conflicts.count))"), ("references", "References"),
        ].map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined() + "</nav>\n<main>\n"
        charts(report, into: &out)
        documents(report, into: &out)
        let cite = { (citations: [Citation]) in self.citations(citations, references) }
        factTable("money", "Money", report.money, headers: ["Amount", "As written", "Converted", "Sources"], into: &out) { group in
            let amount = FactValue.money(group.value)?.amount
            let converted = FactValue.converted(group.value)
            return [
                Cell(Escape.html(group.display), sortValue: amount, numeric: true), Cell(texts(group)),
                Cell(Display.converted(group.value).map(Escape.html) ?? "", sortValue: converted?.amount, numeric: true),
                Cell(cite(group.citations) + flag(group)),
            ]
        }
        if !report.currencyTotals.isEmpty {
            out += "<p>Totals, each fact counted once: " + report.currencyTotals.map { Escape.html(Summary.total($0)) }.joined(separator: "; ") + ".</p>\n"
        }
        factTable("timeline", "Timeline", report.timeline, headers: ["Date", "As written", "What", "Sources"], into: &out) { group in
            [Cell(Escape.html(group.display), numeric: false, nowrap: true), Cell(texts(group)), Cell("<span class=\"quote\">\(Escape.html(Escape.shortened(group.sentence, to: 160)))</span>"), Cell(cite(group.citations))]
        }
        if !report.undatedDates.isEmpty {
            factTable("undated", "Dates without a place on the calendar", report.undatedDates, headers: ["As written", "Why", "Sources"], into: &out) { group in
                [Cell(texts(group)), Cell(Escape.html(Summary.undatedReason(group))), Cell(cite(group.citations))]
            }
        }
        factTable("quantities", "Quantities", report.quantities, headers: ["Quantity", "As written", "Documents", "Sources"], into: &out) { group in
            [Cell(Escape.html(group.display), sortValue: FactValue.number(group.value), numeric: true), Cell(texts(group)),
             Cell(String(group.documents.count), sortValue: Double(group.documents.count), numeric: true), Cell(cite(group.citations) + flag(group))]
        }
        if !report.percents.isEmpty {
            factTable("percents", "Percentages", report.percents, headers: ["Percent", "As written", "Sources"], into: &out) { group in
                [Cell(Escape.html(group.display), sortValue: FactValue.number(group.value), numeric: true), Cell(texts(group)), Cell(cite(group.citations) + flag(group))]
            }
        }
        entityTable("people", "People", report.people, places: false, references: references, into: &out)
        entityTable("organizations", "Organisations", report.organizations, places: false, references: references, into: &out)
        entityTable("places", "Places", report.places, places: true, references: references, into: &out)
        conflicts(report, references: references, into: &out)
        referenceList(report, into: &out)
        out += "</main>\n<footer>Made by gleaner report from \(report.records) records. Every figure links to the sentence it came from.</footer>\n"
        out += "<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        out.finish()
    }

    // MARK: Sections

    private func charts(_ report: Report, into out: inout ReportText) {
        out += "<section id=\"charts\"><h2>At a glance</h2><div class=\"charts\">\n"
        let timeline = SVGCharts.timeline(report.timeline)
        out += "<figure class=\"wide chart-timeline\"><figcaption>Timeline <small>\(report.timeline.count) dated facts</small></figcaption>"
        out += timeline.isEmpty ? "<p class=\"empty\">No dated facts.</p>" : "<div class=\"scroll\">\(timeline)</div>"
        out += "</figure>\n"
        for (kind, rows, id) in [("People", report.people, "people"), ("Organisations", report.organizations, "organizations"), ("Places", report.places, "places")] {
            out += "<figure class=\"chart-entities\"><figcaption>Top \(kind.lowercased()) <small>by mentions</small></figcaption>"
            out += entityChart(rows, kind: kind, id: id)
            out += "</figure>\n"
        }
        out += moneyChart(report)
        out += "</div></section>\n"
    }

    /// Bars of mentions, or a sentence when the bars would all be the same length and say nothing.
    private func entityChart(_ rows: [EntityRow], kind: String, id: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">None found.</p>" }
        let shown = rows.prefix(10)
        guard Set(shown.map(\.mentions)).count > 1 else {
            let each = rows.count == 1 ? "mentioned" : "each mentioned"
            let links = shown.enumerated().map { "<a href=\"#\(id)-\($0.offset + 1)\">\(Escape.html($0.element.name))</a>" }
            let more = rows.count > shown.count ? ", …" : ""
            return "<p class=\"quote\">\(rows.count) \(kind.lowercased()), \(each) \(Self.times(shown[shown.startIndex].mentions)): "
                + links.joined(separator: ", ") + more + "</p>"
        }
        return SVGCharts.bars(shown.enumerated().map { index, row in
            SVGCharts.Bar(
                label: row.name, value: Double(row.mentions), valueLabel: "\(row.mentions)",
                href: "\(id)-\(index + 1)", tooltip: "\(row.name): \(row.mentions) mentions in \(row.documents) documents")
        })
    }

    private static func times(_ count: Int) -> String {
        count == 1 ? "once" : count == 2 ? "twice" : "\(count) times"
    }

    private func moneyChart(_ report: Report) -> String {
        var out = "<figure class=\"chart-money\"><figcaption>Money by currency "
        let totals = report.currencyTotals
        guard !totals.isEmpty else { return out + "</figcaption><p class=\"empty\">No money figures.</p></figure>\n" }
        let converted = totals.filter { $0.convertedAmount != nil }
        let target = Set(converted.compactMap(\.convertedCurrency))
        if !converted.isEmpty, target.count == 1, let currency = target.first {
            let dates = Set(report.money.compactMap { FactValue.converted($0.value)?.rateDate }).sorted()
            let when = dates.count == 1 ? " at the ECB rate of \(Escape.html(dates[0]))" : " at ECB rates"
            out += "<small>bar: total in \(Escape.html(currency))\(when)</small></figcaption>"
            out += SVGCharts.bars(converted.map { total in
                SVGCharts.Bar(
                    label: "\(total.currency) \(NumberFormat.compact(total.amount))", value: total.convertedAmount ?? 0,
                    valueLabel: "≈ \(NumberFormat.compact(total.convertedAmount ?? 0)) \(currency)", href: "money",
                    tooltip: Summary.total(total))
            }, valueWidth: 84)
            let rest = totals.filter { $0.convertedAmount == nil }
            if !rest.isEmpty {
                out += "<p class=\"quote\">Not converted: " + rest.map { Escape.html(Summary.total($0)) }.joined(separator: "; ") + "</p>"
            }
        } else if totals.count == 1, let total = totals.first {
            // One currency: the figures themselves, largest first.
            let groups = report.money.filter { FactValue.money($0.value)?.currency == total.currency }.prefix(10)
            out += "<small>bar: amount in \(Escape.html(total.currency))</small></figcaption>"
            out += SVGCharts.bars(groups.map { group in
                let amount = FactValue.money(group.value)?.amount ?? 0
                return SVGCharts.Bar(
                    label: group.texts.first ?? group.display, value: amount, valueLabel: NumberFormat.compact(amount),
                    href: group.anchor, tooltip: "\(group.display): \(group.sentence)")
            }, valueWidth: 64)
        } else {
            // Amounts in different currencies do not add up, and a count of facts says nothing.
            out += "<small>\(totals.count) currencies</small></figcaption>"
            out += "<p class=\"quote\">No chart: normalize had no exchange rates, so the amounts are not in one currency "
                + "(run normalize with --rates). Totals: "
                + totals.map { Escape.html(Summary.total($0)) }.joined(separator: "; ") + ".</p>"
        }
        return out + "</figure>\n"
    }

    private func documents(_ report: Report, into out: inout ReportText) {
        out += "<section id=\"documents\"><h2>Documents</h2>\n"
        guard !report.documents.isEmpty else {
            out += "<p class=\"empty\">No documents.</p></section>\n"
            return
        }
        table(headers: ["", "Title", "Published", "Source", "Mentions"], rows: report.documents.map { entry in
            let summary = entry.summary
            return (id: "doc-\(entry.label)", cells: [
                Cell("<span class=\"doc\">\(entry.label)</span>", sortValue: Double(entry.label.dropFirst()), numeric: false),
                Cell(summary.title.map(Escape.html) ?? "<span class=\"empty\">untitled</span>"),
                Cell(Escape.html(summary.published ?? "—"), nowrap: true),
                Cell(sourceLink(summary.source ?? summary.key)),
                Cell(String(summary.mentions), sortValue: Double(summary.mentions), numeric: true),
            ])
        }, into: &out)
        out += "</section>\n"
    }

    private func factTable(
        _ id: String, _ heading: String, _ groups: [FactGroup], headers: [String], into out: inout ReportText, row: (FactGroup) -> [Cell]
    ) {
        out += "<section id=\"\(id)\"><h2>\(heading)</h2>\n"
        if groups.isEmpty {
            out += "<p class=\"empty\">None found.</p>"
        } else {
            table(headers: headers, rows: groups.map { (id: $0.anchor, cells: row($0)) }, into: &out)
        }
        out += "</section>\n"
    }

    private func entityTable(
        _ id: String, _ heading: String, _ rows: [EntityRow], places: Bool, references: [Int: Reference], into out: inout ReportText
    ) {
        out += "<section id=\"\(id)\"><h2>\(heading)</h2>\n"
        guard !rows.isEmpty else {
            out += "<p class=\"empty\">None found.</p></section>\n"
            return
        }
        var headers = ["Name", "Mentions", "Documents", "Also called"]
        if places { headers += ["Type", "Country"] }
        table(headers: headers + ["Sources"], rows: rows.enumerated().map { index, row in
            var cells = [
                Cell(Escape.html(row.name)), Cell(String(row.mentions), sortValue: Double(row.mentions), numeric: true),
                Cell(String(row.documents), sortValue: Double(row.documents), numeric: true),
                Cell(Escape.html(row.aliases.joined(separator: ", "))),
            ]
            if places { cells += [Cell(Escape.html(row.placeType ?? "")), Cell(Escape.html(row.country ?? ""))] }
            let more = row.mentions > row.citations.count ? " <span class=\"quote\">+\(row.mentions - row.citations.count) more</span>" : ""
            return (id: "\(id)-\(index + 1)", cells: cells + [Cell(citations(row.citations, references) + more)])
        }, into: &out)
        out += "</section>\n"
    }

    private func conflicts(_ report: Report, references: [Int: Reference], into out: inout ReportText) {
        out += "<section id=\"conflicts\"><h2>Conflicting figures</h2>\n"
        guard !report.conflicts.isEmpty else {
            out += "<p class=\"empty\">None found: no two documents give different figures for the same thing.</p></section>\n"
            return
        }
        out += "<div class=\"conflicts\">\n"
        for conflict in report.conflicts {
            out += "<article class=\"conflict\" id=\"conflict-\(conflict.number)\"><h3>⚠ \(conflict.number). Different \(Summary.kindName(conflict.kind)) figures"
            out += " <small>about \(Escape.html(conflict.about.joined(separator: ", ")))</small></h3><div class=\"sides\">"
            for figure in conflict.figures {
                out += "<div class=\"side\"><div class=\"figure\">\(Escape.html(figure.display))</div>"
                if let converted = Display.converted(figure.value) { out += "<div class=\"quote\">\(Escape.html(converted))</div>" }
                out += "<div>\(texts(figure)) \(citations(figure.citations, references))</div>"
                out += "<p class=\"quote\">“\(Escape.html(figure.sentence))”</p></div>"
            }
            out += "</div></article>\n"
        }
        out += "</div></section>\n"
    }

    private func referenceList(_ report: Report, into out: inout ReportText) {
        out += "<section id=\"references\"><h2>References</h2>\n"
        guard !report.references.isEmpty else {
            out += "<p class=\"empty\">No sentences cited.</p></section>\n"
            return
        }
        out += "<ol class=\"refs\">\n"
        for reference in report.references {
            out += "<li id=\"ref-\(reference.number)\"><a class=\"doc\" href=\"#doc-\(Escape.html(reference.document))\">\(Escape.html(reference.document))</a>, "
            out += "sentence \(reference.sentence + 1): \(Escape.html(reference.text))</li>\n"
        }
        out += "</ol></section>\n"
    }

    // MARK: Pieces

    private struct Cell {
        var html: String
        var sortValue: Double?
        var numeric = false
        var nowrap = false

        init(_ html: String, sortValue: Double? = nil, numeric: Bool = false, nowrap: Bool = false) {
            self.html = html
            self.sortValue = sortValue
            self.numeric = numeric
            self.nowrap = nowrap
        }
    }

    private func table(headers: [String], rows: [(id: String, cells: [Cell])], into out: inout ReportText) {
        // A column of numbers is right-aligned, its header too, so a count sits under its own heading.
        let numeric = headers.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { column < $0.cells.count && $0.cells[column].numeric }
        }
        out += "<div class=\"scroll\"><table class=\"data\"><thead><tr>"
        out += headers.enumerated().map { "<th scope=\"col\"\(numeric[$0.offset] ? " class=\"num\"" : "")>\($0.element)</th>" }.joined()
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr id=\"\(Escape.html(row.id))\">"
            for cell in row.cells {
                out += "<td"
                if cell.numeric { out += " class=\"num\"" } else if cell.nowrap { out += " class=\"nowrap\"" }
                if let value = cell.sortValue, value.isFinite { out += " data-value=\"\(NumberFormat.key(value))\"" }
                out += ">\(cell.html)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    private func texts(_ group: FactGroup) -> String {
        group.texts.map { "“" + Escape.html($0) + "”" }.joined(separator: ", ")
    }

    private func flag(_ group: FactGroup) -> String {
        group.conflict.map { " <a class=\"flag\" href=\"#conflict-\($0)\">⚠ conflict \($0)</a>" } ?? ""
    }

    /// Citation links: `D1·3` to reference 3, with the sentence as the hover text.
    private func citations(_ citations: [Citation], _ references: [Int: Reference]) -> String {
        var seen: Set<Int> = []
        return citations.compactMap { citation in
            guard seen.insert(citation.reference).inserted else { return nil }
            let sentence = references[citation.reference]?.text ?? ""
            return "<a class=\"cite\" href=\"#ref-\(citation.reference)\" title=\"\(Escape.html("\(citation.document): \(sentence)"))\">\(Escape.html(citation.document))·\(citation.reference)</a>"
        }.joined(separator: " ")
    }

    /// A source as a link when it is an http(s) URL, else as text.
    private func sourceLink(_ source: String) -> String {
        let lowered = source.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), !source.contains(where: \.isWhitespace) else {
            return Escape.html(source)
        }
        return "<a href=\"\(Escape.html(source))\" rel=\"noopener noreferrer nofollow\">\(Escape.html(source))</a>"
    }
}
