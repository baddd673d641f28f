/// The shell pipeline equivalent to a plan, for `gleaner explain`.
public enum Explanation {
    /// A shell command line (bash, for the `tee >(...)` of report taps), one stage per line.
    ///
    /// ```
    /// fetch --fetched-at 2023-12-07T00:00:00Z 'seeds/*.txt' \
    ///   | clean \
    ///   | tee >(report --format markdown --output out/seeds.md >/dev/null) \
    ///   | report --format html --output out/seeds.html
    /// ```
    public static func shell(_ plan: ExecutionPlan) -> String {
        var segments: [String] = []
        var pendingTaps: [String] = []
        for command in plan.commands {
            let line = ShellQuoting.command(command.arguments)
            if command.isTap {
                pendingTaps.append(line)
                continue
            }
            if !pendingTaps.isEmpty {
                let targets = pendingTaps.map { ">(\($0) >/dev/null)" }.joined(separator: " ")
                segments.append("tee \(targets)")
                pendingTaps = []
            }
            segments.append(line)
        }
        return segments.joined(separator: " \\\n  | ")
    }
}
