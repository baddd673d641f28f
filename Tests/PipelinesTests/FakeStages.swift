import Foundation
import GleanerCore
import Pipelines
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder of stand-in stage programs (small shell scripts), and a runner that
/// finds them as it would find the real ones next to `gleaner`.
struct FakeStages {
    let folder: URL

    init() {
        folder = TemporaryFiles.folder()
    }

    /// Writes an executable script named `name` into the folder.
    @discardableResult
    func add(_ name: String, _ body: String, in subfolder: String? = nil) -> String {
        var directory = folder
        if let subfolder {
            directory = folder.appendingPathComponent(subfolder)
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let path = directory.appendingPathComponent(name).path
        // Written through a close-on-exec descriptor and renamed into place, so a process that
        // another test starts meanwhile cannot inherit it open for writing (ETXTBSY on exec).
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        let bytes = Array(("#!/bin/sh\n" + body + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        rename(temporary, path)
        return path
    }

    /// The stage programs every test can use: `fetch` prints one record per argument, the
    /// filters add a field naming themselves, so the output shows the order of the stages.
    func addStandardStages() {
        add("fetch", #"for a in "$@"; do printf '{"arg":"%s"}\n' "$a"; done"#)
        for name in ["clean", "extract", "normalize"] {
            add(name, #"sed 's/}$/,"\#(name)":true}/'"#)
        }
        add("report", """
            out=""
            while [ $# -gt 0 ]; do case "$1" in --output) out="$2"; shift;; esac; shift; done
            if [ -n "$out" ]; then cat > "$out"; else wc -l | tr -d ' '; fi
            """)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func runner(environment: [String: String] = [:], searchPath: [String] = ["/usr/bin", "/bin"]) -> PipelineRunner {
        PipelineRunner(
            locator: ExecutableLocator(siblingDirectory: folder.path, searchPath: searchPath),
            environment: environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine })
    }

    /// What a run left behind.
    struct Outcome {
        var report: RunReport
        var output: String
        var errors: String
    }

    /// Loads `yaml` (paths in it are relative to the folder) and runs it.
    func run(
        _ yaml: String, environment: [String: String] = [:], stats: Bool = false, countRecords: Bool = false,
        input: String = ""
    ) throws -> Outcome {
        let text = yaml.replacingOccurrences(of: "$DIR", with: folder.path)
        let pipeline = try PipelineLoader(environment: environment).load(yaml: text, file: "test.yaml")
        var runner = runner(environment: environment)
        runner.collectStats = stats
        runner.countRecords = countRecords
        let inputPath = path("stdin-\(UUID().uuidString)")
        let outputPath = path("stdout-\(UUID().uuidString)")
        let errorPath = path("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input.utf8))
        runner.standardInput = open(inputPath, O_RDONLY)
        runner.standardOutput = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        runner.standardError = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer {
            close(runner.standardInput)
            close(runner.standardOutput)
            close(runner.standardError)
        }
        let report = try runner.run(ExecutionPlan(pipeline: pipeline, settings: .init(stats: stats)))
        return Outcome(report: report, output: read(outputPath), errors: read(errorPath))
    }

    func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
