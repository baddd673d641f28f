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

    @Test("${VAR:?message} and ${VAR:+alternative} work as in Docker Compose", arguments: [
        ("${NAME:?give a name}", "world"), ("${NAME:+set}", "set"), ("${EMPTY:+set}", ""), ("${MISSING:+set}", ""),
        ("--stats${NAME:+ on}", "--stats on"), ("a${NAME:+-}b${EMPTY:+-}c", "a-bc"),
    ])
    func requiredAndAlternative(input: String, output: String) throws {
        #expect(try expansion.expand(input) == output)
    }

    @Test("${VAR:?message} fails with the file's message when VAR is unset or empty")
    func requiredMessage() {
        #expect(throws: EnvironmentExpansion.Failure.required("REF", message: "set REF to the day of the run")) {
            try expansion.expand("${REF:?set REF to the day of the run}")
        }
        #expect(throws: EnvironmentExpansion.Failure.required("EMPTY", message: "")) { try expansion.expand("${EMPTY:?}") }
        #expect(EnvironmentExpansion.Failure.required("REF", message: "say when").description
            == "environment variable 'REF' is not set: say when")
    }

    @Test("did-you-mean uses edit distance with transpositions")
    func suggestions() {
        #expect(Suggestion.closest(to: "claen", among: StageCatalog.names) == "clean")
        #expect(Suggestion.closest(to: "normalise", among: StageCatalog.names) == "normalize")
        #expect(Suggestion.closest(to: "translate", among: StageCatalog.names) == nil)
    }
}
