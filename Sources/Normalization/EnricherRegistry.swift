/// Every ``RecordEnricher`` `normalize` runs after the numeric values, in
/// order. Adding one (people, organisations, places): one line here.
public enum EnricherRegistry {
    public static let all: [any RecordEnricher] = [
        EntityEnricher(),
    ]
}
