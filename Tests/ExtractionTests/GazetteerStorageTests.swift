@testable import Extraction
import Testing

/// The gazetteer is mapped from a compiled resource and its names are read one
/// bucket at a time; these tests hold it to the answers of a dictionary built
/// from every name up front, on the shipped lists.
@Suite("Gazetteer storage")
struct GazetteerStorageTests {
    let gazetteer = Gazetteer.shared

    /// Every name and alias of every place, with the place's index.
    var names: [(name: String, index: Int)] {
        gazetteer.places.enumerated().flatMap { index, place in ([place.name] + place.aliases).map { ($0, index) } }
    }

    @Test("the compiled resource holds every list")
    func shipped() {
        #expect(gazetteer.places.count > 30_000)
        #expect(gazetteer.givenNames.count > 5_000)
        #expect(gazetteer.surnames.count > 20_000)
        #expect(gazetteer.englishWords.count > 50_000)
        #expect(gazetteer.country("UA")?.name == "Ukraine")
        #expect(gazetteer.country("XX") == nil)
    }

    @Test("every shipped name finds its place by name")
    func everyNameFound() {
        var missing: [String] = []
        for (name, index) in names where gazetteer.trie.places(key: Gazetteer.key(name))?.contains(index) != true {
            missing.append(name)
        }
        #expect(missing.isEmpty, "names in no bucket: \(missing.prefix(20))")
    }

    @Test("matches in running text equal those of a dictionary of every name")
    func sameAsFullDictionary() {
        var full = PhraseTrie()
        for (name, index) in names { full.insert(name, value: index) }
        // Every 40th name in a sentence, lower-cased now and then, so partial and case-failing matches occur too.
        let sample = names.enumerated().filter { $0.offset % 40 == 0 }.map { offset, entry in
            offset % 120 == 0 ? "near \(entry.name.lowercased()) today" : "in \(entry.name) and the \(entry.name) River"
        }
        let text = AnalyzedText(sample.joined(separator: ". "))
        let tokens = EntityTokenizer.tokens(text)
        var differences: [String] = []
        for start in tokens.indices {
            let expected = full.longestMatch(tokens, from: start, text: text)
            let found = gazetteer.trie.longestMatch(tokens, from: start, text: text)
            if expected?.end != found?.end || expected?.values != found?.values {
                differences.append(tokens[start].lower)
            }
        }
        #expect(tokens.count > 5_000)
        #expect(differences.isEmpty, "tokens matched differently: \(differences.prefix(20))")
    }

    @Test("a gazetteer built from text answers like the shipped one")
    func fromText() {
        let small = Gazetteer(
            placesTSV: "country\tGeorgia\tGE\tGEO\t3700000\t\tSakartvelo\tAS:RU,TR\nregion\tGeorgia\tUS\t\t10000000\t\t\t\n",
            givenNames: "Maria\n", surnames: "Lopez\n")
        #expect(small.places(named: "the Georgia").map(\.country) == ["GE", "US"])
        #expect(small.places(named: "Sakartvelo").first?.neighbours == ["RU", "TR"])
        #expect(small.isGivenName("MARIA") && small.surnames.contains("lopez"))
        #expect(small.places(named: "Tbilisi").isEmpty)
    }
}
