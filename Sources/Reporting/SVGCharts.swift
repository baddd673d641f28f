/// Inline SVG charts for the HTML report: no scripts, no external resources.
///
/// Every mark links to its table row and carries a `<title>` tooltip; every
/// label is escaped with ``Escape/html(_:)``.
enum SVGCharts {
    /// One bar of a bar chart.
    struct Bar {
        var label: String
        var value: Double
        var valueLabel: String
        var href: String
        var tooltip: String
    }

    /// Horizontal bars, longest first as given. Labels are cut to their shortest unambiguous
    /// form (``ChartLabels``) on screen, whole in print and in the tooltip.
    static func bars(_ bars: [Bar], width: Double = 340, valueWidth: Double = 40) -> String {
        guard !bars.isEmpty else { return "" }
        let shown = ChartLabels.distinct(bars.map(\.label), limit: 19)
        let labelWidth = max(124.0, Double(shown.map(\.count).max() ?? 0) * 6.4 + 8), row = 22.0
        let barSpace = width - labelWidth - valueWidth
        let maximum = bars.map(\.value).max() ?? 0
        let height = Double(bars.count) * row + 6
        var svg = "<svg viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" aria-label=\"bar chart\">"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * row + 3
            let length = maximum > 0 ? max(2, bar.value / maximum * barSpace) : 2
            svg += "<a href=\"#\(Escape.html(bar.href))\"><title>\(Escape.html(bar.tooltip))</title>"
            let x = format(labelWidth - 6), baseline = format(y + 15)
            svg += "<text class=\"label-short\" x=\"\(x)\" y=\"\(baseline)\" text-anchor=\"end\">\(Escape.html(shown[index]))</text>"
            if shown[index] != bar.label {
                svg += "<text class=\"label-full\" x=\"\(x)\" y=\"\(baseline)\" text-anchor=\"end\">\(Escape.html(bar.label))</text>"
            }
            svg += "<rect class=\"bar\" x=\"\(format(labelWidth))\" y=\"\(format(y + 3))\" width=\"\(format(length))\" height=\"\(format(row - 8))\" rx=\"2\"/>"
            svg += "<text class=\"tick\" x=\"\(format(labelWidth + length + 5))\" y=\"\(format(y + 15))\">\(Escape.html(bar.valueLabel))</text></a>"
        }
        return svg + "</svg>"
    }

    /// The dated facts on a time axis; a histogram by year when there are too many to show one by one.
    static func timeline(_ groups: [FactGroup]) -> String {
        let points = groups.compactMap { group -> (year: Double, group: FactGroup)? in
            guard let year = FactValue.date(group.value)?.fractionalYear else { return nil }
            return (year, group)
        }
        guard !points.isEmpty else { return "" }
        if points.count > 120 { return histogram(points.map(\.year)) }
        let width = 800.0, left = 24.0, right = 24.0
        var low = (points.map(\.year).min() ?? 0).rounded(.down)
        var high = (points.map(\.year).max() ?? 0).rounded(.up)
        if high <= low { high = low + 1 }
        let padding = max(0.5, (high - low) * 0.04)
        low -= padding
        high += padding
        func x(_ year: Double) -> Double { left + (year - low) / (high - low) * (width - left - right) }

        let laneHeight = 20.0, maximumLanes = 10
        var laneEnds: [Double] = []
        var placed: [(x: Double, lane: Int, label: Bool, group: FactGroup)] = []
        for point in points {
            let position = x(point.year)
            let labelEnd = position + 10 + Double(point.group.display.count) * 6.2
            if let lane = laneEnds.firstIndex(where: { $0 < position - 4 }) {
                laneEnds[lane] = labelEnd
                placed.append((position, lane, true, point.group))
            } else if laneEnds.count < maximumLanes {
                laneEnds.append(labelEnd)
                placed.append((position, laneEnds.count - 1, true, point.group))
            } else {
                placed.append((position, maximumLanes - 1, false, point.group))
            }
        }
        let axis = 20 + Double(laneEnds.count) * laneHeight + 10
        let height = axis + 28
        var svg = "<svg viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" aria-label=\"timeline of dated facts\">"
        svg += "<line class=\"axis\" x1=\"\(format(left))\" y1=\"\(format(axis))\" x2=\"\(format(width - right))\" y2=\"\(format(axis))\"/>"
        for tick in ticks(low: low, high: high) {
            svg += "<line class=\"axis\" x1=\"\(format(x(tick)))\" y1=\"\(format(axis))\" x2=\"\(format(x(tick)))\" y2=\"\(format(axis + 5))\"/>"
            svg += "<text class=\"tick\" x=\"\(format(x(tick)))\" y=\"\(format(axis + 18))\" text-anchor=\"middle\">\(Int(tick))</text>"
        }
        for item in placed {
            let y = axis - 14 - Double(item.lane) * laneHeight
            let sources = item.group.documents.joined(separator: ", ")
            let tooltip = "\(item.group.display): \(item.group.texts.joined(separator: " / ")) (\(sources)) — \(item.group.sentence)"
            svg += "<a href=\"#\(Escape.html(item.group.anchor))\"><title>\(Escape.html(tooltip))</title>"
            svg += "<line x1=\"\(format(item.x))\" y1=\"\(format(y))\" x2=\"\(format(item.x))\" y2=\"\(format(axis))\" stroke=\"#c5ccd6\" stroke-dasharray=\"2 2\"/>"
            svg += "<circle class=\"dot\" cx=\"\(format(item.x))\" cy=\"\(format(y))\" r=\"5\"/>"
            if item.label {
                svg += "<text x=\"\(format(item.x + 8))\" y=\"\(format(y + 4))\">\(Escape.html(item.group.display))</text>"
            }
            svg += "</a>"
        }
        return svg + "</svg>"
    }

    /// Counts of dated facts per year, as columns.
    private static func histogram(_ years: [Double]) -> String {
        var counts: [Int: Int] = [:]
        for year in years { counts[Int(year.rounded(.down)), default: 0] += 1 }
        let first = counts.keys.min()!, last = counts.keys.max()!
        let width = 800.0, left = 24.0, right = 24.0, top = 12.0, plot = 140.0
        let span = Double(last - first + 1)
        let column = (width - left - right) / span
        let maximum = Double(counts.values.max()!)
        var svg = "<svg viewBox=\"0 0 \(format(width)) \(format(top + plot + 28))\" role=\"img\" aria-label=\"dated facts per year\">"
        for year in first...last {
            guard let count = counts[year] else { continue }
            let height = max(1, Double(count) / maximum * plot)
            let x = left + Double(year - first) * column
            svg += "<rect class=\"bar\" x=\"\(format(x + column * 0.1))\" y=\"\(format(top + plot - height))\" width=\"\(format(max(1, column * 0.8)))\" height=\"\(format(height))\"><title>\(year): \(count) dated facts</title></rect>"
        }
        svg += "<line class=\"axis\" x1=\"\(format(left))\" y1=\"\(format(top + plot))\" x2=\"\(format(width - right))\" y2=\"\(format(top + plot))\"/>"
        for tick in ticks(low: Double(first), high: Double(last + 1)) {
            let x = left + (tick - Double(first)) * column
            svg += "<text class=\"tick\" x=\"\(format(x))\" y=\"\(format(top + plot + 18))\" text-anchor=\"middle\">\(Int(tick))</text>"
        }
        return svg + "</svg>"
    }

    /// Round years for axis labels, at most about ten.
    static func ticks(low: Double, high: Double) -> [Double] {
        let span = high - low
        let step = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { span / $0 <= 10 } ?? 1000
        var tick = (low / step).rounded(.up) * step
        var result: [Double] = []
        while tick <= high {
            result.append(tick)
            tick += step
        }
        return result
    }

    /// Coordinates with at most one decimal, so the markup stays small and stable.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
