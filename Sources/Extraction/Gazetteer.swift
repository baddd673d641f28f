import Foundation
import ResourceTables

/// What a place is.
public enum PlaceType: String, Sendable, CaseIterable {
    case country, region, city
}

/// One place of the gazetteer: a country (ISO 3166-1), a region (ISO 3166-2
/// and common news regions) or a city (GeoNames, population 15,000 or more).
public struct PlaceRecord: Sendable, Hashable {
    /// The canonical English name ("Odesa", "Russia").
    public let name: String
    public let type: PlaceType
    /// ISO 3166-1 alpha-2 of the country (the place itself for a country); empty for regions that cross borders.
    public let country: String
    /// ISO 3166-1 alpha-3, for countries only.
    public let alpha3: String
    public let population: Int
    /// A national capital.
    public let isCapital: Bool
    /// The name is also a lower-case English word ("Mobile", "Reading").
    public let isWord: Bool
    /// The name is also a common given name or surname ("Victoria", "Lincoln").
    public let isPersonalName: Bool
    /// Other names ("Odessa" for "Odesa").
    public let aliases: [String]
    /// For a country: its continent code and neighbouring countries' alpha-2 (GeoNames).
    public let continent: String
    public let neighbours: [String]

    public init(
        name: String, type: PlaceType, country: String, alpha3: String = "", population: Int = 0, isCapital: Bool = false,
        isWord: Bool = false, isPersonalName: Bool = false, aliases: [String] = [], continent: String = "",
        neighbours: [String] = []
    ) {
        self.name = name
        self.type = type
        self.country = country
        self.alpha3 = alpha3
        self.population = population
        self.isCapital = isCapital
        self.isWord = isWord
        self.isPersonalName = isPersonalName
        self.aliases = aliases
        self.continent = continent
        self.neighbours = neighbours
    }
}

/// The built-in name lists: places, given names and surnames.
///
/// They are compiled at package build time into one binary resource
/// (`gazetteer.bin`, by `GazetteerPlugin` from the text files that
/// `data/generate-gazetteers.py` writes) and memory-mapped at start-up, so a
/// stage that handles one record reads only the pages it touches.
public struct Gazetteer: Sendable {
    /// The gazetteer shipped with Gleaner.
    public static let shared = Gazetteer.shipped()

    /// Every place, in file order (countries, regions, then cities by population).
    public let places: PlaceTable
    /// Lower-cased given names.
    public let givenNames: WordSet
    /// Lower-cased common surnames.
    public let surnames: WordSet
    /// Lower-cased English words (Debian wamerican), to tell "Analysts said" from "Putin said".
    public let englishWords: WordSet
    /// Phrase dictionary over every place name and alias.
    let trie: PlaceDictionary
    private let countries: StringTable

    /// Maps the compiled resource of the module; a missing resource gives empty lists.
    private static func shipped() -> Gazetteer {
        if let url = Bundle.module.url(forResource: "gazetteer", withExtension: "bin"),
            let resource = try? MappedResource(path: url.path), let gazetteer = try? Gazetteer(resource: resource)
        {
            return gazetteer
        }
        return Gazetteer(placesTSV: "", givenNames: "", surnames: "")
    }

    /// Reads a compiled gazetteer (``GazetteerTables``).
    /// - Throws: ``ResourceError`` when a table is missing or malformed.
    init(resource: MappedResource) throws(ResourceError) {
        places = PlaceTable(lines: try StringList(resource.section(GazetteerTables.places)))
        givenNames = WordSet(try StringTable(resource.section(GazetteerTables.givenNames)))
        surnames = WordSet(try StringTable(resource.section(GazetteerTables.surnames)))
        englishWords = WordSet(try StringTable(resource.section(GazetteerTables.englishWords)))
        countries = try StringTable(resource.section(GazetteerTables.countries))
        trie = PlaceDictionary(
            buckets: try StringTable(resource.section(GazetteerTables.buckets)),
            names: try StringList(resource.section(GazetteerTables.names)),
            owners: try UInt32List(resource.section(GazetteerTables.owners)))
    }

    /// Builds a gazetteer from the text of its files.
    init(placesTSV: String, givenNames: String, surnames: String, englishWords: String = "") {
        let bytes = GazetteerTables.compile(
            placesTSV: placesTSV, givenNames: givenNames, surnames: surnames, englishWords: englishWords)
        // The compiler's own output always reads back.
        try! self.init(resource: MappedResource(bytes: bytes))
    }

    /// The places a name can mean, best-known first (countries, regions, then cities by population).
    /// - Parameter name: a name as written ("Odessa", "the U.S.", "Georgia").
    public func places(named name: String) -> [PlaceRecord] {
        let key = Gazetteer.key(name)
        var found = trie.places(key: key)
        if found == nil, key.hasPrefix("the ") { found = trie.places(key: String(key.dropFirst(4))) }
        return (found ?? []).map { places[$0] }
    }

    /// The lookup key of a name: its tokens lower-cased, joined by single spaces.
    public static func key(_ name: String) -> String {
        if name.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 32 }) {
            return name.split(separator: " ").joined(separator: " ").lowercased()
        }
        return EntityTokenizer.tokens(Array(name.unicodeScalars)).map(\.lower).joined(separator: " ")
    }

    /// The country with ISO 3166-1 alpha-2 `code`.
    public func country(_ code: String) -> PlaceRecord? { countries.payload(code).map { places[Int($0.0)] } }

    /// The ISO 3166-1 alpha-3 of the country with alpha-2 `code`, read without decoding its record.
    public func alpha3(ofCountry code: String) -> String? {
        countries.payload(code).map { places.alpha3(Int($0.0)) }
    }

    /// Whether `word` (any case) is a known given name.
    public func isGivenName(_ word: String) -> Bool { givenNames.contains(word.lowercased()) }
}

/// The places of the gazetteer, decoded from the mapped resource when read.
public struct PlaceTable: Sendable, RandomAccessCollection {
    private let lines: StringList

    init(lines: StringList) {
        self.lines = lines
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { lines.count }

    /// The place at `index`: one TSV line of `places.tsv`, read into a record.
    public subscript(index: Int) -> PlaceRecord {
        var fields = [String](repeating: "", count: 8)
        PlaceTable.forEachField(of: lines.utf8(index)) { field, bytes in
            if field < fields.count { fields[field] = String(decoding: bytes, as: UTF8.self) }
            return true
        }
        let context = fields[7].isEmpty ? [] : PlaceTable.split(fields[7], ":")
        let flags = fields[5].utf8
        return PlaceRecord(
            name: fields[1], type: PlaceType(rawValue: fields[0]) ?? .city, country: fields[2], alpha3: fields[3],
            population: Int(fields[4]) ?? 0, isCapital: flags.contains(UInt8(ascii: "c")),
            isWord: flags.contains(UInt8(ascii: "w")), isPersonalName: flags.contains(UInt8(ascii: "p")),
            aliases: fields[6].isEmpty ? [] : PlaceTable.split(fields[6], "|").filter { !$0.isEmpty },
            continent: context.first ?? "",
            neighbours: context.count > 1 ? PlaceTable.split(context[1], ",").filter { !$0.isEmpty } : [])
    }

    /// Calls `body` with each tab-separated field of a line (its index and bytes) until it returns false.
    fileprivate static func forEachField(
        of line: UnsafeRawBufferPointer, _ body: (Int, UnsafeRawBufferPointer) -> Bool
    ) {
        var field = 0
        var start = 0
        for end in 0...line.count where end == line.count || line[end] == UInt8(ascii: "\t") {
            guard body(field, UnsafeRawBufferPointer(rebasing: line[start..<end])) else { return }
            field += 1
            start = end + 1
        }
    }

    /// `text` cut at every ASCII `separator`, empty parts kept.
    private static func split(_ text: String, _ separator: Unicode.Scalar) -> [String] {
        text.utf8.split(separator: UInt8(ascii: separator), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}

/// What the recognisers weigh of a place (its type, size and flags), read straight from its
/// line in the mapped resource: no strings are built, so a scan can ask it for every candidate.
public struct PlaceSummary: Sendable, Equatable {
    public var type: PlaceType
    public var population: Int
    public var isCapital: Bool
    public var isWord: Bool
    public var isPersonalName: Bool
}

extension PlaceTable {
    /// The type, population and flags of the place at `index`, as ``subscript(_:)`` reads them.
    public func summary(_ index: Int) -> PlaceSummary {
        var summary = PlaceSummary(type: .city, population: 0, isCapital: false, isWord: false, isPersonalName: false)
        PlaceTable.forEachField(of: lines.utf8(index)) { field, bytes in
            switch field {
            case 0: summary.type = PlaceType.allCases.first { $0.rawValue.utf8.elementsEqual(bytes) } ?? .city
            case 4: summary.population = PlaceSummary.integer(bytes) ?? 0
            case 5:
                summary.isCapital = bytes.contains(UInt8(ascii: "c"))
                summary.isWord = bytes.contains(UInt8(ascii: "w"))
                summary.isPersonalName = bytes.contains(UInt8(ascii: "p"))
                return false
            default: break
            }
            return true
        }
        return summary
    }

    /// The alpha-3 field of the place at `index` (empty but for countries).
    public func alpha3(_ index: Int) -> String {
        var alpha3 = ""
        PlaceTable.forEachField(of: lines.utf8(index)) { field, bytes in
            if field == 3 { alpha3 = String(decoding: bytes, as: UTF8.self) }
            return field < 3
        }
        return alpha3
    }
}

extension PlaceSummary {
    /// A decimal integer as `Int(_:)` reads one: an optional sign, then digits only, no overflow.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")) * (negative ? -1 : 1))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }
}

/// A set of words read in place from the mapped resource.
public struct WordSet: Sendable {
    private let table: StringTable

    init(_ table: StringTable) {
        self.table = table
    }

    /// Whether the set holds `word` exactly (the lists are lower-case).
    public func contains(_ word: String) -> Bool { table.contains(word) }

    /// How many words the set holds.
    public var count: Int { table.count }
}

/// How a token of a dictionary phrase must be written in the text.
enum TokenCase: UInt8, Sendable {
    /// Any case ("of", "and").
    case any
    /// Starts with a capital ("Baku").
    case capitalized
    /// Exactly as written: acronyms ("US", "UAE") never match "us".
    case exact
}

/// A dictionary of phrases keyed by lower-cased token sequences, walked one
/// token at a time, so scanning a text costs one hash look-up per token.
struct PhraseTrie: Sendable {
    struct Terminal: Sendable {
        var value: Int
        var cases: [TokenCase]
        /// The phrase's tokens as written, for tokens that must match exactly.
        var exact: [[Unicode.Scalar]]
    }

    /// An edge of the trie: from `node` along one lower-cased token.
    struct Edge: Hashable, Sendable {
        var node: Int32
        var token: String
    }

    /// All edges in one table (one allocation, not one dictionary per node).
    private(set) var edges: [Edge: Int32] = [:]
    private(set) var terminals: [Int32: [Terminal]] = [:]
    private var nodeCount: Int32 = 1

    /// Adds a phrase; by default only phrases that start with a capital or a digit, since names do.
    mutating func insert(_ phrase: String, value: Int, requireCapital: Bool = true) {
        let words = PhraseTrie.words(phrase)
        guard let first = words.first, first.capitalized || first.digit || !requireCapital else { return }
        var node: Int32 = 0
        var cases: [TokenCase] = []
        var exact: [[Unicode.Scalar]] = []
        for word in words {
            let edge = Edge(node: node, token: word.lower)
            if let child = edges[edge] {
                node = child
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
            if word.allCaps, word.scalars.count <= 6 {
                exact.append(word.scalars)
                cases.append(.exact)
            } else {
                exact.append([])
                cases.append(word.capitalized ? .capitalized : .any)
            }
        }
        if terminals[node]?.contains(where: { $0.value == value && $0.cases == cases }) == true { return }
        terminals[node, default: []].append(Terminal(value: value, cases: cases, exact: exact))
    }

    private struct Word {
        var lower: String
        var scalars: [Unicode.Scalar]
        var capitalized: Bool
        var allCaps: Bool
        var digit: Bool
    }

    /// The tokens of a phrase: a fast split for plain ASCII words, else the full tokenizer.
    private static func words(_ phrase: String) -> [Word] {
        let plain = phrase.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 32 }
        if plain {
            return phrase.split(separator: " ").map { part in
                let bytes = Array(part.utf8)
                let upper = bytes.filter { $0 <= 90 }.count
                return Word(
                    lower: part.lowercased(), scalars: part.unicodeScalars.map { $0 }, capitalized: bytes[0] <= 90,
                    allCaps: bytes.count >= 2 && upper == bytes.count, digit: false)
            }
        }
        let scalars = Array(phrase.unicodeScalars)
        return EntityTokenizer.tokens(scalars).map { token in
            Word(
                lower: token.lower, scalars: Array(scalars[token.start..<token.end]), capitalized: token.isCapitalized,
                allCaps: token.isAllCaps, digit: token.hasDigit)
        }
    }

    /// The longest phrase starting at token `start`: its end (exclusive token index) and values.
    func longestMatch(_ tokens: [EntityToken], from start: Int, text: AnalyzedText, limit: Int? = nil) -> (
        end: Int, values: [Int]
    )? {
        var node: Int32 = 0
        var index = start
        var best: (end: Int, values: [Int])?
        let stop = min(limit ?? tokens.count, tokens.count)
        while index < stop {
            let token = tokens[index]
            if index > start, token.lineBreakBefore { break }
            guard let child = edges[Edge(node: node, token: token.lower)] else { break }
            node = child
            index += 1
            if let terminals = terminals[node] {
                let values = terminals.filter { matchesCase($0, tokens, start, text) }.map(\.value)
                if !values.isEmpty { best = (index, values) }
            }
        }
        return best
    }

    private func matchesCase(_ terminal: Terminal, _ tokens: [EntityToken], _ start: Int, _ text: AnalyzedText)
        -> Bool
    {
        for (offset, rule) in terminal.cases.enumerated() {
            let token = tokens[start + offset]
            switch rule {
            case .any: continue
            case .capitalized: if !token.isCapitalized { return false }
            case .exact:
                let expected = terminal.exact[offset]
                guard token.end - token.start == expected.count else { return false }
                for (position, scalar) in expected.enumerated() where text.scalars[token.start + position] != scalar {
                    return false
                }
            }
        }
        return true
    }
}

/// The phrase dictionary of the gazetteer's place names, read from the mapped
/// resource one bucket at a time: the first look-up of a token tokenises the
/// few names in its bucket (``GazetteerTables/bucketKey(_:)``) into a
/// ``PhraseTrie``, so start-up parses nothing and a scan still costs one hash
/// look-up per token. Answers are those of a trie of every name, since all
/// the phrases that start with one token share its bucket.
struct PlaceDictionary: Sendable {
    private let buckets: StringTable
    private let names: StringList
    private let owners: UInt32List
    private let cache = Cache()

    init(buckets: StringTable, names: StringList, owners: UInt32List) {
        self.buckets = buckets
        self.names = names
        self.owners = owners
    }

    /// The place indexes of a lookup key (``Gazetteer/key(_:)``), in file order; nil when no name has that key.
    func places(key: String) -> [Int]? {
        cache.withLock { state in
            if let found = state.byKey[key] { return found }
            load(GazetteerTables.bucketKey(lowered: key), into: &state)
            return state.byKey[key]
        }
    }

    /// The longest place name starting at token `start`: its end (exclusive token index) and place indexes.
    func longestMatch(_ tokens: [EntityToken], from start: Int, text: AnalyzedText, limit: Int? = nil) -> (
        end: Int, values: [Int]
    )? {
        guard start < min(limit ?? tokens.count, tokens.count) else { return nil }
        return cache.withLock { state in longestMatch(tokens, from: start, text: text, limit: limit, in: &state) }
    }

    /// The place names of a token list, left to right: at each token that `admits`, the longest name
    /// starting there (``longestMatch(_:from:text:limit:)``); a match moves the walk past its tokens.
    /// One lock for the whole walk, so threads of `--jobs` do not take turns token by token.
    func matches(in tokens: [EntityToken], text: AnalyzedText, admits: (EntityToken) -> Bool) -> [(
        start: Int, end: Int, values: [Int]
    )] {
        cache.withLock { state in
            var found: [(start: Int, end: Int, values: [Int])] = []
            var index = 0
            while index < tokens.count {
                guard admits(tokens[index]), let match = longestMatch(tokens, from: index, text: text, limit: nil, in: &state)
                else {
                    index += 1
                    continue
                }
                found.append((index, match.end, match.values))
                index = match.end
            }
            return found
        }
    }

    private func longestMatch(
        _ tokens: [EntityToken], from start: Int, text: AnalyzedText, limit: Int?, in state: inout Cache.State
    ) -> (end: Int, values: [Int])? {
        let first = tokens[start].lower
        if state.trie.edges[PhraseTrie.Edge(node: 0, token: first)] == nil {
            guard !state.startsNothing.contains(first) else { return nil }
            // No phrase starts with this token yet: read its bucket, unless that was done before
            // (then none ever will: a bucket holds every name whose first token is in it).
            let bucket = GazetteerTables.bucketKey(lowered: first)
            guard !state.loaded.contains(bucket) else {
                if state.startsNothing.count < Cache.startsNothingLimit { state.startsNothing.insert(first) }
                return nil
            }
            load(bucket, into: &state)
        }
        return state.trie.longestMatch(tokens, from: start, text: text, limit: limit)
    }

    /// Tokenises the names of one bucket, once. A name whose tokens fall in another bucket is left out
    /// (the tests check the shipped lists have none), so answers never depend on which buckets were read first.
    private func load(_ bucket: String, into state: inout Cache.State) {
        guard state.loaded.insert(bucket).inserted, let (start, count) = buckets.payload(bucket) else { return }
        for index in Int(start)..<Int(start + count) {
            let name = names[index], value = Int(owners[index])
            let key = Gazetteer.key(name)
            guard GazetteerTables.bucketKey(lowered: key) == bucket else { continue }
            if state.byKey[key]?.contains(value) != true { state.byKey[key, default: []].append(value) }
            state.trie.insert(name, value: value)
        }
    }

    /// The buckets read so far, shared by the threads of `--jobs`.
    private final class Cache: @unchecked Sendable {
        /// Tokens remembered as starting no name at most (most capitalised words are not places).
        static let startsNothingLimit = 50_000

        struct State {
            var loaded: Set<String> = []
            /// Tokens whose bucket is read and that start no name, so the next look-up skips the bucket key.
            var startsNothing: Set<String> = []
            var trie = PhraseTrie()
            var byKey: [String: [Int]] = [:]
        }

        // Guarded by `lock`.
        private var state = State()
        private let lock = NSLock()

        func withLock<Result>(_ body: (inout State) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&state)
        }
    }
}
