import Foundation
public import GleanerCore
import Yams

/// A user's own names for `normalize --gazetteer FILE`: each entry a
/// canonical name, its kind and aliases (and for places a type and country).
/// Entries are found in the text even where extract missed them, and win over
/// the built-in lists.
///
/// The file is YAML, read with Yams (the library `gleaner` reads pipelines with): a list of
/// mappings, or a mapping whose `entries` is that list. A JSON array of the same objects is
/// YAML too and reads the same way:
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

    /// Parses the text of a gazetteer file: YAML (a list of mappings, or a mapping whose
    /// `entries` is that list) read by Yams, so JSON, which is YAML, reads too.
    /// - Parameter source: the file name used in error messages.
    /// - Throws: ``UserGazetteerError`` naming the line and the bad value.
    public init(parsing text: String, source: String = "gazetteer") throws(UserGazetteerError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, source: source)
        } catch {
            throw .syntax(source: source, line: 1, reason: "not valid YAML: \(error)")
        }
        var items: Node? = root
        if case .mapping(let mapping)? = root { items = mapping["entries"] }
        guard let root else {
            self.entries = []
            return
        }
        guard case .sequence(let sequence)? = items else {
            throw .syntax(source: source, line: Self.line(of: root), reason: "expected a list of entries ('- name: ...')")
        }
        var entries: [Entry] = []
        for item in sequence {
            guard case .mapping(let mapping) = item else {
                throw .syntax(source: source, line: Self.line(of: item), reason: "expected 'key: value' lines, found '\(Self.text(item))'")
            }
            var fields: [String: FieldValue] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                switch value {
                case .scalar(let scalar): fields[name] = .scalar(scalar.string)
                case .sequence(let list):
                    var strings: [String] = []
                    for element in list {
                        guard let string = element.scalar?.string else {
                            throw .syntax(source: source, line: Self.line(of: element), reason: "'\(name)' lists something that is not a name")
                        }
                        strings.append(string)
                    }
                    fields[name] = .list(strings)
                case .mapping, .alias: break
                }
            }
            entries.append(try Self.entry(fields, source: source, line: Self.line(of: item)))
        }
        self.entries = entries
    }

    enum FieldValue: Equatable {
        case scalar(String)
        case list([String])
    }

    /// The 1-based line a node starts on.
    private static func line(of node: Node) -> Int { max(node.mark?.line ?? 1, 1) }

    /// A node as the user wrote it, for messages.
    private static func text(_ node: Node) -> String {
        node.scalar?.string ?? (try? Yams.serialize(node: node).trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }

    /// A Yams error as a gazetteer syntax error with its line.
    private static func syntaxError(_ error: YamlError, source: String) -> UserGazetteerError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .syntax(source: source, line: max(mark.line, 1), reason: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(source: source, line: max(context.mark.line, 1), reason: "an entry repeats '\(duplicates.joined(separator: "', '"))'")
        default:
            return .syntax(source: source, line: 1, reason: "not valid YAML: \(error)")
        }
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
