import Extraction
import GleanerCore
import Normalization
import Testing

/// Date arithmetic, weeks and numeric forms resolved against the article's date (issue 10).
@Suite("Dates resolved on unfamiliar text")
struct GeneralDateTests {
    func resolved(_ text: String, on day: String = "2023-12-07") throws -> JSONValue {
        let expression = try #require(DateRecognizer.parse(text), "\(text) does not parse")
        return DateResolver(reference: CivilDate(iso: day)).resolve(expression).json
    }

    @Test func arithmetic() throws {
        #expect(try resolved("three days from today") == ["date": "2023-12-10", "grain": "day"])
        #expect(try resolved("two days after today") == ["date": "2023-12-09", "grain": "day"])
        #expect(try resolved("in three weeks") == ["date": "2023-12-28", "grain": "day"])
        #expect(try resolved("two weeks from Monday") == ["date": "2023-12-18", "grain": "day"])
        #expect(try resolved("four months ago") == ["date": "2023-08", "grain": "month"])
        #expect(try resolved("a year earlier") == ["date": "2022", "grain": "year"])
    }

    @Test func weeks() throws {
        #expect(try resolved("the week of June 3rd", on: "2024-05-20") == ["from": "2024-06-03", "to": "2024-06-09", "grain": "day"])
        #expect(try resolved("the first week of May", on: "2024-04-01") == ["from": "2024-05-01", "to": "2024-05-07", "grain": "day"])
        #expect(try resolved("week 12", on: "2024-01-10") == ["from": "2024-03-18", "to": "2024-03-24", "grain": "day"])
        #expect(try resolved("week 1 of 2021") == ["from": "2021-01-04", "to": "2021-01-10", "grain": "day"])
        #expect(try resolved("next week Wed") == ["date": "2023-12-13", "grain": "day"])
        #expect(try resolved("Tuesday last week") == ["date": "2023-11-28", "grain": "day"])
        #expect(try resolved("earlier this week") == ["from": "2023-12-04", "to": "2023-12-10", "grain": "day"])
        // "this Monday" on a Friday is the coming Monday.
        #expect(try resolved("this Monday", on: "2024-07-05") == ["date": "2024-07-08", "grain": "day"])
    }

    @Test func numericFormsAndWords() throws {
        #expect(try resolved("Nov/5") == ["date": "2023-11-05", "grain": "day"])
        #expect(try resolved("Jul-8", on: "2024-07-05") == ["date": "2024-07-08", "grain": "day"])
        #expect(try resolved("17/06") == ["date": "2023-06-17", "grain": "day"])
        #expect(try resolved("2018-7") == ["date": "2018-07", "grain": "month"])
        #expect(try resolved("2010~2012") == ["from": "2010", "to": "2012", "grain": "year"])
        #expect(try resolved("Mar-Apr 2018") == ["from": "2018-03", "to": "2018-04", "grain": "month"])
        #expect(try resolved("from June to February") == ["from": "2023-06", "to": "2024-02", "grain": "month"])
        #expect(try resolved("March 3, 2019 - 04/15/2019") == ["from": "2019-03-03", "to": "2019-04-15", "grain": "day"])
        #expect(try resolved("the third of Sept") == ["date": "2023-09-03", "grain": "day"])
        #expect(try resolved("June twenty one") == ["date": "2023-06-21", "grain": "day"])
        #expect(try resolved("January nineteen ninety-seven") == ["date": "1997-01", "grain": "month"])
        #expect(try resolved("the year two thousand") == ["date": "2000", "grain": "year"])
        #expect(try resolved("mid-2020") == ["date": "2020", "grain": "year"])
    }

    @Test func quantitiesCarryTheirSIValue() throws {
        let quantity = try #require(try value("The runners covered 12 km before noon.", .quantity)?.objectValue)
        #expect(quantity["dimension"] == "length")
        #expect(quantity["si"] == ["value": 12000, "unit": "m"])
    }
}

@Suite("Everyday dates resolved")
struct EverydayDateTests {
    @Test func relativeDays() throws {
        let resolver = DateResolver(reference: CivilDate(iso: "2023-12-07"))
        #expect(resolver.resolve(try #require(DateRecognizer.parse("the day after tomorrow"))).json == ["date": "2023-12-09", "grain": "day"])
        #expect(resolver.resolve(try #require(DateRecognizer.parse("the day before yesterday"))).json == ["date": "2023-12-05", "grain": "day"])
        #expect(resolver.resolve(.dayOfMonth(5)).json == ["date": "2023-12-05", "grain": "day"])
    }
}
