import Foundation
import ResourceTables

/// Build-time tool run by `GazetteerPlugin`: compiles the gazetteer's text files into one mapped container.
/// Usage: gazetteer-compiler OUTPUT PLACES.tsv GIVEN-NAMES.txt SURNAMES.txt ENGLISH-WORDS.txt
struct GazetteerCompiler {
    static func compile(_ arguments: [String]) throws {
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

#if GLEANER_LIBFUZZER
// `make fuzz` builds every target with `-sanitize=fuzzer`, so this build-time tool is linked with
// libFuzzer too. SwiftPM links an executable's entry point under this name (as gleaner-fuzz does),
// so the tool still does its one job and the plugin gets its gazetteer.bin in the fuzz build.
@_cdecl("gazetteer_compiler_main")
public func compilerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    do {
        try GazetteerCompiler.compile(Array(CommandLine.arguments.dropFirst()))
        return 0
    } catch {
        FileHandle.standardError.write(Data("gazetteer-compiler: \(error)\n".utf8))
        return 1
    }
}

/// libFuzzer's runtime, linked in by the fuzz build, needs a target; this tool fuzzes nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func noFuzzing(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
#else
@main struct GazetteerCompilerCommand {
    static func main() throws { try GazetteerCompiler.compile(Array(CommandLine.arguments.dropFirst())) }
}
#endif
