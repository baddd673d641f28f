import Dispatch

/// A one-line status on standard error, rewritten in place at most five times a second,
/// shown only when standard error is a terminal (`fetch: 1200 records, 3 failed`,
/// `gleaner run`'s stages).
public struct ProgressLine: Sendable {
    public let enabled: Bool
    private var lastDraw: UInt64 = 0
    private var shown = false

    public init(enabled: Bool = StandardError.isTerminal) { self.enabled = enabled }

    /// Shows `text` unless a line was drawn less than 200 ms ago (`force`: draw anyway).
    public mutating func show(_ text: @autoclosure () -> String, force: Bool = false) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - lastDraw > 200_000_000 else { return }
        lastDraw = now
        shown = true
        Self.draw(text())
    }

    /// Removes the line, so a diagnostic can be printed on a clean line.
    public mutating func clear() {
        guard shown else { return }
        shown = false
        Self.draw("")
    }

    /// Rewrites the current terminal line with `text` (no newline).
    public static func draw(_ text: String) {
        _ = FileDescriptorIO.writeAll(2, Array(("\r\u{1B}[K" + text).utf8))
    }
}
