import Foundation

/// A counting semaphore for async code: at most `limit` holders at once, FIFO.
actor AsyncSemaphore {
    private let limit: Int
    private var active = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if active < limit {
            active += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            active -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// Politeness per host: at most `limit` requests in flight to one host, and
/// request starts at least `delay` seconds apart.
actor HostGate {
    private struct HostState {
        var active = 0
        var nextStart = Date.distantPast
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let limit: Int
    private var hosts: [String: HostState] = [:]

    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a slot on `host`, then reserves the next start time `delay` seconds later.
    func acquire(host: String, delay: Double) async {
        while true {
            var state = hosts[host, default: HostState()]
            if state.active >= limit {
                await withCheckedContinuation { continuation in
                    state.waiters.append(continuation)
                    hosts[host] = state
                }
                continue
            }
            let now = Date()
            if state.nextStart > now {
                let wait = state.nextStart.timeIntervalSince(now)
                // Reserve this start so others queue behind it.
                state.active += 1
                state.nextStart = state.nextStart.addingTimeInterval(delay)
                hosts[host] = state
                try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                return
            }
            state.active += 1
            state.nextStart = now.addingTimeInterval(delay)
            hosts[host] = state
            return
        }
    }

    func release(host: String) {
        guard var state = hosts[host] else { return }
        state.active -= 1
        if !state.waiters.isEmpty { state.waiters.removeFirst().resume() }
        hosts[host] = state
    }
}
