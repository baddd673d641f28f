import Dispatch

/// A one-line status on standard error, rewritten in place at most five times a second,
/// shown only when standard error is a terminal (`fetch: 1200 records, 3 failed`).
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
        StatusLine.rewrite(text())
    }

    /// Removes the line, so a diagnostic can be printed on a clean line.
    public mutating func clear() {
        guard shown else { return }
        shown = false
        StatusLine.rewrite("")
    }
}

/// The terminal's last line as every progress display draws it (``ProgressLine``, and
/// `gleaner run`'s display above which the stages' messages scroll).
public enum StatusLine {
    /// Returns the cursor to the start of the line and erases it.
    public static let erase = "\r\u{1B}[K"

    /// Replaces the current terminal line with `text` (which may end in a newline, or hold
    /// lines to print above the next status); a failed write is ignored, as a status is only a hint.
    public static func rewrite(_ text: String, on descriptor: Int32 = 2) {
        _ = FileDescriptorIO.writeAll(descriptor, Array((erase + text).utf8))
    }
}
