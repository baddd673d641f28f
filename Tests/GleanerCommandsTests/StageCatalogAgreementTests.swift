import ArgumentParser
import GleanerCore
import Pipelines
import Testing
@testable import GleanerCommands

/// `gleaner validate` checks stage options against ``StageCatalog``; the executables parse them
/// with ArgumentParser. These tests read the commands' own argument definitions and hold the two
/// to each other, so an option added to one and not the other fails here.
@Suite("StageCatalog agrees with the commands")
struct StageCatalogAgreementTests {
    /// One option of a command, as ArgumentParser describes it.
    struct Declared: Equatable {
        var isFlag: Bool
        var choices: [String]?
    }

    static let commands: [String: any ParsableCommand.Type] = [
        "fetch": FetchCommand.self, "clean": CleanCommand.self, "extract": ExtractCommand.self,
        "normalize": NormalizeCommand.self, "report": ReportCommand.self,
    ]

    /// The long options of a command (help, version and hidden options left out), from its help dump.
    static func options(of command: any ParsableCommand.Type) throws -> [String: Declared] {
        let dump = try JSONCodec.parse(command._dumpHelp())
        let arguments = dump.objectValue?["command"]?.objectValue?["arguments"]?.arrayValue ?? []
        var options: [String: Declared] = [:]
        for argument in arguments {
            guard let object = argument.objectValue, let kind = object["kind"]?.stringValue, kind != "positional" else { continue }
            // Hidden options (the entity model's training switches) are for developers, not pipeline files.
            if object["shouldDisplay"]?.boolValue == false { continue }
            let names = object["names"]?.arrayValue ?? []
            guard let long = names.compactMap({ $0.objectValue }).first(where: { $0["kind"]?.stringValue == "long" }),
                let name = long["name"]?.stringValue, name != "help", name != "version"
            else { continue }
            let choices = object["allValues"]?.arrayValue?.compactMap(\.stringValue)
            options[name] = Declared(isFlag: kind == "flag", choices: choices)
        }
        return options
    }

    @Test("every built-in stage in the catalog has a command, and no command is missing from it")
    func sameStages() {
        #expect(Set(StageCatalog.names) == Set(Self.commands.keys))
    }

    @Test("the catalog lists exactly the options each command parses, flags as flags, with the same choices",
          arguments: StageCatalog.names)
    func sameOptions(_ stage: String) throws {
        let description = try #require(StageCatalog.stage(named: stage))
        let command = try #require(Self.commands[stage])
        let declared = try Self.options(of: command)
        let catalogued = description.allOptions.filter { $0.value != .positional }
        #expect(Set(declared.keys) == Set(catalogued.keys), "\(stage)")
        for (name, type) in catalogued {
            guard let option = declared[name] else { continue }
            #expect(option.isFlag == (type == .flag), "\(stage) --\(name)")
            if case .choice(let words) = type, let choices = option.choices {
                #expect(Set(words) == Set(choices), "\(stage) --\(name)")
            }
        }
    }
}
