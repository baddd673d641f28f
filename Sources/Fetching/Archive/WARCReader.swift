import Foundation

/// Reads `.warc` and `.warc.gz` files (ours or any standard crawler's) as a source:
/// each `response` record with an HTTP message, and each `resource` record, becomes a document.
enum WARCReader {
    /// The largest archive read from disk (2 GiB).
    static let maximumArchiveBytes = Int(Int32.max)

    /// The most a `.warc.gz` may inflate to in total: 20 times its size (web pages compress 5 to
    /// 10 times), and at least 4 × `--max-bytes`; a gzip bomb stops there.
    static func inflationLimit(compressed: Int, maxBytes: Int) -> Int {
        min(maximumArchiveBytes, max(compressed.multipliedReportingOverflow(by: 20).partialValue, maxBytes.multipliedReportingOverflow(by: 4).partialValue))
    }

    /// The longest WARC record header read.
    static let maximumHeadBytes = 1 << 16
    /// Room for the HTTP status line and headers in a `response` block beside the
    /// `--max-bytes` body.
    static let httpHeadAllowance = 1 << 16

    /// Every record of an archive that fetch turns into a document, in archive order, as it
    /// inflates: a record whose block is over `maxBytes` (plus room for HTTP headers) is passed
    /// over without being held and becomes a failure naming its target; the archive stops at
    /// a damaged record or once it inflates past ``inflationLimit(compressed:maxBytes:)``, with
    /// a failure after the documents read before it.
    /// - Parameters:
    ///   - file: The archive as stored: gzip members or plain WARC.
    ///   - archive: The archive's name as given (failures and documents quote it).
    ///   - maxBytes: `--max-bytes`: the largest body kept.
    static func entries(in file: [UInt8], archive: String, maxBytes: Int) -> [Result<Document, FetchFailure>] {
        var stream = ArchiveStream(file: file, inflationLimit: inflationLimit(compressed: file.count, maxBytes: maxBytes))
        let blockLimit = maxBytes.addingReportingOverflow(httpHeadAllowance).partialValue
        var entries: [Result<Document, FetchFailure>] = []
        func failure(_ reason: FailureReason, _ message: String) -> FetchFailure {
            FetchFailure(input: archive, reason: reason, message: "WARC '\(archive)': \(message)")
        }
        do {
            while true {
                try stream.skipLineBreaks()
                if try stream.atEnd() { break }
                let offset = stream.position
                guard let head = try stream.head(maximumLength: maximumHeadBytes), head.starts(with: Array("WARC/".utf8)) else {
                    entries.append(.failure(failure(.badArchive, "no WARC record at byte \(offset)")))
                    break
                }
                let fields = parseFields(head[0..<(head.count - 4)])
                guard let length = fields["content-length"].flatMap({ Int($0) }), length >= 0 else {
                    entries.append(.failure(failure(.badArchive, "bad Content-Length in record at byte \(offset)")))
                    break
                }
                let type = fields["warc-type"] ?? ""
                let target = fields["warc-target-uri"]
                guard let target, type == "response" || type == "resource" else {
                    guard try stream.skip(count: length) else {
                        entries.append(.failure(failure(.badArchive, "record at byte \(offset) cut short")))
                        break
                    }
                    continue
                }
                guard length <= blockLimit else {
                    entries.append(.failure(failure(
                        .tooLarge, "record '\(target)' at byte \(offset) holds \(length) bytes, over --max-bytes \(maxBytes)")))
                    guard try stream.skip(count: length) else {
                        entries.append(.failure(failure(.badArchive, "record at byte \(offset) cut short")))
                        break
                    }
                    continue
                }
                guard let block = try stream.read(count: length) else {
                    entries.append(.failure(failure(.badArchive, "record at byte \(offset) cut short")))
                    break
                }
                let date = fields["warc-date"] ?? ""
                let contentType = fields["content-type"] ?? ""
                if type == "response", contentType.lowercased().hasPrefix("application/http") {
                    do {
                        if let document = try httpDocument(block, target: target, date: date, archive: archive, maxBytes: maxBytes) {
                            entries.append(.success(document))
                        }
                    } catch {
                        entries.append(.failure(failure(.badBody, "record '\(target)' at byte \(offset): \(error)")))
                    }
                } else {
                    entries.append(
                        .success(
                            Document(
                                source: target, finalURL: target, fetchedAt: date,
                                mediaType: MediaType.detect(contentType: contentType, path: target, bytes: block), bytes: block,
                                declaredCharset: MediaType.charsetParameter(contentType), archive: archive)))
                }
            }
        } catch {
            entries.append(.failure(failure(.badArchive, "\(error) at byte \(stream.position)")))
        }
        return entries
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
        guard body.count <= maxBytes else { throw GzipError.tooLarge(limit: maxBytes) }
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
