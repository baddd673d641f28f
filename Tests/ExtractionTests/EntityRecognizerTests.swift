import Extraction
import GleanerCore
import Testing

/// The entity mentions of `text` as (kind, text) pairs, in order.
private func entities(_ text: String, kinds: Set<MentionKind> = [.person, .organization, .place]) -> [String] {
    EntityRecognizer(kinds: kinds).recognize(in: AnalyzedText(text)).map { "\($0.kind.rawValue):\($0.text)" }
}

@Suite("Entity recognition")
struct EntityRecognizerTests {
    @Test("organisations with head words, of/for tails and parenthesised short names")
    func organizations() {
        let found = entities(
            "According to reports from the Jewish Agency for Israel (Sochnut), the Ministry of Diaspora Affairs and the State Border Service of Azerbaijan agreed.")
        #expect(found.contains("organization:Jewish Agency for Israel"))
        #expect(found.contains("organization:Sochnut"))
        #expect(found.contains("organization:Ministry of Diaspora Affairs"))
        #expect(found.contains("organization:State Border Service of Azerbaijan"))
        #expect(found.contains("place:Israel"), "the place an organisation is for is reported, nested")
        #expect(found.contains("place:Azerbaijan"))
    }

    @Test("a place that only modifies an organisation's name is not reported")
    func modifierPlaceInOrganization() {
        #expect(entities("Israel Aerospace Industries sold drones.") == ["organization:Israel Aerospace Industries"])
    }

    @Test("two organisations joined by 'and' stay two")
    func conjoinedOrganizations() {
        let found = entities("Contracts went to Elbit Systems and Israel Aerospace Industries last year.")
        #expect(found == ["organization:Elbit Systems", "organization:Israel Aerospace Industries"])
    }

    @Test("a name defined in parentheses is recognised again later")
    func aliasPropagation() {
        let found = entities("The Jewish Agency for Israel (Sochnut) helped. The first Sochnut school opened in Baku.")
        #expect(found.filter { $0 == "organization:Sochnut" }.count == 2)
    }

    @Test("acronyms: known ones, unknown capitals, not currencies or shouting")
    func acronyms() {
        #expect(entities("Azerbaijan is a NATO partner.").contains("organization:NATO"))
        #expect(entities("The OSCE and the UNHCR sent observers.") == ["organization:OSCE", "organization:UNHCR"])
        #expect(!entities("The deal is worth 200 USD per unit.").contains { $0.hasPrefix("organization") })
        #expect(!entities("The CEO spoke about GDP growth.").contains { $0.hasPrefix("organization") })
    }

    @Test("people after titles, with given names, and in appositions")
    func people() {
        let found = entities(
            "Avigdor Lieberman, the Israeli Minister of Finance, and Pnina Tamano-Shata, the Minister of Aliyah and Integration, spoke. In 2009, Israeli President Shimon Peres visited Baku.")
        #expect(found.contains("person:Avigdor Lieberman"))
        #expect(found.contains("person:Pnina Tamano-Shata"))
        #expect(found.contains("person:Shimon Peres"))
        #expect(!found.contains { $0.hasPrefix("person:Israeli") })
    }

    @Test("a later bare surname is the same person")
    func surnameFollowsFullName() {
        let found = entities("Avigdor Lieberman arrived on Monday. Lieberman said the camps were ready.")
        #expect(found == ["person:Avigdor Lieberman", "person:Lieberman"])
    }

    @Test("honorifics and lower-case role words cue a name", arguments: [
        ("Mr. Aliyev met reporters.", "person:Aliyev"),
        ("Dr Maria Novak leads the study.", "person:Maria Novak"),
        ("said spokesman John Kirby on Tuesday", "person:John Kirby"),
    ])
    func titleCues(text: String, expected: String) {
        #expect(entities(text).contains(expected))
    }

    @Test("countries by their common names and short forms")
    func countries() {
        let found = entities("Talks between Russia, the UK, the US and South Korea resumed in Czechia.")
        #expect(found == ["place:Russia", "place:UK", "place:US", "place:South Korea", "place:Czechia"])
        #expect(entities("Tell us more.").isEmpty, "the pronoun 'us' is not the US")
    }

    @Test("cities by old and new spellings")
    func cities() {
        #expect(entities("Aid was sent to Odessa and Kiev.") == ["place:Odessa", "place:Kiev"])
        #expect(entities("The shipment reached Odesa.") == ["place:Odesa"])
    }

    @Test("Georgia and Jordan are places unless a name says otherwise")
    func ambiguousNames() {
        #expect(entities("Georgia and Armenia signed the deal.") == ["place:Georgia", "place:Armenia"])
        #expect(entities("Jordan closed its border.") == ["place:Jordan"])
        #expect(entities("Michael Jordan said he was retiring.") == ["person:Michael Jordan"])
        #expect(entities("Israel Katz said the talks failed.") == ["person:Israel Katz"])
    }

    @Test("no place from 'the Jewish state', demonyms or common words")
    func negatives() {
        #expect(entities("The administration of the Jewish state has chosen to act.").isEmpty)
        #expect(entities("Israeli and Russian officials met.").isEmpty)
        #expect(entities("Read also: the mobile phone market grew.").isEmpty)
    }

    @Test("hyphenated pairs of countries give two places")
    func hyphenatedPairs() {
        #expect(entities("Azerbaijan-Israel relations improved.") == ["place:Azerbaijan", "place:Israel"])
    }

    @Test("offsets are code points, exact with emoji and accents")
    func offsets() {
        let text = "🇺🇦 Café owners in Kraków 😀 met Olena Zelenska."
        let scalars = Array(text.unicodeScalars)
        for mention in EntityRecognizer().recognize(in: AnalyzedText(text)) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(view) == mention.text)
        }
        #expect(entities(text).contains("place:Kraków"))
    }

    @Test("the kinds filter limits the output")
    func kindsFilter() {
        let text = "Shimon Peres visited NATO headquarters in Brussels."
        #expect(PlaceRecognizer().recognize(in: AnalyzedText(text)).map(\.text) == ["Brussels"])
        #expect(PersonRecognizer().recognize(in: AnalyzedText(text)).map(\.text) == ["Shimon Peres"])
        #expect(OrganizationRecognizer().recognize(in: AnalyzedText(text)).map(\.text) == ["NATO"])
    }
}
