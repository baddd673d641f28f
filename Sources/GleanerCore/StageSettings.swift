/// What a stage does with a record it cannot process (`--on-error`).
public enum ErrorPolicy: String, Sendable, CaseIterable {
    /// Stop with exit 65 and `stage: line N: reason`.
    case fail
    /// Count the record in `--stats` and go on.
    case skip
}

/// The shared stage options as a plain value, so code and tests can build them without parsing arguments.
public struct StageSettings: Sendable, Equatable {
    public var onError: ErrorPolicy
    public var deadLetter: String?
    public var stats: Bool
    public var jobs: Int
    public var inputs: [String]

    public init(onError: ErrorPolicy = .fail, deadLetter: String? = nil, stats: Bool = false, jobs: Int = 1, inputs: [String] = []) {
        self.onError = onError
        self.deadLetter = deadLetter
        self.stats = stats
        self.jobs = jobs
        self.inputs = inputs
    }
}
