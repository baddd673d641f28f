public import Foundation
import GleanerCore

/// Fetches sources in order and hands each result to an output.
///
/// Sources are worked on concurrently (HTTP requests up to `concurrency`,
/// within the per-host limits) but results are handed over strictly in
/// source order, so output is deterministic. At most a window of sources
/// beyond the oldest unfinished one is in flight, which keeps memory bounded
/// on lists of any length.
public struct Fetcher: Sendable {
    public var options: FetchOptions
    /// Waits between retries; tests pass one that records and returns at once.
    public var sleep: @Sendable (Double) async -> Void
    /// The current time for `fetched_at`.
    public var now: @Sendable () -> Date

    public init(
        options: FetchOptions,
        sleep: @escaping @Sendable (Double) async -> Void = { seconds in
            try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
        },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.options = options
        self.sleep = sleep
        self.now = now
    }

    /// Fetches `items` and hands every event to `output`, in item order.
    /// - Returns: The run's counts.
    /// - Throws: What `output` throws, or an I/O error opening `--warc`/`--cache`.
    public func run(_ items: [SourceItem], output: inout some FetchOutput) async throws -> FetchSummary {
        let context = try FetchContext(options: options, sleep: sleep, now: now)
        defer { context.finish() }
        var summary = FetchSummary()
        summary.sources = items.count
        let window = max(1, options.concurrency) * 16
        var pending: [Int: [SourceEvent]] = [:]
        var nextToEmit = 0
        var writtenArticles = Set<String>()
        try await withThrowingTaskGroup(of: (Int, [SourceEvent]).self) { group in
            var nextToStart = 0
            func startMore() {
                while nextToStart < items.count, nextToStart - nextToEmit < window {
                    let index = nextToStart
                    let item = items[index]
                    group.addTask { (index, await context.process(item)) }
                    nextToStart += 1
                }
            }
            startMore()
            while let (index, events) = try await group.next() {
                pending[index] = events
                while let ready = pending.removeValue(forKey: nextToEmit) {
                    nextToEmit += 1
                    var articles: [String] = []
                    let events = Self.flatten(ready, written: &writtenArticles, articles: &articles)
                    for url in articles { await context.web.written(article: url) }
                    for event in events {
                        Self.count(event, into: &summary)
                        if try !output.handle(event) {
                            summary.stopped = true
                            group.cancelAll()
                            return
                        }
                    }
                }
                startMore()
            }
        }
        return summary
    }

    /// The events to write, in order: an article's only where its URL first appears in the run.
    static func flatten(_ events: [SourceEvent], written: inout Set<String>, articles: inout [String]) -> [FetchEvent] {
        var result: [FetchEvent] = []
        for event in events {
            switch event {
            case .event(let event): result.append(event)
            case .article(let url, let inner):
                guard written.insert(url).inserted else { continue }
                articles.append(url)
                result += flatten(inner, written: &written, articles: &articles)
            }
        }
        return result
    }

    private static func count(_ event: FetchEvent, into summary: inout FetchSummary) {
        switch event {
        case .record(let record):
            summary.records += 1
            if record["cached"] == .bool(true) { summary.cached += 1 }
        case .warning: summary.warnings += 1
        case .failure(let failure):
            summary.failures[failure.reason, default: 0] += 1
            if summary.firstFailure == nil { summary.firstFailure = failure }
        }
    }
}
