/// The record contract, version 1: field names, mention kinds and the small
/// value types stages exchange. See DESIGN.md.
public enum RecordContract {
    /// The contract version this build reads and writes.
    public static let version = 1
}

/// Field names of the record contract.
public enum Field {
    public static let id = "id"
    public static let source = "source"
    public static let finalURL = "final_url"
    public static let fetchedAt = "fetched_at"
    public static let mediaType = "media_type"
    public static let charset = "charset"
    public static let raw = "raw"
    public static let title = "title"
    public static let published = "published"
    public static let byline = "byline"
    public static let section = "section"
    public static let tags = "tags"
    public static let lang = "lang"
    public static let siteName = "site_name"
    public static let url = "url"
    public static let text = "text"
    public static let boilerplate = "boilerplate"
    public static let mentions = "mentions"
    public static let entities = "entities"
}

/// What a mention is.
public enum MentionKind: String, Sendable, CaseIterable, Codable, Comparable {
    case date, money, quantity, percent, email, url, person, organization, place

    public static func < (lhs: MentionKind, rhs: MentionKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One fact found in a record's `text`.
///
/// Offsets are Unicode code points into `text`, half-open, so Python's
/// `text[start:end]` is the mention.
public struct Mention: Sendable, Hashable {
    public var kind: MentionKind
    public var text: String
    public var start: Int
    public var end: Int
    /// Index of the sentence (0-based) the mention starts in.
    public var sentence: Int
    /// Canonical value, set by normalize.
    public var value: JSONValue?

    public init(kind: MentionKind, text: String, start: Int, end: Int, sentence: Int = 0, value: JSONValue? = nil) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.value = value
    }

    /// The mention as a JSON object in contract field order.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(kind.rawValue)), ("text", .string(text)),
            ("start", .number(Double(start))), ("end", .number(Double(end))),
            ("sentence", .number(Double(sentence))),
        ]
        if let value { members.append(("value", value)) }
        return .object(JSONObject(uniqueMembers: members))
    }

    /// The range offsets and sentence indexes must be in (a text of up to 2³¹ code points).
    public static let offsets = 0...Int(Int32.max)

    /// Reads a mention back from a record.
    /// - Throws: ``RecordError`` when a field is missing or of the wrong type.
    public init(json: JSONValue, index: Int) throws(RecordError) {
        let path = "mentions[\(index)]"
        guard let object = json.objectValue else { throw .wrongType(field: path, expected: "an object", found: json) }
        guard let kindName = object["kind"]?.stringValue else { throw .missingField("\(path).kind") }
        guard let kind = MentionKind(rawValue: kindName) else {
            throw .invalidValue(field: "\(path).kind", reason: "unknown kind '\(kindName)'")
        }
        guard let startValue = object["start"], let endValue = object["end"] else {
            throw .missingField("\(path).start/end")
        }
        let start = try startValue.int(in: Mention.offsets, field: "\(path).start")
        let end = try endValue.int(in: Mention.offsets, field: "\(path).end")
        guard start <= end else { throw .invalidValue(field: "\(path).end", reason: "\(end) is before start \(start)") }
        let sentence = try object["sentence"].map { value throws(RecordError) in
            try value.int(in: Mention.offsets, field: "\(path).sentence")
        } ?? 0
        self.init(
            kind: kind, text: object["text"]?.stringValue ?? "", start: start, end: end, sentence: sentence,
            value: object["value"])
    }

    /// Checks that the mention lies inside a text of `length` code points.
    /// - Throws: ``RecordError`` naming the mention when it ends past the text.
    public func checkBounds(length: Int, index: Int) throws(RecordError) {
        guard end <= length else {
            throw .invalidValue(field: "mentions[\(index)].end", reason: "\(end) is past the end of the text (\(length) code points)")
        }
    }
}

/// A piece of the document that clean removed from `text`, kept so nothing is lost silently.
public struct BoilerplateBlock: Sendable, Hashable {
    /// What kind of boilerplate: `comments`, `related`, `cookie`, `recruitment`, `navigation`, `share`, ...
    public var kind: String
    public var text: String

    public init(kind: String, text: String) {
        self.kind = kind
        self.text = text
    }

    public var json: JSONValue { ["kind": .string(kind), "text": .string(text)] }
}

/// A record that breaks the contract.
public enum RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnObject(found: String)
    case missingField(String)
    case wrongType(field: String, expected: String, found: JSONValue)
    case invalidValue(field: String, reason: String)
    case tooLarge(field: String, size: Int, limit: Int)

    public var description: String {
        switch self {
        case .notAnObject(let found): return "not a JSON object (found \(found))"
        case .missingField(let field): return "missing field '\(field)'"
        case .wrongType(let field, let expected, let found):
            return "field '\(field)' should be \(expected) (found \(found.typeDescription))"
        case .invalidValue(let field, let reason): return "field '\(field)': \(reason)"
        case .tooLarge(let field, let size, let limit):
            return "field '\(field)' is \(size) bytes, over the limit of \(limit)"
        }
    }
}

extension JSONObject {
    /// The string in `field`, or an error naming the field.
    /// - Throws: ``RecordError/missingField(_:)`` or ``RecordError/wrongType(field:expected:found:)``.
    public func requiredString(_ field: String) throws(RecordError) -> String {
        guard let value = self[field] else { throw .missingField(field) }
        guard let string = value.stringValue else { throw .wrongType(field: field, expected: "a string", found: value) }
        return string
    }

    /// The string in `field` when present; `nil` when absent or null.
    /// - Throws: ``RecordError/wrongType(field:expected:found:)`` when it is another type.
    public func optionalString(_ field: String) throws(RecordError) -> String? {
        guard let value = self[field], value != .null else { return nil }
        guard let string = value.stringValue else { throw .wrongType(field: field, expected: "a string", found: value) }
        return string
    }

    /// The mentions in the record (empty when absent).
    /// - Throws: ``RecordError`` when `mentions` is not an array of mention objects.
    public func mentions() throws(RecordError) -> [Mention] {
        guard let value = self[Field.mentions], value != .null else { return [] }
        guard let array = value.arrayValue else {
            throw .wrongType(field: Field.mentions, expected: "an array", found: value)
        }
        var result: [Mention] = []
        result.reserveCapacity(array.count)
        for (index, element) in array.enumerated() { result.append(try Mention(json: element, index: index)) }
        return result
    }
}

/// One step of a pipeline: a function from the fields it reads to the fields it writes.
///
/// The record loop (``RecordLoop``, ``FilterLoop``) owns everything else: reading lines,
/// decoding, writing the record back with this stage's fields, errors, dead
/// letters, stats and `--jobs`. Stages are values, so they run in parallel.
public protocol Stage: Sendable {
    /// The stage's name, used in diagnostics and dead letters ("clean").
    var name: String { get }
    /// The fields the stage reads and writes, so the loop decodes only those and splices the
    /// result into the input bytes (every other field passes through as it came); nil: the
    /// stage is given the whole record and its result is written whole.
    var fields: StageFields? { get }
    /// Transforms one record: returns the input record with this stage's fields
    /// set (replacing its own fields on a re-run) and every other field kept.
    /// With ``fields`` declared, `record` holds only those fields.
    /// - Throws: ``RecordError`` (or any error with a readable description) for a record it cannot process.
    func process(_ record: JSONObject) throws -> JSONObject
}

extension Stage {
    /// The whole record (no fast path) unless the stage declares its fields.
    public var fields: StageFields? { nil }
}
