import Extraction
import GleanerCore
import Testing

/// Text nobody wrote for the recognisers (issue 10): case and spacing, historic and colloquial
/// currencies, two-part amounts, changes vs ranges, units, percent wordings, date forms, email/url edges.
@Suite("Numeric kinds on unfamiliar text")
struct GeneralNumericTests {
    @Test(arguments: [
        ("Shares closed at 45 usd on Friday.", ["45 usd"]),
        ("the miner raised c $ 2.8 million in May.", ["c $ 2.8 million"]),
        ("INVESTMENT REACHED US $ 7 BILLION.", ["US $ 7 BILLION"]),
        ("The room cost HK $ 480 a night.", ["HK $ 480"]),
        ("Imports fell to Mxn$ 30 billion.", ["Mxn$ 30 billion"]),
        ("The painting sold for 1.2 million markkaa.", ["1.2 million markkaa"]),
        ("The fine was 2 million Deutsche marks.", ["2 million Deutsche marks"]),
        ("He sold the harvest for 3,45,678.50 rupees.", ["3,45,678.50 rupees"]),
        ("The exchange lost 350 bitcoin.", ["350 bitcoin"]),
        ("He paid 7 dollars 25 cents for lunch.", ["7 dollars 25 cents"]),
        ("The fee is nine dollars and ten cents.", ["nine dollars and ten cents"]),
        ("The council set aside half a million euros.", ["half a million euros"]),
        ("They paid a quarter million pounds.", ["a quarter million pounds"]),
        ("He found a ten-yen coin.", ["ten-yen"]),
        ("Exports rose by $12.5 billion to $310 billion.", ["$12.5 billion", "$310 billion"]),
        ("The range is $2 billion to $3 billion.", ["$2 billion to $3 billion"]),
        ("He held up a $5 bill.", ["$5"]),
    ])
    func money(text: String, expected: [String]) {
        #expect(spans(text, .money) == expected)
    }

    @Test func moneyValues() throws {
        let cases: [(String, Double, String)] = [
            ("c $ 2.8 million", 2_800_000, "CAD"), ("1.2 million markkaa", 1_200_000, "FIM"), ("45 usd", 45, "USD"),
            ("3,45,678.50 rupees", 345_678.5, "INR"), ("7 dollars 25 cents", 7.25, "USD"), ("20 dollars 40", 20.4, "USD"),
            ("three quarters of a billion dollars", 750_000_000, "USD"), ("ten-yen", 10, "JPY"), ("20-cent", 0.2, "USD"),
            ("625,000,000 satoshi", 6.25, "BTC"), ("2,000 lire", 2000, "ITL"), ("A $ 15 million", 15_000_000, "AUD"),
        ]
        for (text, amount, currency) in cases {
            let money = try #require(MoneyRecognizer.parse(text), "\(text)")
            #expect(abs(money.amount - amount) < 1e-6 * max(1, amount), "\(text): \(money.amount)")
            #expect(money.currency == currency, "\(text): \(money.currency)")
        }
    }

    @Test(arguments: [
        ("Only forty percentage of the seats were filled.", "forty percentage", 0.4),
        ("Prices are up fifty percents.", "fifty percents", 0.5),
        ("Growth slowed to minus three percent.", "minus three percent", -0.03),
        ("The tax is 7.5 per cent of income.", "7.5 per cent", 0.075),
    ])
    func percents(text: String, expected: String, fraction: Double) throws {
        #expect(spans(text, .percent) == [expected])
        #expect(try #require(PercentRecognizer.parse(expected)).value == fraction)
    }

    @Test func quantitiesWithUnitsAndRanges() throws {
        #expect(spans("The engine makes 640 horsepower at 6000 rpm.", .quantity) == ["640 horsepower", "6000 rpm"])
        #expect(spans("The truck tops out at 110 km/h.", .quantity) == ["110 km/h"])
        #expect(spans("The route grew from 180 miles to 240 miles.", .quantity) == ["from 180 miles to 240 miles"])
        let range = try #require(QuantityRecognizer.parse("from 180 miles to 240 miles"))
        #expect(range.value == 180 && range.maximum == 240 && range.unit == "miles")
        let vague = try #require(QuantityRecognizer.parse("tens of thousands of people"))
        #expect(vague.value == 10_000 && vague.maximum == 100_000 && vague.approximate)
        let horsepower = try #require(UnitOfMeasure.of("horsepower"))
        #expect(horsepower.dimension == "power" && horsepower.siSymbol == "W")
        #expect(UnitOfMeasure.of("GB")?.factor == 1e9)
        #expect(UnitOfMeasure.of("people") == nil)
    }

    @Test(arguments: [
        ("The exhibition runs March 3, 2019 - 04/15/2019.", "March 3, 2019 - 04/15/2019"),
        ("Sales grew in 2010~2012.", "2010~2012"),
        ("Imports slumped in Mar-Apr 2018.", "Mar-Apr 2018"),
        ("The deal closes three days from today.", "three days from today"),
        ("The vote is in three weeks.", "in three weeks"),
        ("Talks resume the week of June 3rd.", "the week of June 3rd"),
        ("The festival is in the first week of May.", "the first week of May"),
        ("Shipments resume in week 12.", "week 12"),
        ("Let's meet next week Wed to sign.", "next week Wed"),
        ("The payment is due Nov/5.", "Nov/5"),
        ("The offer ends 17/06.", "17/06"),
        ("Figures for 2018-7 were revised.", "2018-7"),
        ("The summit opens on the third of Sept.", "the third of Sept"),
        ("Filing closes June twenty one.", "June twenty one"),
        ("It was built in nineteen ninety-six.", "nineteen ninety-six"),
        ("Sales fell from a year earlier.", "a year earlier"),
        ("REVENUE ROSE IN march 2019.", "march 2019"),
    ])
    func dates(text: String, expected: String) {
        #expect(spans(text, .date) == [expected])
    }

    @Test(arguments: [
        "The fire destroyed 1,000 homes in two days.",
        "Three quarters of the 3/4 of voters agreed.",
        "The shop is open 24/7.",
        "They march 2000 miles.",
    ])
    func notDates(text: String) {
        #expect(spans(text, .date).isEmpty, "\(spans(text, .date))")
    }

    @Test func emailsAndURLs() {
        #expect(spans("Write to admin@[192.168.0.1] for access.", .email) == ["admin@[192.168.0.1]"])
        #expect(spans("Read more at bit.ly/3xYzAb today.", .url) == ["bit.ly/3xYzAb"])
        #expect(spans("Doors open at 9.am sharp.", .url).isEmpty)
        #expect(spans("The form says http://12 and nothing else.", .url).isEmpty)
        #expect(spans("See http://192.168.0.1/status now.", .url) == ["http://192.168.0.1/status"])
    }
}

@Suite("Everyday dates and amounts")
struct EverydayNumericTests {
    @Test(arguments: [
        ("We leave the day after tomorrow.", "the day after tomorrow"),
        ("She arrived the day before yesterday.", "the day before yesterday"),
        ("The rent is due on the 5th.", "the 5th"),
        ("The launch is on March the 3rd.", "March the 3rd"),
    ])
    func dates(text: String, expected: String) {
        #expect(spans(text, .date) == [expected])
    }

    @Test func notDates() {
        #expect(spans("The office is on the 5th floor.", .date).isEmpty)
    }

    @Test func oneDollar() {
        #expect(spans("A coffee costs one dollar here.", .money) == ["one dollar"])
        #expect(spans("One dollars-and-cents question remains.", .money).isEmpty)
    }
}
