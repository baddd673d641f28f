public import ArgumentParser
public import Cleaning
import GleanerCore

extension BodyFormat: ExpressibleByArgument {}

/// `clean`: HTML or scraped text in `raw` → article `text`, metadata and `boilerplate`.
struct CleanCommand: GleanerCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Turn fetched documents into article text, metadata and accounted-for boilerplate.",
        discussion: """
            Reads NDJSON records with `raw` (HTML or plain text) and writes them with title, published, \
            byline, section, tags, lang, site_name, url, text and boilerplate[]. `raw` is dropped \
            unless --keep-raw. A record with `text` and no `raw` is cleaned again.

            Example:
              fetch seeds/*.txt | clean | extract
              fetch page.html | clean --format markdown | jq -r .text
            """,
        version: GleanerVersion.string)

    @OptionGroup var common: StageOptions

    @Flag(help: "Keep the raw field in the output.")
    var keepRaw = false

    @Flag(help: "Keep reader comments in text instead of moving them to boilerplate.")
    var includeComments = false

    @Option(help: "Body format: text or markdown (markdown keeps headings, lists and links).")
    var format: BodyFormat = .text

    func run() throws {
        let stage = CleanStage(keepRaw: keepRaw, includeComments: includeComments, format: format)
        try FilterLoop.run(stage, options: common)
    }
}
