/// The type a stage option takes in a pipeline file.
public enum OptionType: Sendable, Hashable {
    /// Any scalar, passed as written (`--name value`).
    case string
    /// A whole number.
    case integer
    /// Any number (seconds, rates).
    case number
    /// `true` (bare `--name`) or `false` (left out).
    case flag
    /// One of a fixed set of words.
    case choice([String])
    /// A list of strings (or one string): repeated `--name value`.
    case list
    /// A list of strings (or one string) passed as one comma-separated value: `--only a,b`.
    case commaList
    /// A list of strings (or one string) passed as positional arguments.
    case positional

    /// How the type is named in messages.
    var phrase: String {
        switch self {
        case .string: "a string"
        case .integer: "a whole number"
        case .number: "a number"
        case .flag: "true or false"
        case .choice(let words): "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .list, .commaList, .positional: "a string or a list of strings"
        }
    }
}

/// A built-in stage and the options a pipeline file may give it.
public struct StageDescription: Sendable, Hashable {
    /// The stage (and executable) name.
    public var name: String
    /// Its own options by name (kebab case, as on the command line).
    public var options: [String: OptionType]

    /// Every option it takes: its own and the common ones.
    public var allOptions: [String: OptionType] {
        options.merging(StageCatalog.commonOptions) { own, _ in own }
    }
}

/// The built-in stages and their options: what `validate` checks a file against.
public enum StageCatalog {
    /// Options every built-in stage takes (GleanerCommands' `StageOptions`).
    public static let commonOptions: [String: OptionType] = [
        "on-error": .choice(["fail", "skip"]),
        "dead-letter": .string,
        "stats": .flag,
        "jobs": .integer,
    ]

    /// The built-in stages, in pipeline order, with the options their executables take.
    public static let stages: [StageDescription] = [
        StageDescription(name: "fetch", options: [
            "paths": .positional,
            "urls": .list,
            "fetched-at": .string,
            "follow-feeds": .flag,
            "timeout": .number,
            "deadline": .number,
            "retries": .integer,
            "max-redirects": .integer,
            "max-bytes": .integer,
            "user-agent": .string,
            "concurrency": .integer,
            "host-concurrency": .integer,
            "host-delay": .number,
            "ignore-robots": .flag,
            "deny-private": .flag,
            "cache": .string,
            "warc": .string,
            "list-sources": .flag,
            "from-list": .string,
        ]),
        StageDescription(name: "clean", options: [
            "keep-raw": .flag,
            "format": .choice(["text", "markdown"]),
            "include-comments": .flag,
        ]),
        StageDescription(name: "extract", options: [
            "only": .commaList,
        ]),
        StageDescription(name: "normalize", options: [
            "reference-date": .string,
            "date-order": .choice(["mdy", "dmy"]),
            "rates": .string,
            "base-currency": .string,
            "only": .commaList,
            "gazetteer": .string,
        ]),
        StageDescription(name: "report", options: [
            "format": .choice(["markdown", "html", "json", "csv"]),
            "output": .string,
            "partial": .flag,
            "merge": .flag,
            "title": .string,
            "memory-budget": .string,
        ]),
    ]

    /// The description of a built-in stage, or nil.
    public static func stage(named name: String) -> StageDescription? {
        stages.first { $0.name == name }
    }

    /// Every built-in stage name.
    public static var names: [String] { stages.map(\.name) }
}
