import Dispatch
import Foundation
public import GleanerCore

/// One run of `fetch`: resolve the sources, fetch them in order through ``RecordOutput``,
/// print the `--stats` line and the summary; the executable parses arguments and calls ``run()``.
public struct FetchJob: Sendable {
    public var settings: StageSettings
    public var options: FetchOptions
    /// Files of URLs (`--urls`).
    public var urlLists: [String]
    /// `--from-list`: fetch the items of a `--list-sources` output in this file (`-`: standard
    /// input) instead of resolving the inputs.
    public var sourceList: String?
    /// `--list-sources`: print the resolved items as NDJSON and fetch nothing.
    public var listSources = false

    public init(settings: StageSettings, options: FetchOptions, urlLists: [String] = []) {
        self.settings = settings
        self.options = options
        self.urlLists = urlLists
    }

    /// Runs the job and returns its exit status (sysexits); diagnostics go to stderr.
    public func run() async -> Int32 {
        ignoreBrokenPipeSignal()
        let started = DispatchTime.now()
        let items: [SourceItem]
        switch sourceItems() {
        case .success(let resolved): items = resolved
        case .failure(let failure):
            StandardError.write("fetch: \(failure.message)")
            return failure.status
        }
        if listSources {
            var text = ""
            for item in items { text += JSONCodec.string(item.json) + "\n" }
            guard FileDescriptorIO.writeAll(1, Array(text.utf8)) else { return SysExit.ioError }
            return SysExit.ok
        }
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

    /// Why the source list could not be read.
    struct ListFailure: Error {
        var message: String
        var status: Int32
    }

    /// The items to fetch: the inputs resolved, or a `--list-sources` list read back.
    private func sourceItems() -> Result<[SourceItem], ListFailure> {
        if sourceList == "-" || settings.inputs.contains("-"), let failure = TerminalInput.backgroundFailure(0) {
            return .failure(ListFailure(message: failure.description, status: failure.exitStatus))
        }
        guard let sourceList else {
            let resolver = SourceResolver { StandardInput.readAll() }
            return .success(resolver.resolve(arguments: settings.inputs, urlLists: urlLists))
        }
        let bytes = sourceList == "-" ? StandardInput.readAll() : FileManager.default.contents(atPath: sourceList).map { [UInt8]($0) }
        guard let bytes else {
            return .failure(ListFailure(message: "cannot read the source list '\(sourceList)'", status: SysExit.noInput))
        }
        do {
            return .success(try SourceItem.list(bytes))
        } catch {
            return .failure(ListFailure(message: "\(sourceList): \(error)", status: SysExit.dataError))
        }
    }
}
