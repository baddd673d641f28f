import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an ``ExecutionPlan``: one process per stage, joined by OS pipes, never a shell.
public struct PipelineRunner: Sendable {
    /// Where programs are found.
    public var locator: ExecutableLocator
    /// The environment every stage gets.
    public var environment: [String: String]
    /// The runner's input (fed to the first stage), output (from the last) and error streams.
    public var standardInput: Int32 = 0
    /// See ``standardInput``.
    public var standardOutput: Int32 = 1
    /// See ``standardInput``.
    public var standardError: Int32 = 2
    /// Count the records between stages (the runner relays every pipe to count them).
    public var countRecords = false
    /// Collect each stage's `--stats` line from its standard error.
    public var collectStats = false
    /// When set, every stage's standard error is a pipe to the runner and each line a stage
    /// writes there is handed to this (its `--stats` line aside, when collected), so one owner
    /// can draw the terminal: the stages' own progress displays stay off.
    public var errorLines: (@Sendable (ArraySlice<UInt8>) -> Void)?
    /// Called about every ``progressInterval`` seconds while stages run, and once at the end.
    public var progress: (@Sendable ([StageProgress]) -> Void)?
    /// Seconds between progress calls.
    public var progressInterval = 0.2
    /// Seconds any one stage may run before it is stopped (SIGTERM, then SIGKILL); nil for no limit.
    public var stageTimeout: Double?
    /// Seconds the whole run may take before every stage is stopped; nil for no limit.
    public var timeout: Double?

    /// Creates a runner.
    public init(locator: ExecutableLocator, environment: [String: String]) {
        self.locator = locator
        self.environment = environment
    }

    /// Runs every stage to completion.
    /// - Returns: how each stage ended; ``RunReport/failures`` says whether the run failed.
    /// - Throws: ``RunError`` when a program cannot be found or started (nothing is left running).
    public func run(_ plan: ExecutionPlan) throws(RunError) -> RunReport {
        let started = DispatchTime.now().uptimeNanoseconds
        @Sendable func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

        var paths: [String] = []
        for command in plan.commands {
            let program = command.arguments.first ?? ""
            guard let path = locator.locate(program) else {
                throw .notFound(stage: command.label, program: program, searched: locator.searchedDescription)
            }
            paths.append(path)
        }
        // The runner writes into pipes whose readers may exit; it wants EPIPE, not death.
        signal(SIGPIPE, SIG_IGN)
        // A closed 0, 1 or 2 (`gleaner run x.yaml <&-`) would be reused for a pipe end, and a
        // stage given "fd 0" as input would then hold its own pipe open; /dev/null fills the gap.
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) < 0 {
            _ = open("/dev/null", O_RDWR)
        }

        let count = plan.commands.count
        var stdins = Array(repeating: standardInput, count: count)
        var stdouts = Array(repeating: standardOutput, count: count)
        var stderrs = Array(repeating: standardError, count: count)
        var childEnds: [Int32] = []          // closed in the runner once every child has started
        var relays: [(source: Int32, sinks: [Int32], stage: Int)] = []
        var stderrReaders: [(fd: Int32, stage: Int)] = []
        var counted = Set<Int>()
        var nullOutput: Int32?
        defer { if let nullOutput { close(nullOutput) } }

        for index in 0..<count {
            let consumers = plan.consumers(of: index)
            if plan.commands[index].isTap {
                if nullOutput == nil { nullOutput = try SystemProcess.devNull() }
                stdouts[index] = nullOutput!
            } else if consumers.count == 1, !countRecords {
                let pipe = try SystemProcess.pipe()
                stdouts[index] = pipe.write
                stdins[consumers[0]] = pipe.read
                childEnds += [pipe.write, pipe.read]
            } else if !consumers.isEmpty {
                let upstream = try SystemProcess.pipe()
                stdouts[index] = upstream.write
                childEnds.append(upstream.write)
                var sinks: [Int32] = []
                for consumer in consumers {
                    let downstream = try SystemProcess.pipe()
                    stdins[consumer] = downstream.read
                    childEnds.append(downstream.read)
                    sinks.append(downstream.write)
                }
                relays.append((upstream.read, sinks, index))
                counted.insert(index)
            }
            if collectStats || errorLines != nil {
                let pipe = try SystemProcess.pipe()
                stderrs[index] = pipe.write
                childEnds.append(pipe.write)
                stderrReaders.append((pipe.read, index))
            }
        }

        let state = RunState(count: count, counted: counted)
        let group = DispatchGroup()
        let signals = SignalForwarding()
        signals.start()
        defer { signals.stop() }
        var pids: [pid_t] = []
        do {
            for index in 0..<count {
                pids.append(try SystemProcess.spawn(
                    path: paths[index], arguments: plan.commands[index].arguments, environment: environment,
                    stdin: stdins[index], stdout: stdouts[index], stderr: stderrs[index]))
                signals.started(index, pid: pids[index])
            }
        } catch {
            signals.deliver(SIGTERM)
            childEnds.forEach { close($0) }
            relays.forEach { relay in close(relay.source); relay.sinks.forEach { close($0) } }
            stderrReaders.forEach { close($0.fd) }
            pids.forEach { _ = SystemProcess.wait(for: $0) }
            throw error
        }
        childEnds.forEach { close($0) }

        for relay in relays {
            group.enter()
            Thread.detachNewThread {
                StreamRelay.copy(from: relay.source, to: relay.sinks) { state.addRecords(relay.stage, $0) }
                group.leave()
            }
        }
        let errorDestination = standardError
        let errorLines = errorLines
        let collectStats = collectStats
        for reader in stderrReaders {
            group.enter()
            Thread.detachNewThread {
                StreamRelay.filterLines(
                    from: reader.fd,
                    stats: collectStats ? { state.setStats(reader.stage, $0) } : nil,
                    pass: errorLines ?? { line in
                        _ = (Array(line) + [0x0A]).withUnsafeBytes { SystemProcess.writeAll(errorDestination, $0) }
                    })
                group.leave()
            }
        }
        for (index, pid) in pids.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let termination = SystemProcess.wait(for: pid)
                signals.ended(index)
                state.finish(index, termination, after: elapsed())
                group.leave()
            }
        }

        let labels = plan.commands.map(\.label)
        let tick = progress == nil ? 0.05 : min(progressInterval, 0.05)
        var lastProgress = 0.0, runExpired = false, expired = Set<Int>()
        while group.wait(timeout: .now() + tick) == .timedOut {
            let now = elapsed()
            if let timeout, now > timeout, !runExpired {
                runExpired = true
                signals.expire(nil)
            }
            if let stageTimeout, now > stageTimeout {
                for index in signals.running() where expired.insert(index).inserted { signals.expire(index) }
            }
            if let progress, now - lastProgress >= progressInterval {
                lastProgress = now
                progress(state.snapshot(labels: labels, now: now))
            }
        }
        progress?(state.snapshot(labels: labels, now: elapsed()))
        signals.sweep()
        var report = RunReport(results: state.results(labels: labels), seconds: elapsed())
        report.signal = signals.received
        report.timedOut = signals.timedOut.sorted()
        return report
    }
}
