/// Expands `${VAR}` references in pipeline strings, as Docker Compose and POSIX shells do:
///
/// - `${VAR}`: the value; an error when VAR is unset.
/// - `${VAR:-default}`: the default when VAR is unset or empty.
/// - `${VAR:?message}`: an error saying `message` when VAR is unset or empty.
/// - `${VAR:+alternative}`: the alternative when VAR is set and not empty, else nothing.
///
/// `$${` is a literal `${`, and a `$` not followed by `{` is left alone (so `jq` filters keep
/// their `$var`s). The text after `:-`, `:?` or `:+` is taken literally.
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
        /// `${VAR:?message}` with VAR unset or empty: the name and the file's message.
        case required(String, message: String)

        public var description: String {
            switch self {
            case .unterminated(let text): "unterminated '${' in '\(text)'"
            case .badName(let name): "bad variable name '\(name)'"
            case .unset(let name): "environment variable '\(name)' is not set (write ${\(name):-default} to give a default)"
            case .required(let name, let message):
                "environment variable '\(name)' is not set" + (message.isEmpty ? "" : ": \(message)")
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
            let (name, operation, word) = Self.split(body)
            guard Self.isValidName(name) else { throw .badName(String(name)) }
            let value = environment[String(name)]
            let isEmpty = value?.isEmpty ?? true
            switch operation {
            case "-" where isEmpty: output += word
            case "?" where isEmpty: throw .required(String(name), message: String(word))
            case "+": if !isEmpty { output += word }
            default:
                guard let value else { throw .unset(String(name)) }
                output += value
            }
            index = text.index(after: close)
        }
        return output
    }

    /// `NAME:-word` as (`NAME`, `-`, `word`); a bare `NAME` has no operation.
    private static func split(_ body: Substring) -> (name: Substring, operation: Character?, word: Substring) {
        guard let colon = body.firstIndex(of: ":") else { return (body, nil, "") }
        let sign = body.index(after: colon)
        guard sign < body.endIndex, "-?+".contains(body[sign]) else { return (body, nil, "") }
        return (body[..<colon], body[sign], body[body.index(after: sign)...])
    }

    static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }
}
