import Cleaning
import Extraction
import GleanerCore
import Normalization
import Pipelines
import Reporting

#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: a function from arbitrary bytes to nothing, which must never trap,
/// hang or grow without bound. A broken invariant is reported with `fatalError`, so
/// libFuzzer (or the replay runner) records the input as a crasher.
enum Harness: String, CaseIterable, Sendable {
    case ndjson, json, yaml, html
    case date, money, quantity, percent, email, url, entity
    case normalize, report, merge

    /// Runs the target on one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .ndjson: Self.ndjson(bytes)
        case .json: Self.json(bytes)
        case .yaml:
            _ = PipelineLoader(environment: [:]).diagnose(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        case .html:
            let document = HTMLCleaner().clean(bytes, source: "fuzz.html")
            _ = document.text
        case .date, .money, .quantity, .percent, .email, .url, .entity:
            Self.recognise(String(decoding: bytes, as: UTF8.self), with: recogniser)
        case .normalize:
            guard let record = Self.object(bytes) else { return }
            _ = try? Self.normalizer.process(record)
        case .report:
            guard let record = Self.object(bytes), let aggregate = try? Aggregate(record: record) else { return }
            Self.render(aggregate)
        case .merge:
            var aggregate = Aggregate()
            for line in bytes.split(separator: 0x0A) {
                guard let object = try? JSONCodec.parse(line).objectValue else { continue }
                try? PartialCodec.add(object, to: &aggregate)
            }
            _ = PartialCodec.lines(aggregate)
            Self.render(aggregate)
        }
    }

    /// Loads what the harness needs once (gazetteers, word lists), so start-up is not charged
    /// to the first input's timeout.
    func prepare() {
        switch self {
        case .normalize: _ = try? Self.normalizer.process(["text": "Paris, May 1.", "mentions": []])
        case .date, .money, .quantity, .percent, .email, .url, .entity: Self.recognise("Acme paid $5 on May 1 in Paris.", with: recogniser)
        default: break
        }
    }

    private var recogniser: any Recognizer {
        switch self {
        case .date: return DateRecognizer()
        case .money: return MoneyRecognizer()
        case .quantity: return QuantityRecognizer()
        case .percent: return PercentRecognizer()
        case .email: return EmailRecognizer()
        case .url: return URLRecognizer()
        default: return EntityRecognizer()
        }
    }

    private static let normalizer = NormalizeStage(enrichers: EnricherRegistry.all)

    private static func object(_ bytes: [UInt8]) -> JSONObject? {
        try? JSONCodec.parse(bytes).objectValue
    }

    /// Lines of any length through the line reader (a tiny buffer, so every refill path runs),
    /// each decoded as a record.
    private static func ndjson(_ bytes: [UInt8]) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { fatalError("pipe failed") }
        let writer = ends[1]
        _ = FileDescriptorIO.writeAll(writer, Array(bytes.prefix(60_000)))
        close(writer)
        var reader = LineReader(fileDescriptor: ends[0], bufferSize: 7)
        var total = 0
        while let line = try? reader.nextLine() {
            total += line.count + 1
            guard let record = try? JSONCodec.parse(line).objectValue else { continue }
            _ = try? record.mentions()
        }
        close(ends[0])
        // The reader drops the CR of each CRLF: those bytes are not lost.
        let input = bytes.prefix(60_000)
        let carriageReturns = zip(input, input.dropFirst()).filter { $0 == 0x0D && $1 == 0x0A }.count
        if total < input.count - carriageReturns - 1 { fatalError("line reader lost bytes: \(total) of \(input.count)") }
    }

    /// Parse, write, parse again: the value must survive the round trip.
    private static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONCodec.parse(bytes) else { return }
        var written: [UInt8] = []
        JSONCodec.write(value, into: &written)
        guard let again = try? JSONCodec.parse(written) else {
            fatalError("JSONCodec wrote text it cannot read: \(String(decoding: written.prefix(200), as: UTF8.self))")
        }
        var rewritten: [UInt8] = []
        JSONCodec.write(again, into: &rewritten)
        if rewritten != written { fatalError("JSONCodec output is not stable across a round trip") }
    }

    /// Every mention a recogniser reports lies inside the text and quotes it.
    private static func recognise(_ text: String, with recogniser: any Recognizer) {
        let scalars = Array(text.unicodeScalars)
        for mention in ExtractStage(recognizers: [recogniser]).extract(from: text) {
            guard mention.start >= 0, mention.start <= mention.end, mention.end <= scalars.count else {
                fatalError("\(mention.kind) mention \(mention.start)..<\(mention.end) outside a text of \(scalars.count) code points")
            }
        }
    }

    private static func render(_ aggregate: Aggregate) {
        for format in [ReportFormat.markdown, .html, .json, .csv] {
            _ = ReportJob.render(aggregate, format: format)
        }
    }
}
