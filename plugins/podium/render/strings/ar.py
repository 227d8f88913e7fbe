"""Podium's interface in Arabic: the English text of each string, its Arabic.

A plural is a tuple of six forms in the order of `PLURAL`, the CLDR's categories for Arabic: 0, 1, 2, 3 to 10,
11 to 99, and 100 and on (`other`). Language names come from the CLDR (`render.i18n`); Material writes the
page right to left for `theme.language: ar`.
"""

PLURAL = ("zero", "one", "two", "few", "many", "other")

STRINGS: dict[str, str | tuple[str, ...]] = {
    # speech.html
    "Date": "التاريخ",
    "Event": "الفعالية",
    "Session": "الجلسة",
    "Location": "المكان",
    "Language": "اللغة",
    "Kind": "النوع",
    "Source": "المصدر",
    "Recording": "التسجيل",
    "Video": "فيديو",
    "Audio": "صوت",
    # speech_player.html and podium-media.js: playing the recording from a statement
    "Play from here": "التشغيل من هنا",
    "Play from {time}": "التشغيل من {time}",
    "Play the video": "تشغيل الفيديو",
    "{site}'s player loads only when you press play.": "لا يُحمَّل مشغّل {site} إلا عندما تضغط على التشغيل.",
    "Open the recording": "فتح التسجيل",
    "Close the player": "إغلاق المشغّل",
    "Topics": "المواضيع",
    "Topics of this statement": "مواضيع هذه الفقرة",
    "retrieved": "تم الاطلاع في",
    "Permalink to this statement": "رابط دائم لهذه الفقرة",
    "Permalink to statement {id}": "رابط دائم للفقرة {id}",
    "Statement {n}": "الفقرة {n}",
    "Copy link to this statement": "نسخ رابط هذه الفقرة",
    "Copy link": "نسخ الرابط",
    "Copied": "تم النسخ",
    "Cite…": "اقتباس…",
    "Embed…": "تضمين…",
    "Editor's note.": "ملاحظة المحرر.",
    "Corrections to the source ({n})": "تصحيحات على المصدر ({n})",
    "Correct this transcript": "تصحيح هذا النص",
    ": propose a change by pull request.": ": اقترح تعديلًا عبر طلب سحب (pull request).",
    # kinds and delivery (the `kind` values of the front matter)
    "Speech": "خطاب",
    "Statement": "بيان",
    "Address": "كلمة",
    "Remarks": "ملاحظات",
    "Lecture": "محاضرة",
    "Panel": "جلسة نقاش",
    "Debate": "مناظرة",
    "Interview": "مقابلة",
    "Press conference": "مؤتمر صحفي",
    "Other": "أخرى",
    "as delivered": "كما أُلقي",
    "as prepared": "كما أُعدّ",
    "translation": "ترجمة",
    "written": "مكتوب",
    # speech_list.html and home_summary.html
    "speeches": ("خطاب", "خطاب", "خطابان", "خطابات", "خطابًا", "خطاب"),
    "statements": ("فقرة", "فقرة", "فقرتان", "فقرات", "فقرة", "فقرة"),
    "speakers": ("متحدث", "متحدث", "متحدثان", "متحدثين", "متحدثًا", "متحدث"),
    "events": ("فعالية", "فعالية", "فعاليتان", "فعاليات", "فعالية", "فعالية"),
    "Latest speeches": "أحدث الخطابات",
    "All speeches →": "كل الخطابات ←",
    "No speeches yet. Editors add one with `podium new` or `podium import`.": (
        "لا توجد خطابات بعد. يضيفها المحررون باستخدام `podium new` أو `podium import`."
    ),
    "The {shown} newest of {total} speeches.": "أحدث {shown} من أصل {total} خطاب.",
    # language_switcher.html and compare.html (podium-languages)
    "Language versions": "النسخ اللغوية",
    "Also in": "متوفر أيضًا بـ",
    "original": "الأصل",
    "official translation": "ترجمة رسمية",
    "unofficial translation": "ترجمة غير رسمية",
    "this page": "هذه الصفحة",
    "Side by side with the original": "جنبًا إلى جنب مع الأصل",
    "Side by side": "جنبًا إلى جنب",
    "{original} and {translation} side by side": "{original} و{translation} جنبًا إلى جنب",
    "Back to the speech": "العودة إلى الخطاب",
    "Not in this version": "غير موجود في هذه النسخة",
    "aligned by the editor": "محاذاة المحرر",
    "in order": "بالترتيب",
    "Languages": "اللغات",
    # facet pages (podium-facets): hubs, term pages, pagers
    "topics": ("موضوع", "موضوع", "موضوعان", "مواضيع", "موضوعًا", "موضوع"),
    "Speakers": "المتحدثون",
    "Speeches": "الخطابات",
    "Events": "الفعاليات",
    "Dates": "التواريخ",
    "Place": "المكان",
    "Website": "الموقع الإلكتروني",
    "Programme": "البرنامج",
    "Editions": "الدورات",
    "Portrait of {name}": "صورة {name}",
    "Country": "البلد",
    "Also written": "يُكتب أيضًا",
    "Links": "روابط",
    "Roles": "المناصب",
    "from": "من",
    "to": "إلى",
    "current": "حتى الآن",
    "Also": "انظر أيضًا",
    "Subtopics": "مواضيع فرعية",
    "page {n} of {total}": "الصفحة {n} من {total}",
    "No speaker has a speech in this archive yet.": "لا يوجد بعد أي خطاب لأي متحدث في هذا الأرشيف.",
    ", A–Z by name; the number is how many speeches each gave.": (
        "، مرتبون أبجديًا بالاسم؛ والرقم هو عدد خطابات كل منهم."
    ),
    "This archive has no topics yet: editors add them in topics.yml and tag speeches with `topics:`.": (
        "لا توجد مواضيع في هذا الأرشيف بعد: يضيفها المحررون في topics.yml ويوسمون بها الخطابات عبر `topics:`."
    ),
    "This archive has no events yet: editors add them in events.yml and name one with `event:`.": (
        "لا توجد فعاليات في هذا الأرشيف بعد: يضيفها المحررون في events.yml ويذكرونها عبر `event:`."
    ),
    " of the archive's vocabulary; a topic's count includes its subtopics'.": (
        " من مفردات الأرشيف؛ ويشمل عدد كل موضوع مواضيعه الفرعية."
    ),
    ": series, and their editions inside them; a series' count includes its editions'.": (
        ": السلاسل ودوراتها؛ ويشمل عدد كل سلسلة دوراتها."
    ),
    "Jump to a letter": "الانتقال إلى حرف",
    "Role": "المنصب",
    "Any role": "أي منصب",
    "Organisation": "المنظمة",
    "Any organisation": "أي منظمة",
    "Name": "الاسم",
    "Pages": "الصفحات",
    "Newer": "الأحدث",
    "Older": "الأقدم",
    "Breadcrumbs": "مسار التنقل",
    "Breadcrumb": "مسار التنقل",
    "Home": "الرئيسية",
    "Follow": "متابعة",
    "new speeches in a feed reader (Atom feed)": "الخطابات الجديدة في قارئ الخلاصات (خلاصة Atom)",
    "Days": "الأيام",
    "Other days": "أيام أخرى",
    "{year}, month not known": "{year}، الشهر غير معروف",
    "Without a known month: {n}.": "دون شهر معروف: {n}.",
    "Other speeches": "خطابات أخرى",
    "Photo": "صورة",
    "Downloads": "التنزيلات",
    "Every statement": "كل الفقرات",
    "gzipped JSON Lines, one statement a line": "JSON Lines مضغوط بـ gzip، فقرة في كل سطر",
    "Speakers, roles, events and topics": "المتحدثون والمناصب والفعاليات والمواضيع",
    "Popolo JSON": "JSON بصيغة Popolo",
    "One speech as JSON": "خطاب واحد بصيغة JSON",
    "as Akoma Ntoso XML": "بصيغة Akoma Ntoso XML",
    "“{title}”; every speech has both files beside its page": "«{title}»؛ لكل خطاب الملفان بجانب صفحته",
    "JSON Schema: {name}": "JSON Schema: {name}",
    "Feeds": "الخلاصات",
    "Atom feeds for a feed reader; each speaker's, topic's and event's page links its own (“Follow”).": (
        "خلاصات Atom لقارئ الخلاصات؛ وتربط صفحة كل متحدث وموضوع وفعالية بخلاصتها («متابعة»)."
    ),
    "The whole archive": "الأرشيف كله",
    "Were you looking for one of these?": "هل كنت تبحث عن إحدى هذه الصفحات؟",
    "Statements on {label}": "فقرات عن «{label}»",
    "on this topic, from every speech that touches it.": "عن هذا الموضوع، من كل خطاب يتناوله.",
    "in this archive": "في هذا الأرشيف",
    "tagged": "موسومة",
    "Statements on this topic": "فقرات عن هذا الموضوع",
    "All {n} statements →": "كل الفقرات ({n}) ←",
    "and {n} more": "و{n} أخرى",
    "Turns in panels and debates": "المداخلات في جلسات النقاش والمناظرات",
    "Speeches with several speakers: {n}.": "خطابات بعدة متحدثين: {n}.",
    "turn {n}": "المداخلة {n}",
    "Jump to": "الانتقال إلى",
    "No speeches yet.": "لا توجد خطابات بعد.",
    # search_page.html (podium-search) and the 404 page
    "Search the transcripts": "البحث في النصوص",
    'Words, or a "phrase in quotes"': "كلمات، أو «عبارة بين علامتي تنصيص»",
    "Search": "بحث",
    "Put a phrase in quotes to find those words in that order.": (
        "ضع العبارة بين علامتي تنصيص لتجد هذه الكلمات بهذا الترتيب."
    ),
    "Press {slash} to come back here, {down} {up} to move through the results, {enter} to open one.": (
        "اضغط {slash} للعودة إلى هنا، و{down} {up} للتنقل بين النتائج، و{enter} لفتح إحداها."
    ),
    "How search works": "كيف يعمل البحث",
    "Sort": "الترتيب",
    "Most relevant": "الأكثر صلة",
    "Newest first": "الأحدث أولًا",
    "Oldest first": "الأقدم أولًا",
    "Filters": "عوامل التصفية",
    "Search needs JavaScript. Every speech is also listed on the {link} page.": (
        "يحتاج البحث إلى JavaScript. وكل الخطابات مدرجة أيضًا في صفحة {link}."
    ),
    "Speakers, topics and events": "المتحدثون والمواضيع والفعاليات",
    "Show more speeches": "عرض مزيد من الخطابات",
    # podium-search.js (passed by overrides/partials/podium-search.html) and the search page's year range
    "The one matching speech, with filters and sorting": "الخطاب المطابق الوحيد، مع التصفية والترتيب",
    "All {n} speeches with filters and sorting": (
        "كل الخطابات ({n}) مع التصفية والترتيب",
        "الخطاب ({n}) مع التصفية والترتيب",
        "الخطابان ({n}) مع التصفية والترتيب",
        "كل الخطابات الـ{n} مع التصفية والترتيب",
        "كل الخطابات الـ{n} مع التصفية والترتيب",
        "كل الخطابات الـ{n} مع التصفية والترتيب",
    ),
    "No speech matches. Search page": "لا يوجد خطاب مطابق. صفحة البحث",
    'Type words to search every transcript, or a "phrase in quotes".': (
        "اكتب كلمات للبحث في كل النصوص، أو «عبارة بين علامتي تنصيص»."
    ),
    "Search could not load. Try reloading the page.": "تعذّر تحميل البحث. حاول إعادة تحميل الصفحة.",
    "No speech matches for {query}.": "لا يوجد خطاب مطابق لـ«{query}».",
    "No speech matches.": "لا يوجد خطاب مطابق.",
    "{n} speeches match": (
        "{n} خطاب مطابق",
        "{n} خطاب مطابق",
        "{n} خطابان مطابقان",
        "{n} خطابات مطابقة",
        "{n} خطابًا مطابقًا",
        "{n} خطاب مطابق",
    ),
    "{n} more speeches may match; they are checked as you show more.": (
        "قد يطابق {n} خطاب آخر؛ يُتحقق منه عند عرض المزيد.",
        "قد يطابق {n} خطاب آخر؛ يُتحقق منه عند عرض المزيد.",
        "قد يطابق {n} خطابان آخران؛ يُتحقق منهما عند عرض المزيد.",
        "قد تطابق {n} خطابات أخرى؛ يُتحقق منها عند عرض المزيد.",
        "قد يطابق {n} خطابًا آخر؛ يُتحقق منها عند عرض المزيد.",
        "قد يطابق {n} خطاب آخر؛ يُتحقق منها عند عرض المزيد.",
    ),
    "Checking {n} more speeches that may match…": (
        "جارٍ التحقق من {n} خطاب آخر قد يطابق…",
        "جارٍ التحقق من {n} خطاب آخر قد يطابق…",
        "جارٍ التحقق من {n} خطابين آخرين قد يطابقان…",
        "جارٍ التحقق من {n} خطابات أخرى قد تطابق…",
        "جارٍ التحقق من {n} خطابًا آخر قد يطابق…",
        "جارٍ التحقق من {n} خطاب آخر قد يطابق…",
    ),
    "Up to {n} speeches, with filters and sorting": (
        "حتى {n} خطاب، مع التصفية والترتيب",
        "حتى {n} خطاب، مع التصفية والترتيب",
        "حتى {n} خطابين، مع التصفية والترتيب",
        "حتى {n} خطابات، مع التصفية والترتيب",
        "حتى {n} خطابًا، مع التصفية والترتيب",
        "حتى {n} خطاب، مع التصفية والترتيب",
    ),
    " for {query}": " لـ«{query}»",
    " (showing {shown})": " (المعروض: {shown})",
    "{n} more matching statements in this speech": (
        "{n} فقرة مطابقة أخرى في هذا الخطاب",
        "{n} فقرة مطابقة أخرى في هذا الخطاب",
        "{n} فقرتان مطابقتان أخريان في هذا الخطاب",
        "{n} فقرات مطابقة أخرى في هذا الخطاب",
        "{n} فقرة مطابقة أخرى في هذا الخطاب",
        "{n} فقرة مطابقة أخرى في هذا الخطاب",
    ),
    "All {n}": "الكل ({n})",
    "No speech mentions “{query}”.": "لا يذكر أي خطاب «{query}».",
    "Speeches by {name}: {n}.": "خطابات {name}: {n}.",
    "Years": "السنوات",
    "From": "من",
    "To": "إلى",
    "Page not found": "الصفحة غير موجودة",
    "Nothing is published at this address. The speech or page may have moved, or the link may be mistyped.": (
        "لا يوجد شيء منشور على هذا العنوان. ربما نُقل الخطاب أو الصفحة، أو ربما في الرابط خطأ مطبعي."
    ),
    "Search the speeches": "البحث في الخطابات",
    "Browse the archive": "تصفح الأرشيف",
    "Search speeches": "البحث في الخطابات",
    "Quick results": "نتائج سريعة",
    # xref_statement.html (podium-xref)
    "See also:": "انظر أيضًا:",
    "Referenced in {count}": "ورد ذكرها في {count}",
    "Related ({n})": "ذات صلة ({n})",
    # charts (facets/charts.py) on facet pages
    "Speeches per year": "الخطابات في كل سنة",
    "The number of speeches in the archive in each year.": "عدد الخطابات في الأرشيف في كل سنة.",
    "Speeches per month in {label}": "الخطابات في كل شهر من {label}",
    "The number of speeches in each month of {label}.": "عدد الخطابات في كل شهر من {label}.",
    "Speeches by {label} in each year.": "خطابات {label} في كل سنة.",
    "Speeches on {label} in each year.": "الخطابات عن «{label}» في كل سنة.",
    "Speeches at {label} in each year.": "الخطابات في «{label}» في كل سنة.",
    "The figures as a table": "الأرقام في جدول",
    "Year": "السنة",
    "Month": "الشهر",
    "{total} in all; the most in one bar: {most}.": "المجموع {total}؛ والأكثر في عمود واحد: {most}.",
    # search filters (search_page.html legends)
    "Speaker": "المتحدث",
    "Topic": "الموضوع",
    # feeds and data files named in a page's <link rel="alternate"> (cite/metadata.py)
    "{site}: all speeches": "{site}: كل الخطابات",
    "Speeches by {name}": "خطابات {name}",
    "Speeches at {name}": "الخطابات في «{name}»",
    "This speech as JSON (Popolo, gzip)": "هذا الخطاب بصيغة JSON (Popolo، gzip)",
    "This speech as Akoma Ntoso XML (gzip)": "هذا الخطاب بصيغة Akoma Ntoso XML (gzip)",
    # podium-xref's and podium-cite's pages (xref_*.html, speech_cite.html, quote_page.html), podium-cite.js
    "References received": "الإحالات الواردة",
    ("The {shown} newest of {total} references. Each statement lists all of its references under “Referenced in”."): (
        "أحدث {shown} من أصل {total} إحالة. وتسرد كل فقرة كل الإحالات إليها تحت «ورد ذكرها في»."
    ),
    "No statement refers to this speaker's statements yet.": ("لا تحيل أي فقرة بعد إلى فقرات هذا المتحدث."),
    "Referenced from {n} other speeches": (
        "ورد ذكره في {n} خطاب آخر",
        "ورد ذكره في {n} خطاب آخر",
        "ورد ذكره في {n} خطابين آخرين",
        "ورد ذكره في {n} خطابات أخرى",
        "ورد ذكره في {n} خطابًا آخر",
        "ورد ذكره في {n} خطاب آخر",
    ),
    "references": (
        "إحالة",
        "إحالة",
        "إحالتان",
        "إحالات",
        "إحالة",
        "إحالة",
    ),
    (
        "Paste a quotation as printed. The answer is <strong>found verbatim</strong>, "
        "<strong>found with differences</strong> (marked: <del>words said but changed or "
        "dropped</del>, <ins>words added or changed by the quotation</ins>) or <strong>not "
        "found</strong>, when no statement is close enough to be the source. The fidelity is the "
        "share of words the quotation and the statement have in common."
    ): (
        "الصق الاقتباس كما نُشر. تكون الإجابة <strong>موجود حرفيًا</strong> أو <strong>موجود مع "
        "اختلافات</strong> (مع تمييز: <del>كلمات قيلت لكنها غُيّرت أو حُذفت</del>، <ins>كلمات "
        "أضافها الاقتباس أو غيّرها</ins>) أو <strong>غير موجود</strong> حين لا تكون أي فقرة قريبة "
        "بما يكفي لتكون المصدر. الأمانة هي نسبة الكلمات المشتركة بين الاقتباس والفقرة."
    ),
    "Quotation": "الاقتباس",
    "Multilateralism is foundering": "التعددية تتداعى",
    "Check": "تحقق",
    "This page needs JavaScript. Without it, run {command} in a copy of the archive.": (
        "تحتاج هذه الصفحة إلى JavaScript. ومن دونه شغّل {command} في نسخة من الأرشيف."
    ),
    "Searches {n} statements. The same check runs from the command line:": (
        "يبحث في {n} فقرة. ويمكن إجراء التحقق نفسه من سطر الأوامر:"
    ),
    "Quoted in": "مقتبس في",
    "Share of words in common with what was said": "نسبة الكلمات المشتركة مع ما قيل",
    "{n}% fidelity": "أمانة {n}٪",
    "Found verbatim": "موجود حرفيًا",
    "Found with differences": "موجود مع اختلافات",
    "Not found in the statement": "غير موجود في الفقرة",
    ", inside a quotation in the statement": "، داخل اقتباس في الفقرة نفسها",
    "The quotation against the statement": "الاقتباس مقارنةً بالفقرة",
    "said": "ما قيل",
    "quoted": "ما اقتُبس",
    "added by the quotation": "أضافه الاقتباس",
    "dropped by the quotation": "حذفه الاقتباس",
    "what was said ¶": "ما قيل ¶",
    "Not found": "غير موجود",
    "changed: {n}": "غُيّر: {n}",
    "added: {n}": "أُضيف: {n}",
    "dropped: {n}": "حُذف: {n}",
    "verbatim": "حرفيًا",
    "not found in this transcript": "غير موجود في هذا النص",
    "Cite, share or embed this statement": "اقتبس هذه الفقرة أو شاركها أو ضمّنها",
    "Cite this statement": "اقتبس هذه الفقرة",
    "Copy citation": "نسخ المرجع",
    "Copy embed code": "نسخ رمز التضمين",
    "Copy iframe": "نسخ iframe",
    "Tip: select words in the statement to get a link that highlights them.": (
        "تلميح: حدّد كلمات في الفقرة لتحصل على رابط يبرزها."
    ),
    "Copy link to selection": "نسخ رابط التحديد",
    "Link copied": "تم نسخ الرابط",
    "Not found: no statement in the archive is close to this quotation.": (
        "غير موجود: لا توجد في الأرشيف فقرة قريبة من هذا الاقتباس."
    ),
    "The quote index could not be loaded ({error}).": "تعذّر تحميل فهرس الاقتباسات ({error}).",
    # embed.html (podium-cite)
    "This statement is not in the archive.": "هذه الفقرة غير موجودة في الأرشيف.",
    # the navigation and the palette's toggles `podium init --language` writes into mkdocs.yml
    "Quote check": "التحقق من الاقتباس",
    "Data": "البيانات",
    "About": "حول الأرشيف",
    "Searching": "كيفية البحث",
    "Switch to dark mode": "التبديل إلى الوضع الداكن",
    "Switch to light mode": "التبديل إلى الوضع الفاتح",
}
