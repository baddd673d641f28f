import Extraction
import Foundation
import GleanerCore
import Normalization
import Testing

/// Runs extract then normalize on `text` and returns the mentions with values.
func normalized(_ text: String, published: String? = "2023-12-07", options: NormalizeOptions = NormalizeOptions()) throws -> [Mention] {
    var record: JSONObject = ["text": .string(text)]
    if let published { record["published"] = .string(published) }
    return try NormalizeStage(options: options).process(try ExtractStage().process(record)).mentions()
}

func value(_ text: String, _ kind: MentionKind, published: String? = "2023-12-07", options: NormalizeOptions = NormalizeOptions()) throws -> JSONValue? {
    try normalized(text, published: published, options: options).first { $0.kind == kind }?.value
}

@Suite("Seed facts")
struct SeedFactTests {
    static func seedText(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func firstSeedFacts() throws {
        let mentions = try normalized(try Self.seedText("000_1b62458d474aedcb.txt"))
        func has(_ kind: MentionKind, _ text: String, _ check: (JSONObject) -> Bool) -> Bool {
            mentions.contains { $0.kind == kind && $0.text.contains(text) && ($0.value?.objectValue).map(check) == true }
        }
        #expect(has(.money, "2.5 million dollars") { $0["amount"] == 2_500_000 && $0["currency"] == "USD" })
        #expect(has(.money, "90 million shekels") { $0["amount"] == 90_000_000 && $0["currency"] == "ILS" })
        #expect(has(.quantity, "450 power transformers") { $0["value"] == 450 })
        #expect(has(.quantity, "500 generators") { $0["value"] == 500 })
        #expect(has(.quantity, "150 mobile water purifiers") { $0["value"] == 150 })
        #expect(has(.quantity, "40,000 citizens") { $0["value"] == 40_000 })
        #expect(has(.quantity, "24,000") { $0["value"] == 24_000 })
        #expect(has(.date, "December 7, 2023") { $0["date"] == "2023-12-07" })
        #expect(has(.date, "February this year") { $0["date"] == "2023-02" })
    }

    @Test func secondSeedFacts() throws {
        // The second seed has no published date: relative dates stay unresolved.
        let mentions = try normalized(try Self.seedText("001_550b7ae7a5070b9e.txt"), published: nil)
        func has(_ kind: MentionKind, _ text: String, _ check: (JSONObject) -> Bool) -> Bool {
            mentions.contains { $0.kind == kind && $0.text.contains(text) && ($0.value?.objectValue).map(check) == true }
        }
        #expect(has(.money, "EUR 26.1 million") { $0["amount"] == 26_100_000 && $0["currency"] == "EUR" })
        #expect(has(.money, "$1.6 billion") { $0["amount"] == 1_600_000_000 && $0["currency"] == "USD" })
        #expect(has(.quantity, "40,000 people") { $0["value"] == 40_000 })
        #expect(has(.quantity, "approximately 30,000 Jews") { $0["value"] == 30_000 && $0["approximate"] == true })
        #expect(has(.date, "December 25, 1991") { $0["date"] == "1991-12-25" })
        #expect(has(.date, "April 7, 1992") { $0["date"] == "1992-04-07" })
        #expect(has(.date, "January 2019") { $0["date"] == "2019-01" })
        for year in ["1982", "2009", "2012"] {
            #expect(has(.date, year) { $0["date"] == .string(year) })
        }
        #expect(has(.date, "February of this year") { $0["unresolved"] == "no reference date" })
    }
}

@Suite("Date values")
struct DateValueTests {
    @Test(arguments: [
        ("December 7, 2023", #"{"date":"2023-12-07","grain":"day"}"#),
        ("January 2019", #"{"date":"2019-01","grain":"month"}"#),
        ("in 2009 it began", #"{"date":"2009","grain":"year"}"#),
        ("yesterday", #"{"date":"2023-12-06","grain":"day"}"#),
        ("on Tuesday", #"{"date":"2023-12-05","grain":"day"}"#),
        ("on Thursday", #"{"date":"2023-12-07","grain":"day"}"#),
        ("last Friday", #"{"date":"2023-12-01","grain":"day"}"#),
        ("next Tuesday", #"{"date":"2023-12-12","grain":"day"}"#),
        ("last week", #"{"from":"2023-11-27","to":"2023-12-03","grain":"day"}"#),
        ("next month", #"{"date":"2024-01","grain":"month"}"#),
        ("last year", #"{"date":"2022","grain":"year"}"#),
        ("February this year", #"{"date":"2023-02","grain":"month"}"#),
        ("March last year", #"{"date":"2022-03","grain":"month"}"#),
        ("last March", #"{"date":"2023-03","grain":"month"}"#),
        ("two years ago", #"{"date":"2021","grain":"year"}"#),
        ("three weeks ago", #"{"date":"2023-11-16","grain":"day"}"#),
        ("the 1990s", #"{"from":"1990","to":"1999","grain":"year"}"#),
        ("from 2019 to 2021", #"{"from":"2019","to":"2021","grain":"year"}"#),
        ("between March and May", #"{"from":"2023-03","to":"2023-05","grain":"month"}"#),
        ("December 15-17, 2023", #"{"from":"2023-12-15","to":"2023-12-17","grain":"day"}"#),
        ("the third quarter of 2023", #"{"from":"2023-07","to":"2023-09","grain":"month"}"#),
        ("since February", #"{"date":"2023-02","grain":"month"}"#),
        ("on January 15", #"{"date":"2024-01-15","grain":"day"}"#),
        ("on March 31", #"{"date":"2023-03-31","grain":"day"}"#),
    ])
    func resolvesAgainstPublished(text: String, expected: String) throws {
        let got = try #require(try value(text, .date))
        #expect(JSONCodec.string(got) == expected)
    }

    @Test func usesReferenceDateWithoutPublished() throws {
        let options = NormalizeOptions(referenceDate: CivilDate(iso: "2024-03-01"))
        #expect(try value("It began yesterday.", .date, published: nil, options: options) == ["date": "2024-02-29", "grain": "day"])
        #expect(try value("It began yesterday.", .date, published: nil) == ["unresolved": "no reference date"])
        // A published date wins over the option.
        #expect(try value("It began yesterday.", .date, published: "2023-12-07T10:00:00Z", options: options)
            == ["date": "2023-12-06", "grain": "day"])
    }

    @Test func dateOrderReadsAmbiguousNumericDates() throws {
        #expect(try value("Dated 12/07/2023.", .date) == ["date": "2023-12-07", "grain": "day"])
        let dmy = NormalizeOptions(dateOrder: .dmy)
        #expect(try value("Dated 12/07/2023.", .date, options: dmy) == ["date": "2023-07-12", "grain": "day"])
        // Unambiguous either way.
        #expect(try value("Dated 31/12/2023.", .date) == ["date": "2023-12-31", "grain": "day"])
    }

    @Test func civilDateArithmetic() throws {
        let date = try #require(CivilDate(iso: "2023-12-07"))
        #expect(date.weekday == 4)
        #expect(date.adding(days: 25).description == "2024-01-01")
        #expect(CivilDate(dayNumber: 0).description == "1970-01-01")
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(date.monthStart(adding: -12).monthString == "2022-12")
    }
}

@Suite("Money, percent, quantity values")
struct AmountValueTests {
    @Test func money() throws {
        #expect(try value("It cost EUR 26.1 million.", .money) == ["amount": 26_100_000, "currency": "EUR"])
        #expect(try value("It cost $2-3 million.", .money) == ["amount": 2_000_000, "currency": "USD", "max": 3_000_000])
    }

    @Test func percentAndPoints() throws {
        #expect(try value("Up 35%.", .percent) == ["value": 0.35])
        #expect(try value("Up 3.5 percentage points.", .percent) == ["points": 3.5])
    }

    @Test func quantity() throws {
        #expect(try value("They sent 450 power transformers.", .quantity)
            == ["value": 450, "unit": "power transformers", "approximate": false])
        #expect(try value("More than 1,200 soldiers died.", .quantity)
            == ["value": 1200, "unit": "soldiers", "approximate": false, "bound": "min"])
    }

    @Test func emailAndURLAreStrings() throws {
        #expect(try value("Mail Info@Example.ORG today.", .email) == "info@example.org")
        #expect(try value("See www.example.org/a.", .url) == "http://www.example.org/a")
    }
}

@Suite("Exchange rates")
struct ExchangeRateTests {
    /// A made-up table in the ECB's format (round numbers, not real rates).
    static let csv = """
        Date,USD,JPY,ILS,RUB,
        2023-12-07,1.25,150,4,N/A,
        2023-12-06,1.2,140,4.5,N/A,
        2022-02-23,1.1,130,3.5,90,
        """

    @Test func convertsAtTheLatestEarlierDate() throws {
        let rates = try ExchangeRates(csv: Self.csv)
        let conversion = try #require(rates.convert(1_250_000, from: "USD", to: "EUR", on: CivilDate(iso: "2023-12-09")))
        #expect(conversion.amount == 1_000_000)
        #expect(conversion.rate == 0.8)
        #expect(conversion.rateDate.description == "2023-12-07")
        #expect(rates.convert(100, from: "USD", to: "EUR", on: CivilDate(iso: "2020-01-01")) == nil)
        // RUB has no rate in December 2023 ("N/A"): the last earlier day that has one.
        #expect(rates.convert(100, from: "RUB", to: "EUR", on: CivilDate(iso: "2023-12-07"))?.rateDate.description == "2022-02-23")
    }

    @Test func addsConvertedMoney() throws {
        let options = NormalizeOptions(rates: try ExchangeRates(csv: Self.csv), baseCurrency: "USD")
        let money = try #require(try value("The value is 90 million shekels.", .money, options: options)?.objectValue)
        let converted = try #require(money["converted"]?.objectValue)
        #expect(converted["currency"] == "USD")
        #expect(converted["rate_date"] == "2023-12-07")
        #expect(converted["rate"] == 0.3125)
        #expect(converted["amount"] == .number(28_125_000))
    }

    @Test func rejectsBadFiles() {
        #expect(throws: ExchangeRates.FormatError.self) { try ExchangeRates(csv: "When,USD\n2023-01-01,1.1") }
        #expect(throws: ExchangeRates.FormatError.self) { try ExchangeRates(csv: "Date,USD\n2023-13-01,1.1") }
        #expect(throws: ExchangeRates.FormatError.self) { try ExchangeRates(csv: "Date,USD\n2023-01-01,abc") }
        #expect(throws: ExchangeRates.FormatError.self) { try ExchangeRates(csv: "Date,USD\n2023-01-01,-2") }
    }

    @Test func bundledECBHistoryCoversEveryBusinessDaySince1999() throws {
        let rates = try ExchangeRates.bundledECB()
        let span = try #require(rates.span)
        #expect(span.first.description == "1999-01-04")
        #expect(span.last.year >= 2024)
        // The ECB's reference rates of Thursday 7 December 2023: USD 1.0771, ILS 3.9861 per euro.
        let dollars = try #require(rates.convert(1_077_100, from: "USD", to: "EUR", on: CivilDate(iso: "2023-12-07")))
        #expect(dollars.amount == 1_000_000)
        let shekels = try #require(rates.convert(90_000_000, from: "ILS", to: "EUR", on: CivilDate(iso: "2023-12-07")))
        #expect(shekels.amount == (90_000_000 / 3.9861 * 100).rounded() / 100)
        // Saturday 9 December 2023 takes Friday's rates.
        #expect(rates.convert(1, from: "USD", to: "EUR", on: CivilDate(iso: "2023-12-09"))?.rateDate.description == "2023-12-08")
    }

    @Test func currenciesTheEuroReplacedConvertAtTheirFixedRates() throws {
        let rates = try ExchangeRates.bundledECB()
        let marks = try #require(rates.convert(1_955_830, from: "DEM", to: "EUR", on: CivilDate(iso: "2001-06-01")))
        #expect(marks.amount == 1_000_000)
        // Markka to dollars goes through the euro at that day's dollar rate.
        #expect(rates.convert(5_945_730, from: "FIM", to: "USD", on: CivilDate(iso: "2001-06-01")) != nil)
        // Before Croatia joined (2023), kuna has its own ECB rate; before 1999 there are none.
        #expect(rates.convert(100, from: "HRK", to: "EUR", on: CivilDate(iso: "2010-03-01")) != nil)
        #expect(rates.convert(100, from: "DEM", to: "EUR", on: CivilDate(iso: "1998-06-01")) == nil)
    }
}

@Suite("Normalize stage")
struct NormalizeStageTests {
    struct TaggingEnricher: RecordEnricher {
        var kinds: Set<MentionKind> { [.place] }
        func enrich(mentions: inout [Mention], record: JSONObject, text: String) throws -> JSONObject {
            for index in mentions.indices where mentions[index].kind == .place { mentions[index].value = ["name": "Odesa"] }
            return ["entities": [["name": "Odesa"]]]
        }
    }

    @Test func callsEnrichersAndKeepsFields() throws {
        let record: JSONObject = [
            "id": "x", "text": "Odessa got $5.",
            "mentions": [["kind": "place", "text": "Odessa", "start": 0, "end": 6, "sentence": 0],
                         ["kind": "money", "text": "$5", "start": 11, "end": 13, "sentence": 0]],
        ]
        let output = try NormalizeStage(enrichers: [TaggingEnricher()]).process(record)
        #expect(output["id"] == "x")
        #expect(output["entities"] == [["name": "Odesa"]])
        let mentions = try output.mentions()
        #expect(mentions[0].value == ["name": "Odesa"])
        #expect(mentions[1].value == ["amount": 5, "currency": "USD"])
    }

    @Test func onlyLimitsTheWork() throws {
        let extracted = try ExtractStage().process(["text": "Up 5% to $3 in 2009.", "published": "2023-12-07"])
        let output = try NormalizeStage(options: NormalizeOptions(only: [.percent]), enrichers: [TaggingEnricher()]).process(extracted)
        let mentions = try output.mentions()
        #expect(mentions.filter { $0.value != nil }.map(\.kind) == [.percent])
        #expect(output["entities"] == nil)
    }

    @Test func rerunIsStable() throws {
        let extracted = try ExtractStage().process(["text": "Up 5% to $3 last week.", "published": "2023-12-07"])
        let once = try NormalizeStage().process(extracted)
        #expect(try NormalizeStage().process(once) == once)
    }

    @Test func badMentionsAreRecordErrors() {
        #expect(throws: RecordError.self) { try NormalizeStage().process(["text": "x", "mentions": "nope"]) }
        #expect(throws: RecordError.self) { try NormalizeStage().process(["text": 5, "mentions": []]) }
    }
}
