import Foundation
import GleanerCore

/// The shared machinery of one run: HTTP client, politeness, robots, cache and WARC writer.
final class FetchContext: Sendable {
    let options: FetchOptions
    let sleep: @Sendable (Double) async -> Void
    let now: @Sendable () -> Date
    let web: WebFetcher

    init(options: FetchOptions, sleep: @escaping @Sendable (Double) async -> Void, now: @escaping @Sendable () -> Date) throws {
        self.options = options
        self.sleep = sleep
        self.now = now
        web = try WebFetcher(options: options, sleep: sleep, now: now)
    }

    func finish() { web.finish() }

    /// The `fetched_at` stamp for a document fetched now.
    func stamp() -> String { options.fetchedAt ?? Timestamp.rfc3339(now()) }

    /// Everything one source yields, in order.
    func process(_ item: SourceItem) async -> [SourceEvent] {
        switch item.kind {
        case .failed(let failure): return [.event(.failure(failure))]
        case .file(let path): return await readFile(path, item: item)
        case .warc(let path): return readArchive(path, item: item).map(SourceEvent.event)
        case .url(let url): return await web.fetch(url, input: item.input, line: item.line, depth: 0)
        }
    }

    private func readFile(_ path: String, item: SourceItem) async -> [SourceEvent] {
        let bytes: [UInt8]
        switch LocalFile.read(path, maxBytes: options.maxBytes, timeout: options.timeout) {
        case .success(let data): bytes = data
        case .failure(var failure):
            failure.input = item.input
            failure.line = item.line
            return [.event(.failure(failure))]
        }
        let document = Document(
            source: item.input, fetchedAt: stamp(),
            mediaType: MediaType.detect(contentType: nil, path: path, bytes: bytes), bytes: bytes)
        if options.followFeeds, let feed = FeedLinks.parse(bytes, base: nil), !feed.links.isEmpty || !feed.unresolved.isEmpty {
            var events: [SourceEvent] = []
            if let first = feed.unresolved.first {
                let count = feed.unresolved.count
                events.append(.event(.warning(
                    "\(feed.kind.rawValue) '\(item.input)': \(count) relative link\(count == 1 ? "" : "s") like '\(first)' left out:"
                        + " the file names no URL of its own to resolve \(count == 1 ? "it" : "them") against")))
            }
            return events + (await web.fetchAll(feed.links, depth: 1))
        }
        return Self.events(for: document, name: item.input).map(SourceEvent.event)
    }

    private func readArchive(_ path: String, item: SourceItem) -> [FetchEvent] {
        let bytes: [UInt8]
        switch LocalFile.read(path, maxBytes: WARCReader.maximumArchiveBytes, timeout: options.timeout) {
        case .success(let data): bytes = data
        case .failure(var failure):
            failure.input = item.input
            failure.line = item.line
            return [.failure(failure)]
        }
        return WARCReader.entries(in: bytes, archive: item.input, maxBytes: options.maxBytes).flatMap { entry -> [FetchEvent] in
            switch entry {
            case .success(var document):
                if let fetchedAt = options.fetchedAt { document.fetchedAt = fetchedAt }
                return Self.events(for: document, name: document.source)
            case .failure(var failure):
                failure.line = item.line
                return [.failure(failure)]
            }
        }
    }

    /// The record of a document, preceded by its decoding warning naming `name`.
    static func events(for document: Document, name: String) -> [FetchEvent] {
        let (record, warning) = document.record()
        var events: [FetchEvent] = []
        if let warning { events.append(.warning("'\(name)': \(warning)")) }
        events.append(.record(record))
        return events
    }
}
