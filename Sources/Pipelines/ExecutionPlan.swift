/// One process of a run: its argument vector and where its input comes from.
public struct StageCommand: Sendable, Hashable {
    /// The name shown in messages (`clean`, `run jq`).
    public var label: String
    /// Program name (looked up next to `gleaner`, then on PATH) and its arguments.
    public var arguments: [String]
    /// The command whose standard output feeds this one; nil for the runner's own input.
    public var input: Int?
    /// A report fed with a copy of the stream (a tee); its standard output is discarded.
    public var isTap: Bool
    /// Whether this is a built-in stage that takes the common stage options.
    public var isBuiltin: Bool
    /// Where the stage is written in the pipeline file.
    public var location: SourceLocation

    /// Creates a command.
    public init(
        label: String, arguments: [String], input: Int?, isTap: Bool = false, isBuiltin: Bool = true,
        location: SourceLocation = .init(line: 0, column: 0)
    ) {
        self.label = label
        self.arguments = arguments
        self.input = input
        self.isTap = isTap
        self.isBuiltin = isBuiltin
        self.location = location
    }
}

/// The processes a pipeline runs and how they are joined.
///
/// Stages form one chain. A `report` stage that is not the last is a *tap*: the stream entering
/// it is copied (teed) to it and to the next stage, so `normalize → report md → report html`
/// writes both reports from the same records.
public struct ExecutionPlan: Sendable, Hashable {
    /// The file the plan came from.
    public var file: String
    /// The commands in pipeline order.
    public var commands: [StageCommand]

    /// Creates a plan from commands.
    public init(file: String = "", commands: [StageCommand]) {
        self.file = file
        self.commands = commands
    }

    /// What the runner adds to every built-in stage's own options.
    public struct Settings: Sendable, Hashable {
        /// Pass `--stats` so each stage reports its counts.
        public var stats: Bool
        /// Creates settings.
        public init(stats: Bool = false) { self.stats = stats }
    }

    /// The plan for a pipeline.
    /// - Parameters:
    ///   - pipeline: a validated pipeline.
    ///   - settings: what the runner adds to every built-in stage.
    public init(pipeline: Pipeline, settings: Settings = Settings()) {
        file = pipeline.file
        commands = []
        var feeder: Int?
        for (index, stage) in pipeline.stages.enumerated() {
            let isTap = stage.isReport && index < pipeline.stages.count - 1
            let arguments: [String]
            switch stage.kind {
            case .command(let argv):
                arguments = argv
            case .builtin(let name):
                arguments = [name] + Self.arguments(for: stage, in: pipeline, settings: settings)
            }
            commands.append(StageCommand(
                label: stage.label, arguments: arguments, input: feeder, isTap: isTap,
                isBuiltin: stage.builtinName != nil, location: stage.location))
            if !isTap { feeder = index }
        }
    }

    /// The indexes of the commands reading a command's output.
    public func consumers(of index: Int) -> [Int] {
        commands.indices.filter { commands[$0].input == index }
    }

    /// The index of the command whose output is the pipeline's output.
    public var outputIndex: Int? {
        commands.indices.last { !commands[$0].isTap }
    }

    /// `--flag value` arguments for a built-in stage: its own options in file order, then the
    /// pipeline-wide ones it does not set itself, then positional paths.
    static func arguments(for stage: PipelineStage, in pipeline: Pipeline, settings: Settings) -> [String] {
        var flags: [String] = []
        var positional: [String] = []
        let types = stage.builtinName.flatMap(StageCatalog.stage(named:))?.allOptions ?? [:]
        func add(_ name: String, _ value: String) {
            if value.hasPrefix("-") {
                flags.append("--\(name)=\(value)")
            } else {
                flags += ["--\(name)", value]
            }
        }
        for option in stage.options {
            switch option.value {
            case .text(let value): add(option.name, value)
            case .flag(let on): if on { flags.append("--\(option.name)") }
            case .list(let values):
                if types[option.name] == .positional {
                    positional += values
                } else if types[option.name] == .commaList {
                    add(option.name, values.joined(separator: ","))
                } else {
                    for value in values { add(option.name, value) }
                }
            }
        }
        let own = Set(stage.options.map(\.name))
        switch pipeline.onError {
        case .fail: break
        case .skip: if !own.contains("on-error") { add("on-error", "skip") }
        case .deadLetter:
            if !own.contains("dead-letter"), let file = pipeline.deadLetter { add("dead-letter", file) }
        }
        if let jobs = pipeline.jobs, !own.contains("jobs") { add("jobs", String(jobs)) }
        if settings.stats, !own.contains("stats") { flags.append("--stats") }
        if positional.contains(where: { $0.hasPrefix("-") && $0 != "-" }) { flags.append("--") }
        return flags + positional
    }
}
