@testable import Extraction
import Foundation
import Testing

/// Places are read from their TSV lines in the mapped resource on every look-up; these tests hold
/// the byte readers to a plain split of the shipped `places.tsv`, line by line.
@Suite("Place table")
struct PlaceTableTests {
    /// The shipped TSV lines the compiler keeps, in order (``GazetteerTables/compile``'s filter).
    static let shippedLines: [[String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/Extraction/Resources/places.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 7 && PlaceType(rawValue: $0[0]) != nil }
    }()

    /// The record a line gives, read with `split` as the format says.
    static func expected(_ fields: [String]) -> PlaceRecord {
        let context = fields.count > 7 ? fields[7].split(separator: ":", omittingEmptySubsequences: false) : []
        return PlaceRecord(
            name: fields[1], type: PlaceType(rawValue: fields[0])!, country: fields[2], alpha3: fields[3],
            population: Int(fields[4]) ?? 0, isCapital: fields[5].contains("c"), isWord: fields[5].contains("w"),
            isPersonalName: fields[5].contains("p"), aliases: fields[6].split(separator: "|").map(String.init),
            continent: context.first.map(String.init) ?? "",
            neighbours: context.count > 1 ? context[1].split(separator: ",").map(String.init) : [])
    }

    @Test("every shipped place reads back as its TSV line says, summary included")
    func everyPlace() {
        let places = Gazetteer.shared.places
        #expect(places.count == Self.shippedLines.count)
        var wrong: [String] = []
        for (index, fields) in Self.shippedLines.enumerated() where index < places.count {
            let record = places[index]
            let expected = Self.expected(fields)
            let summary = places.summary(index)
            if record != expected || summary.type != expected.type || summary.population != expected.population
                || summary.isCapital != expected.isCapital || summary.isWord != expected.isWord
                || summary.isPersonalName != expected.isPersonalName
            {
                wrong.append(fields.joined(separator: "\t"))
            }
        }
        #expect(wrong.isEmpty, "misread: \(wrong.prefix(5))")
    }

    @Test("a population reads as Int(_:) reads it", arguments: ["", "0", "105845", "+7", "-3", "12a", "-", "99999999999999999999"])
    func population(_ text: String) {
        let parsed = Array(text.utf8).withUnsafeBytes { PlaceSummary.integer($0) }
        #expect(parsed == Int(text))
    }
}

extension PlaceTableTests {
    @Test("a country's alpha-3 reads as its record's")
    func alpha3() {
        let gazetteer = Gazetteer.shared
        #expect(gazetteer.alpha3(ofCountry: "UA") == "UKR")
        #expect(gazetteer.alpha3(ofCountry: "XX") == nil)
        for index in gazetteer.places.indices where gazetteer.places.summary(index).type == .country {
            #expect(gazetteer.places.alpha3(index) == gazetteer.places[index].alpha3)
        }
    }
}
