import Extraction
import GleanerCore
import Normalization
import Testing

/// Recognises and resolves the entities of `text` with the shipped model and rules.
private func resolved(_ text: String) -> (mentions: [Mention], entities: [JSONValue]) {
    var mentions = EntityRecognizer().recognize(in: AnalyzedText(text))
    let entities = EntityResolver().resolve(mentions: &mentions, text: text)
    return (mentions, entities)
}

@Suite("Entity resolution in context")
struct EntityContextTests {
    @Test("'City, State' resolves inside that state's country")
    func cityCommaState() {
        let paris = resolved("Officials in Paris, Texas, said the water supply was safe.").mentions.first { $0.text == "Paris" }
        #expect(paris?.value?.objectValue?["country"]?.stringValue == "US")
        let france = resolved("Officials in Paris said the water supply was safe.").mentions.first { $0.text == "Paris" }
        #expect(france?.value?.objectValue?["country"]?.stringValue == "FR")
    }

    @Test("three acronyms in one sentence are three organisations, none an alias of another")
    func acronymsStapart() {
        let entities = resolved("The WHO, the UNHCR and the IMF issued a joint appeal on Monday.").entities
        let names = entities.compactMap { $0.objectValue?["name"]?.stringValue }
        #expect(names == ["WHO", "UNHCR", "IMF"])
        #expect(entities.allSatisfy { ($0.objectValue?["aliases"]?.arrayValue ?? []).isEmpty })
    }

    @Test("'Sheikh Hasina' keeps her name, and a later 'Hasina' joins her")
    func sheikhHasina() {
        let entities = resolved("Prime Minister Sheikh Hasina opened the bridge. Hasina said it would help traders.").entities
        let people = entities.filter { $0.objectValue?["kind"]?.stringValue == "person" }
        #expect(people.count == 1)
        #expect(people.first?.objectValue?["name"]?.stringValue == "Sheikh Hasina")
    }

    @Test("a name the text calls another name of someone is an alias; a mere neighbour is not")
    func namedAlias() {
        let said = resolved("The rebel commander Ahmed Karimov, also known as Abu Tariq, was seen in the town.").entities
        let commander = said.first { $0.objectValue?["name"]?.stringValue == "Ahmed Karimov" }
        #expect(commander?.objectValue?["aliases"]?.arrayValue?.compactMap(\.stringValue) == ["Abu Tariq"])
        let apart = resolved("Ahmed Karimov met Abu Tariq in the town.").entities
        #expect(apart.allSatisfy { ($0.objectValue?["aliases"]?.arrayValue ?? []).isEmpty })
    }
}
