public import ArgumentParser
public import GleanerCore

extension ErrorPolicy: ExpressibleByArgument {}

/// The options every stage has: one option group, shared by all executables.
public struct StageOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "What to do with a bad record: fail (exit 65) or skip (count it and go on).")
    public var onError: ErrorPolicy = .fail

    @Option(name: .long, help: ArgumentHelp("Write bad records to FILE as {stage, line, reason, input} and go on.", valueName: "file"))
    public var deadLetter: String?

    @Flag(name: .long, help: "Print one JSON line of counts and timings to stderr at exit.")
    public var stats = false

    @Option(name: .long, help: "Process records on N threads, keeping input order.")
    public var jobs: Int = 1

    @Argument(help: ArgumentHelp("Inputs: NDJSON files for a filter stage; files, folders, globs or URLs for fetch ('-' or none: standard input).", valueName: "input"))
    public var inputs: [String] = []

    public init() {}

    /// The options as a plain value the filter loop runs with.
    public var settings: StageSettings {
        StageSettings(onError: onError, deadLetter: deadLetter, stats: stats, jobs: jobs, inputs: inputs)
    }

    public mutating func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256 (got \(jobs))") }
    }
}

extension FilterLoop {
    /// Runs `stage` with the parsed options; see ``run(_:settings:)``.
    /// - Throws: `ExitCode` with the sysexits status when the run fails (after printing why).
    public static func run(_ stage: some Stage, options: StageOptions) throws {
        let status = run(stage, settings: options.settings)
        if status != SysExit.ok { throw ExitCode(status) }
    }
}

