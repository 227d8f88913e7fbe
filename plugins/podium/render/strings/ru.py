"""Podium's interface in Russian: the English text of each string, its Russian.

A plural is a tuple of forms in the order of `PLURAL` (CLDR's categories for Russian whole numbers).
"""

PLURAL = ("one", "few", "many")

STRINGS: dict[str, str | tuple[str, ...]] = {
    # speech.html
    "Date": "Дата",
    "Event": "Событие",
    "Session": "Сессия",
    "Location": "Место",
    "Language": "Язык",
    "Kind": "Жанр",
    "Source": "Источник",
    "Recording": "Запись",
    "Video": "Видео",
    "Audio": "Аудио",
    # speech_player.html and podium-media.js: playing the recording from a statement
    "Play from here": "Воспроизвести с этого места",
    "Play from {time}": "Воспроизвести с {time}",
    "Play the video": "Смотреть видео",
    "{site}'s player loads only when you press play.": "Плеер {site} загрузится, только когда вы нажмёте.",
    "Open the recording": "Открыть запись",
    "Close the player": "Закрыть плеер",
    "Topics": "Темы",
    "Topics of this statement": "Темы этого высказывания",
    "retrieved": "получено",
    "Permalink to this statement": "Постоянная ссылка на это высказывание",
    "Permalink to statement {id}": "Постоянная ссылка на высказывание {id}",
    "Statement {n}": "Высказывание {n}",
    "Copy link to this statement": "Скопировать ссылку на это высказывание",
    "Copy link": "Копировать ссылку",
    "Copied": "Скопировано",
    "Cite…": "Цитировать…",
    "Embed…": "Встроить…",
    "Editor's note.": "Примечание редактора.",
    "Corrections to the source ({n})": "Исправления источника ({n})",
    "Correct this transcript": "Исправить эту стенограмму",
    ": propose a change by pull request.": ": предложите правку через pull request.",
    # kinds and delivery (the `kind` values of the front matter)
    "Speech": "Речь",
    "Statement": "Заявление",
    "Address": "Обращение",
    "Remarks": "Выступление",
    "Lecture": "Лекция",
    "Panel": "Панельная дискуссия",
    "Debate": "Дебаты",
    "Interview": "Интервью",
    "Press conference": "Пресс-конференция",
    "Other": "Другое",
    "as delivered": "по произнесённому",
    "as prepared": "по подготовленному тексту",
    "translation": "перевод",
    "written": "в письменном виде",
    # language names (core.text.LANGUAGES)
    "English": "английский",
    "Russian": "русский",
    "Kazakh": "казахский",
    "French": "французский",
    "German": "немецкий",
    "Spanish": "испанский",
    "Chinese": "китайский",
    "Arabic": "арабский",
    "Turkish": "турецкий",
    "Uzbek": "узбекский",
    "Kyrgyz": "киргизский",
    "Ukrainian": "украинский",
    # speech_list.html and home_summary.html
    "speeches": ("речь", "речи", "речей"),
    "statements": ("высказывание", "высказывания", "высказываний"),
    "speakers": ("спикер", "спикера", "спикеров"),
    "events": ("событие", "события", "событий"),
    "Latest speeches": "Последние речи",
    "All speeches →": "Все речи →",
    "No speeches yet. Editors add one with `podium new` or `podium import`.": (
        "Речей пока нет. Редакторы добавляют их командой `podium new` или `podium import`."
    ),
    "The {shown} newest of {total} speeches.": "Новейшие речи: {shown} из {total}.",
    # language_switcher.html and compare.html (podium-languages)
    "Language versions": "Языковые версии",
    "Also in": "Также на языках",
    "original": "оригинал",
    "official translation": "официальный перевод",
    "unofficial translation": "неофициальный перевод",
    "this page": "эта страница",
    "Side by side with the original": "Рядом с оригиналом",
    "Side by side": "Параллельно",
    "{original} and {translation} side by side": "{original} и {translation} параллельно",
    "Back to the speech": "Назад к речи",
    "Not in this version": "Нет в этой версии",
    "aligned by the editor": "выровнено редактором",
    "in order": "по порядку",
    "Languages": "Языки",
    # facet pages (podium-facets): hubs, term pages, pagers
    "topics": ("тема", "темы", "тем"),
    "Speakers": "Спикеры",
    "Speeches": "Речи",
    "Events": "События",
    "Dates": "Даты",
    "Place": "Место",
    "Website": "Сайт",
    "Programme": "Программа",
    "Editions": "Выпуски",
    "Portrait of {name}": "Портрет: {name}",
    "Country": "Страна",
    "Also written": "Другие написания",
    "Links": "Ссылки",
    "Roles": "Должности",
    "from": "с",
    "to": "по",
    "current": "по настоящее время",
    "Also": "См. также",
    "Subtopics": "Подтемы",
    "page {n} of {total}": "страница {n} из {total}",
    "No speaker has a speech in this archive yet.": "В архиве пока нет ни одной речи.",
    ", A–Z by name; the number is how many speeches each gave.": (
        ", по алфавиту; число — сколько речей произнёс каждый."
    ),
    "This archive has no topics yet: editors add them in topics.yml and tag speeches with `topics:`.": (
        "В архиве пока нет тем: редакторы добавляют их в topics.yml и отмечают речи полем `topics:`."
    ),
    "This archive has no events yet: editors add them in events.yml and name one with `event:`.": (
        "В архиве пока нет событий: редакторы добавляют их в events.yml и указывают полем `event:`."
    ),
    " of the archive's vocabulary; a topic's count includes its subtopics'.": (
        " в словаре архива; число у темы включает её подтемы."
    ),
    ": series, and their editions inside them; a series' count includes its editions'.": (
        ": серии и их выпуски; число у серии включает её выпуски."
    ),
    "Jump to a letter": "Перейти к букве",
    "Role": "Должность",
    "Any role": "Любая должность",
    "Organisation": "Организация",
    "Any organisation": "Любая организация",
    "Name": "Имя",
    "Pages": "Страницы",
    "Newer": "Новее",
    "Older": "Старше",
    "Breadcrumbs": "Навигационная цепочка",
    "Breadcrumb": "Навигационная цепочка",
    "Home": "Главная",
    "Follow": "Подписаться",
    "new speeches in a feed reader (Atom feed)": "новые речи в программе для чтения лент (Atom)",
    "Days": "Дни",
    "Other days": "Другие дни",
    "{year}, month not known": "{year} г., месяц неизвестен",
    "Without a known month: {n}.": "Без известного месяца: {n}.",
    "Other speeches": "Другие речи",
    "Photo": "Фото",
    "Downloads": "Скачать",
    "Every statement": "Все высказывания",
    "gzipped JSON Lines, one statement a line": "JSON Lines в gzip, по высказыванию в строке",
    "Speakers, roles, events and topics": "Ораторы, должности, события и темы",
    "Popolo JSON": "JSON в формате Popolo",
    "One speech as JSON": "Одна речь в JSON",
    "as Akoma Ntoso XML": "в XML Akoma Ntoso",
    "“{title}”; every speech has both files beside its page": (
        "«{title}»; у каждой речи оба файла лежат рядом с её страницей"
    ),
    "JSON Schema: {name}": "JSON Schema: {name}",
    "Feeds": "Ленты",
    "Atom feeds for a feed reader; each speaker's, topic's and event's page links its own (“Follow”).": (
        "Ленты Atom для программ чтения лент; страница каждого оратора, темы и события даёт ссылку на свою "
        "(«Подписаться»)."
    ),
    "The whole archive": "Весь архив",
    "Were you looking for one of these?": "Возможно, вы искали это?",
    "Statements on {label}": "Высказывания на тему «{label}»",
    "on this topic, from every speech that touches it.": "на эту тему, из всех речей, где она есть.",
    "in this archive": "в архиве",
    "tagged": "с этой темой",
    "Statements on this topic": "Высказывания на эту тему",
    "All {n} statements →": "Все высказывания ({n}) →",
    "and {n} more": "и ещё {n}",
    "Turns in panels and debates": "Реплики в панельных дискуссиях и дебатах",
    "Speeches with several speakers: {n}.": "Речи с несколькими спикерами: {n}.",
    "turn {n}": "реплика {n}",
    "Jump to": "Перейти к",
    "No speeches yet.": "Речей пока нет.",
    # search_page.html (podium-search) and the 404 page
    "Search the transcripts": "Поиск по стенограммам",
    'Words, or a "phrase in quotes"': "Слова или «фраза в кавычках»",
    "Search": "Искать",
    "Put a phrase in quotes to find those words in that order.": (
        "Возьмите фразу в кавычки, чтобы найти эти слова именно в таком порядке."
    ),
    "Press {slash} to come back here, {down} {up} to move through the results, {enter} to open one.": (
        "Нажмите {slash}, чтобы вернуться сюда, {down} {up} — чтобы идти по результатам, {enter} — чтобы открыть."
    ),
    "How search works": "Как устроен поиск",
    "Sort": "Порядок",
    "Most relevant": "Сначала самые подходящие",
    "Newest first": "Сначала новые",
    "Oldest first": "Сначала старые",
    "Filters": "Фильтры",
    "Search needs JavaScript. Every speech is also listed on the {link} page.": (
        "Для поиска нужен JavaScript. Все речи также перечислены на странице {link}."
    ),
    "Speakers, topics and events": "Спикеры, темы и события",
    "Show more speeches": "Показать ещё речи",
    # podium-search.js (passed by overrides/partials/podium-search.html) and the search page's year range
    "The one matching speech, with filters and sorting": "Единственная подходящая речь, с фильтрами и сортировкой",
    "All {n} speeches with filters and sorting": (
        "Все {n} речь с фильтрами и сортировкой",
        "Все {n} речи с фильтрами и сортировкой",
        "Все {n} речей с фильтрами и сортировкой",
    ),
    "No speech matches. Search page": "Ничего не найдено. Страница поиска",
    'Type words to search every transcript, or a "phrase in quotes".': (
        "Введите слова, чтобы искать во всех стенограммах, или «фразу в кавычках»."
    ),
    "Search could not load. Try reloading the page.": "Поиск не загрузился. Попробуйте обновить страницу.",
    "No speech matches for {query}.": "По запросу «{query}» ничего не найдено.",
    "No speech matches.": "Ничего не найдено.",
    "{n} speeches match": ("Найдена {n} речь", "Найдены {n} речи", "Найдено {n} речей"),
    "{n} more speeches may match; they are checked as you show more.": (
        "Ещё {n} речь может подойти; она будет проверена, когда вы покажете больше.",
        "Ещё {n} речи могут подойти; они будут проверены, когда вы покажете больше.",
        "Ещё {n} речей могут подойти; они будут проверены, когда вы покажете больше.",
    ),
    "Checking {n} more speeches that may match…": (
        "Проверяется ещё {n} речь, которая может подойти…",
        "Проверяются ещё {n} речи, которые могут подойти…",
        "Проверяются ещё {n} речей, которые могут подойти…",
    ),
    "Up to {n} speeches, with filters and sorting": (
        "До {n} речи, с фильтрами и сортировкой",
        "До {n} речей, с фильтрами и сортировкой",
        "До {n} речей, с фильтрами и сортировкой",
    ),
    " for {query}": " по запросу «{query}»",
    " (showing {shown})": " (показано: {shown})",
    "{n} more matching statements in this speech": (
        "Ещё {n} подходящее высказывание в этой речи",
        "Ещё {n} подходящих высказывания в этой речи",
        "Ещё {n} подходящих высказываний в этой речи",
    ),
    "All {n}": "Все ({n})",
    "No speech mentions “{query}”.": "Ни одна речь не упоминает «{query}».",
    "Speeches by {name}: {n}.": "Речи спикера {name}: {n}.",
    "Years": "Годы",
    "From": "С",
    "To": "По",
    "Page not found": "Страница не найдена",
    "Nothing is published at this address. The speech or page may have moved, or the link may be mistyped.": (
        "По этому адресу ничего нет. Возможно, речь или страница переехала, или в ссылке опечатка."
    ),
    "Search the speeches": "Поиск по речам",
    "Browse the archive": "Разделы архива",
    "Search speeches": "Поиск по речам",
    "Quick results": "Быстрые результаты",
    # xref_statement.html (podium-xref)
    "See also:": "См. также:",
    "Referenced in {count}": "Ссылки из других речей: {count}",
    "Related ({n})": "Похожие ({n})",
    # charts (facets/charts.py) on facet pages
    "Speeches per year": "Речи по годам",
    "The number of speeches in the archive in each year.": "Число речей в архиве за каждый год.",
    "Speeches per month in {label}": "Речи по месяцам, {label}",
    "The number of speeches in each month of {label}.": "Число речей за каждый месяц {label} года.",
    "Speeches by {label} in each year.": "Речи: {label}, по годам.",
    "Speeches on {label} in each year.": "Речи на тему «{label}», по годам.",
    "Speeches at {label} in each year.": "Речи на событии «{label}», по годам.",
    "The figures as a table": "Цифры в виде таблицы",
    "Year": "Год",
    "Month": "Месяц",
    "{total} in all; the most in one bar: {most}.": "Всего: {total}; больше всего в одном столбце: {most}.",
    # search filters (search_page.html legends)
    "Speaker": "Спикер",
    "Topic": "Тема",
    # feeds and data files named in a page's <link rel="alternate"> (cite/metadata.py)
    "{site}: all speeches": "{site}: все речи",
    "Speeches by {name}": "Речи спикера {name}",
    "Speeches at {name}": "Речи на событии «{name}»",
    "This speech as JSON (Popolo, gzip)": "Эта речь в JSON (Popolo, gzip)",
    "This speech as Akoma Ntoso XML (gzip)": "Эта речь в XML Akoma Ntoso (gzip)",
    # podium-xref's and podium-cite's pages (xref_*.html, speech_cite.html, quote_page.html), podium-cite.js
    "References received": "Ссылки на высказывания",
    ("The {shown} newest of {total} references. Each statement lists all of its references under “Referenced in”."): (
        "Новейшие ссылки: {shown} из {total}. Каждое высказывание перечисляет все ссылки на себя в "
        "разделе «Ссылки из других речей»."
    ),
    "No statement refers to this speaker's statements yet.": (
        "Пока ни одно высказывание не ссылается на высказывания этого спикера."
    ),
    "Referenced from {n} other speeches": (
        "Ссылки из {n} другой речи",
        "Ссылки из {n} других речей",
        "Ссылки из {n} других речей",
    ),
    "references": (
        "ссылка",
        "ссылки",
        "ссылок",
    ),
    (
        "Paste a quotation as printed. The answer is <strong>found verbatim</strong>, "
        "<strong>found with differences</strong> (marked: <del>words said but changed or "
        "dropped</del>, <ins>words added or changed by the quotation</ins>) or <strong>not "
        "found</strong>, when no statement is close enough to be the source. The fidelity is the "
        "share of words the quotation and the statement have in common."
    ): (
        "Вставьте цитату в том виде, в каком она напечатана. Ответ: <strong>найдена "
        "дословно</strong>, <strong>найдена с отличиями</strong> (отмечены: <del>сказанные слова, "
        "изменённые или пропущенные</del>, <ins>слова, добавленные или изменённые в цитате</ins>) "
        "или <strong>не найдена</strong>, если ни одно высказывание не настолько близко, чтобы "
        "быть источником. Точность — доля слов, общих для цитаты и высказывания."
    ),
    "Quotation": "Цитата",
    "Multilateralism is foundering": "Многосторонность терпит крах",
    "Check": "Проверить",
    "This page needs JavaScript. Without it, run {command} in a copy of the archive.": (
        "Этой странице нужен JavaScript. Без него выполните {command} в копии архива."
    ),
    "Searches {n} statements. The same check runs from the command line:": (
        "Поиск по высказываниям: {n}. Та же проверка запускается из командной строки:"
    ),
    "Quoted in": "Цитируется в",
    "Share of words in common with what was said": "Доля слов, совпадающих со сказанным",
    "{n}% fidelity": "точность {n}%",
    "Found verbatim": "Найдена дословно",
    "Found with differences": "Найдена с отличиями",
    "Not found in the statement": "Не найдена в высказывании",
    ", inside a quotation in the statement": ", внутри цитаты в самом высказывании",
    "The quotation against the statement": "Цитата в сравнении с высказыванием",
    "said": "сказано",
    "quoted": "в цитате",
    "added by the quotation": "добавлено в цитате",
    "dropped by the quotation": "пропущено в цитате",
    "what was said ¶": "что было сказано ¶",
    "Not found": "Не найдена",
    "changed: {n}": "изменено: {n}",
    "added: {n}": "добавлено: {n}",
    "dropped: {n}": "пропущено: {n}",
    "verbatim": "дословно",
    "not found in this transcript": "не найдена в этой стенограмме",
    "Cite, share or embed this statement": "Цитировать, поделиться или встроить это высказывание",
    "Cite this statement": "Цитировать это высказывание",
    "Copy citation": "Копировать цитату",
    "Copy embed code": "Копировать код для вставки",
    "Copy iframe": "Копировать iframe",
    "Tip: select words in the statement to get a link that highlights them.": (
        "Совет: выделите слова в высказывании, чтобы получить ссылку, которая их подсветит."
    ),
    "Copy link to selection": "Копировать ссылку на выделенное",
    "Link copied": "Ссылка скопирована",
    "Not found: no statement in the archive is close to this quotation.": (
        "Не найдена: в архиве нет высказывания, близкого к этой цитате."
    ),
    "The quote index could not be loaded ({error}).": "Не удалось загрузить указатель цитат ({error}).",
    # embed.html (podium-cite)
    "This statement is not in the archive.": "Этого высказывания нет в архиве.",
    # the navigation and the palette's toggles `podium init --language` writes into mkdocs.yml
    "Quote check": "Проверка цитат",
    "Data": "Данные",
    "About": "О проекте",
    "Searching": "Как искать",
    "Switch to dark mode": "Тёмная тема",
    "Switch to light mode": "Светлая тема",
}
