import Foundation
import GleanerCore

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
        line(stages, total: nil, elapsed: 0)
    }

    /// The line with the run's progress after it when records are counted:
    /// `fetch 40 ✓ → clean 12 … → extract 9 …  9/40 records, 31/s, ETA 0:01`.
    /// - Parameters:
    ///   - stages: each stage's state.
    ///   - total: the records the run is expected to carry, when known (see ``ProgressTotal``).
    ///   - elapsed: seconds since the run started.
    public static func line(_ stages: [StageProgress], total: Int?, elapsed: Double) -> String {
        let chain = stages.map { stage in
            let count = stage.recordsOut.map { " \($0)" } ?? ""
            let mark: String
            switch stage.termination {
            case nil: mark = " …"
            case let termination? where termination.isSuccess || termination.isBrokenPipe: mark = " ✓"
            case let termination?: mark = " ✗ \(termination)"
            }
            return stage.label + count + mark
        }.joined(separator: " → ")
        guard elapsed > 0, let done = stages.last(where: { $0.recordsOut != nil })?.recordsOut else { return chain }
        var parts = [total.map { "\(done)/\($0) records" } ?? "\(done) records"]
        let rate = Double(done) / elapsed
        parts.append(rate >= 10 ? "\(Int(rate.rounded()))/s" : String(format: "%.1f/s", rate))
        if let total, done < total, rate > 0, stages.contains(where: { $0.termination == nil }) {
            parts.append("ETA " + clock(Double(total - done) / rate))
        }
        return chain + "  " + parts.joined(separator: ", ")
    }

    /// Seconds as `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}

/// Where `gleaner run` draws on the terminal: the one progress line, redrawn in place, with
/// every line the stages write to standard error printed above it (stages' standard error is
/// a pipe to the runner, so their own progress displays stay off). It draws through
/// GleanerCore's ``StatusLine``, as the stages' own ``ProgressLine`` does.
public final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    private var current = ""

    /// Creates a display on a file descriptor (standard error).
    public init(descriptor: Int32 = 2) {
        self.descriptor = descriptor
    }

    /// Replaces the progress line.
    public func draw(_ line: String) {
        lock.withLock {
            current = line
            StatusLine.rewrite(line, on: descriptor)
        }
    }

    /// Prints a stage's line above the progress line.
    public func message(_ line: ArraySlice<UInt8>) {
        lock.withLock {
            StatusLine.rewrite(String(decoding: line, as: UTF8.self) + "\n" + current, on: descriptor)
        }
    }

    /// Draws the last state and ends the line.
    public func finish(_ line: String) {
        lock.withLock {
            current = ""
            StatusLine.rewrite(line + "\n", on: descriptor)
        }
    }
}
