/// Where a stage stands while the pipeline runs, for progress displays.
public struct StageProgress: Sendable, Hashable {
    /// The stage's label.
    public var label: String
    /// How it ended, or nil while it runs.
    public var termination: Termination?
    /// Seconds it has run (or ran).
    public var seconds: Double
    /// Records it has written so far, when counted.
    public var recordsOut: Int?

    /// Creates a progress entry.
    public init(label: String, termination: Termination?, seconds: Double, recordsOut: Int?) {
        self.label = label
        self.termination = termination
        self.seconds = seconds
        self.recordsOut = recordsOut
    }

    /// The final state of a finished stage.
    public init(result: StageResult) {
        self.init(label: result.label, termination: result.termination, seconds: result.seconds, recordsOut: result.recordsOut)
    }

    /// One line for all stages: `fetch 2 ✓ → clean 2 ✓ → extract 1 …`, records written where
    /// counted, `✗ exit status 65` for a failure.
    public static func line(_ stages: [StageProgress]) -> String {
        stages.map { stage in
            let count = stage.recordsOut.map { " \($0)" } ?? ""
            let mark: String
            switch stage.termination {
            case nil: mark = " …"
            case let termination? where termination.isSuccess || termination.isBrokenPipe: mark = " ✓"
            case let termination?: mark = " ✗ \(termination)"
            }
            return stage.label + count + mark
        }.joined(separator: " → ")
    }
}
