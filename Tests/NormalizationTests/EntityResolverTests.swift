import Extraction
import Foundation
import GleanerCore
import Normalization
import TestSupport
import Testing

/// Recognises and resolves the entities of `text`.
private func resolve(_ text: String, gazetteer: UserGazetteer? = nil) -> (mentions: [Mention], entities: [JSONValue]) {
    var mentions = EntityRecognizer().recognize(in: AnalyzedText(text))
    let entities = EntityResolver(gazetteer: gazetteer).resolve(mentions: &mentions, text: text)
    return (mentions, entities)
}

private func value(_ mention: Mention, _ key: String) -> String? {
    mention.value?.objectValue?[key]?.stringValue
}

private func aliases(_ mention: Mention) -> [String] {
    mention.value?.objectValue?["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? []
}

@Suite("Entity resolution")
struct EntityResolverTests {
    @Test("places get canonical names and ISO codes")
    func placeValues() {
        let (mentions, _) = resolve("Aid left Odessa for Moldova and Russia.")
        let odesa = mentions.first { $0.text == "Odessa" }
        #expect(odesa.flatMap { value($0, "name") } == "Odesa")
        #expect(odesa.flatMap { value($0, "type") } == "city")
        #expect(odesa.flatMap { value($0, "country") } == "UA")
        #expect(odesa.flatMap { value($0, "country_alpha3") } == "UKR")
        let russia = mentions.first { $0.text == "Russia" }
        #expect(russia.flatMap { value($0, "country") } == "RU")
        #expect(russia.flatMap { value($0, "alpha3") } == "RUS")
    }

    @Test("Georgia is the country beside its neighbours, the US state beside US places")
    func georgia() {
        let caucasus = resolve("Georgia, Armenia and Azerbaijan met in Tbilisi.").mentions.first { $0.text == "Georgia" }
        #expect(caucasus.flatMap { value($0, "type") } == "country")
        #expect(caucasus.flatMap { value($0, "country") } == "GE")
        let southern = resolve("Voters in Atlanta and across Georgia and Texas went to the polls.").mentions.first {
            $0.text == "Georgia"
        }
        #expect(southern.flatMap { value($0, "type") } == "region")
        #expect(southern.flatMap { value($0, "country") } == "US")
    }

    @Test("Washington alone is the US capital")
    func washington() {
        let mention = resolve("Officials in Washington declined to comment.").mentions.first { $0.text == "Washington" }
        #expect(mention.flatMap { value($0, "type") } == "city")
        #expect(mention.flatMap { value($0, "country") } == "US")
    }

    @Test("a surname joins the full name; entities list every mention")
    func personAliases() {
        let (mentions, entities) = resolve("Avigdor Lieberman arrived. Lieberman said the camps were ready.")
        #expect(mentions.map { value($0, "name") } == ["Avigdor Lieberman", "Avigdor Lieberman"])
        #expect(aliases(mentions[0]) == ["Lieberman"])
        #expect(entities.count == 1)
        #expect(entities.first?.objectValue?["mentions"] == [0, 1])
        #expect(entities.first?.objectValue?["kind"] == "person")
    }

    @Test("a parenthesised name and an acronym join the organisation")
    func organizationAliases() {
        let (mentions, entities) = resolve(
            "The Jewish Agency for Israel (Sochnut) runs camps. The North Atlantic Treaty Organization met; NATO said more.")
        let sochnut = mentions.first { $0.text == "Sochnut" }
        #expect(sochnut.flatMap { value($0, "name") } == "Jewish Agency for Israel")
        let nato = mentions.first { $0.text == "NATO" }
        #expect(nato.flatMap { value($0, "name") } == "North Atlantic Treaty Organization")
        #expect(entities.filter { $0.objectValue?["kind"] == "organization" }.count == 2)
    }

    @Test("entities come in order of first mention and are deterministic")
    func determinism() {
        let text = "Baku hosted NATO envoys. Shimon Peres visited Baku and Moscow."
        let first = resolve(text).entities
        #expect(first == resolve(text).entities)
        #expect(first.compactMap { $0.objectValue?["name"]?.stringValue } == ["Baku", "NATO", "Shimon Peres", "Moscow"])
    }

    @Test("a user gazetteer adds names, aliases and kinds")
    func userGazetteer() throws {
        let gazetteer = try UserGazetteer(
            parsing: """
                # my names
                - name: Caucasus Watch
                  kind: organization
                  aliases: [CW, "Caucasus-Watch"]
                - name: Red Settlement
                  kind: place
                  type: city
                  country: AZ
                """)
        let (mentions, _) = resolve("Caucasus Watch reported that the Red Settlement grew. CW said so.", gazetteer: gazetteer)
        let settlement = mentions.first { $0.text == "Red Settlement" }
        #expect(settlement?.kind == .place)
        #expect(settlement.flatMap { value($0, "country") } == "AZ")
        let cw = mentions.first { $0.text == "CW" }
        #expect(cw.flatMap { value($0, "name") } == "Caucasus Watch")
    }

    @Test("gazetteer files: JSON works, bad entries name the line and value")
    func gazetteerErrors() throws {
        let json = try UserGazetteer(parsing: #"[{"name": "Sochnut", "kind": "organisation", "aliases": ["JAFI"]}]"#)
        #expect(json.entries == [UserGazetteer.Entry(name: "Sochnut", kind: .organization, aliases: ["JAFI"])])
        #expect(throws: UserGazetteerError.invalidEntry(source: "g.yaml", line: 1, reason: "unknown kind 'planet' (expected person, organization or place)")) {
            try UserGazetteer(parsing: "- name: Mars\n  kind: planet\n", source: "g.yaml")
        }
        #expect(throws: UserGazetteerError.self) { try UserGazetteer(parsing: "name Mars\n") }
    }

    @Test("gazetteer files are YAML read by Yams: block lists, quotes, flow mappings, an entries key")
    func gazetteerYAML() throws {
        let gazetteer = try UserGazetteer(
            parsing: """
                entries:
                  - name: "Caucasus Watch"   # a comment after a quoted name
                    kind: organisation
                    aliases:
                      - CW
                      - 'Caucasus-Watch'
                  - {name: Tbilisi, kind: place, type: city, country: ge}
                """)
        #expect(gazetteer.entries == [
            UserGazetteer.Entry(name: "Caucasus Watch", kind: .organization, aliases: ["CW", "Caucasus-Watch"]),
            UserGazetteer.Entry(name: "Tbilisi", kind: .place, placeType: "city", country: "GE"),
        ])
        #expect(throws: UserGazetteerError.invalidEntry(source: "g.yaml", line: 3, reason: "unknown kind 'planet' (expected person, organization or place)")) {
            try UserGazetteer(parsing: "- name: Venus\n  kind: place\n- name: Mars\n  kind: planet\n", source: "g.yaml")
        }
        do {
            _ = try UserGazetteer(parsing: "- name: Venus\n  kind: place\n- name: \"Mars\n", source: "g.yaml")
            Issue.record("an unclosed quote was accepted")
        } catch {
            guard case .syntax(let source, let line, let reason) = error else { throw error }
            #expect(source == "g.yaml" && line >= 3 && reason.hasPrefix("not valid YAML"))
        }
    }

    @Test("the seed articles yield every person, organisation and place fact")
    func seedFacts() throws {
        let expected: [String: [String]] = [
            "000_1b62458d474aedcb.txt": [
                "place:Azerbaijan:AZ", "place:Ukraine:UA", "place:Israel:IL", "place:Russia:RU", "place:Moldova:MD",
                "place:Odesa:UA", "place:Baku:AZ", "place:Moscow:RU", "organization:Ministry of Diaspora Affairs",
                "organization:Ministry of Foreign Affairs", "organization:Jewish Agency for Israel", "organization:NATO",
            ],
            "001_550b7ae7a5070b9e.txt": [
                "person:Avigdor Lieberman", "person:Pnina Tamano-Shata", "person:Shimon Peres",
                "organization:Jewish Agency for Israel", "organization:Israel Aerospace Industries",
                "organization:Elbit Systems", "organization:Aeronautics Defense Systems",
                "organization:State Border Service of Azerbaijan", "place:Finland:FI", "place:Poland:PL",
                "place:Romania:RO", "place:Baku:AZ", "place:Azerbaijan:AZ",
            ],
        ]
        for (file, facts) in expected {
            let url = Executables.packageRoot.appendingPathComponent("seeds").appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let found = Set(
                resolve(text).mentions.map { mention in
                    let name = value(mention, "name") ?? mention.text
                    if mention.kind == .place { return "place:\(name):\(value(mention, "country") ?? "")" }
                    return "\(mention.kind.rawValue):\(name)"
                })
            for fact in facts { #expect(found.contains(fact), "\(file): \(fact)") }
        }
    }
}
