/// The gazetteer's tables as one resource container, compiled at package build
/// time from the text files in `Sources/Extraction/Resources` (by the
/// `gazetteer-compiler` tool the `GazetteerPlugin` runs) and mapped by
/// Extraction's `Gazetteer` at start-up.
///
/// Names are grouped in buckets by a short prefix (``bucketKey(_:)``), so a
/// look-up tokenises only the few names that share the first letters of a
/// token, the first time that bucket is asked for: start-up parses nothing.
public enum GazetteerTables {
    /// The places' TSV lines, in file order (the place index is the line's position).
    public static let places = "PLAC"
    /// Every place name and alias, grouped by bucket, in file order within a bucket.
    public static let names = "NAME"
    /// The place index of each name in ``names``.
    public static let owners = "OWNR"
    /// Bucket key to (first name, count) in ``names``.
    public static let buckets = "BUCK"
    /// ISO 3166-1 alpha-2 code to the index of its country.
    public static let countries = "CTRY"
    /// Lower-cased given names, lower-cased surnames, English words: string sets.
    public static let givenNames = "GIVN"
    public static let surnames = "SURN"
    public static let englishWords = "ENGW"

    /// How many leading letters a bucket key keeps.
    static let bucketLength = 5

    /// The place types a line may have; other lines are skipped.
    static let placeTypes: Set<Substring> = ["country", "region", "city"]

    /// Compiles the text of the gazetteer's files.
    /// - Parameters:
    ///   - placesTSV: `type, name, country, alpha3, population, flags, aliases (|), continent:neighbours` per line; `#` comments.
    ///   - givenNames: one name per line; surnames: the same; englishWords: one lower-case word per line.
    public static func compile(placesTSV: String, givenNames: String, surnames: String, englishWords: String) -> [UInt8] {
        var lines: [String] = []
        var named: [(key: String, name: String, owner: UInt32)] = []
        var countryTable = StringTableBuilder()
        for line in placesTSV.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 7, placeTypes.contains(fields[0]) else { continue }
            let index = UInt32(lines.count)
            lines.append(String(line))
            if fields[0] == "country" { countryTable.add(String(fields[2]), index) }
            let aliases = fields[6].isEmpty ? [] : fields[6].split(separator: "|").map(String.init)
            for name in [String(fields[1])] + aliases { named.append((bucketKey(name), name, index)) }
        }
        // Group by bucket, keeping file order inside each bucket.
        let order = named.indices.sorted { (named[$0].key, $0) < (named[$1].key, $1) }
        var bucketTable = StringTableBuilder()
        var start = 0
        while start < order.count {
            var end = start
            while end < order.count, named[order[end]].key == named[order[start]].key { end += 1 }
            bucketTable.add(named[order[start]].key, UInt32(start), UInt32(end - start))
            start = end
        }
        var writer = ResourceWriter()
        writer.add(Self.places, StringList.bytes(lines))
        writer.add(Self.names, StringList.bytes(order.map { named[$0].name }))
        writer.add(Self.owners, UInt32List.bytes(order.map { named[$0].owner }))
        writer.add(Self.buckets, bucketTable.bytes())
        writer.add(Self.countries, countryTable.bytes())
        writer.add(Self.givenNames, set(givenNames.split(separator: "\n").map { $0.lowercased() }))
        writer.add(Self.surnames, set(surnames.split(separator: "\n").map { $0.lowercased() }))
        writer.add(Self.englishWords, set(englishWords.split(separator: "\n").map(String.init)))
        return writer.bytes()
    }

    private static func set(_ words: [String]) -> [UInt8] {
        var builder = StringTableBuilder()
        for word in words { builder.add(word) }
        return builder.bytes()
    }

    /// The bucket of a phrase: up to five leading letters or digits of it, lower-cased.
    ///
    /// The key of a name equals the key of the lower-cased first token the
    /// entity tokenizer finds in it, since a token starts with letters or
    /// digits and lower-casing never turns a letter into a separator.
    public static func bucketKey(_ phrase: some StringProtocol) -> String {
        bucketKey(lowered: phrase.lowercased())
    }

    /// ``bucketKey(_:)`` of a phrase that is lower-case already (a token's `lower`).
    public static func bucketKey(lowered phrase: some StringProtocol) -> String {
        var key = String.UnicodeScalarView()
        for scalar in phrase.unicodeScalars {
            if key.isEmpty && scalar.properties.isWhitespace { continue }
            if scalar == "\u{AD}" { continue }  // a soft hyphen: the tokenizer drops it from words
            let letter =
                scalar.isASCII
                ? (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 48 && scalar.value <= 57)
                    || (scalar.value >= 65 && scalar.value <= 90)
                : scalar.properties.isAlphabetic
            guard letter, key.count < bucketLength else { break }
            key.append(scalar)
        }
        return String(key)
    }
}
