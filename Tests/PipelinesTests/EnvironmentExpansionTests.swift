import Testing
@testable import Pipelines

@Suite("${VAR:-default} expansion")
struct EnvironmentExpansionTests {
    let expansion = EnvironmentExpansion(environment: ["NAME": "world", "EMPTY": ""])

    @Test("references are replaced", arguments: [
        ("hello ${NAME}", "hello world"), ("${MISSING:-x}", "x"), ("${EMPTY:-fallback}", "fallback"),
        ("${EMPTY}", ""), ("$NAME stays", "$NAME stays"), ("$${NAME}", "${NAME}"), ("a${NAME}b${NAME}", "aworldbworld"),
        ("${MISSING:-}", ""),
    ])
    func expands(input: String, output: String) throws {
        #expect(try expansion.expand(input) == output)
    }

    @Test("malformed references and unset variables are errors")
    func failures() {
        #expect(throws: EnvironmentExpansion.Failure.unset("MISSING")) { try expansion.expand("${MISSING}") }
        #expect(throws: EnvironmentExpansion.Failure.unterminated("${NAME")) { try expansion.expand("${NAME") }
        #expect(throws: EnvironmentExpansion.Failure.badName("1X")) { try expansion.expand("${1X}") }
    }

    @Test("did-you-mean uses edit distance with transpositions")
    func suggestions() {
        #expect(Suggestion.closest(to: "claen", among: StageCatalog.names) == "clean")
        #expect(Suggestion.closest(to: "normalise", among: StageCatalog.names) == "normalize")
        #expect(Suggestion.closest(to: "translate", among: StageCatalog.names) == nil)
    }
}
