"""Podium's interface in French: the English text of each string, its French.

A plural is a tuple of forms in the order of `PLURAL` (CLDR: 0 and 1 are `one`; a million, `many`, takes the
last form). Typography as French print sets it: a no-break space before `:`, `;`, `!`, `?` and inside « ».
Language names come from the CLDR (`render.i18n`).
"""

PLURAL = ("one", "other")

STRINGS: dict[str, str | tuple[str, ...]] = {
    # speech.html
    "Date": "Date",
    "Event": "Événement",
    "Session": "Séance",
    "Location": "Lieu",
    "Language": "Langue",
    "Kind": "Genre",
    "Source": "Source",
    "Recording": "Enregistrement",
    "Video": "Vidéo",
    "Audio": "Audio",
    # speech_player.html and podium-media.js: playing the recording from a statement
    "Play from here": "Lire à partir d’ici",
    "Play from {time}": "Lire à partir de {time}",
    "Play the video": "Lire la vidéo",
    "{site}'s player loads only when you press play.": (
        "Le lecteur de {site} ne se charge que lorsque vous lancez la lecture."
    ),
    "Open the recording": "Ouvrir l’enregistrement",
    "Close the player": "Fermer le lecteur",
    "Topics": "Thèmes",
    "Topics of this statement": "Thèmes de cette déclaration",
    "retrieved": "consulté le",
    "Permalink to this statement": "Lien permanent vers cette déclaration",
    "Permalink to statement {id}": "Lien permanent vers la déclaration {id}",
    "Statement {n}": "Déclaration {n}",
    "Copy link to this statement": "Copier le lien vers cette déclaration",
    "Copy link": "Copier le lien",
    "Copied": "Copié",
    "Cite…": "Citer…",
    "Embed…": "Intégrer…",
    "Editor's note.": "Note de la rédaction.",
    "Corrections to the source ({n})": "Corrections apportées à la source ({n})",
    "Correct this transcript": "Corriger cette transcription",
    ": propose a change by pull request.": "\u00a0: proposez une modification par pull request.",
    # kinds and delivery (the `kind` values of the front matter)
    "Speech": "Discours",
    "Statement": "Déclaration",
    "Address": "Allocution",
    "Remarks": "Intervention",
    "Lecture": "Conférence",
    "Panel": "Table ronde",
    "Debate": "Débat",
    "Interview": "Entretien",
    "Press conference": "Conférence de presse",
    "Other": "Autre",
    "as delivered": "tel que prononcé",
    "as prepared": "tel que préparé",
    "translation": "traduction",
    "written": "par écrit",
    # speech_list.html and home_summary.html
    "speeches": ("discours", "discours"),
    "statements": ("déclaration", "déclarations"),
    "speakers": ("orateur", "orateurs"),
    "events": ("événement", "événements"),
    "Latest speeches": "Derniers discours",
    "All speeches →": "Tous les discours →",
    "No speeches yet. Editors add one with `podium new` or `podium import`.": (
        "Aucun discours pour l’instant. La rédaction en ajoute avec `podium new` ou `podium import`."
    ),
    "The {shown} newest of {total} speeches.": "Les {shown} plus récents des {total}\u00a0discours.",
    # language_switcher.html and compare.html (podium-languages)
    "Language versions": "Versions linguistiques",
    "Also in": "Aussi en",
    "original": "original",
    "official translation": "traduction officielle",
    "unofficial translation": "traduction non officielle",
    "this page": "cette page",
    "Side by side with the original": "En regard de l’original",
    "Side by side": "En regard",
    "{original} and {translation} side by side": "{original} et {translation} en regard",
    "Back to the speech": "Retour au discours",
    "Not in this version": "Absent de cette version",
    "aligned by the editor": "aligné par la rédaction",
    "in order": "dans l’ordre",
    "Languages": "Langues",
    # facet pages (podium-facets): hubs, term pages, pagers
    "topics": ("thème", "thèmes"),
    "Speakers": "Orateurs",
    "Speeches": "Discours",
    "Events": "Événements",
    "Dates": "Dates",
    "Place": "Lieu",
    "Website": "Site web",
    "Programme": "Programme",
    "Editions": "Éditions",
    "Portrait of {name}": "Portrait de {name}",
    "Country": "Pays",
    "Also written": "Autres graphies",
    "Links": "Liens",
    "Roles": "Fonctions",
    "from": "du",
    "to": "au",
    "current": "à ce jour",
    "Also": "Voir aussi",
    "Subtopics": "Sous-thèmes",
    "page {n} of {total}": "page {n} sur {total}",
    "No speaker has a speech in this archive yet.": "Aucun orateur n’a encore de discours dans cette archive.",
    ", A–Z by name; the number is how many speeches each gave.": (
        ", par ordre alphabétique\u00a0; le nombre indique combien de discours chacun a prononcés."
    ),
    "This archive has no topics yet: editors add them in topics.yml and tag speeches with `topics:`.": (
        "Cette archive n’a pas encore de thèmes\u00a0: la rédaction les ajoute dans topics.yml et les attribue "
        "aux discours avec `topics:`."
    ),
    "This archive has no events yet: editors add them in events.yml and name one with `event:`.": (
        "Cette archive n’a pas encore d’événements\u00a0: la rédaction les ajoute dans events.yml et en nomme un "
        "avec `event:`."
    ),
    " of the archive's vocabulary; a topic's count includes its subtopics'.": (
        " du vocabulaire de l’archive\u00a0; le nombre d’un thème inclut celui de ses sous-thèmes."
    ),
    ": series, and their editions inside them; a series' count includes its editions'.": (
        "\u00a0: les séries et leurs éditions\u00a0; le nombre d’une série inclut celui de ses éditions."
    ),
    "Jump to a letter": "Aller à une lettre",
    "Role": "Fonction",
    "Any role": "Toute fonction",
    "Organisation": "Organisation",
    "Any organisation": "Toute organisation",
    "Name": "Nom",
    "Pages": "Pages",
    "Newer": "Plus récents",
    "Older": "Plus anciens",
    "Breadcrumbs": "Fil d’Ariane",
    "Breadcrumb": "Fil d’Ariane",
    "Home": "Accueil",
    "Follow": "Suivre",
    "new speeches in a feed reader (Atom feed)": "les nouveaux discours dans un lecteur de flux (flux Atom)",
    "Days": "Jours",
    "Other days": "Autres jours",
    "{year}, month not known": "{year}, mois inconnu",
    "Without a known month: {n}.": "Sans mois connu\u00a0: {n}.",
    "Other speeches": "Autres discours",
    "Photo": "Photo",
    "Downloads": "Téléchargements",
    "Every statement": "Toutes les déclarations",
    "gzipped JSON Lines, one statement a line": "JSON Lines compressé (gzip), une déclaration par ligne",
    "Speakers, roles, events and topics": "Orateurs, fonctions, événements et thèmes",
    "Popolo JSON": "JSON au format Popolo",
    "One speech as JSON": "Un discours en JSON",
    "as Akoma Ntoso XML": "en XML Akoma Ntoso",
    "“{title}”; every speech has both files beside its page": (
        "«\u00a0{title}\u00a0»\u00a0; chaque discours a ces deux fichiers à côté de sa page"
    ),
    "JSON Schema: {name}": "JSON Schema\u00a0: {name}",
    "Feeds": "Flux",
    "Atom feeds for a feed reader; each speaker's, topic's and event's page links its own (“Follow”).": (
        "Flux Atom pour un lecteur de flux\u00a0; la page de chaque orateur, thème et événement donne le sien "
        "(«\u00a0Suivre\u00a0»)."
    ),
    "The whole archive": "Toute l’archive",
    "Were you looking for one of these?": "Cherchiez-vous l’une de ces pages\u00a0?",
    "Statements on {label}": "Déclarations sur «\u00a0{label}\u00a0»",
    "on this topic, from every speech that touches it.": "sur ce thème, tirées de tous les discours qui l’abordent.",
    "in this archive": "dans cette archive",
    "tagged": "associées",
    "Statements on this topic": "Déclarations sur ce thème",
    "All {n} statements →": "Les {n}\u00a0déclarations →",
    "and {n} more": "et {n} autres",
    "Turns in panels and debates": "Interventions dans les tables rondes et débats",
    "Speeches with several speakers: {n}.": "Discours à plusieurs orateurs\u00a0: {n}.",
    "turn {n}": "intervention {n}",
    "Jump to": "Aller à",
    "No speeches yet.": "Aucun discours pour l’instant.",
    # search_page.html (podium-search) and the 404 page
    "Search the transcripts": "Rechercher dans les transcriptions",
    'Words, or a "phrase in quotes"': "Des mots, ou une «\u00a0phrase entre guillemets\u00a0»",
    "Search": "Rechercher",
    "Put a phrase in quotes to find those words in that order.": (
        "Mettez une phrase entre guillemets pour trouver ces mots dans cet ordre."
    ),
    "Press {slash} to come back here, {down} {up} to move through the results, {enter} to open one.": (
        "Appuyez sur {slash} pour revenir ici, sur {down} {up} pour parcourir les résultats, sur {enter} pour en "
        "ouvrir un."
    ),
    "How search works": "Comment fonctionne la recherche",
    "Sort": "Tri",
    "Most relevant": "Les plus pertinents",
    "Newest first": "Les plus récents d’abord",
    "Oldest first": "Les plus anciens d’abord",
    "Filters": "Filtres",
    "Search needs JavaScript. Every speech is also listed on the {link} page.": (
        "La recherche nécessite JavaScript. Tous les discours sont aussi listés sur la page {link}."
    ),
    "Speakers, topics and events": "Orateurs, thèmes et événements",
    "Show more speeches": "Afficher plus de discours",
    # podium-search.js (passed by overrides/partials/podium-search.html) and the search page's year range
    "The one matching speech, with filters and sorting": "Le seul discours trouvé, avec filtres et tri",
    "All {n} speeches with filters and sorting": (
        "Le {n}\u00a0discours, avec filtres et tri",
        "Les {n}\u00a0discours, avec filtres et tri",
    ),
    "No speech matches. Search page": "Aucun discours trouvé. Page de recherche",
    'Type words to search every transcript, or a "phrase in quotes".': (
        "Tapez des mots pour chercher dans toutes les transcriptions, ou une «\u00a0phrase entre guillemets\u00a0»."
    ),
    "Search could not load. Try reloading the page.": (
        "La recherche n’a pas pu se charger. Essayez de recharger la page."
    ),
    "No speech matches for {query}.": "Aucun discours trouvé pour «\u00a0{query}\u00a0».",
    "No speech matches.": "Aucun discours trouvé.",
    "{n} speeches match": ("{n}\u00a0discours trouvé", "{n}\u00a0discours trouvés"),
    "{n} more speeches may match; they are checked as you show more.": (
        "{n}\u00a0autre discours pourrait correspondre\u00a0; il sera vérifié quand vous en afficherez plus.",
        "{n}\u00a0autres discours pourraient correspondre\u00a0; ils seront vérifiés quand vous en afficherez plus.",
    ),
    "Checking {n} more speeches that may match…": (
        "Vérification de {n}\u00a0autre discours qui pourrait correspondre…",
        "Vérification de {n}\u00a0autres discours qui pourraient correspondre…",
    ),
    "Up to {n} speeches, with filters and sorting": (
        "Jusqu’à {n}\u00a0discours, avec filtres et tri",
        "Jusqu’à {n}\u00a0discours, avec filtres et tri",
    ),
    " for {query}": " pour «\u00a0{query}\u00a0»",
    " (showing {shown})": " ({shown} affichés)",
    "{n} more matching statements in this speech": (
        "{n}\u00a0autre déclaration correspondante dans ce discours",
        "{n}\u00a0autres déclarations correspondantes dans ce discours",
    ),
    "All {n}": "Les {n}",
    "No speech mentions “{query}”.": "Aucun discours ne mentionne «\u00a0{query}\u00a0».",
    "Speeches by {name}: {n}.": "Discours de {name}\u00a0: {n}.",
    "Years": "Années",
    "From": "De",
    "To": "À",
    "Page not found": "Page introuvable",
    "Nothing is published at this address. The speech or page may have moved, or the link may be mistyped.": (
        "Rien n’est publié à cette adresse. Le discours ou la page a peut-être été déplacé, ou le lien contient une "
        "faute de frappe."
    ),
    "Search the speeches": "Rechercher dans les discours",
    "Browse the archive": "Parcourir l’archive",
    "Search speeches": "Rechercher des discours",
    "Quick results": "Résultats rapides",
    # xref_statement.html (podium-xref)
    "See also:": "Voir aussi\u00a0:",
    "Referenced in {count}": "Cité dans {count}",
    "Related ({n})": "Apparentées ({n})",
    # charts (facets/charts.py) on facet pages
    "Speeches per year": "Discours par année",
    "The number of speeches in the archive in each year.": "Le nombre de discours de l’archive pour chaque année.",
    "Speeches per month in {label}": "Discours par mois en {label}",
    "The number of speeches in each month of {label}.": "Le nombre de discours pour chaque mois de {label}.",
    "Speeches by {label} in each year.": "Discours de {label} par année.",
    "Speeches on {label} in each year.": "Discours sur «\u00a0{label}\u00a0» par année.",
    "Speeches at {label} in each year.": "Discours prononcés à «\u00a0{label}\u00a0» par année.",
    "The figures as a table": "Les chiffres sous forme de tableau",
    "Year": "Année",
    "Month": "Mois",
    "{total} in all; the most in one bar: {most}.": "{total} au total\u00a0; le plus dans une barre\u00a0: {most}.",
    # search filters (search_page.html legends)
    "Speaker": "Orateur",
    "Topic": "Thème",
    # feeds and data files named in a page's <link rel="alternate"> (cite/metadata.py)
    "{site}: all speeches": "{site}\u00a0: tous les discours",
    "Speeches by {name}": "Discours de {name}",
    "Speeches at {name}": "Discours prononcés à «\u00a0{name}\u00a0»",
    "This speech as JSON (Popolo, gzip)": "Ce discours en JSON (Popolo, gzip)",
    "This speech as Akoma Ntoso XML (gzip)": "Ce discours en XML Akoma Ntoso (gzip)",
    # podium-xref's and podium-cite's pages (xref_*.html, speech_cite.html, quote_page.html), podium-cite.js
    "References received": "Références reçues",
    ("The {shown} newest of {total} references. Each statement lists all of its references under “Referenced in”."): (
        "Les {shown} références les plus récentes sur {total}. Chaque déclaration liste toutes ses "
        "références sous «\u00a0Cité dans\u00a0»."
    ),
    "No statement refers to this speaker's statements yet.": (
        "Aucune déclaration ne renvoie encore aux déclarations de cet orateur."
    ),
    "Referenced from {n} other speeches": (
        "Cité dans {n}\u00a0autre discours",
        "Cité dans {n}\u00a0autres discours",
    ),
    "references": (
        "référence",
        "références",
    ),
    (
        "Paste a quotation as printed. The answer is <strong>found verbatim</strong>, "
        "<strong>found with differences</strong> (marked: <del>words said but changed or "
        "dropped</del>, <ins>words added or changed by the quotation</ins>) or <strong>not "
        "found</strong>, when no statement is close enough to be the source. The fidelity is the "
        "share of words the quotation and the statement have in common."
    ): (
        "Collez une citation telle qu’elle a été imprimée. La réponse est <strong>trouvée mot pour "
        "mot</strong>, <strong>trouvée avec des différences</strong> (marquées\u00a0: <del>mots "
        "prononcés mais modifiés ou omis</del>, <ins>mots ajoutés ou modifiés par la "
        "citation</ins>) ou <strong>introuvable</strong>, quand aucune déclaration n’est assez "
        "proche pour en être la source. La fidélité est la part de mots que la citation et la "
        "déclaration ont en commun."
    ),
    "Quotation": "Citation",
    "Multilateralism is foundering": "Le multilatéralisme sombre",
    "Check": "Vérifier",
    "This page needs JavaScript. Without it, run {command} in a copy of the archive.": (
        "Cette page nécessite JavaScript. Sans lui, lancez {command} dans une copie de l’archive."
    ),
    "Searches {n} statements. The same check runs from the command line:": (
        "Cherche parmi {n}\u00a0déclarations. La même vérification se lance en ligne de commande\u00a0:"
    ),
    "Quoted in": "Cité dans",
    "Share of words in common with what was said": "Part de mots en commun avec ce qui a été dit",
    "{n}% fidelity": "fidélité {n}\u00a0%",
    "Found verbatim": "Trouvée mot pour mot",
    "Found with differences": "Trouvée avec des différences",
    "Not found in the statement": "Introuvable dans la déclaration",
    ", inside a quotation in the statement": ", à l’intérieur d’une citation dans la déclaration",
    "The quotation against the statement": "La citation comparée à la déclaration",
    "said": "dit",
    "quoted": "cité",
    "added by the quotation": "ajouté par la citation",
    "dropped by the quotation": "omis par la citation",
    "what was said ¶": "ce qui a été dit ¶",
    "Not found": "Introuvable",
    "changed: {n}": "modifiés\u00a0: {n}",
    "added: {n}": "ajoutés\u00a0: {n}",
    "dropped: {n}": "omis\u00a0: {n}",
    "verbatim": "mot pour mot",
    "not found in this transcript": "introuvable dans cette transcription",
    "Cite, share or embed this statement": "Citer, partager ou intégrer cette déclaration",
    "Cite this statement": "Citer cette déclaration",
    "Copy citation": "Copier la référence",
    "Copy embed code": "Copier le code d’intégration",
    "Copy iframe": "Copier l’iframe",
    "Tip: select words in the statement to get a link that highlights them.": (
        "Astuce\u00a0: sélectionnez des mots de la déclaration pour obtenir un lien qui les surligne."
    ),
    "Copy link to selection": "Copier le lien vers la sélection",
    "Link copied": "Lien copié",
    "Not found: no statement in the archive is close to this quotation.": (
        "Introuvable\u00a0: aucune déclaration de l’archive n’est proche de cette citation."
    ),
    "The quote index could not be loaded ({error}).": ("L’index des citations n’a pas pu être chargé ({error})."),
    # embed.html (podium-cite)
    "This statement is not in the archive.": "Cette déclaration n’est pas dans l’archive.",
    # the navigation and the palette's toggles `podium init --language` writes into mkdocs.yml
    "Quote check": "Vérifier une citation",
    "Data": "Données",
    "About": "À propos",
    "Searching": "Comment chercher",
    "Switch to dark mode": "Passer au thème sombre",
    "Switch to light mode": "Passer au thème clair",
}
