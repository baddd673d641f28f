/// Expands `${VAR}` and `${VAR:-default}` in pipeline strings; `$${` is a literal `${`,
/// and a `$` not followed by `{` is left alone (so `jq` filters keep their `$var`s).
public struct EnvironmentExpansion: Sendable {
    /// The variables to expand from.
    public var environment: [String: String]

    /// Creates an expander over an environment (usually `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Why a string could not be expanded.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// `${` without its `}`.
        case unterminated(String)
        /// `${}` or `${1x}`.
        case badName(String)
        /// `${VAR}` with VAR unset and no default.
        case unset(String)

        public var description: String {
            switch self {
            case .unterminated(let text): "unterminated '${' in '\(text)'"
            case .badName(let name): "bad variable name '\(name)'"
            case .unset(let name): "environment variable '\(name)' is not set (write ${\(name):-default} to give a default)"
            }
        }
    }

    /// The string with every reference replaced.
    /// - Throws: ``Failure`` for a malformed reference or an unset variable without default.
    public func expand(_ text: String) throws(Failure) -> String {
        guard text.contains("$") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "$", next < text.endIndex, text[next] == "$",
               text.index(after: next) < text.endIndex, text[text.index(after: next)] == "{" {
                output += "${"
                index = text.index(after: text.index(after: next))
                continue
            }
            guard character == "$", next < text.endIndex, text[next] == "{" else {
                output.append(character)
                index = next
                continue
            }
            let bodyStart = text.index(after: next)
            guard let close = text[bodyStart...].firstIndex(of: "}") else { throw .unterminated(text) }
            let body = text[bodyStart..<close]
            let name: Substring
            let fallback: Substring?
            if let separator = body.range(of: ":-") {
                name = body[..<separator.lowerBound]
                fallback = body[separator.upperBound...]
            } else {
                name = body
                fallback = nil
            }
            guard Self.isValidName(name) else { throw .badName(String(name)) }
            let value = environment[String(name)]
            if let fallback, value?.isEmpty ?? true {
                output += fallback
            } else if let value {
                output += value
            } else {
                throw .unset(String(name))
            }
            index = text.index(after: close)
        }
        return output
    }

    static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }
}
