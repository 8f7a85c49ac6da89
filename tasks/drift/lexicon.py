"""Word lists of news English that the fact extractors read: months, weekdays, number words,
units, titles, nationality words and speech verbs. Lists only; the patterns built from them
are in `patterns.py`."""

from __future__ import annotations

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10,
    "Nov": 11, "Dec": 12,
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}

# Cardinal number words; "one" is left out: as a pronoun ("one of the", "no one") it is no quantity.
UNITS_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
DIGIT_WORDS = {"one": 1, **{word: value for word, value in UNITS_WORDS.items() if value < 10}}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "bn": 1e9}
# Scales written as one letter after a number: millions only after a currency ("$5m"), else metres.
LETTER_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}

# Vague quantities. A magnitude ("hundreds") still says how many roughly; the others do not.
VAGUE_MAGNITUDES = {
    "dozens": 1, "scores": 1, "hundreds": 2, "thousands": 3, "tens of thousands": 4, "hundreds of thousands": 5,
    "millions": 6, "tens of millions": 7, "hundreds of millions": 8, "billions": 9, "tens of billions": 10,
    "hundreds of billions": 11, "trillions": 12,
}
VAGUE_UNQUANTIFIED = ("several", "a few", "a couple", "a handful", "numerous", "countless", "multiple",
                      "a number", "many", "a slew", "a host")
# Words before a plural noun that leave its count open ("just days", "some stations").
OPEN_COUNT_WORDS = frozenset({"some", "just", "mere", "various", "additional", "extra", "further", "more", "fewer",
                              "few", "within"})
# Words that make a number approximate or a bound ("about 30", "more than 30").
APPROXIMATORS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "more than", "over", "less than",
    "fewer than", "under", "up to", "at least", "at most", "close to", "an estimated", "estimated", "upwards of",
    "just over", "just under", "well over", "as many as", "as much as", "as few as", "no more than",
    "no fewer than", "no less than", "more than a", "over a", "roughly a", "about a", "nearly a", "almost a",
)

# Currency marks before a number and currency words after it, as ISO codes.
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
                  "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL"}
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "RUB", "AUD", "CAD")
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
                  "renminbi": "CNY", "rupee": "INR", "ruble": "RUB", "rouble": "RUB", "franc": "CHF"}
# Unit words folded to one spelling, so that "3.5 km" and "3.5 kilometres" are one quantity.
UNIT_ALIASES = {
    "kilometer": "km", "kilometre": "km", "kms": "km", "mile": "mi", "meter": "m", "metre": "m", "centimeter": "cm",
    "centimetre": "cm", "millimeter": "mm", "millimetre": "mm", "kilogram": "kg", "kilo": "kg", "kgs": "kg",
    "gram": "g", "tonne": "t", "ton": "t", "foot": "ft", "feet": "ft", "inch": "in", "lb": "lbs",
    "percent": "%", "per cent": "%", "pct": "%", "degree": "deg", "hour": "h", "hr": "h", "minute": "min",
    "second": "s", "person": "people", "year": "year", "yr": "year",
}

# Offices and honorifics that open a mention of a person but are not part of the name.
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "president-elect",
    "vice", "prime", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope",
    "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "judge", "justice", "chief",
    "general", "gen", "lt", "col", "colonel", "sgt", "sergeant", "capt", "captain", "maj", "major", "adm",
    "admiral", "commander", "officer", "director", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo",
    "supreme", "leader", "ayatollah", "sheikh", "emir", "crown", "deputy", "foreign", "defense", "defence",
    "interior", "finance", "former", "speaker", "attorney", "commissioner", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "archbishop", "bishop", "cardinal", "rabbi", "imam", "rev", "reverend",
    "coach", "manager", "head", "premier", "sultan", "patriarch", "then-president", "ex-president",
    "lieutenant", "field", "marshal", "brig", "brigadier", "inspector", "detective", "superintendent",
    "assistant", "associate", "senior", "junior", "executive", "acting", "interim", "first", "state", "house",
    "majority", "minority", "whip", "mp", "mep", "diplomat", "envoy", "negotiator", "lawmaker", "activist",
})
# Words of an organisation or place that say what kind it is: a mention made of these and titles
# alone ("Foreign Ministry", "Supreme Court") keeps its titles, which are then part of the name.
GENERIC_NAME_WORDS = frozenset({
    "ministry", "department", "court", "council", "committee", "party", "office", "agency", "bank", "house",
    "senate", "congress", "parliament", "government", "army", "police", "university", "school", "hospital",
    "company", "group", "commission", "assembly", "administration", "forces", "force", "guard", "guards",
    "service", "services", "authority", "union", "association", "organization", "organisation", "foundation",
    "institute", "center", "centre", "board", "bureau", "cabinet", "embassy", "navy", "command", "corps",
    "league", "federation", "church", "state", "states", "kingdom", "republic", "city", "county", "province",
    "region", "island", "islands", "river", "sea", "ocean", "street", "airport", "station", "leader",
})
# Particles inside names ("Bashar al-Assad", "Ursula von der Leyen"), ignored when names are compared.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "der", "den", "van",
                            "von", "da", "di", "du", "la", "le", "dos", "das", "of", "the", "and", "y"})
# Lower-case words allowed inside a capitalised name ("Bank of America", "Ursula von der Leyen").
NAME_CONNECTORS = frozenset({"of", "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le",
                             "al", "bin", "ibn", "dos", "das", "y"})
# Spellings of one place or body: compared as one name.
NAME_ALIASES = {
    "us": "us", "usa": "us", "united states": "us", "america": "us", "united states of america": "us",
    "uk": "uk", "britain": "uk", "great britain": "uk", "united kingdom": "uk",
    "un": "un", "united nations": "un", "eu": "eu", "european union": "eu", "uae": "uae",
    "united arab emirates": "uae", "ussr": "ussr", "soviet union": "ussr", "dprk": "north korea",
    "prc": "china", "people's republic of china": "china",
}

# Nationality, religion and party adjectives ("Iranian drones", "Republican lawmakers"): spaCy's
# NORP, which the issue does not count as names (a person, place or organisation). Words ending
# in -ian, -ese or -ish before a lower-case noun are caught by shape; these are the rest.
NATIONALITY_WORDS = frozenset({
    "american", "mexican", "german", "korean", "african", "cuban", "venezuelan", "kenyan", "ugandan", "sudanese",
    "israeli", "iraqi", "pakistani", "saudi", "yemeni", "emirati", "kuwaiti", "qatari", "omani", "bahraini",
    "bangladeshi", "somali", "nepali", "afghan", "thai", "french", "dutch", "swiss", "greek", "czech", "slovak",
    "welsh", "british", "irish", "scottish", "arab", "arabic", "asian", "european", "latin", "turkish", "kurdish",
    "jewish", "muslim", "islamic", "catholic", "protestant", "christian", "hindu", "sikh", "buddhist",
    "democratic", "republican", "democrat", "soviet", "western", "eastern", "northern", "southern", "chinese",
    "japanese", "vietnamese", "lebanese", "taiwanese", "portuguese", "spanish", "polish", "danish", "swedish",
    "finnish", "russian", "ukrainian", "iranian", "syrian", "palestinian", "indian", "italian", "canadian",
    "australian", "brazilian", "egyptian", "nigerian", "belgian", "austrian", "hungarian", "romanian",
    "norwegian", "libyan", "tunisian", "algerian", "moroccan", "jordanian", "georgian", "armenian", "serbian",
    "croatian", "chilean", "colombian", "peruvian", "argentine", "argentinian", "ethiopian",
    "filipino", "indonesian", "malaysian", "mongolian", "persian", "shiite", "sunni", "shia", "hispanic",
    "conservative", "liberal", "labour", "communist", "socialist", "nazi", "orthodox", "evangelical",
})

DIRECTIONS = frozenset({"western", "eastern", "northern", "southern"})

# Verbs that report speech, for who says a quote.
SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "posted", "stated",
    "states", "noted", "notes", "explained", "explains", "continued", "argued", "argues", "insisted", "insists",
    "asked", "asks", "declared", "declares", "announced", "announces", "warned", "warns", "claimed", "claims",
    "admitted", "acknowledged", "recalled", "recalls", "remarked", "replied", "responded", "observed",
    "emphasized", "emphasised", "stressed", "stresses", "concluded", "testified", "suggested", "suggests",
    "commented", "confirmed", "maintained", "contended", "predicted", "urged", "vowed", "pledged", "conceded",
    "countered", "shouted", "joked", "quipped", "exclaimed", "reiterated", "mused", "saying", "telling",
    "writing", "adding", "tweeting", "announcing", "warning", "describing", "described", "called", "calls",
    "texted", "emailed", "wondered", "complained", "boasted", "cautioned", "agreed", "promised", "answered",
})
# Verbs that follow a year as its subject ("2019 marks", "2020 brings"): no plural noun counted.
VERBS_AFTER_YEARS = frozenset({"marks", "brings", "sees", "looks", "promises", "begins", "ends", "remains", "starts",
                               "proves", "comes", "becomes", "means", "shows", "seems", "holds", "kicks", "gets",
                               "goes", "represents", "offers", "saw", "years"})
# Plural nouns of time after which a four-digit number is a year ("2020 dates", "2019 figures").
NOUNS_AFTER_YEARS = frozenset({"dates", "seasons", "elections", "editions", "models", "levels", "figures", "results",
                               "plans", "events", "shows", "concerts", "festivities", "celebrations", "budgets"})
# Nouns that speak for a group without a name ("…,” officials said).
SPEAKER_NOUNS = frozenset({"officials", "police", "analysts", "experts", "residents", "witnesses", "authorities",
                           "sources", "critics", "officers", "lawmakers", "investigators", "prosecutors", "researchers",
                           "scientists", "doctors", "activists", "protesters", "spokesman", "spokeswoman",
                           "spokesperson", "observers", "economists", "diplomats", "organizers", "organisers",
                           "soldiers", "workers", "voters", "fans", "students", "teachers", "parents", "executives",
                           "regulators", "lawyers", "attorneys", "leaders", "ministers", "minister", "officer"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})

# Words a sentence may open with that are never names, whatever their case elsewhere.
SENTENCE_OPENERS = frozenset({"however", "meanwhile", "but", "and", "also", "still", "yet", "so", "then",
                              "now", "instead", "moreover", "furthermore", "additionally", "nevertheless",
                              "although", "though", "while", "when", "after", "before", "since", "because",
                              "if", "as", "in", "on", "at", "for", "with", "by", "from", "to", "of", "the", "a",
                              "an", "this", "that", "these", "those", "it", "its", "their", "his", "her", "our",
                              "there", "here", "what", "who", "why", "how", "where", "officials", "police"})

# Words of a company's legal form, left out when names are compared ("Sierra Nevada Corp" is
# "Sierra Nevada Corporation"); a name of nothing else ("Inc") is no name.
CORPORATE_FORMS = frozenset({"corp", "corporation", "inc", "incorporated", "co", "ltd", "limited", "llc", "plc",
                             "gmbh", "sa", "nv", "lp", "llp"})
# A web address's ending, left out of a name ("LiveNation.com" is "Live Nation").
WEB_ENDINGS = (".com", ".org", ".net", ".gov", ".co.uk", ".io")

# One country said as itself, its people or its capital: the same place ("Norwegian" -> "Norway",
# "Tehran" -> "Iran"). Folded words to the country's folded name.
_COUNTRIES = {
    "afghanistan": "afghan kabul", "albania": "albanian tirana", "algeria": "algerian algiers",
    "argentina": "argentine argentinian buenos", "armenia": "armenian yerevan", "australia": "australian canberra",
    "austria": "austrian vienna", "azerbaijan": "azerbaijani azeri baku", "bangladesh": "bangladeshi dhaka",
    "belarus": "belarusian minsk", "belgium": "belgian brussels", "brazil": "brazilian brasilia",
    "bulgaria": "bulgarian sofia", "canada": "canadian ottawa", "chile": "chilean santiago",
    "china": "chinese beijing", "colombia": "colombian bogota", "croatia": "croatian zagreb", "cuba": "cuban havana",
    "czechia": "czech prague", "denmark": "danish dane copenhagen", "egypt": "egyptian cairo",
    "estonia": "estonian tallinn", "ethiopia": "ethiopian addis", "finland": "finnish finn helsinki",
    "france": "french paris", "georgia": "georgian tbilisi", "germany": "german berlin", "greece": "greek athens",
    "hungary": "hungarian budapest", "iceland": "icelandic reykjavik", "india": "indian delhi",
    "indonesia": "indonesian jakarta", "iran": "iranian tehran persian", "iraq": "iraqi baghdad",
    "ireland": "irish dublin", "israel": "israeli", "italy": "italian rome", "japan": "japanese tokyo",
    "jordan": "jordanian amman", "kazakhstan": "kazakh astana", "kenya": "kenyan nairobi", "kuwait": "kuwaiti",
    "latvia": "latvian riga", "lebanon": "lebanese beirut", "libya": "libyan tripoli",
    "lithuania": "lithuanian vilnius", "malaysia": "malaysian kuala", "mexico": "mexican",
    "morocco": "moroccan rabat", "netherlands": "dutch amsterdam hague", "nigeria": "nigerian abuja",
    "norway": "norwegian oslo", "pakistan": "pakistani islamabad", "peru": "peruvian lima",
    "philippines": "philippine filipino manila", "poland": "polish pole warsaw", "portugal": "portuguese lisbon",
    "qatar": "qatari doha", "romania": "romanian bucharest", "russia": "russian moscow kremlin",
    "saudi": "riyadh", "serbia": "serbian serb belgrade", "slovakia": "slovak bratislava",
    "slovenia": "slovenian ljubljana", "spain": "spanish madrid", "sudan": "sudanese khartoum",
    "sweden": "swedish swede stockholm", "switzerland": "swiss bern", "syria": "syrian damascus",
    "taiwan": "taiwanese taipei", "thailand": "thai bangkok", "turkey": "turkish turk ankara",
    "ukraine": "ukrainian kyiv kiev", "venezuela": "venezuelan caracas", "vietnam": "vietnamese hanoi",
    "yemen": "yemeni sanaa", "uk": "british briton london", "us": "american washington",
    "scotland": "scottish scot edinburgh", "wales": "welsh cardiff", "england": "english",
    "korea": "korean seoul", "north korea": "pyongyang",
}
COUNTRY_OF = {form: country for country, forms in _COUNTRIES.items() for form in (country, *forms.split())}
# The capitals among them: a city stands for its country's government ("Tehran said"), but a
# country named elsewhere does not say the city ("London" dropped where the copy says "British").
CAPITALS = frozenset({
    "kabul", "tirana", "algiers", "buenos", "yerevan", "canberra", "vienna", "baku", "dhaka", "minsk", "brussels",
    "brasilia", "sofia", "ottawa", "santiago", "beijing", "bogota", "zagreb", "havana", "prague", "copenhagen",
    "cairo", "tallinn", "addis", "helsinki", "paris", "tbilisi", "berlin", "athens", "budapest", "reykjavik",
    "delhi", "jakarta", "tehran", "baghdad", "dublin", "rome", "tokyo", "amman", "astana", "nairobi", "riga",
    "beirut", "tripoli", "vilnius", "kuala", "rabat", "amsterdam", "hague", "abuja", "oslo", "islamabad", "lima",
    "manila", "warsaw", "lisbon", "doha", "bucharest", "moscow", "kremlin", "riyadh", "belgrade", "bratislava",
    "ljubljana", "madrid", "khartoum", "stockholm", "bern", "damascus", "taipei", "bangkok", "ankara", "kyiv",
    "kiev", "caracas", "hanoi", "sanaa", "london", "washington", "edinburgh", "cardiff", "seoul", "pyongyang",
})

# Ordinals in words ("fourteenth century" is the "14th Century").
ORDINAL_WORDS = {word: i + 1 for i, word in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth"))}
