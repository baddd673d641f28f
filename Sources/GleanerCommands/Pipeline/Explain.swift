import ArgumentParser
import GleanerCore
import Pipelines

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the shell pipeline that does what a pipeline file does.",
        discussion: """
            Environment references are expanded; a report that is not the last stage becomes \
            `tee >(report ...)` (bash).

            With --parallel N, prints a bash script that runs the pipeline on blocks of its \
            input with GNU parallel (`parallel --pipe --keep-order -j N`): a fetch is cut into \
            its listed sources (`fetch --list-sources`, --block-items a block), each block ends \
            in `report --partial`, and each report runs with `--merge` on the partials, so the \
            reports are the ones `gleaner run` writes.

            Examples:
              gleaner explain pipelines/seeds.yaml | bash
              gleaner explain --parallel 4 pipelines/seeds.yaml > run.sh && bash run.sh
            """
    )

    @OptionGroup var file: PipelineFile

    @Flag(help: "Add --stats to every built-in stage, as `gleaner run --stats` does.")
    var stats = false

    @Option(help: ArgumentHelp("Print a GNU parallel script that runs N blocks at once.", valueName: "N"))
    var parallel: Int?

    @Option(help: ArgumentHelp("With --parallel: fetch sources a block (parallel -N).", valueName: "K"))
    var blockItems = 100

    func validate() throws {
        if let parallel, parallel < 1 { throw ValidationError("--parallel takes a number of jobs of at least 1 (got \(parallel))") }
        if blockItems < 1 { throw ValidationError("--block-items takes at least 1 (got \(blockItems))") }
    }

    func run() throws {
        let pipeline = try file.load()
        let plan = ExecutionPlan(pipeline: pipeline, settings: .init(stats: stats))
        let summary = pipeline.summary.map { ": " + $0 } ?? ""
        var script = Explanation.shell(plan)
        if let parallel {
            do {
                script = try Explanation.parallel(plan, jobs: parallel, itemsPerBlock: blockItems)
            } catch {
                StandardError.write("gleaner: \(file.path): \(error)")
                throw ExitCode(SysExit.usage)
            }
        }
        let text = Explanation.comment(pipeline.name + summary) + "\n" + script + "\n"
        guard FileDescriptorIO.writeAll(1, Array(text.utf8)) else {
            StandardError.write("gleaner: cannot write the explanation: \(IOFailure.errno("cannot write", "standard output"))")
            throw ExitCode(SysExit.ioError)
        }
    }
}
