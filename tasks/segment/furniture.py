"""Labels made of the words pages print on their furniture, in en, de, fr, es, it and pt.

The phrase rules of tasks/segment/patterns.py name a label by its wording ("Read more", "Lire
aussi"); each set of labels written after a round of them had wordings no phrase knew ("Prossimo
articolo", "Configurar privacidad", "Drucken | Per Mail senden": set H of bench/BOILERPLATE.md
left 26 of 162 in the body). What those labels share is their vocabulary: every word of a short
line is one a page uses for its articles, reading, accounts, sharing, advertising, pictures or
privacy, or a word that carries no topic. A heading of a story has a topic word ("Privacy fears
grow", "Next steps for the port"); a label has none.

The words are listed, not learnt: no corpus of labelled page furniture in six languages is
available here to learn them from.
"""

from __future__ import annotations

import re

from newsflow.tasks.core.terms import function_words

# The nouns and verbs of page furniture: two of them, or one with a MODIFIER_WORDS word, make a
# line a label. Compared by their first KEY_LETTERS letters, so that a word's other forms meet
# ("sponsorisés", "sponsorizzati"; "comentarios"; "Datenschutzeinstellungen"). Not the newsroom's
# names ("Redazione Web", "Redaktion Online"): a desk in the byline's place is a credit, which the
# byline rules take after the line rules (tasks/segment/clean.py mark_outlet_byline).
ANCHOR_WORDS = frozenset("""
article articles story stories post posts read reading newsletter newsletters subscribe subscription subscriber
subscribers login log sign account register gift app apps download ad ads advert advertisement advertising sponsored
sponsor partner partners partnership promoted presented offered privacy settings preferences cookie cookies accept
reject manage consent share print comment comments follow copy link email mail photo photos image images
picture pictures credit credits video videos gallery source news topics content channel choices policy
react friend archive illustration
artikel beitrag beiträge lesen weiterlesen gelesen newsletter abo abonnieren abonnement abonnenten anmelden einloggen
registrieren konto verschenken herunterladen anzeige werbung gesponsert kooperation präsentiert datenschutz
einstellungen akzeptieren ablehnen zustimmen verwalten teilen drucken kommentar kommentare kommentieren folgen
kopieren senden versenden merken foto fotos bild bilder bildnachweis bildquelle quelle galerie thema themen
nachrichten empfehlungen inhalt inhalte kanal auswahl richtlinie reagieren freund archiv
lire lecture lettre abonnez abonner abonnés connecter connexion compte inscrire inscrivez offrir application appli
télécharger téléchargez publicité sponsorisé partenaire partenaires partenariat proposé présenté confidentialité
paramètres accepter refuser gérer préférences consentement partager partagez imprimer commentaire commentaires
commenter suivre suivez copier lien envoyer crédit crédits vidéo vidéos sujet actualités infos contenu
chaîne choix politique réagir ami archives
artículo artículos nota noticia noticias leer lectura leyendo boletín suscríbete suscribirse suscripción suscriptores
sesión cuenta regístrate registrarse regala regalar aplicación descarga descargar publicidad patrocinado socio socios
colaboración ofrecido presentado privacidad configuración configurar preferencias aceptar rechazar gestionar
consentimiento compartir comparte imprimir comentario comentarios comentar síguenos copiar enlace enviar correo imagen
imágenes fuente tema contenido anuncio canal opciones política reaccionar amigo archivo
articolo articoli notizia notizie leggi leggere lettura iscriviti abbonati abbonamento accedi registrati scarica
pubblicità pubblicitaria sponsorizzato collaborazione offerto presentato impostazioni preferenze accetta accettare
rifiuta rifiutare gestisci consenso condividi stampa commenta commenti commento segui copia invia immagine immagini
crediti fonte argomento contenuto canale scelte personalizza politica reagisci amico repertorio
artigo artigos matéria matérias notícia notícias ler leia lendo leitura boletim assine assinar assinatura assinante
entrar conta cadastre cadastro presentear ofereça aplicativo baixe baixar publicidade publicitário parceiro
parceiros parceria oferecido apresentado privacidade configurações definições preferências aceitar rejeitar gerir
gerenciar compartilhar partilhar comentário comentários siga imagem imagens créditos crédito vídeo conteúdo
escolhas reagir arquivo
facebook twitter whatsapp instagram telegram linkedin tiktok youtube pinterest reddit threads bluesky google
listen vorlesen anhören écouter escuchar ascolta ascoltare ouvir ouça
save bookmark speichern favoris favoritos preferiti sauvegarder enregistrer guardar salva salvar
font schriftgröße schriftgrösse taille police tamaño letra dimensione carattere tamanho
einschaltung paid entgeltliche
siehe véase mirá
miss verpassen manquer manquez perderte pierdas perdere perca
notifications push mitteilungen benachrichtigungen eilmeldung eilmeldungen notificaciones notifiche notificações
alerts alertes alertas avvisi activate aktivieren activer activar activá attiva ativar ative
postings mitdiskutieren discuss discussion diskussion débat debate discussione discussão seguinos web rete
réagissez netz
""".split())
# Consent and cookie words, the web of native-ad widgets, and what a reader should not miss: one
# alone, with function and modifier words, makes a label ("Accept all", "Zustimmen und weiter",
# "Continuer sans accepter", "Mehr aus dem Web", "Ne manquez pas", "Não perca").
LONE_LABEL_WORDS = frozenset("""
accept reject consent cookie cookies akzeptieren ablehnen zustimmen accepter refuser consentement aceptar rechazar
consentimiento accetta accettare rifiuta rifiutare consenso aceitar rejeitar consentimento web
miss verpassen manquer manquez perderte pierdas perdere perca rete netz
""".split())
# Words that go with them on labels ("Next article", "Mehr zum Thema", "Recomendados para você")
# and alone make no label.
MODIFIER_WORDS = frozenset("""
more also next previous related recommended popular trending latest top most continue see watch free essential
necessary proceed personalize customize get
mehr nächster nächste nächsten vorheriger ähnliche empfohlen empfohlene meistgelesen meistgelesene beliebt neueste
jetzt hier gratis kostenlos weiter notwendige anpassen
aussi suivant précédent plus similaires recommandés populaires derniers dernières voir gratuit gratuitement continuer
essentiels nécessaires personnaliser
también siguiente anterior más relacionados relacionadas recomendados leídos leídas populares últimas ver gratis
continuar necesarias personalizar
anche prossimo precedente più correlati consigliati letti popolari ultime vedi potrebbe interessarti continua
continuare necessari gratuitamente
também próximo anterior mais relacionados recomendados lidas lidos populares últimas veja você grátis continuar
continue saiba prosseguir essenciais
our your unser unsere unserem unseren unserer ihr ihre ihrem ihren notre nos votre vos nuestro nuestra nuestros
nuestras tu tus nostro nostra nostri nostre tuo tua nosso nossa nossos nossas seu sua
min minutes minuten minutos minuti later später tard después dopo depois lassen close schließen schliessen fermer
cerrar chiudi fechar brand marke marque marca espacio informazione add hinzufügen ajouter añadir aggiungi
adicionar
written produced verfasst erstellt rédigé réalisé redactado realizado scritto realizzato escrito produzido
elsewhere anderswo ailleurs otros altrove noutros
editorial redaktionell redaktioneller redaktionelle éditorial éditoriaux editoriale editoriali
""".split())
KEY_LETTERS = 7
FURNITURE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt")
# Two of its words, or one and the label's provider or count: one alone ("Privacy", "The story",
# "Our partners") heads a section of a review or a feature as often as it labels the page.
LABEL_MIN_WORDS = 2
LABEL_MAX_WORDS = 10
TEASER_LABEL_MAX_WORDS = 3  # words but function words: "Hier weiterlesen: <a headline>", "No te lo pierdas: ..."
TEASER_MAX_WORDS = 25
# Letters only: words apart at an elision's apostrophe ("l'article") and a compound's hyphen
# ("Cookie-Richtlinie", "News-App"); a lone elided letter is no word.
WORD = re.compile(r"[^\W\d_]{2,}")
# After a label, who provides it ("Ads by Outbrain", "Créditos da imagem: Reuters", "In
# collaborazione con Enel"), or a logo where the name was ("En partenariat avec"); or a count, "(5)".
PROVIDER = re.compile(r"(?:\s*:\s*|\s+(?:by|von|par|por|di|da|de|do|with|mit|avec|con|com)(?:\s+|$))"
                      r"(?:(?:the|der|die|das|la|le|il|el|o|a)\s+)?"
                      r"(?:[A-ZÀ-Þ0-9][\w.&'’-]*(?:\s+(?:de|del|da|di|do|des|du|van|von|der))?\s*){0,3}$|\s*\(\d+\)\s*$")
TEASER_SEPARATOR = re.compile(r"\s*(?::|→|»|›|▶|►)\s+")


def _key(word: str) -> str:
    return word[:KEY_LETTERS]


ANCHOR_KEYS = frozenset(map(_key, ANCHOR_WORDS))
LONE_LABEL_KEYS = frozenset(map(_key, LONE_LABEL_WORDS))
MODIFIER_KEYS = frozenset(map(_key, MODIFIER_WORDS))


def is_furniture_label(text: str) -> bool:
    """A label: a line of at most LABEL_MAX_WORDS words, no sentence, whose every word but the function
    words of the six languages is a furniture word, with LABEL_MIN_WORDS of them and an anchor (or
    one of LONE_LABEL_WORDS among function words, or one anchor and its provider); or such a label
    of a few words before a colon or an arrow, and a teaser's headline after it."""
    if text.rstrip().endswith((".", "?", "!")):
        return False
    if len(WORD.findall(text)) <= LABEL_MAX_WORDS and _label(text, least=LABEL_MIN_WORDS):
        return True
    head, *teaser = TEASER_SEPARATOR.split(text, maxsplit=1)
    return (bool(teaser) and len(_topic_words(head)) <= TEASER_LABEL_MAX_WORDS
            and len(WORD.findall(teaser[0])) <= TEASER_MAX_WORDS and _label(head, least=1))


def _topic_words(text: str) -> list[str]:
    """The words of `text` but the function words of the six languages, lower-cased."""
    stops = function_words(FURNITURE_LANGUAGES)
    return [word for word in (w.lower() for w in WORD.findall(text)) if word not in stops]


def _label(text: str, least: int) -> bool:
    head = PROVIDER.sub("", text)
    keys = [_key(word) for word in _topic_words(head)]
    if not keys or not all(key in ANCHOR_KEYS or key in MODIFIER_KEYS for key in keys):
        return False
    anchored = any(key in ANCHOR_KEYS for key in keys)
    # Such a word as the line's only word is a heading as well ("Consenso", Italian for consensus).
    alone = any(key in LONE_LABEL_KEYS for key in keys) and len(WORD.findall(text)) >= 2
    return anchored and (len(keys) >= least or head != text or alone)
