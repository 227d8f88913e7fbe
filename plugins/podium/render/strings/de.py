"""Podium's interface in German: the English text of each string, its German.

A plural is a tuple of forms in the order of `PLURAL` (CLDR). Language names come from the CLDR
(`render.i18n`).
"""

PLURAL = ("one", "other")

STRINGS: dict[str, str | tuple[str, ...]] = {
    # speech.html
    "Date": "Datum",
    "Event": "Veranstaltung",
    "Session": "Sitzung",
    "Location": "Ort",
    "Language": "Sprache",
    "Kind": "Art",
    "Source": "Quelle",
    "Recording": "Aufzeichnung",
    "Video": "Video",
    "Audio": "Audio",
    # speech_player.html and podium-media.js: playing the recording from a statement
    "Play from here": "Ab hier abspielen",
    "Play from {time}": "Ab {time} abspielen",
    "Play the video": "Video abspielen",
    "{site}'s player loads only when you press play.": (
        "Der Player von {site} wird erst geladen, wenn Sie auf Abspielen drücken."
    ),
    "Open the recording": "Aufzeichnung öffnen",
    "Close the player": "Player schließen",
    "Topics": "Themen",
    "Topics of this statement": "Themen dieses Redebeitrags",
    "retrieved": "abgerufen am",
    "Permalink to this statement": "Permalink zu diesem Redebeitrag",
    "Permalink to statement {id}": "Permalink zu Redebeitrag {id}",
    "Statement {n}": "Redebeitrag {n}",
    "Copy link to this statement": "Link zu diesem Redebeitrag kopieren",
    "Copy link": "Link kopieren",
    "Copied": "Kopiert",
    "Cite…": "Zitieren…",
    "Embed…": "Einbetten…",
    "Editor's note.": "Anmerkung der Redaktion.",
    "Corrections to the source ({n})": "Korrekturen an der Quelle ({n})",
    "Correct this transcript": "Dieses Transkript korrigieren",
    ": propose a change by pull request.": ": schlagen Sie eine Änderung per Pull-Request vor.",
    # kinds and delivery (the `kind` values of the front matter)
    "Speech": "Rede",
    "Statement": "Erklärung",
    "Address": "Ansprache",
    "Remarks": "Wortbeitrag",
    "Lecture": "Vortrag",
    "Panel": "Podiumsdiskussion",
    "Debate": "Debatte",
    "Interview": "Interview",
    "Press conference": "Pressekonferenz",
    "Other": "Sonstiges",
    "as delivered": "wie gehalten",
    "as prepared": "wie vorbereitet",
    "translation": "Übersetzung",
    "written": "schriftlich",
    # speech_list.html and home_summary.html
    "speeches": ("Rede", "Reden"),
    "statements": ("Redebeitrag", "Redebeiträge"),
    "speakers": ("Redner", "Redner"),
    "events": ("Veranstaltung", "Veranstaltungen"),
    "Latest speeches": "Neueste Reden",
    "All speeches →": "Alle Reden →",
    "No speeches yet. Editors add one with `podium new` or `podium import`.": (
        "Noch keine Reden. Die Redaktion fügt sie mit `podium new` oder `podium import` hinzu."
    ),
    "The {shown} newest of {total} speeches.": "Die {shown} neuesten von {total} Reden.",
    # language_switcher.html and compare.html (podium-languages)
    "Language versions": "Sprachfassungen",
    "Also in": "Auch auf",
    "original": "Original",
    "official translation": "amtliche Übersetzung",
    "unofficial translation": "nichtamtliche Übersetzung",
    "this page": "diese Seite",
    "Side by side with the original": "Neben dem Original",
    "Side by side": "Nebeneinander",
    "{original} and {translation} side by side": "{original} und {translation} nebeneinander",
    "Back to the speech": "Zurück zur Rede",
    "Not in this version": "Nicht in dieser Fassung",
    "aligned by the editor": "von der Redaktion zugeordnet",
    "in order": "der Reihe nach",
    "Languages": "Sprachen",
    # facet pages (podium-facets): hubs, term pages, pagers
    "topics": ("Thema", "Themen"),
    "Speakers": "Redner",
    "Speeches": "Reden",
    "Events": "Veranstaltungen",
    "Dates": "Daten",
    "Place": "Ort",
    "Website": "Website",
    "Programme": "Programm",
    "Editions": "Ausgaben",
    "Portrait of {name}": "Porträt von {name}",
    "Country": "Land",
    "Also written": "Andere Schreibweisen",
    "Links": "Links",
    "Roles": "Ämter",
    "from": "von",
    "to": "bis",
    "current": "heute",
    "Also": "Siehe auch",
    "Subtopics": "Unterthemen",
    "page {n} of {total}": "Seite {n} von {total}",
    "No speaker has a speech in this archive yet.": "In diesem Archiv hat noch kein Redner eine Rede.",
    ", A–Z by name; the number is how many speeches each gave.": (
        ", alphabetisch nach Namen; die Zahl gibt an, wie viele Reden jeder gehalten hat."
    ),
    "This archive has no topics yet: editors add them in topics.yml and tag speeches with `topics:`.": (
        "Dieses Archiv hat noch keine Themen: Die Redaktion legt sie in topics.yml an und ordnet sie Reden mit "
        "`topics:` zu."
    ),
    "This archive has no events yet: editors add them in events.yml and name one with `event:`.": (
        "Dieses Archiv hat noch keine Veranstaltungen: Die Redaktion legt sie in events.yml an und nennt sie mit "
        "`event:`."
    ),
    " of the archive's vocabulary; a topic's count includes its subtopics'.": (
        " aus dem Vokabular des Archivs; die Zahl eines Themas schließt seine Unterthemen ein."
    ),
    ": series, and their editions inside them; a series' count includes its editions'.": (
        ": Reihen und ihre Ausgaben; die Zahl einer Reihe schließt ihre Ausgaben ein."
    ),
    "Jump to a letter": "Zu einem Buchstaben springen",
    "Role": "Amt",
    "Any role": "Jedes Amt",
    "Organisation": "Organisation",
    "Any organisation": "Jede Organisation",
    "Name": "Name",
    "Pages": "Seiten",
    "Newer": "Neuere",
    "Older": "Ältere",
    "Breadcrumbs": "Brotkrümelnavigation",
    "Breadcrumb": "Brotkrümelnavigation",
    "Home": "Startseite",
    "Follow": "Folgen",
    "new speeches in a feed reader (Atom feed)": "neue Reden in einem Feedreader (Atom-Feed)",
    "Days": "Tage",
    "Other days": "Andere Tage",
    "{year}, month not known": "{year}, Monat unbekannt",
    "Without a known month: {n}.": "Ohne bekannten Monat: {n}.",
    "Other speeches": "Weitere Reden",
    "Photo": "Foto",
    "Downloads": "Downloads",
    "Every statement": "Alle Redebeiträge",
    "gzipped JSON Lines, one statement a line": "JSON Lines, mit gzip komprimiert, ein Redebeitrag pro Zeile",
    "Speakers, roles, events and topics": "Redner, Ämter, Veranstaltungen und Themen",
    "Popolo JSON": "Popolo-JSON",
    "One speech as JSON": "Eine Rede als JSON",
    "as Akoma Ntoso XML": "als Akoma-Ntoso-XML",
    "“{title}”; every speech has both files beside its page": (
        "„{title}“; jede Rede hat beide Dateien neben ihrer Seite"
    ),
    "JSON Schema: {name}": "JSON Schema: {name}",
    "Feeds": "Feeds",
    "Atom feeds for a feed reader; each speaker's, topic's and event's page links its own (“Follow”).": (
        "Atom-Feeds für einen Feedreader; die Seite jedes Redners, Themas und jeder Veranstaltung verlinkt ihren "
        "eigenen („Folgen“)."
    ),
    "The whole archive": "Das ganze Archiv",
    "Were you looking for one of these?": "Suchten Sie eine dieser Seiten?",
    "Statements on {label}": "Redebeiträge zu „{label}“",
    "on this topic, from every speech that touches it.": "zu diesem Thema, aus allen Reden, die es berühren.",
    "in this archive": "in diesem Archiv",
    "tagged": "zugeordnet",
    "Statements on this topic": "Redebeiträge zu diesem Thema",
    "All {n} statements →": "Alle {n} Redebeiträge →",
    "and {n} more": "und {n} weitere",
    "Turns in panels and debates": "Wortmeldungen in Podiumsdiskussionen und Debatten",
    "Speeches with several speakers: {n}.": "Reden mit mehreren Rednern: {n}.",
    "turn {n}": "Wortmeldung {n}",
    "Jump to": "Springen zu",
    "No speeches yet.": "Noch keine Reden.",
    # search_page.html (podium-search) and the 404 page
    "Search the transcripts": "Die Transkripte durchsuchen",
    'Words, or a "phrase in quotes"': "Wörter oder eine „Phrase in Anführungszeichen“",
    "Search": "Suchen",
    "Put a phrase in quotes to find those words in that order.": (
        "Setzen Sie eine Phrase in Anführungszeichen, um diese Wörter in dieser Reihenfolge zu finden."
    ),
    "Press {slash} to come back here, {down} {up} to move through the results, {enter} to open one.": (
        "Drücken Sie {slash}, um hierher zurückzukehren, {down} {up}, um durch die Ergebnisse zu gehen, {enter}, "
        "um eines zu öffnen."
    ),
    "How search works": "Wie die Suche funktioniert",
    "Sort": "Sortierung",
    "Most relevant": "Relevanteste zuerst",
    "Newest first": "Neueste zuerst",
    "Oldest first": "Älteste zuerst",
    "Filters": "Filter",
    "Search needs JavaScript. Every speech is also listed on the {link} page.": (
        "Die Suche benötigt JavaScript. Alle Reden sind auch auf der Seite {link} aufgeführt."
    ),
    "Speakers, topics and events": "Redner, Themen und Veranstaltungen",
    "Show more speeches": "Weitere Reden anzeigen",
    # podium-search.js (passed by overrides/partials/podium-search.html) and the search page's year range
    "The one matching speech, with filters and sorting": "Die eine passende Rede, mit Filtern und Sortierung",
    "All {n} speeches with filters and sorting": (
        "Die {n} Rede, mit Filtern und Sortierung",
        "Alle {n} Reden, mit Filtern und Sortierung",
    ),
    "No speech matches. Search page": "Keine Rede passt. Suchseite",
    'Type words to search every transcript, or a "phrase in quotes".': (
        "Geben Sie Wörter ein, um alle Transkripte zu durchsuchen, oder eine „Phrase in Anführungszeichen“."
    ),
    "Search could not load. Try reloading the page.": "Die Suche konnte nicht geladen werden. Laden Sie die Seite neu.",
    "No speech matches for {query}.": "Keine Rede passt zu „{query}“.",
    "No speech matches.": "Keine Rede passt.",
    "{n} speeches match": ("{n} Rede passt", "{n} Reden passen"),
    "{n} more speeches may match; they are checked as you show more.": (
        "{n} weitere Rede könnte passen; sie wird geprüft, wenn Sie mehr anzeigen.",
        "{n} weitere Reden könnten passen; sie werden geprüft, wenn Sie mehr anzeigen.",
    ),
    "Checking {n} more speeches that may match…": (
        "{n} weitere Rede, die passen könnte, wird geprüft…",
        "{n} weitere Reden, die passen könnten, werden geprüft…",
    ),
    "Up to {n} speeches, with filters and sorting": (
        "Bis zu {n} Rede, mit Filtern und Sortierung",
        "Bis zu {n} Reden, mit Filtern und Sortierung",
    ),
    " for {query}": " für „{query}“",
    " (showing {shown})": " ({shown} angezeigt)",
    "{n} more matching statements in this speech": (
        "{n} weiterer passender Redebeitrag in dieser Rede",
        "{n} weitere passende Redebeiträge in dieser Rede",
    ),
    "All {n}": "Alle {n}",
    "No speech mentions “{query}”.": "Keine Rede erwähnt „{query}“.",
    "Speeches by {name}: {n}.": "Reden von {name}: {n}.",
    "Years": "Jahre",
    "From": "Von",
    "To": "Bis",
    "Page not found": "Seite nicht gefunden",
    "Nothing is published at this address. The speech or page may have moved, or the link may be mistyped.": (
        "Unter dieser Adresse ist nichts veröffentlicht. Die Rede oder Seite wurde vielleicht verschoben, oder der "
        "Link enthält einen Tippfehler."
    ),
    "Search the speeches": "Die Reden durchsuchen",
    "Browse the archive": "Das Archiv durchstöbern",
    "Search speeches": "Reden durchsuchen",
    "Quick results": "Schnelle Ergebnisse",
    # xref_statement.html (podium-xref)
    "See also:": "Siehe auch:",
    "Referenced in {count}": "Erwähnt in {count}",
    "Related ({n})": "Verwandt ({n})",
    # charts (facets/charts.py) on facet pages
    "Speeches per year": "Reden pro Jahr",
    "The number of speeches in the archive in each year.": "Die Zahl der Reden im Archiv in jedem Jahr.",
    "Speeches per month in {label}": "Reden pro Monat {label}",
    "The number of speeches in each month of {label}.": "Die Zahl der Reden in jedem Monat des Jahres {label}.",
    "Speeches by {label} in each year.": "Reden von {label} in jedem Jahr.",
    "Speeches on {label} in each year.": "Reden zu „{label}“ in jedem Jahr.",
    "Speeches at {label} in each year.": "Reden bei „{label}“ in jedem Jahr.",
    "The figures as a table": "Die Zahlen als Tabelle",
    "Year": "Jahr",
    "Month": "Monat",
    "{total} in all; the most in one bar: {most}.": "Insgesamt {total}; die meisten in einem Balken: {most}.",
    # search filters (search_page.html legends)
    "Speaker": "Redner",
    "Topic": "Thema",
    # feeds and data files named in a page's <link rel="alternate"> (cite/metadata.py)
    "{site}: all speeches": "{site}: alle Reden",
    "Speeches by {name}": "Reden von {name}",
    "Speeches at {name}": "Reden bei „{name}“",
    "This speech as JSON (Popolo, gzip)": "Diese Rede als JSON (Popolo, gzip)",
    "This speech as Akoma Ntoso XML (gzip)": "Diese Rede als Akoma-Ntoso-XML (gzip)",
    # podium-xref's and podium-cite's pages (xref_*.html, speech_cite.html, quote_page.html), podium-cite.js
    "References received": "Erhaltene Verweise",
    ("The {shown} newest of {total} references. Each statement lists all of its references under “Referenced in”."): (
        "Die {shown} neuesten von {total} Verweisen. Jeder Redebeitrag listet alle seine Verweise unter „Erwähnt in“."
    ),
    "No statement refers to this speaker's statements yet.": (
        "Noch verweist kein Redebeitrag auf die Redebeiträge dieses Redners."
    ),
    "Referenced from {n} other speeches": (
        "Erwähnt in {n} anderen Rede",
        "Erwähnt in {n} anderen Reden",
    ),
    "references": (
        "Verweis",
        "Verweise",
    ),
    (
        "Paste a quotation as printed. The answer is <strong>found verbatim</strong>, "
        "<strong>found with differences</strong> (marked: <del>words said but changed or "
        "dropped</del>, <ins>words added or changed by the quotation</ins>) or <strong>not "
        "found</strong>, when no statement is close enough to be the source. The fidelity is the "
        "share of words the quotation and the statement have in common."
    ): (
        "Fügen Sie ein Zitat so ein, wie es gedruckt wurde. Die Antwort lautet <strong>wörtlich "
        "gefunden</strong>, <strong>mit Abweichungen gefunden</strong> (markiert: <del>gesagte, "
        "aber geänderte oder weggelassene Wörter</del>, <ins>vom Zitat hinzugefügte oder geänderte "
        "Wörter</ins>) oder <strong>nicht gefunden</strong>, wenn kein Redebeitrag nah genug ist, "
        "um die Quelle zu sein. Die Treue ist der Anteil der Wörter, die Zitat und Redebeitrag "
        "gemeinsam haben."
    ),
    "Quotation": "Zitat",
    "Multilateralism is foundering": "Der Multilateralismus scheitert",
    "Check": "Prüfen",
    "This page needs JavaScript. Without it, run {command} in a copy of the archive.": (
        "Diese Seite benötigt JavaScript. Ohne es führen Sie {command} in einer Kopie des Archivs aus."
    ),
    "Searches {n} statements. The same check runs from the command line:": (
        "Durchsucht {n} Redebeiträge. Dieselbe Prüfung läuft auch auf der Kommandozeile:"
    ),
    "Quoted in": "Zitiert in",
    "Share of words in common with what was said": ("Anteil der Wörter, die mit dem Gesagten übereinstimmen"),
    "{n}% fidelity": "{n} % Treue",
    "Found verbatim": "Wörtlich gefunden",
    "Found with differences": "Mit Abweichungen gefunden",
    "Not found in the statement": "Im Redebeitrag nicht gefunden",
    ", inside a quotation in the statement": ", innerhalb eines Zitats im Redebeitrag",
    "The quotation against the statement": "Das Zitat im Vergleich zum Redebeitrag",
    "said": "gesagt",
    "quoted": "zitiert",
    "added by the quotation": "vom Zitat hinzugefügt",
    "dropped by the quotation": "vom Zitat weggelassen",
    "what was said ¶": "was gesagt wurde ¶",
    "Not found": "Nicht gefunden",
    "changed: {n}": "geändert: {n}",
    "added: {n}": "hinzugefügt: {n}",
    "dropped: {n}": "weggelassen: {n}",
    "verbatim": "wörtlich",
    "not found in this transcript": "in diesem Transkript nicht gefunden",
    "Cite, share or embed this statement": "Diesen Redebeitrag zitieren, teilen oder einbetten",
    "Cite this statement": "Diesen Redebeitrag zitieren",
    "Copy citation": "Zitation kopieren",
    "Copy embed code": "Einbettungscode kopieren",
    "Copy iframe": "iframe kopieren",
    "Tip: select words in the statement to get a link that highlights them.": (
        "Tipp: Markieren Sie Wörter im Redebeitrag, um einen Link zu erhalten, der sie hervorhebt."
    ),
    "Copy link to selection": "Link zur Auswahl kopieren",
    "Link copied": "Link kopiert",
    "Not found: no statement in the archive is close to this quotation.": (
        "Nicht gefunden: Kein Redebeitrag im Archiv kommt diesem Zitat nahe."
    ),
    "The quote index could not be loaded ({error}).": ("Der Zitatindex konnte nicht geladen werden ({error})."),
    # embed.html (podium-cite)
    "This statement is not in the archive.": "Dieser Redebeitrag ist nicht im Archiv.",
    # the navigation and the palette's toggles `podium init --language` writes into mkdocs.yml
    "Quote check": "Zitatprüfung",
    "Data": "Daten",
    "About": "Über das Archiv",
    "Searching": "Suchhilfe",
    "Switch to dark mode": "Zum dunklen Modus wechseln",
    "Switch to light mode": "Zum hellen Modus wechseln",
}
