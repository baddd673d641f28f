/// Chart labels short enough for a chart's label column that still tell every bar apart:
/// "Ministry of D…" and "Ministry of F…", never two "Ministry of…".
enum ChartLabels {
    /// Each label as a chart shows it, in the same order.
    ///
    /// A label that fits in `limit` characters is shown whole. A longer one is cut at a word
    /// boundary when what is left still starts no other label; else after `limit - 1`
    /// characters when those are its own; else after its shortest prefix that no other label
    /// shares (longer than `limit`, but unambiguous). The full label is in the bar's tooltip
    /// and in print.
    static func distinct(_ labels: [String], limit: Int) -> [String] {
        labels.enumerated().map { index, label in
            guard label.count > limit else { return label }
            let others = labels.enumerated().filter { $0.offset != index }.map(\.element)
            func isOwn(_ prefix: Substring) -> Bool { !others.contains { $0.hasPrefix(prefix) } }
            let wordCut = Escape.shortened(label, to: limit)
            if isOwn(Substring(wordCut.dropLast())) { return wordCut }
            let cut = label.prefix(limit - 1)
            if isOwn(cut) { return String(cut) + "…" }
            let shared = others.map { commonPrefixLength(label, $0) }.max() ?? 0
            guard shared + 1 < label.count else { return label }
            return String(label.prefix(shared + 1)) + "…"
        }
    }

    /// How many leading characters two strings share.
    static func commonPrefixLength(_ lhs: String, _ rhs: String) -> Int {
        zip(lhs, rhs).prefix { $0 == $1 }.count
    }
}
