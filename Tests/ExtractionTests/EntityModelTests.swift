import Extraction
import Foundation
import GleanerCore
import Testing

/// The entity mentions of `text` as "kind:text", in order, through the full recogniser (model and rules).
private func entities(_ text: String) -> [String] {
    EntityRecognizer().recognize(in: AnalyzedText(text)).map { "\($0.kind.rawValue):\($0.text)" }
}

@Suite("Learned entity model")
struct EntityModelTests {
    @Test("the shipped model loads, is a few MB, and reads back to the same bytes")
    func shippedModelLoads() throws {
        let model = try #require(EntityModel.shipped)
        let bytes = model.serialized()
        #expect(bytes.count < 6_000_000)
        #expect(try EntityModel(data: bytes).serialized() == bytes)
    }

    @Test("a file that is not a model is refused with a reason")
    func badModelFile() {
        #expect(throws: EntityModelError.notAModel) { try EntityModel(data: Data("not a model".utf8)) }
        var truncated = EntityModel.shipped!.serialized()
        truncated.removeLast(10)
        #expect(throws: EntityModelError.self) { try EntityModel(data: truncated) }
    }

    @Test("training is deterministic: the same documents give the same bytes")
    func trainingIsDeterministic() {
        let text = "Maria Olsen joined Nordic Freight in Oslo. Nordic Freight said Olsen starts on Monday."
        let documents = [
            EntityModelTrainer.Document(text: text, spans: [(0, 0, 11), (1, 19, 33), (2, 37, 41), (1, 43, 57), (0, 63, 68)])
        ]
        let trainer = EntityModelTrainer(bucketBits: 10, epochs: 3)
        let first = trainer.train(documents).serialized()
        #expect(first == trainer.train(documents).serialized())
    }

    @Test("the same text gives the same mentions every time")
    func taggingIsDeterministic() {
        let text = "Lena Park, a spokeswoman for Harbor Energy, said the plant near Busan would reopen."
        #expect(entities(text) == entities(text))
    }

    @Test("a two-word city after 'in' is a place, not a person")
    func hongKong() {
        #expect(entities("Crowds gathered in Hong Kong on Saturday to mark the anniversary.") == ["place:Hong Kong"])
    }

    @Test("acronyms in a list stay separate organisations")
    func acronymList() {
        let found = entities("The WHO, the UNHCR and the IMF issued a joint appeal on Monday.")
        #expect(found == ["organization:WHO", "organization:UNHCR", "organization:IMF"])
    }

    @Test("a club named after a city is an organisation when it plays or signs")
    func clubs() {
        let found = entities("Leeds beat Everton 2-0 on Saturday, and Fulham signed a midfielder from Ajax.")
        #expect(found.contains("organization:Leeds"))
        #expect(found.contains("organization:Everton"))
        #expect(found.contains("organization:Fulham"))
        #expect(!found.contains { $0.hasPrefix("place:") })
    }

    @Test("a company without a suffix is an organisation")
    func companyWithoutSuffix() {
        #expect(entities("SoftBank said on Tuesday it would invest $2 billion in robotics.").contains("organization:SoftBank"))
    }

    @Test("a dotted acronym is a place")
    func dottedAcronym() {
        #expect(entities("U.S. officials said the talks would resume in Geneva.") == ["place:U.S.", "place:Geneva"])
    }

    @Test("a headline in capitals and a wire dateline")
    func headlineAndDateline() {
        #expect(entities("FLOODS HIT NORTHERN ITALY AS RIVERS BURST BANKS").contains("place:ITALY"))
        #expect(entities("NAIROBI, Kenya 2025-03-14\nTalks resumed on Friday.").prefix(2) == ["place:NAIROBI", "place:Kenya"])
    }

    @Test("'Sheikh' before a one-word name is part of the name")
    func sheikh() {
        #expect(entities("Prime Minister Sheikh Hasina inaugurated the power plant.").contains("person:Sheikh Hasina"))
    }
}
