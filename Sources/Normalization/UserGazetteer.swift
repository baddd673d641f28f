import Foundation
public import GleanerCore

/// A user's own names for `normalize --gazetteer FILE`: each entry a
/// canonical name, its kind and aliases (and for places a type and country).
/// Entries are found in the text even where extract missed them, and win over
/// the built-in lists.
///
/// The file is YAML (a list of mappings; the subset below, parsed here so the
/// Normalization library needs no YAML dependency) or a JSON array of the same objects:
///
/// ```yaml
/// - name: Jewish Agency for Israel
///   kind: organization
///   aliases: [Sochnut, JAFI]
/// - name: Tbilisi
///   kind: place
///   type: city
///   country: GE
/// ```
public struct UserGazetteer: Sendable, Equatable {
    /// One name of the user's list.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: MentionKind
        public var aliases: [String]
        /// For places: city, country or region (default city).
        public var placeType: String?
        /// For places: ISO 3166-1 alpha-2.
        public var country: String?

        public init(name: String, kind: MentionKind, aliases: [String] = [], placeType: String? = nil, country: String? = nil) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.placeType = placeType
            self.country = country
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads a gazetteer file.
    /// - Throws: ``UserGazetteerError`` when the file cannot be read or an entry is malformed.
    public static func load(path: String) throws(UserGazetteerError) -> UserGazetteer {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return try UserGazetteer(parsing: String(decoding: data, as: UTF8.self), source: path)
    }

    /// Parses the text of a gazetteer file (YAML subset or JSON).
    /// - Parameter source: the file name used in error messages.
    /// - Throws: ``UserGazetteerError`` naming the line and the bad value.
    public init(parsing text: String, source: String = "gazetteer") throws(UserGazetteerError) {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
            self.entries = try UserGazetteer.parseJSON(text, source: source)
        } else {
            self.entries = try UserGazetteer.parseYAML(text, source: source)
        }
    }

    private static func parseJSON(_ text: String, source: String) throws(UserGazetteerError) -> [Entry] {
        let value: JSONValue
        do { value = try JSONCodec.parse(text) } catch { throw .syntax(source: source, line: 1, reason: "not valid JSON: \(error)") }
        var items = value.arrayValue
        if items == nil, let object = value.objectValue { items = object["entries"]?.arrayValue }
        guard let items else { throw .syntax(source: source, line: 1, reason: "expected a JSON array of entries") }
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue else {
                throw .syntax(source: source, line: 1, reason: "entry \(index + 1) is not an object")
            }
            var fields: [String: FieldValue] = [:]
            for key in object.keys {
                switch object[key] {
                case .string(let string): fields[key] = .scalar(string)
                case .array(let array): fields[key] = .list(array.compactMap(\.stringValue))
                default: break
                }
            }
            entries.append(try entry(fields, source: source, line: 1))
        }
        return entries
    }

    enum FieldValue: Equatable {
        case scalar(String)
        case list([String])
    }

    private static func parseYAML(_ text: String, source: String) throws(UserGazetteerError) -> [Entry] {
        var entries: [Entry] = []
        var current: [String: FieldValue]?
        var currentLine = 0
        var openList: String?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if let hash = commentStart(line) { line = String(line[..<hash]) }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indent = line.prefix { $0 == " " }.count
            var body = line.trimmingCharacters(in: .whitespaces)
            if indent == 0, body == "entries:" { continue }
            if body.hasPrefix("- "), let key = openList, indent > 0, current != nil,
                !body.dropFirst(2).contains(":") || body.dropFirst(2).first == "\"" || body.dropFirst(2).first == "'"
            {
                // A block list item under "aliases:".
                let item = unquote(String(body.dropFirst(2)).trimmingCharacters(in: .whitespaces))
                if case .list(var items) = current?[key] ?? .list([]) {
                    items.append(item)
                    current?[key] = .list(items)
                }
                continue
            }
            if body.hasPrefix("- ") || body == "-" {
                if let fields = current { entries.append(try entry(fields, source: source, line: currentLine)) }
                current = [:]
                currentLine = number
                openList = nil
                body = String(body.dropFirst(1)).trimmingCharacters(in: .whitespaces)
                if body.isEmpty { continue }
            } else if current == nil {
                throw .syntax(source: source, line: number, reason: "expected a list item starting with '- ', found '\(body)'")
            }
            guard let colon = keyColon(body) else {
                throw .syntax(source: source, line: number, reason: "expected 'key: value', found '\(body)'")
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            openList = nil
            if value.isEmpty {
                current?[key] = .list([])
                openList = key
            } else if value.hasPrefix("[") {
                guard value.hasSuffix("]") else {
                    throw .syntax(source: source, line: number, reason: "unclosed list '\(value)'")
                }
                current?[key] = .list(splitFlowList(String(value.dropFirst().dropLast())))
            } else {
                current?[key] = .scalar(unquote(value))
            }
        }
        if let fields = current { entries.append(try entry(fields, source: source, line: currentLine)) }
        return entries
    }

    private static func entry(_ fields: [String: FieldValue], source: String, line: Int) throws(UserGazetteerError) -> Entry {
        guard case .scalar(let name)? = fields["name"], !name.isEmpty else {
            throw .invalidEntry(source: source, line: line, reason: "missing 'name'")
        }
        guard case .scalar(let kindName)? = fields["kind"] else {
            throw .invalidEntry(source: source, line: line, reason: "entry '\(name)' has no 'kind' (person, organization or place)")
        }
        let normalized = kindName.lowercased() == "organisation" ? "organization" : kindName.lowercased()
        guard let kind = MentionKind(rawValue: normalized), [.person, .organization, .place].contains(kind) else {
            throw .invalidEntry(
                source: source, line: line, reason: "unknown kind '\(kindName)' (expected person, organization or place)")
        }
        var aliases: [String] = []
        switch fields["aliases"] {
        case .list(let items)?: aliases = items.filter { !$0.isEmpty }
        case .scalar(let item)?: aliases = [item]
        case nil: break
        }
        var placeType: String?
        if case .scalar(let type)? = fields["type"] {
            guard ["city", "country", "region"].contains(type) else {
                throw .invalidEntry(source: source, line: line, reason: "unknown place type '\(type)' (expected city, country or region)")
            }
            placeType = type
        }
        var country: String?
        if case .scalar(let code)? = fields["country"] { country = code.uppercased() }
        return Entry(name: name, kind: kind, aliases: aliases, placeType: placeType, country: country)
    }

    /// The colon that ends a key ("name: X"), outside quotes.
    private static func keyColon(_ body: String) -> String.Index? {
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let key = body[..<colon]
        guard !key.isEmpty, !key.contains("\""), !key.contains("'"), !key.contains(" ") else { return nil }
        let after = body.index(after: colon)
        guard after == body.endIndex || body[after] == " " else { return nil }
        return colon
    }

    /// Where a `#` comment starts (outside quotes, after white space), if any.
    private static func commentStart(_ line: String) -> String.Index? {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return index
            }
            previous = character
        }
        return nil
    }

    private static func splitFlowList(_ body: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for character in body {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "," {
                items.append(unquote(current.trimmingCharacters(in: .whitespaces)))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { items.append(unquote(last)) }
        return items
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }
}

/// A gazetteer file that cannot be used.
public enum UserGazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case syntax(source: String, line: Int, reason: String)
    case invalidEntry(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read gazetteer '\(path)'"
        case .syntax(let source, let line, let reason): return "\(source):\(line): \(reason)"
        case .invalidEntry(let source, let line, let reason): return "\(source):\(line): \(reason)"
        }
    }
}
