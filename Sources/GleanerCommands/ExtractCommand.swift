import ArgumentParser
import Foundation
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

    @Option(name: .customLong("train-entities"), help: .hidden) var trainEntities: String?
    @Option(name: .customLong("entity-model-output"), help: .hidden) var entityModelOutput = "entity-model.bin"
    @Option(name: .customLong("epochs"), help: .hidden) var epochs = 12
    @Option(name: .customLong("bucket-bits"), help: .hidden) var bucketBits = 18

    func run() throws {
        if let trainEntities {
            // Hidden: rebuilds the entity model (see Benchmarks/entities/train.sh).
            let trainer = EntityModelTrainer(bucketBits: bucketBits, epochs: epochs)
            try trainer.run(directory: trainEntities, output: entityModelOutput) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            return
        }
        var kinds: Set<MentionKind>?
        if let only {
            do { kinds = try KindList.parse(only) } catch { throw ValidationError("--only: \(error)") }
        }
        try FilterLoop.run(ExtractStage(only: kinds), options: common)
    }
}
