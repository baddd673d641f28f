import Foundation
import GleanerCore

/// `--warc FILE`: every HTTP exchange as a WARC/1.1 (ISO 28500) request and
/// response record pair, after one `warcinfo` record. A name ending in `.gz`
/// compresses each record as its own gzip member, as standard tools expect.
///
/// The response record holds the body as the fetcher received it after
/// Content-Encoding was undone; its headers drop Content-Encoding and
/// Transfer-Encoding and carry the true Content-Length, so every WARC reader
/// sees a consistent HTTP message.
final class WARCWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let compress: Bool
    private let lock = NSLock()
    let path: String

    /// Creates (truncating) `path` and writes the `warcinfo` record.
    init(path: String, software: String, date: Date) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw FetchSetupError("cannot create WARC file '\(path)'")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw FetchSetupError("cannot open WARC file '\(path)'")
        }
        self.handle = handle
        self.path = path
        compress = path.lowercased().hasSuffix(".gz")
        let fields = "software: \(software)\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        write(
            type: "warcinfo", date: date, targetURI: nil, contentType: "application/warc-fields",
            block: Array(fields.utf8), extra: [("WARC-Filename", (path as NSString).lastPathComponent)])
    }

    func close() {
        lock.withLock { try? handle.close() }
    }

    /// Writes one request and its response.
    func writeExchange(request: HTTPRequest, response: HTTPResponse, date: Date) {
        let url = request.url
        var requestText = "GET \(Self.requestTarget(url)) HTTP/1.1\r\n"
        requestText += "Host: \(Self.hostHeader(url))\r\n"
        for (name, value) in request.sortedHeaders {
            requestText += "\(name): \(value)\r\n"
        }
        requestText += "\r\n"
        var responseHead = "HTTP/1.1 \(response.status) \(Self.reasonPhrase(response.status))\r\n"
        for header in response.headers
        where !["content-encoding", "transfer-encoding", "content-length"].contains(header.name) {
            responseHead += "\(Self.displayName(header.name)): \(header.value)\r\n"
        }
        responseHead += "Content-Length: \(response.body.count)\r\n\r\n"
        let responseID = Self.recordID()
        let payloadDigest = "sha256:" + Hex.base32(SHA256.digest(response.body))
        write(
            type: "response", date: date, targetURI: url.absoluteString,
            contentType: "application/http;msgtype=response", block: Array(responseHead.utf8) + response.body,
            extra: [("WARC-Payload-Digest", payloadDigest)], id: responseID)
        write(
            type: "request", date: date, targetURI: url.absoluteString,
            contentType: "application/http;msgtype=request", block: Array(requestText.utf8),
            extra: [("WARC-Concurrent-To", responseID)])
    }

    private func write(
        type: String, date: Date, targetURI: String?, contentType: String, block: [UInt8],
        extra: [(String, String)], id: String = WARCWriter.recordID()
    ) {
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(id)\r\nWARC-Date: \(Timestamp.rfc3339(date))\r\n"
        if let targetURI { head += "WARC-Target-URI: \(targetURI)\r\n" }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        head += "WARC-Block-Digest: sha256:\(Hex.base32(SHA256.digest(block)))\r\n"
        head += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        var record = Array(head.utf8)
        record += block
        record += Array("\r\n\r\n".utf8)
        let bytes = compress ? Gzip.compress(record) : record
        lock.withLock { handle.write(Data(bytes)) }
    }

    static func recordID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    static func requestTarget(_ url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    static func hostHeader(_ url: URL) -> String {
        guard let host = url.host else { return "" }
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// `content-type` → `Content-Type`.
    static func displayName(_ name: String) -> String {
        name.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "-")
    }

    static func reasonPhrase(_ status: Int) -> String {
        let phrases: [Int: String] = [
            200: "OK", 201: "Created", 204: "No Content", 206: "Partial Content", 301: "Moved Permanently",
            302: "Found", 303: "See Other", 304: "Not Modified", 307: "Temporary Redirect",
            308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? "Status"
    }
}

/// A run that cannot start: `--warc` or `--cache` cannot be opened.
public struct FetchSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
