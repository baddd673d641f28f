public import Foundation

/// A trained linear tagger for people, organisations and places: hashed
/// feature weights (16-bit, one row of ``EntityLabel/count`` per bucket) and
/// label transitions, decoded with Viterbi.
///
/// The file (`entity-model.bin`, written by ``EntityModelTrainer``) is one
/// little-endian blob: the magic `GLNERM01`, the feature-set version, the
/// bucket bits, the label count, then `(labels + 1) × labels` Int32
/// transitions (the first row from the sentence start) and `buckets × labels`
/// Int16 weights. Loading reads it in one piece; nothing is parsed.
public struct EntityModel: Sendable {
    static let magic: [UInt8] = Array("GLNERM01".utf8)
    let bucketBits: Int
    /// `(labels + 1) × labels`: row 0 is from the start of a sentence, row `1 + p` from label `p`.
    let transitions: [Int32]
    let weights: [Int16]

    var mask: UInt32 { UInt32((1 << bucketBits) - 1) }

    init(bucketBits: Int, transitions: [Int32], weights: [Int16]) {
        self.bucketBits = bucketBits
        self.transitions = transitions
        self.weights = weights
    }

    /// The model shipped in the Extraction bundle, or nil when it is missing or unreadable.
    public static let shipped: EntityModel? = {
        guard
            let url = Bundle.module.url(forResource: "entity-model", withExtension: "bin", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "entity-model", withExtension: "bin"),
            let data = try? Data(contentsOf: url, options: .mappedIfSafe)
        else { return nil }
        return try? EntityModel(data: data)
    }()

    /// Reads a model file's bytes.
    /// - Throws: ``EntityModelError`` when the bytes are not a model of this feature set.
    public init(data: Data) throws(EntityModelError) {
        let header = 8 + 4 * 4
        guard data.count >= header, Array(data.prefix(8)) == EntityModel.magic else { throw .notAModel }
        func word(_ offset: Int) -> UInt32 {
            data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        }
        let version = word(8)
        let bits = Int(word(12))
        let labels = Int(word(16))
        guard version == EntityFeatures.version else { throw .wrongVersion(version) }
        guard labels == EntityLabel.count, bits >= 8, bits <= 24 else { throw .badShape(bits: bits, labels: labels) }
        let transitionCount = (labels + 1) * labels
        let weightCount = (1 << bits) * labels
        guard data.count == header + transitionCount * 4 + weightCount * 2 else { throw .truncated(data.count) }
        var transitions = [Int32](repeating: 0, count: transitionCount)
        var weights = [Int16](repeating: 0, count: weightCount)
        data.withUnsafeBytes { raw in
            transitions.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[header..<(header + transitionCount * 4)])) }
            let start = header + transitionCount * 4
            weights.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + weightCount * 2)])) }
        }
        #if _endian(big)
            transitions = transitions.map { Int32(littleEndian: $0) }
            weights = weights.map { Int16(littleEndian: $0) }
        #endif
        self.init(bucketBits: bits, transitions: transitions, weights: weights)
    }

    /// The model as a file's bytes.
    public func serialized() -> Data {
        var data = Data(EntityModel.magic)
        for value in [EntityFeatures.version, UInt32(bucketBits), UInt32(EntityLabel.count), 0] {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        transitions.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
        weights.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    /// The best label of every token in `range`, given the document's features.
    func decode(_ features: [UInt32], _ range: Range<Int>) -> [Int] {
        let labels = EntityLabel.count
        let perToken = EntityFeatures.perToken
        var emissions = [Int32](repeating: 0, count: range.count * labels)
        weights.withUnsafeBufferPointer { weights in
            features.withUnsafeBufferPointer { features in
                emissions.withUnsafeMutableBufferPointer { emissions in
                    let weightBase = weights.baseAddress!
                    for (row, token) in range.enumerated() {
                        // The first eight labels' weights of a bucket in one load, the ninth apart.
                        var sums = SIMD8<Int32>()
                        var ninth = Int32(0)
                        let base = token * perToken
                        for feature in 0..<perToken {
                            let offset = Int(features[base + feature]) * 9
                            let lanes = UnsafeRawPointer(weightBase + offset).loadUnaligned(as: SIMD8<Int16>.self)
                            sums &+= SIMD8<Int32>(truncatingIfNeeded: lanes)
                            ninth &+= Int32(weights[offset + 8])
                        }
                        let out = row * labels
                        for lane in 0..<8 { emissions[out + lane] = sums[lane] }
                        emissions[out + 8] = ninth
                    }
                }
            }
        }
        return Viterbi.decode(emissions, transitions, count: range.count)
    }
}

/// Why a model file was refused.
public enum EntityModelError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAModel
    case wrongVersion(UInt32)
    case badShape(bits: Int, labels: Int)
    case truncated(Int)

    public var description: String {
        switch self {
        case .notAModel: return "not an entity model (no GLNERM01 header)"
        case .wrongVersion(let version):
            return "entity model built for feature set \(version), this build uses \(EntityFeatures.version)"
        case .badShape(let bits, let labels): return "entity model has \(bits) bucket bits and \(labels) labels"
        case .truncated(let size): return "entity model is \(size) bytes, not the size its header gives"
        }
    }
}

/// First-order Viterbi decoding over BIO labels; an inside label only follows its own kind.
enum Viterbi {
    static func decode<Score: FixedWidthInteger & SignedInteger>(_ emissions: [Score], _ transitions: [Score], count: Int) -> [Int] {
        decodeGeneric(emissions, transitions, count: count, lowest: Score.min / 4)
    }

    static func decode(_ emissions: [Float], _ transitions: [Float], count: Int) -> [Int] {
        decodeGeneric(emissions, transitions, count: count, lowest: -Float.greatestFiniteMagnitude / 4)
    }

    private static func decodeGeneric<Score: Numeric & Comparable>(
        _ emissions: [Score], _ transitions: [Score], count: Int, lowest: Score
    ) -> [Int] {
        guard count > 0 else { return [] }
        let labels = EntityLabel.count
        var scores = [Score](repeating: lowest, count: labels)
        var back = [UInt8](repeating: 0, count: count * labels)
        for label in 0..<labels where label == 0 || EntityLabel.isBegin(label) {
            scores[label] = transitions[label] + emissions[label]
        }
        var next = scores
        emissions.withUnsafeBufferPointer { emissions in
            transitions.withUnsafeBufferPointer { transitions in
                back.withUnsafeMutableBufferPointer { back in
                    for position in 1..<max(count, 1) where count > 1 {
                        step(&scores, into: &next, position: position, emissions, transitions, back, lowest: lowest)
                        swap(&scores, &next)
                    }
                }
            }
        }
        var label = 0
        for candidate in 1..<labels where scores[candidate] > scores[label] { label = candidate }
        var path = [Int](repeating: 0, count: count)
        var position = count - 1
        while position >= 0 {
            path[position] = label
            label = Int(back[position * labels + label])
            position -= 1
        }
        return path
    }

    /// One position of the recursion: the best score of each label from the previous position's
    /// `scores`, its back pointer, then every score shifted so the best is 0.
    @inline(__always)
    private static func step<Score: Numeric & Comparable>(
        _ scores: inout [Score], into next: inout [Score], position: Int, _ emissions: UnsafeBufferPointer<Score>,
        _ transitions: UnsafeBufferPointer<Score>, _ back: UnsafeMutableBufferPointer<UInt8>, lowest: Score
    ) {
        let labels = EntityLabel.count
        scores.withUnsafeBufferPointer { scores in
            next.withUnsafeMutableBufferPointer { next in
                for label in 0..<labels {
                    var best = lowest
                    var bestPrevious = 0
                    for previous in EntityLabel.predecessors(of: label) where scores[previous] > lowest {
                        let score = scores[previous] + transitions[(previous + 1) * labels + label]
                        if score > best {
                            best = score
                            bestPrevious = previous
                        }
                    }
                    next[label] = best > lowest ? best + emissions[position * labels + label] : lowest
                    back[position * labels + label] = UInt8(bestPrevious)
                }
                // Scores only matter relative to each other: keep them near zero so long sentences never overflow.
                var top = lowest
                for label in 0..<labels where next[label] > top { top = next[label] }
                for label in 0..<labels where next[label] > lowest { next[label] -= top }
            }
        }
    }
}
