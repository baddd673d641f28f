import Testing
@testable import Pipelines

/// Relative paths in a pipeline file are relative to the file's folder.
@Suite("paths resolve against the pipeline file's folder")
struct PathResolutionTests {
    let yaml = """
        on_error: dead-letter
        dead_letter: ../out/rejects.ndjson
        stages:
          - fetch: { paths: ["../seeds/*.txt", "-", "https://example.com/a", /abs/b.txt] }
          - normalize: { rates: ../data/rates.csv }
          - run: [jq, -c, ., ../keep/as/written]
          - report: { output: ../out/r.md }
        tests:
          - { name: t, input: ../seeds/a.txt, records: 1 }
        """

    func resolved(_ base: String) throws -> Pipeline {
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: yaml, file: base + "/p.yaml")
        return PathResolution.resolve(pipeline, against: PathResolution.folder(of: pipeline.file))
    }

    @Test("file paths, globs, outputs, the dead-letter file and test inputs; not URLs, '-' or run: arguments")
    func resolvesFilePaths() throws {
        let pipeline = try resolved("/home/me/project/pipelines")
        #expect(pipeline.stages[0].option("paths") == .list(["/home/me/project/seeds/*.txt", "-", "https://example.com/a", "/abs/b.txt"]))
        #expect(pipeline.stages[1].option("rates") == .text("/home/me/project/data/rates.csv"))
        #expect(pipeline.stages[2].kind == .command(["jq", "-c", ".", "../keep/as/written"]))
        #expect(pipeline.stages[3].option("output") == .text("/home/me/project/out/r.md"))
        #expect(pipeline.deadLetter == "/home/me/project/out/rejects.ndjson")
        #expect(pipeline.tests[0].input == "/home/me/project/seeds/a.txt")
    }

    @Test("a file named relative to the current folder gives paths relative to it, as short as they go")
    func relativeFile() throws {
        let pipeline = try resolved("pipelines")
        #expect(pipeline.stages[0].option("paths") == .list(["seeds/*.txt", "-", "https://example.com/a", "/abs/b.txt"]))
        #expect(pipeline.deadLetter == "out/rejects.ndjson")
        #expect(PathResolution.folder(of: "seeds.yaml") == ".")
        #expect(PathResolution.join("x", "../../up") == "../up")
    }

    @Test("rates: ecb names normalize's bundled rates, not a file")
    func builtInRates() throws {
        let pipeline = try PipelineLoader(environment: [:]).load(yaml: "stages:\n  - normalize: { rates: ecb }\n", file: "/x/p.yaml")
        let resolved = PathResolution.resolve(pipeline, against: "/x")
        #expect(resolved.stages[0].option("rates") == .text("ecb"))
        #expect(PathResolution.missingFiles(resolved) { _ in false }.isEmpty)
    }

    @Test("files the stages would fail to read are reported at their stage or test")
    func missingFiles() throws {
        let pipeline = try resolved("/home/me/project/pipelines")
        let problems = PathResolution.missingFiles(pipeline) { $0 != "/home/me/project/data/rates.csv" }
        #expect(problems.map(\.description) == [
            "/home/me/project/pipelines/p.yaml:5:5: the 'rates' file of stage 'normalize' does not exist: /home/me/project/data/rates.csv",
        ])
        #expect(PathResolution.missingFiles(pipeline) { $0.hasSuffix(".csv") }.isEmpty)
    }
}
