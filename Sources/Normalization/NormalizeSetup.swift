import Extraction
import Foundation
public import GleanerCore

/// What `normalize`'s command line asks for, as text, turned into a stage: the
/// library side of the command (the executable only parses arguments).
public struct NormalizeRequest: Sendable {
    public var referenceDate: String?
    public var dateOrder: String
    public var ratesFile: String?
    public var baseCurrency: String
    public var only: String?
    public var gazetteerFile: String?

    public init(
        referenceDate: String? = nil, dateOrder: String = "mdy", ratesFile: String? = nil, baseCurrency: String = "EUR",
        only: String? = nil, gazetteerFile: String? = nil
    ) {
        self.referenceDate = referenceDate
        self.dateOrder = dateOrder
        self.ratesFile = ratesFile
        self.baseCurrency = baseCurrency
        self.only = only
        self.gazetteerFile = gazetteerFile
    }

    /// The stage the request describes, with its rates and gazetteer files read.
    /// - Throws: ``NormalizeSetupError`` quoting the bad value or file.
    public func stage() throws(NormalizeSetupError) -> NormalizeStage {
        var options = NormalizeOptions(baseCurrency: baseCurrency.uppercased())
        if let referenceDate {
            guard let date = CivilDate(iso: referenceDate) else {
                throw .usage("--reference-date: '\(referenceDate)' is not a date like 2023-12-07")
            }
            options.referenceDate = date
        }
        guard let order = DateOrder(rawValue: dateOrder.lowercased()) else {
            throw .usage("--date-order: '\(dateOrder)' should be mdy or dmy")
        }
        options.dateOrder = order
        if let only {
            do { options.only = try KindList.parse(only) } catch { throw .usage("--only: \(error)") }
        }
        if ratesFile == "ecb" {
            do {
                options.rates = try ExchangeRates.bundledECB()
            } catch {
                throw NormalizeSetupError(message: "\(error)", exitStatus: SysExit.dataError)
            }
        } else if let ratesFile {
            guard let text = try? String(contentsOfFile: ratesFile, encoding: .utf8) else {
                throw NormalizeSetupError(message: "cannot read rates file '\(ratesFile)'", exitStatus: SysExit.noInput)
            }
            do {
                options.rates = try ExchangeRates(csv: text)
            } catch {
                throw NormalizeSetupError(message: "\(ratesFile): \(error)", exitStatus: SysExit.dataError)
            }
        }
        var enrichers = EnricherRegistry.all
        if let gazetteerFile {
            do {
                let user = try UserGazetteer.load(path: gazetteerFile)
                enrichers = enrichers.map { $0 is EntityEnricher ? EntityEnricher(gazetteer: user) : $0 }
            } catch {
                let status = if case .unreadable = error { SysExit.noInput } else { SysExit.dataError }
                throw NormalizeSetupError(message: "\(error)", exitStatus: status)
            }
        }
        return NormalizeStage(options: options, enrichers: enrichers)
    }
}

/// A `normalize` option that cannot be used, quoting it.
public struct NormalizeSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The exit status; ``SysExit/usage`` for a bad argument.
    public var exitStatus: Int32
    public var description: String { message }

    public init(message: String, exitStatus: Int32) {
        self.message = message
        self.exitStatus = exitStatus
    }

    static func usage(_ message: String) -> NormalizeSetupError { NormalizeSetupError(message: message, exitStatus: SysExit.usage) }
}
