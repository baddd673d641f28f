public import GleanerCore

/// One check in a pipeline's `tests:` list.
///
/// ```yaml
/// tests:
///   - name: money is normalised
///     input: seeds/000_1b62458d474aedcb.txt
///     until: normalize            # optional; default: every stage before the first report
///     records: 1                  # optional: how many records come out
///     fields: { title: "Headline" }   # optional: record fields equal to these values
///     expect:
///       - { kind: money, text: "2.5 million dollars", amount: 2500000, currency: USD }
///     expect_not:
///       - { kind: any, text: "Leave a Reply" }
/// ```
public struct PipelineTest: Sendable, Hashable {
    /// What the test checks, shown in the results.
    public var name: String
    /// The document fed to the pipeline's `fetch` stage in place of its paths; an `.ndjson`
    /// file is fed as records on stdin instead, and `fetch` is left out.
    public var input: String
    /// The last stage to run; by default every stage before the first `report`.
    public var until: String?
    /// How many records must come out, when set.
    public var records: Int?
    /// Fields that every record coming out must have, with these values.
    public var fields: [FieldExpectation]
    /// Mentions that must be found.
    public var expect: [MentionExpectation]
    /// Mentions that must not be found.
    public var expectNot: [MentionExpectation]
    /// Where the test is written.
    public var location: SourceLocation
    /// Where its `records:` value is written, for `gleaner test --update`.
    public var recordsLocation: SourceLocation?
    /// Where its `expect:` list is written, for `gleaner test --update`.
    public var expectLocation: SourceLocation?

    /// Creates a test.
    public init(
        name: String, input: String, until: String? = nil, records: Int? = nil, fields: [FieldExpectation] = [],
        expect: [MentionExpectation] = [], expectNot: [MentionExpectation] = [],
        location: SourceLocation = .init(line: 0, column: 0)
    ) {
        self.name = name
        self.input = input
        self.until = until
        self.records = records
        self.fields = fields
        self.expect = expect
        self.expectNot = expectNot
        self.location = location
    }

    /// How many checks the test makes: one per expectation.
    public var checkCount: Int { (records == nil ? 0 : 1) + fields.count + expect.count + expectNot.count }
}

/// A record field that must equal a value (`fields: {title: "..."}`).
public struct FieldExpectation: Sendable, Hashable {
    /// The record field.
    public var field: String
    /// The value it must have; for an array field, the values it must contain.
    public var value: JSONValue
    /// Where it is written.
    public var location: SourceLocation

    /// Creates the expectation.
    public init(field: String, value: JSONValue, location: SourceLocation = .init(line: 0, column: 0)) {
        self.field = field
        self.value = value
        self.location = location
    }
}

/// A description of a mention: its kind, some of its text and some of its value.
public struct MentionExpectation: Sendable, Hashable {
    /// The mention kind, or nil for any kind (`kind: any`).
    public var kind: String?
    /// In `expect`, contained in the mention text; in `expect_not`, the whole mention text.
    public var text: String?
    /// Fields of the mention's normalised `value`; `name` also matches one of its `aliases`.
    public var value: [(key: String, value: JSONValue)]
    /// Where it is written.
    public var location: SourceLocation

    /// Creates the expectation.
    public init(
        kind: String? = nil, text: String? = nil, value: [(key: String, value: JSONValue)] = [],
        location: SourceLocation = .init(line: 0, column: 0)
    ) {
        self.kind = kind
        self.text = text
        self.value = value
        self.location = location
    }

    public static func == (lhs: MentionExpectation, rhs: MentionExpectation) -> Bool {
        lhs.kind == rhs.kind && lhs.text == rhs.text && lhs.location == rhs.location
            && lhs.value.map(\.key) == rhs.value.map(\.key) && lhs.value.map(\.value) == rhs.value.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(text)
        hasher.combine(location)
        for (key, value) in self.value {
            hasher.combine(key)
            hasher.combine(value)
        }
    }

    /// A compact rendering for failure messages: `{kind: money, text: "2.5 million", amount: 2500000}`.
    public var description: String {
        var parts: [String] = []
        parts.append("kind: \(kind ?? "any")")
        if let text { parts.append("text: \(JSONCodec.string(.string(text)))") }
        for (key, value) in value { parts.append("\(key): \(JSONCodec.string(value))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
