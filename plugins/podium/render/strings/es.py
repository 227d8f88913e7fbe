"""Podium's interface in Spanish: the English text of each string, its Spanish.

A plural is a tuple of forms in the order of `PLURAL` (CLDR; a million, `many`, takes the last form).
Language names come from the CLDR (`render.i18n`).
"""

PLURAL = ("one", "other")

STRINGS: dict[str, str | tuple[str, ...]] = {
    # speech.html
    "Date": "Fecha",
    "Event": "Evento",
    "Session": "Sesión",
    "Location": "Lugar",
    "Language": "Idioma",
    "Kind": "Tipo",
    "Source": "Fuente",
    "Recording": "Grabación",
    "Video": "Vídeo",
    "Audio": "Audio",
    # speech_player.html and podium-media.js: playing the recording from a statement
    "Play from here": "Reproducir desde aquí",
    "Play from {time}": "Reproducir desde {time}",
    "Play the video": "Reproducir el vídeo",
    "{site}'s player loads only when you press play.": (
        "El reproductor de {site} solo se carga cuando pulsa reproducir."
    ),
    "Open the recording": "Abrir la grabación",
    "Close the player": "Cerrar el reproductor",
    "Topics": "Temas",
    "Topics of this statement": "Temas de esta intervención",
    "retrieved": "consultado el",
    "Permalink to this statement": "Enlace permanente a esta intervención",
    "Permalink to statement {id}": "Enlace permanente a la intervención {id}",
    "Statement {n}": "Intervención {n}",
    "Copy link to this statement": "Copiar el enlace a esta intervención",
    "Copy link": "Copiar enlace",
    "Copied": "Copiado",
    "Cite…": "Citar…",
    "Embed…": "Insertar…",
    "Editor's note.": "Nota de la redacción.",
    "Corrections to the source ({n})": "Correcciones a la fuente ({n})",
    "Correct this transcript": "Corregir esta transcripción",
    ": propose a change by pull request.": ": proponga un cambio mediante un pull request.",
    # kinds and delivery (the `kind` values of the front matter)
    "Speech": "Discurso",
    "Statement": "Declaración",
    "Address": "Alocución",
    "Remarks": "Palabras",
    "Lecture": "Conferencia",
    "Panel": "Mesa redonda",
    "Debate": "Debate",
    "Interview": "Entrevista",
    "Press conference": "Rueda de prensa",
    "Other": "Otro",
    "as delivered": "según se pronunció",
    "as prepared": "según se preparó",
    "translation": "traducción",
    "written": "por escrito",
    # speech_list.html and home_summary.html
    "speeches": ("discurso", "discursos"),
    "statements": ("intervención", "intervenciones"),
    "speakers": ("orador", "oradores"),
    "events": ("evento", "eventos"),
    "Latest speeches": "Últimos discursos",
    "All speeches →": "Todos los discursos →",
    "No speeches yet. Editors add one with `podium new` or `podium import`.": (
        "Aún no hay discursos. La redacción los añade con `podium new` o `podium import`."
    ),
    "The {shown} newest of {total} speeches.": "Los {shown} más recientes de {total} discursos.",
    # language_switcher.html and compare.html (podium-languages)
    "Language versions": "Versiones lingüísticas",
    "Also in": "También en",
    "original": "original",
    "official translation": "traducción oficial",
    "unofficial translation": "traducción no oficial",
    "this page": "esta página",
    "Side by side with the original": "En paralelo con el original",
    "Side by side": "En paralelo",
    "{original} and {translation} side by side": "{original} y {translation} en paralelo",
    "Back to the speech": "Volver al discurso",
    "Not in this version": "No está en esta versión",
    "aligned by the editor": "alineado por la redacción",
    "in order": "en orden",
    "Languages": "Idiomas",
    # facet pages (podium-facets): hubs, term pages, pagers
    "topics": ("tema", "temas"),
    "Speakers": "Oradores",
    "Speeches": "Discursos",
    "Events": "Eventos",
    "Dates": "Fechas",
    "Place": "Lugar",
    "Website": "Sitio web",
    "Programme": "Programa",
    "Editions": "Ediciones",
    "Portrait of {name}": "Retrato de {name}",
    "Country": "País",
    "Also written": "Otras grafías",
    "Links": "Enlaces",
    "Roles": "Cargos",
    "from": "desde",
    "to": "hasta",
    "current": "actualidad",
    "Also": "Véase también",
    "Subtopics": "Subtemas",
    "page {n} of {total}": "página {n} de {total}",
    "No speaker has a speech in this archive yet.": "Ningún orador tiene aún un discurso en este archivo.",
    ", A–Z by name; the number is how many speeches each gave.": (
        ", por orden alfabético; el número indica cuántos discursos pronunció cada uno."
    ),
    "This archive has no topics yet: editors add them in topics.yml and tag speeches with `topics:`.": (
        "Este archivo aún no tiene temas: la redacción los añade en topics.yml y los asigna a los discursos con "
        "`topics:`."
    ),
    "This archive has no events yet: editors add them in events.yml and name one with `event:`.": (
        "Este archivo aún no tiene eventos: la redacción los añade en events.yml y los indica con `event:`."
    ),
    " of the archive's vocabulary; a topic's count includes its subtopics'.": (
        " del vocabulario del archivo; el número de un tema incluye el de sus subtemas."
    ),
    ": series, and their editions inside them; a series' count includes its editions'.": (
        ": las series y sus ediciones; el número de una serie incluye el de sus ediciones."
    ),
    "Jump to a letter": "Ir a una letra",
    "Role": "Cargo",
    "Any role": "Cualquier cargo",
    "Organisation": "Organización",
    "Any organisation": "Cualquier organización",
    "Name": "Nombre",
    "Pages": "Páginas",
    "Newer": "Más recientes",
    "Older": "Más antiguos",
    "Breadcrumbs": "Ruta de navegación",
    "Breadcrumb": "Ruta de navegación",
    "Home": "Inicio",
    "Follow": "Seguir",
    "new speeches in a feed reader (Atom feed)": "los nuevos discursos en un lector de canales (canal Atom)",
    "Days": "Días",
    "Other days": "Otros días",
    "{year}, month not known": "{year}, mes desconocido",
    "Without a known month: {n}.": "Sin mes conocido: {n}.",
    "Other speeches": "Otros discursos",
    "Photo": "Foto",
    "Downloads": "Descargas",
    "Every statement": "Todas las intervenciones",
    "gzipped JSON Lines, one statement a line": "JSON Lines comprimido con gzip, una intervención por línea",
    "Speakers, roles, events and topics": "Oradores, cargos, eventos y temas",
    "Popolo JSON": "JSON en formato Popolo",
    "One speech as JSON": "Un discurso en JSON",
    "as Akoma Ntoso XML": "en XML Akoma Ntoso",
    "“{title}”; every speech has both files beside its page": (
        "«{title}»; cada discurso tiene ambos archivos junto a su página"
    ),
    "JSON Schema: {name}": "JSON Schema: {name}",
    "Feeds": "Canales",
    "Atom feeds for a feed reader; each speaker's, topic's and event's page links its own (“Follow”).": (
        "Canales Atom para un lector de canales; la página de cada orador, tema y evento enlaza el suyo («Seguir»)."
    ),
    "The whole archive": "Todo el archivo",
    "Were you looking for one of these?": "¿Buscaba alguna de estas páginas?",
    "Statements on {label}": "Intervenciones sobre «{label}»",
    "on this topic, from every speech that touches it.": "sobre este tema, de todos los discursos que lo tratan.",
    "in this archive": "en este archivo",
    "tagged": "etiquetadas",
    "Statements on this topic": "Intervenciones sobre este tema",
    "All {n} statements →": "Las {n} intervenciones →",
    "and {n} more": "y {n} más",
    "Turns in panels and debates": "Turnos en mesas redondas y debates",
    "Speeches with several speakers: {n}.": "Discursos con varios oradores: {n}.",
    "turn {n}": "turno {n}",
    "Jump to": "Ir a",
    "No speeches yet.": "Aún no hay discursos.",
    # search_page.html (podium-search) and the 404 page
    "Search the transcripts": "Buscar en las transcripciones",
    'Words, or a "phrase in quotes"': "Palabras, o una «frase entre comillas»",
    "Search": "Buscar",
    "Put a phrase in quotes to find those words in that order.": (
        "Ponga una frase entre comillas para encontrar esas palabras en ese orden."
    ),
    "Press {slash} to come back here, {down} {up} to move through the results, {enter} to open one.": (
        "Pulse {slash} para volver aquí, {down} {up} para recorrer los resultados, {enter} para abrir uno."
    ),
    "How search works": "Cómo funciona la búsqueda",
    "Sort": "Orden",
    "Most relevant": "Más pertinentes",
    "Newest first": "Más recientes primero",
    "Oldest first": "Más antiguos primero",
    "Filters": "Filtros",
    "Search needs JavaScript. Every speech is also listed on the {link} page.": (
        "La búsqueda necesita JavaScript. Todos los discursos figuran también en la página {link}."
    ),
    "Speakers, topics and events": "Oradores, temas y eventos",
    "Show more speeches": "Mostrar más discursos",
    # podium-search.js (passed by overrides/partials/podium-search.html) and the search page's year range
    "The one matching speech, with filters and sorting": "El único discurso encontrado, con filtros y orden",
    "All {n} speeches with filters and sorting": (
        "El {n} discurso, con filtros y orden",
        "Los {n} discursos, con filtros y orden",
    ),
    "No speech matches. Search page": "Ningún discurso coincide. Página de búsqueda",
    'Type words to search every transcript, or a "phrase in quotes".': (
        "Escriba palabras para buscar en todas las transcripciones, o una «frase entre comillas»."
    ),
    "Search could not load. Try reloading the page.": "No se pudo cargar la búsqueda. Pruebe a recargar la página.",
    "No speech matches for {query}.": "Ningún discurso coincide con «{query}».",
    "No speech matches.": "Ningún discurso coincide.",
    "{n} speeches match": ("{n} discurso coincide", "{n} discursos coinciden"),
    "{n} more speeches may match; they are checked as you show more.": (
        "{n} discurso más podría coincidir; se comprueba al mostrar más.",
        "{n} discursos más podrían coincidir; se comprueban al mostrar más.",
    ),
    "Checking {n} more speeches that may match…": (
        "Comprobando {n} discurso más que podría coincidir…",
        "Comprobando {n} discursos más que podrían coincidir…",
    ),
    "Up to {n} speeches, with filters and sorting": (
        "Hasta {n} discurso, con filtros y orden",
        "Hasta {n} discursos, con filtros y orden",
    ),
    " for {query}": " para «{query}»",
    " (showing {shown})": " (se muestran {shown})",
    "{n} more matching statements in this speech": (
        "{n} intervención más que coincide en este discurso",
        "{n} intervenciones más que coinciden en este discurso",
    ),
    "All {n}": "Las {n}",
    "No speech mentions “{query}”.": "Ningún discurso menciona «{query}».",
    "Speeches by {name}: {n}.": "Discursos de {name}: {n}.",
    "Years": "Años",
    "From": "Desde",
    "To": "Hasta",
    "Page not found": "Página no encontrada",
    "Nothing is published at this address. The speech or page may have moved, or the link may be mistyped.": (
        "No hay nada publicado en esta dirección. Puede que el discurso o la página se hayan movido, o que el "
        "enlace tenga un error."
    ),
    "Search the speeches": "Buscar en los discursos",
    "Browse the archive": "Explorar el archivo",
    "Search speeches": "Buscar discursos",
    "Quick results": "Resultados rápidos",
    # xref_statement.html (podium-xref)
    "See also:": "Véase también:",
    "Referenced in {count}": "Citada en {count}",
    "Related ({n})": "Relacionadas ({n})",
    # charts (facets/charts.py) on facet pages
    "Speeches per year": "Discursos por año",
    "The number of speeches in the archive in each year.": "El número de discursos del archivo en cada año.",
    "Speeches per month in {label}": "Discursos por mes en {label}",
    "The number of speeches in each month of {label}.": "El número de discursos en cada mes de {label}.",
    "Speeches by {label} in each year.": "Discursos de {label} por año.",
    "Speeches on {label} in each year.": "Discursos sobre «{label}» por año.",
    "Speeches at {label} in each year.": "Discursos en «{label}» por año.",
    "The figures as a table": "Las cifras en una tabla",
    "Year": "Año",
    "Month": "Mes",
    "{total} in all; the most in one bar: {most}.": "{total} en total; el máximo en una barra: {most}.",
    # search filters (search_page.html legends)
    "Speaker": "Orador",
    "Topic": "Tema",
    # feeds and data files named in a page's <link rel="alternate"> (cite/metadata.py)
    "{site}: all speeches": "{site}: todos los discursos",
    "Speeches by {name}": "Discursos de {name}",
    "Speeches at {name}": "Discursos en «{name}»",
    "This speech as JSON (Popolo, gzip)": "Este discurso en JSON (Popolo, gzip)",
    "This speech as Akoma Ntoso XML (gzip)": "Este discurso en XML Akoma Ntoso (gzip)",
    # podium-xref's and podium-cite's pages (xref_*.html, speech_cite.html, quote_page.html), podium-cite.js
    "References received": "Referencias recibidas",
    ("The {shown} newest of {total} references. Each statement lists all of its references under “Referenced in”."): (
        "Las {shown} referencias más recientes de {total}. Cada intervención enumera todas sus "
        "referencias en «Citada en»."
    ),
    "No statement refers to this speaker's statements yet.": (
        "Ninguna intervención remite aún a las intervenciones de este orador."
    ),
    "Referenced from {n} other speeches": (
        "Citado en {n} discurso más",
        "Citado en {n} discursos más",
    ),
    "references": (
        "referencia",
        "referencias",
    ),
    (
        "Paste a quotation as printed. The answer is <strong>found verbatim</strong>, "
        "<strong>found with differences</strong> (marked: <del>words said but changed or "
        "dropped</del>, <ins>words added or changed by the quotation</ins>) or <strong>not "
        "found</strong>, when no statement is close enough to be the source. The fidelity is the "
        "share of words the quotation and the statement have in common."
    ): (
        "Pegue una cita tal como se publicó. La respuesta es <strong>encontrada "
        "literalmente</strong>, <strong>encontrada con diferencias</strong> (marcadas: "
        "<del>palabras dichas pero cambiadas u omitidas</del>, <ins>palabras añadidas o cambiadas "
        "por la cita</ins>) o <strong>no encontrada</strong>, cuando ninguna intervención es lo "
        "bastante cercana para ser la fuente. La fidelidad es la proporción de palabras que la "
        "cita y la intervención tienen en común."
    ),
    "Quotation": "Cita",
    "Multilateralism is foundering": "El multilateralismo se hunde",
    "Check": "Comprobar",
    "This page needs JavaScript. Without it, run {command} in a copy of the archive.": (
        "Esta página necesita JavaScript. Sin él, ejecute {command} en una copia del archivo."
    ),
    "Searches {n} statements. The same check runs from the command line:": (
        "Busca en {n} intervenciones. La misma comprobación se ejecuta desde la línea de comandos:"
    ),
    "Quoted in": "Citado en",
    "Share of words in common with what was said": "Proporción de palabras en común con lo que se dijo",
    "{n}% fidelity": "fidelidad del {n} %",
    "Found verbatim": "Encontrada literalmente",
    "Found with differences": "Encontrada con diferencias",
    "Not found in the statement": "No encontrada en la intervención",
    ", inside a quotation in the statement": ", dentro de una cita en la intervención",
    "The quotation against the statement": "La cita comparada con la intervención",
    "said": "dicho",
    "quoted": "citado",
    "added by the quotation": "añadido por la cita",
    "dropped by the quotation": "omitido por la cita",
    "what was said ¶": "lo que se dijo ¶",
    "Not found": "No encontrada",
    "changed: {n}": "cambiadas: {n}",
    "added: {n}": "añadidas: {n}",
    "dropped: {n}": "omitidas: {n}",
    "verbatim": "literal",
    "not found in this transcript": "no encontrada en esta transcripción",
    "Cite, share or embed this statement": "Citar, compartir o insertar esta intervención",
    "Cite this statement": "Citar esta intervención",
    "Copy citation": "Copiar la referencia",
    "Copy embed code": "Copiar el código para insertar",
    "Copy iframe": "Copiar el iframe",
    "Tip: select words in the statement to get a link that highlights them.": (
        "Consejo: seleccione palabras de la intervención para obtener un enlace que las resalte."
    ),
    "Copy link to selection": "Copiar enlace a la selección",
    "Link copied": "Enlace copiado",
    "Not found: no statement in the archive is close to this quotation.": (
        "No encontrada: ninguna intervención del archivo se acerca a esta cita."
    ),
    "The quote index could not be loaded ({error}).": "No se pudo cargar el índice de citas ({error}).",
    # embed.html (podium-cite)
    "This statement is not in the archive.": "Esta intervención no está en el archivo.",
    # the navigation and the palette's toggles `podium init --language` writes into mkdocs.yml
    "Quote check": "Comprobar una cita",
    "Data": "Datos",
    "About": "Acerca de",
    "Searching": "Cómo buscar",
    "Switch to dark mode": "Cambiar al modo oscuro",
    "Switch to light mode": "Cambiar al modo claro",
}
