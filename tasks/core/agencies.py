"""Wire agencies by the names they sign with: datelines ("MOSCOW (AP) —", tasks/enrich/dateline.py)
and bylines or credits ("By The Associated Press", "Por EFE", tasks/segment/patterns.py) name them."""

from __future__ import annotations

# Wire agencies by the names they sign with, mapped to how newsflow writes them.
AGENCIES = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "dpa": "dpa", "xinhua": "Xinhua", "ansa": "ANSA", "efe": "EFE", "kyodo": "Kyodo",
    "yonhap": "Yonhap", "upi": "UPI", "pti": "PTI", "ians": "IANS", "tass": "TASS",
    "ria novosti": "RIA Novosti", "anadolu": "Anadolu", "aa": "Anadolu", "bloomberg": "Bloomberg",
    "cnn": "CNN", "apa": "APA", "kna": "KNA", "epd": "epd", "sda": "SDA", "anp": "ANP",
    "belga": "Belga", "ntb": "NTB", "tt": "TT", "ritzau": "Ritzau", "stt": "STT", "pap": "PAP",
    "ctk": "ČTK", "čtk": "ČTK", "mti": "MTI", "europa press": "Europa Press", "lusa": "Lusa",
    "aap": "AAP", "cp": "CP", "the canadian press": "CP", "canadian press": "CP",
    "ana": "ANA", "irna": "IRNA", "wafa": "WAFA", "bernama": "Bernama", "antara": "Antara",
    "sputnik": "Sputnik", "interfax": "Interfax", "ukrinform": "Ukrinform", "nexinfo": "NEXinfo",
    "ani": "ANI", "jiji": "Jiji", "jiji press": "Jiji", "agi": "AGI", "adnkronos": "Adnkronos",
    "agência brasil": "Agência Brasil", "prensa latina": "Prensa Latina", "notimex": "Notimex",
    "servimedia": "Servimedia", "keystone-sda": "Keystone-SDA", "agerpres": "Agerpres", "bta": "BTA",
    "hina": "HINA", "tanjug": "Tanjug", "wam": "WAM", "spa": "SPA", "qna": "QNA", "kuna": "KUNA",
}


def canonical_agency(name: str) -> str | None:
    """The canonical name of a wire agency, or None when `name` is not one."""
    key = " ".join(name.replace("/", " ").split()).strip(" .").lower()
    if key in AGENCIES:
        return AGENCIES[key]
    first = key.split(" ")[0] if key else ""
    return AGENCIES.get(first) if first in {"ap", "afp", "dpa", "reuters"} else None
