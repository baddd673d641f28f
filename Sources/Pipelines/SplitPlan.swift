/// Why a pipeline cannot run as slices of its input.
public struct SplitPlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the stage.
    public var description: String
}

/// A plan cut so that slices of its input run independently and their results combine into
/// the whole run's: what the Spark engine and `gleaner explain --parallel` share.
///
/// The first stage decides how the input is cut: a `fetch` is split into its resolved items
/// (`fetch --list-sources`, each slice fetched with `--from-list -`); a `run:` program makes
/// the records once; without either, the runner's own input is cut at line ends. A `fetch`
/// that follows feeds also runs once, like a program: which articles a feed lists is only known
/// once it is fetched, and writing an article listed by several feeds (or sitemaps of one
/// index) once needs one process that sees them all; the stages after it still run on slices. Every other
/// stage up to the reports runs on each slice. The reports run last: each slice ends in one
/// `report --partial`, and each report stage runs with `--merge` on the partials in slice
/// order, so the reports are byte-identical to the unsplit run's.
public struct SplitPlan: Sendable, Hashable {
    /// Where the records come from, and so how they are cut.
    public enum Source: Sendable, Hashable {
        /// A `fetch` stage: its items are listed once and fetched slice by slice.
        case fetch(StageCommand)
        /// A stage that makes the records, run once: a `run:` program, or a `fetch` with
        /// `--follow-feeds`.
        case program(StageCommand)
        /// The runner's standard input.
        case standardInput
    }

    /// How the input is cut.
    public var source: Source
    /// The stages each slice runs, after its fetch (filters and `run:` programs).
    public var stages: [StageCommand]
    /// The report stages, in pipeline order; their arguments do not yet hold `--merge`.
    public var reports: [StageCommand]

    /// Cuts a plan.
    /// - Parameters:
    ///   - plan: the pipeline's processes.
    ///   - engine: the name messages use for what splits the run (`the spark engine`).
    /// - Throws: ``SplitPlanError`` when a stage comes after a report, or a report already
    ///   has `--partial` or `--merge`.
    public init(plan: ExecutionPlan, engine: String) throws(SplitPlanError) {
        source = .standardInput
        stages = []
        reports = []
        for (index, command) in plan.commands.enumerated() {
            let program = command.arguments.first
            if index == 0, command.isBuiltin, program == "fetch" {
                source = Self.followsFeeds(command) ? .program(command) : .fetch(command)
            } else if index == 0, !command.isBuiltin {
                source = .program(command)
            } else if command.isBuiltin, program == "report" {
                if command.arguments.contains("--partial") || command.arguments.contains("--merge") {
                    throw SplitPlanError(description: "stage '\(command.label)': \(engine) adds --partial and --merge itself")
                }
                reports.append(command)
            } else if !reports.isEmpty {
                throw SplitPlanError(description: "stage '\(command.label)' comes after a report; \(engine) runs reports last")
            } else {
                stages.append(command)
            }
        }
    }

    /// Whether a fetch stage follows feeds and sitemaps (`--follow-feeds` among its options,
    /// before any `--` that starts its paths).
    static func followsFeeds(_ fetch: StageCommand) -> Bool {
        fetch.arguments.dropFirst().prefix { $0 != "--" }.contains("--follow-feeds")
    }
}
