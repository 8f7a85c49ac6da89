"""Boilerplate and credits in six languages, on real-looking articles (tests/pages/<lang>/): every
family of rules (cookie and consent lines, desk and wire bylines, advertisement labels, read-more
teasers, newsletter promos, share and follow lines, photo, contributor and source credits) leaves
the body with its rule, and body sentences that share their words stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.tasks.core.schema import Credit
from newsflow.tasks.segment.clean import classify_line, segment_document
from newsflow.tasks.segment.lines import split_lines

PAGES = Path(__file__).resolve().parent / "pages"

# Per page: the rule each boilerplate line must get (the line's start), the body sentences that
# must stay (near misses: they share a family's words), and the credits with their roles.
EXPECTED = {
    "de/stadtwerke-fernwaerme.txt": {
        "rules": {"Zum Inhalt springen": "nav_chrome", "Von unserem Korrespondenten": "desk_byline",
                  "Wir verwenden Cookies": "nav_chrome", "Alle akzeptieren": "nav_chrome", "Anzeige": "advertisement",
                  "Lesen Sie auch": "read_more", "Jetzt kostenlos registrieren": "newsletter_promo",
                  "Artikel teilen": "share_widget", "Folgen Sie uns": "follow_or_contact", "Artikel per Mail versenden": "furniture_label",
                  "Wir und unsere 312 Partner": "nav_chrome", "Foto:": "photo_credit",
                  "Mitarbeit:": "contributor_credit", "Quelle:": "source_credit"},
        "stay": ["Viele Kunden folgen den Stadtwerken inzwischen auf Instagram",
                 "Die Anzeige eines Bürgers gegen das Projekt wurde"],
        "credits": [Credit("unserem Korrespondenten in Kassel", "author"), Credit("Swen Pförtner", "photo"),
                    Credit("Jana Lehmann", "additional_reporting")],
    },
    "fr/tramway-grenoble.txt": {
        "rules": {"Aller au contenu": "nav_chrome", "Par Le Dauphiné Libéré avec AFP": "desk_byline",
                  "Nous utilisons des cookies": "nav_chrome", "Tout accepter": "nav_chrome", "Publicité": "advertisement",
                  "À lire aussi": "read_more", "Inscrivez-vous à notre newsletter": "newsletter_promo",
                  "Partager sur": "share_widget", "Suivez-nous sur Instagram": "follow_or_contact",
                  "Commentaires de l'article": "furniture_label",
                  "Crédit photo": "photo_credit", "Traduit de l'anglais": "contributor_credit", "Source :": "source_credit"},
        "stay": ["Beaucoup de riverains suivent l'avancée du chantier sur les réseaux sociaux",
                 "Une publicité pour la ligne sera diffusée"],
        "credits": [Credit("Le Dauphiné Libéré", "author"), Credit("AFP", "author"),
                    Credit("Jean-Pierre Clatot", "photo"), Credit("Claire Martin", "translation")],
    },
    "es/vivienda-valencia.txt": {
        "rules": {"Saltar al contenido": "nav_chrome", "Por EFE": "desk_byline", "Utilizamos cookies": "nav_chrome",
                  "Aceptar todo": "nav_chrome", "Publicidad": "advertisement", "Lee también": "read_more",
                  "Suscríbete a nuestro boletín": "newsletter_promo", "Compartir en": "share_widget",
                  "Síguenos en Instagram": "follow_or_contact", "Comentarios de la noticia": "furniture_label", "Foto:": "photo_credit",
                  "Con información de": "contributor_credit", "Fuente:": "source_credit"},
        "stay": ["Muchos vecinos siguen el debate en las redes sociales",
                 "La publicidad de pisos sin licencia en plataformas digitales será sancionada"],
        "credits": [Credit("EFE", "author"), Credit("Manuel Bruque", "photo"),
                    Credit("Laura Gómez", "additional_reporting"), Credit("Pedro Ruiz", "additional_reporting")],
    },
    "it/porto-genova.txt": {
        "rules": {"Vai al contenuto": "nav_chrome", "Di Redazione": "desk_byline", "Questo sito utilizza cookie": "nav_chrome",
                  "Accetta tutti": "nav_chrome", "Pubblicità": "advertisement", "Leggi anche": "read_more",
                  "Iscriviti alla nostra newsletter": "newsletter_promo", "Condividi su": "share_widget",
                  "Seguici su Instagram": "follow_or_contact", "Commenti all'articolo": "furniture_label",
                  "Entra nel canale Telegram": "newsletter_promo", "Foto di": "photo_credit",
                  "Hanno collaborato": "contributor_credit", "Fonte:": "source_credit"},
        "stay": ["Molti lavoratori seguono gli aggiornamenti sui social",
                 "La pubblicità dell'opera nelle fiere internazionali è già cominciata"],
        "credits": [Credit("Redazione", "author"), Credit("Luca Zennaro", "photo"),
                    Credit("Marco Bianchi", "additional_reporting"), Credit("Giulia Russo", "additional_reporting")],
    },
    "pt/metro-lisboa.txt": {
        "rules": {"Saltar para o conteúdo": "nav_chrome", "Por Agência Lusa": "desk_byline",
                  "Utilizamos cookies": "nav_chrome", "Aceitar todos": "nav_chrome", "Publicidade": "advertisement",
                  "Leia também": "read_more", "Assine a nossa newsletter": "newsletter_promo",
                  "Compartilhe:": "share_widget", "Siga-nos no Instagram": "follow_or_contact", "Imprimir matéria": "furniture_label",
                  "Junte-se ao canal": "newsletter_promo", "Foto:": "photo_credit",
                  "Reportagem de": "contributor_credit", "Fonte:": "source_credit"},
        "stay": ["Muitos moradores acompanham os trabalhos nas redes sociais",
                 "A publicidade da nova linha começará a ser exibida"],
        "credits": [Credit("Lusa", "author"), Credit("Tiago Petinga", "photo"),
                    Credit("João Silva", "reporting"), Credit("Maria Souza", "reporting")],
    },
    "en/harbour-ferry.txt": {
        "rules": {"Skip to main content": "nav_chrome", "By Staff Reporter": "desk_byline", "We use cookies": "nav_chrome",
                  "Accept all cookies": "nav_chrome", "Advertisement": "advertisement", "Read more:": "read_more",
                  "Sign up for our morning newsletter": "newsletter_promo", "Share this article": "share_widget",
                  "Follow us on Instagram": "follow_or_contact", "Comments on this story": "furniture_label",
                  "Text size": "share_widget", "Photo:": "photo_credit",
                  "Reporting by Alice Grant": "contributor_credit", "Source:": "source_credit"},
        "stay": ["Many residents follow the council on social media for timetable updates",
                 "The council's advertising campaign for the new service starts next week"],
        "credits": [Credit("Staff Reporter", "author"), Credit("Ben Marsh", "photo"), Credit("Alice Grant", "reporting"),
                    Credit("Tom Reid", "reporting"), Credit("Sara Lee", "editing")],
    },
}


@pytest.fixture(params=sorted(EXPECTED), ids=lambda name: name.split("/")[0])
def page(request):
    text = (PAGES / request.param).read_text(encoding="utf-8")
    drafts = segment_document(text)
    assert len(drafts) == 1, "one article"
    return EXPECTED[request.param], drafts[0]


def test_every_boilerplate_family_leaves_the_body_with_its_rule(page):
    expected, draft = page
    rules = {}
    for start in expected["rules"]:
        spans = [span for span in draft.spans if span.text.startswith(start)]
        rules[start] = spans[0].rule if spans else None
        assert not [p for p in draft.body.split("\n\n") if p.startswith(start)]
    assert rules == expected["rules"]


def test_near_miss_sentences_stay_in_the_body(page):
    expected, draft = page
    assert [sentence for sentence in expected["stay"] if sentence not in draft.body] == []


def test_credits_carry_their_roles(page):
    expected, draft = page
    assert draft.credit_roles == expected["credits"]
    assert draft.title and not draft.authors  # a desk signs these: no person is an author


def test_the_body_keeps_every_paragraph_of_the_article(page):
    expected, draft = page
    assert len(draft.body.split("\n\n")) == 4


# Body sentences that open with, or hold, a boilerplate family's words: no line rule may take them.
PROSE = [
    "Inscrivez-vous avant le 30 mars sur le site de la mairie pour participer au vote citoyen.",
    "Inscreva-se até sexta-feira no portal da câmara para concorrer às casas de renda acessível.",
    "El Boletín Oficial del Estado publicó ayer el decreto que regula los alquileres de temporada.",
    "Die Zeitung hat jetzt kostenlos registrieren lassen können, wer einen Bibliotheksausweis hat.",
    "Le journal est réservé aux abonnés depuis 2019, a rappelé le directeur.",
    "Leggi di più sulla riforma saranno approvate a luglio dal Parlamento.",
    "Veja mais de perto: o navio tem 300 metros de comprimento.",
    "Recherche: Die Polizei fand drei Tatverdächtige in Leipzig.",
    "Confira os números da Polícia: 12 detidos e 40 feridos no fim de semana.",
    "Más información llegará el lunes, dijo el portavoz del ministerio.",
    "Stampa e televisione hanno seguito il processo per tre anni.",
    "Pub owners say the new licensing rules will cost them thousands.",
    "Seguici su questa strada, disse il poliziotto ai giornalisti.",
    "Anzeige erstattet: Die Polizei ermittelt gegen den Fahrer.",
    "Publicidad engañosa: la CNMC multa a tres eléctricas con 6 millones.",
    "Texto de la ley: el Congreso aprobó la reforma con 178 votos.",
    "Edición de Madrid del festival reunió a 80.000 personas.",
    "Von Redaktion zu Redaktion wandert das Gerücht.",
    "Fotos de la época muestran la plaza antes de la guerra.",
    "Accueil chaleureux pour les réfugiés à Marseille.",
    # headings of a story: furniture words beside a topic word (tasks/segment/furniture.py)
    "Latest ferry news",
    "Privacy fears grow after the leak",
    "Kommentare der Anwohner",
    "Les partenaires du projet",
    "Le notizie del porto",
    "Notícias do metro",
    "Comentarios del ministro",
    "The story",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_with_a_familys_words_stays_body(sentence):
    line = split_lines(sentence)[0]
    classify_line(line)
    assert line.rule is None


@pytest.mark.parametrize("name", ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M"])
def test_boilerplate_lines_the_rules_were_written_on_leave_the_body_and_prose_stays(name):
    """bench/boilerplate_forms.py's sets A to M: each was written after the rules were changed for
    the one before it, then shaped them (bench/quality_notes.md)."""
    from bench.boilerplate_forms import score

    _, (prose_kept, prose_total), wrong = score(name)
    assert wrong == KNOWN_MISSES.get(name, []) and prose_kept == prose_total - len(PROSE_LOST.get(name, []))


# "Up next" labels a video playlist, but AEB's expected body of a real page keeps its "UP NEXT"
# (bench/quality_notes.md): AEB's F1 is a goal of issue 17, so the label stays out of READ_MORE.
# Set F's two prose lines open with a read-more label's words and a comma or a phrase after them;
# they were lost the same way before any rule was written on set F.
PROSE_LOST = {"F": ["prose en: Top stories in the local paper focused on the ferry for a week.",
                    "prose en: Trending upward, ticket sales reached 4,000 a day in July."]}
# Set G's "Video courtesy of Storyful" and set J's "Salva per dopo", which the rounds left, are taken
# by the learned furniture model (trained on the sets A to M, tasks/segment/furniture_model.py).
# The lines of sets G to J that the rounds after them left (bench/quality_notes.md): a promo naming
# its newsletter by a title alone, which news prose does as well ("Sign up for Medicare", AEB's
# "Sign up for the Disney+ bundle"); German's "Hintergrund:", which opens a
# background paragraph of a story as often as a teaser; a story's line on following the mayor on
# Instagram (FOLLOW_OR_CONTACT's "follow <someone> on <network>"). Their prose lines, lost before, stay since promos and consent notices take no line that
# attributes speech.
KNOWN_MISSES = {
    "C": ["read_more en: Up next"],
    "F": PROSE_LOST["F"],
    "H": ["newsletter en: ✉️ Sign up for The Morning Brief — it's free"],
    "M": ["read_more de: Hintergrund: Warum die Bahn ihre Fahrpläne erneut ändert",
          "prose en: More than 40,000 people now follow the mayor on Instagram, where she posts weekly updates on the city budget."],
}
PROSE_LOST["M"] = [miss for miss in KNOWN_MISSES["M"] if miss.startswith("prose ")]


@pytest.mark.parametrize("name", ["N", "O"])
def test_boilerplate_lines_written_after_the_rules_keep_their_floors(name):
    """Sets N and O (bench/boilerplate_set_n.py, _o.py) changed no rule, and the learned furniture
    model was trained on neither. N: 261 of 288 lines out of the body (249 with the rules alone; 211
    before the rounds on sets K, L and M's misses), 36 of 36 prose lines kept. O, written after the
    model's first version: 251 of 288 (236 with the rules alone), 72 of 72 prose lines kept, 30 of
    them short."""
    from bench.boilerplate_forms import HELD_OUT, score

    assert name in HELD_OUT
    by_family, (prose_kept, prose_total), _ = score(name)
    out, total = sum(o for o, _ in by_family.values()), sum(t for _, t in by_family.values())
    assert out / total >= 0.85 and prose_kept / prose_total >= 0.9


def test_the_stems_looked_for_first_are_in_every_line_their_pattern_finds():
    """rules.py searches READER_OFFER, CONSENT_NOTICE, NEWSLETTER_PROMO and FOLLOW_OR_CONTACT only
    in lines holding one of their stems: on every line of the sets, the stems must never hide a
    line the pattern finds."""
    from bench.boilerplate_forms import SETS
    from newsflow.tasks.segment import patterns as p

    lines = [line for boilerplate, prose in SETS.values()
             for by_language in [*boilerplate.values(), prose] for group in by_language.values() for line in group]
    for pattern, stems in ((p.READER_OFFER, p.READER_OFFER_STEMS), (p.CONSENT_NOTICE, p.CONSENT_NOTICE_STEMS),
                           (p.NEWSLETTER_PROMO, p.NEWSLETTER_PROMO_STEMS),
                           (p.FOLLOW_OR_CONTACT, p.FOLLOW_OR_CONTACT_STEMS)):
        found = [line for line in lines if pattern.search(line)]
        assert len(found) >= 10 and [line for line in found if not any(s in line.lower() for s in stems)] == []


# Forms of the families written after set H's figure was taken, beyond its lines: a verb's other
# person, an arrow before the label, another noun for the page; and German's quotation opened by "»".
@pytest.mark.parametrize(("language", "line", "leaves"), [
    ("fr", "Copiez le lien de l'article", True),
    ("pt", "» Leia também", True),
    ("de", "» Lesen Sie auch", True),
    ("pt", "Este conteúdo contém links de afiliados.", True),
    ("es", "Comentarios (12)", True),
    ("es", "[ Anuncio ]", True),
    ("de", "»Wir wollen mehr Radwege«, sagte die Bürgermeisterin.", False),
    ("en", "The next article of the treaty covers fishing rights.", False),
    ("de", "Der Link zur Petition wurde 4.000-mal geteilt.", False),
    # a call quoted with its speaker stays; a promo naming a title in quotation marks does not
    ("fr", "« Abonnez-vous », a lancé le maire devant la foule.", False),
    ("en", '"Subscribe now," the union leader told members at the rally.', False),
    ("fr", "Abonnez-vous à « La Matinale »", True),
    # furniture words (tasks/segment/furniture.py) in forms beyond the sets' lines: a consent button,
    # a plural and a provider, a compound, and a consent word alone that heads a section
    ("de", "Zustimmen & weiter", True),
    ("pt", "Gerir as minhas escolhas", True),
    ("it", "Contenuti sponsorizzati da Outbrain", True),
    ("de", "Datenschutzeinstellungen verwalten", True),
    ("it", "Consenso", False),
    # the third round's classes: reading aloud, saving, native-ad widgets, a provider's name with
    # an article and a particle, a don't-miss teaser; a story's line about the web stays
    ("en", "Listen to this story ▶ 7 min", True),
    ("fr", "Ajouter à mes favoris", True),
    ("de", "Mehr aus dem Web", True),
    ("it", "In collaborazione con la Banca di Trento", True),
    ("es", "No te lo pierdas: los barrios que más subieron", True),
    ("en", "Dark web markets grow after the arrests", False),
    # the fourth round's concepts (patterns.READER_OFFER, CONSENT_NOTICE, TEXT_SIZE, the credits of graphics
    # and screenshots): what is left to read, a messenger channel or an app to join, an offer's terms, the
    # consent framework's banner, a consent by click; and the same words in a story, reported or not
    # an imperative
    ("en", "You have read 4 of 10 free articles this month", True),
    ("pt", "Entre no canal do Jornal da Serra no Telegram", True),
    ("de", "Jetzt die neue Tagblatt-App herunterladen: für iOS und Android", True),
    ("fr", "Essai gratuit de 30 jours, résiliable à tout moment", True),
    ("de", "Digital-Abo: 1 € im ersten Monat", True),
    ("en", "We and our 1,234 partners process personal data", True),
    ("pt", 'Ao clicar em "Aceitar", concorda com o tratamento dos seus dados', True),
    ("pt", "Infografia: Rui Costa/Expresso", True),
    ("de", "Screenshot: Instagram/@polizei.berlin", True),
    ("en", "Text size: A A A", True),
    ("pt", "Siga o Jornal do Commercio no Google Notícias", True),
    ("fr", "La sélection de la rédaction", True),
    ("en", "The council said residents could subscribe to text alerts about road closures.", False),
    ("fr", "La CNIL a sanctionné le site pour sa gestion des cookies.", False),
    ("en", "Residents can download the app from Monday, the council said.", False),
    ("de", "Die Stadt hat einen WhatsApp-Kanal gestartet, dem bereits 4000 Menschen folgen.", False),
    ("es", "La aplicación se puede descargar gratis desde el lunes", False),
    ("fr", "Le journal propose un essai gratuit de 30 jours, a précisé sa directrice.", False),
    ("pt", "O teste grátis do serviço termina em junho, quando começa a cobrança", False),
    ("de", "Mit einem Klick auf den Link gelangen Nutzer zur Petition", False),
    ("en", "We and our partners in the coalition will keep fighting, the mayor said.", False),
    ("en", "(Graphic: Global assets in 2019 - here)", False),
    # the fifth round's (set L's misses): ad-blocker notices, consent to load or view held-back content,
    # Brazil's "Arte/" credit, an archive image with a dash, a preferred source on Google, Québec's
    # sponsored content; and a survey of ad blockers, a city's push alerts, street art, an eclipse
    ("en", "It looks like you're using an ad blocker. Please whitelist our site.", True),
    ("es", "Detectamos que tienes activado un bloqueador de publicidad", True),
    ("de", "Mit dem Laden der Karte akzeptieren Sie die Datenschutzerklärung von Google.", True),
    ("pt", "Arte/Folha da Manhã", True),
    ("fr", "Image d’archive – AFP", True),
    ("en", "Make The Valley Courier a preferred source on Google", True),
    ("fr", "Contenu commandité par Hydro-Laval", True),
    ("en", "Ad blocker use among young readers rose to 40% last year, the survey found.", False),
    ("de", "Die Stadt will Push-Nachrichten bei Hochwasser aktivieren, sagte der Bürgermeister.", False),
    ("pt", "A arte de rua ganhou espaço no centro da cidade", False),
    ("es", "Para ver el eclipse, los astrónomos recomiendan usar gafas con filtro solar.", False),
    # a link to another story, an arrow before its headline; German's quotation opened by "»" stays
    ("en", "» Council delays vote on harbour plan", True),
    ("pt", "› Prefeitura anuncia nova linha de ônibus", True),
    ("en", "» Markets on a high and the economy in stress; time to be careful?", True),  # a headline may ask
    ("it", "» Scioperi dei treni, chi paga il conto?", True),
    ("de", "»Wir bleiben hier«, sagte die Kapitänin am Montag.", False),
    ("de", "» Er sagte, der Hafen bleibe bis Freitag geschlossen.", False),  # a sentence after an arrow stays
    # the sixth round's (set M's misses): content a brand paid for, said of the article itself; a graphic's
    # maker with its data's source; a podcast to listen to; a banner's opening line; an embed's notice;
    # the New York Times' "Credit..."; and a study made with a university, a podcast's audience
    ("de", "Dieser Artikel entstand in Zusammenarbeit mit der Sparkasse Oberland.", True),
    ("es", "Contenido producido por Estudio Marca para Aerolíneas del Sur.", True),
    ("pt", "Gráfico: Redação Folha do Vale | Fonte: IBGE", True),
    ("de", "Hören Sie auch unseren Podcast „Stadtgespräch“ auf allen Plattformen", True),
    ("it", "La tua privacy ci sta a cuore", True),
    ("de", "An dieser Stelle finden Sie einen externen Inhalt von YouTube.", True),
    ("en", "Credit...Ana Lopez for The Harbour Post", True),
    ("de", "Die Studie entstand in Zusammenarbeit mit der Universität Kiel, sagte die Sprecherin.", False),
    ("fr", "Le podcast de la radio publique a été écouté 2 millions de fois, selon Médiamétrie.", False),
])
def test_variants_of_the_families_leave_the_body_and_prose_stays(language, line, leaves):
    from bench.boilerplate_forms import out_of_body

    assert out_of_body(language, line) is leaves
