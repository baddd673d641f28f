/// The shell pipeline equivalent to a plan, for `gleaner explain`.
public enum Explanation {
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

    /// A shell command line (bash, for the `tee >(...)` of report taps), one stage per line.
    ///
    /// ```
    /// fetch --fetched-at 2023-12-07T00:00:00Z 'seeds/*.txt' \
    ///   | clean \
    ///   | tee >(report --format markdown --output out/seeds.md >/dev/null) \
    ///   | report --format html --output out/seeds.html
    /// ```
    public static func shell(_ plan: ExecutionPlan) -> String {
        segments(plan.commands).joined(separator: " \\\n  | ")
    }

    /// The pipe segments of `commands`: one per command, taps (reports that are not last)
    /// gathered into a `tee >(...)` before the next command.
    static func segments(_ commands: [StageCommand]) -> [String] {
        var segments: [String] = []
        var pendingTaps: [String] = []
        for command in commands {
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
        return segments
    }

    /// The name of the shell function a `--parallel` explanation runs on each block.
    public static let blockFunction = "gleaner_block"

    /// A bash script that runs the plan on blocks of its input with GNU `parallel --pipe`, for
    /// `gleaner explain --parallel N`: the same cut as the Spark engine (``SplitPlan``).
    ///
    /// ```
    /// gleaner_block() {
    ///   fetch --from-list - --fetched-at 2023-12-07T00:00:00Z docs \
    ///     | clean \
    ///     | report --partial
    /// }
    /// export -f gleaner_block
    /// fetch --list-sources --fetched-at 2023-12-07T00:00:00Z docs \
    ///   | parallel --pipe --keep-order -N 100 -j 4 gleaner_block \
    ///   | report --format markdown --output out/seeds.md --merge
    /// ```
    /// A fetch is cut into its listed items (`-N` items a block), other input into blocks of
    /// whole lines; `--keep-order` hands the blocks' outputs on in input order, so reports and
    /// records are byte-identical to the plain pipeline's. The stages run inside an exported
    /// function, so no value of the pipeline is ever read by `parallel` itself (which would
    /// expand `{}` or `{= … =}` in a command line); inside the function they are quoted for
    /// the shell as ``shell(_:)`` quotes them.
    /// - Parameters:
    ///   - plan: the pipeline's processes.
    ///   - jobs: how many blocks run at once (`parallel -j`).
    ///   - itemsPerBlock: fetch items a block (`parallel -N`).
    /// - Throws: ``SplitPlanError`` when the plan cannot be cut (a stage after a report).
    public static func parallel(_ plan: ExecutionPlan, jobs: Int, itemsPerBlock: Int) throws(SplitPlanError) -> String {
        let split = try SplitPlan(plan: plan, engine: "gleaner explain --parallel")
        var block: [StageCommand] = []
        var listing: String?
        var cut = "--block 1M"
        switch split.source {
        case .fetch(let fetch):
            // Right after the program name: a dashed path after `--` must stay a path.
            listing = ShellQuoting.command([fetch.arguments[0], "--list-sources"] + fetch.arguments.dropFirst())
            block.append(StageCommand(
                label: fetch.label, arguments: [fetch.arguments[0], "--from-list", "-"] + fetch.arguments.dropFirst(), input: nil))
            cut = "-N \(max(1, itemsPerBlock))"
        case .program(let program):
            listing = ShellQuoting.command(program.arguments)
        case .standardInput:
            break
        }
        block += split.stages
        if let report = split.reports.first {
            block.append(StageCommand(label: "report", arguments: [report.arguments[0], "--partial"], input: nil))
        }
        let merges = split.reports.enumerated().map { index, report in
            StageCommand(
                label: report.label, arguments: report.arguments + ["--merge"], input: nil,
                isTap: index < split.reports.count - 1)
        }
        let body = block.isEmpty ? "cat" : segments(block).joined(separator: " \\\n    | ")
        let distribute = "parallel --pipe --keep-order \(cut) -j \(max(1, jobs)) \(blockFunction)"
        let pipe = (listing.map { [$0] } ?? []) + [distribute] + segments(merges)
        return """
            \(blockFunction)() {
              \(body)
            }
            export -f \(blockFunction)
            \(pipe.joined(separator: " \\\n  | "))
            """
    }
}
