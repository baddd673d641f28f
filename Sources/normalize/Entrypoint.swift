import ArgumentParser
import Extraction
import Foundation
import GleanerCore
import Normalization

@main struct NormalizeCommand: GleanerCommand {
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
        var options = NormalizeOptions(baseCurrency: baseCurrency.uppercased())
        if let referenceDate {
            guard let date = CivilDate(iso: referenceDate) else {
                throw ValidationError("--reference-date: '\(referenceDate)' is not a date like 2023-12-07")
            }
            options.referenceDate = date
        }
        guard let order = DateOrder(rawValue: dateOrder.lowercased()) else {
            throw ValidationError("--date-order: '\(dateOrder)' should be mdy or dmy")
        }
        options.dateOrder = order
        if let only {
            do { options.only = try KindList.parse(only) } catch { throw ValidationError("--only: \(error)") }
        }
        if rates == "ecb" {
            do {
                options.rates = try ExchangeRates.bundledECB()
            } catch {
                StandardError.write("normalize: \(error)")
                throw ExitCode(SysExit.dataError)
            }
        } else if let rates {
            guard let text = try? String(contentsOfFile: rates, encoding: .utf8) else {
                StandardError.write("normalize: cannot read rates file '\(rates)'")
                throw ExitCode(SysExit.noInput)
            }
            do {
                options.rates = try ExchangeRates(csv: text)
            } catch {
                StandardError.write("normalize: \(rates): \(error)")
                throw ExitCode(SysExit.dataError)
            }
        }
        var enrichers = EnricherRegistry.all
        if let gazetteer {
            do {
                let user = try UserGazetteer.load(path: gazetteer)
                enrichers = enrichers.map { $0 is EntityEnricher ? EntityEnricher(gazetteer: user) : $0 }
            } catch {
                StandardError.write("normalize: \(error)")
                if case .unreadable = error { throw ExitCode(SysExit.noInput) }
                throw ExitCode(SysExit.dataError)
            }
        }
        try FilterLoop.run(NormalizeStage(options: options, enrichers: enrichers), options: common)
    }
}
