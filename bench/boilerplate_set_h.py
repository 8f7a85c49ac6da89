"""Set H of bench/boilerplate_forms.py, written by a helper that did not read
the cleaning rules or the earlier sets, as the last held-out check: whole lines
of page furniture (newsletter and paywall prompts, read-more labels, share and
follow widgets, advertisement labels, photo credits, cookie banners) in six
languages, plus news prose that uses the same words but is real reporting."""

SET_H = (
    {  # boilerplate lines, by family, then language
        "newsletter": {
            "en": [
                "✉️ Sign up for The Morning Brief — it's free",
                "You've reached your limit of 3 free articles this month. Subscribe now",
                "Already a subscriber? Log in",
                "Support independent journalism: make a contribution from just $2",
                "Try 30 days for $1 »",
                "Download our app for breaking news alerts",
            ],
            "de": [
                "Jetzt für den Newsletter „Der Abend“ anmelden",
                "Dieser Artikel ist exklusiv für Abonnenten. Jetzt 4 Wochen gratis testen",
                "Sie haben bereits ein Konto? Hier einloggen",
                "Werden Sie Mitglied und unterstützen Sie unabhängigen Journalismus",
                "Diesen Artikel verschenken 🎁",
                "Laden Sie unsere App herunter ›",
            ],
            "fr": [
                "Inscrivez-vous à notre lettre d'information quotidienne",
                "Cet article est réservé aux abonnés. Déjà abonné ? Se connecter",
                "Offre spéciale : 1 € le premier mois, sans engagement",
                "Soutenez une rédaction indépendante, faites un don",
                "Créez votre compte gratuit pour continuer la lecture",
                "📱 Téléchargez l'application et recevez nos alertes",
            ],
            "es": [
                "Apúntate gratis a nuestro boletín diario",
                "Este contenido es exclusivo para suscriptores. Suscríbete por 1 € al mes",
                "¿Ya tienes cuenta? Inicia sesión",
                "Hazte socio y apoya el periodismo independiente",
                "Regala este artículo a quien quieras",
                "Descarga la app y recibe las últimas noticias ▸",
            ],
            "it": [
                "Iscriviti alla newsletter del mattino",
                "Contenuto riservato agli abbonati. Prova gratis per un mese",
                "Hai già un account? Accedi",
                "Sostieni il giornalismo di qualità: fai una donazione",
                "Regala questo articolo 🎁",
                "Scarica la nostra app per restare sempre aggiornato",
            ],
            "pt": [
                "Inscreva-se na nossa newsletter gratuita",
                "Conteúdo exclusivo para assinantes. Assine por R$ 1,90 no primeiro mês",
                "Já é assinante? Faça login",
                "Apoie o jornalismo independente: contribua a partir de 5 euros",
                "Experimente grátis durante 7 dias »",
                "Baixe o aplicativo e receba alertas de notícias",
            ],
        },
        "read_more": {
            "en": [
                "Related: Council votes to close three libraries",
                "MOST READ",
                "Recommended for you ›",
                "► Next article",
                "Continue reading...",
            ],
            "de": [
                "Lesen Sie dazu auch: Stadtrat stoppt Neubaupläne",
                "Meistgelesen",
                "Weitere Artikel zum Thema »",
                "Nächster Artikel →",
                "Weiterlesen …",
            ],
            "fr": [
                "Lire aussi : La grève reconduite à la SNCF",
                "LES PLUS LUS",
                "Sur le même sujet",
                "Article suivant ›",
                "Lire la suite...",
            ],
            "es": [
                "Te puede interesar: El Gobierno aprueba los presupuestos",
                "Lo más leído",
                "Noticias relacionadas",
                "Siguiente artículo »",
                "Seguir leyendo →",
            ],
            "it": [
                "Leggi anche ➜ Sciopero dei treni, ecco le fasce garantite",
                "I PIÙ LETTI",
                "Articoli correlati",
                "Prossimo articolo",
                "Continua a leggere…",
            ],
            "pt": [
                "Veja também: Governo anuncia novo pacote fiscal",
                "Mais lidas",
                "Recomendados para você",
                "Próximo artigo ›",
                "Continuar lendo...",
            ],
        },
        "share_follow": {
            "en": [
                "Share this story",
                "Copy link 🔗",
                "Email | Print",
                "Follow us on Instagram",
                "Comments (27)",
            ],
            "de": [
                "Artikel teilen",
                "Link kopieren",
                "Drucken | Per Mail senden",
                "Folgen Sie uns auf Facebook",
                "💬 14 Kommentare",
            ],
            "fr": [
                "Partager cet article",
                "Copier le lien",
                "Imprimer · Envoyer par e-mail",
                "Suivez-nous sur X",
                "Réagir (8)",
            ],
            "es": [
                "Compartir esta noticia",
                "Copiar enlace",
                "Imprimir | Enviar por correo",
                "Síguenos en WhatsApp",
                "Comentarios (42)",
            ],
            "it": [
                "Condividi questo articolo",
                "Copia link",
                "Stampa · Invia per e-mail",
                "Seguici su Telegram",
                "Commenta ▸ 5 commenti",
            ],
            "pt": [
                "Compartilhe esta notícia",
                "Copiar link",
                "Imprimir | Enviar por e-mail",
                "Siga-nos no Instagram",
                "Deixe seu comentário (3)",
            ],
        },
        "ads": {
            "en": [
                "ADVERTISEMENT",
                "- Advertisement -",
                "Sponsored content",
                "Ads by Outbrain",
                "We may earn a commission when you buy through links on our site.",
            ],
            "de": [
                "ANZEIGE",
                "– Werbung –",
                "Gesponserter Inhalt",
                "In Kooperation mit unserem Partner",
                "*Affiliate-Link: Beim Kauf erhalten wir eine Provision.",
            ],
            "fr": [
                "PUBLICITÉ",
                "[Publicité]",
                "Contenu sponsorisé",
                "Proposé par notre partenaire",
                "Cet article contient des liens affiliés.",
            ],
            "es": [
                "PUBLICIDAD",
                "— Publicidad —",
                "Contenido patrocinado",
                "Ofrecido por nuestro socio",
                "Los enlaces de este artículo pueden generar una comisión para el medio.",
            ],
            "it": [
                "PUBBLICITÀ",
                "- Pubblicità -",
                "Contenuto sponsorizzato",
                "In collaborazione con il nostro partner",
                "Questo articolo contiene link di affiliazione.",
            ],
            "pt": [
                "PUBLICIDADE",
                "[ Publicidade ]",
                "Conteúdo patrocinado",
                "Oferecido por parceiro",
                "Este texto contém links de afiliados.",
            ],
        },
        "photo_credit": {
            "en": [
                "Photo: Jane Doe/Reuters",
                "(Image credit: Getty Images)",
                "Video: AP",
            ],
            "de": [
                "Foto: dpa/Michael Kappeler",
                "Bild: picture alliance",
                "© Imago Images",
            ],
            "fr": [
                "Photo : AFP",
                "Crédit photo : Thomas Samson / AFP",
                "© Vidéo France 24",
            ],
            "es": [
                "Foto: EFE",
                "Imagen: Europa Press",
                "(Fotografía: Juan Pérez / EL PAÍS)",
            ],
            "it": [
                "Foto: ANSA",
                "(Credit foto: LaPresse)",
                "Immagine: Getty Images",
            ],
            "pt": [
                "Foto: Lusa",
                "Créditos da imagem: Reuters",
                "(Fotografia: Agência Brasil)",
            ],
        },
        "cookies": {
            "en": [
                "We use cookies to improve your experience. By continuing you accept our cookie policy.",
                "Accept all cookies",
                "Manage privacy settings",
            ],
            "de": [
                "Wir verwenden Cookies, um Ihnen das beste Nutzungserlebnis zu bieten.",
                "Alle akzeptieren",
                "Datenschutz-Einstellungen",
            ],
            "fr": [
                "Ce site utilise des cookies pour améliorer votre navigation.",
                "Tout accepter",
                "Paramètres des cookies",
            ],
            "es": [
                "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
                "Aceptar y continuar",
                "Configurar privacidad",
            ],
            "it": [
                "Utilizziamo i cookie per migliorare la tua esperienza sul sito.",
                "Accetta tutti",
                "Gestisci le preferenze sulla privacy",
            ],
            "pt": [
                "Utilizamos cookies para melhorar a sua experiência de navegação.",
                "Aceitar cookies",
                "Definições de privacidade",
            ],
        },
    },
    {  # prose: real news sentences using the families' words that are NOT boilerplate
        "en": [
            "Readers who share articles on social media without opening them are more likely to spread rumours, the study found.",
            "The union asked members to subscribe to its newsletter after the strike vote, but turnout stayed low.",
            "Advertisement spending by the two campaigns reached $40 million in the final week, according to filings.",
            "Regulators said the company had used cookies to track children without their parents' consent.",
        ],
        "de": [
            "Der Verlag will die Zahl der Abonnenten bis 2026 verdoppeln, sagte die Geschäftsführerin am Dienstag.",
            "Wer das Foto in sozialen Netzwerken teilt, macht sich unter Umständen strafbar, warnte die Polizei.",
            "Die Anzeige gegen den Bürgermeister wurde nach Angaben der Staatsanwaltschaft inzwischen zurückgezogen.",
            "Datenschützer kritisierten, dass viele Websites Cookies setzen, bevor Nutzer überhaupt zustimmen können.",
        ],
        "fr": [
            "Les abonnés au service de streaming ont été invités à lire les nouvelles conditions avant le 1er juillet, a précisé l'entreprise.",
            "La publicité pour les paris sportifs sera interdite pendant les matchs, a annoncé le gouvernement mercredi.",
            "Le photographe, dont le cliché a été partagé des millions de fois, a porté plainte pour contrefaçon.",
            "Selon la CNIL, plusieurs sites déposaient des cookies sans recueillir le consentement des internautes.",
        ],
        "es": [
            "El club ganó 3.000 nuevos socios tras el ascenso, según informó su presidente en rueda de prensa.",
            "Los usuarios que comparten noticias falsas suelen seguir a pocas fuentes, concluye el estudio.",
            "La empresa retiró la publicidad de la campaña después de las quejas de varias asociaciones de consumidores.",
            "La Agencia de Protección de Datos multó a la aerolínea por instalar cookies sin el consentimiento de los clientes.",
        ],
        "it": [
            "Gli abbonati della pay tv potranno leggere il contratto aggiornato entro fine mese, ha spiegato l'azienda.",
            "Il sindaco ha chiesto ai cittadini di condividere le foto dei danni per accelerare i rimborsi.",
            "La pubblicità ingannevole è costata all'operatore una multa di due milioni di euro, ha deciso l'Antitrust.",
            "Il Garante ha aperto un'istruttoria sui cookie installati da alcune app senza il consenso degli utenti.",
        ],
        "pt": [
            "O jornal perdeu metade dos assinantes em dois anos, segundo o relatório divulgado nesta segunda-feira.",
            "A polícia pediu à população que não compartilhe o vídeo do acidente nas redes sociais.",
            "A publicidade infantil passará a ser proibida na televisão aberta, determinou o tribunal.",
            "A autoridade de proteção de dados concluiu que o site usava cookies sem o consentimento dos leitores.",
        ],
    },
)
