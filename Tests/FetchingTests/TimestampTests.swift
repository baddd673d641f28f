import Foundation
import Testing
@testable import Fetching

@Suite("Timestamps")
struct TimestampTests {
    @Test("fetched_at is RFC 3339 UTC with whole seconds")
    func formats() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1_700_000_000.75)) == "2023-11-14T22:13:20Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test("parses RFC 3339 with offsets and fractions, rejects other text")
    func parses() {
        #expect(Timestamp.parseRFC3339("2023-11-14T22:13:20Z") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(Timestamp.parseRFC3339("2023-11-15T00:13:20+02:00") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(Timestamp.parseRFC3339("2023-11-14T22:13:20.5Z") == Date(timeIntervalSince1970: 1_700_000_000.5))
        #expect(Timestamp.parseRFC3339("yesterday") == nil)
        #expect(Timestamp.parseRFC3339("2023-13-01T00:00:00Z") == nil)
    }

    @Test("HTTP dates round-trip (Retry-After, If-Modified-Since)")
    func httpDates() {
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(Timestamp.httpDate(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(Timestamp.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(RetryAfter.seconds("120", now: date) == 120)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:50:37 GMT", now: date) == 60)
        #expect(RetryAfter.seconds("soon", now: date) == nil)
    }
}
