import Foundation
import Testing
@testable import Fetching

/// Counts how many holders are inside at once.
private final class Occupancy: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private(set) var most = 0
    private(set) var order: [Int] = []

    func enter(_ index: Int) {
        lock.withLock {
            inside += 1
            most = max(most, inside)
            order.append(index)
        }
    }

    func leave() { lock.withLock { inside -= 1 } }
}

@Suite("politeness limits and requests")
struct PolitenessTests {
    @Test("the semaphore lets at most its limit in at once, and every waiter gets through")
    func semaphoreLimit() async {
        let semaphore = AsyncSemaphore(limit: 3)
        let occupancy = Occupancy()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    await semaphore.acquire()
                    occupancy.enter(index)
                    try? await Task.sleep(nanoseconds: 1_000_000)
                    occupancy.leave()
                    semaphore.release()
                }
            }
        }
        #expect(occupancy.most <= 3)
        #expect(occupancy.order.count == 40)
    }

    @Test("waiters on a full semaphore go in first come, first served")
    func semaphoreOrder() async {
        let semaphore = AsyncSemaphore(limit: 1)
        await semaphore.acquire()
        let occupancy = Occupancy()
        var tasks: [Task<Void, Never>] = []
        for index in 0..<5 {
            tasks.append(Task {
                await semaphore.acquire()
                occupancy.enter(index)
                semaphore.release()
            })
            // Each waiter is queued before the next one starts.
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        semaphore.release()
        for task in tasks { await task.value }
        #expect(occupancy.order == [0, 1, 2, 3, 4])
    }

    @Test("the host gate caps requests per host, not across hosts")
    func hostLimit() async {
        let gate = HostGate(limit: 2)
        let perHost = [Occupancy(), Occupancy()]
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<24 {
                let host = index % 2
                group.addTask {
                    await gate.acquire(host: "host\(host)", delay: 0)
                    perHost[host].enter(index)
                    try? await Task.sleep(nanoseconds: 1_000_000)
                    perHost[host].leave()
                    gate.release(host: "host\(host)")
                }
            }
        }
        #expect(perHost.map(\.most) == [2, 2])
        #expect(perHost.map(\.order.count) == [12, 12])
    }

    @Test("the host gate spaces request starts by the delay")
    func hostDelay() async {
        let gate = HostGate(limit: 4)
        let started = Date()
        for _ in 0..<3 {
            await gate.acquire(host: "example.org", delay: 0.1)
            gate.release(host: "example.org")
        }
        // Starts at 0, 0.1 and 0.2 s.
        #expect(Date().timeIntervalSince(started) >= 0.19)
    }

    @Test("a request's header fields are sent sorted; a value with CR or LF is never sent")
    func requestHeaders() {
        var request = HTTPRequest(url: URL(string: "http://127.0.0.1/")!)
        request.setValue("agent/1", forHTTPHeaderField: "User-Agent")
        request.setValue("*/*", forHTTPHeaderField: "Accept")
        request.setValue("agent/2", forHTTPHeaderField: "user-agent")
        request.setValue("\"x\"\r\nX-Injected: 1", forHTTPHeaderField: "If-None-Match")
        #expect(request.sortedHeaders.map { "\($0.name): \($0.value)" } == ["Accept: */*", "User-Agent: agent/2"])
    }

    @Test(
        "the charset parameter is read without spaces or quotes",
        arguments: [
            ("text/html; charset=UTF-8", "UTF-8"), ("text/html;charset=\"iso-8859-1\"", "iso-8859-1"),
            ("text/html; Charset = 'windows-1252' ", "windows-1252"), ("text/html", nil),
        ] as [(String, String?)])
    func charsetParameter(contentType: String, expected: String?) {
        #expect(MediaType.charsetParameter(contentType) == expected)
        #expect(MediaType.essence(contentType) == "text/html")
    }
}
