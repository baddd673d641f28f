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
    /// A one-line shell comment: line breaks, other control characters and bidirectional
    /// overrides are written as `\n`, `\u{202E}`, so nothing after `#` can start a new line
    /// (a command, in `gleaner explain | bash`) or hide text.
    public static func comment(_ text: String) -> String {
        var line = "# "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case "\\": line += "\\\\"
            default:
                if PipelineLoader.isControl(scalar) || scalar.properties.generalCategory == .format
                    || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                {
                    line += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    line.unicodeScalars.append(scalar)
                }
            }
        }
        return line
    }

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
