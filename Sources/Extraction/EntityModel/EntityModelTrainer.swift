import Foundation
public import GleanerCore

/// Trains the entity model: a structured averaged perceptron over
/// ``EntityFeatures``, decoded with the same Viterbi the tagger uses, on
/// documents whose people, organisations, places (and other names, learned
/// but never reported) are marked. Fixed seed and epochs: the same data gives
/// the same bytes.
public struct EntityModelTrainer {
    /// One training document: its text and marked spans (code-point offsets, half-open).
    public struct Document: Sendable {
        public var text: String
        /// Kind index: 0 person, 1 organisation, 2 place, 3 other name.
        public var spans: [(kind: Int, start: Int, end: Int)]

        public init(text: String, spans: [(kind: Int, start: Int, end: Int)]) {
            self.text = text
            self.spans = spans
        }
    }

    public var bucketBits: Int
    public var epochs: Int
    public var seed: UInt64

    public init(bucketBits: Int = 18, epochs: Int = 12, seed: UInt64 = 20_030_601) {
        self.bucketBits = bucketBits
        self.epochs = epochs
        self.seed = seed
    }

    /// A document prepared for training: features and gold labels per sentence.
    private struct Prepared {
        var features: [UInt32]
        var segments: [Range<Int>]
        var gold: [Int]
    }

    /// Trains on `documents`; `report` is called after each epoch with the epoch number and the model so far.
    public func train(_ documents: [Document], report: (Int, EntityModel) -> Void = { _, _ in }) -> EntityModel {
        let features = EntityFeatures(gazetteer: .shared)
        let mask = UInt32((1 << bucketBits) - 1)
        var prepared: [Prepared] = []
        var misaligned = 0
        for document in documents {
            let text = AnalyzedText(document.text)
            let tokens = EntityTokenizer.tokens(text)
            let (gold, missed) = EntityModelTrainer.goldLabels(tokens, document.spans)
            misaligned += missed
            prepared.append(
                Prepared(features: features.extract(tokens, text, mask: mask), segments: EntityTagger.segments(tokens), gold: gold))
        }
        if misaligned > 0 { FileHandle.standardError.write(Data("train: \(misaligned) spans do not fall on token boundaries\n".utf8)) }

        let labels = EntityLabel.count
        let perToken = EntityFeatures.perToken
        var weights = [Float](repeating: 0, count: (1 << bucketBits) * labels)
        var accumulated = weights
        var transitions = [Float](repeating: 0, count: (labels + 1) * labels)
        var accumulatedTransitions = transitions
        var step: Float = 1
        var random = SplitMix64(seed: seed)
        var order: [(Int, Int)] = []
        for (document, item) in prepared.enumerated() {
            for segment in item.segments.indices { order.append((document, segment)) }
        }
        for epoch in 1...max(epochs, 1) {
            // Fisher–Yates with the fixed generator.
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                let other = Int(random.next() % UInt64(index + 1))
                order.swapAt(index, other)
            }
            for (documentIndex, segmentIndex) in order {
                let item = prepared[documentIndex]
                let range = item.segments[segmentIndex]
                var emissions = [Float](repeating: 0, count: range.count * labels)
                for (row, token) in range.enumerated() {
                    for feature in 0..<perToken {
                        let offset = Int(item.features[token * perToken + feature]) * labels
                        for label in 0..<labels { emissions[row * labels + label] += weights[offset + label] }
                    }
                }
                let predicted = Viterbi.decode(emissions, transitions, count: range.count)
                let gold = Array(item.gold[range])
                if predicted != gold {
                    for (row, token) in range.enumerated() where predicted[row] != gold[row] {
                        for feature in 0..<perToken {
                            let offset = Int(item.features[token * perToken + feature]) * labels
                            weights[offset + gold[row]] += 1
                            accumulated[offset + gold[row]] += step
                            weights[offset + predicted[row]] -= 1
                            accumulated[offset + predicted[row]] -= step
                        }
                    }
                    for row in 0..<range.count {
                        let goldFrom = row == 0 ? 0 : gold[row - 1] + 1
                        let predictedFrom = row == 0 ? 0 : predicted[row - 1] + 1
                        if goldFrom != predictedFrom || gold[row] != predicted[row] {
                            transitions[goldFrom * labels + gold[row]] += 1
                            accumulatedTransitions[goldFrom * labels + gold[row]] += step
                            transitions[predictedFrom * labels + predicted[row]] -= 1
                            accumulatedTransitions[predictedFrom * labels + predicted[row]] -= step
                        }
                    }
                }
                step += 1
            }
            let averaged = zip(weights, accumulated).map { $0 - $1 / step }
            let averagedTransitions = zip(transitions, accumulatedTransitions).map { $0 - $1 / step }
            report(epoch, EntityModelTrainer.quantized(averaged, averagedTransitions, bucketBits: bucketBits))
        }
        let averaged = zip(weights, accumulated).map { $0 - $1 / step }
        let averagedTransitions = zip(transitions, accumulatedTransitions).map { $0 - $1 / step }
        return EntityModelTrainer.quantized(averaged, averagedTransitions, bucketBits: bucketBits)
    }

    /// Float weights to the 16-bit table: the largest weight maps to ±32,000.
    static func quantized(_ weights: [Float], _ transitions: [Float], bucketBits: Int) -> EntityModel {
        let largest = max(weights.reduce(0) { max($0, abs($1)) }, 1e-6)
        let scale = 32_000 / largest
        let quantizedWeights = weights.map { Int16(($0 * scale).rounded()) }
        let quantizedTransitions = transitions.map { Int32(($0 * scale).rounded()) }
        return EntityModel(bucketBits: bucketBits, transitions: quantizedTransitions, weights: quantizedWeights)
    }

    /// BIO labels from spans; a token counts as inside a span when it overlaps it. Returns the labels and
    /// how many spans do not start and end on token boundaries.
    static func goldLabels(_ tokens: [EntityToken], _ spans: [(kind: Int, start: Int, end: Int)]) -> ([Int], Int) {
        var labels = [Int](repeating: EntityLabel.outside, count: tokens.count)
        var misaligned = 0
        var first = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            while first < tokens.count, tokens[first].end <= span.start { first += 1 }
            var index = first
            var began = false
            if index < tokens.count, tokens[index].start != span.start { misaligned += 1 }
            while index < tokens.count, tokens[index].start < span.end {
                if labels[index] == EntityLabel.outside {
                    labels[index] = began ? EntityLabel.inside(span.kind) : EntityLabel.begin(span.kind)
                    began = true
                }
                index += 1
            }
            if index > 0, index <= tokens.count, tokens[index - 1].end != span.end { misaligned += 1 }
        }
        return (labels, misaligned)
    }

    /// Reads a data set in the dev-set layout: `input.ndjson` records (`id`, `text`) and `gold.ndjson`
    /// records (`id`, `mentions` of kind person/organization/place, `ignore` regions taken as other names).
    /// - Throws: ``EntityTrainingError`` naming the file and line of a bad record.
    public static func documents(input: String, gold: String) throws -> [Document] {
        let texts = try records(input)
        var spansByID: [String: [(kind: Int, start: Int, end: Int)]] = [:]
        for (line, record) in try records(gold).enumerated() {
            guard let id = record["id"]?.stringValue else { throw EntityTrainingError(file: gold, line: line + 1, reason: "no id") }
            var spans: [(kind: Int, start: Int, end: Int)] = []
            for mention in record["mentions"]?.arrayValue ?? [] {
                guard let object = mention.objectValue, let start = object["start"]?.numberValue,
                    let end = object["end"]?.numberValue
                else { throw EntityTrainingError(file: gold, line: line + 1, reason: "mention without start/end") }
                let kind: Int
                switch object["kind"]?.stringValue {
                case "person": kind = 0
                case "organization": kind = 1
                case "place": kind = 2
                default: continue
                }
                spans.append((kind, Int(start), Int(end)))
            }
            for region in record["ignore"]?.arrayValue ?? [] {
                guard let object = region.objectValue, let start = object["start"]?.numberValue,
                    let end = object["end"]?.numberValue
                else { continue }
                spans.append((3, Int(start), Int(end)))
            }
            spansByID[id] = spans
        }
        return try texts.enumerated().map { line, record in
            guard let id = record["id"]?.stringValue, let text = record["text"]?.stringValue else {
                throw EntityTrainingError(file: input, line: line + 1, reason: "no id or text")
            }
            return Document(text: text, spans: spansByID[id] ?? [])
        }
    }

    private static func records(_ path: String) throws -> [JSONObject] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EntityTrainingError(file: path, line: 0, reason: "cannot read the file")
        }
        var result: [JSONObject] = []
        for (line, bytes) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            do {
                guard let object = try JSONCodec.parse(bytes).objectValue else {
                    throw EntityTrainingError(file: path, line: line + 1, reason: "not a JSON object")
                }
                result.append(object)
            } catch let error as JSONSyntaxError {
                throw EntityTrainingError(file: path, line: line + 1, reason: error.description)
            }
        }
        return result
    }
}

/// A training file that cannot be read.
public struct EntityTrainingError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// A small fixed-seed generator (SplitMix64) so training shuffles the same way every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension EntityModelTrainer {
    /// Trains on `directory/train.{input,gold}.ndjson`, prints strict-span F1 per kind on
    /// `directory/dev.*` after each epoch (when present) and writes the model to `output`.
    public func run(directory: String, output: String, log: (String) -> Void) throws {
        let train = try EntityModelTrainer.documents(
            input: directory + "/train.input.ndjson", gold: directory + "/train.gold.ndjson")
        let devInput = directory + "/dev.input.ndjson"
        let dev =
            FileManager.default.fileExists(atPath: devInput)
            ? try EntityModelTrainer.documents(input: devInput, gold: directory + "/dev.gold.ndjson") : []
        log("train: \(train.count) documents, dev: \(dev.count)")
        let model = self.train(train) { epoch, model in
            guard !dev.isEmpty else { return }
            log("epoch \(epoch): " + EntityModelTrainer.score(model, on: dev))
        }
        guard FileManager.default.createFile(atPath: output, contents: model.serialized()) else {
            throw EntityTrainingError(file: output, line: 0, reason: "cannot write the model")
        }
        log("wrote \(output)")
    }

    /// Strict-span precision/recall/F1 per kind of the model alone on marked documents (other names ignored).
    static func score(_ model: EntityModel, on documents: [Document]) -> String {
        let tagger = EntityTagger(model: model, features: EntityFeatures(gazetteer: .shared))
        var counts: [(tp: Int, fp: Int, fn: Int)] = [(0, 0, 0), (0, 0, 0), (0, 0, 0)]
        for document in documents {
            let text = AnalyzedText(document.text)
            let tokens = EntityTokenizer.tokens(text)
            let predicted = EntityTagger.spans(tagger.labels(tokens, text)).filter { $0.kind < 3 }.map {
                (kind: $0.kind, start: tokens[$0.tokens.lowerBound].start, end: tokens[$0.tokens.upperBound - 1].end)
            }
            let gold = document.spans.filter { $0.kind < 3 }
            let ignored = document.spans.filter { $0.kind == 3 }
            for kind in 0..<3 {
                let goldSet = Set(gold.filter { $0.kind == kind }.map { [$0.start, $0.end] })
                for span in predicted where span.kind == kind {
                    if goldSet.contains([span.start, span.end]) {
                        counts[kind].tp += 1
                    } else if !ignored.contains(where: { $0.start < span.end && span.start < $0.end }) {
                        counts[kind].fp += 1
                    }
                }
                counts[kind].fn += goldSet.count
            }
        }
        return zip(["person", "organization", "place"], counts).map { name, count in
            let fn = count.fn - count.tp
            let precision = Double(count.tp) / Double(max(count.tp + count.fp, 1))
            let recall = Double(count.tp) / Double(max(count.tp + fn, 1))
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return "\(name) \(String(format: "%.3f", f1))"
        }.joined(separator: "  ")
    }
}
