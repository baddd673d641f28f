import Foundation

/// Reads `.warc` and `.warc.gz` files (ours or any standard crawler's) as a source:
/// each `response` record with an HTTP message, and each `resource` record, becomes a document.
enum WARCReader {
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// The largest archive read from disk (2 GiB).
    static let maximumArchiveBytes = Int(Int32.max)

    /// The most a `.warc.gz` may inflate to: 20 times its size (web pages compress 5 to 10
    /// times), and at least 4 × `--max-bytes`; a gzip bomb stops there.
    static func inflationLimit(compressed: Int, maxBytes: Int) -> Int {
        min(maximumArchiveBytes, max(compressed.multipliedReportingOverflow(by: 20).partialValue, maxBytes.multipliedReportingOverflow(by: 4).partialValue))
    }

    static func documents(in file: [UInt8], archive: String, maxBytes: Int) throws -> [Document] {
        let bytes = Gzip.isGzip(file) ? try Gzip.decompress(file, limit: inflationLimit(compressed: file.count, maxBytes: maxBytes)) : file
        var documents: [Document] = []
        var offset = 0
        let crlfcrlf: [UInt8] = [13, 10, 13, 10]
        while offset < bytes.count {
            while offset < bytes.count, bytes[offset] == 13 || bytes[offset] == 10 { offset += 1 }
            guard offset < bytes.count else { break }
            guard bytes[offset...].starts(with: Array("WARC/".utf8)),
                let headEnd = find(crlfcrlf, in: bytes, from: offset)
            else { throw FormatError(description: "no WARC record at byte \(offset)") }
            let fields = parseFields(bytes[offset..<headEnd])
            guard let length = fields["content-length"].flatMap({ Int($0) }), headEnd + 4 + length <= bytes.count else {
                throw FormatError(description: "bad Content-Length in record at byte \(offset)")
            }
            let block = Array(bytes[(headEnd + 4)..<(headEnd + 4 + length)])
            offset = headEnd + 4 + length
            let type = fields["warc-type"] ?? ""
            guard let target = fields["warc-target-uri"], type == "response" || type == "resource" else { continue }
            let date = fields["warc-date"] ?? ""
            let contentType = fields["content-type"] ?? ""
            if type == "response", contentType.lowercased().hasPrefix("application/http") {
                if let document = try httpDocument(block, target: target, date: date, archive: archive, maxBytes: maxBytes) {
                    documents.append(document)
                }
            } else {
                documents.append(
                    Document(
                        source: target, finalURL: target, fetchedAt: date,
                        mediaType: MediaType.detect(contentType: contentType, path: target, bytes: block), bytes: block,
                        declaredCharset: MediaType.charsetParameter(contentType), archive: archive))
            }
        }
        return documents
    }

    private static func httpDocument(
        _ block: [UInt8], target: String, date: String, archive: String, maxBytes: Int
    ) throws -> Document? {
        guard let headEnd = find([13, 10, 13, 10], in: block, from: 0) else { return nil }
        let head = String(decoding: block[0..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        // Redirects, errors and robots.txt are part of the crawl, not documents.
        guard statusLine.count >= 2, let status = Int(statusLine[1]), (200..<300).contains(status),
            URL(string: target)?.path != "/robots.txt"
        else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
        var body = Array(block[(headEnd + 4)...])
        if header("transfer-encoding")?.lowercased().contains("chunked") == true { body = dechunk(body) }
        if let encoding = header("content-encoding")?.lowercased(), encoding == "gzip" || encoding == "deflate" || encoding == "x-gzip" {
            body = try Gzip.decompress(body, limit: maxBytes)
        }
        let contentType = header("content-type")
        return Document(
            source: target, finalURL: target, status: status, fetchedAt: date,
            mediaType: MediaType.detect(contentType: contentType, path: URL(string: target)?.path ?? target, bytes: body),
            bytes: body, declaredCharset: contentType.flatMap(MediaType.charsetParameter),
            headers: KeptHeaders.select(headers), archive: archive)
    }

    static func dechunk(_ body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var offset = 0
        while let lineEnd = find([13, 10], in: body, from: offset) {
            let sizeText = String(decoding: body[offset..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0,
                lineEnd + 2 + size <= body.count
            else { break }
            output += body[(lineEnd + 2)..<(lineEnd + 2 + size)]
            offset = lineEnd + 2 + size + 2
        }
        return output
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func parseFields(_ head: ArraySlice<UInt8>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}

/// The response headers a record keeps: what later stages and re-fetches need.
enum KeptHeaders {
    static let names: Set<String> = [
        "content-type", "content-language", "last-modified", "etag", "x-robots-tag", "link",
    ]

    static func select(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        headers.filter { names.contains($0.name) }.sorted { $0.name < $1.name }
    }
}
