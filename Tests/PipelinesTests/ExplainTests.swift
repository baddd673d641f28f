import Testing
@testable import Pipelines

@Suite("explain: the equivalent shell pipeline")
struct ExplainTests {
    func plan(_ yaml: String, environment: [String: String] = [:], stats: Bool = false) throws -> ExecutionPlan {
        let pipeline = try PipelineLoader(environment: environment).load(yaml: yaml, file: "x.yaml")
        return ExecutionPlan(pipeline: pipeline, settings: .init(stats: stats))
    }

    @Test("options become --kebab-case flags; fetch paths are positional and quoted against the shell; kinds are comma-joined")
    func linear() throws {
        let explained = Explanation.shell(try plan("""
            stages:
              - fetch: { paths: ["seeds/*.txt"], fetched-at: "2023-12-07T00:00:00Z" }
              - clean: { keep-raw: true, include-comments: false }
              - extract: { only: [money, date] }
              - normalize: { reference-date: "${REFERENCE_DATE:-2023-12-07}" }
              - run: [jq, -c, 'select(.lang == "en")']
              - report
            """))
        #expect(explained == """
            fetch --fetched-at 2023-12-07T00:00:00Z 'seeds/*.txt' \\
              | clean --keep-raw \\
              | extract --only money,date \\
              | normalize --reference-date 2023-12-07 \\
              | jq -c 'select(.lang == "en")' \\
              | report
            """)
    }

    @Test("a report that is not last is teed with bash process substitution")
    func tee() throws {
        let explained = Explanation.shell(try plan("""
            stages:
              - normalize
              - report: { format: markdown, output: out/seeds.md }
              - report: { format: html, output: "out/my report.html" }
            """))
        #expect(explained == """
            normalize \\
              | tee >(report --format markdown --output out/seeds.md >/dev/null) \\
              | report --format html --output 'out/my report.html'
            """)
    }

    @Test("pipeline-wide error policy, jobs and stats reach every built-in stage, not run: stages")
    func pipelineSettings() throws {
        let commands = try plan("""
            on_error: dead-letter
            dead_letter: out/rejects.ndjson
            jobs: 2
            stages:
              - clean: { jobs: 8 }
              - run: [cat]
            """, stats: true).commands
        #expect(commands[0].arguments == ["clean", "--jobs", "8", "--dead-letter", "out/rejects.ndjson", "--stats"])
        #expect(commands[1].arguments == ["cat"])
        let skipping = try plan("on_error: skip\nstages: [extract]\n").commands
        #expect(skipping[0].arguments == ["extract", "--on-error", "skip"])
    }

    @Test("values starting with a dash use --name=value; dashed paths follow --")
    func dashedValues() throws {
        let commands = try plan(#"stages: [{fetch: {paths: ["-x.txt"], user-agent: "-bot"}}]"#).commands
        #expect(commands[0].arguments == ["fetch", "--user-agent=-bot", "--", "-x.txt"])
    }

    @Test("taps read from the stage before them and write nowhere")
    func planShape() throws {
        let plan = try plan("stages: [fetch, clean, {report: {output: a.md}}, {report: {output: b.json, format: json}}, {run: [cat]}]")
        #expect(plan.commands.map(\.input) == [nil, 0, 1, 1, 1])
        #expect(plan.commands.map(\.isTap) == [false, false, true, true, false])
        #expect(plan.consumers(of: 1) == [2, 3, 4])
        #expect(plan.outputIndex == 4)
    }

    @Test("--parallel: fetch is listed once, each block fetches its items and ends in report --partial, reports merge in order")
    func parallelFetch() throws {
        let explained = try Explanation.parallel(try plan("""
            stages:
              - fetch: { paths: ["docs/*.txt"], fetched-at: "2023-12-07T00:00:00Z" }
              - clean
              - report: { format: markdown, output: out/a.md }
              - report: { format: json, output: "out/my a.json" }
            """), jobs: 4, itemsPerBlock: 50)
        #expect(explained == """
            gleaner_block() {
              fetch --from-list - --fetched-at 2023-12-07T00:00:00Z 'docs/*.txt' \\
                | clean \\
                | report --partial
            }
            export -f gleaner_block
            fetch --list-sources --fetched-at 2023-12-07T00:00:00Z 'docs/*.txt' \\
              | parallel --pipe --keep-order -N 50 -j 4 gleaner_block \\
              | tee >(report --format markdown --output out/a.md --merge >/dev/null) \\
              | report --format json --output 'out/my a.json' --merge
            """)
    }

    @Test("--parallel: without a fetch, a source program or the standard input is cut into blocks of lines; no report gives records")
    func parallelLines() throws {
        let program = try Explanation.parallel(try plan("stages: [{run: [zcat, in.gz]}, extract]"), jobs: 2, itemsPerBlock: 100)
        #expect(program.hasSuffix("""
            zcat in.gz \\
              | parallel --pipe --keep-order --block 1M -j 2 gleaner_block
            """))
        #expect(program.contains("gleaner_block() {\n  extract\n}"))
        let input = try Explanation.parallel(try plan("stages: [report]"), jobs: 2, itemsPerBlock: 100)
        #expect(input.hasSuffix("\nparallel --pipe --keep-order --block 1M -j 2 gleaner_block \\\n  | report --merge"))
    }

    @Test("--parallel: values parallel would expand ({}, {= =}) stay inside the exported function, quoted for the shell")
    func parallelQuoting() throws {
        let explained = try Explanation.parallel(
            try plan(#"stages: [{fetch: {paths: ["-{}.txt", "{= system(1) =}"]}}, {run: [jq, "{a: .b}"]}]"#), jobs: 2, itemsPerBlock: 10)
        let lines = explained.split(separator: "\n")
        let distribute = try #require(lines.first { $0.contains("parallel --pipe") })
        #expect(!distribute.contains("{"))
        #expect(explained.contains("fetch --from-list - -- '-{}.txt' '{= system(1) =}'"))
        #expect(explained.contains("fetch --list-sources -- '-{}.txt' '{= system(1) =}'"))
        #expect(explained.contains("| jq '{a: .b}'"))
    }

    @Test("--parallel refuses a stage after a report, naming it")
    func parallelStageAfterReport() throws {
        #expect(throws: SplitPlanError(description: "stage 'run cat' comes after a report; gleaner explain --parallel runs reports last")) {
            try Explanation.parallel(try plan("stages: [clean, {report: {output: a}}, {run: [cat]}]"), jobs: 2, itemsPerBlock: 10)
        }
    }

    @Test("shell quoting", arguments: [
        ("plain-word_1.txt", "plain-word_1.txt"), ("two words", "'two words'"), ("it's", #"'it'\''s'"#),
        ("", "''"), ("$HOME", "'$HOME'"), ("a*b", "'a*b'"),
    ])
    func quoting(word: String, quoted: String) {
        #expect(ShellQuoting.quote(word) == quoted)
    }
}
