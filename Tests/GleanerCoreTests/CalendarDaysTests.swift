import Testing
import GleanerCore

@Suite("Calendar day numbers")
struct CalendarDaysTests {
    @Test("known dates", arguments: [
        (1970, 1, 1, 0), (2000, 3, 1, 11_017), (2023, 12, 7, 19_698), (1969, 12, 31, -1), (2024, 2, 29, 19_782),
    ])
    func known(_ year: Int, _ month: Int, _ day: Int, _ number: Int) {
        #expect(CalendarDays.dayNumber(year: year, month: month, day: day) == number)
        #expect(CalendarDays.date(dayNumber: number) == (year, month, day))
    }

    @Test("round-trips every day of four centuries")
    func roundTrip() {
        for number in stride(from: -200_000, through: 200_000, by: 1) {
            let date = CalendarDays.date(dayNumber: number)
            #expect(CalendarDays.dayNumber(year: date.year, month: date.month, day: date.day) == number)
        }
    }
}
