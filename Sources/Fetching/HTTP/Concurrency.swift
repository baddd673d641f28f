import Foundation

// These run several times per request. They are classes with a lock, not actors: a call that
// need not wait returns at once on the caller's thread, where an actor call hops to the actor
// and back and wakes a worker thread each way (that showed in fetch's profile at crawler rates).

/// A counting semaphore for async code: at most `limit` holders at once, FIFO.
final class AsyncSemaphore: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var active = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if lock.withLock({ takeFreeSlot() }) { return }
        await withCheckedContinuation { continuation in
            // A slot may have come free since the first look: take it, or queue.
            let taken = lock.withLock { () -> Bool in
                if takeFreeSlot() { return true }
                waiters.append(continuation)
                return false
            }
            if taken { continuation.resume() }
        }
    }

    func release() {
        let next = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            if waiters.isEmpty {
                active -= 1
                return nil
            }
            return waiters.removeFirst()  // the slot passes to it
        }
        next?.resume()
    }

    /// Under the lock.
    private func takeFreeSlot() -> Bool {
        guard active < limit else { return false }
        active += 1
        return true
    }
}

/// Politeness per host: at most `limit` requests in flight to one host, and
/// request starts at least `delay` seconds apart.
final class HostGate: @unchecked Sendable {
    private struct HostState {
        var active = 0
        var nextStart = Date.distantPast
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let lock = NSLock()
    private let limit: Int
    private var hosts: [String: HostState] = [:]

    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a slot on `host`, then reserves the next start time `delay` seconds later.
    func acquire(host: String, delay: Double) async {
        while true {
            if let wait = lock.withLock({ reserve(host: host, delay: delay) }) {
                if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
                return
            }
            await withCheckedContinuation { continuation in
                // Woken by a release, the loop tries again; a slot freed since the first look: at once.
                let free = lock.withLock { () -> Bool in
                    if hosts[host, default: HostState()].active < limit { return true }
                    hosts[host, default: HostState()].waiters.append(continuation)
                    return false
                }
                if free { continuation.resume() }
            }
        }
    }

    func release(host: String) {
        let next = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            guard var state = hosts[host] else { return nil }
            state.active -= 1
            let next = state.waiters.isEmpty ? nil : state.waiters.removeFirst()
            hosts[host] = state
            return next
        }
        next?.resume()
    }

    /// Under the lock: takes a slot on `host` and the next start time, returning the seconds to
    /// wait before starting (0: now), or `nil` when every slot is taken.
    private func reserve(host: String, delay: Double) -> Double? {
        var state = hosts[host, default: HostState()]
        guard state.active < limit else { return nil }
        state.active += 1
        let now = Date()
        var wait = 0.0
        if state.nextStart > now {
            // Reserve this start so others queue behind it.
            wait = state.nextStart.timeIntervalSince(now)
            state.nextStart = state.nextStart.addingTimeInterval(delay)
        } else {
            state.nextStart = now.addingTimeInterval(delay)
        }
        hosts[host] = state
        return wait
    }
}
