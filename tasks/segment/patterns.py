"""Named phrase families and shapes the cleaning rules key on, compiled once.

Each family is written for what many outlets share, in several languages; none is a string
of one site. Each rule of tasks/segment/rules.py names the families it uses (`newsflow rules`
lists them), and every span it removes carries the rule's name.
"""

from __future__ import annotations

import re

from newsflow.tasks.core.agencies import AGENCIES

I = re.IGNORECASE  # noqa: E741 (the flag reads as in `re`: short, used in every pattern)

# A line made only of rule characters: "__", "---", "* * *", "=====", "• • •".
RULE_LINE = re.compile(r"^[\s_\-=*~#.•·–—+|/\\<>]{2,}$")

# What sites print around a label ("[ Publicité ]", "Comments (47)", "Continua a leggere →",
# "SHARE THIS ARTICLE ▸", "Seguir leyendo...", "👉 Leia também"): brackets, arrows, bullets,
# dashes, a count in parentheses, a trailing ellipsis and pictographs at either end. A closing
# "»" or "›" is an arrow only in a line that opens no quotation with "«" or "‹".
_DECORATION = r"(?:[\s\[\]()<>→←↗↘▸▶►◂◀•·*|~_–—-]|\(\d+\)|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])"
# At the start, not a list's bullet or dash: "- Print Article" is an item of the article's list.
LEADING_DECORATION = re.compile(r"^(?:[\s\[(<→↗↘▸▶►]|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])+")
TRAILING_DECORATION = re.compile(rf"(?:{_DECORATION}|\.\.\.|…)+$")
TRAILING_ARROW_QUOTE = re.compile(r"\s*[»›]+$")
LEADING_ARROW_QUOTE = re.compile(r"^[»›]+\s*")
def _decoration_char(char: str) -> bool:
    return char in _EDGE_CHARS or char.isspace() or (char >= "\u2600" and not char.isalnum())


# Labels printed side by side on one line: "ANZEIGE · Artikel wird unten fortgesetzt".
# Not a bar: a table's cells and a menu's items are split by bars.
LABEL_SEPARATOR = re.compile(r"\s+[·•–—|▸▶►]\s+")


_EDGE_CHARS = frozenset("[]()<>→←↗↘▸▶►◂◀•·*|~_–—-…»›")


def undecorated(text: str) -> str:
    """`text` without the decorations at its ends (the text itself when nothing else is left)."""
    if not text or not (_decoration_char(text[0]) or _decoration_char(text[-1]) or text.endswith("...")):
        return text  # most lines: a letter or a period at each end, and the searches below cost 15 µs a line
    if "«" not in text and "‹" not in text:  # German opens a quotation with "»": then "«" closes it
        text = LEADING_ARROW_QUOTE.sub("", TRAILING_ARROW_QUOTE.sub("", text))
    bare = TRAILING_DECORATION.sub("", LEADING_DECORATION.sub("", text))
    return bare or text


# A lone short mark in capitals: a site or agency mark such as "TT", "AP", "AFP", "DL".
SITE_MARK = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")

# Portal chrome and navigation: whole lines, short.
NAV_CHROME = re.compile(
    r"^(?:skip to (?:main |the )?(?:content|navigation|search|footer)|jump to (?:content|navigation|main)"
    r"|zum (?:inhalt|hauptinhalt) springen|aller au contenu(?: principal)?|saltar al contenido(?: principal)?"
    r"|(?:vai|salta|passa) al contenuto(?: principale)?|(?:saltar|ir|avan[çc]ar) para o conte[úu]do(?: principal)?"
    r"|(?:main |open |close |toggle )?(?:menu|navigation)|search|home|sign in|log ?in|log ?out|register"
    r"|my account|back to top|top of page|nach oben|retour en haut|volver arriba|menü|suche|anmelden"
    r"|rechercher|connexion|buscar|iniciar sesión|accept(?: all)? cookies|cookie (?:settings|policy|preferences)"
    r"|privacy(?: policy| settings)?|terms (?:of use|of service|and conditions)|contact us|about us"
    r"|impressum|datenschutz(?:erklärung)?|mentions légales|aviso legal|sitemap|all rights reserved"
    r"|alle akzeptieren|tout accepter|datenschutz-?einstellungen|(?:manage|g[ée]rer|gestionar|gestisci|gerir|gerenciar|verwalten)"
    r"(?: (?:my|your|mes|vos|les|mis|tus|las|le|as|suas))? (?:privacy |cookie )?(?:settings|preferences|pr[ée]f[ée]rences|preferencias|preferenze|prefer[êe]ncias)"
    r"|(?:i accept|i agree|j'accepte|acepto|ich akzeptiere|accetto|aceito|concordo)(?: (?:all|tout|tous les|todas las|alle|tutti i|todos os))?(?: (?:the |les |las |i |os )?cookies)?"
    r"|manage privacy settings|datenschutzhinweise?|einwilligung widerrufen|do not sell(?: or share)? my personal information"
    r"|your privacy (?:choices|options)|vos choix en mati[èe]re de (?:confidentialit[ée]|vie priv[ée]e)|tus opciones de privacidad"
    r"|le tue scelte (?:sulla|di) privacy|as suas escolhas de privacidade|personnaliser|personalizar|personalizza|customi[sz]e|anpassen|privacy settings|param[èe]tres de confidentialit[ée]"
    r"|configuraci[óo]n de privacidad|impostazioni (?:della )?privacy|defini[çc][õo]es de privacidade"
    r"|(?:reject|ablehnen|refuser|rechazar|rifiuta|rejeitar|recusar)(?: et fermer| and close| tudo| tutto| todo)?"
    r"|(?:accept|akzeptieren|accepter|aceptar|accetta|aceitar) (?:and|und|et|y|e) (?:close|schließen|fermer|cerrar|chiudi|fechar"
    r"|continue|weiter|continuer|continuar|continua)"
    r"|tout refuser|alle ablehnen|aceptar tod[oa]s?|accetta tutt[io]|aceitar tod[oa]s|reject all|alle ablehnen|tout refuser"
    r"|rechazar tod[oa]s?|rifiuta tutt[io]|rejeitar tod[oa]s|recusar tod[oa]s|einstellungen verwalten"
    r"|cookie-richtlinie|politique de cookies|pol[íi]tica de (?:privacidad|privacidade)|informativa (?:sulla )?privacy"
    r"|zur startseite|accueil|inicio|in[íi]cio|menu principale|cerca|pesquisar|entrar|accedi|iscriviti|torna su|voltar ao topo"
    r"|loading(?:\.\.\.|…)?|listen to (?:this )?article|(?:\d+ )?min(?:ute)?s? read|print this page)[.!]?$",
    I,
)
BREADCRUMB = re.compile(r"^(?:[\w'’&.-]+(?: [\w'’&.-]+){0,3}\s*(?:>|»|›|/|\|)\s*){2,}[\w'’&.-]+(?: [\w'’&.-]+){0,3}$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", I)
COOKIE_NOTICE = re.compile(
    r"\b(?:we use cookies|this (?:site|website) uses cookies|cookies? to (?:improve|give|ensure)"
    r"|wir (?:verwenden|nutzen|setzen) cookies|diese (?:webseite|website|seite) (?:verwendet|nutzt) cookies|cookie-einstellungen"
    r"|nous utilisons (?:des )?cookies|ce site (?:web )?utilise des cookies|(?:gérer|paramétrer) (?:les|vos) cookies|param[èe]tres des cookies"
    r"|(?:utilizamos|usamos) cookies|este (?:sitio|portal)(?: web)? (?:utiliza|usa) cookies|configuraci[óo]n de cookies|pol[íi]tica de cookies"
    r"|(?:utilizziamo|usiamo) (?:i )?cookie|questo sito(?: web)? (?:utilizza|usa) (?:i )?cookie|informativa (?:sui |estesa sui )?cookie"
    r"|(?:utilizamos|usamos) cookies|este (?:site|portal) (?:utiliza|usa) cookies|aceit(?:ar|e) (?:todos )?(?:os )?cookies"
    r"|(?:accept|akzeptieren|accepter|aceptar|accetta(?:re)?|aceitar)(?: all| alle| tous les| les| todas las| las| tutti i| i| todos os| os)? cookies?\b"
    r"|\bcookies? (?:akzeptieren|zulassen|erlauben|ablehnen)\b"
    r"|\b(?:we|wir|nous|nosotros|noi|n[óo]s)\b.{0,40}\b(?:use|store|verwenden|nutzen|setzen|utilisons|utilizamos|usamos|utilizziamo"
    r"|usiamo)\b.{0,20}\bcookies?\b|\b(?:allow|autoriser|permitir|consenti|consentir)(?: all| tous les| todas las| tutti i| todos os)? cookies?\b"
    r"|\b(?:necessary|essential) cookies? only\b"
    r"|\b(?:you (?:consent|agree|accept)|vous (?:consentez|acceptez)|stimmen sie|acepta(?:s)? el uso|consientes|acconsenti|accetti"
    r"|concorda com|aceita o uso|consente)\b.{0,60}\bcookies?\b"
    r"|\b(?:only|nur|uniquement|solo|s[óo]lo|apenas|seulement) (?:the )?(?:necessary|essential|notwendige|essenzielle|n[ée]cessaires|essentiels"
    r"|necesarias|esenciales|necessari|essenziali|necess[áa]rios|essenciais) cookies?\b"
    r"|\bcookies? (?:n[ée]cessaires|necesarias|necessari|necess[áa]rios) uniquement\b|^gestion des cookies\b"
    r"|(?:manage|verwalten|g[ée]rer|gestionar|gestisci|gerir|gerenciar)\b.{0,30}\bcookies?\b|\bcookies?\b.{0,20}\b(?:preferences|préférences"
    r"|preferencias|preferenze|prefer[êe]ncias|defini[çc][õo]es|configura[çc][õo]es|impostazioni)\b|\b(?:preferenze|impostazioni|defini[çc][õo]es|configura[çc][õo]es|prefer[êe]ncias|pr[ée]f[ée]rences|param[èe]tres)(?: (?:sui|dei|de|des|dos|di))? cookies?)",
    I,
)

# Newsletter, subscription and self-promotion.
# A membership or donation ask that opens by addressing the reader's liking of the article:
# "If you enjoyed this article, ... Join ...", "Wenn Ihnen dieser Artikel gefallen hat, ...".
# Longer than a newsletter line (it lists what members get), hence a rule of its own, and only
# with one of MEMBERSHIP_ACTION's words: an article may open a sentence the same way.
MEMBERSHIP_ASK = re.compile(
    r"^(?:if you (?:enjoyed|liked|appreciated|value|valued|rely on|found value in) (?:this|our|reading this|the) (?:[\w-]+ )?"
    r"(?:article|story|piece|post|journalism|reporting|work|coverage|content)"
    r"|wenn ihnen (?:dieser|dieses|der|unser) (?:artikel|beitrag|text|stück|journalismus) (?:gefallen hat|gefällt|etwas wert ist|wichtig ist)"
    r"|si (?:vous avez aimé|vous appréciez) (?:cet|cette|notre|ce) (?:article|papier|reportage|journalisme|travail)"
    r"|si (?:cet article|ce reportage) vous a plu"
    r"|si te (?:ha gustado|gustó) (?:este|esta|nuestro|nuestra) (?:artículo|nota|noticia|reportaje|periodismo|trabajo)"
    r"|se ti (?:è piaciuto|piace) (?:questo|quest'|il nostro) ?(?:articolo|pezzo|giornalismo|lavoro)"
    r"|se (?:você )?gostou (?:deste|desta|do nosso|da nossa) (?:artigo|texto|matéria|reportagem|jornalismo|trabalho))",
    I,
)
MEMBERSHIP_ACTION = re.compile(
    r"\b(?:join|member(?:s|ship)?|subscri\w+|donat\w+|support us|support our|paywalls?"
    r"|abonn\w+|mitglied\w*|unterstütz\w+|spende\w*|adhér\w+|soutenez|soutenir|faites un don"
    r"|suscr[ií]b\w+|suscripci\w+|socio|hazte|apoya\w*|don[áa]\w*"
    r"|abbona\w+|iscriv\w+|sostieni|sostenere|dona\w*|assin\w+|apoie|apoiar|torne-se)\b",
    I,
)
NEWSLETTER_PROMO = re.compile(
    r"\b(?:sign(?:ing)? up (?:for|to) (?:our|(?:the |a |\w+'s )?(?:[\w-]+ ){0,3}(?:newsletters?|e-?mails?|alerts|updates))\b|subscribe (?:now|today|here)\b"
    r"|subscribe to (?:our |the |\w+'s )?(?:[\w-]+ ){0,3}(?:newsletters?|podcast|channel|updates|alerts|magazine)\b|straight to your inbox|to your inbox"
    r"|in your inbox|inbox every|our (?:free |daily |weekly |morning |evening )?newsletters?\b"
    r"|the (?:daily |weekly |morning |evening )?newsletter\b|newsletter sign[- ]?up|see for yourself"
    r"|is (?:the|your) (?:go-to |trusted |#1 |number one |best |ultimate )?(?:source|destination|home) for"
    r"|already a (?:subscriber|member)|become a (?:subscriber|member|supporter)|support (?:our|independent|quality) journalism"
    r"|start your free trial|unlock (?:this|unlimited|full) |subscribers? only|for subscribers|get unlimited access"
    r"|newsletter abonnieren|jetzt abonnieren|abonnieren sie|melden sie sich .{0,40}newsletter"
    r"|^(?:jetzt|hier) (?:kostenlos |gratis )?(?:registrieren|anmelden|testen)|zum newsletter anmelden|(?:direkt |bequem )?(?:in ihr|ins) (?:e-mail-)?postfach"
    r"|^(?:\w+ )?(?:nur|exklusiv) f(?:ü|ue)r abonnenten|(?:mit|als) \S+ ?(?:plus|\+) weiterlesen|bereits abonnent"
    r"|lesen sie (?:jetzt |hier )?(?:mit|als) \S+(?: \S+)? weiter"
    r"|inscrivez-vous(?=.{0,60}\b(?:newsletters?|infolettres?|lettres?|alertes?|gratuitement))|\b(?:notre|nos|votre|l['’])\s*infolettres?\b|abonnez-vous|recevez (?:notre|la|nos) (?:newsletter|lettre)|dans votre bo[îi]te (?:mail|e-mail|aux lettres|de r[ée]ception)"
    r"|^(?:\w+ )?r[ée]serv[ée] aux abonn[ée]s|d[ée]j[àa] abonn[ée]|je m'abonne|offre d'abonnement"
    r"|suscr[ií]b(?:e|ete|ite|irse)|(?:nuestro|recibe el|newsletter o) bolet[ií]n|en tu (?:bandeja de entrada|correo)"
    r"|(?:ya eres|hazte) suscriptor|^(?:\w+ )?exclusivo para suscriptores|date de alta"
    r"|iscriviti (?:alla|alle|alla nostra|gratis)|abbonati (?:ora|subito)|ricevi (?:la|le|la nostra) newsletter|nella tua (?:casella|posta|inbox)"
    r"|gi[àa] abbonato|^(?:\w+ )?riservato agli abbonati|^contenuto riservato"
    r"|\b(?:subscreva|subscrever|assine|assinar)\b.{0,20}\bnewsletters?\b|assine (?:j[áa]|agora|a newsletter|a nossa newsletter|nossa newsletter|o)|inscreva-se(?=.{0,60}\b(?:newsletters?|alertas?|gratuitamente|boletim))|receba (?:a|as|nossa|nossas) newsletters?"
    r"|na sua caixa de (?:entrada|e-mail|correio)|j[áa] [ée] assinante|^(?:\w+ )?exclusivo para assinantes|seja assinante"
    r"|if you (?:enjoyed|liked|value|appreciate) (?:this|our) (?:article|story|journalism|reporting)"
    r"|get (?:access to|the day's)|delivered (?:through|to) your (?:letterbox|door)|\d+ issues for"
    r"|subscriptions? (?:service|offer)|members get|subscribe (?:for|from) (?:just |only )?(?:[$€£]|\d)"
    r"|weiterlesen mit \S+(?: \S+)? ?(?:plus|\+)"
    r"|(?:reached|used) (?:your|the) (?:limit|maximum|last) of (?:free )?(?:articles|stories)|free (?:articles?|stories) (?:left|remaining)"
    r"|kostenlose artikel|articles? gratuits?|art[íi]culos gratuitos|articoli gratuiti|(?:artigos|mat[ée]rias) gratuit[oa]s"
    r"|already have an account|bereits registriert|vous avez d[ée]j[àa] un compte|ya tienes (?:una )?cuenta|hai gi[àa] un account"
    r"|j[áa] tem (?:uma )?conta|^newsletters?\s*[:|–—-]|start your (?:free )?(?:subscription|membership|trial)"
    r"|^(?=.*(?:abo\b|mitglied|abonnent|leser|newsletter|weiterlesen|plus\b|\+|zugang))(?:jetzt |hier |gleich |bitte |zum )?(?:[\w+-]+ ){0,3}"
    r"(?:abo abschlie(?:ß|ss)en|mitglied werden|abonnent(?:in)? werden|leser(?:in)? werden|anmelden|registrieren|abonnieren|testen|sichern|bestellen)[.!]?$"
    r"|inicie (?:a )?sess[ãa]o para|inicia sesi[óo]n para|sign in to (?:read|continue)|log in to (?:read|continue)"
    r"|^(?:special offer|sonderangebot|angebot|offre sp[ée]ciale|oferta especial|offerta speciale|unlimited (?:digital )?access)\b.{0,40}(?:[$€£]|\d)"
    r"|(?:(?<=^¿)|^)(?:are you a subscriber|sind sie abonnent(?:in)?|vous [êe]tes abonn[ée]e?|eres suscriptor|sei abbonato|[ée] assinante)\s?\?"
    r"|^(?:make a donation|haz una donaci[óo]n|fai una donazione|fa[çc]a um donativo|fa[çc]a uma doa[çc][ãa]o|faites un don|spenden sie jetzt)\b)",
    I,
)

# Every alternative of NEWSLETTER_PROMO holds one of these, lower-cased (as READER_OFFER_STEMS): on
# 41,699 lines of bench/corpus.py's documents the pattern's search took 2.0 s, more than any other
# rule's (a fifth of the line rules' time); the stems cost a tenth of that.
NEWSLETTER_PROMO_STEMS = (
    "sign", "subscri", "inbox", "newsletter", "see for yourself", "is the ", "is your ", "already", "become a",
    "journalism", "start your", "unlock", "unlimited", "abonn", "registrieren", "anmelden", "testen", "postfach",
    "weiterlesen", "lesen sie", "inscrivez", "infolettre", "recevez", "dans votre bo", "suscr", "bolet", "en tu ",
    "date de alta", "iscriviti", "abbonat", "nella tua", "contenuto riservato", "assin", "inscreva", "caixa de",
    "if you ", "get access", "get the day", "delivered", "issues for", "members get", "reached", "used ", "free ",
    "kostenlose", "gratuit", "bereits", "un compte", "cuenta", "account", "conta", "werden", "abo abschlie",
    "sichern", "bestellen", "sess", "sesi", "log in", "offer", "angebot", "offre", "oferta", "donation", "donaci",
    "donazione", "donativo", "doa", "faites un don", "spenden",
)

# A call to subscribe, join, register or give that opens with its verb, in the imperative:
# "Subscribe to keep reading", "Werden Sie Mitglied", "Faites un don", "Hazte socio", "Sostieni il
# nostro lavoro", "Apoie o nosso trabalho", "Get our alerts every morning". The verbs that ask
# for something else too ("join", "become", "werden Sie", "inscreva-se": also to register for a
# housing lottery) count only with a word for a member, a reader, a newsletter or reading on;
# "support" not as a noun ("Support for the plan grew"); "subscribe", not "Subscribers ...", and
# not "Apoie-se". A quoted call in a story has its attribution ("Soutenez le projet, a lancé le
# maire"): rules.py takes only lines with no comma or quote, and no period after six words.
_ASK = (r"(?:subscribe|donate|support(?:ing)?(?!\s+(?:for|to|from|of|in|at)\b)|unterst(?:ü|ue)tzen sie|abonnieren sie|spenden sie"
        r"|abonnez-vous|faites un don|soutenez(?:-nous)?|suscr[ií]bete|suscr[ií]base|apoya(?:nos)?|ap[óo]yanos|abbonati|sostieni(?:ci)?"
        r"|sosteneteci|assine|apoie(?:-nos)?|fa[çc]a uma doa[çc][ãa]o"
        # creating an account: "Create your free account", "Créez votre compte", "Crea tu cuenta gratis"
        r"|create (?:your|an|a free) account|erstellen sie (?:ihr|ein)(?: kostenloses)? konto|cr[ée]ez (?:votre|un) compte"
        r"|crea (?:tu|una) cuenta|cr[ée]a (?:il tuo|un) account|crie (?:a sua|sua|uma) conta"
        # downloading the outlet's app: "Download our app", "Laden Sie unsere News-App herunter"
        r"|(?:download|get|install) (?:our|the) (?:free |new )?(?:[\w-]+ )?app\b|laden sie (?:jetzt )?(?:unsere|die) .{0,30}app\b"
        r"|t[ée]l[ée]chargez (?:notre|l'|la|gratuitement) ?(?:application|appli|app)|desc[áa]rg(?:a|ate|ue) (?:nuestra|la) (?:app|aplicaci[óo]n)"
        r"|scarica (?:la nostra |l'|la )?app|baixe (?:o nosso |o |a nossa |a )?(?:aplicativo|app)|descarregue (?:a nossa |a )?app)")
_ASK_WITH_NOUN = (r"(?:join|become|sign up|register|log in|sign in|get|werden sie|registrieren sie sich|melden sie sich|erhalten sie"
                  r"|rejoignez|devenez|inscrivez-vous|connectez-vous|recevez|hazte|h[áa]gase|[úu]nete|reg[íi]strate|inicia sesi[óo]n|recibe"
                  r"|ap[úu]ntate|unisciti|diventa|iscriviti|registrati|accedi|ricevi|junte-se|torne-se|fa[çc]a parte|inscreva-se|cadastre-se|receba"
                  r"|follow|folgen sie|suivez|sigue|segui|siga|subscreva)")
_ASKED_FOR = (r"(?:members?|mitglied\w*|membres?|miembros?|membr[oi]|socio|s[óo]cio|abonn\w+|suscriptor\w*|abbonat\w|assinante\w*|subscribers?|supporters?"
              r"|readers|leser\w*|lecteurs|lectores|lettori|leitores|community|gemeinschaft|communaut[ée]|comunidad|comunit[àa]|comunidade"
              r"|club|channel|kanal|cha[îi]ne|canal|canale|e-?mail|newsletters?|lettres?|bolet[íi]n|boletim|alerts?|alertes?|alertas?|notifications?|benachrichtigungen|eilmeldungen"
              r"|continue|continuing|keep reading|weiterlesen|la suite|continuer|seguir leyendo|continuare|continuar|gratis|kostenlos"
              r"|gratuitement|gratuitamente|gr[áa]tis|for free|every (?:morning|day|week)|jeden (?:morgen|tag|abend)"
              r"|chaque (?:matin|jour|soir|semaine)|cada (?:mañana|día|semana)|ogni (?:mattina|giorno|settimana)|todas as manh[ãa]s"
              r"|todos os dias)")
_JOURNALISM = r"(?:journalism|journalismus|journalisme|r[ée]daction|presse|periodismo|giornalismo|informazione|jornalismo|work|arbeit|trabajo|lavoro|trabalho|travail)"
# The periods an offer runs for, in the six languages.
_PERIOD = r"(?:days?|weeks?|months?|tage|wochen|monate|jours|semaines|mois|d[íi]as|semanas|meses|giorni|settimane|mesi)"
_TRIAL = (r"(?:free trial|(?:gratis|kostenlos) testen|probeabo|essai gratuit|essayez gratuitement|prueba (?:gratis|gratuita)"
          r"|prova (?:gratis|gratuita)|teste gr[áa]tis|experimente gr[áa]tis|(?:try|testen sie|essayez|prueba|prova|experimente)\b.{0,25}"
          r"\b(?:for free|gratis|kostenlos|gratuitement|gratuitamente|gr[áa]tis)"
          r"|\b(?:free|gratis|kostenlos|gratuit(?:ement)?|gratuitamente|gr[áa]tis) (?:for|für|pendant|durante|per|por) \d+ "
          + _PERIOD + ")")
CLAUSE_COMMA = re.compile(r",(?!\d)")  # not the comma of "50,000"
CALL_TO_ACTION = re.compile(
    rf"^(?:please (?:consider )?|jetzt |bitte |hier )?(?:{_ASK}(?![\w-])|{_ASK_WITH_NOUN}(?![\w-])(?=.*\b{_ASKED_FOR}\b)"
    rf"|(?:support|unterst(?:ü|ue)tzen sie|soutenez)\b.{{0,30}}\b{_JOURNALISM}\b|.{{0,40}}\b{_TRIAL}\b)",
    I,
)

# An affiliate-link disclosure: the page earns a commission on what readers buy through its links.
_AFFILIATE_LINKS = (r"(?:affiliate[- ]links?|liens? (?:d')?affili[ée]s?|enlaces (?:de )?afiliados|link (?:di affiliazione|affiliati)"
                    r"|links (?:de )?afiliados)")
AFFILIATE_DISCLOSURE = re.compile(
    # "This article contains affiliate links", "Dieser Artikel enthält Affiliate-Links", "Este artigo contém links de afiliados"
    r"\b(?:this|dieser|diese|cet|ce|cette|este|esta|questo|questa) (?:article|post|page|story|artikel|beitrag|seite|contenu"
    r"|art[íi]culo|nota|p[áa]gina|articolo|pagina|artigo|mat[ée]ria|content|inhalt|contenido|contenuto|conte[úu]do|text|texte|texto|testo)"
    r" (?:\w+ )?(?:contains|includes|may contain|enth(?:ä|ae)lt"
    r"|contient|contiene|incluye|cont[ée]m|inclui) (?:\w+ )?" + _AFFILIATE_LINKS +
    # a label: "*Affiliate-Link: ...", "Liens affiliés :"
    r"|^\W*" + _AFFILIATE_LINKS + r"\s*[:*(]",
    I,
)
# The page's commission on what readers buy ("... we may earn a commission"): a disclosure only in a
# line that names the links (rules.py).
AFFILIATE_COMMISSION = re.compile(
    r"\bwe (?:may )?(?:earn|receive|get) (?:a )?(?:small )?commission|(?:erhalten|bekommen) wir (?:eine )?provision"
    r"|nous (?:pouvons )?percev(?:ons|oir) une commission|(?:podemos )?recib(?:ir|imos) una (?:peque[ñn]a )?comisi[óo]n"
    r"|(?:potremmo )?ricev(?:ere|iamo) una (?:piccola )?commissione|(?:podemos )?receb(?:er|emos) uma (?:pequena )?comiss[ãa]o"
    r"|\b(?:receb\w*|recib\w*|ricev\w*|perce\w*|erh(?:ä|a)lt|erhalten|receiv\w*)\b.{0,15}\b(?:comiss[ãa]o|comisi[óo]n|commissione"
    r"|commission|provision)\b"
    r"|\b(?:generar|g[ée]n[ée]rer|generate|earn|generieren|gerar|generare)\b.{0,20}\b(?:una |a |eine |une |uma )?(?:comisi[óo]n"
    r"|commission|provision|comiss[ãa]o|commissione)\b",
    I,
)
LINK_WORD = re.compile(r"\b(?:links?|liens?|enlaces|link)\b", I)

# A paywall's notice: the story is for subscribers, or how much of it is left to read. Only in a
# short line (rules.PAYWALL_NOTICE_MAX_WORDS): "Le journal est réservé aux abonnés depuis 2019, a
# rappelé le directeur" reports the same words.
PAYWALL_NOTICE = re.compile(
    r"\b(?:(?:exclusively|only) (?:to|for) (?:subscribers|members)|(?:nur|exklusiv) f(?:ü|ue)r (?:abonnenten|abonnentinnen|mitglieder)"
    r"|r[ée]serv[ée]e?s? (?:aux|à nos) abonn[ée]e?s|exclusiv[oa]s? para (?:suscriptores|socios|abonados|assinantes)"
    r"|riservat[oia] (?:agli|ai) abbonati|(?:solo|s[óo]lo|only|nur|uniquement|apenas|s[óo]) (?:para|for|f[üu]r|pour|per) (?:los |les |gli |os )?"
    r"(?:suscriptores|subscribers|abonnenten|abonn[ée]s|abbonati|assinantes)|\d{1,2} ?% (?:de cet article|of (?:this|the) (?:article|story)|dieses (?:artikels|beitrags)"
    r"|de este art[íi]culo|di questo articolo|deste (?:artigo|texto))"
    r"|(?:with a subscription|mit (?:einem|ihrem) abo|avec (?:un|votre) abonnement|con (?:una|tu|su) suscripci[óo]n"
    r"|con (?:un |l')abbonamento|com (?:uma|a sua|sua) assinatura)\b.{0,25}\b(?:read|weiterlesen|lesen|lire|continuer|leer"
    r"|seguir leyendo|leggere|continuare|ler|continuar)"
    r"|(?:subscribers|abonnenten|les abonn[ée]s|los suscriptores|gli abbonati|os assinantes) (?:can|may|k[öo]nnen|peuvent|pueden"
    r"|possono|podem) (?:read|lesen|lire|leer|leggere|ler)"
    r"|this (?:article|story) is (?:a gift|free to read)|cet article vous est offert|dieser artikel ist (?:für sie )?(?:kostenlos|frei)"
    r"|este art[íi]culo es (?:gratuito|un regalo)|questo articolo [èe] (?:gratuito|offerto)|este artigo [ée] (?:gratuito|oferecido)"
    r"|(?:already (?:registered|a subscriber)|bereits (?:registriert|abonnent(?:in)?)|d[ée]j[àa] (?:inscrit|abonn[ée])e?"
    r"|ya (?:est[áa]s registrad[oa]|eres suscriptor)|gi[àa] (?:registrat|abbonat|iscritt)[oa]|j[áa] (?:est[áa] registad[oa]|[ée] assinante|tem cadastro))"
    r"\s*\?\s*(?:log in|sign in|anmelden|einloggen|se connecter|connectez-vous|inicia sesi[óo]n|accedi|entrar|entre|fa[çc]a login|inicie sess[ãa]o))\b",
    I,
)

# A word as the reporting-word lists write it (tasks/core/terms.py REPORTING_WORDS).
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# What a page offers its reader in a sentence, in any wording of the six languages, by what the
# offer is rather than by its phrases: how much free reading is left ("You've read 3 of 5 free
# articles", "Sie haben das Ende des frei verfügbaren Textes erreicht"), a term that only an
# offer states ("Cancel anytime", "jederzeit kündbar", "1 € le premier mois"), the outlet's
# channel on a messenger to join, its app to download or its trial to take (the verb opening the
# line or a clause: an imperative, not "users can download the app", "the free trial ends in
# June"), an article to give, a donation to make.
# Lines that attribute speech are left to the story (rules.py `_reader_offer`).
_FREE = r"(?:free|frei\w*|kostenlos\w*|gratuit\w*|gratis|gr[áa]tis)"
_READ_COUNT = (r"\byou(?:'ve| have) read \d+\b|\b\d+ (?:of|out of|von|sur|de|di) \d+ " + _FREE + r"? ?(?:articles|artikel(?:n)?|art[íi]culos"
               r"|articoli|artigos|mat[ée]rias|stories|notas)\b|\b(?:il vous reste|vous avez lu|te quedan|has le[íi]do|ti restano"
               r"|hai letto|voc[êe] (?:leu|tem)|restam-lhe|du hast|sie haben) (?:encore |noch |ainda )?\d+ (?:\S+ ){0,4}" + _FREE +
               r"|\b(?:il vous reste|es fehlen (?:noch )?|you have) \d{1,2} ?%|\b\d{1,2} ?% (?:de cet article|of (?:this|the) (?:article|story)"
               r"|dieses (?:artikels|beitrags)|de este art[íi]culo|di questo articolo|deste (?:artigo|texto)) (?:à lire|to read|zu lesen|por leer"
               r"|da leggere|por ler)")
_LIMIT_REACHED = (r"^(?=.*\b(?:reached|erreicht|atteint|alcanzad[oa]|alcanzaste|llegaste|raggiunto|atingiu|chegou|esgotou)\b)"
                  r"(?=.*\b(?:limit|limite|l[íi]mite|ende|end|fin|fine|fim)\b)(?=.*\b" + _FREE + r"\b)")
_OFFER_TERM = (r"\b(?:cancel (?:any ?time|at any time)|jederzeit (?:online )?k[üu]ndbar|jederzeit k[üu]ndigen|sans engagement"
               r"|r[ée]siliable (?:[àa] tout moment|en tout temps)|cancela (?:cuando quieras|en cualquier momento)"
               r"|disdici (?:quando vuoi|in qualsiasi momento)|cancele (?:quando quiser|a qualquer momento)"
               r"|(?:im ersten monat|(?:le|du) premier mois|el primer mes|il primo mese|(?:no|o) primeiro m[êe]s|(?:for )?the first month)"
               r"\b.{0,20}$)")
_MESSENGER_CHANNEL = (r"^(?=.*\b(?:whatsapp|telegram|signal)\b)(?=.*\b(?:channel|kanal|canal|canale|cha[îi]ne|gruppe|group|grupo"
                      r"|gruppo|community|comunidad|comunidade|communaut[ée])\b)(?=(?:\W*|.*[:–—|•·!?.]\s+)(?:now |jetzt |hier )?"
                      r"(?:join|follow|subscribe|folgen sie|abonnieren sie|treten sie|rejoignez|suivez|abonnez-vous|[úu]nete|s[íi]guenos"
                      r"|suscr[íi]bete|entra|unisciti|iscriviti|seguici|entre|junte-se|siga|participe)\b"
                      r"|.*\bjetzt\b.{0,60}\b(?:beitreten|folgen|abonnieren)\s*[.!]?$)")
_APP_DOWNLOAD = (r"(?:^|[:–—|•·]\s*|\b(?:now|jetzt|maintenant|ahora|ora|agora)\s+)(?:download|get|install|t[ée]l[ée]chargez"
                 r"|installez|holen sie sich|laden sie|desc[áa]rg(?:a|á|ue)(?:la|te)?|instal[áa]|baixe|instale|descarregue"
                 r"|scarica|installa)\b.{0,60}\b(?:app|apps|application|appli|aplicaci[óo]n|aplica[çc][ãa]o|aplicativo|applicazione)\b"
                 r"|^\W*(?:jetzt|hier)\b.{0,40}\bapp\b.{0,40}\b(?:herunterladen|installieren|downloaden)\b")
_SWITCH_ON = r"(?:aktivieren|activate|enable|turn on|activez|activer|activa|activar|activá|attiva|attivare|ative|ativar)"
_NOTICES = (r"(?:push|notifications?|benachrichtigung\w*|mitteilung\w*|notificaci\w+|notifich\w+|notifica[çc]\w+|alerts?"
            r"|alertes?|alertas?|eilmeldung\w*)")
_NOTIFICATIONS = rf"\b{_SWITCH_ON}\b.{{0,40}}\b{_NOTICES}|\b{_NOTICES}\b.{{0,30}}\b{_SWITCH_ON}\b"
_GERMAN_CALL = (r"(?:^\W*|[–—:|•·!?.]\s+)jetzt\b(?=.*\b(?:newsletter|abo|app|push|mitteilung\w*|benachrichtigung\w*|kanal|konto|zugang|plus|artikel"
                r"|probe\w*)\b).{0,80}\b(?:abonnieren|anmelden|registrieren|herunterladen|testen|sichern|bestellen|aktivieren"
                r"|beitreten)\s*[.!]?$")
_PODCAST = (r"\b(?:listen to|subscribe to|h[öo]ren sie(?: auch)?|h[öo]r(?:t)?(?: auch)?|[ée]coutez(?: aussi)?|escuch[aá](?: tambi[ée]n)?"
            r"|ascolta(?: anche)?|ou[çc]a(?: tamb[ée]m)?|oi[çc]a(?: tamb[ée]m)?)\b.{0,20}\b(?:our|unser\w*|notre|nuestro|il nostro|o nosso)"
            r"\s+podcasts?\b")
_GIFT = (r"^\W*(?:gift (?:this|the) (?:article|story)|offrir cet article|(?:diesen )?artikel verschenken"
         r"|regala (?:este|esta|questo) (?:art[íi]culo|nota|articolo)|(?:presentear|presenteie|ofere[çc]a) (?:este|esta) (?:artigo|mat[ée]ria|reportagem))\b")
_DONATION = (r"\b(?:faites un don|fai una donazione|haz una donaci[óo]n|fa[çc]a uma doa[çc][ãa]o|donate (?:now|today)|jetzt spenden)\b"
             r"|^(?:support|unterst(?:ü|ue)tzen sie|soutenez|apoya|sostieni|apoie)\b.{0,30}\b" + _JOURNALISM + r"\b")
_TRIAL_TERM = (rf"\b\d+ {_PERIOD} (?:gratis|kostenlos|free|gratuit\w*|gr[áa]tis) (?:testen|lesen|lire|leer|leggere|ler|read)\b"
               rf"|^\W*(?:try|testen sie|essayez|prueba|prova|experimente) \d+ {_PERIOD} (?:for|für|pour|por|per) (?:just |only )?"
               r"(?:[$€£]|\d|chf)")
# registering or subscribing to read the whole article
_WHOLE_ARTICLE = (r"\b(?:register|sign up|log in|subscribe|registrieren|anmelden|abonnieren|inscri\w+|connect\w+|abonn\w+|reg[íi]str\w+"
                  r"|suscr[íi]b\w+|iscriv\w+|registra\w*|accedi|cadastr\w+|assin\w+)\b.{0,40}\b(?:ganzen|whole|full|rest of the|complet\w*"
                  r"|entier|intero|inteiro)\b.{0,15}\b(?:artikel|article|art[íi]culo|articolo|artigo|story|text|texte|texto|testo)")
READER_OFFER = re.compile("|".join((_READ_COUNT, _LIMIT_REACHED, _OFFER_TERM, _MESSENGER_CHANNEL, _APP_DOWNLOAD, _GIFT,
                                    _DONATION, rf"(?:^\W*|[:–—|•·!?.]\s+){_TRIAL}\b", _TRIAL_TERM, _WHOLE_ARTICLE,
                                    _NOTIFICATIONS, _GERMAN_CALL, _PODCAST)), I)

# Every alternative of READER_OFFER holds one of these, lower-cased: rules.py looks for them first,
# as substrings, since searching the pattern itself in every line of up to 30 words took a tenth
# of the cleaning's time on AEB's pages (tests/test_languages_boilerplate.py holds each stem list to its pattern).
READER_OFFER_STEMS = (
    "read", "article", "artikel", "artículo", "articulo", "articol", "artigo", "matéria", "materia", "stor", "notas",
    "free", "frei", "kostenlos", "gratuit", "gratis", "grátis", "%", "cancel", "kündbar", "kundbar", "kündigen",
    "kundigen", "engagement", "siliable", "disdici", "monat", "mois", "mes", "mês", "month", "whatsapp", "telegram",
    "signal", "app", "aplica", "gift", "offrir", "verschenken", "regala", "present", "ofere", "don", "doa", "spenden",
    "support", "unterst", "soutenez", "apoya", "sostieni", "apoie", "trial", "testen", "probeabo", "essai", "essayez",
    "prueba", "prova", "teste", "experimente", "try", "ganzen", "whole", "full", "rest of the", "complet", "entier",
    "intero", "inteiro", "push", "notif", "benachrichtigung", "mitteilung", "alert", "eilmeldung", "aktivier", "activ",
    "enable", "turn on", "attiv", "ativ", "jetzt", "podcast",
)

# Consent notices that need not name cookies: the IAB consent framework's banner ("We and our
# 842 partners store and/or access information on a device"), consent given by a click ("Mit
# dem Klick auf „Zustimmen“ willigen Sie ... ein"), content held back until the reader consents
# ("Ce contenu est bloqué car vous n'avez pas accepté les cookies", "Externer Inhalt: ..."), and
# the choice between reading with ads and tracking or paying ("Werbefrei lesen mit dem PUR-Abo
# oder mit Werbung und Tracking zustimmen").
_CONSENT_WORD = (r"(?:agree|consent\w*|accept\w*|einwillig\w*|zustimm\w*|einverstanden|zustimmung|acept\w*|consentimiento"
                 r"|aceit\w*|concord\w*|accett\w*|acconsent\w*|consenso|consentimento|cookies?|tracking)")
_AD_BLOCKER = (r"^(?=.*\b(?:ad-?blocker\w*|adblock\w*|ad blocker\w*|werbeblocker\w*|bloqueur\w* de pub\w*|bloqueador(?:es)? de"
               r" (?:anuncios|publicidad|an[úu]ncios|publicidade)|blocco (?:degli )?annunci|blocca-?pubblicit[àa])\b)(?=.*\b(?:you|your|sie"
               r"|ihr|ihren|vous|votre|usas|usted|tienes|tu|ti|hai|stai|voc[êe]|est[áa]s|detect\w*|d[ée]tect\w*|erkannt|rilevat\w*"
               r"|disabl\w*|deaktivier\w*|d[ée]sactiv\w*|desactiv\w*|disattiv\w*|desativ\w*|whitelist\w*|turn off)\b)")
# Viewing held-back content needs consent: "To view this embedded content, please allow social media cookies",
# "Per vedere questo video devi prestare il consenso"; loading it is consenting ("Mit dem Laden des Videos
# akzeptieren Sie ..."); a privacy notice's label; the reader's own consent ("Ich bin einverstanden, dass
# mir externe Inhalte angezeigt werden").
_CONSENT_TO_VIEW = (r"\b(?:to (?:view|see|watch|display|show|load)|um (?:diese[nsm]?|den|das|die) .{0,30}(?:zu sehen|anzuzeigen|abzuspielen)"
                    r"|pour (?:voir|afficher|regarder|lire|visionner)|para (?:ver|visualizar|mostrar|assistir)|per (?:vedere|visualizzare"
                    r"|guardare))\b.{0,60}\b(?:cookies?|consent\w*|zustimm\w*|einwillig\w*|consentimiento|consenso|consentimento"
                    r"|datenschutz\w*|privacy|confidentialit[ée]|privacidad|privacidade)"
                    r"|\b(?:by loading|mit dem laden|beim laden|en chargeant|al cargar|caricando|ao carregar)\b.{0,60}\b(?:accept|agree"
                    r"|akzeptier|zustimm|einverstanden|accepte|acept|accett|aceit|concord)\w*"
                    r"|^(?:datenschutzhinweis|privacy notice|avis de confidentialit[ée]|aviso de privacidad|informativa (?:sulla )?privacy"
                    r"|aviso de privacidade)\s*:"
                    r"|\b(?:ich bin (?:damit )?einverstanden|i agree|j['’]accepte|acepto|accetto|aceito|concordo)\b.{0,60}\b(?:extern\w*"
                    r"|external|cookies?|inhalte|content|contenu|contenido|contenuto|conte[úu]do|daten|data|donn[ée]es|datos|dati|dados)\b")
# An embed's notice and a banner's opening line: "An dieser Stelle finden Sie einen externen Inhalt von
# Instagram", "Your privacy is important to us".
_EMBED_AND_PRIVACY = (r"\ban dieser stelle finden sie (?:einen )?(?:externen )?inhalt|\bexterne[nr]? inhalt\w*\b.{0,60}\b(?:instagram"
                      r"|youtube|x|twitter|facebook|tiktok|vimeo|spotify|datawrapper|podcast|google)\b"
                      r"|\b(?:your privacy (?:is important|matters)|ihre privatsph(?:ä|ae)re (?:ist uns wichtig|liegt uns am herzen)"
                      r"|votre vie priv[ée]e (?:est importante|compte)|tu privacidad (?:es importante|nos importa)"
                      r"|(?:la )?tua privacy (?:[èe] importante|ci sta a cuore)|a sua privacidade (?:[ée] importante|importa))")
CONSENT_NOTICE = re.compile(
    r"\b(?:we and our|wir und unsere|nous et nos|nosotros y nuestros|noi e i nostri|n[óo]s e os nossos)\s+(?:\d[\d.,]*\s+)?"
    r"(?:partners?|partenaires|socios|parceiros)\b|\b(?:our partners and we|nos partenaires et nous|unsere partner und wir"
    r"|nuestros socios y nosotros|i nostri partner e noi|os nossos parceiros e n[óo]s)\b"
    r"|\b(?:by clicking|mit (?:dem |einem )?klick auf|durch (?:den |einen )?klick auf|en cliquant sur|al (?:hacer|pulsar|dar) (?:clic|click)"
    r"|cliccando su|facendo clic su|ao clicar em|by continuing|en poursuivant|en continuant|wenn sie (?:weiter(?:surfen|lesen)?|fortfahren)"
    r"|al continuar|continuando (?:a navigare|la navigazione)|ao continuar)\b.{0,80}\b" + _CONSENT_WORD +
    r"|\bt[ée]moins de (?:navigation|connexion)\b" +
    r"|\b(?:content|inhalt|contenu|contenido|contenuto|conte[úu]do)\b.{0,20}\b(?:blocked|blockiert|gesperrt|bloqu[ée]|bloqueado"
    r"|bloccato|(?:not|no|nicht|pas|non|n[ãa]o) (?:\w+ )?(?:available|disponible|verf[üu]gbar|disponibile|dispon[íi]vel))\b.{0,80}\b"
    + _CONSENT_WORD +
    r"|^(?:externer inhalt|external content|contenu externe|contenido externo|contenuto esterno|conte[úu]do externo)\s*:"
    r"|^(?=.*\b(?:werbefrei|ohne werbung|ad-?free|without ads|sans publicit[ée]|sin publicidad|senza pubblicit[àa]"
    r"|sem (?:publicidade|an[úu]ncios))\b)(?=.*\b(?:" + _CONSENT_WORD + r"|(?:oder|or|ou|o|oppure)\b.{0,40}\b(?:abo|subscri|abonn"
    r"|suscrip|abbonament|assinatura)\w*))|" + _AD_BLOCKER + "|" + _CONSENT_TO_VIEW + "|" + _EMBED_AND_PRIVACY,
    I,
)

# Every alternative of CONSENT_NOTICE holds one of these, lower-cased (as READER_OFFER_STEMS).
CONSENT_NOTICE_STEMS = (
    "partner", "partenaire", "socios", "parceiros", "agree", "consent", "accept", "einwillig", "zustimm", "einverstanden",
    "acept", "aceit", "concord", "accett", "acconsent", "consenso", "consentim", "cookie", "tracking", "akzeptier",
    "témoin", "temoin", "extern", "estern", "werbe", "ad-free", "adfree", "without ads", "publicit", "publicid",
    "pubblicit", "anúncio", "anuncio", "block", "bloqu", "blocc", "datenschutz", "privacy", "confidentialit", "privacidad",
    "privatsph", "vie priv",
)

# A quotation in any of the six languages' marks: "…", “…”, «…», „…“, »…«.
QUOTATION = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|»[^«]*«')

# A short line naming a newsletter: "Pick Six Newsletter", "The Morning Briefing newsletter".
NEWSLETTER_NAME = re.compile(r"^(?:[\w'’&-]+ ){0,5}newsletters?[.!]?$", I)

# Reader prompts around comments and sharing.
READER_PROMPT = re.compile(
    r"^(?:tell us what you think|what do you think|have your say|join the (?:conversation|discussion)"
    r"|like this (?:story|article)\?|share (?:it|this) with a friend|did you (?:like|enjoy) this"
    r"|was this (?:article|story) (?:helpful|useful)|sag(?:en sie)? uns (?:ihre )?meinung|donnez votre avis"
    r"|was meinen sie|diskutieren sie mit|qu'en pensez-vous|¿?qu[ée] opinas|dinos qu[ée] piensas|cosa ne pensi|o que voc[êe] acha)"
    r"|click to tweet$",
    I,
)

# Taxonomy and reading-time furniture: "Filed under: X |", "Tags:", "Reading time: 2 minutes".
TAXONOMY = re.compile(
    r"^(?:filed under|tags?|tagged|topics?|categor(?:y|ies)|schlagw(?:o|ö)rter|themen|mots[- ]cl(?:e|é)s"
    r"|etiquetas|categoria|categoría|sections?)\b\s*:?"
    r"|^(?:reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura)\s*:?\s*\d",
    I,
)

# A line that is only a link, an e-mail address or a handle, or a label and links ("Listen: URL").
LINK_LINE = re.compile(
    r"^(?:[\w ]{1,30}:\s*)?(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?:twitter|x|instagram|facebook)\.com/\S+|@\w{2,30})"
    r"(?:\s+(?:and|&|or|,)?\s*(?:https?://\S+|@\w{2,30}))*[.,]?$",
    I,
)
URL = re.compile(r"(?:https?://|www\.)\S+", I)

# Headline links with a section tag: "CDC names EIGHT deadly diseases [WARNING]".
TAGGED_LINK = re.compile(r"\[(?:[A-Z][A-Z ]{1,20}|related:?[^\]]*)\]\s*\|?$|^\[related\b", I)

# A short line with a date and a clock time: "November 20, 2019 - 11:28 AMT".
DATE_AND_TIME = re.compile(r"(?:\b(?:19|20)\d{2}\b.{0,40}\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}[:h]\d{2}\b.{0,40}\b(?:19|20)\d{2}\b)")

# Source attributions: "SOURCE: Al Jazeera News", "Quelle: dpa".
SOURCE_LINE = re.compile(r"^(?:source|sources|quelle|quellen|source de l'article|fuente|fuentes|fonte|fonti|fontes)\s*:\s*\S.{0,60}$", I)

# Contact and follow lines at the end of articles: "Follow him on Twitter @x", "may be reached at".
FOLLOW_OR_CONTACT = re.compile(
    r"\bfollow (?:him|her|them|us|me|the [\w ]{1,40}|[A-Z][\w.]+(?: [A-Z][\w.]+)?) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|whatsapp|telegram"
    r"|youtube|tiktok|google news)\b"
    r"|\b(?:can|may) be (?:reached|contacted) (?:at|on|via)\b|\b(?:e-?mail|contact) (?:him|her|them|us|the author|[A-Z]\w+(?: [A-Z]\w+)?) at \S+@"
    r"|\bfollow (?:@\w+|ap's full coverage|our (?:full )?coverage)\b|\bhave a (?:news )?tip\?"
    r"|\b(?:folgen sie (?:uns|\w+(?: \w+)?)|folge uns|suivez(?:-nous| \w+(?: \w+)?)|s[íi]guenos|sigue a \w+(?: \w+)?|seguici|segui(?:teci)?|siga-nos|siga \w+(?: \w+)?)"
    r" (?:auf|bei|sur|en|su|no|nas|nos|on) (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|whatsapp|telegram|youtube|tiktok|google news)\b"
    r"|^(?:follow|folgen sie|folge|suivez|sigue|s[íi]guenos|segui|seguici|siga)\b.{0,50}\b(?:on|auf|bei|sur|en|su|no|nos|nas|in)\s+"
    r"(?:google (?:news|not[íi]cias|noticias|actualit[ée]s|notizie)|whatsapp|telegram|instagram|facebook|twitter|x|tiktok|youtube"
    r"|linkedin|threads|bluesky|mastodon)\s*[.!]?$"
    r"|\b(?:preferred sources? (?:on|in) google|als bevorzugte quelle|comme source pr[ée]f[ée]r[ée]e|como fuente preferida"
    r"|come fonte preferita|como fonte preferida)\b"
    r"|\b(?:ist|est|es|è|é) (?:erreichbar|joignable|contactable|raggiungibile|encontrad[oa]) (?:unter|à|en|a|al|em)\s+\S+@",
    I,
)
# Every alternative of FOLLOW_OR_CONTACT holds one of these, lower-cased (as READER_OFFER_STEMS):
# the pattern's search took 0.8 s of those 41,699 lines, the second costliest rule.
FOLLOW_OR_CONTACT_STEMS = ("follow", "reach", "contact", "@", "tip", "folg", "suivez", "sig", "síg", "segu", "source",
                           "quelle", "fuente", "fonte")
# Licensing notes of syndicated copies.
REPRINT_NOTICE = re.compile(r"\bfor your personal,? non-?commercial use\b|\bto order presentation-ready copies\b|\ball rights reserved\b", I)

# A syndicated story's last line, naming where it first ran: "This article was originally
# published by Futurism.", "Originally published on Live Science.", "Dieser Artikel erschien
# zuerst bei ...", "Cet article a été initialement publié ...", "Publicado originalmente en ...".
# It stays in the body (AEB's hand-checked bodies keep it); the splitter reads it as the story's end.
ORIGIN_NOTICE = re.compile(
    r"^[(\[*_—–-]*\s*(?:"
    r"(?:(?:this|the|a version of this) (?:article|story|post|piece|essay|column|interview|report)"
    r"(?: \w+){0,3} (?:was |has been |is )?)?(?:originally|first) (?:published|appeared|ran|posted)"
    r"|(?:this|the) (?:article|story|post|piece) (?:is|was) (?:republished|reproduced|adapted) from"
    r"|a version of this (?:article|story) (?:appeared|appears|was published) (?:originally |first )?(?:in|on)"
    r"|republished (?:with permission )?(?:from|by)"
    r"|(?:dieser|der) (?:artikel|beitrag|text) (?:ist |wurde |erschien )?(?:zuerst|ursprünglich|erstmals)"
    r"|(?:zuerst|erstmals|ursprünglich) (?:erschienen|veröffentlicht)"
    r"|cet (?:article|texte) (?:a (?:d'abord |initialement |originellement )?été|est (?:d'abord |initialement )?paru)"
    r"|(?:article|texte) (?:initialement|originellement|d'abord) (?:publié|paru)"
    r"|(?:este|esta) (?:artículo|texto|reportaje|nota) (?:fue|se) (?:publicad[oa]|publicó) (?:originalmente|originariamente|por primera vez|primero)"
    r"|(?:este|esta) (?:artículo|texto|reportaje|nota) (?:fue publicad[oa] |apareció )?(?:originalmente|originariamente|por primera vez)"
    r"|publicad[oa] (?:originalmente|originariamente|por primera vez) (?:en|por)"
    r"|questo (?:articolo|testo|pezzo) è (?:stato )?(?:originariamente |originalmente |inizialmente |già )?(?:pubblicato|apparso|uscito)"
    r"|(?:articolo )?(?:originariamente|originalmente|inizialmente) pubblicato (?:su|in|da)"
    r"|pubblicato (?:originariamente|originalmente|per la prima volta) (?:su|in|da)"
    r"|(?:este|esta) (?:artigo|texto|reportagem|matéria) foi (?:originalmente |inicialmente )?publicad[oa]"
    r"|(?:originalmente|inicialmente) publicad[oa] (?:em|no|na|pelo|pela)"
    r"|publicad[oa] originalmente (?:em|no|na|pelo|pela)"
    r")\b",
    I,
)

# Share widgets and social prompts.
SHARE_WIDGET = re.compile(
    r"^(?:share(?: (?:this|the))?(?: article| story| post| page)?(?: on| via| with)?|tweet(?: this)?|e-?mail"
    r"|print(?: this)?(?: article| story| page)?|link copied|correo(?: electr[óo]nico)?|whatsapp|facebook|twitter|x|linkedin|reddit|pinterest|telegram|click to share(?: on)?"
    r"|follow us(?: on)?|teilen(?: auf| per| via)?|(?:jetzt )?(?:auf|per|via|bei) \w+ teilen|artikel teilen|partager(?: sur| cet article)?|compart(?:ir|e)(?: en| esta noticia| este art[íi]culo)?"
    r"|(?:diesen )?artikel (?:teilen|drucken|versenden|merken)|drucken|imprimer"
    r"|imprimir|(?:compartilh|partilh)(?:e|ar)(?: (?:no|na|em|este artigo|esta not[íi]cia))?"
    r"|condividi(?: su| l'articolo| questo articolo| la notizia)?"
    r"|stampa|salva"
    # copying the page's address, with words around it: "Copy link to clipboard", "Copiar o link da matéria"
    r"|(?:copy|copier|copiez|copiar|copia|copie)\b.{0,30}\b(?:link|url|lien|enlace|adresse|address)\b.{0,30}"
    r"|(?:link|url|adresse)\b.{0,30}\bkopieren"
    r"|(?:share|teilen|partager|compartir|comparte|condividi|partilhar|partilhe|compartilhar|compartilhe)"
    r" (?:on|via|v[íi]a|per|par|por|auf|sur|su|em|no|na|con|with|mit|en) (?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|e-?mail|messenger|bluesky|threads)"
    r"|(?:envoyer|enviar|envie|env[íi]a|invia|send|senden)\b.{0,25}\b(?:par|por|per|by|via) (?:e-?)?mail\b.{0,25}"
    r"|r[ée]agir|(?:jetzt )?mitdiskutieren|diskutieren sie mit|comenta|commenta|comente|\d+ kommentare [–—-] (?:jetzt )?mitdiskutieren"
    r"|printable version|druckversion|version imprimable|versi[óo]n (?:para )?imprimir|versione stampabile|vers[ãa]o (?:para )?(?:impress[ãa]o|imprimir)"
    r"|comments?|\d+ comments?|leave a comment|view comments|show comments|kommentare|commentaires|comentarios"
    r"|\d+ (?:kommentare|commentaires|comentarios|commenti|coment[áa]rios)|commenti|coment[áa]rios|laisser un commentaire|dej[aá] (?:un|tu) comentario"
    r"|lascia un commento|deixe (?:um|seu) coment[áa]rio"
    r"|suivez-nous|s[íi]guenos|seguici|siga-nos|folgen sie uns|folge uns|(?:teilen sie|partagez|comparta|condividete|partilhem?|compartilhem?)"
    r" (?:diesen|cet|este|esta|questo|o|a) (?:artikel|article|art[íi]culo|articolo|artigo|not[íi]cia|noticia)|save(?: (?:this )?(?:article|story)| for later)?|(?:artikel )?merken"
    r"|sauvegarder|enregistrer(?: l'article)?|guardar(?: (?:art[íi]culo|artigo|noticia|not[íi]cia))?|salva(?: (?:l')?articolo)?"
    r"|link (?:copied|kopiert|copi[ée]|copiado|copiato)"
    r"|(?:print|imprimer|imprimir|stampa|drucken|e-?mail|envoyer|enviar|invia|senden|versenden)(?: (?:this|the|l'|la|el|o|a|den|diesen|questo|este|esta))?"
    r" ?(?:article|artikel|articolo|art[íi]culo|artigo|noticia|not[íi]cia|notizia|story|page|seite)"
    r"|(?:envoyer|enviar|invia|senden|versenden|send)(?= (?:by|per|par|por|via) )"
    r"|(?:partager|compartir|condividi|partilhar|compartilhar) (?:l'|el |o |la )?(?:article|art[íi]culo|articolo|artigo|noticia|notizia)"
    r"|(?:share|partager|compartir|condividi|partilhar|compartilhar)(?: (?:the|l'|el|la|o|il|le))? ?(?:url|link|lien|enlace|adresse)"
    r"|(?:url|link|lien) (?:teilen|partager)|artikel (?:per|via) e-?mail (?:versenden|senden|teilen|verschicken)"
    r"|(?:gift|verschenken|offrir|regalar|regala|oferecer|presentear)(?: (?:this|cet|este|esta|questo|o|el|l'|den|diesen))? ?"
    r"(?:article|story|artikel|beitrag|art[íi]culo|articolo|artigo|mat[ée]ria|noticia|notizia)|(?:artikel|beitrag) verschenken"
    r"|(?:diesen )?beitrag (?:teilen|drucken|versenden)|seite drucken|print (?:this )?page|imprimer (?:la|cette) page"
    r"|imprimir (?:la |esta )?p[áa]gina|stampa (?:la |questa )?pagina|imprimir (?:a |esta )?p[áa]gina)"
    r"(?:\s+(?:by|via|per|par|por|through) (?:e-?mail|correo(?: electr[óo]nico)?|correio(?: eletr[óo]nico)?|mail))?"
    r"(?:[\s:,|/·•]+(?:facebook|twitter|x|e-?mail|whatsapp|linkedin|reddit|pinterest|telegram|print|copy link|messenger|flipboard))*\s*[.:!]?$",
    I,
)
SOCIAL_NAMES = re.compile(r"\b(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|instagram|youtube|tiktok|e-?mail|messenger)\b", I)

# Read-more, related and recommendation teasers: a label at the start of a line.
# Content a brand paid for, said of the article itself: "Dieser Beitrag entstand in Zusammenarbeit mit
# den Stadtwerken", "Ce contenu a été produit par le Studio Partenaires pour ...", "Conteúdo apoiado por ...".
_THIS_CONTENT = (r"(?:this|dieser|diese|ce|cet|cette|este|esta|questo|questa)\s+(?:content|article|story|post|beitrag|artikel|inhalt"
                 r"|text|contenu|contenido|art[íi]culo|contenuto|articolo|conte[úu]do|artigo|mat[ée]ria)")
_MADE = (r"(?:produced|created|paid for|sponsored|supported|entstand|erstellt|produziert|gesponsert|produit|r[ée]alis[ée]|cr[ée][ée]"
         r"|sponsoris[ée]|elaborado|producido|patrocinado|realizzato|prodotto|sponsorizzato|produzido|apoiado)")
BRANDED_CONTENT = re.compile(
    rf"^{_THIS_CONTENT}\b.{{0,40}}\b(?:{_MADE}\b.{{0,40}}\b(?:for|by|with|für|von|mit|pour|par|avec|para|por|con|per|da|com|pel[oa])\b"
    r"|in zusammenarbeit mit|en collaboration avec|en colaboraci[óo]n con|in collaborazione con|em (?:parceria|colabora[çc][ãa]o) com)"
    rf"|^(?:content|inhalt|contenu|contenido|contenuto|conte[úu]do)\s+{_MADE}\s+(?:by|von|par|por|da|pel[oa]|de|für)\b",
    I,
)
# Listening to the article, with its running time: "Artikel anhören • 4:12 Min.", "Écouter l'article ▶ 3:05".
LISTEN_CONTROL = re.compile(
    r"^(?:(?:(?:artikel|beitrag|text) )?(?:anh(?:ö|oe)ren|vorlesen(?: lassen)?)|listen(?: to (?:this|the) (?:article|story))?"
    r"|[ée]couter(?: l['’]article| cet article)?|escuchar(?: (?:el|este) art[íi]culo| la noticia)?"
    r"|ascolta(?: l['’]articolo| questo articolo)?|ouvir(?: (?:o|este) (?:artigo|texto)| a not[íi]cia)?)"
    r"\s*[•·|▶►:–—-]?\s*\d{1,2}:\d{2}(?:\s*(?:min\.?|minutes?|minuten|minutos|minuti))?\s*$",
    I,
)
# A reader's control of the text's size: "Text size: A− A+", "Schriftgröße", "Taille du texte".
TEXT_SIZE = re.compile(
    r"^(?:(?:text|font) size|schriftgr(?:ö|oe)(?:ß|ss)e|textgr(?:ö|oe)(?:ß|ss)e|taille (?:du texte|des caract[èe]res|de (?:la )?police)"
    r"|tama[ñn]o (?:del? )?(?:texto|letra|fuente)|dimensione (?:del )?(?:testo|carattere)|tamanho (?:do texto|da (?:letra|fonte)))"
    r"[\sAa+−–:|-]*$",
    I,
)
READ_MORE = re.compile(
    r"^(?:read more|read next|read also|also read|see also|more from|more on this|more stories|more news"
    r"|related(?: articles?| stories| coverage| content| news| posts?| reading|(?=\s*:))|recommended(?: for you)?|you (?:may|might) (?:also )?like|don't miss|editor's picks?|trending(?: now)?|most (?:read|popular)|popular now"
    r"|top stories|latest news|click here|continue reading|keep reading|see more|also on [\w-]+\.\w+"
    r"|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weitere artikel|lire aussi|à lire aussi"
    r"|a lire aussi|voir aussi|sur le même sujet|leer más|lee también|te puede interesar"
    r"|noticias relacionadas|leggi anche"
    r"|das könnte sie auch interessieren|empfohlene artikel|verwandte artikel|meistgelesen(?:e artikel)?|lesen sie hier"
    r"|à lire également|lire également|à voir aussi|sur le même th[èe]me|les plus lus|vous aimerez aussi|ces articles (?:pourraient|peuvent) vous int[ée]resser"
    r"|die meistgelesenen(?: artikel| beitr[äa]ge)?|(?:as |os )?mais lid[ao]s|(?:diese )?artikel k[öo]nnten sie (?:auch |ebenfalls )?interessieren"
    r"|quiz[áa]s? (?:tambi[ée]n )?te interese|ti potrebbero interessare(?: anche)?|(?:nos )?articles recommand[ée]s|more coverage(?: of| on)?"
    r"|(?:outras|otras|autres|altre|weitere) (?:not[íi]cias|noticias|articles|notizie|meldungen) (?:sobre|sur|su|zum) (?:o|el|le|il)? ?(?:tema|sujet|thema|argomento)"
    r"|lea también|lee además|tambi[ée]n te puede interesar|lo más le[íi]do|contenido relacionado|te recomendamos|puede interesarte"
    r"|potrebbe interessarti|ti potrebbe interessare|articoli correlati|i più letti|vedi anche|guarda anche"
    r"|leia também|veja também|mais lidas|not[íi]cias relacionadas|mat[ée]rias relacionadas|voc[êe] tamb[ée]m pode gostar"
    r"|recomendad[oa]s? para voc[êe]|confira também|mir[áa] tambi[ée]n|ti potrebbe piacere|te puede gustar|approfondiment[io]|para saber m[áa]s|pour aller plus loin"
    r"|descubre m[áa]s|descubra mais|d[ée]couvrez (?:plus|aussi)|scopri di pi[uù]|entdecken sie mehr|discover more"
    r"|(?:recommand[ée]s?|recomendad[oa]s?|consigliat[ie]) (?:pour vous|para (?:ti|usted)|per te)|empfehlungen f[üu]r (?:sie|dich)|recomendad[oa]s? para si"
    r"|empfehlungen der redaktion|(?:la )?s[ée]lection de la r[ée]daction|(?:les )?choix de la r[ée]daction"
    r"|(?:la )?selecci[óo]n (?:del editor|de la redacci[óo]n)|(?:la )?scelta della redazione|escolhas do editor|(?:voc[êe] )?pode (?:tamb[ée]m )?gostar|ver tambi[ée]n|m[áa]s noticias|mehr nachrichten"
    r"|plus d'actualit[ée]s|altre notizie|mais not[íi]cias|weitere nachrichten|plus d'infos|mehr anzeigen|(?:en )?voir plus"
    r"|ver m[áa]s|vedi (?:di )?pi[uù]|mostra (?:di )?pi[uù]|ver mais|lire plus|read this next|what to read next"
    r"|(?:lesen sie )?als n[äa]chstes(?: lesen)?|(?:à )?lire ensuite|a continuaci[óo]n|leia a seguir|a seguir"
    r"|most (?:viewed|shared)|meistgesehen|am meisten gelesen|(?:les )?(?:articles )?(?:les )?plus (?:lus|vus|partag[ée]s)"
    r"|lo m[áa]s (?:visto|compartido)|(?:los |las )?m[áa]s (?:le[íi]d[oa]s|vist[oa]s)|(?:i )?pi[uù] (?:letti|visti|condivisi)"
    r"|(?:as )?mais (?:vistas|vistos|partilhadas|compartilhadas)(?: da semana| do dia)?"
    r"|more on (?:this )?(?:topic|subject)|more from this section|weitere artikel zum thema|mehr aus (?:dem ressort|der rubrik)"
    r"|nos articles sur le (?:m[êe]me )?sujet|(?:plus|à lire) dans la rubrique|m[áa]s sobre (?:este|el) tema|(?:tambi[ée]n )?en la (?:misma )?secci[óo]n"
    r"|dalla stessa sezione|altro su questo (?:tema|argomento)|mais sobre (?:o|este) (?:tema|assunto)|na mesma (?:se[çc][ãa]o|sec[çc][ãa]o)"
    r"|das k[öo]nnte sie interessieren|(?:auch )?lesenswert|à d[ée]couvrir(?: aussi)?|vous pourriez (?:aussi )?aimer"
    r"|(?:tambi[ée]n )?le puede interesar|potrebbe interessarti anche|(?:tamb[ée]m )?(?:pode|poder[áa]) (?:lhe |te )?interessar"
    r"|read the full (?:story|article)|(?:den )?ganzen artikel lesen|lire l'article(?: complet)?|leer (?:la noticia|el art[íi]culo)(?: completo)?"
    r"|leggi l'articolo(?: completo)?|leia (?:a mat[ée]ria|o artigo)(?: completo| completa)?)\b\s*[:|»>–—-]?",
    I,
)

# Generic words that are a teaser's label only when a colon or dash follows, or alone.
# A link to another story, an arrow before its headline: "» Home Depot sales miss, shares plunge",
# "› Atendimento Domiciliar registra arrombamento", "» Markets on a high; time to be careful?" (a
# headline may ask or exclaim). Not German's quotation opened by "»", which "«" closes ("»Wir
# wollen mehr Radwege«, sagte sie."), nor a sentence.
ARROW_TEASER = re.compile(r"^\s*[»›→▸►]\s*(?=[A-ZÀ-Þ0-9\"“‘'])(?![^\n]*«)[^\n]*[^\s.!?:;,][?!]?\s*$")
TEASER_LABEL = re.compile(
    r"^(?:more|also|watch|listen|video|photos|gallery|mehr|aussi|más|anche|mais|weiterlesen|zum thema|passend dazu"
    r"|lire la suite|en savoir plus|à découvrir|seguir leyendo|sigue leyendo|más información|continua a leggere"
    r"|per saperne di più|approfondisci|correlati|leggi (?:pure|di più)|continue lendo|saiba mais|confira(?: mais)?|leia mais|veja mais|galerie|galería|galleria|galeria|v[íi]deo"
    r"|(?:more|other|related|similar|recommended|top) (?:articles|stories|headlines|topics|news|reading)"
    r"|(?:mehr|weitere|verwandte|[äa]hnliche|empfohlene|top)[- ](?:artikel|themen|nachrichten|beitr[äa]ge|meldungen)"
    r"|(?:plus d'|d'autres |autres )articles|(?:à voir|à lire) (?:aussi|également)|dans la m[êe]me rubrique"
    r"|(?:m[áa]s|otros|otras) (?:art[íi]culos|noticias|temas)|te (?:sugerimos|recomendamos)|relacionad[oa]s?"
    r"|related|(?:altri|pi[uù]) articoli|ti (?:consigliamo|suggeriamo)|correlat[oia]"
    r"|mais (?:artigos|not[íi]cias)|recomendamos|sugerimos|relacionad[oa]s?"
    r"|popular (?:stories|articles|now)|beliebte (?:artikel|beitr[äa]ge)|articles populaires|art[íi]culos populares|articoli popolari"
    r"|artigos populares|further reading|in other news|pour aller plus loin|para saber m[áa]s|per approfondire|para saber mais"
    r"|weiterf[üu]hrende (?:artikel|links)|lesen sie dazu(?: auch)?|à lire sur le m[êe]me sujet|don'?t miss|nicht verpassen|à ne pas manquer"
    r"|no te pierdas|da non perdere|n[ãa]o perca|(?:read|lire|leer|leggi|ler|lesen) (?:more|plus|m[áa]s|altre|mais|mehr)"
    r"(?: (?:stories|news|noticias|notizie|not[íi]cias|artikel|articles))?(?: like this)?|mehr lesen|en lire plus"
    r"|(?:les )?articles similaires|art[íi]culos similares|articoli simili|artigos (?:semelhantes|similares)|similar (?:articles|stories)"
    r"|more to (?:explore|read|discover)|mehr zu (?:diesem|dem) thema|m[áa]s (?:informaci[óo]n )?sobre (?:este|el) tema"
    r"|altri articoli (?:sul|su questo) (?:tema|argomento)"
    r"|(?:next|previous) (?:article|story)|(?:zum )?n[äa]chste[nr]? (?:artikel|beitrag)|article (?:suivant|pr[ée]c[ée]dent)"
    r"|(?:art[íi]culo|noticia) (?:siguiente|anterior)|siguiente (?:art[íi]culo|noticia)|(?:articolo|notizia) (?:successiv[oa]|precedente)"
    r"|pr[óo]xim[oa] (?:artigo|mat[ée]ria|not[íi]cia)|(?:artigo|mat[ée]ria|not[íi]cia) (?:seguinte|anterior))\s*(?:[:|»>–—➜➔→▶►]|$)",
    I,
)

# Advertisement markers: whole lines.
ADVERTISEMENT = re.compile(
    r"^[\s*·•|–—-]*(?:advertisement|advertising|ad|sponsored(?: content| post)?|paid (?:content|post|partner)"
    r"|(?:promoted|partner|branded|paid) (?:content|post|story|article)|ad (?:feedback|choices)|adchoices"
    r"|bezahlter (?:inhalt|beitrag)|partnerinhalt|publi-?r[ée]dactionnel|publi-?reportage|contenu (?:partenaire|de marque|payant)"
    r"|contenido (?:de marca|pagado)|publirreportaje|contenuto (?:a pagamento|di marca)|sponsorizzato|pubbliredazionale"
    r"|conte[úu]do (?:de marca|pago)|publieditorial|publi-?r?reportagem|contenu commandit[ée]|commandit[ée](?: par)?|werbeanzeige|annonce publicitaire|anuncio publicitario"
    r"|annuncio pubblicitario|an[úu]ncio publicit[áa]rio|publicite|ad content|paid partnership|partenariat|promotion|anzeigen"
    r"|sponsored links|liens sponsoris[ée]s|enlaces patrocinados|link sponsorizzati|links patrocinados"
    r"|promot(?:ional|ed) content|contenu promotionnel|contenido promocional|contenido promocionado|contenuto promozionale|conte[úu]do promocional"
    r"|(?:sponsored|patrocinado|gesponsert|sponsoris[ée]|sponsorizzato|patrocinad[oa]) (?:by|por|von|par|da)"
    r"|(?:contenido|contenu|contenuto|conte[úu]do) (?:patrocinado|sponsoris[ée]|sponsorizzato) (?:por|par|da)"
    r"|(?:der )?artikel (?:wird )?(?:unten )?fortgesetzt|la suite (?:ci-dessous|plus bas)|l'article continue (?:ci-dessous|plus bas)"
    r"|(?:la noticia|el art[íi]culo) contin[úu]a (?:abajo|debajo)|(?:l'articolo|la notizia) continua (?:sotto|pi[uù] in basso)"
    r"|(?:a not[íi]cia|o artigo|a mat[ée]ria|o texto) continua (?:abaixo|a seguir)"
    r"|(?:the )?(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?"
    r"|paid partner (?:content|post)s?(?: (?:from|by) [^\s.,;][^.,;]{0,40})?|promocionad[oa]|promoss[oa]|promovid[oa]"
    r"|informe publicit[áa]rio|aviso publicitario|informazione pubblicitaria(?: a cura di [^\s.,;][^.,;]{0,40})?"
    r"|(?:sponsored links|presented|brought to you|offered|pr[äa]sentiert|pr[ée]sent[ée]|propos[ée]|ofrecido|presentado|offerto"
    r"|presentato|oferecido|apresentado) (?:by|von|par|por|da) (?:our |unserem |notre |nuestro |il nostro |o nosso )?partner\w*"
    r"|sponsored links (?:by|from) [^\s.,;][^.,;]{0,30}"
    r"|scroll (?:down )?to continue(?: (?:with|reading) (?:content|article))?|continue reading below"
    r"|anzeige|werbung|publicité|publicidad|pubblicità|annonce|reklame|publicidade|an[úu]ncio|pub"
    r"|gesponsert|gesponserte[rs]? (?:inhalt|beitrag|artikel|link)|annuncio|sponsored by \S.{0,40}|promoted|sponsoris[ée]e?"
    r"|(?:sponsored content|paid content|contenu sponsoris[ée]|contenu commandit[ée]|contenido patrocinado|contenuto sponsorizzato|conte[úu]do patrocinado"
    r"|patrocinad[oa]|sponsorizzat[oa]|gesponsert) (?:by|par|por|da|von) [^\s.,;][^.,;]{0,40}"
    r"|(?:ads|anzeigen?|annonces|anuncios|annunci|an[úu]ncios)(?: (?:by|von|de|da|di|par))? google|contenu sponsoris[ée]|contenido patrocinado|patrocinado|contenuto sponsorizzato|conte[úu]do patrocinado"
    r"|(?:der )?artikel (?:wird )?(?:nach|unter) der (?:anzeige|werbung)(?: fortgesetzt| weiter)?|(?:weiter|weiterlesen|lesen sie weiter) nach der (?:anzeige|werbung)"
    r"|la suite (?:de l['’]article )?(?:après|sous) (?:cette|la) (?:publicit[ée]|annonce)|l['’]article continue (?:ci-dessous|après la publicit[ée])"
    r"|(?:la noticia |el art[íi]culo )?contin[úu]a (?:despu[ée]s de|tras) (?:la|el|este) (?:publicidad|anuncio)"
    r"|(?:sigue|contin[úu]a) leyendo (?:despu[ée]s|tras|bajo)(?: de)? (?:la |el |del |este )?(?:publicidad|anuncio)"
    r"|continua a leggere (?:dopo|sotto) (?:la )?pubblicit[àa]"
    r"|(?:l'articolo )?continua (?:dopo|sotto) (?:la )?pubblicit[àa]|(?:a mat[ée]ria |o texto )?continua (?:ap[óo]s|depois d)[ao]? (?:a )?publicidade)"
    r"(?:\s*[-–—:|]\s*(?:scroll (?:down )?to continue(?: reading)?|continue reading(?: below)?|story continues below"
    r"|(?:der )?artikel (?:wird )?(?:unten )?fortgesetzt|weiterlesen unten|la suite (?:de l'article )?(?:ci-dessous|plus bas)"
    r"|sigue leyendo|contin[úu]a leyendo|continua a leggere|continue a ler|continue lendo|continue reading below))?[\s*·•|:.–—-]*$"
    r"|^(?:advertisement|anzeige|publicit[ée]|publicidad|pubblicit[àa]|publicidade) (?:continue reading below|continue reading|weiterlesen)$",
    I,
)

# A clock time alone on its line, as live blogs and tickers stamp their entries: "14:05",
# "9:40 a.m. ET", "14.05 Uhr", "14h05", "ore 14:05", "às 14h05", "14:05 CET".
CLOCK_TIME_LINE = (
    r"(?:(?:ore|um|à|a las|alle|às|at)\s)?\d{1,2}(?:[:h]\d{2}|\.\d{2}(?= ?uhr))(?: ?[ap]\.?m\.?)?"
    r"(?: ?(?:uhr|h|hrs|[a-z]{2,4}))?"
)
# A relative time alone on its line: "5 minutes ago", "vor 5 Minuten", "il y a 5 minutes",
# "hace 5 minutos", "5 minuti fa", "há 5 minutos" (seconds, minutes, hours or days).
RELATIVE_TIME_LINE = (
    r"(?:updated |aktualisiert |mis à jour |actualizado |aggiornato |atualizado )?"
    r"(?:(?:\d{1,3}|an?|one) (?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?) ago"
    r"|vor (?:\d{1,3}|einer?) (?:sekunden?|minuten?|min|stunden?|std|tag(?:en)?)"
    r"|il y a (?:\d{1,3}|une?) (?:secondes?|minutes?|min|heures?|h|jours?)"
    r"|hace (?:\d{1,3}|una?) (?:segundos?|minutos?|min|horas?|h|días?|dias?)"
    r"|(?:\d{1,3}|un|una) (?:secondi|secondo|minuti|minuto|min|ore|ora|giorni|giorno) fa"
    r"|h[áa] (?:\d{1,3}|um|uma) (?:segundos?|minutos?|min|horas?|h|dias?))"
)
# Timestamps that are page furniture, not text: "Published 3:45 PM, Jan 13, 2025", "Updated: ...".
TIMESTAMP_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last (?:updated|modified)|first published|veröffentlicht|aktualisiert"
    r"|publié|mis à jour|publicado|actualizado)\b(?: on| at| am| le| el)?[:\s].{0,60}"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .{0,40}\d{4}.{0,20}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?)?(?: \w{2,4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}(?:,? \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}(?:,? \d{1,2}[:.]\d{2}(?: \w{2,4})?)?"
    rf"|{CLOCK_TIME_LINE}|{RELATIVE_TIME_LINE})$",
    I,
)

# Contributor and editing credits (moved to the article's credits).
CONTRIBUTOR_CREDIT = re.compile(
    r"(?:\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b|^(?:additional )?reporting by\b"
    r"|^(?:with )?(?:additional )?reporting (?:from|by)\b|\b(?:editing|writing|compiled|translated|produced) by\b"
    r"|^with files from\b|^this (?:story|article|report) (?:was|has been) (?:updated|corrected|written|reported|produced)\b"
    r"|^mitarbeit:|^avec (?:l'?afp|afp|reuters|ap)$|^\(?(?:mit )?(?:material|informationen) von\b"
    r"|^contribut(?:ing|ors?):|^with (?:[\w.]+ )?(?:wires|wire services|wire reports|news services)\.?$)",
    I,
)

# Author boxes: a label line, or "Written by NAME".
AUTHOR_LABEL = re.compile(r"^(?:author|authors|about the author|written by|autor(?:in)?|auteur|autora?|über den autor|à propos de l'auteur)\s*:?$", I)
WRITTEN_BY = re.compile(r"^(?:written by|words by|story by|text:?|texte\s*:|von|par|por)\s+(?P<names>[A-ZÀ-Þ][^\n]{1,80})$", I)
BYLINE = re.compile(r"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i)\s+(?P<names>[A-ZÀ-Þ][\w.'’-]+(?:\s+(?:[A-ZÀ-Þ][\w.'’-]+|de|da|van|von|der|al|bin|and|und|et|y|&|,)){0,8})(?:\s*[,|/–—-]\s*(?P<outlet>[^\n]{2,60}))?$")
NAME = re.compile(r"^[A-ZÀ-Þ][\w.'’-]+(?:\s+(?:[A-ZÀ-Þ][\w.'’-]+|de|da|van|von|der|del|al|bin|la|le)){1,4}$")

# A press release's closing profile of the company that issued it (what "boilerplate" first meant):
# an "About <Name>" heading, a paragraph opening "<Name> is a ...", and the facts such profiles give.
# The name is case-sensitive and opens with no article or pronoun ("About the study" heads a section
# of the story; "It is a ..." names nothing).
_PROFILE_NAME = (
    r"(?P<name>(?!(?:The|A|An|This|That|It|Its|Our|We|They|There|Here|He|She|Der|Die|Das|Es|Er|Sie|Le|La|Les|Il|Elle|"
    r"El|Los|Las|Lo|O|Os|As|Un|Una|Um|Uma|Ein|Eine)\b)[A-ZÀ-Þ0-9][\w&.’'+-]*"
    r"(?:\s(?:[A-ZÀ-Þ0-9&][\w&.’'+-]*|de|of|and|und|et|y|e|di|da|do|du)){0,5})"
)
ABOUT_COMPANY = re.compile(
    r"^(?i:about\s|über\s|à propos de\s|à propos d'|a propos de\s|acerca de\s|sobre\s|informazioni su\s|a proposito di\s)\s*"
    r"(?:(?:a|o|la|el|le|l'|il|lo)\s?)?" + _PROFILE_NAME + r"\s*:?$"
)
COMPANY_IS = re.compile(
    r"^(?:(?:The|A|O|La|El|Le|L'|Il|Lo)\s?)?" + _PROFILE_NAME + r"(?:\s\([^()\n]{1,40}\))?,?\s(?:is|are|ist|sind|est|sont|es|son|è|sono|é|são)\s"
    r"(?:a|an|the|one of|ein|eine|einer|der|die|un|une|le|la|l'|el|una|uno|il|lo|um|uma|o)\b"
)
# Kinds of company facts, in en, de, fr, es, it, pt: seat, staff, founding, listing, reach, address, size.
COMPANY_FACTS = tuple(re.compile(fact, I) for fact in (
    r"headquarter|based in|Hauptsitz|Sitz in|siège|basée? à|con sede|com sede|sede (?:en|in|em)",
    r"employ|Mitarbeiter|Beschäftigte|salariés|collaborateurs|employés|empleados|trabajadores|dipendenti|funcionários",
    r"founded|established in|gegründet|fondée?|fundad[ao]|fondat[ao]",
    r"listed on|stock exchange|NYSE|NASDAQ|Börse|bourse|cotée|Bolsa|Borsa|\((?:[A-Z]+:\s?)?[A-Z]{2,6}\)",
    r"subsidiar|offices in|\bcountries|Ländern|\bpays\b|países|paesi|Tochtergesellschaft|filiales",
    r"www\.|https?://",
    r"revenue|turnover|Umsatz|chiffre d'affaires|facturación|fatturato|faturamento",
))

# Bylines without a person: a desk, the staff, a correspondent or a wire agency signs the story
# ("By Staff Reporter", "From CNN Wire", "Von dpa", "Par Le Monde avec AFP", "Di Redazione").
# The word a byline opens with, in en, de, fr, es, it, pt ("Da Redação": from the newsroom).
# "from the": "Dalla nostra corrispondente", "Do nosso correspondente", "Du correspondant", "Vom Korrespondenten".
BYLINE_WORD = re.compile(r"^(?:by|from|von|vom|par|du|des|por|del|do|dos|das|di|dal|dalla|dai|dagli|dalle|da|de"
                         r"|a cura d(?:i|ella|el))\s+", I)
# Nouns that name a newsroom's people rather than a person; plural and feminine forms included.
DESK_NOUN = (
    r"(?:staff(?: (?:writers?|reporters?|members?|reports?))?|news|reporter(?:s|n|in|innen)?|writers?|correspondents?|(?:news |web |online |city |foreign |metro )?desk"
    r"|newsroom|bureau|team|editors|editorial (?:board|staff|team)|wires?(?: reports?)?|wire services?|news service|news agenc(?:y|ies)|agenc(?:y|ies)"
    r"|redaktion|korrespondent(?:in|en)?|nachrichtenagentur(?:en)?|agenturen|mitarbeiter(?:in)?"
    r"|r[ée]daction|correspondant(?:e|s|es)?|envoy[ée]e?s? sp[ée]cia(?:l|le|ux|les)|agences?|service (?:politique|économie|international|étranger)"
    r"|redacci[óo]n|corresponsal(?:es)?|enviad[oa]s? especial(?:es)?|agencias?"
    r"|redazione|corrispondente|inviat[oa]|agenzi[ae]"
    r"|reda[çc][ãa]o|correspondente|ag[êe]ncias?|enviad[oa]s? especiais?)"
)
# Determiners and possessives before a desk noun: "the", "our", "unserem", "notre", "nuestro", "la".
DESK_DETERMINER = (
    r"(?:the|our|a|an|unser(?:e[mnrs]?)?|die|der|den|dem|notre|nos|la|le|les|l'|el|los|las|nuestr[oa]s?"
    r"|il|lo|i|gli|nostr[oa]|nostri|o|os|as|noss[oa]s?|um|uma|un|une|uno|una)"
)
# A publication or desk name: one to four capitalised words, particles between them ("Le Monde",
# "Mail Online", "Times of India", "El Diario de Sevilla").
OUTLET_NAME = r"(?:[A-ZÀ-Þ][\w'’.&-]*(?:\s+(?:(?:of|the|de|la|del|di|da|do|du|des|der|die)\s+)?[A-ZÀ-Þ][\w'’.&-]*){0,3})"
# A broadcaster or paper by its initials: "By NPR", "Von ARD", "Par RFI" (a byline word before it).
ACRONYM = re.compile(r"[A-ZÀ-Þ]{3,5}")
# A place a correspondent writes from: "in Paris", "aus Brüssel", "à Kyiv", "em Lisboa".
DESK_PLACE = r"(?:\s+(?:in|at|from|aus|à|en|a|em|no|na)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2})"
DESK_PHRASE = re.compile(
    rf"^(?:{DESK_DETERMINER}\s+)?(?:{OUTLET_NAME}\s+)?(?i:{DESK_NOUN})(?:\s+{OUTLET_NAME})?{DESK_PLACE}?$"
)
# A wire agency by a name it signs with: short codes in their own case ("AP", "dpa"), longer
# names in any case, maybe after the word for agency ("Agencia EFE", "Nachrichtenagentur dpa").
_AGENCY_CODES = sorted({form for key, name in AGENCIES.items() if len(key) <= 4 for form in (key.upper(), name)}, key=len, reverse=True)
_AGENCY_NAMES = sorted((key for key in AGENCIES if len(key) > 4), key=len, reverse=True)
AGENCY_NAME = re.compile(
    r"(?:(?i:agency|agence|agencia|agência|agenzia|nachrichtenagentur|the)\s+)?(?:"
    + "|".join(re.escape(code) for code in _AGENCY_CODES) + "|(?i:" + "|".join(re.escape(name) for name in _AGENCY_NAMES) + "))"
)
# What joins the signers of one byline: "and", "und", "et", "y", "e", "with", "mit", "avec", "con", "com".
# A joining word stands between spaces: "TIMESOFINDIA.COM" is one outlet, not "TIMESOFINDIA." with "com".
_JOINING_WORD = r"(?:and|und|et|y|e|with|mit|avec|con|com)\s+"
BYLINE_JOINER = re.compile(rf"\s*(?:,|;|&|\+|/)\s*(?:{_JOINING_WORD})?|(?:^|\s+){_JOINING_WORD}", I)
# Lines that sign a story for the newsroom with no byline word: "Redacción", "Staff and agencies".
NEWSROOM_LINE = re.compile(
    rf"^(?-i:{OUTLET_NAME}\s+)?(?:staff and agencies|with agencies|mit agenturen|avec agences|con agencias|com ag[êe]ncias"
    r"|(?:la |da |a )?(?:r[ée]daction|redacci[óo]n|redazione|reda[çc][ãa]o|redaktion))$",
    I,
)

# Credit lines that name each person's part: "Reporting by A; Editing by B", "Mitarbeit: C",
# "Traduit par D", "Con información de E", "Hanno collaborato F", "Reportagem de G". Each label
# with the role it gives the names after it; "contributed" forms give it to the names before.
CREDIT_ROLE_LABELS = (
    ("additional_reporting", r"(?:with )?additional reporting (?:by|from)|(?:with )?files from|contributing|contributors?"
                             r"|mitarbeit|material von|informationen von"
                             r"|avec la collaboration de|con (?:la )?colaboraci[óo]n de|con informaci(?:ón|ones) de|ha(?:nno)? collaborato"
                             r"|con la collaborazione di|colabora[çc][ãa]o(?: de)?|com informa[çc][õo]es d[aeo]s?|colaborou"),
    ("reporting", r"(?:with )?reporting (?:by|from)|reported by|recherche|reportage(?: de)?|propos recueillis par|enqu[êe]te"
                  r"|informaci[óo]n de|reportaje de|servizio di|reportagem(?: de)?"),
    ("writing", r"writing by|written by|words by|story by|compiled by|text|texte|texto(?: de)?|testo(?: di)?|r[ée]dig[ée] par"
                r"|escrito por|scritto da"),
    ("editing", r"editing by|edited by|produced by|redigiert von|bearbeitet von|redaktion|[ée]dit[ée] par|[ée]dition|edici[óo]n(?: de)?"
                r"|editado por|a cura d(?:i|ella|el)|edi[çc][ãa]o(?: de)?"),
    ("photo", r"photos? by|photographs? by|photography(?: by)?|photos?|fotos?(?: (?:de|di|von))?|bilder|fotograf[íi]as?(?: de)?"),
    ("translation", r"translated(?: from (?:the )?\w+)? by|translation(?: by)?|übersetzung|übersetzt von|aus dem \w+en (?:übersetzt )?von|traduit(?: de l'\w+)? par"
                    r"|traduction|traducci[óo]n(?: de)?|traducido por|traduzione(?: di)?|tradotto da|tradu[çc][ãa]o(?: de)?|traduzido por"),
)
CREDIT_ROLE_LABEL = re.compile(
    r"(?:^|(?<=[;,.|]))\s*(?:" + "|".join(f"(?P<{role}>{label})" for role, label in CREDIT_ROLE_LABELS) + r")\s*:?\s+(?=(?-i:[A-ZÀ-Þ]))",
    I,
)
# "... contributed to this report": the names before it added reporting.
CONTRIBUTED = re.compile(
    r"\b(?:contributed(?: to)?(?: this| the)?(?: report(?:ing)?| story| article)?|contributed reporting"
    r"|a (?:contribué|collaboré) à (?:cet|cette) (?:article|enquête)|colabor[óo] (?:en|con) (?:esta|este) (?:informaci[óo]n|nota|reportaje)"
    r"|hat an diese[mr]? (?:artikel|bericht|beitrag) mitgearbeitet|ha(?:nno)? collaborato a (?:questo|quest') ?(?:articolo)?"
    r"|colaborou (?:com|para) (?:esta|este) (?:reportagem|texto|mat[ée]ria))\b",
    I,
)
# A short credit line that is only role labels and names: at the start, a label then a name.
CREDIT_LABEL_LINE = re.compile(
    r"^(?:" + "|".join(label for _, label in CREDIT_ROLE_LABELS) + r")\s*:?\s+(?-i:[A-ZÀ-Þ])",
    I,
)

# AI authorship disclosed in an author box or a disclosure line.
AI_DISCLOSURE = re.compile(
    r"(?:\b(?:an? )?(?:AI|A\.I\.)[- ](?:journalist|writer|reporter|author|assistant|model|system|tool|generated|powered|created|written)"
    r"|\bartificial intelligence\b.{0,40}\b(?:journalist|writer|reporter|author|generated|wrote|written|produced)"
    r"|\b(?:generated|written|produced|created|drafted)\s+(?:by|with|using)\s+(?:the (?:help|assistance) of\s+)?(?:an? )?(?:AI|A\.I\.|artificial intelligence|ChatGPT|GPT[-\w]*|(?:a )?large language model|LLM)\b"
    r"|\bmachine[- ]generated\b|\bAI[- ]assisted\b|\bautomated (?:journalism|article|news|report)"
    r"|\b(?:KI|IA)[- ](?:generiert|erstellt|généré|generado)|\bmit (?:hilfe von )?KI (?:erstellt|generiert))",
    I,
)

# Key points: a list item marker at the start of a line, and the headings such lists carry.
# An interview's question or answer label: "Q: ...", "Frage: ...", "Pergunta: ...".
INTERVIEW_LABEL = re.compile(
    r"^(?:q|a|p|r|d|f|frage|antwort|question|réponse|pregunta|respuesta|domanda|risposta|pergunta|resposta)\s?:\s", I
)
BULLET = re.compile(r"^(?:[-•*·–▪●◦‣]|\d{1,2}[.)])\s+(?=\S)")
KEY_POINTS_HEADING = re.compile(
    r"^(?:key (?:points|takeaways|facts)|highlights|summary|in brief|at a glance|the big picture|tl;?dr"
    r"|das wichtigste(?: in kürze)?|en bref|l'essentiel|en resumen|lo más importante)\s*:?$",
    I,
)

# Inline citation markup: "([source](URL))" and markdown links "[anchor](URL)".
CITATION_PARENTHESISED = re.compile(r"\s*\(\s*\[(?P<anchor>[^\]\n]{0,80})\]\((?P<url>https?://[^)\s]+)\)\s*\)")
MARKDOWN_LINK = re.compile(r"\[(?P<anchor>[^\]\n]{1,200})\]\((?P<url>https?://[^)\s]+)\)")
SOURCE_ANCHOR = re.compile(r"^(?:source|sources|link|here|via|\d{1,3}|quelle|fuente)$", I)

# Photo credits: inside a caption's trailing parentheses, or a line of its own.
PHOTO_WORDS = r"(?:photo|foto|photograph|image|picture|pic|credit|courtesy|getty|reuters|afp|ap|epa|dpa|shutterstock|alamy|pool|file|handout|xinhua|anadolu|bloomberg|imago|keystone|efe|ansa)"
TRAILING_CREDIT = re.compile(r"\s*\((?P<credit>[^()]{2,80})\)\s*$")
PHOTO_CREDIT_INSIDE = re.compile(rf"/|\b{PHOTO_WORDS}\b", I)
# A caption's credit after its last sentence with no colon, the agency and the photographer
# joined by a slash, as Italian sites print it: "... on Friday. Foto ANSA/Ciro Fusco".
TRAILING_SLASHED_CREDIT = re.compile(
    r"(?<=[.!?])\s+(?:photo|foto|bild|image)\s+(?P<credit>(?-i:[A-ZÀ-Þ][\w.'’&-]*(?:\s*/\s*[A-ZÀ-Þ][\w.'’&-]*)+"
    r"(?:\s+[A-ZÀ-Þ][\w.'’&-]*){0,3}))$",
    I,
)
PHOTO_CREDIT_LINE = re.compile(
    r"^(?:\(?(?:photo|foto|photograph|image|picture|pic|credit|bild|crédit|crédito|fotograf[íi]a|fotografia|imagem|immagine|imagen"
    r"|bildquelle|bildnachweis|fotonachweis|crédits? photos?|crédito da foto|cr[ée]dito de la foto|credito fotografico|foto di"
    r")s?(?: credit)?\s*[:/©]\s*[^\n]{2,80}\)?"
    # a graphic's or an illustration's maker, a name after the label ("Grafik: Sandra Lehmann", "Reprodução/Instagram"):
    # Reuters' "(Graphic: Global assets in 2019 - here)" links to a graphic and names none
    r"|(?:illustration|ilustraci[óo]n|ilustra[çc][ãa]o|illustrazione|grafik|graphic|gr[áa]fico|grafico|infografik|infographie"
    r"|infograf[íi]a|infografica|infographic|reprodu[çc][ãa]o|arte|karte|map|carte|mapa|mappa)s?\s*[:/©]\s*(?-i:[A-ZÀ-Þ][\w.'’-]*"
    r"(?:(?:\s*(?:[A-ZÀ-Þ][\w.'’-]*|de|da|di|do|du|des|del|von|van|/|&|,)){0,6}"
    # with the source of its data after a bar or a slash: "Grafik: Tanja Weiss | Quelle: Statistisches Bundesamt"
    r"|(?:\s+[\w.'’-]+){0,3}\s*[|/]\s*(?i:source|sources|quelle|quellen|fuente|fuentes|fonte|fontes)\s*:\s*[^\n]{2,60}))"
    r"|credit(?:\.{3}|…)\s*(?-i:[A-ZÀ-Þ])[^\n]{2,80}"
    r"|\(?(?:AP|AFP|Reuters|EPA|Getty Images|dpa|Xinhua|Anadolu|Bloomberg|Shutterstock)(?: Photo| Images)?(?:\s*/\s*[^\n]{2,60})?\)?"
    r"|©\s*[^\n]{2,60}|(?:image|photo) (?:copyright|source)\s*[^\n]{2,60}"
    r"|(?:photos?|fotos?|fotograf[íi]as?|illustration|ilustraci[óo]n|ilustra[çc][ãa]o|illustrazione|graphics?|infographics?"
    r"|grafik|infographie|infograf[íi]a) (?:by|von|de|di|da|do|par) (?-i:[A-ZÀ-Þ])[^\n]{2,60}"
    r"|(?:photo|image|foto|imagen|imagem|bild|fotograf[íi]a) (?:courtesy(?: of)?|cortes[íi]a(?: de)?|fournie par|cedida por|gentilmente concessa da)\s+[^\n]{2,60}"
    r"|(?:file|archive) (?:photo|image|picture)|(?:photo|image) d['’]archives?|(?:imagen|foto) de archivo|(?:foto|immagine) d['’]archivio|fotogramma|foto de arquivo|archivbild|archivfoto"
    r"|photo d['’]illustration|foto ilustrativa|imagen ilustrativa|foto di repertorio|symbolbild|symbolfoto|imagem ilustrativa"
    r"|(?:file|archive) (?:photo|image)|(?:photo|foto|bild) (?-i:AP|AFP|Reuters|EPA|dpa|ANSA|EFE|Lusa|Xinhua|LaPresse|Getty Images|Imago|Keystone|DR|D\.R\.)"
    r")(?:\s*[:./–—-]\s*[^\n]{2,60})?$"
    # a file or illustration photo with its photographer or agency: "Photo d'illustration Stéphane Mahé / Reuters"
    r"|^(?:(?:photo|image) d['’](?:illustration|archives?)|(?:foto|imagen|imagem) de archivo|foto d['’]archivio|archivbild|archivfoto|symbolbild"
    r"|symbolfoto|file photo)\s+(?-i:[A-ZÀ-Þ])[^\n]{1,60}$"
    # Italy's "Ph." before the photographer's name
    r"|^ph\.\s*(?-i:[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,3})$"
    # a screenshot said to be one, with what it was taken from: "Captura de video difundido en redes sociales"
    r"|^(?:captura de (?:v[íi]deo|pantalla|tela|ecr[ãa])|capture d['’][ée]cran|screenshot|screengrab|bildschirmfoto|fermo immagine"
    r"|print de tela)\b[^\n]{0,60}$"
    # the photographer and the outlet in capitals, as Québec's papers print them: "PHOTO MARTIN TREMBLAY, LA PRESSE"
    r"|^(?-i:(?:PHOTOS?|FOTOS?) [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,3}(?:, [A-ZÀ-Þ][A-ZÀ-Þ'’. -]{1,40})?)$",
    I,
)
LEADING_CREDIT = re.compile(r"^(?:photo|foto|image|credit|bild)\s*:\s*", I)
# A caption's credit after its last sentence, labelled but not in parentheses: "... on Monday. Foto: EFE".
TRAILING_LABELLED_CREDIT = re.compile(
    r"(?<=[.!?])\s+(?:photos?|fotos?|bild|image|picture|crédits?|créditos?|credits?)\s*[:/©]?\s+[^\n]{2,80}$", I
)
# A line that opens like a byline, with a name: "By Jane Doe", "Von dpa", "Di Redazione", "Da Redação",
# "From CNN Wire", "Par Marie Dupont, à Kiev". The name's first word is capitalised, and so is its
# second, unless a particle ("de", "van"), a connective ("and", "et") or punctuation comes first:
# questions and fragments open with the same words ("Por que ...?", "Da Cup é ...", "De Nederlandse
# regering ..."), and in one-story documents of bench/split_layouts.py such lines under a subhead
# split the story there. Desks in lower case ("Par notre correspondant") are the cleaning's
# desk bylines (rules.DESK_BYLINE).
BYLINE_OPENING = re.compile(
    r"^(?i:by|von|par|por|di|da|dalla|de|door|av|from)\s+[A-ZÀ-Þ][\w.'’-]*"
    r"(?:\s*$|\s*[,;|/–—-]|\s+(?:[A-ZÀ-Þ&]|(?:van|von|de|da|di|del|der|dos|du|la|le|and|und|et|e|y)\b))"
)

# Wire datelines at the start of a paragraph ("GENEVA (Reuters) -", "MOSCOW (AP) —").
DATELINE_START = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}(?:,\s*[^()\n]{2,40})?\s*\([^()\n]{2,30}\)\s*[—–-]")
# The same in the other forms wire agencies use, where a new story may open without a headline
# (tasks/segment/split.py): a capitalised city ("Berlin (dpa) -"), a date before the agency
# ("MADRID, 12 mar (EFE).-", "Lisboa, 12 mar 2024 (Lusa) -"), or the agency first
# ("(ANSA) - ROMA, 12 MAR -").
WIRE_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w.'’-]*(?:\s+[\w.'’-]+){0,3}(?:,\s*[^()\n]{1,40}?)?\s*\([A-Za-zÀ-ÿ][\w.&/-]*(?: [\w.&/-]+){0,2}\)"
    r"\s*\.?\s*[—–-]|\([A-Z][\w.&/-]*(?: [\w.&/-]+){0,2}\)\s*[—–-]\s*[A-ZÀ-Þ]{2,}[^\n]{0,40}?\s[—–-])"
)

# Chinese and Japanese topic words, which are not spaced: runs of kanji and katakana (compared
# by character pairs when splitting stories); hiragana carries the grammar between them.
IDEOGRAPH_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
KANA_RUN = re.compile(r"[\u3040-\u309f]+")
