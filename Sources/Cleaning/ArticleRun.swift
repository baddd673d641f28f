import GleanerCore

#if GLEANER_TUNING
    import Foundation
#endif

/// Finds the article in a page's paragraphs when the markup is gone (a scraper's text dump)
/// or says nothing: each paragraph is scored on what survives the loss of markup, and the
/// article is the contiguous run of paragraphs with the most prose in it.
///
/// A paragraph is *good* when it is long and reads as sentences of the page's language
/// (its share of stop words, sentence ends), *near-good* when it is prose but short, *short*
/// when it is a few words (a subheading, a menu item), and *bad* otherwise: repeated on the
/// page, link-like, a known furniture phrase, or a run of title-case words. Good paragraphs
/// count for their length, bad ones against it; the run with the largest sum is the article
/// (the idea behind jusText and boilerpipe), and what lies outside it is boilerplate.
struct ArticleRun {
    /// How a paragraph reads on its own.
    enum Quality: Equatable { case good, nearGood, short, bad }

    /// The features of one paragraph.
    struct Features {
        var length = 0
        var words = 0
        var stopWords = 0
        var capitalised = 0
        var sentenceEnds = 0
        var endsSentence = false
        var linkLike = 0
        var digits = 0
        var separators = 0
        var shouting = 0
        var endsColon = false
        var repeated = false
        var known: BoilerplateKind?

        var stopRatio: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
        var capitalisedRatio: Double { words == 0 ? 0 : Double(capitalised) / Double(words) }
    }

    /// The score thresholds (hand-set on the web-snippets tuning split).
    struct Weights {
        var shortLength = 70.0
        var goodLength = 200.0
        var stopLow = 0.22
        var stopHigh = 0.30
        var shortPenalty = 20.0
        var nearGoodShare = 0.6
        var capitalisedHigh = 0.6
        var modelThreshold = ArticleModel.threshold
        var innerThreshold = ArticleModel.innerThreshold

        init() {
            #if GLEANER_TUNING
                if let value = ProcessInfo.processInfo.environment["GLEANER_MODEL_THRESHOLD"].flatMap(Double.init) {
                    modelThreshold = value
                }
                if let value = ProcessInfo.processInfo.environment["GLEANER_INNER_THRESHOLD"].flatMap(Double.init) {
                    innerThreshold = value
                }
                // Development only (`-Xswiftc -DGLEANER_TUNING`): weights from the environment.
                if let spec = ProcessInfo.processInfo.environment["GLEANER_ARTICLE_WEIGHTS"] {
                    let v = spec.split(separator: ",").compactMap { Double($0) }
                    if v.count >= 7 {
                        (shortLength, goodLength, stopLow, stopHigh) = (v[0], v[1], v[2], v[3])
                        (shortPenalty, nearGoodShare, capitalisedHigh) = (v[4], v[5], v[6])
                    }
                }
            #endif
        }
    }

    var weights = Weights()

    /// Which paragraphs are the article.
    /// - Parameters:
    ///   - paragraphs: The page's paragraphs in order.
    ///   - known: The boilerplate kind the phrase rules gave each paragraph, if any.
    /// - Returns: For each paragraph, whether it is inside the article's run.
    func choose(_ paragraphs: [String], known: [BoilerplateKind?]) -> [Bool] {
        guard !paragraphs.isEmpty else { return [] }
        let features = Self.features(of: paragraphs, known: known)
        let qualities = features.map(quality)
        let densest = Self.densest(features, qualities: qualities)
        var margins = [Double](repeating: 0, count: paragraphs.count)
        var values = [Double](repeating: 0, count: paragraphs.count)
        let model = Self.modelWeights
        #if GLEANER_TUNING
            Self.dump(paragraphs, features: features, qualities: qualities)
        #endif
        for index in paragraphs.indices {
            let length = Double(features[index].length)
            if !model.isEmpty {
                // The learned model: how likely the paragraph is article text, against a threshold.
                let x = Self.vector(features, qualities: qualities, densest: densest, at: index)
                var z = 0.0
                for (w, v) in zip(model, x) { z += w * v }
                // The log-odds against the threshold's, bounded, weigh the paragraph's length.
                let margin = min(max(z - weights.modelThreshold, -2), 2)
                margins[index] = z - weights.modelThreshold
                values[index] = margin * max(length, weights.shortPenalty * 2)
                continue
            }
            switch qualities[index] {
            case .good: values[index] = length
            case .nearGood: values[index] = length * weights.nearGoodShare
            case .short: values[index] = -weights.shortPenalty
            case .bad: values[index] = -max(length, weights.shortPenalty * 2)
            }
        }
        // The best contiguous run (Kadane); ties keep the earlier, longer run.
        var best = (sum: -Double.infinity, start: 0, end: 0)
        var sum = 0.0
        var start = 0
        for index in values.indices {
            if sum <= 0 {
                sum = 0
                start = index
            }
            sum += values[index]
            if sum > best.sum { best = (sum, start, index + 1) }
        }
        var inside = [Bool](repeating: false, count: paragraphs.count)
        guard best.sum > 0 else { return inside }
        for index in best.start..<best.end where qualities[index] != .bad || features[index].known == nil {
            inside[index] = !features[index].repeated || qualities[index] == .good
            // Inside the run, a paragraph the model is sure of is furniture all the same.
            if !model.isEmpty, margins[index] < weights.innerThreshold { inside[index] = false }
        }
        return inside
    }

    /// The learned weights, or none when the hand-set thresholds score paragraphs.
    static var modelWeights: [Double] {
        #if GLEANER_TUNING
            let environment = ProcessInfo.processInfo.environment
            if environment["GLEANER_ARTICLE_MODEL"] == "0" { return [] }
            if let spec = environment["GLEANER_MODEL_WEIGHTS"] { return spec.split(separator: ",").compactMap { Double($0) } }
        #endif
        return ArticleModel.weights
    }

    /// The learned model's inputs for paragraph `index`: its own features and its neighbours'.
    /// - Parameter densest: The index of the page's longest good paragraph (``densest(_:qualities:)``).
    static func vector(_ features: [Features], qualities: [Quality], densest: Int, at index: Int) -> [Double] {
        let f = features[index]
        let count = features.count
        func good(_ i: Int) -> Double { i >= 0 && i < count && qualities[i] == .good ? 1 : 0 }
        var nearestGood = 10
        for distance in 1..<10 where good(index - distance) + good(index + distance) > 0 {
            nearestGood = distance
            break
        }
        let length = Double(f.length)
        return [
            1, length.squareRoot() / 30, f.stopRatio, f.capitalisedRatio, f.endsSentence ? 1 : 0,
            Double(min(f.sentenceEnds, 5)) / 5, f.repeated ? 1 : 0, f.known == nil ? 0 : 1, f.linkLike > 0 ? 1 : 0,
            Double(index) / Double(max(count - 1, 1)), length < 70 ? 1 : 0, good(index - 1), good(index + 1),
            qualities[index] == .good ? 1 : 0, qualities[index] == .bad ? 1 : 0, Double(nearestGood) / 10,
            Double(f.digits) / max(length, 1), f.endsColon ? 1 : 0, Double(min(f.separators, 5)) / 5,
            f.words == 0 ? 0 : Double(f.shouting) / Double(f.words), f.words <= 3 ? 1 : 0,
            length >= 200 ? f.stopRatio : 0, good(index - 2), good(index + 2),
            Double(min(abs(index - densest), 20)) / 20,
        ]
    }

    /// The index of the longest good paragraph (0 when there is none): the article is around it.
    static func densest(_ features: [Features], qualities: [Quality]) -> Int {
        var best = 0
        var longest = -1
        for index in features.indices where qualities[index] == .good && features[index].length > longest {
            (best, longest) = (index, features[index].length)
        }
        return best
    }

    #if GLEANER_TUNING
        /// Development only: with GLEANER_DUMP_FEATURES=1, each paragraph's text and model inputs on stderr.
        static func dump(_ paragraphs: [String], features: [Features], qualities: [Quality]) {
            guard ProcessInfo.processInfo.environment["GLEANER_DUMP_FEATURES"] == "1" else { return }
            var out = "{\"doc\":1}\n"
            let densest = Self.densest(features, qualities: qualities)
            for index in paragraphs.indices {
                let x = vector(features, qualities: qualities, densest: densest, at: index)
                let text = String(data: try! JSONSerialization.data(withJSONObject: [paragraphs[index]]), encoding: .utf8)!
                out += "{\"t\":\(text),\"x\":[\(x.map { "\($0)" }.joined(separator: ","))]}\n"
            }
            FileHandle.standardError.write(out.data(using: .utf8)!)
        }
    #endif

    /// For blocks the HTML extractor chose: all of them but the furniture at either edge,
    /// peeled off while a block is a plain paragraph the model is confident is not article
    /// (a caption, a share prompt, a date, "Was this article useful?").
    /// - Parameter trimmable: Which blocks may be peeled (paragraphs, not list items or table rows).
    static func trimmedEdges(_ texts: [String], known: [BoilerplateKind?], trimmable: [Bool]) -> [Bool] {
        var inside = [Bool](repeating: true, count: texts.count)
        let model = modelWeights
        guard !model.isEmpty, !texts.isEmpty else { return inside }
        var threshold = -1.0
        #if GLEANER_TUNING
            let environment = ProcessInfo.processInfo.environment
            if environment["GLEANER_HTML_RUN"] == "0" { return inside }
            if let value = environment["GLEANER_HTML_THRESHOLD"].flatMap(Double.init) { threshold = value }
        #endif
        let scorer = ArticleRun()
        let features = Self.features(of: texts, known: known)
        let qualities = features.map(scorer.quality)
        let densest = Self.densest(features, qualities: qualities)
        func furniture(_ index: Int) -> Bool {
            guard trimmable[index], known[index] == nil else { return false }
            var z = 0.0
            for (w, v) in zip(model, vector(features, qualities: qualities, densest: densest, at: index)) { z += w * v }
            return z < threshold
        }
        var first = 0
        while first < texts.count, furniture(first) {
            inside[first] = false
            first += 1
        }
        var last = texts.count - 1
        while last > first, furniture(last) {
            inside[last] = false
            last -= 1
        }
        // Peeling never takes the article itself: a good paragraph and most of the text stay.
        let total = features.reduce(0) { $0 + $1.length }
        let kept = features.indices.filter { inside[$0] }.reduce(0) { $0 + features[$1].length }
        if first > last || !qualities[first...last].contains(.good) || kept * 10 < total * 7 {
            return [Bool](repeating: true, count: texts.count)
        }
        return inside
    }

    /// How one paragraph reads.
    func quality(_ f: Features) -> Quality {
        if f.known != nil || f.repeated || f.linkLike * 2 >= max(f.words, 1) { return .bad }
        if Double(f.length) < weights.shortLength { return .short }
        // A run of title-case words (a list of headlines, a menu on one line) is not prose.
        if f.capitalisedRatio >= weights.capitalisedHigh, f.sentenceEnds < 2 { return .bad }
        let ratio = f.stopRatio
        if ratio >= weights.stopHigh, Double(f.length) >= weights.goodLength || f.sentenceEnds >= 2 { return .good }
        if ratio >= weights.stopLow, f.endsSentence || f.sentenceEnds >= 1 { return .nearGood }
        if ratio >= weights.stopLow { return .short }
        return .bad
    }

    // MARK: - Features

    static func features(of paragraphs: [String], known: [BoilerplateKind?]) -> [Features] {
        let stop = StopWords.shared
        let words = paragraphs.map(Self.words)
        let wordLanguages = words.map { $0.map(stop.languages(of:)) }
        let language = stop.dominantLanguage(ofBits: wordLanguages.flatMap { $0 })
        var seen: [String: Int] = [:]
        for paragraph in paragraphs where paragraph.utf8.count <= 200 { seen[paragraph, default: 0] += 1 }
        var result: [Features] = []
        result.reserveCapacity(paragraphs.count)
        for (index, paragraph) in paragraphs.enumerated() {
            var f = Features()
            f.length = paragraph.utf8.count
            f.words = words[index].count
            (f.capitalised, f.shouting) = Self.capitalisedWords(paragraph)
            f.endsColon = paragraph.hasSuffix(":")
            f.known = index < known.count ? known[index] : nil
            f.repeated = (seen[paragraph] ?? 0) > 1
            f.endsSentence = paragraph.endsWithSentencePunctuation
            if language != 0 {
                f.stopWords = wordLanguages[index].filter { $0 & language != 0 }.count
            } else {
                // No list fits the language: sentences stand in for stop words.
                f.stopWords = f.endsSentence && f.words >= 8 ? f.words : 0
            }
            let marks = ProseMarks(paragraph)
            (f.digits, f.separators) = (marks.digits, marks.separators)
            (f.sentenceEnds, f.linkLike) = (marks.sentenceEnds, marks.linkLike)
            result.append(f)
        }
        return result
    }

    /// How many words of `text` start with a capital letter, and how many are all capitals.
    static func capitalisedWords(_ text: String) -> (capitalised: Int, shouting: Int) {
        var count = 0
        var shouting = 0
        var atStart = true
        var allUpper = false
        var letters = 0
        for scalar in text.unicodeScalars {
            // ASCII answers without the Unicode property tables.
            let ascii = scalar.value < 0x80
            let letter = ascii ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic
            if letter {
                let upper = ascii ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
                if atStart {
                    if upper { count += 1 }
                    allUpper = true
                    letters = 0
                }
                letters += 1
                if !upper { allUpper = false }
            } else if !atStart, scalar != "'", scalar != "-" {
                if allUpper, letters >= 2 { shouting += 1 }
            }
            atStart = !letter && scalar != "'" && scalar != "-"
        }
        if !atStart, allUpper, letters >= 2 { shouting += 1 }
        return (count, shouting)
    }

    /// The words of `text`, lower-cased: runs of letters (and apostrophes inside them).
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            var ascii = true
            func flush(_ end: Int) {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if ascii {
                    result.append(String(unsafeUninitializedCapacity: word.count) { buffer in
                        for (offset, byte) in word.enumerated() { buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
                        return word.count
                    })
                } else {
                    result.append(String(decoding: word, as: UTF8.self).lowercased())
                }
                start = -1
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                let inWord: Bool
                if byte < 0x80 {
                    inWord = (byte | 0x20) &- 0x61 < 26 || byte == 0x27 && start >= 0
                } else {
                    let (scalar, scalarLength) = UTF8Scalars.decode(bytes, at: index)
                    length = scalarLength
                    inWord = Unicode.Scalar(scalar)!.properties.isAlphabetic
                }
                if inWord {
                    if start < 0 { (start, ascii) = (index, true) }
                    if byte >= 0x80 { ascii = false }
                } else if start >= 0 {
                    flush(index)
                }
                index += length
            }
            if start >= 0 { flush(bytes.count) }
        }
        return result
    }
}
