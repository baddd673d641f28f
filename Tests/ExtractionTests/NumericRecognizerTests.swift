import Extraction
import GleanerCore
import Testing

/// The mentions of `kind` that `extract` finds in `text`, as their texts.
func spans(_ text: String, _ kind: MentionKind) -> [String] {
    ExtractStage().extract(from: text).filter { $0.kind == kind }.map(\.text)
}

@Suite("Money")
struct MoneyRecognizerTests {
    @Test(arguments: [
        ("The value of this shipment is 2.5 million dollars, officials said.", "2.5 million dollars"),
        ("The government allocated 90 million shekels to the camps.", "90 million shekels"),
        ("The Israeli government set aside EUR 26.1 million to build camps.", "EUR 26.1 million"),
        ("It would sell $1.6 billion worth of drones.", "$1.6 billion"),
        ("Revenue reached US$12.3 billion.", "US$12.3 billion"),
        ("The fund is worth €26.1m.", "€26.1m"),
        ("He was fined 200 USD.", "200 USD"),
        ("The ministry allocated NIS 90 million.", "NIS 90 million"),
        ("Repairs would cost $2-3 million.", "$2-3 million"),
        ("They paid two million dollars.", "two million dollars"),
        ("Each ticket cost 50 cents.", "50 cents"),
        ("The budget was 1.9 trillion roubles.", "1.9 trillion roubles"),
        ("Kyiv got 5 billion hryvnias.", "5 billion hryvnias"),
        ("The deal is worth 340 million manats.", "340 million manats"),
        ("A loaf costs ₼1.20 in Baku.", "₼1.20"),
        ("Reliance raised ₹15,000 crore.", "₹15,000 crore"),
        ("The fine was 1.5 million Swiss francs.", "1.5 million Swiss francs"),
        ("The range is $2 billion to $3 billion.", "$2 billion to $3 billion"),
    ])
    func findsAmounts(text: String, expected: String) {
        #expect(spans(text, .money) == [expected])
    }

    @Test(arguments: [
        "He was carrying 20 pounds of cocaine.",
        "The yen weakened past 150 per dollar.",
        "The @username handle was suspended.",
        "Dollars and euros are both accepted.",
    ])
    func ignoresNonAmounts(text: String) {
        #expect(spans(text, .money).isEmpty)
    }

    @Test func parsesValues() throws {
        let range = try #require(MoneyRecognizer.parse("$2-3 million"))
        #expect(range == MoneyParse(amount: 2_000_000, maximum: 3_000_000, currency: "USD"))
        #expect(MoneyRecognizer.parse("EUR 26.1 million")?.amount == 26_100_000)
        #expect(MoneyRecognizer.parse("NIS 90 million")?.currency == "ILS")
        #expect(MoneyRecognizer.parse("50 cents")?.amount == 0.5)
        #expect(MoneyRecognizer.parse("Rs 2.4 lakh crore")?.amount == 2.4e12)
    }
}

@Suite("Percents")
struct PercentRecognizerTests {
    @Test(arguments: [
        ("Shares fell 3.2% in early trading.", "3.2%"),
        ("Inflation slowed to 3.1 percent.", "3.1 percent"),
        ("Unemployment hit 5.2 per cent.", "5.2 per cent"),
        ("Stocks dropped -2.5% on Friday.", "-2.5%"),
        ("Between 5-7% of the budget goes to health.", "5-7%"),
        ("Only five percent were accepted.", "five percent"),
        ("The bank raised rates by 50 basis points.", "50 basis points"),
        ("Support fell 0.4 percentage points.", "0.4 percentage points"),
    ])
    func findsPercents(text: String, expected: String) {
        #expect(spans(text, .percent) == [expected])
    }

    @Test func pointsAreNotFractions() throws {
        let points = try #require(PercentRecognizer.parse("3.5 percentage points"))
        #expect(points.isPoints && points.value == 3.5)
        let percent = try #require(PercentRecognizer.parse("35 per cent"))
        #expect(!percent.isPoints && percent.value == 0.35)
        #expect(PercentRecognizer.parse("25 basis points")?.value == 0.25)
    }
}

@Suite("Quantities")
struct QuantityRecognizerTests {
    @Test(arguments: [
        ("The shipment includes 450 power transformers, 500 generators and 150 mobile water purifiers.",
         ["450 power transformers", "500 generators", "150 mobile water purifiers"]),
        ("A total of 40,000 citizens repatriated, 24,000 of them from Russia.", ["40,000 citizens", "24,000"]),
        ("Azerbaijan is the homeland of approximately 30,000 Jews, who live in Baku.", ["approximately 30,000 Jews"]),
        ("Tens of thousands of people marched.", ["Tens of thousands of people"]),
        ("The village has a dozen houses left.", ["a dozen houses"]),
        ("More than 1,200 soldiers were killed.", ["More than 1,200 soldiers"]),
        ("The convoy travelled 1,500 km.", ["1,500 km"]),
        ("The vessel, carrying 42 crew members, sank.", ["42 crew members"]),
        ("The 2,009 people on board were evacuated.", ["2,009 people"]),
    ])
    func findsQuantities(text: String, expected: [String]) {
        #expect(spans(text, .quantity) == expected)
    }

    @Test(arguments: [
        "Traffic on Route 66 was halted.",
        "The 747 landed safely.",
        "The Airbus A320 fleet was grounded.",
        "A 45-year-old man was arrested.",
        "The meeting starts at 10:30.",
        "He scored his 100th goal.",
        "One in five adults smokes.",
        "Officials said 8 out of 10 households lacked heating.",
    ])
    func ignoresIdentifiersAndRatios(text: String) {
        #expect(spans(text, .quantity).isEmpty)
    }

    @Test func neverInsideMoneyDatesOrPercents() {
        let mentions = ExtractStage().extract(from: "They paid 2.5 million dollars two years ago, 35 percent more.")
        #expect(mentions.map(\.kind) == [.money, .date, .percent])
    }

    @Test func hedgesGiveApproximationAndBounds() throws {
        let about = try #require(QuantityRecognizer.parse("approximately 30,000 Jews"))
        #expect(about.value == 30_000 && about.approximate && about.unit == "Jews")
        let atLeast = try #require(QuantityRecognizer.parse("at least 30 people"))
        #expect(atLeast.bound == .min && !atLeast.approximate)
        let upTo = try #require(QuantityRecognizer.parse("up to 500 workers"))
        #expect(upTo.bound == .max)
        let vague = try #require(QuantityRecognizer.parse("tens of thousands of Jews"))
        #expect(vague.value == 10_000 && vague.approximate)
    }
}

@Suite("Dates")
struct DateRecognizerTests {
    @Test(arguments: [
        ("December 7, 2023", "December 7, 2023"),
        ("The treaty was signed on 7 Dec. 1991 in Minsk.", "7 Dec. 1991"),
        ("The filing is dated 2023-11-30.", "2023-11-30"),
        ("The document is dated 12/07/2023.", "12/07/2023"),
        ("The summit took place in January 2019 in Davos.", "January 2019"),
        ("Prices have doubled since the 1990s.", "1990s"),
        ("In 2009, the firm moved.", "2009"),
        ("since February this year a total of 40,000 citizens", "February this year"),
        ("since February of this year", "February of this year"),
        ("The minister resigned yesterday.", "yesterday"),
        ("The plant was closed last week.", "last week"),
        ("The factory opened two years ago.", "two years ago"),
        ("Earlier this month, the court ruled.", "Earlier this month"),
        ("The court will rule on Thursday.", "Thursday"),
        ("The agreement covers the period from 2019 to 2021.", "from 2019 to 2021"),
        ("Flights are suspended between March and May.", "between March and May"),
        ("The festival runs December 15-17, 2023.", "December 15-17, 2023"),
        ("GDP fell in the third quarter of 2023.", "the third quarter of 2023"),
        ("The museum reopened in mid-2022.", "mid-2022"),
        ("The fiscal year 2022-23 closed.", "2022-23"),
    ])
    func findsDates(text: String, expected: String) {
        #expect(spans(text, .date) == [expected])
    }

    @Test(arguments: [
        "The 2,009 people on board were evacuated.",
        "Traffic on Route 66 was halted.",
        "The airline ordered Boeing 747 jets.",
        "May is a good month to visit.",
        "Theresa May resigned.",
        "Protesters march on the capital every week.",
        "Windows 2000 reached end of life.",
        "Resolution 2334 was adopted.",
        "The census counted 2012 residents.",
        "Black Friday sales rose.",
    ])
    func ignoresNonDates(text: String) {
        #expect(spans(text, .date).isEmpty)
    }

    @Test func parsesExpressions() {
        #expect(DateRecognizer.parse("February this year") == .monthOfYear(2, yearOffset: 0))
        #expect(DateRecognizer.parse("December 7, 2023") == .calendar(year: 2023, month: 12, day: 7))
        #expect(DateRecognizer.parse("last Friday") == .weekday(5, offset: -1))
        #expect(DateRecognizer.parse("1990s") == .decade(1990))
        #expect(DateRecognizer.parse("12/07/2023") == .numeric(first: 12, second: 7, year: 2023))
    }
}

@Suite("Emails and URLs")
struct ContactRecognizerTests {
    @Test(arguments: [
        ("Send your CV to redaktion@caucasuswatch.de.", "redaktion@caucasuswatch.de"),
        ("Questions: i.dostalik@caucasuswatch.de", "i.dostalik@caucasuswatch.de"),
        ("Reach the reporter at jdoe [at] example [dot] com.", "jdoe [at] example [dot] com"),
    ])
    func findsEmails(text: String, expected: String) {
        #expect(spans(text, .email) == [expected])
    }

    @Test(arguments: [
        ("Visit https://www.un.org/en/.", "https://www.un.org/en/"),
        ("See https://en.wikipedia.org/wiki/Baku_(city), for background.", "https://en.wikipedia.org/wiki/Baku_(city)"),
        ("Read it (https://example.gov/statement.pdf).", "https://example.gov/statement.pdf"),
        ("Donate via www.redcross.org.uk.", "www.redcross.org.uk"),
        ("The petition at change.org/p/stop has support.", "change.org/p/stop"),
    ])
    func findsURLsWithoutTrailingPunctuation(text: String, expected: String) {
        #expect(spans(text, .url) == [expected])
    }

    @Test func normalises() {
        #expect(EmailRecognizer.normalize("Info@Example.ORG") == "info@example.org")
        #expect(EmailRecognizer.normalize("jdoe [at] example [dot] com") == "jdoe@example.com")
        #expect(URLRecognizer.normalize("HTTP://Example.COM/Path") == "http://example.com/Path")
        #expect(URLRecognizer.normalize("www.example.org") == "http://www.example.org")
    }
}
