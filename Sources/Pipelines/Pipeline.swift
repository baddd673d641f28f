/// A pipeline file: named stages run in order, each an NDJSON filter.
public struct Pipeline: Sendable, Hashable {
    /// The file the pipeline came from, as the user named it.
    public var file: String
    /// A short name, by default the file name without its extension.
    public var name: String
    /// What the pipeline is for.
    public var summary: String?
    /// What every built-in stage does with a bad record.
    public var onError: PipelineErrorPolicy
    /// Where rejected records go when `onError` is `.deadLetter`.
    public var deadLetter: String?
    /// Seconds the whole run may take (`timeout:`); nil for no limit.
    public var timeout: Double?
    /// `--jobs N` for every built-in stage, when set.
    public var jobs: Int?
    /// The stages, in order.
    public var stages: [PipelineStage]
    /// The checks `gleaner test` runs.
    public var tests: [PipelineTest]

    /// Creates a pipeline.
    public init(
        file: String, name: String, summary: String? = nil, onError: PipelineErrorPolicy = .fail,
        deadLetter: String? = nil, jobs: Int? = nil, stages: [PipelineStage], tests: [PipelineTest] = []
    ) {
        self.file = file
        self.name = name
        self.summary = summary
        self.onError = onError
        self.deadLetter = deadLetter
        self.jobs = jobs
        self.stages = stages
        self.tests = tests
    }
}

extension Pipeline {
    /// The pipeline cut after the named stage, with the reports before it left out, so its
    /// output is that stage's records; without a name, every stage before the first report.
    /// A name that is no stage of the pipeline keeps every stage but the reports.
    public func prefix(through stage: String?) -> Pipeline {
        var kept: [PipelineStage] = []
        for candidate in stages {
            if candidate.isReport {
                if stage == nil { break }
                if stage != "report" { continue }
            }
            kept.append(candidate)
            if let stage, candidate.builtinName == stage || candidate.label == stage { break }
        }
        var result = self
        result.stages = kept
        return result
    }
}

/// What the stages do with a record they cannot process (`on_error:`).
public enum PipelineErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// Stop with exit status 65 at the first bad record.
    case fail
    /// Count bad records and go on.
    case skip
    /// Write bad records to the `dead_letter` file and go on.
    case deadLetter = "dead-letter"
}

/// One step of a pipeline.
public struct PipelineStage: Sendable, Hashable {
    /// What runs.
    public enum Kind: Sendable, Hashable {
        /// One of the stages in ``StageCatalog`` (`fetch`, `clean`, ...), with its options.
        case builtin(String)
        /// Any NDJSON filter, as an argument vector (`run: [jq, -c, ...]`).
        case command([String])
    }

    /// What runs.
    public var kind: Kind
    /// The options in the order they were written.
    public var options: [StageOption]
    /// Where the stage is written in the file.
    public var location: SourceLocation

    /// Creates a stage.
    public init(kind: Kind, options: [StageOption] = [], location: SourceLocation = .init(line: 0, column: 0)) {
        self.kind = kind
        self.options = options
        self.location = location
    }

    /// A built-in stage by name.
    public static func builtin(_ name: String, _ options: [StageOption] = []) -> PipelineStage {
        PipelineStage(kind: .builtin(name), options: options)
    }

    /// The name shown in messages: the stage name, or the program of a `run:` stage.
    public var label: String {
        switch kind {
        case .builtin(let name): name
        case .command(let argv): argv.first.map { "run \($0)" } ?? "run"
        }
    }

    /// The built-in stage name, or nil for a `run:` stage.
    public var builtinName: String? {
        if case .builtin(let name) = kind { return name }
        return nil
    }

    /// Whether the stage consumes the stream and writes a report rather than records.
    public var isReport: Bool { builtinName == "report" }

    /// The value of an option, if given.
    public func option(_ name: String) -> OptionValue? {
        options.last { $0.name == name }?.value
    }
}

/// A `name: value` option of a built-in stage; becomes `--name value`.
public struct StageOption: Sendable, Hashable {
    /// The option name in kebab case, without dashes.
    public var name: String
    /// The value after environment expansion.
    public var value: OptionValue

    /// Creates an option.
    public init(_ name: String, _ value: OptionValue) {
        self.name = name
        self.value = value
    }
}

/// The value of a stage option.
public enum OptionValue: Sendable, Hashable {
    /// A string or number, as written: `--name value`.
    case text(String)
    /// `true` gives a bare `--name`; `false` gives nothing.
    case flag(Bool)
    /// Repeated `--name a --name b`, or positional arguments for `fetch` paths.
    case list([String])
}
