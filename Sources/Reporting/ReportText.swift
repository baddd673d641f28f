/// The text of a report as a writer makes it: kept whole (``text``), or handed to a sink in
/// blocks of about 64 KiB, so a large report is written out without ever being held whole.
public struct ReportText {
    /// What was written and not yet handed on: all of it when there is no sink.
    public private(set) var text = ""
    private let sink: ((String) -> Void)?

    /// How much text is gathered before it is handed to the sink.
    static let blockSize = 1 << 16

    /// Keeps the whole text in ``text``.
    public init() {
        sink = nil
    }

    /// Hands the text to `sink` in blocks as it is made; ``finish()`` hands on the rest.
    public init(sink: @escaping (String) -> Void) {
        self.sink = sink
    }

    /// Appends a piece of the report.
    public static func += (report: inout ReportText, piece: String) {
        report.text += piece
        if report.sink != nil, report.text.utf8.count >= blockSize { report.handOn() }
    }

    /// Hands what is left to the sink.
    public mutating func finish() {
        if sink != nil, !text.isEmpty { handOn() }
    }

    private mutating func handOn() {
        sink?(text)
        text.removeAll(keepingCapacity: true)
    }
}
