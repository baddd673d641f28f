import GleanerCore
import Yams

/// A scalar after environment expansion, with the type YAML gives it.
struct ScalarReading {
    enum Kind { case string, integer, float, bool, null }

    var text: String
    var kind: Kind
    var location: SourceLocation

    /// How the value is named in "found ..." messages.
    var phrase: String {
        switch kind {
        case .string: "a string ('\(text)')"
        case .integer, .float: "a number (\(text))"
        case .bool: text.lowercased().hasPrefix("t") || text.lowercased().hasPrefix("y") ? "true" : "false"
        case .null: "nothing (null)"
        }
    }

    var boolValue: Bool? {
        guard kind == .bool else { return nil }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }

    var json: JSONValue {
        switch kind {
        case .string: .string(text)
        case .integer, .float: Double(text).map { .number($0) } ?? .string(text)
        case .bool: .bool(boolValue ?? false)
        case .null: .null
        }
    }
}

extension Node {
    /// Where the node starts; 1:1 when Yams gave no mark.
    var location: SourceLocation {
        mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
    }

    /// How the node's shape is named in "found ..." messages.
    var shapePhrase: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// Collects diagnostics while walking a composed YAML tree; one per file.
final class DiagnosticCollector {
    let file: String
    let expansion: EnvironmentExpansion
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, expansion: EnvironmentExpansion) {
        self.file = file
        self.expansion = expansion
    }

    func report(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(file: file, location: location, message: message))
    }

    func report(_ message: String, at node: Node) {
        report(message, at: node.location)
    }

    /// What a node is, for "found ..." messages: a scalar is quoted with its type.
    func phrase(_ node: Node) -> String {
        if case .scalar = node, let reading = scalar(node, expanding: false) { return reading.phrase }
        return node.shapePhrase
    }

    /// Reads a scalar, expanding `${VAR}` references; nil (and a diagnostic for a bad
    /// reference) when the node is not a scalar or cannot be expanded.
    func scalar(_ node: Node, expanding: Bool = true) -> ScalarReading? {
        guard case .scalar(let scalar) = node else { return nil }
        var kind = Self.kind(of: scalar, tag: Resolver.default.resolveTag(of: node))
        var text = scalar.string
        if expanding, text.contains("${") {
            do {
                let expanded = try expansion.expand(text)
                if expanded != text, kind != .string || scalar.style == .plain {
                    kind = scalar.style == .plain ? Self.infer(expanded) : .string
                }
                text = expanded
            } catch {
                report(error.description, at: node)
                return nil
            }
        }
        return ScalarReading(text: text, kind: kind, location: node.location)
    }

    /// Reads a scalar that must be a string-like value (not a mapping, list, or null).
    func string(_ node: Node, what: String) -> String? {
        guard let reading = scalar(node, expanding: true) else {
            if case .scalar = node { return nil }  // expansion failed; already reported
            report("\(what) must be a string, found \(phrase(node))", at: node)
            return nil
        }
        guard reading.kind != .null else {
            report("\(what) must be a string, found nothing (null)", at: node)
            return nil
        }
        return reading.text
    }

    /// Converts any node to JSON (for test expectations).
    func json(_ node: Node) -> JSONValue? {
        switch node {
        case .scalar:
            return scalar(node)?.json
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence {
                guard let value = json(item) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                guard let name = string(key, what: "a key"), let converted = json(value) else { return nil }
                object[name] = converted
            }
            return .object(object)
        case .alias:
            report("aliases are not supported here", at: node)
            return nil
        }
    }

    private static func kind(of scalar: Node.Scalar, tag: Tag.Name) -> ScalarReading.Kind {
        guard scalar.style == .plain || scalar.style == .any else { return .string }
        switch tag {
        case .int: return .integer
        case .float: return .float
        case .bool: return .bool
        case .null: return .null
        default: return .string
        }
    }

    private static func infer(_ text: String) -> ScalarReading.Kind {
        if Int(text) != nil { return .integer }
        if Double(text) != nil { return .float }
        if ["true", "false"].contains(text.lowercased()) { return .bool }
        if text.isEmpty || text == "~" || text.lowercased() == "null" { return .null }
        return .string
    }
}
