public import ArgumentParser
import GleanerCore
public import Reporting

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: GleanerCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn normalised records into a report: markdown, html, json or csv.",
        discussion: """
            Reads NDJSON records (files or standard input) and writes one report. Every figure names \
            its document and cites the sentence it came from.

            Examples:
              fetch seeds/*.txt | clean | extract | normalize | report --format html --output out/seeds.html
              report --partial part-1.ndjson > agg-1.ndjson   (on each worker)
              cat agg-*.ndjson | report --merge --format markdown
            """,
        version: GleanerVersion.string)

    @OptionGroup var common: StageOptions

    @Option(name: .long, help: "Report format: markdown, html, json or csv (one row per mention).")
    var format: ReportFormat = .markdown

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE atomically (temporary file, then rename).", valueName: "file"))
    var output: String?

    @Flag(help: "Write the mergeable aggregate as NDJSON instead of a report.")
    var partial = false

    @Flag(help: "Read aggregates written by --partial and combine them into the report.")
    var merge = false

    @Option(help: "The report's title (html and markdown).")
    var title: String = "Gleaner report"

    @Option(
        name: .customLong("memory-budget"),
        help: ArgumentHelp(
            "Past SIZE (bytes, or with KB, MB, GB), the aggregate spills sorted runs to a temporary folder in $TMPDIR and merges them at the end; 'none' never spills.",
            valueName: "size"))
    var memoryBudget: String = "64MB"

    func validate() throws {
        if partial && format == .csv { throw ValidationError("--partial writes an aggregate; --format csv does not apply") }
        if merge && format == .csv { throw ValidationError("csv lists every mention, which partials do not keep: run --format csv on the records") }
        if case .failure(let error) = SpillingAggregate.budget(parsing: memoryBudget) { throw ValidationError("--memory-budget: \(error)") }
    }

    /// The parsed `--memory-budget` (checked by ``validate()``): bytes, or nil for `none`.
    private var budget: Int? {
        guard case .success(let bytes) = SpillingAggregate.budget(parsing: memoryBudget) else { return SpillingAggregate.defaultBudget }
        return bytes
    }

    func run() throws {
        ignoreBrokenPipeSignal()
        let job = ReportJob(
            settings: common.settings, format: format, title: title, partial: partial, merge: merge, output: output,
            memoryBudget: budget)
        let status = job.run(diagnostics: StandardError.write)
        if status != SysExit.ok { throw ExitCode(status) }
    }
}
