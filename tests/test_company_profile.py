"""A press release's closing profile of the company that issued it leaves the body (rule
company_profile), under an "About" heading or without one, in en, de, fr, es, it and pt; a news
story's closing background on a company, and an article's own "About" section, stay."""

from __future__ import annotations

import pytest

from newsflow.tasks.segment.clean import segment_document

# (release, its issuer's profile) per language: a dated release of two paragraphs, then the profile.
RELEASES = {
    "en": (
        "BOSTON, Feb. 10, 2026 /PRNewswire/ -- Northwind Health today announced that its remote monitoring "
        "platform has been selected by Lakeside Medical Group to follow 12,000 patients with heart failure at home.\n\n"
        "\"Patients leave hospital sooner when their nurses can see their vital signs every day,\" said Dana "
        "Okafor, chief executive of Northwind Health. The roll-out starts in April at three clinics.\n\n",
        "About Northwind Health\n\n"
        "Northwind Health is a digital health company that helps hospitals care for patients at home. Founded in "
        "2014 and headquartered in Boston, Northwind Health employs 600 people in the United States and Canada. "
        "For more information, visit www.northwindhealth.com.\n",
    ),
    "de": (
        "MÜNCHEN, 10. Februar 2026 – Die Bergwerk Energie AG hat mit den Stadtwerken Augsburg einen Vertrag über "
        "die Lieferung von 40 Großwärmepumpen für das Fernwärmenetz der Stadt geschlossen.\n\n"
        "Die ersten Anlagen sollen im Herbst in Betrieb gehen und jährlich rund 30.000 Tonnen CO2 einsparen, "
        "teilte das Unternehmen mit.\n\n",
        "Über Bergwerk Energie\n\n"
        "Bergwerk Energie ist ein Hersteller von Wärmepumpen für Städte und Industrie. Das Unternehmen mit Sitz in "
        "München wurde 1998 gegründet und beschäftigt 1.200 Mitarbeiter in sieben Ländern.\n",
    ),
    "fr": (
        "LYON, le 10 février 2026 – Rhône Mobilités a remporté l'appel d'offres de la métropole de Grenoble pour "
        "l'exploitation de quatre lignes de bus électriques à partir de septembre.\n\n"
        "Le contrat, d'une durée de six ans, prévoit la livraison de 45 autobus et la formation de 120 conducteurs, "
        "a précisé l'entreprise.\n\n",
        "À propos de Rhône Mobilités\n\n"
        "Rhône Mobilités est un opérateur de transport public fondé en 2005. Son siège est à Lyon et elle compte "
        "2 300 collaborateurs dans 14 villes en France et en Belgique.\n",
    ),
    "es": (
        "MADRID, 10 de febrero de 2026 – Solaria Ibérica ha firmado con el Ayuntamiento de Sevilla un acuerdo para "
        "instalar paneles solares en 80 colegios públicos de la ciudad antes de 2027.\n\n"
        "La inversión, de 18 millones de euros, cubrirá el consumo eléctrico de los centros durante el horario "
        "escolar, según la empresa.\n\n",
        "Acerca de Solaria Ibérica\n\n"
        "Solaria Ibérica es una empresa de energía solar fundada en 2009, con sede en Madrid, que cuenta con 850 "
        "empleados y cotiza en la Bolsa de Madrid.\n",
    ),
    "it": (
        "MILANO, 10 febbraio 2026 – Ferrovie Alpine ha presentato il nuovo treno regionale a idrogeno che dal "
        "prossimo anno collegherà Brescia e Iseo, il primo in servizio in Lombardia.\n\n"
        "Il convoglio può percorrere fino a 600 chilometri con un pieno e trasporta 260 passeggeri, ha spiegato "
        "l'azienda.\n\n",
        "Informazioni su Ferrovie Alpine\n\n"
        "Ferrovie Alpine è un costruttore di materiale rotabile fondato nel 1952, con sede a Milano e 3.400 "
        "dipendenti in Italia e in Svizzera.\n",
    ),
    "pt": (
        "SÃO PAULO, 10 de fevereiro de 2026 – A Verde Agro anunciou a compra de duas usinas de biogás no interior "
        "de Goiás, que vão abastecer 40 mil casas com energia a partir de resíduos agrícolas.\n\n"
        "O negócio, de 350 milhões de reais, deve ser concluído no segundo semestre, informou a empresa.\n\n",
        "Sobre a Verde Agro\n\n"
        "A Verde Agro é uma empresa de energia renovável fundada em 2012, com sede em São Paulo e 1.100 "
        "funcionários em cinco estados do Brasil.\n",
    ),
}


def dropped_as_profile(text: str) -> str:
    return " ".join(text[s.start:s.end] for d in segment_document(text) for s in d.spans if s.rule == "company_profile")


def bodies(text: str) -> str:
    return "\n".join(d.body for d in segment_document(text))


@pytest.mark.parametrize("language", sorted(RELEASES))
def test_the_issuers_profile_under_its_heading_leaves_the_body(language):
    release, profile = RELEASES[language]
    text = release + profile
    assert dropped_as_profile(text).split() == profile.split()
    assert bodies(text).split() == release.split()


@pytest.mark.parametrize("language", sorted(RELEASES))
def test_the_issuers_profile_without_a_heading_leaves_the_body(language):
    release, profile = RELEASES[language]
    headless = profile.split("\n\n", 1)[1]
    assert dropped_as_profile(release + headless).split() == headless.split()


def test_a_news_storys_closing_background_on_a_company_stays():
    release, _ = RELEASES["en"]
    background = ("Northwind Health is a Boston company founded in 2014; its rivals include larger makers of "
                  "hospital software.\n")
    assert not dropped_as_profile(release + background)
    assert "rivals include" in bodies(release + background)


def test_an_articles_own_about_section_stays():
    release, _ = RELEASES["en"]
    section = ("About the study\n\n"
               "The study is a collaboration of hospitals in 12 countries, founded in 2019 and based in Boston.\n")
    assert not dropped_as_profile(release + section)


def test_a_profile_followed_by_the_storys_own_paragraphs_is_not_the_story_end():
    release, profile = RELEASES["en"]
    more = "".join(f"Paragraph {n} of the story goes on about the patients and the nurses at the clinics.\n\n"
                   for n in range(1, 8))
    assert not dropped_as_profile(release + profile + more)


# Forms the releases above do not show: a heading in capitals or with a colon, the media contact
# and the end mark after the profile, the ticker in parentheses with no heading.
PROFILE_VARIANTS = {
    "capitals": lambda profile: profile.replace("About Northwind Health", "ABOUT NORTHWIND HEALTH"),
    "colon": lambda profile: profile.replace("About Northwind Health", "About Northwind Health:"),
    "contact after": lambda profile: profile + "\nMedia contact\nJane Doe, +1 617 555 0100, press@northwindhealth.com\n",
    "end mark after": lambda profile: profile + "\n###\n",
    "ticker, no heading": lambda profile: (
        "Northwind Health (NASDAQ: NWH) is a digital health company headquartered in Boston. It employs 600 "
        "people and was founded in 2014.\n"),
}


@pytest.mark.parametrize("variant", sorted(PROFILE_VARIANTS))
def test_the_profile_in_other_forms_leaves_the_body(variant):
    release, profile = RELEASES["en"]
    text = release + PROFILE_VARIANTS[variant](profile)
    assert dropped_as_profile(text)
    assert bodies(text).split() == release.split()
