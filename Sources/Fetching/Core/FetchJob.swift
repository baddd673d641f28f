import Dispatch
public import GleanerCore

/// One run of `fetch`: resolve the sources, fetch them in order through ``RecordOutput``,
/// print the `--stats` line and the summary; the executable parses arguments and calls ``run()``.
public struct FetchJob: Sendable {
    public var settings: StageSettings
    public var options: FetchOptions
    /// Files of URLs (`--urls`).
    public var urlLists: [String]

    public init(settings: StageSettings, options: FetchOptions, urlLists: [String] = []) {
        self.settings = settings
        self.options = options
        self.urlLists = urlLists
    }

    /// Runs the job and returns its exit status (sysexits); diagnostics go to stderr.
    public func run() async -> Int32 {
        ignoreBrokenPipeSignal()
        let started = DispatchTime.now()
        let resolver = SourceResolver { StandardInput.readAll() }
        let items = resolver.resolve(arguments: settings.inputs, urlLists: urlLists)
        var output: RecordOutput
        do {
            output = try RecordOutput(settings: settings)
        } catch {
            StandardError.write("fetch: \(error)")
            return error.exitStatus
        }
        let summary: FetchSummary
        do {
            summary = try await Fetcher(options: options).run(items, output: &output)
            try output.finish()
        } catch is ClosedOutput {
            return SysExit.ok
        } catch {
            StandardError.write("fetch: \(error)")
            return (error as? IOFailure)?.exitStatus ?? SysExit.ioError
        }
        if settings.stats {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            StandardError.write(summary.json(seconds: seconds))
        }
        if let rejection = output.stoppedBy {
            StandardError.write("fetch: \(rejection)")
            return rejection.exitStatus
        }
        if let line = output.policy.summary(output.statistics, noun: "sources") { StandardError.write(line) }
        return SysExit.ok
    }
}
