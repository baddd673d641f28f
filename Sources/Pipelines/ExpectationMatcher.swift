public import GleanerCore
import Foundation

/// The result of one check of a pipeline test.
public struct CheckResult: Sendable, Hashable {
    /// Whether the check held.
    public var passed: Bool
    /// What was checked, or what went wrong, with the file position of the expectation.
    public var message: String
    /// Where the expectation is written.
    public var location: SourceLocation

    /// Creates a result.
    public init(passed: Bool, message: String, location: SourceLocation) {
        self.passed = passed
        self.message = message
        self.location = location
    }
}

/// Checks a test's expectations against the records a pipeline produced.
public enum ExpectationMatcher {
    /// One result per check of `test`, in the order they are written.
    public static func check(_ test: PipelineTest, records: [JSONObject]) -> [CheckResult] {
        var results: [CheckResult] = []
        if let expected = test.records {
            results.append(CheckResult(
                passed: records.count == expected,
                message: records.count == expected
                    ? "\(expected) record\(expected == 1 ? "" : "s")"
                    : "expected \(expected) record\(expected == 1 ? "" : "s"), found \(records.count)",
                location: test.location))
        }
        for field in test.fields {
            let failing = records.first { record in !contains(record[field.field] ?? .null, field.value) }
            let passed = !records.isEmpty && failing == nil
            let found = records.isEmpty ? "no records" : (failing?[field.field]).map(JSONCodec.string) ?? "nothing"
            results.append(CheckResult(
                passed: passed,
                message: passed ? "\(field.field) is \(JSONCodec.string(field.value))"
                    : "\(field.field): expected \(JSONCodec.string(field.value)), found \(found)",
                location: field.location))
        }
        let mentions = records.flatMap { record in record["mentions"]?.arrayValue ?? [] }.compactMap(\.objectValue)
        for expectation in test.expect {
            let found = mentions.contains { matches($0, expectation, wholeText: false) }
            results.append(CheckResult(
                passed: found,
                message: found ? "found \(expectation.description)"
                    : "no mention matches \(expectation.description)" + nearMiss(expectation, in: mentions),
                location: expectation.location))
        }
        for expectation in test.expectNot {
            let match = mentions.first { matches($0, expectation, wholeText: true) }
            results.append(CheckResult(
                passed: match == nil,
                message: match == nil ? "no \(expectation.description)"
                    : "unexpected mention \(JSONCodec.string(.object(match!)))",
                location: expectation.location))
        }
        return results
    }

    /// Whether a mention (`{kind, text, value, ...}`) fits an expectation; the same rules as
    /// the acceptance checker (`check-seeds`).
    /// - Parameter wholeText: compare `text` whole (for `expect_not`) rather than as a substring.
    public static func matches(_ mention: JSONObject, _ expectation: MentionExpectation, wholeText: Bool) -> Bool {
        if let kind = expectation.kind, mention["kind"]?.stringValue != kind { return false }
        if let text = expectation.text {
            guard let actual = mention["text"]?.stringValue else { return false }
            let (got, want) = (folded(actual), folded(text))
            if wholeText ? got != want : !got.contains(want) { return false }
        }
        let value = mention["value"] ?? .null
        for (key, expected) in expectation.value where !valueField(key, of: value, matches: expected) {
            return false
        }
        return true
    }

    /// Compares one field of a normalised value; `name` also matches an alias (ignoring case),
    /// `date` is a prefix of the date or of a range's `from`, and `value` is the whole value
    /// when it is not an object (emails, urls).
    static func valueField(_ key: String, of value: JSONValue, matches expected: JSONValue) -> Bool {
        guard case .object(let object) = value else {
            return key == "value" && contains(value, expected)
        }
        switch key {
        case "name":
            guard let want = expected.stringValue.map(folded) else { return false }
            let names = [object["name"]] + (object["aliases"]?.arrayValue ?? []).map { Optional($0) }
            return names.contains { $0?.stringValue.map(folded) == want }
        case "date":
            // A day is within its month: `date: 2023-02` accepts 2023-02-14; a range counts by its start.
            guard let want = expected.stringValue,
                  let got = (object["date"] ?? object["from"])?.stringValue else { return false }
            return got.hasPrefix(want)
        default:
            return object[key].map { contains($0, expected) } ?? false
        }
    }

    /// Text compared the way a reader would: NFKC, case-folded, runs of white space as one space.
    static func folded(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `actual` holds `expected`: equal scalars (numbers by value), objects with at
    /// least the expected members, arrays with at least the expected items.
    public static func contains(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.number(let a), .number(let e)):
            return abs(a - e) <= max(1e-9, abs(e) * 1e-9)
        case (.string(let a), .number(let e)):
            return Double(a).map { abs($0 - e) <= max(1e-9, abs(e) * 1e-9) } ?? false
        case (.object(let a), .object(let e)):
            return e.allSatisfy { key, value in a[key].map { contains($0, value) } ?? false }
        case (.array(let a), .array(let e)):
            return e.allSatisfy { item in a.contains { contains($0, item) } }
        default:
            return actual == expected
        }
    }

    /// ` (closest: ...)` naming a mention of the same kind and text, to show what differed.
    static func nearMiss(_ expectation: MentionExpectation, in mentions: [JSONObject]) -> String {
        guard let text = expectation.text else { return "" }
        let candidate = mentions.first { mention in
            (expectation.kind == nil || mention["kind"]?.stringValue == expectation.kind)
                && (mention["text"]?.stringValue?.contains(text) ?? false)
        }
        return candidate.map { "; closest: " + JSONCodec.string(.object($0)) } ?? ""
    }
}
