import ArgumentParser
import Extraction
import GleanerCore
import Normalization

struct NormalizeCommand: GleanerCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Give every mention a canonical value: ISO dates, ISO 4217 amounts, numbers with units, fractions.",
        discussion: """
            Relative dates ("yesterday", "February this year") resolve against each record's `published` \
            date, else --reference-date, else stay {"unresolved": "no reference date"}.

            Example:
              fetch seeds/*.txt | clean | extract | normalize --reference-date 2023-12-07 --rates ecb
            """,
        version: GleanerVersion.string)

    @OptionGroup var common: StageOptions

    @Option(help: ArgumentHelp("Resolve relative dates against this day when a record has no `published` date.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(help: ArgumentHelp("How to read all-numeric dates such as 12/07/2023: mdy (US) or dmy.", valueName: "ORDER"))
    var dateOrder: String = "mdy"

    @Option(help: ArgumentHelp(
        "Exchange rates: `ecb` for the bundled ECB daily reference rates since 1999, or a file in the ECB historical CSV format; adds `converted` to money.",
        valueName: "ecb|FILE"))
    var rates: String?

    @Option(help: ArgumentHelp("ISO 4217 currency for converted amounts.", valueName: "CODE"))
    var baseCurrency: String = "EUR"

    @Option(help: ArgumentHelp("Only these kinds, comma-separated (e.g. date,money).", valueName: "KINDS"))
    var only: String?

    @Option(help: ArgumentHelp("Your own people, organisations and places with aliases (YAML or JSON list).", valueName: "FILE"))
    var gazetteer: String?

    func run() throws {
        let request = NormalizeRequest(
            referenceDate: referenceDate, dateOrder: dateOrder, ratesFile: rates, baseCurrency: baseCurrency, only: only,
            gazetteerFile: gazetteer)
        let stage: NormalizeStage
        do {
            stage = try request.stage()
        } catch {
            if error.exitStatus == SysExit.usage { throw ValidationError(error.message) }
            StandardError.write("normalize: \(error)")
            throw ExitCode(error.exitStatus)
        }
        try FilterLoop.run(stage, options: common)
    }
}
