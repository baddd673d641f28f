import Foundation
import TestSupport
import Testing

@Suite("normalize --gazetteer")
struct EntityGazetteerOptionTests {
    private func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString).yaml")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a user's names are found and canonicalised")
    func userNames() throws {
        let file = try temporaryFile("- name: Caucasus Watch\n  kind: organization\n  aliases: [CW]\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let record = #"{"id":"a","text":"CW reported from Baku.","mentions":[]}"# + "\n"
        let result = try Executables.run("normalize", ["--gazetteer", file.path], input: Data(record.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains(#""name":"Caucasus Watch""#))
    }

    @Test("a malformed gazetteer exits 65 naming the file and line")
    func malformed() throws {
        let file = try temporaryFile("- name: Mars\n  kind: planet\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Executables.run("normalize", ["--gazetteer", file.path], input: Data())
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(file.path):1: unknown kind 'planet'"))
    }

    @Test("a missing gazetteer exits 66")
    func missing() throws {
        let result = try Executables.run("normalize", ["--gazetteer", "/nonexistent/names.yaml"], input: Data())
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/names.yaml"))
    }
}
