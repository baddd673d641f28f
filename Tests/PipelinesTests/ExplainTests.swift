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

    @Test("shell quoting", arguments: [
        ("plain-word_1.txt", "plain-word_1.txt"), ("two words", "'two words'"), ("it's", #"'it'\''s'"#),
        ("", "''"), ("$HOME", "'$HOME'"), ("a*b", "'a*b'"),
    ])
    func quoting(word: String, quoted: String) {
        #expect(ShellQuoting.quote(word) == quoted)
    }
}
