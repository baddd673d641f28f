/// Lexical classes of the words the numeric recognisers care about.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    static let month = WordClass(rawValue: 1 << 0)
    static let weekday = WordClass(rawValue: 1 << 1)
    /// "one" ... "ninety": `number` holds the value.
    static let cardinal = WordClass(rawValue: 1 << 2)
    /// "hundred", "thousand", "million", "bn": `number` holds the multiplier.
    static let scale = WordClass(rawValue: 1 << 3)
    /// "dozens", "hundreds", "thousands", "scores": `number` holds the value.
    static let vague = WordClass(rawValue: 1 << 4)
    /// "about", "approximately", "nearly": the number is approximate.
    static let hedgeApproximate = WordClass(rawValue: 1 << 5)
    /// "more", "over", "least" (in "at least"): a lower bound.
    static let hedgeMinimum = WordClass(rawValue: 1 << 6)
    /// "under", "fewer", "less", "up to": an upper bound.
    static let hedgeMaximum = WordClass(rawValue: 1 << 7)
    /// Prepositions that introduce a date: "in", "since", "until".
    static let datePreposition = WordClass(rawValue: 1 << 8)
    /// "today", "yesterday", "tomorrow", "tonight": `number` holds the day offset.
    static let relativeDay = WordClass(rawValue: 1 << 9)
    /// "last", "this", "next", "past", "coming": `number` holds the offset.
    static let relativeModifier = WordClass(rawValue: 1 << 10)
    /// "day", "week", "month", "year", "decade" and plurals: `number` holds the unit code.
    static let period = WordClass(rawValue: 1 << 11)
    /// "morning", "afternoon", "evening", "night".
    static let partOfDay = WordClass(rawValue: 1 << 12)
    /// "the", "a", "its", "their": a determiner before a year makes it a modifier ("the 2009 crisis").
    static let determiner = WordClass(rawValue: 1 << 13)
    /// Function words and verbs that end a unit phrase ("of", "and", "have", "were").
    static let stop = WordClass(rawValue: 1 << 14)
    /// Units of measure that may be singular ("km", "tonnes", "barrels").
    static let measure = WordClass(rawValue: 1 << 15)
    /// Irregular plurals and collective nouns ("people", "children", "police").
    static let plural = WordClass(rawValue: 1 << 16)
    /// "st", "nd", "rd", "th" after a day number.
    static let ordinalSuffix = WordClass(rawValue: 1 << 17)
    /// "first" ... "thirty-first" as words: `number` holds the value.
    static let ordinal = WordClass(rawValue: 1 << 18)
    /// "early", "mid", "late", "end", "beginning", "start": part of a period.
    static let periodPart = WordClass(rawValue: 1 << 19)
    /// Words before a number that make it an identifier, not a count ("route", "flight", "no").
    static let identifierCue = WordClass(rawValue: 1 << 20)
    /// "percent", "pct".
    static let percentWord = WordClass(rawValue: 1 << 21)
    /// "quarter", "half".
    static let fraction = WordClass(rawValue: 1 << 22)
    /// Words a date expression can start with that have no date class of their own ("the", "from", "a").
    static let dateStart = WordClass(rawValue: 1 << 23)

    /// Words a quantity can start with besides numbers and hedges ("a dozen", "half a million", "up to").
    static let quantityStart = WordClass(rawValue: 1 << 24)

    /// Every class a quantity can start with.
    static let startsQuantity: WordClass = [.cardinal, .vague, .hedgeApproximate, .hedgeMinimum, .hedgeMaximum, .quantityStart]

    /// Every class a date expression can start with.
    static let startsDate: WordClass = [.month, .weekday, .relativeDay, .relativeModifier, .periodPart, .cardinal, .ordinal, .dateStart]
}

/// The closed vocabulary of the numeric recognisers: one lookup per word token.
///
/// Words up to 12 ASCII letters are packed into a 64-bit key (5 bits a letter),
/// so a lookup costs no allocation; longer ones use a string table.
final class Lexicon: Sendable {
    struct Entry: Sendable {
        let word: String
        let classes: WordClass
        /// Class-specific payload: a month or weekday number, a numeric value, a day offset.
        let number: Double
        /// A second payload for words in two numeric classes ("second": ordinal 2 and a time unit).
        let period: Period?
    }

    /// Time units a period word names.
    enum Period: Int, Sendable {
        case day, week, month, year, decade, century, weekend, quarter, hour, minute
    }

    static let longestWord = 16
    static let shared = Lexicon()

    let entries: [Entry]
    private let packed: [UInt64: Int32]
    private let long: [String: Int32]

    private init() {
        var builder = Builder()
        builder.build()
        entries = builder.entries
        var packed: [UInt64: Int32] = [:]
        var long: [String: Int32] = [:]
        for (index, entry) in builder.entries.enumerated() {
            let bytes = Array(entry.word.utf8)
            if let key = Self.pack(bytes) { packed[key] = Int32(index) } else { long[entry.word] = Int32(index) }
        }
        self.packed = packed
        self.long = long
    }

    /// The entry index of a lower-case ASCII word, or -1.
    @inline(__always)
    func lookup(_ lowercased: [UInt8]) -> Int32 {
        if let key = Self.pack(lowercased) { return packed[key] ?? -1 }
        return long[String(decoding: lowercased, as: UTF8.self)] ?? -1
    }

    /// The entry of a lower-case word, when known.
    func entry(_ word: String) -> Entry? {
        let index = lookup(Array(word.utf8))
        return index >= 0 ? entries[Int(index)] : nil
    }

    @inline(__always)
    private static func pack(_ bytes: [UInt8]) -> UInt64? {
        guard bytes.count <= 12 else { return nil }
        var key: UInt64 = 0
        for byte in bytes {
            guard byte >= 97 && byte <= 122 else { return nil }
            key = key << 5 | UInt64(byte - 96)
        }
        return key
    }

    private struct Builder {
        var entries: [Entry] = []
        var index: [String: Int] = [:]

        mutating func add(_ word: String, _ classes: WordClass, _ number: Double = 0, period: Period? = nil) {
            if let existing = index[word] {
                let old = entries[existing]
                let keepNumber = old.classes.isEmpty ? number : old.number
                entries[existing] = Entry(
                    word: word, classes: old.classes.union(classes), number: classes.isEmpty ? old.number : keepNumber,
                    period: period ?? old.period)
                return
            }
            index[word] = entries.count
            entries.append(Entry(word: word, classes: classes, number: number, period: period))
        }

        mutating func build() {
            let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"]
            for (offset, name) in months.enumerated() { add(name, .month, Double(offset + 1)) }
            let short = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                         "oct": 10, "nov": 11, "dec": 12]
            for (name, month) in short { add(name, .month, Double(month)) }
            let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            for (offset, name) in weekdays.enumerated() { add(name, .weekday, Double(offset + 1)) }

            let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                         "nineteen"]
            for (value, name) in units.enumerated() { add(name, .cardinal, Double(value)) }
            let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
            for (offset, name) in tens.enumerated() { add(name, .cardinal, Double((offset + 2) * 10)) }
            let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                            "seventeenth", "eighteenth", "nineteenth", "twentieth"]
            for (offset, name) in ordinals.enumerated() { add(name, .ordinal, Double(offset + 1)) }
            add("thirtieth", .ordinal, 30)
            let scales: [(String, Double)] = [
                ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
                ("bn", 1e9), ("mn", 1e6), ("mln", 1e6), ("bln", 1e9), ("tn", 1e12), ("trn", 1e12), ("k", 1e3),
                ("m", 1e6), ("b", 1e9), ("lakh", 1e5), ("lakhs", 1e5), ("crore", 1e7), ("crores", 1e7),
                ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("hundreds", 1e2), ("trillions", 1e12),
            ]
            for (name, value) in scales { add(name, .scale, value) }
            let vague: [(String, Double)] = [
                ("dozens", 12), ("hundreds", 100), ("thousands", 1000), ("millions", 1e6), ("billions", 1e9),
                ("tens", 10), ("scores", 20), ("dozen", 12), ("trillions", 1e12),
            ]
            for (name, value) in vague { add(name, .vague, value) }

            for word in ["about", "approximately", "around", "roughly", "nearly", "almost", "some", "approx",
                         "estimated", "circa", "ca", "close", "just", "an", "or", "so", "odd"] {
                add(word, word == "an" || word == "or" || word == "so" || word == "just" || word == "odd" ? [] : .hedgeApproximate)
            }
            for word in ["over", "more", "least", "exceeding", "upwards", "above", "beyond", "excess"] { add(word, .hedgeMinimum) }
            for word in ["under", "fewer", "less", "most", "below", "maximum", "max", "only"] { add(word, .hedgeMaximum) }
            for word in ["in", "since", "by", "until", "till", "from", "through", "during", "before", "after", "of",
                         "between", "to", "and", "on", "early", "late", "mid", "circa", "around", "throughout",
                         "as", "for", "within", "starting", "ending", "last", "next", "this", "that", "every", "or",
                         "spring", "summer", "autumn", "fall", "winter", "beginning", "end", "start", "middle",
                         "year", "fiscal", "than"] {
                add(word, .datePreposition)
            }
            add("today", .relativeDay, 0)
            add("yesterday", .relativeDay, -1)
            add("tomorrow", .relativeDay, 1)
            add("tonight", .relativeDay, 0)
            add("last", .relativeModifier, -1)
            add("past", .relativeModifier, -1)
            add("previous", .relativeModifier, -1)
            add("this", .relativeModifier, 0)
            add("current", .relativeModifier, 0)
            add("next", .relativeModifier, 1)
            add("coming", .relativeModifier, 1)
            let periods: [(String, Period)] = [
                ("day", .day), ("days", .day), ("week", .week), ("weeks", .week), ("month", .month),
                ("months", .month), ("year", .year), ("years", .year), ("decade", .decade), ("decades", .decade),
                ("century", .century), ("centuries", .century), ("weekend", .weekend), ("quarter", .quarter),
                ("hours", .hour), ("hour", .hour), ("minutes", .minute), ("minute", .minute),
            ]
            for (name, period) in periods { add(name, .period, 0, period: period) }
            add("second", .period, 0, period: .minute)
            for word in ["morning", "afternoon", "evening", "night", "overnight"] { add(word, .partOfDay) }
            for word in ["the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that",
                         "these", "those", "whose"] {
                add(word, .determiner)
            }
            for word in ["early", "mid", "late", "end", "beginning", "start", "middle", "earlier", "later"] {
                add(word, .periodPart)
            }
            for word in ["st", "nd", "rd", "th"] { add(word, .ordinalSuffix) }
            for word in ["route", "flight", "no", "number", "nos", "page", "pages", "chapter", "section", "article",
                         "room", "suite", "apt", "apartment", "unit", "building", "highway", "interstate", "road",
                         "street", "avenue", "platform", "gate", "terminal", "boeing", "airbus", "model", "version",
                         "windows", "iphone", "galaxy", "level", "grade", "class", "resolution", "bill", "act",
                         "law", "decree", "order", "case", "file", "code", "line", "bus", "train", "channel",
                         "volume", "vol", "issue", "episode", "season", "phase", "stage", "step", "track", "lot",
                         "block", "district", "ward", "precinct", "zone", "sector", "division", "battalion",
                         "brigade", "regiment", "squadron", "corps", "army", "fleet", "tu", "su", "mig", "il",
                         "ka", "mi", "boeings", "ps", "xbox", "covid", "top", "rank", "ranked", "size",
                         "tel", "phone", "fax", "call", "dial", "pin", "id", "reg", "ref", "par", "mark", "vs",
                         "versus", "f", "t", "a", "c", "g", "j", "s",
                         "u", "x", "v", "w", "p", "q", "h", "e", "d", "z", "y", "o", "l", "n"] {
                add(word, .identifierCue)
            }
            for word in ["percent", "percents", "pct", "percentage", "pc"] { add(word, .percentWord) }
            add("quarter", .fraction, 0.25)
            add("quarters", .fraction, 0.25)
            add("half", .fraction, 0.5)
            add("third", .fraction, 1.0 / 3)
            add("thirds", .fraction, 1.0 / 3)

            let measures = [
                "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile", "miles", "metres", "meters",
                "metre", "meter", "cm", "centimetres", "centimeters", "mm", "millimetres", "millimeters", "kg",
                "kilograms", "kilogram", "kilos", "kilo", "grams", "gram", "tonnes", "tonne", "tons", "ton", "lbs",
                "lb", "ounces", "ounce", "oz", "litres", "liters", "litre", "liter", "gallons", "gallon", "barrels",
                "barrel", "bpd", "mw", "gw", "kw", "kwh", "mwh", "gwh", "twh", "hectares", "hectare", "ha", "acres",
                "acre", "sq", "square", "cubic", "bcm", "feet", "foot", "ft", "inches", "inch", "mph", "kph",
                "knots", "knot", "degrees", "degree", "celsius", "fahrenheit", "hours", "hour", "days", "day",
                "weeks", "week", "months", "month", "years", "year", "minutes", "minute", "seconds", "decades",
                "decade", "centuries", "century", "km2", "sqm", "mt", "kt", "yards", "yard", "nautical", "teu",
                "megawatts", "megawatt", "gigawatts", "gigawatt", "kilowatts", "kilowatt", "volts", "watts",
                "calories", "bytes", "gigabytes", "terabytes", "mbps", "gbps", "pixels", "times", "fold",
            ]
            for word in measures { add(word, .measure) }
            // The generated units table (SI, US customary, data sizes, power, speed, ...).
            // "pounds" stays a currency word first; the money recogniser decides.
            for word in UnitOfMeasure.spellings where !word.contains("/") && word != "pound" && word != "pounds" {
                add(word, .measure)
            }
            let plurals = [
                "people", "children", "men", "women", "police", "personnel", "staff", "feet", "teeth", "mice",
                "geese", "cattle", "sheep", "fish", "deer", "aircraft", "offspring", "livestock", "poultry",
                "swine", "troops", "infantry", "clergy", "militia", "youth", "crew", "folk", "folks", "kin",
                "salmon", "bison", "moose", "spacecraft", "hovercraft", "data", "media", "criteria", "phenomena",
                "alumni", "fungi", "cacti", "nuclei", "indices", "vertices", "matrices", "crises", "analyses",
                "theses", "hypotheses", "diagnoses", "oases", "bacteria", "Jewry", "equipment", "ammunition",
                "artillery", "weaponry", "furniture", "luggage", "baggage", "refugees", "migrants",
            ]
            for word in plurals { add(word.lowercased(), .plural) }

            // Words ending in "s" that are not plural nouns, and common function words and verbs:
            // they end a unit phrase.
            let stops = [
                "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
                "than", "as", "that", "which", "who", "whom", "whose", "where", "when", "while", "if", "because",
                "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
                "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "nor",
                "this", "these", "those", "it", "its", "they", "them", "their", "he", "his", "she", "her", "we",
                "us", "our", "you", "your", "i", "me", "my", "the", "a", "an", "per", "each", "every", "all",
                "both", "either", "neither", "also", "already", "always", "perhaps", "thus", "unless", "whereas",
                "besides", "across", "towards", "afterwards", "nevertheless", "nonetheless", "sometimes",
                "alongside", "along", "among", "amongst", "against", "about", "around", "over", "under",
                "after", "before", "since", "until", "during", "through", "via", "within", "without", "between",
                "ago", "later", "earlier", "yes", "news", "series", "species", "means", "lens", "gas", "bus",
                "plus", "minus", "versus", "vs", "bonus", "census", "status", "focus", "campus", "virus",
                "corpus", "genus", "apparatus", "consensus", "chaos", "ethos", "basis", "crisis", "analysis",
                "thesis", "emphasis", "axis", "diagnosis", "this", "whereby", "hereby", "overseas", "hers",
                "ours", "yours", "theirs", "afterward", "upwards", "downwards", "backwards", "forwards", "then",
                "there", "here", "so", "such", "only", "just", "even", "still", "yet", "again", "once", "twice",
                "more", "most", "less", "least", "fewer", "some", "any", "many", "much", "few", "several",
                "other", "another", "same", "own", "what", "how", "why", "said", "says", "say", "according",
                "including", "included", "includes", "like", "unlike", "whether", "though", "although",
                "however", "therefore", "moreover", "furthermore", "meanwhile", "respectively", "altogether",
                "less", "seems",
                "remains", "becomes", "means",
                "puts",
                "brings",
                "grows",
                "expects", "argues", "believes", "thinks", "knows",
                "tells", "asks", "allows", "requires", "includes", "involves", "contains",
                "represents", "equals", "exceeds", "reaches",
                "employs", "serves", "receives", "produces", "generates", "earns",
                "continues", "appears", "follows", "arrives", "enters",
                "remain", "were", "whom", "onwards", "nowadays", "sometimes", "elsewhere", "otherwise",
                "anyway", "indeed", "perhaps", "maybe", "instead", "rather", "quite", "very", "too",
                "well", "enough", "ahead", "away", "back", "down", "up", "out", "off", "forward",
                "abroad", "aboard", "home", "overall", "apiece", "each", "altogether", "total", "worth",
                "aged", "old", "long", "high", "wide", "deep", "tall", "away", "apart", "alone", "together",
            ]
            for word in stops { add(word, .stop) }
            for word in ["a", "an", "half", "up", "at", "as", "no", "in", "close", "just", "well", "estimated", "more",
                         "fewer", "less"] {
                add(word, .quantityStart)
            }
            // "in three weeks", "week 12", "fiscal 1989", "year-earlier".
            for word in ["the", "from", "between", "a", "an", "spring", "summer", "autumn", "fall", "winter", "q", "in",
                         "week", "fiscal", "year"] {
                add(word, .dateStart)
            }
            // Words the grammars compare against, with no class of their own.
            for word in ["cent", "points", "point", "basis", "bps", "bp", "ago", "them", "whom", "night", "quarter",
                         "half", "dozen", "a", "an", "and", "of", "the", "to", "s", "q", "summer", "spring", "autumn",
                         "fall", "winter", "many", "much", "excess", "estimated", "least", "most", "up", "well", "just",
                         "no", "as", "at", "in", "one", "than", "or", "from", "between", "until", "till", "through",
                         "thru", "now", "time", "minus", "negative"] {
                add(word, [])
            }
        }
    }
}
