import CCurl
import Foundation

/// One GET request as fetch sends it: the URL and its header fields. A small value of our own
/// (Foundation's `URLRequest` showed in fetch's profile, and fetch needs only these two parts).
struct HTTPRequest: Sendable {
    var url: URL
    /// The header fields in the order set, names as written.
    private(set) var headers: [(name: String, value: String)] = []

    init(url: URL) { self.url = url }

    /// Sets a header field; a name set again, in any letter case, gets the new value. A value
    /// with a CR, LF or NUL (a `--user-agent`, an edited cache entry) is not sent: it would end
    /// the field and smuggle another into the request.
    mutating func setValue(_ value: String, forHTTPHeaderField name: String) {
        guard !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else { return }
        let lower = name.lowercased()
        if let index = headers.firstIndex(where: { $0.name.lowercased() == lower }) {
            headers[index].value = value
        } else {
            headers.append((name, value))
        }
    }

    /// The header fields sorted by name, as they go on the wire and into the WARC.
    var sortedHeaders: [(name: String, value: String)] { headers.sorted { $0.name < $1.name } }
}

/// One HTTP response as received: status, headers (names lowercased, sorted) and the decoded body.
struct HTTPResponse: Sendable {
    var url: URL
    var status: Int
    var headers: [(name: String, value: String)]
    /// The body after Content-Encoding (gzip, deflate) was undone.
    var body: [UInt8]

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }
}

/// Why one HTTP exchange failed before a response was complete.
struct TransportError: Error, Sendable {
    var reason: FailureReason
    var detail: String
    /// Connection-level failures worth another try.
    var retryable: Bool
}

/// The time limits of one request.
struct RequestLimits: Sendable {
    /// The most body bytes accepted after decompression.
    var maxBytes: Int
    /// Connecting, or no data at all for this long, fails the request (`--timeout`).
    var idleTimeout: Double
    /// The whole exchange, body included, ends by then (what is left of `--deadline`).
    var totalTimeout: Double
    /// `--deny-private`: refuse to connect to a non-public address, whatever DNS said before.
    var denyPrivate = false
}

/// Single HTTP requests over libcurl's multi interface, without following redirects (the
/// fetcher follows them itself, so robots, `--deny-private` and the redirect limit apply to
/// every hop). One thread drives every transfer and sleeps in `curl_multi_poll` until a socket
/// is ready, so slow servers cost no CPU; the body-size cap holds while the body arrives,
/// after decompression.
final class HTTPClient: Sendable {
    private let engine: CurlEngine

    init(hostConcurrency: Int) {
        engine = CurlEngine(hostConcurrency: hostConcurrency)
    }

    deinit { engine.stop() }

    /// Performs one request.
    func perform(_ request: HTTPRequest, limits: RequestLimits) async -> Result<HTTPResponse, TransportError> {
        let transfer = CurlTransfer(url: request.url, headers: request.sortedHeaders, limits: limits)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                engine.submit(transfer)
            }
        } onCancel: {
            engine.cancel(transfer)
        }
    }
}

/// The thread that runs libcurl's multi handle, and the queue of work handed to it.
private final class CurlEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var incoming: [CurlTransfer] = []
    private var cancelled: [CurlTransfer] = []
    private var stopping = false
    // Touched only on the engine's thread after start.
    private let multi: UnsafeMutableRawPointer
    private var active: [ObjectIdentifier: CurlTransfer] = [:]

    static let globalSetup: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    init(hostConcurrency: Int) {
        _ = Self.globalSetup
        multi = curl_multi_init()!
        gleaner_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, hostConcurrency))
        gleaner_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, 256)
        let thread = Thread { [self] in self.loop() }
        thread.name = "gleaner-curl"
        thread.start()
    }

    func submit(_ transfer: CurlTransfer) {
        lock.withLock { incoming.append(transfer) }
        curl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        lock.withLock { cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    func stop() {
        lock.withLock { stopping = true }
        curl_multi_wakeup(multi)
    }

    private func loop() {
        var running: Int32 = 0
        while true {
            let (starting, ending, stop) = lock.withLock { () -> ([CurlTransfer], [CurlTransfer], Bool) in
                defer { incoming = []; cancelled = [] }
                return (incoming, cancelled, stopping)
            }
            for transfer in starting {
                if let failure = transfer.start() {
                    transfer.finish(.failure(failure))
                    continue
                }
                active[ObjectIdentifier(transfer)] = transfer
                curl_multi_add_handle(multi, transfer.handle)
            }
            for transfer in ending where active[ObjectIdentifier(transfer)] != nil {
                remove(transfer)
                transfer.finish(.failure(TransportError(reason: .network, detail: "cancelled", retryable: false)))
            }
            if stop {
                for transfer in active.values {
                    remove(transfer)
                    transfer.finish(.failure(TransportError(reason: .network, detail: "cancelled", retryable: false)))
                }
                curl_multi_cleanup(multi)
                return
            }
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard gleaner_message_done(message) != 0, let handle = gleaner_message_handle(message),
                    let context = gleaner_easy_private(handle)
                else { continue }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                let code = gleaner_message_result(message)
                remove(transfer)
                transfer.finish(transfer.outcome(code))
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func remove(_ transfer: CurlTransfer) {
        curl_multi_remove_handle(multi, transfer.handle)
        active[ObjectIdentifier(transfer)] = nil
    }
}

/// One request's easy handle and what has arrived for it so far.
private final class CurlTransfer: @unchecked Sendable {
    let url: URL
    let requestHeaders: [(name: String, value: String)]
    let limits: RequestLimits
    var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>?
    private(set) var handle: UnsafeMutableRawPointer?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var headers: [(name: String, value: String)] = []
    private var contentLengths: [String] = []
    private var body: [UInt8] = []
    private var inflater: StreamingInflater?
    private var bodyStarted = false
    private var failure: TransportError?
    private var excess = false

    init(url: URL, headers: [(name: String, value: String)], limits: RequestLimits) {
        self.url = url
        requestHeaders = headers
        self.limits = limits
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        curl_slist_free_all(headerList)
    }

    /// Creates and configures the easy handle; a failure to do so is returned.
    func start() -> TransportError? {
        guard let handle = curl_easy_init() else {
            return TransportError(reason: .network, detail: "cannot start a transfer (libcurl)", retryable: false)
        }
        self.handle = handle
        let context = Unmanaged.passUnretained(self).toOpaque()
        gleaner_easy_setopt_string(handle, CURLOPT_URL, url.absoluteString)
        gleaner_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context)
        gleaner_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        gleaner_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        gleaner_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        gleaner_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(min(limits.idleTimeout, limits.totalTimeout)))
        gleaner_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(limits.totalTimeout))
        // No byte at all for --timeout seconds: the server stalled.
        gleaner_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        gleaner_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(limits.idleTimeout.rounded(.up))))
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in requestHeaders {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        if requestHeaders.contains(where: { $0.name.lowercased() == "accept-encoding" }) == false {
            list = curl_slist_append(list, "Accept-Encoding: gzip, deflate")
        }
        list = curl_slist_append(list, "Expect:")
        headerList = list
        gleaner_easy_setopt_headers(handle, list)
        gleaner_easy_setopt_write(handle, curlWrite, context)
        gleaner_easy_setopt_header(handle, curlHeader, context)
        // curl says "Excess found" only in its verbose text: a body longer than Content-Length.
        gleaner_easy_setopt_long(handle, CURLOPT_VERBOSE, 1)
        gleaner_easy_setopt_debug(handle, curlDebug, context)
        if limits.denyPrivate { gleaner_easy_setopt_opensocket(handle, curlOpenSocket, context) }
        return nil
    }

    private static func milliseconds(_ seconds: Double) -> Int { max(1, Int((seconds * 1000).rounded(.up))) }

    func finish(_ result: Result<HTTPResponse, TransportError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }

    // MARK: callbacks (on the engine's thread)

    /// One header line as curl hands it over (with its CR LF), parsed on the bytes: this runs
    /// for every header of every response.
    func receiveHeader(_ line: UnsafeRawBufferPointer) -> Bool {
        let bytes = line.bindMemory(to: UInt8.self)
        var start = 0
        var end = bytes.count
        while start < end, Self.isSpace(bytes[start]) { start += 1 }
        while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
        if start == end { return checkHeaders() }
        if end - start >= 5, bytes[start] == UInt8(ascii: "H"), bytes[start + 1] == UInt8(ascii: "T"),
            bytes[start + 2] == UInt8(ascii: "T"), bytes[start + 3] == UInt8(ascii: "P"), bytes[start + 4] == UInt8(ascii: "/")
        {
            // A new response (after 100 Continue): its headers replace the last ones.
            headers = []
            contentLengths = []
            return true
        }
        guard let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) else { return true }
        var nameEnd = colon
        while nameEnd > start, Self.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < end, Self.isSpace(bytes[valueStart]) { valueStart += 1 }
        let name = String(decoding: bytes[start..<nameEnd].lazy.map(Self.lowercased), as: UTF8.self)
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
        if name == "content-length" { contentLengths.append(value) }
        if let index = headers.firstIndex(where: { $0.name == name }) {
            headers[index].value += ", " + value
        } else {
            headers.append((name, value))
        }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a }
    private static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5a).contains(byte) ? byte | 0x20 : byte }

    /// At the end of the headers: conflicting or oversized Content-Length, unknown encodings.
    private func checkHeaders() -> Bool {
        let lengths = Set(contentLengths.flatMap { $0.split(separator: ",").map { $0.filter { $0 != " " && $0 != "\t" } } })
        if lengths.count > 1 {
            failure = TransportError(
                reason: .badBody, detail: "conflicting Content-Length headers (\(contentLengths.joined(separator: ", ")))",
                retryable: false)
            return false
        }
        if let declared = lengths.first.flatMap({ Int($0) }), declared > limits.maxBytes {
            failure = TransportError(
                reason: .tooLarge, detail: "Content-Length \(declared) is over --max-bytes \(limits.maxBytes)", retryable: false)
            return false
        }
        if let encoding = headers.first(where: { $0.name == "content-encoding" })?.value, encoding.lowercased() != "identity" {
            inflater = StreamingInflater(encoding: encoding)
        } else if let declared = lengths.first.flatMap({ Int($0) }), declared > 0 {
            // One allocation for the body instead of regrowing per chunk; a server's promise of a
            // huge body reserves no more than 1 MiB up front.
            body.reserveCapacity(min(declared, 1 << 20))
        }
        return true
    }

    func receiveBody(_ data: UnsafeRawBufferPointer) -> Bool {
        bodyStarted = true
        do throws(GzipError) {
            if let inflater {
                try inflater.feed(data, into: &body, limit: limits.maxBytes)
            } else if body.count + data.count > limits.maxBytes {
                throw .tooLarge(limit: limits.maxBytes)
            } else {
                body.append(contentsOf: data)
            }
            return true
        } catch {
            switch error {
            case .tooLarge:
                failure = TransportError(
                    reason: .tooLarge, detail: "body is over --max-bytes \(limits.maxBytes) (after decompression)", retryable: false)
            case .corrupt(let detail):
                failure = TransportError(reason: .badBody, detail: "corrupt compressed body (\(detail))", retryable: false)
            }
            body = []
            return false
        }
    }

    func noteDebugText(_ text: String) {
        if text.hasPrefix("Excess found") { excess = true }
    }

    /// Whether `address` may be connected to under `--deny-private`.
    func refuse(address: String) {
        failure = TransportError(
            reason: .privateAddress, detail: "refused private address \(address) of host '\(url.host ?? "")'", retryable: false)
    }

    /// The result once curl is done with the transfer.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, TransportError> {
        if let failure { return .failure(failure) }
        guard code == CURLE_OK else { return .failure(classify(code)) }
        if excess, let declared = contentLengths.first {
            return .failure(TransportError(reason: .badBody, detail: "body is longer than its Content-Length \(declared)", retryable: false))
        }
        if let inflater, bodyStarted, !inflater.finished {
            return .failure(TransportError(reason: .badBody, detail: "truncated compressed body", retryable: true))
        }
        let status = Int(gleaner_easy_response_code(handle))
        guard status > 0 else { return .failure(TransportError(reason: .network, detail: "no HTTP response", retryable: true)) }
        return .success(HTTPResponse(url: url, status: status, headers: headers.sorted { $0.name < $1.name }, body: body))
    }

    private func classify(_ code: CURLcode) -> TransportError {
        CurlFailure.classify(
            code.rawValue, message: String(cString: curl_easy_strerror(code)), arrived: body.count,
            declaredLength: contentLengths.first)
    }
}

/// libcurl's result codes in words a person understands.
enum CurlFailure {
    /// - Parameters:
    ///   - code: the `CURLcode`'s raw value.
    ///   - arrived: body bytes received before the failure.
    ///   - declaredLength: the response's Content-Length, if any.
    static func classify(_ code: UInt32, message: String, arrived: Int = 0, declaredLength: String? = nil)
        -> TransportError
    {
        switch CURLcode(code) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportError(reason: .dns, detail: "host not found (DNS)", retryable: false)
        case CURLE_COULDNT_CONNECT:
            return TransportError(reason: .refused, detail: "connection refused", retryable: true)
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(reason: .timeout, detail: "timed out", retryable: true)
        case CURLE_PARTIAL_FILE:
            let declared = declaredLength.map { " \($0)" } ?? ""
            return TransportError(
                reason: .badBody, detail: "body is shorter than its Content-Length\(declared) (\(arrived) bytes arrived)", retryable: true)
        case CURLE_BAD_CONTENT_ENCODING:
            return TransportError(reason: .badBody, detail: "corrupt compressed body", retryable: false)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
            CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_NOTFOUND:
            return TransportError(reason: .tls, detail: "TLS failure (\(message))", retryable: false)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return TransportError(reason: .network, detail: message, retryable: true)
        default:
            return TransportError(reason: .network, detail: message, retryable: false)
        }
    }
}

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer {
    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
}

private let curlWrite: gleaner_data_callback = { data, size, count, context in
    let length = size * count
    return transfer(context).receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlHeader: gleaner_data_callback = { data, size, count, context in
    let length = size * count
    return transfer(context).receiveHeader(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlDebug: gleaner_debug_callback = { _, type, data, size, context in
    // Every informational line comes here; only one starting "Excess found" matters, so the
    // first letter is checked before any text is made.
    if type == CURLINFO_TEXT, let data, size >= 12, UInt8(bitPattern: data.pointee) == UInt8(ascii: "E") {
        transfer(context).noteDebugText(String(decoding: UnsafeRawBufferPointer(start: data, count: min(size, 64)), as: UTF8.self))
    }
    return 0
}

private let curlOpenSocket: gleaner_opensocket_callback = { context, _, address in
    guard let address else { return CURL_SOCKET_BAD }
    let family = address.pointee.family
    var blocked: String?
    withUnsafeMutablePointer(to: &address.pointee.addr) { pointer in
        // curl's storage behind `addr` is large enough for the family's whole sockaddr.
        if family == AF_INET {
            let bytes = pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr_bytes }
            if AddressPolicy.isPrivateIPv4(bytes) { blocked = AddressPolicy.describe(bytes) }
        } else if family == AF_INET6 {
            let bytes = pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr_bytes }
            if AddressPolicy.isPrivateIPv6(bytes) { blocked = AddressPolicy.describe(bytes) }
        }
    }
    if let blocked {
        transfer(context).refuse(address: blocked)
        return CURL_SOCKET_BAD
    }
    return socket(family, address.pointee.socktype, address.pointee.protocol)
}

extension sockaddr_in {
    fileprivate var sin_addr_bytes: [UInt8] { withUnsafeBytes(of: sin_addr) { Array($0) } }
}

extension sockaddr_in6 {
    fileprivate var sin6_addr_bytes: [UInt8] { withUnsafeBytes(of: sin6_addr) { Array($0) } }
}
