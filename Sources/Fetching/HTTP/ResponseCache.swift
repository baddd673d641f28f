import Foundation
import GleanerCore

/// `--cache DIR`: the last good response per URL, so a re-run can ask
/// "changed since?" (ETag / Last-Modified) and reuse the body on 304.
///
/// Each URL is two files named by the SHA-256 of the URL: `<hash>.json`
/// (validators, status, headers, when) and `<hash>.body`. Both are written
/// atomically, so an interrupted run leaves no half entry.
struct ResponseCache: Sendable {
    struct Entry: Sendable, Equatable {
        var finalURL: String
        var status: Int
        var fetchedAt: String
        var etag: String?
        var lastModified: String?
        var headers: [String: String]
        var body: [UInt8]
    }

    let directory: String

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
    }

    private func paths(_ url: String) -> (meta: String, body: String) {
        let key = SHA256.hex(url.utf8)
        return ("\(directory)/\(key).json", "\(directory)/\(key).body")
    }

    func lookup(_ url: String) -> Entry? {
        let (metaPath, bodyPath) = paths(url)
        guard let meta = FileManager.default.contents(atPath: metaPath),
            let body = FileManager.default.contents(atPath: bodyPath),
            let object = try? JSONCodec.parse([UInt8](meta)).objectValue,
            let finalURL = object["final_url"]?.stringValue, let status = object["status"]?.numberValue,
            let fetchedAt = object["fetched_at"]?.stringValue
        else { return nil }
        var headers: [String: String] = [:]
        for (name, value) in object["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue }
        return Entry(
            finalURL: finalURL, status: Int(status), fetchedAt: fetchedAt, etag: object["etag"]?.stringValue,
            lastModified: object["last_modified"]?.stringValue, headers: headers, body: [UInt8](body))
    }

    func store(_ url: String, _ entry: Entry) {
        let (metaPath, bodyPath) = paths(url)
        var object: JSONObject = [
            "url": .string(url), "final_url": .string(entry.finalURL), "status": .number(Double(entry.status)),
            "fetched_at": .string(entry.fetchedAt),
        ]
        if let etag = entry.etag { object["etag"] = .string(etag) }
        if let lastModified = entry.lastModified { object["last_modified"] = .string(lastModified) }
        var headers = JSONObject()
        for name in entry.headers.keys.sorted() { headers[name] = .string(entry.headers[name]!) }
        object["headers"] = .object(headers)
        var bytes: [UInt8] = []
        JSONCodec.write(.object(object), into: &bytes)
        // Body first: a meta file never points at a missing body.
        try? AtomicFile.write(entry.body, to: bodyPath)
        try? AtomicFile.write(bytes, to: metaPath)
    }
}
