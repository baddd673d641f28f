import Testing
@testable import GleanerCore

@Suite("ISO dates, the one reader")
struct ISODateTests {
    @Test("RFC 3339 needs seconds and a zone, and the whole text")
    func strict() throws {
        let date = try #require(ISODate.read("2024-05-01T12:00:30.5+02:00", rules: .rfc3339))
        #expect(date.time == ISODate.TimeOfDay(hour: 12, minute: 0, second: 30, fraction: 0.5))
        #expect(date.zone?.seconds == 7200)
        #expect(date.spans("2024-05-01T12:00:30.5+02:00"))
        for bad in ["2024-05-01T12:00Z", "2024-05-01T12:00:00", "2024-02-30T00:00:00Z", "2024-05-01T12:00:00+0200"] {
            #expect(ISODate.read(bad, rules: .rfc3339) == nil, "\(bad)")
        }
    }

    @Test("lenient reading keeps the date when the time is malformed, and takes slashes")
    func lenient() throws {
        #expect(ISODate.read("2023/12/07")?.day == 7)
        #expect(ISODate.read("2023-12-07 junk")?.time == nil)
        let spaced = try #require(ISODate.read("2023-12-07 10:30 +0100"))
        #expect(spaced.time?.second == nil)
        #expect(spaced.zone == .offset(sign: 1, hours: 1, minutes: 0))
        #expect(ISODate.read("2023-13-01") == nil)
        #expect(ISODate.read("2023-12-07", rules: .dashes)?.month == 12)
        #expect(ISODate.read("2023/12/07", rules: .dashes) == nil)
    }

    @Test("pad keeps a negative sign in front")
    func pad() {
        #expect(Digits.pad(7) == "07")
        #expect(Digits.pad(-44, 4) == "-0044")
        #expect("\u{A0} hi \n".trimmingWhitespace() == "hi")
    }
}
