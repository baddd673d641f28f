import Extraction
import Testing

@Suite("Entity gazetteer")
struct EntityGazetteerTests {
    @Test("countries carry ISO alpha-2 and alpha-3 under every common name", arguments: [
        ("Russia", "RU", "RUS"), ("Russian Federation", "RU", "RUS"), ("UK", "GB", "GBR"), ("Britain", "GB", "GBR"),
        ("the US", "US", "USA"), ("U.S.", "US", "USA"), ("South Korea", "KR", "KOR"), ("Czech Republic", "CZ", "CZE"),
        ("Moldova", "MD", "MDA"), ("Azerbaijan", "AZ", "AZE"),
    ])
    func countries(name: String, alpha2: String, alpha3: String) {
        let country = Gazetteer.shared.places(named: name).first { $0.type == .country }
        #expect(country?.country == alpha2)
        #expect(country?.alpha3 == alpha3)
    }

    @Test("old spellings resolve to the GeoNames name")
    func cityAliases() {
        #expect(Gazetteer.shared.places(named: "Odessa").first?.name == "Odesa")
        #expect(Gazetteer.shared.places(named: "Kiev").first?.name == "Kyiv")
        #expect(Gazetteer.shared.places(named: "Baku").first?.country == "AZ")
    }

    @Test("Georgia has both readings")
    func georgia() {
        let readings = Gazetteer.shared.places(named: "Georgia").map { "\($0.type.rawValue):\($0.country)" }
        #expect(readings.contains("country:GE"))
        #expect(readings.contains("region:US"))
    }

    @Test("given names come from the lists")
    func givenNames() {
        #expect(Gazetteer.shared.isGivenName("Maria"))
        #expect(Gazetteer.shared.isGivenName("Volodymyr"))
        #expect(!Gazetteer.shared.isGivenName("Ministry"))
    }
}
