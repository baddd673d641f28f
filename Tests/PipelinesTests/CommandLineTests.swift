import Foundation
import Testing
import TestSupport

/// The `gleaner` executable as a user runs it: a copy next to stand-in stage programs.
@Suite("the gleaner command")
struct CommandLineTests {
    /// A folder holding a copy of the built `gleaner`, stand-in stages and a pipeline file.
    func workspace(pipeline: String) throws -> FakeStages {
        let stages = FakeStages()
        let built = Executables.path("gleaner")
        try #require(FileManager.default.isExecutableFile(atPath: built), "build gleaner first: \(built) is missing")
        try FileManager.default.copyItem(atPath: built, toPath: stages.path("gleaner"))
        stages.addStandardStages()
        try Data(pipeline.utf8).write(to: stages.folder.appendingPathComponent("p.yaml"))
        return stages
    }

    func gleaner(_ stages: FakeStages, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try Executables.run(
            stages.path("gleaner"), arguments, directory: stages.folder,
            environment: ["PATH": "/usr/bin:/bin"].merging(environment) { _, new in new })
    }

    @Test("validate exits 0 for a good file and 65 with every problem for a bad one")
    func validate() throws {
        let good = try workspace(pipeline: "stages: [fetch, clean]\n")
        let ok = try gleaner(good, ["validate", "p.yaml"])
        #expect(ok.status == 0)
        #expect(ok.output == "p.yaml: ok (2 stages, 0 tests)\n")

        let bad = try workspace(pipeline: "stages:\n  - claen\n  - extract: { onlyy: [money] }\n")
        let result = try gleaner(bad, ["validate", "p.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr == """
            p.yaml:2:5: unknown stage 'claen' (did you mean 'clean'?)
            p.yaml:3:16: unknown option 'onlyy' for stage 'extract' (did you mean 'only'?)
            gleaner: 2 problems in p.yaml

            """)
    }

    @Test("run refuses an invalid file without starting anything")
    func runRefusesInvalid() throws {
        let stages = try workspace(pipeline: "stages: [fetch, claen]\n")
        let result = try gleaner(stages, ["run", "p.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("p.yaml:1:17: unknown stage 'claen'"))
        #expect(result.output.isEmpty)
    }

    @Test("run uses the stages next to gleaner and prints the last stage's output")
    func run() throws {
        let stages = try workspace(pipeline: "stages:\n  - fetch: { paths: [\"${DOC:-a.txt}\"] }\n  - clean\n")
        let result = try gleaner(stages, ["run", "p.yaml"], environment: ["DOC": "b.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output == "{\"arg\":\"b.txt\",\"clean\":true}\n")
    }

    @Test("run with its standard input closed still ends when a reader stops early")
    func closedStandardInput() throws {
        let stages = try workspace(pipeline: "stages:\n  - run: [yes, '{}']\n  - run: [head, -n, '2']\n")
        let result = try Executables.run(
            "/bin/sh", ["-c", "exec 0<&-; timeout 60 ./gleaner run p.yaml"], directory: stages.folder,
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output == "{}\n{}\n")
    }

    @Test("run names the failed stage and exits with its status")
    func runFailure() throws {
        let stages = try workspace(pipeline: "stages:\n  - fetch: { paths: [a] }\n  - clean\n  - extract\n")
        stages.add("clean", "cat >/dev/null; exit 65")
        let result = try gleaner(stages, ["run", "p.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("gleaner: stage 2 'clean' failed with exit status 65 (p.yaml:3:5)"))
    }

    @Test("explain prints a shell pipeline that gives the same output as run")
    func explainMatchesRun() throws {
        let stages = try workspace(pipeline: "stages:\n  - fetch: { paths: [\"a b.txt\", c.txt] }\n  - clean\n  - extract\n")
        let explained = try gleaner(stages, ["explain", "p.yaml"])
        #expect(explained.status == 0)
        #expect(explained.output == "# p\nfetch 'a b.txt' c.txt \\\n  | clean \\\n  | extract\n")
        let shell = try Executables.run(
            "/bin/sh", ["-c", explained.output], directory: stages.folder,
            environment: ["PATH": stages.folder.path + ":/usr/bin:/bin"])
        let run = try gleaner(stages, ["run", "p.yaml"])
        #expect(shell.output == run.output)
        #expect(run.output.split(separator: "\n").count == 2)
    }

    @Test("test prints one line per test and N passed, M failed")
    func test() throws {
        let stages = try workspace(pipeline: """
            stages: [fetch, clean, report]
            tests:
              - name: cleaned
                input: doc.txt
                records: 1
                fields: { arg: doc.txt, clean: true }
              - name: wrong
                input: doc.txt
                fields: { arg: other.txt }
            """)
        let result = try gleaner(stages, ["test", "p.yaml"])
        #expect(result.status == 1)
        #expect(result.output == """
            ok   cleaned
            FAIL wrong
                 p.yaml:9:15: arg: expected "other.txt", found "doc.txt"
            3 passed, 1 failed

            """)
    }
}
