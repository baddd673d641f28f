import Extraction
import GleanerCore

/// The countries a document's unambiguous places are in, used to read an
/// ambiguous name: "Georgia" beside Armenia and Azerbaijan is the country,
/// beside Atlanta and Texas the US state.
struct PlaceContext {
    /// Country alpha-2 -> weight of the evidence.
    private(set) var countries: [String: Int] = [:]

    mutating func add(_ record: PlaceRecord, weight: Int) {
        guard !record.country.isEmpty else { return }
        countries[record.country, default: 0] += weight
    }

    /// The reading that fits best; ties keep the gazetteer's order (countries, regions, then cities by size).
    func best(of options: [PlaceRecord], mention: Mention, gazetteer: Gazetteer) -> PlaceRecord? {
        guard options.count > 1 else { return options.first }
        var best: PlaceRecord?
        var bestScore = -Double.infinity
        // Readings of one name often share a country ("Springfield"): read its neighbours once.
        var bordersContext: [String: Bool] = [:]
        for option in options {
            let score = self.score(option, gazetteer: gazetteer, bordersContext: &bordersContext)
            if score > bestScore {
                best = option
                bestScore = score
            }
        }
        return best
    }

    private func score(_ record: PlaceRecord, gazetteer: Gazetteer, bordersContext: inout [String: Bool]) -> Double {
        var score: Double
        switch record.type {
        case .country: score = 30
        case .region: score = 20
        case .city:
            score = 10 + 2 * log10(Double(max(record.population, 1))) + (record.isCapital ? 5 : 0)
        }
        guard !record.country.isEmpty else { return score }
        score += Double(min(countries[record.country] ?? 0, 6)) * 4
        let borders =
            bordersContext[record.country]
            ?? (gazetteer.country(record.country)?.neighbours.contains { (countries[$0] ?? 0) > 0 } ?? false)
        bordersContext[record.country] = borders
        if borders { score += 8 }
        return score
    }

    private func log10(_ value: Double) -> Double {
        var value = value
        var result = 0.0
        while value >= 10 {
            value /= 10
            result += 1
        }
        return result + (value - 1) / 9
    }
}
