"""Named phrase families and shapes the cleaning rules key on, compiled once.

Each family is written for what many outlets share, in several languages; none is a string
of one site. Each rule of tasks/segment/rules.py names the families it uses (`newsflow rules`
lists them), and every span it removes carries the rule's name.
"""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741 (the flag reads as in `re`: short, used in every pattern)

# A line made only of rule characters: "__", "---", "* * *", "=====", "• • •".
RULE_LINE = re.compile(r"^[\s_\-=*~#.•·–—+|/\\<>]{2,}$")

# A lone short mark in capitals: a site or agency mark such as "TT", "AP", "AFP", "DL".
SITE_MARK = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")

# Portal chrome and navigation: whole lines, short.
NAV_CHROME = re.compile(
    r"^(?:skip to (?:main |the )?(?:content|navigation|search|footer)|jump to (?:content|navigation|main)"
    r"|zum (?:inhalt|hauptinhalt) springen|aller au contenu(?: principal)?|saltar al contenido(?: principal)?"
    r"|(?:main |open |close |toggle )?(?:menu|navigation)|search|home|sign in|log ?in|log ?out|register"
    r"|my account|back to top|top of page|nach oben|retour en haut|volver arriba|menü|suche|anmelden"
    r"|rechercher|connexion|buscar|iniciar sesión|accept(?: all)? cookies|cookie (?:settings|policy|preferences)"
    r"|privacy(?: policy| settings)?|terms (?:of use|of service|and conditions)|contact us|about us"
    r"|impressum|datenschutz(?:erklärung)?|mentions légales|aviso legal|sitemap|all rights reserved"
    r"|loading(?:\.\.\.|…)?|listen to (?:this )?article|(?:\d+ )?min(?:ute)?s? read|print this page)[.!]?$",
    I,
)
BREADCRUMB = re.compile(r"^(?:[\w'’&.-]+(?: [\w'’&.-]+){0,3}\s*(?:>|»|›|/|\|)\s*){2,}[\w'’&.-]+(?: [\w'’&.-]+){0,3}$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", I)
COOKIE_NOTICE = re.compile(r"\b(?:we use cookies|this (?:site|website) uses cookies|cookies? to (?:improve|give|ensure))", I)

# Newsletter, subscription and self-promotion.
NEWSLETTER_PROMO = re.compile(
    r"\b(?:sign(?:ing)? up (?:for|to) (?:our|(?:the |a |\w+'s )?(?:[\w-]+ ){0,3}(?:newsletters?|e-?mails?|alerts|updates))\b|subscribe (?:now|today|here)\b"
    r"|subscribe to (?:our |the |\w+'s )?(?:[\w-]+ ){0,3}(?:newsletters?|podcast|channel|updates|alerts|magazine)\b|straight to your inbox|to your inbox"
    r"|in your inbox|inbox every|our (?:free |daily |weekly |morning |evening )?newsletters?\b"
    r"|the (?:daily |weekly |morning |evening )?newsletter\b|newsletter sign[- ]?up|see for yourself"
    r"|is (?:the|your) (?:go-to |trusted |#1 |number one |best |ultimate )?(?:source|destination|home) for"
    r"|already a (?:subscriber|member)|become a (?:subscriber|member|supporter)|support (?:our|independent|quality) journalism"
    r"|start your free trial|unlock (?:this|unlimited|full) |subscribers? only|for subscribers|get unlimited access"
    r"|newsletter abonnieren|jetzt abonnieren|abonnieren sie|melden sie sich .{0,40}newsletter"
    r"|inscrivez-vous|abonnez-vous|recevez (?:notre|la) newsletter|suscr[ií]b(?:e|ete|irse)|bolet[ií]n"
    r"|if you (?:enjoyed|liked|value|appreciate) (?:this|our) (?:article|story|journalism|reporting)"
    r"|get (?:access to|the day's)|delivered (?:through|to) your (?:letterbox|door)|\d+ issues for"
    r"|subscriptions? (?:service|offer)|members get)",
    I,
)

# A short line naming a newsletter: "Pick Six Newsletter", "The Morning Briefing newsletter".
NEWSLETTER_NAME = re.compile(r"^(?:[\w'’&-]+ ){0,5}newsletters?[.!]?$", I)

# Reader prompts around comments and sharing.
READER_PROMPT = re.compile(
    r"^(?:tell us what you think|what do you think|have your say|join the (?:conversation|discussion)"
    r"|like this (?:story|article)\?|share (?:it|this) with a friend|did you (?:like|enjoy) this"
    r"|was this (?:article|story) (?:helpful|useful)|sag(?:en sie)? uns (?:ihre )?meinung|donnez votre avis)"
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
SOURCE_LINE = re.compile(r"^(?:source|sources|quelle|source de l'article|fuente|fonte)\s*:\s*\S.{0,60}$", I)

# Contact and follow lines at the end of articles: "Follow him on Twitter @x", "may be reached at".
FOLLOW_OR_CONTACT = re.compile(
    r"\bfollow (?:him|her|them|us|me|the [\w ]{1,40}|[A-Z][\w.]+(?: [A-Z][\w.]+)?) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon)\b"
    r"|\b(?:can|may) be (?:reached|contacted) (?:at|on|via)\b|\b(?:e-?mail|contact) (?:him|her|them|us|the author|[A-Z]\w+(?: [A-Z]\w+)?) at \S+@"
    r"|\bfollow (?:@\w+|ap's full coverage|our (?:full )?coverage)\b|\bhave a (?:news )?tip\?",
    I,
)
# Licensing notes of syndicated copies.
REPRINT_NOTICE = re.compile(r"\bfor your personal,? non-?commercial use\b|\bto order presentation-ready copies\b|\ball rights reserved\b", I)

# Share widgets and social prompts.
SHARE_WIDGET = re.compile(
    r"^(?:share(?: (?:this|the))?(?: article| story| post| page)?(?: on| via| with)?|tweet(?: this)?|e-?mail"
    r"|print|copy(?: the)? link|link copied|whatsapp|facebook|twitter|x|linkedin|reddit|pinterest|telegram"
    r"|follow us(?: on)?|teilen|artikel teilen|partager(?: sur| cet article)?|compartir(?: en)?"
    r"|comments?|\d+ comments?|leave a comment|view comments|show comments|kommentare|commentaires|comentarios)"
    r"(?:[\s:,|/·•]+(?:facebook|twitter|x|e-?mail|whatsapp|linkedin|reddit|pinterest|telegram|print|copy link|messenger|flipboard))*[.:!]?$",
    I,
)
SOCIAL_NAMES = re.compile(r"\b(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|instagram|youtube|tiktok|e-?mail|messenger)\b", I)

# Read-more, related and recommendation teasers: a label at the start of a line.
READ_MORE = re.compile(
    r"^(?:read more|read next|read also|also read|see also|more from|more on this|more stories|more news"
    r"|related(?: articles?| stories| coverage| content| news)?|recommended(?: for you)?|you may also like"
    r"|you might also like|don't miss|editor's picks?|trending(?: now)?|most (?:read|popular)|popular now"
    r"|top stories|latest news|click here|continue reading|keep reading|see more|also on [\w-]+\.\w+"
    r"|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weitere artikel|lire aussi|à lire aussi"
    r"|a lire aussi|voir aussi|sur le même sujet|leer más|lee también|te puede interesar|relacionad[oa]s?"
    r"|noticias relacionadas|leggi anche)\b\s*[:|»>–—-]?",
    I,
)

# Generic words that are a teaser's label only when a colon or dash follows, or alone.
TEASER_LABEL = re.compile(r"^(?:more|also|watch|listen|video|photos|gallery|mehr|aussi|más|anche)\s*(?:[:|»>–—]|$)", I)

# Advertisement markers: whole lines.
ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content| post)?|paid (?:content|post|partner)"
    r"|(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?"
    r"|scroll (?:down )?to continue(?: (?:with|reading) (?:content|article))?|continue reading below"
    r"|anzeige|werbung|publicité|publicidad|pubblicità|annonce|reklame)[.:]?$",
    I,
)

# Timestamps that are page furniture, not text: "Published 3:45 PM, Jan 13, 2025", "Updated: ...".
TIMESTAMP_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last (?:updated|modified)|first published|veröffentlicht|aktualisiert"
    r"|publié|mis à jour|publicado|actualizado)\b(?: on| at| am| le| el)?[:\s].{0,60}"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .{0,40}\d{4}.{0,20}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?)?(?: \w{2,4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}(?:,? \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}(?:,? \d{1,2}[:.]\d{2}(?: \w{2,4})?)?)$",
    I,
)

# Contributor and editing credits (moved to the article's credits).
CONTRIBUTOR_CREDIT = re.compile(
    r"(?:\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b|^(?:additional )?reporting by\b"
    r"|^(?:with )?(?:additional )?reporting (?:from|by)\b|\b(?:editing|writing|compiled|translated|produced) by\b"
    r"|^with files from\b|^this (?:story|article|report) (?:was|has been) (?:updated|corrected|written|reported|produced)\b"
    r"|^mitarbeit:|^avec (?:l'?afp|afp|reuters|ap)$|^\(?(?:mit )?(?:material|informationen) von\b)",
    I,
)

# Author boxes: a label line, or "Written by NAME".
AUTHOR_LABEL = re.compile(r"^(?:author|authors|about the author|written by|autor(?:in)?|auteur|autora?|über den autor|à propos de l'auteur)\s*:?$", I)
WRITTEN_BY = re.compile(r"^(?:written by|words by|story by|text:?|texte\s*:|von|par|por)\s+(?P<names>[A-ZÀ-Þ][^\n]{1,80})$", I)
BYLINE = re.compile(r"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i)\s+(?P<names>[A-ZÀ-Þ][\w.'’-]+(?:\s+(?:[A-ZÀ-Þ][\w.'’-]+|de|da|van|von|der|al|bin|and|und|et|y|&|,)){0,8})(?:\s*[,|/–—-]\s*(?P<outlet>[^\n]{2,60}))?$")
NAME = re.compile(r"^[A-ZÀ-Þ][\w.'’-]+(?:\s+(?:[A-ZÀ-Þ][\w.'’-]+|de|da|van|von|der|del|al|bin|la|le)){1,4}$")

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
PHOTO_CREDIT_LINE = re.compile(
    r"^(?:\(?(?:photo|foto|photograph|image|picture|pic|credit|bild|crédit|crédito)s?(?: credit)?\s*[:/©]\s*[^\n]{2,80}\)?"
    r"|\(?(?:AP|AFP|Reuters|EPA|Getty Images|dpa|Xinhua|Anadolu|Bloomberg|Shutterstock)(?: Photo| Images)?(?:\s*/\s*[^\n]{2,60})?\)?"
    r"|©\s*[^\n]{2,60}|(?:image|photo) (?:copyright|source)\s*[^\n]{2,60})$",
    I,
)
LEADING_CREDIT = re.compile(r"^(?:photo|foto|image|credit|bild)\s*:\s*", I)
# A caption's credit after its last sentence, labelled but not in parentheses: "... on Monday. Foto: EFE".
TRAILING_LABELLED_CREDIT = re.compile(
    r"(?<=[.!?])\s+(?:photos?|fotos?|bild|image|picture|crédits?|créditos?|credits?)\s*[:/©]?\s+[^\n]{2,80}$", I
)
# A line that opens like a byline, with a person's name or a desk's ("By Staff Reporter", "Von dpa",
# "Par notre correspondant", "Di Redazione", "Da Redação", "From CNN Wire").
BYLINE_OPENING = re.compile(r"^(?:by|von|par|por|di|da|dalla|de|door|av|from)\s+\S", I)

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
