import GleanerCore

#if canImport(Glibc)
import Glibc
#endif

// Two ways in. Built with `-sanitize=fuzzer -DGLEANER_LIBFUZZER` (`make fuzz`), libFuzzer
// supplies `main` and calls the two functions below; GLEANER_FUZZ_TARGET names the harness.
// Built normally, `gleaner-fuzz HARNESS FILE...` replays saved inputs (the regression
// tests run every file in Tests/Fuzz/crashers this way).

nonisolated(unsafe) private var selected: Harness = .json

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = getenv("GLEANER_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let harness = Harness(rawValue: name) else {
        StandardError.write("gleaner-fuzz: set GLEANER_FUZZ_TARGET to one of \(Harness.allCases.map(\.rawValue).joined(separator: ", "))")
        exit(SysExit.usage)
    }
    selected = harness
    harness.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected.run(bytes)
    return 0
}

#if GLEANER_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point under this name; it hands over to libFuzzer.
@_cdecl("gleaner_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    _ = fuzzerInitialize(&count, &vector)
    return runDriver(&count, &vector) { data, size in fuzzerTestOneInput(data, size) }
}
#else
@main struct ReplayCommand {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let harness = Harness(rawValue: name) else {
            StandardError.write("usage: gleaner-fuzz HARNESS FILE...  (harnesses: \(Harness.allCases.map(\.rawValue).joined(separator: " ")))")
            exit(SysExit.usage)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                StandardError.write("gleaner-fuzz: cannot open '\(path)'")
                exit(SysExit.noInput)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = fread(&chunk, 1, chunk.count, file)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            fclose(file)
            harness.run(bytes)
        }
    }
}
#endif
