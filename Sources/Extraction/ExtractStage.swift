public import GleanerCore

/// The `extract` stage: finds mentions in a record's `text` and writes them to
/// `mentions` (replacing earlier ones), keeping every other field.
///
/// Mentions carry kind, text, code-point offsets and sentence; their `value`
/// is left to `normalize`, which parses each mention's text again.
public struct ExtractStage: Stage {
    public let name = "extract"
    /// Reads `text`, writes `mentions`; every other field passes through untouched.
    public let fields: StageFields? = StageFields(reads: [Field.text], writes: [Field.mentions])
    /// The kinds to extract; nil for all.
    public let only: Set<MentionKind>?
    private let recognizers: [any Recognizer]

    /// - Parameters:
    ///   - only: restrict extraction to these kinds (nil: all kinds).
    ///   - recognizers: the recognisers to run; ``RecognizerRegistry/all`` by default.
    public init(only: Set<MentionKind>? = nil, recognizers: [any Recognizer] = RecognizerRegistry.all) {
        self.only = only
        self.recognizers = recognizers.filter { recognizer in
            only.map { !recognizer.kinds.isDisjoint(with: $0) } ?? true
        }
    }

    /// - Throws: ``RecordError`` when `text` is missing or not a string.
    public func process(_ record: JSONObject) throws -> JSONObject {
        let text = try record.requiredString(Field.text)
        let mentions = extract(from: text)
        var output = record
        output[Field.mentions] = .array(mentions.map(\.json))
        return output
    }

    /// The resolved, sorted mentions of a text.
    public func extract(from text: String) -> [Mention] {
        let analyzed = AnalyzedText(text)
        let tokens = Tokens(analyzed.scalars)
        var found: [Mention] = []
        for recognizer in recognizers {
            let mentions: [Mention]
            if let tokenRecognizer = recognizer as? any TokenRecognizer {
                mentions = tokenRecognizer.recognize(in: analyzed, tokens: tokens)
            } else {
                mentions = recognizer.recognize(in: analyzed)
            }
            if let only {
                found.append(contentsOf: mentions.filter { only.contains($0.kind) })
            } else {
                found.append(contentsOf: mentions)
            }
        }
        return MentionResolver.resolve(found)
    }
}

/// A recogniser that can reuse tokens shared by the stage (so the text is tokenised once).
protocol TokenRecognizer: Recognizer {
    func recognize(in text: AnalyzedText, tokens: Tokens) -> [Mention]
}

extension DateRecognizer: TokenRecognizer {}
extension MoneyRecognizer: TokenRecognizer {}
extension QuantityRecognizer: TokenRecognizer {}
extension PercentRecognizer: TokenRecognizer {}
