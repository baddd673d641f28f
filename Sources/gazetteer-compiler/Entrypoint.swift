import Foundation
import ResourceTables

/// Build-time tool run by `GazetteerPlugin`: compiles the gazetteer's text files into one mapped container.
/// Usage: gazetteer-compiler OUTPUT PLACES.tsv GIVEN-NAMES.txt SURNAMES.txt ENGLISH-WORDS.txt
@main struct GazetteerCompiler {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count == 5 else {
            FileHandle.standardError.write(Data("usage: gazetteer-compiler OUTPUT PLACES GIVEN SURNAMES WORDS\n".utf8))
            exit(64)
        }
        func text(_ path: String) -> String {
            // A missing list gives an empty table, as the gazetteer always allowed.
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        let bytes = GazetteerTables.compile(
            placesTSV: text(arguments[1]), givenNames: text(arguments[2]), surnames: text(arguments[3]),
            englishWords: text(arguments[4]))
        try Data(bytes).write(to: URL(fileURLWithPath: arguments[0]), options: .atomic)
    }
}
