/// Every recogniser `extract` runs. Adding a kind: write one recogniser type
/// and add one line here.
public enum RecognizerRegistry {
    /// All recognisers, in no particular order (overlaps are resolved by ``MentionResolver``).
    public static let all: [any Recognizer] = [
        DateRecognizer(),
        MoneyRecognizer(),
        QuantityRecognizer(),
        PercentRecognizer(),
        EmailRecognizer(),
        URLRecognizer(),
        EntityRecognizer(),
    ]
}
