public import GleanerCore

/// `gleaner test --update`: rewrites a pipeline file's test entries so each check holds for
/// the records the pipeline now writes, touching only the lines of checks that fail (and an
/// empty `expect: []`, filled with every mention found), so the change reads as a short diff.
/// Comments and everything else in the file stay as written.
///
/// - A failing `records:` gets the count found; a failing `fields:` entry the first record's value.
/// - A failing `expect` item written as a one-line `{...}` gets the values of the mention of
///   its kind whose text is closest; with no such mention it is commented out, saying so.
/// - A failing `expect_not` item is commented out.
public enum ExpectationUpdate {
    /// What an update changed.
    public struct Result: Sendable, Hashable {
        /// The new file text.
        public var text: String
        /// One line per change: `file:line: what changed`.
        public var changes: [String]
        /// Failing checks left as written because their shape cannot be rewritten in place.
        public var skipped: [String] = []
    }

    /// The file with its failing checks rewritten.
    /// - Parameters:
    ///   - yaml: the pipeline file's text.
    ///   - file: its name, for the change lines.
    ///   - outputs: each test with the records its pipeline wrote.
    public static func update(yaml: String, file: String, outputs: [(test: PipelineTest, records: [JSONObject])]) -> Result {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changes: [String] = []
        var skipped: [String] = []
        var insertions: [(after: Int, lines: [String])] = []
        func note(_ line: Int, _ message: String) { changes.append("\(file):\(line): \(message)") }

        for (test, records) in outputs {
            let mentions = records.flatMap { $0["mentions"]?.arrayValue ?? [] }.compactMap(\.objectValue)
            if let expected = test.records, expected != records.count, let location = test.recordsLocation,
                let updated = replacingScalar(in: lines[location.line - 1], at: location.column, with: String(records.count)) {
                lines[location.line - 1] = updated
                note(location.line, "records: \(expected) -> \(records.count)")
            }
            for field in test.fields {
                let actual = records.first?[field.field] ?? .null
                guard !ExpectationMatcher.contains(actual, field.value) else { continue }
                let line = lines[field.location.line - 1]
                guard let colon = valueStart(of: line, keyColumn: field.location.column) else {
                    skipped.append("\(file):\(field.location.line): \(field.field) is not a one-line value; left as written")
                    continue
                }
                lines[field.location.line - 1] = String(line.prefix(colon)) + " " + flow(actual)
                note(field.location.line, "\(field.field): \(flow(field.value)) -> \(flow(actual))")
            }
            for expectation in test.expect where !mentions.contains(where: { ExpectationMatcher.matches($0, expectation, wholeText: false) }) {
                let index = expectation.location.line - 1
                guard let span = flowMapping(in: lines[index], at: expectation.location.column) else {
                    skipped.append("\(file):\(expectation.location.line): not a one-line {...} expectation; left as written")
                    continue
                }
                if let mention = closest(to: expectation, in: mentions) {
                    let rewritten = render(updating: expectation, from: mention)
                    lines[index] = String(lines[index].prefix(span.lowerBound)) + rewritten + String(lines[index].dropFirst(span.upperBound))
                    note(expectation.location.line, "expect \(expectation.description) -> \(rewritten)")
                } else {
                    lines[index] = commentedOut(lines[index], because: "not found")
                    note(expectation.location.line, "expect \(expectation.description) commented out: no such mention")
                }
            }
            for expectation in test.expectNot where mentions.contains(where: { ExpectationMatcher.matches($0, expectation, wholeText: true) }) {
                let index = expectation.location.line - 1
                lines[index] = commentedOut(lines[index], because: "found")
                note(expectation.location.line, "expect_not \(expectation.description) commented out: the mention is found")
            }
            if test.expect.isEmpty, let location = test.expectLocation {
                let index = location.line - 1
                let line = lines[index]
                let column = line.unicodeScalars.prefix(location.column - 1).count
                guard line.dropFirst(column).hasPrefix("[]") else { continue }
                lines[index] = (String(line.prefix(column)).trimmingSuffix(" ") + " " + line.dropFirst(column + 2))
                    .trimmingSuffix(" ")
                let keyIndent = line.prefix { $0 == " " || $0 == "-" }.count
                let items = distinctMentions(mentions).map { String(repeating: " ", count: keyIndent + 2) + "- " + render(new: $0) }
                insertions.append((index, items))
                note(location.line, "expect: \(items.count) mention\(items.count == 1 ? "" : "s") found")
            }
        }
        for insertion in insertions.sorted(by: { $0.after > $1.after }) {
            lines.insert(contentsOf: insertion.lines, at: insertion.after + 1)
        }
        return Result(text: lines.joined(separator: "\n"), changes: changes, skipped: skipped)
    }

    // MARK: - Choosing and writing mentions

    /// The mention of the expectation's kind whose text is closest to the expected text.
    static func closest(to expectation: MentionExpectation, in mentions: [JSONObject]) -> JSONObject? {
        let candidates = mentions.filter { expectation.kind == nil || $0["kind"]?.stringValue == expectation.kind }
        guard let text = expectation.text.map(ExpectationMatcher.folded) else {
            let name = expectation.value.first { $0.key == "name" }?.value.stringValue.map(ExpectationMatcher.folded)
            return candidates.first { mention in
                name.map { mentionValue(mention, "name")?.stringValue.map(ExpectationMatcher.folded)?.contains($0) ?? false } ?? false
            }
        }
        func folded(_ mention: JSONObject) -> String { ExpectationMatcher.folded(mention["text"]?.stringValue ?? "") }
        if let found = candidates.first(where: { folded($0).contains(text) }) { return found }
        if let found = candidates.first(where: { let got = folded($0); return !got.isEmpty && text.contains(got) }) { return found }
        // A figure that changed ("$4 million" now read as "$4.2 million"): the nearest text, if near.
        let scored = candidates.map { (mention: $0, distance: Suggestion.editDistance(Array(text), Array(folded($0)))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= max(2, text.count / 3) else { return nil }
        return best.mention
    }

    /// One mention per kind and text, in the order found.
    static func distinctMentions(_ mentions: [JSONObject]) -> [JSONObject] {
        var seen: Set<String> = []
        return mentions.filter { mention in
            seen.insert((mention["kind"]?.stringValue ?? "") + "\u{0}" + (mention["text"]?.stringValue ?? "")).inserted
        }
    }

    /// The value fields a new expectation names, by kind.
    static let keysByKind: [String: [String]] = [
        "money": ["amount", "currency"], "date": ["date"], "quantity": ["value", "unit"], "percent": ["value"],
        "person": ["name"], "organization": ["name"], "place": ["name", "country"],
    ]

    /// `{ kind: money, text: "…", amount: 1, currency: USD }` for a mention found.
    static func render(new mention: JSONObject) -> String {
        let kind = mention["kind"]?.stringValue ?? "any"
        var parts = ["kind: \(kind)"]
        if let text = mention["text"]?.stringValue { parts.append("text: \(quoted(text))") }
        for key in keysByKind[kind] ?? [] {
            if let value = mentionValue(mention, key), value != .null { parts.append("\(key): \(flow(value))") }
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    /// The expectation with the same keys, holding what the mention has.
    static func render(updating expectation: MentionExpectation, from mention: JSONObject) -> String {
        var parts = ["kind: \(expectation.kind ?? "any")"]
        if expectation.text != nil, let text = mention["text"]?.stringValue { parts.append("text: \(quoted(text))") }
        for (key, _) in expectation.value {
            if let value = mentionValue(mention, key), value != .null { parts.append("\(key): \(flow(value))") }
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    /// A field of a mention's value as expectations name it (`date` is a range's `from`;
    /// `value` is the whole value when it is not an object).
    static func mentionValue(_ mention: JSONObject, _ key: String) -> JSONValue? {
        guard let value = mention["value"] else { return nil }
        guard case .object(let object) = value else { return key == "value" ? value : nil }
        if key == "date" { return object["date"] ?? object["from"] }
        return object[key]
    }

    /// A JSON value in YAML flow style: plain words and numbers bare, other strings quoted.
    static func flow(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .array(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .object(let object): return "{ " + object.members.map { "\($0.key): \(flow($0.value))" }.joined(separator: ", ") + " }"
        default: return JSONCodec.string(value)
        }
    }

    /// A string bare when YAML reads it back as the same string, else JSON-quoted.
    static func quoted(_ text: String) -> String {
        let bare = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || $0 == "-" }
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return bare ? text : JSONCodec.string(.string(text))
    }

    // MARK: - Editing lines

    /// `key: value` with the value replaced; nil when the value at `column` is not a plain scalar.
    static func replacingScalar(in line: String, at column: Int, with value: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard column - 1 < scalars.count else { return nil }
        var end = column - 1
        while end < scalars.count, !" ,}#".unicodeScalars.contains(scalars[end]) { end += 1 }
        return String(String.UnicodeScalarView(scalars[..<(column - 1)])) + value
            + String(String.UnicodeScalarView(scalars[end...]))
    }

    /// The offset just past `key:` for a key written at `keyColumn`, when the value is on the line.
    static func valueStart(of line: String, keyColumn: Int) -> Int? {
        let characters = Array(line)
        var index = keyColumn - 1
        while index < characters.count, characters[index] != ":" { index += 1 }
        guard index < characters.count else { return nil }
        return index + 1
    }

    /// The character range of a `{...}` flow mapping starting at `column`, matched to its brace.
    static func flowMapping(in line: String, at column: Int) -> Range<Int>? {
        let characters = Array(line)
        guard column - 1 < characters.count, characters[column - 1] == "{" else { return nil }
        var depth = 0
        var quote: Character?
        for index in (column - 1)..<characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open, index == 0 || characters[index - 1] != "\\" { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { return (column - 1)..<(index + 1) }
            default: break
            }
        }
        return nil
    }

    /// The line as a comment, at its indentation, saying why.
    static func commentedOut(_ line: String, because reason: String) -> String {
        let indent = line.prefix { $0 == " " }
        return indent + "# \(reason) by gleaner test --update: " + line.dropFirst(indent.count)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ character: Character) -> String {
        var result = self
        while result.last == character { result.removeLast() }
        return result
    }
}
