import ArgumentParser
import GleanerCore

struct Gleaner: GleanerCommand {
    static let configuration = CommandConfiguration(
        commandName: "gleaner",
        abstract: "Run, check and explain Gleaner YAML pipelines.",
        discussion: """
            Example:
              gleaner validate pipelines/seeds.yaml
              gleaner explain pipelines/seeds.yaml
              gleaner run pipelines/seeds.yaml
              gleaner test pipelines/seeds.yaml
              gleaner test --update pipelines/seeds.yaml
              gleaner init news
              gleaner --generate-completion-script bash > /etc/bash_completion.d/gleaner
            """,
        version: GleanerVersion.string,
        subcommands: [Run.self, Validate.self, Explain.self, Test.self, Init.self]
    )
}
