import Extraction
import GleanerCore
import Testing

@Suite("Extract stage")
struct ExtractStageTests {
    @Test func writesSortedMentionsAndKeepsOtherFields() throws {
        let record: JSONObject = ["id": "a", "text": "On 7 December 2023 the fund paid $5 million to 300 families.", "title": "T"]
        let output = try ExtractStage().process(record)
        #expect(output["id"] == "a" && output["title"] == "T")
        let mentions = try output.mentions()
        #expect(mentions.map(\.kind) == [.date, .money, .quantity])
        #expect(mentions.map(\.start) == mentions.map(\.start).sorted())
        #expect(mentions.allSatisfy { $0.value == nil })
    }

    @Test func replacesMentionsOnRerun() throws {
        let once = try ExtractStage().process(["text": "Prices rose 5% in 2009."])
        let twice = try ExtractStage().process(once)
        #expect(once == twice)
    }

    @Test func onlyKeepsTheRequestedKinds() throws {
        let output = try ExtractStage(only: [.percent]).process(["text": "Prices rose 5% in 2009 to $3."])
        #expect(try output.mentions().map(\.kind) == [.percent])
    }

    @Test func parsesKindLists() throws {
        #expect(try KindList.parse("date, money,percents") == [.date, .money, .percent])
        #expect(throws: KindList.UnknownKind.self) { try KindList.parse("date,dates2") }
    }

    @Test func missingTextIsARecordError() {
        #expect(throws: RecordError.missingField("text")) { try ExtractStage().process(["id": "x"]) }
    }

    @Test func nonStringTextIsARecordError() {
        #expect(throws: RecordError.self) { try ExtractStage().process(["text": 42]) }
    }

    @Test func digitsOnlyAndPunctuationOnlyTextGiveNoMentions() throws {
        let digits = String(repeating: "0123456789", count: 2_000_000)  // 20 MB, one run of digits
        #expect(ExtractStage().extract(from: digits).isEmpty)
        let punctuation = String(repeating: "!?.,;:-()[]", count: 100_000)
        #expect(ExtractStage().extract(from: punctuation).isEmpty)
    }

    @Test func spacedDigitsStayLinear() {
        // A pathological text of many short numbers: every one is a candidate, none is a fact.
        let text = String(repeating: "7 ", count: 200_000)
        #expect(ExtractStage().extract(from: text).count < 10)
    }

    @Test func bigTextIsProcessed() {
        let sentence = "On 7 December 2023 the ministry paid $2.5 million for 450 power transformers, up 35% from last year. "
        let text = String(repeating: sentence, count: 20_000)  // about 2 MB
        let mentions = ExtractStage().extract(from: text)
        #expect(mentions.count == 20_000 * 5)
    }

    @Test func sentencesAreCounted() throws {
        let mentions = ExtractStage().extract(from: "Prices rose 5%. Exports fell 3% in 2009.")
        #expect(mentions.map(\.sentence) == [0, 1, 1])
    }
}

@Suite("Offsets")
struct OffsetPropertyTests {
    /// A deterministic generator (64-bit LCG) so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let noise = ["👍🏽", "🇺🇦", "e\u{301}", "Ñ", "東京", "中文字符", "ünïcödé", "—", "…", "«", "»", "\u{200D}", "👨‍👩‍👧", "ǅ", "ﬁ"]
    static let facts = ["$1.6 billion", "December 7, 2023", "35%", "450 power transformers", "press@example.org",
                        "https://example.org/a?b=1", "two years ago", "EUR 26.1 million", "approximately 30,000 Jews"]

    @Test(arguments: 0..<40)
    func offsetsAreExactCodePoints(seed: Int) {
        var generator = Generator(state: UInt64(seed) &+ 99)
        var text = ""
        var planted: [String] = []
        for _ in 0..<30 {
            switch generator.next(3) {
            case 0:
                let fact = Self.facts[generator.next(Self.facts.count)]
                planted.append(fact)
                text += " " + fact + ". "
            case 1:
                text += Self.noise[generator.next(Self.noise.count)]
            default:
                text += " words here "
            }
        }
        let scalars = Array(text.unicodeScalars)
        let mentions = ExtractStage().extract(from: text)
        for mention in mentions {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(view) == mention.text)
        }
        for fact in planted {
            #expect(mentions.contains { $0.text == fact }, "missing \(fact)")
        }
    }
}
