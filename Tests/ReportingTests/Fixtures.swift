import Foundation
import GleanerCore
import Reporting
import TestSupport

/// Records and helpers the reporting tests share.
enum Fixtures {
    static let folder = Executables.packageRoot.appendingPathComponent("Tests/Fixtures/report")

    /// The two seed articles as normalize is meant to leave them.
    static let seedRecords: [JSONObject] = records(in: "seeds.ndjson")

    static func records(in name: String) -> [JSONObject] {
        let text = try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONCodec.parse(String($0)).objectValue! }
    }

    static func aggregate(_ records: [JSONObject]) -> Aggregate {
        var aggregate = Aggregate()
        for record in records { try! aggregate.add(record: record) }
        return aggregate
    }

    static func report(_ records: [JSONObject]) -> Report { Report(aggregate(records)) }

    /// A record with the given text and mentions found by their strings (offsets in code points).
    static func record(
        id: String, source: String? = nil, title: String? = nil, published: String? = nil, text: String,
        mentions: [(MentionKind, String, JSONValue?)]
    ) -> JSONObject {
        let scalars = Array(text.unicodeScalars)
        var used: [Int] = []
        var list: [JSONValue] = []
        for (kind, needle, value) in mentions {
            let target = Array(needle.unicodeScalars)
            var start = 0
            while start + target.count <= scalars.count {
                if Array(scalars[start..<start + target.count]) == target && !used.contains(start) { break }
                start += 1
            }
            precondition(start + target.count <= scalars.count, "'\(needle)' not in text")
            used.append(start)
            list.append(Mention(kind: kind, text: needle, start: start, end: start + target.count, sentence: 0, value: value).json)
        }
        var record: JSONObject = ["id": .string(id)]
        if let source { record["source"] = .string(source) }
        if let title { record["title"] = .string(title) }
        if let published { record["published"] = .string(published) }
        record["text"] = .string(text)
        record["mentions"] = .array(list)
        return record
    }
}

/// A small deterministic random generator (SplitMix64), so property tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Synthetic news-like records whose facts and entities recur across documents.
enum SyntheticRecords {
    static let people = ["Maria Lopez", "Ahmed Karimi", "Jonas Berg", "Li Wei", "Olena Shevchenko"]
    static let organizations = [("World Health Organization", "WHO"), ("European Central Bank", "ECB"), ("Red Cross", "ICRC")]
    static let places = [("Kyiv", "city", "UA"), ("Berlin", "city", "DE"), ("Kenya", "country", "KE"), ("Lima", "city", "PE")]
    static let topics = [
        "the ministry approved a reconstruction fund for damaged schools in the northern provinces",
        "the agency announced emergency food deliveries to flooded villages along the river",
        "the central bank raised interest rates to slow inflation in the housing market",
        "the charity opened new shelters for families displaced by the winter storms",
    ]

    static func make(count: Int, seed: UInt64) -> [JSONObject] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let person = people.randomElement(using: &random)!
            let organization = organizations.randomElement(using: &random)!
            let place = places.randomElement(using: &random)!
            let topic = topics.randomElement(using: &random)!
            let amount = [5.0, 12.5, 40, 250].randomElement(using: &random)!
            let currency = ["USD", "EUR", "KES"].randomElement(using: &random)!
            let people = 1000 * Int.random(in: 1...6, using: &random)
            let year = Int.random(in: 2015...2023, using: &random)
            let useAlias = Bool.random(using: &random)
            let organizationText = useAlias ? organization.1 : organization.0
            let text = "In \(year), \(person) said \(topic), worth \(currency) \(amount) million. "
                + "The \(organizationText) reported that \(people) people in \(place.0) were helped by the plan."
            var record = Fixtures.record(
                id: "doc-\(seed)-\(index)", source: "synthetic/\(index).txt", title: "Report \(index) on \(place.0)",
                published: "\(year)-06-01", text: text,
                mentions: [
                    (.date, "\(year)", ["date": .string("\(year)"), "grain": "year"]),
                    (.person, person, ["name": .string(person), "aliases": []]),
                    (.money, "\(currency) \(amount) million", ["amount": .number(amount * 1_000_000), "currency": .string(currency)]),
                    (.organization, organizationText, ["name": .string(organization.0), "aliases": [.string(organization.1)]]),
                    (.quantity, "\(people) people", ["value": .number(Double(people)), "unit": "people", "approximate": false]),
                    (.place, place.0, ["name": .string(place.0), "type": .string(place.1), "country": .string(place.2)]),
                ])
            if index % 7 == 3 { record["title"] = nil }
            return record
        }
    }
}
