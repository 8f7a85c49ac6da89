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

# The nouns and verbs of page furniture: at least one of them makes a line a label.
ANCHOR_WORDS = frozenset("""
article articles story stories post posts read reading newsletter newsletters subscribe subscription subscriber
subscribers login log sign account register gift app apps download ad ads advert advertisement advertising sponsored
sponsor partner partners partnership promoted presented offered privacy settings preferences cookie cookies accept
reject manage consent share print comment comments follow copy link email e-mail mail photo photos image images
picture pictures credit credits video videos gallery source news topics content
artikel beitrag beiträge lesen weiterlesen gelesen newsletter abo abonnieren abonnement abonnenten anmelden einloggen
registrieren konto verschenken herunterladen anzeige werbung gesponsert kooperation präsentiert datenschutz
einstellungen akzeptieren ablehnen zustimmen verwalten teilen drucken kommentar kommentare kommentieren folgen
kopieren senden versenden merken foto fotos bild bilder bildnachweis bildquelle quelle galerie thema themen
nachrichten empfehlungen inhalt inhalte
lire lecture lettre abonnez abonner abonnés connecter connexion compte inscrire inscrivez offrir application appli
télécharger téléchargez publicité sponsorisé partenaire partenaires partenariat proposé présenté confidentialité
paramètres accepter refuser gérer préférences consentement partager partagez imprimer commentaire commentaires
commenter suivre suivez copier lien envoyer crédit crédits vidéo vidéos sujet actualités infos contenu
artículo artículos nota noticia noticias leer lectura leyendo boletín suscríbete suscribirse suscripción suscriptores
sesión cuenta regístrate registrarse regala regalar aplicación descarga descargar publicidad patrocinado socio socios
colaboración ofrecido presentado privacidad configuración configurar preferencias aceptar rechazar gestionar
consentimiento compartir comparte imprimir comentario comentarios comentar síguenos copiar enlace enviar correo imagen
imágenes fuente tema contenido
articolo articoli notizia notizie leggi leggere lettura iscriviti abbonati abbonamento accedi registrati scarica
pubblicità sponsorizzato collaborazione offerto presentato impostazioni preferenze accetta rifiuta gestisci consenso
condividi stampa commenta commenti commento segui copia invia immagine immagini crediti fonte argomento contenuto
artigo artigos matéria matérias notícia notícias ler leia lendo leitura boletim assine assinar assinatura assinante
entrar conta cadastre cadastro presentear aplicativo baixe baixar publicidade parceiro parceiros parceria oferecido
apresentado privacidade configurações definições preferências aceitar rejeitar gerir gerenciar compartilhar partilhar
comentário comentários siga imagem imagens créditos crédito vídeo conteúdo
""".split())
# Words that go with them on labels ("Next article", "Mehr zum Thema", "Recomendados para você")
# and alone make no label.
MODIFIER_WORDS = frozenset("""
more also next previous related recommended popular trending latest top most continue see watch free
mehr nächster nächste nächsten vorheriger ähnliche empfohlen empfohlene meistgelesen meistgelesene beliebt neueste
jetzt hier gratis kostenlos
aussi suivant précédent plus similaires recommandés populaires derniers dernières voir gratuit gratuitement
también siguiente anterior más relacionados relacionadas recomendados leídos leídas populares últimas ver gratis
anche prossimo precedente più correlati consigliati letti popolari ultime vedi potrebbe interessarti
também próximo anterior mais relacionados recomendados lidas lidos populares últimas veja você grátis continuar
continue saiba
our your unser unsere unserem unseren unserer ihr ihre ihrem ihren notre nos votre vos nuestro nuestra nuestros
nuestras tu tus nostro nostra nostri nostre tuo tua nosso nossa nossos nossas seu sua
""".split())
FURNITURE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt")
# Two of its words, or one and the label's provider: one alone ("Privacy", "The story", "Our partners")
# heads a section of a review or a feature as often as it labels the page.
LABEL_MIN_WORDS = 2
LABEL_MAX_WORDS = 6
# Words apart at an elision's apostrophe ("l'article", "dell'articolo"); a lone elided letter is no word.
WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")
# After a label, who provides it: "Ads by Outbrain", "Créditos da imagem: Reuters".
PROVIDER = re.compile(r"(?:\s*:\s*|\s+(?:by|von|par|por|di|da|de|do)\s+)(?:[A-ZÀ-Þ][\w.&'’-]*\s*){1,3}$")


def is_furniture_label(text: str) -> bool:
    """A line of at most LABEL_MAX_WORDS words, no sentence, whose every word but the function words
    of the six languages is a furniture word, one of them an anchor: LABEL_MIN_WORDS of them, or
    one and its provider's name ("Ads by Outbrain")."""
    if len(WORD.findall(text)) > LABEL_MAX_WORDS or text.rstrip().endswith((".", "?", "!")):
        return False
    head = PROVIDER.sub("", text)
    stops = function_words(FURNITURE_LANGUAGES)
    words = [word for word in (w.lower() for w in WORD.findall(head)) if word not in stops]
    return (len(words) >= LABEL_MIN_WORDS or bool(words) and head != text) and any(
        word in ANCHOR_WORDS for word in words) and all(word in ANCHOR_WORDS or word in MODIFIER_WORDS for word in words)
