import ArgumentParser
import Extraction
import GleanerCore

struct ExtractCommand: GleanerCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find dates, money, quantities, percents, emails, urls, people, organisations and places in each record's text.",
        discussion: """
            Reads NDJSON records with a `text` field and writes them back with `mentions`: \
            [{kind, text, start, end, sentence}], offsets in Unicode code points.

            Example:
              fetch seeds/*.txt | clean | extract --only date,money | normalize
            """,
        version: GleanerVersion.string)

    @OptionGroup var common: StageOptions

    @Option(name: .long, help: ArgumentHelp("Only these kinds, comma-separated (e.g. date,money,percent).", valueName: "KINDS"))
    var only: String?

    func run() throws {
        var kinds: Set<MentionKind>?
        if let only {
            do { kinds = try KindList.parse(only) } catch { throw ValidationError("--only: \(error)") }
        }
        try FilterLoop.run(ExtractStage(only: kinds), options: common)
    }
}
