/// The closed word lists the entity recognisers reason with. All lower-case.
enum EntityLexicon {
    /// Words that end an organisation's name ("Elbit Systems", "Bank of England" starts with one).
    static let organizationHeads: Set<String> = [
        "ministry", "agency", "industries", "systems", "bank", "committee", "service", "services", "council",
        "corporation", "corp", "inc", "ltd", "llc", "plc", "gmbh", "university", "institute", "foundation",
        "association", "organization", "organisation", "commission", "department", "office", "party", "union",
        "company", "group", "authority", "court", "parliament", "assembly", "congress", "senate", "army", "navy",
        "forces", "police", "fund", "federation", "church", "society", "board", "bureau", "academy", "college",
        "school", "hospital", "airlines", "airways", "motors", "technologies", "technology", "holdings", "partners",
        "network", "league", "club", "alliance", "coalition", "front", "movement", "guard", "embassy", "consulate",
        "museum", "centre", "center", "programme", "administration", "directorate", "secretariat", "tribunal",
        "corps", "command", "brigade", "cabinet", "conference", "chamber", "exchange", "reserve", "trust",
        "enterprises", "aerospace", "energy", "petroleum", "oil", "gas", "telecom", "communications", "pharmaceuticals",
        "labs", "laboratories", "laboratory", "studios", "institution", "observatory", "times", "post", "journal",
        "herald", "tribune", "gazette", "broadcasting", "media", "news", "press", "council", "watch", "forum",
        "initiative", "mission", "worldwide", "international", "bancorp", "insurance", "railways", "railway",
        "shipyard", "electronics", "dynamics", "defense", "defence", "robotics", "capital", "investments",
        "securities", "group's", "sa", "ag", "nv", "bv", "ab", "asa", "oyj", "spa", "co", "limited", "incorporated",
        "cooperation", "brotherhood", "jihad", "hamas", "taliban", "caucus", "secretary-general",
    ]

    /// Heads that only make an organisation when followed by "of"/"for" ("Ministry of X", "Bank of England").
    static let leadingOrganizationHeads: Set<String> = [
        "ministry", "bank", "university", "institute", "department", "office", "council", "commission", "court",
        "academy", "college", "school", "museum", "church", "federation", "union", "association", "organization",
        "organisation", "agency", "committee", "board", "bureau", "league", "house", "chamber", "party", "fund",
        "society", "foundation", "army", "service", "government", "parliament", "assembly", "embassy", "consulate",
        "secretariat", "directorate", "administration", "centre", "center", "federal", "national",
    ]

    /// Words that may sit inside a name in lower case.
    static let nameConnectors: Set<String> = ["of", "for", "and", "the", "&", "on", "de", "du", "des", "la", "le", "al", "el"]

    /// Person titles written before a name ("Mr", "Dr", "President").
    static let personTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rabbi", "sheikh",
        "imam", "father", "pastor", "bishop", "cardinal", "pope", "gen", "general", "col", "colonel", "capt",
        "captain", "lt", "lieutenant", "maj", "major", "sgt", "sergeant", "adm", "admiral", "sen", "senator",
        "rep", "representative", "gov", "governor", "mayor", "president", "minister", "premier", "chancellor",
        "king", "queen", "prince", "princess", "emir", "sultan", "ayatollah", "ambassador", "secretary", "judge",
        "justice", "commissioner", "ceo", "chairman", "chairwoman", "chairperson", "director", "spokesman",
        "spokeswoman", "spokesperson", "founder", "co-founder", "chief", "commander", "envoy", "leader", "speaker", "mp", "congressman", "congresswoman", "councillor", "councilor", "attorney",
        "lawyer", "analyst", "economist", "researcher", "correspondent", "reporter", "editor",
        "adviser", "advisor", "aide", "coach", "striker", "defender", "midfielder", "goalkeeper", "actor",
        "actress", "singer", "author", "writer", "journalist", "activist", "candidate", "nominee", "dean",
        "patriarch", "duke", "duchess", "baroness", "baron", "countess",
        "superintendent", "inspector", "detective", "chef", "coo", "cfo", "cto", "vp", "president-elect",
    ]

    /// Abbreviated titles written with a dot ("Mr.", "Dr.").
    static let abbreviatedHonorifics: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "capt", "lt", "maj", "sgt", "adm", "sen", "rep", "gov", "rev",
        "hon", "mx",
    ]

    /// Titles that are abbreviations and take an optional dot ("Mr." / "Mr").
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "capt", "lt", "maj", "sgt", "adm", "sen", "rep",
        "gov", "rabbi", "sheikh", "imam", "lord", "lady", "judge", "president", "minister", "pope", "king", "queen",
        "prince", "princess", "chancellor", "premier", "ayatollah", "emir", "sultan",
    ]

    /// Verbs that follow a person's name as subject ("Lieberman said").
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "stated", "states", "wrote", "writes", "announced",
        "announces", "explained", "noted", "argued", "claimed", "insisted", "warned", "asked", "replied",
        "tweeted", "posted", "recalled", "acknowledged", "admitted", "confirmed", "denied", "urged", "believes",
        "thinks", "resigned", "died", "smiled", "laughed", "shrugged",
    ]

    /// Verbs after which a two- or three-word capitalised name is a person ("Maia Sandu accused").
    static let personVerbs: Set<String> = speechVerbs.union([
        "spoke", "met", "meets", "visited", "visits", "thanked", "called", "calls", "promised", "rejected",
        "accused", "accuses", "welcomed", "defended", "blamed", "won", "signed", "arrived", "returned",
        "criticised", "criticized", "vowed", "pledged", "stressed", "emphasised", "emphasized", "wants", "wanted",
        "hopes", "hoped", "agreed", "refused", "led", "leads", "testified", "joined", "married", "was", "is", "has",
        "had", "will", "would", "launched", "opened", "hosted", "received", "appointed", "named", "became",
        "condemned", "praised", "dismissed", "spent", "served", "faces", "faced", "met", "told", "sent",
    ])

    /// Words of geography and buildings: a name with one is not a person's ("Stewart Island").
    static let placeWords: Set<String> = [
        "island", "islands", "river", "lake", "mountain", "mountains", "mount", "valley", "bay", "sea", "ocean",
        "beach", "province", "county", "district", "street", "road", "avenue", "square", "park", "airport",
        "bridge", "station", "cathedral", "mosque", "synagogue", "temple", "palace", "castle", "tower", "stadium",
        "arena", "hall", "city", "town", "village", "region", "peninsula", "strait", "canal", "desert", "forest",
        "coast", "gulf", "harbour", "harbor", "port", "highway", "boulevard", "plaza", "prison", "camp", "base",
        "republic", "kingdom", "state", "states", "oblast", "krai",
    ]

    /// Company suffixes: a name ends at them ("Kia Motor Corp" of South Korea).
    static let companySuffixes: Set<String> = [
        "corp", "corp.", "co", "co.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "gmbh", "group",
    ]

    /// Verbs of a match or a transfer next to a club's name ("Leeds beat Everton", "Fulham signed").
    static let sportsVerbs: Set<String> = [
        "beat", "beats", "drew", "draw", "defeated", "thrashed", "edged", "routed", "hammered", "signed", "signs",
        "trailed", "outplayed", "overcame", "crushed",
    ]

    /// Days and months: a name never runs on into them ("the Senate on Tuesday").
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Words before a place name ("in Baku", "from Russia").
    static let locatives: Set<String> = [
        "in", "from", "to", "near", "at", "outside", "across", "into", "toward", "towards", "via", "around",
        "throughout", "within", "visited", "visit", "visiting", "to", "north", "south", "east", "west", "of",
        "between", "inside", "through", "reached", "entered", "leaving", "left",
    ]

    /// Well-known acronyms of organisations (written in capitals in the text).
    static let organizationAcronyms: Set<String> = [
        "NATO", "UN", "EU", "IMF", "WHO", "OPEC", "FBI", "CIA", "KGB", "FSB", "GRU", "SBU", "IDF", "BBC", "CNN",
        "NASA", "WTO", "OSCE", "UNESCO", "UNICEF", "UNHCR", "UNRWA", "ASEAN", "OECD", "ECB", "IAEA", "ICC", "ICJ",
        "AFP", "AP", "NPR", "NBC", "CBS", "ABC", "FIFA", "UEFA", "IOC", "NGO", "PLO", "PKK", "YPG", "SDF", "ISIS",
        "ISIL", "NSA", "DHS", "DOJ", "SEC", "FDA", "CDC", "EPA", "FAA", "FCC", "FTC", "IRS", "NHS", "MI5", "MI6",
        "GCHQ", "OAS", "AU", "ECOWAS", "SCO", "BRICS", "CSTO", "CIS", "G7", "G20", "IEA", "IRGC", "ANC", "SNP",
        "CDU", "SPD", "AfD", "GOP", "DNC", "RNC", "JAFI", "WJC", "AIPAC", "IAI", "HRW", "MSF", "ICRC", "IFRC",
        "WFP", "FAO", "UNDP", "UNEP", "ILO", "WIPO", "EBRD", "ADB", "AIIB", "NDB", "BIS", "ESA", "CERN", "IEEE",
        "MIT", "UCLA", "NYU", "LSE", "OPCW", "Europol", "Interpol", "Frontex", "Gazprom", "Rosneft", "SOCAR",
    ]

    /// Capitalised abbreviations that are not organisations.
    static let nonOrganizationCaps: Set<String> = [
        "CEO", "CFO", "COO", "CTO", "GDP", "GMT", "UTC", "TV", "PM", "AM", "AI", "ID", "IT", "OK", "PC", "DNA",
        "HIV", "AIDS", "COVID", "LNG", "LGBT", "LGBTQ", "VIP", "MP", "MPS", "UFO", "FAQ", "PDF", "NFT", "SUV",
        "GPS", "ATM", "CCTV", "IPO", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI", "USD",
        "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "ILS", "AZN", "NIS", "TRY", "INR", "CHF", "CAD", "AUD", "BTC",
        "US", "USA", "UK", "UAE", "DPRK", "PRC", "DRC", "USSR", "EST", "PST", "CET", "BST", "ET", "PT", "OF",
        "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "A", "I", "BY", "IS", "IT", "NOT", "NO", "YES", "NEW", "NEWS",
        "ALSO", "READ", "MORE", "SEE", "UPDATE", "BREAKING", "LIVE", "VIDEO", "PHOTO", "PHOTOS", "WATCH",
        "OPINION", "EXCLUSIVE", "ANALYSIS", "EDITORIAL", "MW", "GW", "KW", "KWH", "MWH", "KM", "KG", "MPH", "RPG",
        "SMS", "URL", "HTML", "PR", "HR", "QA", "RSS", "CV", "PS", "PPS", "NB", "ASAP", "FYI", "RIP", "VS", "AD",
        "BC", "BCE", "CE", "DC", "UV", "IQ", "EV", "EVS", "LED", "LCD", "USB", "CPU", "GPU", "SIM", "PIN", "VAT",
        "R&D", "M&A", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "ISO", "PHD", "MBA", "MD", "BA", "MA", "BSC", "MSC",
        "OMG", "LOL", "WW", "WWII", "WWI", "PPE", "ICU", "ER", "SOS", "POW", "POWS", "IDP", "IDPS", "KIA",
    ]
}

extension EntityLexicon {
    /// Names of organisations that carry no head word ("United Nations", "Hezbollah").
    static let knownOrganizations: [String] = [
        "United Nations", "European Union", "Red Cross", "Red Crescent", "Amnesty International",
        "Human Rights Watch", "Hezbollah", "Hamas", "Taliban", "Kremlin", "Pentagon", "White House", "Knesset",
        "Duma", "State Duma", "Bundestag", "Google", "Microsoft", "Amazon", "Facebook", "Meta", "Twitter", "Tesla",
        "Reuters", "Bloomberg", "Gazprom", "Rosneft", "Boeing", "Airbus", "Lockheed Martin", "Raytheon",
        "Wagner", "Islamic State", "al-Qaeda", "Al-Qaeda", "Al Qaeda", "Al Jazeera", "Europol", "Interpol",
        "Frontex", "Mossad", "Shin Bet", "Sochnut", "Eurostat", "Eurovision", "Greenpeace", "Oxfam", "Nvidia",
        "OpenAI", "Samsung", "Huawei", "Alibaba", "Tencent", "Volkswagen", "Toyota", "Siemens", "Shell", "BP",
        "ExxonMobil", "Chevron", "Aramco", "Saudi Aramco", "Netflix", "Uber", "SpaceX", "Roscosmos", "Hyundai",
        "Scotland Yard", "Vatican Bank", "Agence France-Presse", "Associated Press", "Apple", "Stellantis",
        "Activision Blizzard", "Alphabet", "Intel", "Oracle", "Sony", "Nissan", "Honda", "BMW", "Mercedes-Benz",
        "Renault", "General Motors", "Walmart", "Maersk", "Glencore", "Rio Tinto", "ArcelorMittal", "Shein", "Politburo", "Congress", "Senate", "Supreme Court", "Houthis",
        "Muslim Brotherhood", "Fatah", "Hashd al-Shaabi", "Azov", "Goldman Sachs", "Morgan Stanley",
        "JPMorgan", "JPMorgan Chase", "Citigroup", "Deutsche Bank", "Barclays", "HSBC", "Unilever", "Nestlé",
        "Pfizer", "Moderna", "AstraZeneca", "BioNTech", "Ryanair", "Lufthansa", "Aeroflot", "Turkish Airlines",
        "El Al", "Wizz Air", "Emirates Airline", "Qatar Airways", "Yandex", "Kaspersky", "Telegram", "TikTok",
        "ByteDance", "Baykar", "Rostec", "Rosatom", "Naftogaz", "Ukrenergo", "Azercell", "Azerenergy",
    ]

    /// Adjectives of nationality: never a person, never a place.
    static let demonyms: Set<String> = [
        "israeli", "israelis", "russian", "russians", "ukrainian", "ukrainians", "azerbaijani", "azerbaijanis",
        "azeri", "azeris", "american", "americans", "british", "french", "german", "germans", "chinese", "iranian",
        "iranians", "turkish", "turk", "turks", "armenian", "armenians", "georgian", "georgians", "polish", "pole",
        "poles", "romanian", "romanians", "moldovan", "moldovans", "finnish", "finn", "finns", "swedish", "swede",
        "norwegian", "danish", "dutch", "belgian", "swiss", "austrian", "italian", "italians", "spanish",
        "spaniard", "portuguese", "greek", "greeks", "cypriot", "bulgarian", "serbian", "serb", "serbs",
        "croatian", "croat", "bosnian", "albanian", "hungarian", "czech", "slovak", "slovenian", "estonian",
        "latvian", "lithuanian", "belarusian", "kazakh", "uzbek", "kyrgyz", "tajik", "turkmen", "afghan",
        "afghans", "pakistani", "pakistanis", "indian", "indians", "bangladeshi", "japanese", "korean", "koreans",
        "vietnamese", "thai", "indonesian", "filipino", "malaysian", "australian", "australians", "canadian",
        "canadians", "mexican", "mexicans", "brazilian", "argentine", "argentinian", "chilean", "colombian",
        "venezuelan", "cuban", "egyptian", "egyptians", "libyan", "tunisian", "algerian", "moroccan", "sudanese",
        "ethiopian", "kenyan", "nigerian", "ghanaian", "somali", "saudi", "saudis", "emirati", "qatari", "kuwaiti",
        "iraqi", "iraqis", "syrian", "syrians", "lebanese", "jordanian", "palestinian", "palestinians", "yemeni",
        "kurdish", "kurd", "kurds", "jewish", "jew", "jews", "arab", "arabs", "muslim", "muslims", "christian",
        "christians", "european", "europeans", "african", "africans", "asian", "asians", "soviet", "western",
        "eastern", "northern", "southern", "caucasian", "baltic", "scandinavian", "latin", "english", "scottish",
        "welsh", "irish", "chechen", "chechens", "tatar", "tatars", "crimean", "sunni", "shia", "shiite",
        "catholic", "orthodox", "protestant", "hindu", "buddhist", "persian", "ottoman", "byzantine", "roman",
    ]

    /// Capitalised words that begin sentences or headlines but never begin a name.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "from", "to", "by", "with", "after", "before", "during", "since",
        "as", "but", "and", "or", "if", "when", "while", "although", "though", "because", "according", "meanwhile",
        "however", "yet", "so", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you",
        "his", "her", "their", "our", "its", "there", "here", "then", "now", "today", "yesterday", "tomorrow",
        "last", "next", "earlier", "later", "also", "both", "all", "some", "many", "most", "several", "each",
        "every", "no", "not", "only", "even", "still", "already", "just", "about", "over", "under", "between",
        "among", "through", "despite", "unlike", "like", "amid", "following", "thus", "hence", "therefore",
        "moreover", "furthermore", "instead", "once", "where", "what", "who", "why", "how", "which", "whether",
        "read", "see", "watch", "more", "photo", "video", "update", "breaking", "opinion", "analysis", "dear",
        "thanks", "please", "mr", "mrs", "ms", "dr", "former", "new", "top", "senior", "local", "federal",
        "national", "foreign", "several", "two", "three", "one", "first", "second", "other", "another", "such",
        "around", "nearly", "almost", "some", "any", "upon", "within", "without", "into", "onto", "across",
        "against", "toward", "towards", "until", "unless", "whereas", "do", "does", "did", "is", "are", "was",
        "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
        "must", "shall", "sources", "officials", "reports", "delegations", "residents", "people", "citizens",
    ]

    /// Lower-case particles inside people's names ("Ursula von der Leyen", "Mohammed bin Salman").
    static let nameParticles: Set<String> = [
        "von", "van", "der", "den", "de", "da", "dos", "das", "del", "della", "di", "du", "la", "le", "bin", "ibn",
        "ben", "al", "el", "abu", "ter", "zu",
    ]
}
