import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stops a run's stages: on SIGTERM, SIGINT or SIGHUP to the runner, and when a stage or the
/// whole run outlives its timeout.
///
/// Every stage leads its own process group (see ``SystemProcess/spawn``), so the signal reaches
/// whatever the stage started (`run:` scripts and their children). A group still running
/// ``gracePeriod`` seconds after the signal gets SIGKILL: no stage outlives the runner.
final class SignalForwarding: @unchecked Sendable {
    /// The signals the runner passes on to its stages.
    static let forwarded: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    /// Seconds between the signal and SIGKILL.
    static let gracePeriod = 5.0

    private let lock = NSLock()
    private var groups: [Int: pid_t] = [:]
    private var finished = Set<Int>()
    private var pending: [(signal: Int32, at: Double)] = []
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "gleaner.signals")
    /// The first signal the runner received, if any.
    private(set) var received: Int32?
    /// The stages stopped because they ran out of time.
    private(set) var timedOut = Set<Int>()

    /// Starts catching the forwarded signals (until ``stop()``).
    func start() {
        for number in Self.forwarded {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.deliver(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops catching signals; their default actions come back.
    func stop() {
        sources.forEach { $0.cancel() }
        sources = []
        for number in Self.forwarded { signal(number, SIG_DFL) }
    }

    /// A stage started: a signal already received reaches it at once.
    func started(_ index: Int, pid: pid_t) {
        lock.withLock {
            groups[index] = pid
            if let received { _ = kill(-pid, received) }
        }
    }

    /// A stage ended; its group is not signalled again.
    func ended(_ index: Int) {
        lock.withLock { _ = finished.insert(index) }
    }

    /// The stages started and not yet ended.
    func running() -> [Int] {
        lock.withLock { groups.keys.filter { !finished.contains($0) }.sorted() }
    }

    /// The runner got `signal`: pass it on to every running stage.
    func deliver(_ signal: Int32) {
        lock.withLock {
            if received == nil { received = signal }
        }
        send(signal, to: nil)
    }

    /// Stage `index` (or, for nil, every stage) ran out of time: SIGTERM now, SIGKILL later.
    func expire(_ index: Int?) {
        lock.withLock {
            if let index { timedOut.insert(index) } else { timedOut.formUnion(groups.keys.filter { !finished.contains($0) }) }
        }
        send(SIGTERM, to: index)
    }

    /// After every stage leader has ended: when the run was signalled or timed out, whatever
    /// is left in the stages' groups (a `run:` script's background jobs, which ignore SIGINT)
    /// gets SIGTERM, and SIGKILL if it is still there after ``gracePeriod``. Returns when the
    /// groups are empty.
    func sweep() {
        let (stopping, pgids) = lock.withLock { (received != nil || !timedOut.isEmpty, Array(groups.values)) }
        guard stopping else { return }
        func alive() -> [pid_t] { pgids.filter { kill(-$0, 0) == 0 } }
        alive().forEach { _ = kill(-$0, SIGTERM) }
        var waited = 0.0
        while !alive().isEmpty, waited < Self.gracePeriod {
            usleep(20_000)
            waited += 0.02
        }
        alive().forEach { _ = kill(-$0, SIGKILL) }
    }

    private func send(_ signal: Int32, to index: Int?) {
        lock.withLock {
            // Ended stages too: what a `run:` script left running in its group still goes.
            for (stage, pid) in groups where index == nil || index == stage { _ = kill(-pid, signal) }
        }
        queue.asyncAfter(deadline: .now() + Self.gracePeriod) { [weak self] in
            self?.lock.withLock {
                guard let self else { return }
                for (stage, pid) in self.groups where !self.finished.contains(stage) && (index == nil || index == stage) {
                    _ = kill(-pid, SIGKILL)
                }
            }
        }
    }
}
