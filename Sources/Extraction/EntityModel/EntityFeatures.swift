import GleanerCore

/// The labels the entity model tags tokens with: BIO over person, organisation,
/// place and "other name" (nationalities, events: learned so they are not taken
/// for the other three, never reported).
enum EntityLabel {
    static let count = 9
    static let outside = 0
    /// The kind of a label's entity: 0 person, 1 organisation, 2 place, 3 other; -1 for outside.
    @inline(__always) static func kind(_ label: Int) -> Int { label == 0 ? -1 : (label - 1) / 2 }
    @inline(__always) static func isBegin(_ label: Int) -> Bool { label != 0 && (label - 1) % 2 == 0 }
    @inline(__always) static func begin(_ kind: Int) -> Int { 1 + kind * 2 }
    @inline(__always) static func inside(_ kind: Int) -> Int { 2 + kind * 2 }
    /// Whether `label` may follow `previous` (an inside label only continues its own kind).
    @inline(__always) static func allowed(_ previous: Int, _ label: Int) -> Bool {
        label == 0 || isBegin(label) || (previous != 0 && kind(previous) == kind(label))
    }
    /// The labels `label` may follow (``allowed(_:_:)``), in ascending order: an inside label
    /// only its own kind's begin and inside, any other label every label.
    @inline(__always) static func predecessors(of label: Int) -> Range<Int> {
        label != 0 && !isBegin(label) ? (label - 1)..<(label + 1) : 0..<count
    }
    static let mentionKinds: [MentionKind?] = [.person, .organization, .place, nil]
}

/// Turns a document's tokens into hashed feature indices, a fixed number per token,
/// straight from the tokens' bytes (no strings are built per feature).
///
/// The same code serves training and tagging, so a model always sees the features it learned.
struct EntityFeatures {
    /// Features per token.
    static let perToken = 34
    /// Version of the feature set; a model trained on another version is refused.
    static let version: UInt32 = 1

    let gazetteer: Gazetteer

    /// The closed word lists a token can be in, by the hash of its lower-cased form (bits 8–128:
    /// demonym, title, organisation head, place word, calendar word; the gazetteer's given names,
    /// surnames and English words, bits 1–4, are asked directly).
    static let lexicon: HashedWordTable = {
        let lists: [Set<String>] = [
            EntityLexicon.demonyms, EntityLexicon.personTitles, EntityLexicon.organizationHeads, EntityLexicon.placeWords,
            EntityLexicon.calendarWords,
        ]
        var table = HashedWordTable(capacity: lists.reduce(0) { $0 + $1.count })
        for (bit, list) in lists.enumerated() {
            for word in list { table.insert(Hashing.bytes(word.utf8), UInt8(8 << bit)) }
        }
        return table
    }()

    /// One token's precomputed hashes and classes.
    private struct TokenInfo {
        var lower: UInt64 = 0
        var exact: UInt64 = 0
        var shape: UInt64 = 0
        var prefix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// Word lists the token is in (bits: given name, surname, English word, demonym, title, org head, place word, calendar).
        var lexicon: UInt64 = 0
        /// Place gazetteer: 0 none, else 1 + (begin/inside) * 8 + class.
        var place: UInt64 = 0
        /// Known organisation list: 0 none, 1 begin, 2 inside.
        var organization: UInt64 = 0
        /// Position: sentence-initial, line-initial, in a line of capitals, in a dateline.
        var position: UInt64 = 0
        /// How the word is written elsewhere in the document when it is not sentence-initial.
        var documentCase: UInt64 = 0
    }

    /// The feature indices of every token (`perToken` each, masked to `mask`), in token order.
    func extract(_ tokens: [EntityToken], _ text: AnalyzedText, mask: UInt32) -> [UInt32] {
        let count = tokens.count
        var infos = [TokenInfo](repeating: TokenInfo(), count: count)
        let scalars = text.scalars
        var caseCounts = HashedWordTable(capacity: count)
        for index in 0..<count {
            let token = tokens[index]
            var info = TokenInfo()
            let lowerBytes = token.lower.utf8
            info.lower = Hashing.bytes(lowerBytes)
            var exact = Hashing.seed
            var shape = Hashing.seed
            var lastShape: UInt32 = 0
            var shapeRun = 0
            for position in token.start..<token.end {
                let scalar = scalars[position]
                exact = Hashing.mix(exact, UInt64(scalar.value))
                let shapeClass: UInt32
                let value = scalar.value
                if value < 128 {
                    if value >= 65 && value <= 90 {
                        shapeClass = 88
                    } else if value >= 97 && value <= 122 {
                        shapeClass = 120
                    } else if value >= 48 && value <= 57 {
                        shapeClass = 100
                    } else {
                        shapeClass = value
                    }
                } else if scalar.properties.isUppercase {
                    shapeClass = 88  // X
                } else if scalar.properties.isLowercase {
                    shapeClass = 120  // x
                } else if scalar.properties.numericType != nil {
                    shapeClass = 100  // d
                } else {
                    shapeClass = scalar.value
                }
                if shapeClass == lastShape {
                    shapeRun += 1
                    if shapeRun >= 2 { continue }
                } else {
                    shapeRun = 0
                }
                lastShape = shapeClass
                shape = Hashing.mix(shape, UInt64(shapeClass))
            }
            info.exact = exact
            info.shape = shape
            info.prefix = Hashing.affixes(lowerBytes)
            info.suffix = Hashing.affixes(lowerBytes.reversed())
            if token.isWord {
                var bits = EntityFeatures.lexicon.value(info.lower)
                if gazetteer.givenNames.contains(token.lower) { bits |= 1 }
                if gazetteer.surnames.contains(token.lower) { bits |= 2 }
                if gazetteer.englishWords.contains(token.lower) { bits |= 4 }
                info.lexicon = UInt64(bits)
                // Case seen away from sentence starts: 1 capitalised, 2 lower case, 4 all capitals.
                if !token.sentenceInitial {
                    let seen: UInt8 = token.isAllCaps ? 4 : (token.isCapitalized ? 1 : 2)
                    caseCounts.insert(info.lower, seen)
                }
            }
            infos[index] = info
        }
        markLines(tokens, &infos)
        markGazetteers(tokens, text, &infos)
        for index in 0..<count where tokens[index].isWord {
            infos[index].documentCase = UInt64(caseCounts.value(infos[index].lower)) + 1
        }

        var features = [UInt32](repeating: 0, count: count * EntityFeatures.perToken)
        let none = TokenInfo()
        features.withUnsafeMutableBufferPointer { out in
            infos.withUnsafeBufferPointer { infos in
                for index in 0..<count {
                    let current = infos[index]
                    let previous = index > 0 ? infos[index - 1] : none
                    let previous2 = index > 1 ? infos[index - 2] : none
                    let next = index + 1 < count ? infos[index + 1] : none
                    let next2 = index + 2 < count ? infos[index + 2] : none
                    let base = index * EntityFeatures.perToken
                    @inline(__always) func put(_ template: Int, _ value: UInt64) {
                        out[base + template] = UInt32(truncatingIfNeeded: Hashing.finish(value, template: template)) & mask
                    }
                    put(0, 0)
                    put(1, current.lower)
                    put(2, current.exact)
                    put(3, current.shape)
                    put(4, current.prefix.0)
                    put(5, current.prefix.1)
                    put(6, current.prefix.2)
                    put(7, current.prefix.3)
                    put(8, current.suffix.0)
                    put(9, current.suffix.1)
                    put(10, current.suffix.2)
                    put(11, current.suffix.3)
                    put(12, previous.lower)
                    put(13, next.lower)
                    put(14, previous2.lower)
                    put(15, next2.lower)
                    put(16, previous.shape)
                    put(17, next.shape)
                    put(18, Hashing.mix(previous.lower, current.lower))
                    put(19, Hashing.mix(current.lower, next.lower))
                    put(20, Hashing.mix(Hashing.mix(previous.shape, current.shape), next.shape))
                    put(21, Hashing.mix(current.position, current.shape))
                    put(22, current.place)
                    put(23, Hashing.mix(previous.place, next.place))
                    put(24, current.lexicon)
                    put(25, Hashing.mix(previous.lexicon, next.lexicon))
                    put(26, current.organization)
                    put(27, Hashing.mix(current.documentCase, current.position))
                    put(28, Hashing.mix(current.documentCase, current.shape))
                    put(29, Hashing.mix(current.position, current.lower))
                    put(30, Hashing.mix(current.place, current.lexicon))
                    put(31, Hashing.mix(previous.lower, current.shape))
                    put(32, Hashing.mix(current.shape, next.lower))
                    put(33, Hashing.mix(previous.exact, previous2.exact))
                }
            }
        }
        return features
    }

    /// Sentence and line positions; lines of capitals (headlines); datelines ("LONDON 1996-08-30", "PARIS, France 2024-05-01").
    private func markLines(_ tokens: [EntityToken], _ infos: inout [TokenInfo]) {
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart + 1
            while lineEnd < tokens.count, !tokens[lineEnd].lineBreakBefore { lineEnd += 1 }
            var words = 0
            var capitals = 0
            var hasDate = false
            for index in lineStart..<lineEnd where tokens[index].isWord {
                let token = tokens[index]
                if token.hasDigit {
                    if token.lower.utf8.count >= 8, token.lower.utf8.contains(45) { hasDate = true }
                    continue
                }
                words += 1
                if token.isAllCaps || (token.end - token.start == 1 && token.isCapitalized) { capitals += 1 }
            }
            let shouting = words >= 2 && capitals * 4 >= words * 3
            let dateline = hasDate && lineEnd - lineStart <= 8
            for index in lineStart..<lineEnd {
                var position: UInt64 = 0
                if tokens[index].sentenceInitial { position |= 1 }
                if index == lineStart { position |= 2 }
                if shouting { position |= 4 }
                if dateline { position |= 8 }
                infos[index].position = position + 16
            }
            lineStart = lineEnd
        }
    }

    /// Tokens inside a place name of the gazetteer or a known organisation's name.
    private func markGazetteers(_ tokens: [EntityToken], _ text: AnalyzedText, _ infos: inout [TokenInfo]) {
        let places = gazetteer.trie.matches(in: tokens, text: text) { $0.isWord && ($0.isCapitalized || $0.hasDigit) }
        for match in places {
            var placeClass: UInt64 = 0
            var population = 0
            for value in match.values {
                let record = gazetteer.places.summary(value)
                switch record.type {
                case .country: placeClass = max(placeClass, 6)
                case .region: placeClass = max(placeClass, record.isWord || record.isPersonalName ? 3 : 5)
                case .city:
                    population = max(population, record.population)
                    let big: UInt64 = record.isCapital || record.population >= 1_000_000 ? 4 : (record.population >= 100_000 ? 2 : 1)
                    placeClass = max(placeClass, record.isWord || record.isPersonalName ? min(big, 2) : big)
                }
            }
            for covered in match.start..<match.end { infos[covered].place = 1 + (covered == match.start ? 0 : 8) + placeClass }
        }
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, let match = OrganizationRules.known.longestMatch(tokens, from: index, text: text) else {
                index += 1
                continue
            }
            for covered in index..<match.end { infos[covered].organization = covered == index ? 1 : 2 }
            index = match.end
        }
    }
}

/// FNV-style hashing with a final avalanche, for feature indices.
enum Hashing {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ value) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
    }

    @inline(__always) static func bytes<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = mix(hash, UInt64(byte)) }
        return hash
    }

    /// Hashes of the first 1, 2, 3 and 4 bytes (0 where the word is shorter).
    @inline(__always) static func affixes<S: Sequence<UInt8>>(_ bytes: S) -> (UInt64, UInt64, UInt64, UInt64) {
        var result: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var hash = seed
        var length = 0
        for byte in bytes {
            hash = mix(hash, UInt64(byte))
            length += 1
            switch length {
            case 1: result.0 = hash
            case 2: result.1 = hash
            case 3: result.2 = hash
            default: result.3 = hash
            }
            if length >= 4 { break }
        }
        return result
    }

    /// A well-spread 64-bit value for `value` under feature template `template`.
    @inline(__always) static func finish(_ value: UInt64, template: Int) -> UInt64 {
        var x = value &+ UInt64(template) &* 0x9e37_79b9_7f4a_7c15
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }
}

/// An open-addressing table from a word's 64-bit hash to a byte of flags (OR-ed on insert):
/// one probe sequence per look-up, no strings hashed.
struct HashedWordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt8]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt8](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32)
    }

    /// ORs `flags` into the entry for `hash` (a hash of 0 is stored as 1).
    mutating func insert(_ hash: UInt64, _ flags: UInt8) {
        let key = hash == 0 ? 1 : hash
        var slot = HashedWordTable.slot(key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] |= flags
    }

    /// The flags stored for `hash`, 0 when absent.
    @inline(__always) func value(_ hash: UInt64) -> UInt8 {
        let key = hash == 0 ? 1 : hash
        var slot = HashedWordTable.slot(key) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }
}
