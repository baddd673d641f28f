import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

/// A single HTTP request/response over URLSession, without following redirects
/// (the fetcher follows them itself, so robots, `--deny-private` and the
/// redirect limit apply to every hop), with a body-size cap enforced while the
/// body arrives, after decompression.
final class HTTPClient: Sendable {
    private let session: URLSession
    private let delegate: SessionDelegate

    init(hostConcurrency: Int) {
        delegate = SessionDelegate()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpMaximumConnectionsPerHost = max(1, hostConcurrency)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit { session.invalidateAndCancel() }

    /// Performs one request.
    /// - Parameters:
    ///   - request: The request, with its timeout and headers set.
    ///   - maxBytes: The most body bytes accepted after decompression.
    func perform(_ request: URLRequest, maxBytes: Int) async -> Result<HTTPResponse, TransportError> {
        let handle = CancellableTask()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let task = session.dataTask(with: request)
                delegate.register(task: task, maxBytes: maxBytes, continuation: continuation)
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

/// Cancels the URLSession task when the Swift task that awaits it is cancelled
/// (a run stopping at its first failure does not wait for slow responses).
private final class CancellableTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelled = false

    func start(_ task: URLSessionTask) {
        let cancelled = lock.withLock {
            self.task = task
            return self.cancelled
        }
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }
}

/// Collects each task's response and body; finishes its continuation once.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct TaskState {
        var maxBytes: Int
        var body: [UInt8] = []
        var failure: TransportError?
        var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>
    }

    private let lock = NSLock()
    private var states: [Int: TaskState] = [:]

    func register(
        task: URLSessionTask, maxBytes: Int,
        continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>
    ) {
        lock.withLock { states[task.taskIdentifier] = TaskState(maxBytes: maxBytes, continuation: continuation) }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = lock.withLock { () -> Bool in
            guard let state = states[dataTask.taskIdentifier] else { return false }
            let declared = response.expectedContentLength
            if declared > state.maxBytes {
                states[dataTask.taskIdentifier]?.failure = TransportError(
                    reason: .tooLarge, detail: "Content-Length \(declared) is over --max-bytes \(state.maxBytes)",
                    retryable: false)
                return true
            }
            return false
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = lock.withLock { () -> Bool in
            guard var state = states[dataTask.taskIdentifier], state.failure == nil else { return false }
            if state.body.count + data.count > state.maxBytes {
                state.failure = TransportError(
                    reason: .tooLarge, detail: "body is over --max-bytes \(state.maxBytes) (after decompression)",
                    retryable: false)
                state.body = []
                states[dataTask.taskIdentifier] = state
                return true
            }
            states[dataTask.taskIdentifier] = nil
            state.body.append(contentsOf: data)
            states[dataTask.taskIdentifier] = state
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // The fetcher follows redirects itself, hop by hop.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let state = lock.withLock({ states.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = state.failure {
            state.continuation.resume(returning: .failure(failure))
            return
        }
        if let error {
            state.continuation.resume(returning: .failure(Self.classify(error)))
            return
        }
        guard let http = task.response as? HTTPURLResponse, let url = http.url ?? task.originalRequest?.url else {
            state.continuation.resume(
                returning: .failure(TransportError(reason: .network, detail: "no HTTP response", retryable: true)))
            return
        }
        var headers: [(name: String, value: String)] = []
        for (key, value) in http.allHeaderFields {
            if let name = key as? String, let value = value as? String { headers.append((name.lowercased(), value)) }
        }
        headers.sort { $0.name < $1.name }
        state.continuation.resume(
            returning: .success(HTTPResponse(url: url, status: http.statusCode, headers: headers, body: state.body)))
    }

    /// Maps a URLSession error to a failure reason a person understands.
    static func classify(_ error: any Error) -> TransportError {
        guard let urlError = error as? URLError else {
            return TransportError(reason: .network, detail: "\(error)", retryable: true)
        }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed:
            return TransportError(reason: .dns, detail: "host not found (DNS)", retryable: false)
        case .cannotConnectToHost:
            return TransportError(reason: .refused, detail: "connection refused", retryable: true)
        case .timedOut:
            return TransportError(reason: .timeout, detail: "timed out", retryable: true)
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            return TransportError(reason: .tls, detail: "TLS failure (\(urlError.localizedDescription))", retryable: false)
        case .networkConnectionLost, .notConnectedToInternet, .badServerResponse:
            return TransportError(reason: .network, detail: urlError.localizedDescription, retryable: true)
        case .cancelled:
            return TransportError(reason: .network, detail: "cancelled", retryable: false)
        case .dataLengthExceedsMaximum:
            return TransportError(reason: .tooLarge, detail: "body is over --max-bytes", retryable: false)
        default:
            // FoundationNetworking reports some libcurl failures (a certificate it cannot verify)
            // as .unknown with curl's message; the message still says what happened.
            let message = urlError.localizedDescription
            if ["SSL", "TLS", "certificate"].contains(where: message.contains) {
                return TransportError(reason: .tls, detail: "TLS failure (\(message))", retryable: false)
            }
            return TransportError(reason: .network, detail: message, retryable: false)
        }
    }
}
