"""How well `podium lint` finds what scrapes leave, measured on prose whose truth is known.

    python bench/lint_eval.py                    # 40 transcripts, the figures in docs/editors/lint.md
    python bench/lint_eval.py --speeches 8 --json out.json
    python bench/lint_eval.py --seed 1 2 3 4 5 --prose speeches/2025/aif-2025-tokayev-plenary.md bench/prose/*.txt

1. **Clean prose**, generated: varied English addresses in an old formal register (long paragraphs, quotations
   of several paragraphs, refrains, greetings, stage directions, names and loanwords with accents, `AT&T`,
   `iPhone`, `e.g.`, suspended hyphens, `as Lincoln said`), and shorter French, German, Turkish, Russian and
   Kazakh transcripts. Nothing is copied from a real text; every sentence is assembled here from word lists.
2. **Injected artifacts**, one per paragraph at most, each kind the issue lists: stray accents (lowercase and
   capitalised words), mojibake (single, a “…” pair, twice encoded), raw HTML entities, invisible characters,
   glued words, cut words, boilerplate lines (old and new kinds), duplicated paragraphs, double spaces, and a
   reporter's framing. The injector knows only the text it writes: it imports nothing from `podium`, so it
   cannot share a mistake with the rules it measures.
3. **Matching** by file and line, the way an editor reads a report: a finding on an injected line is a hit,
   any other finding is a false alarm. Recall per kind, precision overall, warnings per 10,000 words on the
   clean prose, and whether `--fix` restores every fixable artifact exactly and changes no clean line.

**Real prose** (`--prose FILE...`) replaces step 1, since the rules were tuned on the generated prose: the
paragraphs of transcripts, Markdown pages or plain text, each file copied as often as the artifacts need. `--scraped
FILE...` adds
real text that may carry a scrape's own artifacts: what lint finds in it first is listed apart, and is neither a
clean-prose warning nor a false alarm. bench/prose/ holds passages of public-domain addresses.

The targets: recall at least 90% overall and 80% for every kind, precision at least 90%, fewer than 1 warning
per 10,000 words of clean prose, and no clean character changed by `--fix`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

TARGETS = {"recall": 0.90, "recall_per_kind": 0.80, "precision": 0.90, "clean_per_10k": 1.0}

# -- clean prose ----------------------------------------------------------------------------------------------------

SUBJECTS = [
    "The government",
    "This nation",
    "Our people",
    "The Congress",
    "The Constitution",
    "Every citizen",
    "The Senate",
    "Our republic",
    "The assembly",
    "Each generation",
    "The world",
    "This administration",
    "Our country",
    "The United States",
    "The common wealth of our states",
    "The treaty",
    "The union",
    "History",
    "Justice",
    "Freedom",
    "The law",
    "Our economy",
    "The budget",
    "The army",
    "Education",
    "Agriculture",
    "Commerce",
    "Industry",
    "The public credit",
    "Our foreign policy",
]
VERBS = [
    "must protect",
    "has secured",
    "will defend",
    "cannot ignore",
    "should consider",
    "has preserved",
    "will strengthen",
    "must reform",
    "has never abandoned",
    "will restore",
    "ought to encourage",
    "must guard",
    "shall honour",
    "has advanced",
    "will sustain",
    "may yet improve",
    "has always respected",
    "must not neglect",
    "will examine",
    "has carefully weighed",
]
OBJECTS = [
    "the liberty of every citizen",
    "the rights of the several states",
    "the peace of the world",
    "the welfare of the people",
    "the independence of the courts",
    "the credit of the nation",
    "the dignity of labour",
    "the education of our children",
    "the commerce between nations",
    "the principles of the Constitution",
    "the institutions of free government",
    "the fruits of honest industry",
    "the hopes of the generations to come",
    "the security of our frontiers",
    "the friendship of distant nations",
    "the ordinary business of the republic",
    "the balance between the branches of government",
    "the freedom of the press",
    "the sacred trust of public office",
    "the resources of the continent",
    "the public revenue and its careful management",
    "the settlement of the western territories",
]
ADVERBIALS = [
    "in these difficult times",
    "with patience and resolve",
    "without fear or favour",
    "for the benefit of all",
    "in the years ahead",
    "at home and abroad",
    "through honest labour",
    "by every lawful means",
    "before the eyes of the world",
    "in the spirit of our founders",
    "with the consent of the governed",
    "as long as I hold this office",
    "in war and in peace",
    "under the rule of law",
]
OPENERS = [
    "Fellow citizens, ",
    "Gentlemen, ",
    "Let me say plainly that ",
    "It is my firm belief that ",
    "We must remember that ",
    "Experience has taught us that ",
    "No one can doubt that ",
    "I am persuaded that ",
    "History records that ",
    "Therefore ",
    "Moreover, ",
    "Yet ",
    "And so ",
    "In short, ",
    "Above all, ",
    "",
    "",
    "",
    "",
]
EXTRAS = [
    "As President Lincoln said, “government of the people, by the people, for the people” shall not perish.",
    "I said as much to the delegates at Philadelphia, and I say it again today.",
    "Our chargé d’affaires in Paris reported the matter in a brief communiqué.",
    "The army lacked matériel, and the old régime knew it.",
    "It would be naïve to think that a résumé of good intentions is a policy.",
    "Our envoy met José Martí’s admirers in a small café near the harbour.",
    "The delegation travelled from Zürich to Côte d’Ivoire and on to São Paulo.",
    "President Erdoğan and Chancellor Merkel spoke of détente and of a new rôle for Europe.",
    "The firm of Smith & Sons, the engineers of AT&T and the laboratories of R&D all answered the call.",
    "A farmer with an iPhone can now sell his grain on eBay, and his children learn from YouTube.",
    "Both pre- and post-war budgets were balanced, in short- and long-term accounts alike.",
    "The session opened at 10:30, e.g. after the prayer, and the vote passed 3:1.",
    "The report, published at www.example.org, is open to every citizen.",
    "We meet — as our fathers met — to keep faith with the living and the dead.",
    "Some will say it cannot be done; they said so before, and they were wrong.",
    "The figures are plain: revenue rose, debt fell, and trade doubled.",
    "“Freedom,” my father used to tell me, “is never more than one generation away from extinction.”",
    "This is no time for the élite of any capital to hide behind a façade of protocol.",
    "Over the past decade, McDonald’s and a hundred smaller firms opened their doors in our towns.",
    "The U.S. Senate, the House and the courts — i.e. the whole of government — must act.",
    "As my father said, there is no substitute for hard work.",
    "We don’t ask for favours; we ask for fairness, and we won’t settle for less.",
    "Nineteenth- and twentieth-century reformers taught us the same lesson.",
    "The Honourable Member for Ross-shire spoke of the so-called ‘free trade’ question.",
    "We paid $3,000,000 for Louisiana; the vote was 26–6, and 3.5 million citizens were counted.",
    "The Chargé d’Affaires of Perú and the Ambassador of México were present.",
    "Dr. Martin Luther King Jr. spoke in St. Louis, and then in Washington, D.C.",
    "Our delegate, Mr. O’Brien, and Mme. Curie’s students attended the congress.",
    "The motto E pluribus unum and the words coup d’état are known to every schoolchild.",
    "See section 2(b)(iii) of the Act, and the well-known end-of-year report.",
    "The DeWitt Clinton canal and the MacArthur doctrine were debated at length.",
    "In 1848, the régime of Louis-Philippe fell, and a new republic was proclaimed.",
    "“Blessed are the peacemakers,” says the Scripture, and I believe it.",
    "“We shall overcome,” I said, and the whole hall answered me.",
    "I told reporters what I tell you now: the door is open.",
    "Self- and mutual-help societies grew in every county.",
    "The café owners of Montréal and Québec, and the growers of Bogotá, sent their greetings.",
    "Our motto is simple: work, thrift and faith — nothing more, nothing less…",
]
REFRAINS = ["Let freedom ring.", "We shall not falter.", "This is our moment.", "We will not turn back."]
GREETINGS = ["Ladies and gentlemen, thank you all so much.", "Mr. President, Mr. Speaker, distinguished guests."]
STAGE = ["(Applause.)", "[Laughter]", "(The audience rises and applauds for several minutes.)", "[Inaudible]"]
NAMES = ["Washington", "Jefferson", "Lincoln", "Madison", "Hamilton", "Franklin"]

OTHER_LANGUAGES = {
    "fr": [
        "Mesdames et Messieurs, je vous remercie de votre présence.",
        "La République ne peut pas oublier ceux qui ont construit notre pays.",
        "Nous avons été très clairs : la sécurité de l’Europe est notre priorité.",
        "Le Président a rappelé que l’Assemblée générale se réunira à Genève.",
        "« Nous restons unis », a déclaré le peuple français à l’été 1944.",
        "Les élèves, les ouvriers et les paysans méritent un avenir meilleur.",
        "Ça suffit : il faut réformer l’économie, l’école et la santé publique.",
        "À Paris comme à Québec, nous défendons la même idée de la liberté.",
        "L’ÉTÉ DERNIER, notre gouvernement a présenté un budget équilibré.",
    ],
    "de": [
        "Sehr geehrte Damen und Herren, ich danke Ihnen für Ihre Geduld.",
        "Die Bürgerinnen und Bürger erwarten von uns Verantwortung und Mut.",
        "Er sagte: „Wir bleiben.“ Und dann: „Danke.“",
        "Die Straßen unserer Städte müssen sicher sein, überall in Deutschland.",
        "Wir grüßen die Gäste aus Österreich und der Schweiz, „Grüß Gott“ sagen wir in München.",
        "Die Größe einer Nation zeigt sich in ihrem Umgang mit den Schwächsten.",
        "Das Grundgesetz schützt die Würde jedes Menschen.",
    ],
    "tr": [
        "Değerli milletvekilleri, sizleri saygıyla selamlıyorum.",
        "Türkiye’nin ekonomisi güçlü ve ışık hızında büyüyor.",
        "Gençlerimiz, çiftçilerimiz ve işçilerimiz geleceğimizin teminatıdır.",
        "İstanbul’dan Ankara’ya, İzmir’den Erzurum’a kadar her şehirde çalışıyoruz.",
        "Barış, özgürlük ve adalet için birlikte yürüyeceğiz.",
        "Öğretmenlerimize, doktorlarımıza ve hemşirelerimize teşekkür ediyorum.",
    ],
    "ru": [
        "Уважаемые коллеги, дорогие друзья!",
        "Ёлка стоит в центре Астаны, и это прекрасно.",
        "Мы должны защищать права и свободы каждого гражданина.",
        "Россия, Казахстан и Беларусь подписали договор о сотрудничестве.",
        "«Мы остаёмся вместе», — так говорили наши отцы и деды.",
        "Экономика растёт, а безработица снижается уже третий год подряд.",
    ],
    "kk": [
        "Құрметті депутаттар, қадірлі қонақтар!",
        "Қазақстан әлемдік экономикаға ашық, біз IT хабын құрамыз.",
        "Біздің еліміз бейбітшілік пен келісімді жақтайды.",
        "Жастарымыз – ұлтымыздың болашағы, оларға білім мен жұмыс керек.",
        "Астана мен Алматы, Шымкент пен Ақтөбе дамып келеді.",
        "«Бірлік бар жерде – тірлік бар», – дейді халқымыз.",
    ],
}


def sentence(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    opener = rng.choice(OPENERS)
    if opener:
        subject = subject[0].lower() + subject[1:]
    text = f"{opener}{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        text += f" {rng.choice(ADVERBIALS)}"
    if rng.random() < 0.25:
        text += f", and {rng.choice(OBJECTS)} with it"
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!"])


def paragraph(rng: random.Random) -> str:
    count = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 12])
    parts = [sentence(rng) for _ in range(count)]
    if rng.random() < 0.35:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(EXTRAS))
    return " ".join(parts)


@dataclass
class Piece:
    text: str
    kind: str = ""  # the artifact injected into this line, if any
    meant: str = ""  # what the line says: what `--fix` must give back when the artifact is fixable
    known: bool = False  # a scraped line lint flags before any injection: a real artifact, not a false alarm


@dataclass
class Document:
    path: str
    language: str
    paragraphs: list[list[Piece]] = field(default_factory=list)

    def render(self) -> tuple[str, dict[int, Piece]]:
        """The transcript, and the line of each artifact."""
        text, pieces = self.lines()
        return text, {number: piece for number, piece in pieces.items() if piece.kind}

    def lines(self) -> tuple[str, dict[int, Piece]]:
        """The transcript, and the piece on each line of its body."""
        lines = [
            "---",
            f"title: Address {self.path}",
            "date: 1850-03-04",
            "speaker: orator",
            f"language: {self.language}",
        ]
        lines += ["---", ""]
        pieces: dict[int, Piece] = {}
        for number, block in enumerate(self.paragraphs):
            if number:
                lines.append("")
            for piece in block:
                lines.append(piece.text)
                pieces[len(lines)] = piece
        return "\n".join(lines) + "\n", pieces


def wrap(text: str, rng: random.Random) -> list[Piece]:
    """Most paragraphs on one line, some wrapped at about 80 columns as PDFs and old databases do."""
    if rng.random() < 0.75 or len(text) < 120:
        return [Piece(text)]
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + len(word) > 80:
            lines.append(Piece(current))
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, Piece(current)]


def english(name: str, rng: random.Random, size: int) -> Document:
    document = Document(f"speeches/{name}.md", "en")
    refrain = rng.choice(REFRAINS)
    for number in range(size):
        roll = rng.random()
        if number == 0:
            text = rng.choice(GREETINGS)
        elif roll < 0.06:
            text = refrain
        elif roll < 0.11:
            text = rng.choice(STAGE)
        elif roll < 0.13:
            text = rng.choice(GREETINGS)
        else:
            text = paragraph(rng)
        document.paragraphs.append(wrap(text, rng))
    if rng.random() < 0.5:  # a quotation of several paragraphs: each opens the quote, only the last closes it
        at = rng.randrange(1, len(document.paragraphs))
        quoted = [
            f"“{sentence(rng)} {sentence(rng)}",
            f"“{sentence(rng)}",
            f"“{sentence(rng)} {sentence(rng)}”",
        ]
        document.paragraphs[at:at] = [[Piece(text)] for text in quoted]
    return document


def other(language: str, name: str, rng: random.Random, size: int) -> Document:
    document = Document(f"speeches/{name}.md", language)
    pool = OTHER_LANGUAGES[language]
    # Every sentence once: a clean transcript repeats nothing by accident.
    sentences = rng.sample(pool, len(pool))
    while sentences:
        take = min(len(sentences), rng.choice([1, 2]))
        document.paragraphs.append([Piece(" ".join(sentences[:take]))])
        sentences = sentences[take:]
    return document


def corpus(speeches: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    documents = [english(f"en-{n:03}", rng, rng.randint(18, 34)) for n in range(speeches)]
    for language in OTHER_LANGUAGES:
        documents += [other(language, f"{language}-{n:03}", rng, 12) for n in range(max(1, speeches // 8))]
    return documents


# -- real prose -----------------------------------------------------------------------------------------------------
# The generated prose is what the rules were tuned against; real prose is the test they were not. `--prose` reads
# paragraphs from transcripts, Markdown pages or plain text, and they replace the generated corpus as the text the
# artifacts go into.

FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
CODE = re.compile(r"`+([^`]*)`+")
PLAIN_CODE = re.compile(r"[A-Za-z0-9_./ -]+")  # `podium lint`, `mkdocs.yml`: read as words
EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
HTML_BLOCK = re.compile(r"\s*<(!--|/?(div|p|details|summary|figure|table|section|img|br|hr)\b)")
INLINE_HTML = re.compile(r"</?[a-z][^>]*>")  # `<kbd>Enter</kbd>` reads as `Enter`
GENERATED = re.compile(r"\s*<!-- /?podium:generated:")
ATTRIBUTES = re.compile(r"\s*\{[^{}]*[#=][^{}]*\}\s*$")  # a statement's `{#id topics=...}`: the editor's, not the prose


def markdown_paragraphs(text: str) -> list[str]:
    """The prose of a Markdown page or transcript: no front matter, headings, code, tables, HTML, admonition
    markers or generated sections; links read as their words, a statement's `{#id}` left out, wrapped lines
    joined, one paragraph per list item.

    >>> markdown_paragraphs("---\\nid: x\\n---\\n# Head\\nOne [two](u)\\nthree. {#s1}\\n\\n- `lint` runs\\n- **four**")
    ['One two three.', 'lint runs', 'four']
    """
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), 0)
        lines = lines[end + 1 :]
    blocks: list[list[str]] = [[]]
    fenced = generated = False
    for line in lines:
        if GENERATED.match(line):  # the docs' reference tables written by code, quoting artifacts as examples
            generated = not line.lstrip().startswith("<!-- /")
            continue
        if generated:
            continue
        if FENCE.match(line):
            fenced = not fenced
            blocks.append([])
            continue
        stripped = line.strip()
        skip = stripped[:1] in ("|", "#") or stripped[:3] in ("!!!", "???") or line.startswith("    ")
        skip = skip or bool(HTML_BLOCK.match(line))
        if fenced or not stripped or skip:
            blocks.append([])
            continue
        if LIST_ITEM.match(line):
            blocks.append([])
            stripped = LIST_ITEM.sub("", line).strip()
        blocks[-1].append(stripped.removeprefix("> "))
    paragraphs = []
    for block in blocks:
        paragraph = prose_of(" ".join(block))
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


def prose_of(markdown: str) -> str:
    """One paragraph's words, or "" when a code span in it shows text that is not plain words (an example of an
    artifact, a regular expression): such a paragraph is about text, not prose."""
    codes = CODE.findall(markdown)
    if any(not PLAIN_CODE.fullmatch(code) for code in codes):
        return ""
    text = INLINE_HTML.sub("", LINK.sub(r"\1", ATTRIBUTES.sub("", markdown)))
    text = CODE.sub(lambda match: f"\x00{codes.index(match.group(1))}\x00", text)
    text = EMPHASIS.sub("", text)
    text = re.sub("\x00(\\d+)\x00", lambda match: codes[int(match.group(1))], text)
    return " ".join(text.split())


def read_prose(path: Path) -> list[str]:
    """The paragraphs of a file: Markdown by its prose; plain text by its blank lines (wrapped lines joined) or,
    with none, one paragraph a line. Lines starting with `#` are left out: the files of bench/prose/ say their
    source so."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return markdown_paragraphs(text)
    lines = [line.strip() for line in text.split("\n") if not line.startswith("#")]
    if "" not in lines[: len(lines) - 1]:
        return [line for line in lines if line]
    return [" ".join(block.split()) for block in "\n".join(lines).split("\n\n") if block.strip()]


def real(path: Path) -> Document:
    """A file of real prose as a document to inject into, named after its folder and file (`docs-index`,
    `editors-index`) so that no two share a name."""
    name = "-".join(path.resolve().with_suffix("").parts[-2:])
    document = Document(f"speeches/{name}.md", "en")
    document.paragraphs = [[Piece(text)] for text in read_prose(path)]
    return document


def copies_of(documents: list[Document], per_kind: int) -> list[Document]:
    """Enough copies of real prose, each its own file, for every artifact to find a paragraph with clean
    neighbours: a 2,000-word speech has room for a few dozen artifacts, the evaluation injects hundreds."""
    paragraphs = sum(len(d.paragraphs) for d in documents) or 1
    times = max(1, -(-per_kind * len(KINDS) * 4 // paragraphs))
    return [
        Document(
            d.path.removesuffix(".md") + f"-{n}.md",
            d.language,
            [[Piece(p.text, known=p.known) for p in block] for block in d.paragraphs],
        )
        for n in range(times)
        for d in documents
    ]


# -- the injector (knows nothing of podium) -------------------------------------------------------------------------

CP1252_MOJIBAKE = {"’": "â€™", "“": "â€œ", "—": "â€”", "é": "Ã©", "–": "â€“", "…": "â€¦"}
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
BOILERPLATE_OLD = [
    "Photo by Derya Soysal",
    "Read more: Parliament opens a new session",
    "Share this article",
    "İlginizi Çekebilir",
    "Advertisement",
]
BOILERPLATE_NEW = [
    "© 2025 Example News. All rights reserved.",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "Story continues below advertisement",
    "Skip to main content",
    "Getty Images",
    "Continue reading",
    "Related Articles",
    "Kevin Lamarque/Reuters",
]
FRAMING = [", he said.", ", she added.", ",” he said.", ". Smith told lawmakers.", ", the president said on Tuesday."]


def read_as_cp1252(data: bytes) -> str:
    """What a browser shows for UTF-8 bytes read as Windows-1252: the five bytes it leaves undefined (81 8D 8F 90
    9D) come through as the control characters of the same number."""
    out = []
    for byte in data:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def _words(text: str) -> list[tuple[int, str]]:
    out, start = [], None
    for index, char in enumerate(text + " "):
        if char.isalpha() and start is None:
            start = index
        elif not char.isalpha() and start is not None:
            out.append((start, text[start:index]))
            start = None
    return out


def inject(kind: str, text: str, rng: random.Random) -> tuple[str, str] | None:
    """`text` with one artifact of `kind`, and what the line means (what a perfect `--fix` gives back); None when
    this line offers no place for the artifact."""
    words = _words(text)
    if not words or " " not in text.strip():
        return None
    if kind in ("accent-lowercase", "accent-capital"):
        if kind == "accent-lowercase":
            choices = [(i, w) for i, w in words if w.islower() and w.isascii() and len(w) >= 6]
        else:
            choices = [
                (i, w)
                for i, w in words
                if w[0].isupper() and w[1:].islower() and w.isascii() and len(w) >= 6 and w not in NAMES
            ]
        choices = [(i, w) for i, w in choices if any(c in ACCENTS for c in w[1:])]
        if not choices:
            return None
        start, word = rng.choice(choices)
        n = rng.choice([n for n, c in enumerate(word) if c in ACCENTS and n > 0])
        return text[: start + n] + ACCENTS[word[n]] + text[start + n + 1 :], text
    if kind == "mojibake":
        found = [c for c in CP1252_MOJIBAKE if c in text]
        if not found:
            start, word = rng.choice(words)
            meant = text[: start + len(word)] + "’s" + text[start + len(word) :]
            return meant.replace("’s", CP1252_MOJIBAKE["’"] + "s", 1) if "’s" not in text else None, meant
        char = rng.choice(found)
        at = rng.choice([n for n, c in enumerate(text) if c == char])
        return text[:at] + CP1252_MOJIBAKE[char] + text[at + 1 :], text
    if kind == "mojibake-pair":
        start, word = rng.choice(words)
        meant = text[:start] + f"“{word}”" + text[start + len(word) :]
        quoted = read_as_cp1252(f"“{word}”".encode())
        return text[:start] + quoted + text[start + len(word) :], meant
    if kind == "mojibake-twice":
        start, word = rng.choice(words)
        twice = "’".encode().decode("cp1252").encode("utf-8").decode("cp1252")
        at = start + len(word)
        return text[:at] + twice + "s" + text[at:], text[:at] + "’s" + text[at:]
    if kind == "html-entity":
        start, word = rng.choice(words)
        at = start + len(word)
        entity, char = rng.choice([("&#8217;s", "’s"), ("&rsquo;s", "’s"), (" &amp;", " &"), (" &mdash;", " —")])
        if entity == " &amp;":
            return text[:at] + " &amp; Co." + text[at:], text[:at] + " & Co." + text[at:]
        if rng.random() < 0.3:
            spaces = [n for n, c in enumerate(text) if c == " "]
            n = rng.choice(spaces)
            return text[:n] + "&nbsp;" + text[n + 1 :], text[:n] + "\u00a0" + text[n + 1 :]
        if rng.random() < 0.3 and '"' not in text:
            return text[:start] + f"&quot;{word}&quot;" + text[at:], text[:start] + f'"{word}"' + text[at:]
        return text[:at] + entity + text[at:], text[:at] + char + text[at:]
    if kind == "invisible":
        choices = [(i, w) for i, w in words if len(w) >= 6]
        if not choices:
            return None
        start, word = rng.choice(choices)
        n = rng.randrange(2, len(word) - 2)
        return text[: start + n] + rng.choice(["\u00ad", "\u200b", "\u2060", "\ufeff"]) + text[start + n :], text
    if kind == "glued-camel":
        pairs = [
            (a, b)
            for (a, x), (b, y) in zip(words, words[1:], strict=False)
            if x.islower()
            and len(x) >= 2
            and y[0].isupper()
            and y[1:].islower()
            and len(y) >= 3
            and text[a + len(x) : b] == " "
        ]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        return text[: b - 1] + text[b:], text
    if kind == "glued-punctuation":
        spots = [
            n
            for n in range(1, len(text) - 2)
            if text[n] in ",." and text[n + 1] == " " and text[n - 1].isalpha() and text[n + 2].isalpha()
        ]
        if not spots:
            return None
        n = rng.choice(spots)
        return text[: n + 1] + text[n + 2 :], text
    if kind == "hyphenation":
        choices = [(i, w) for i, w in words if w.islower() and len(w) >= 9]
        if not choices:
            return None
        start, word = rng.choice(choices)
        n = rng.randrange(3, len(word) - 3)
        return text[: start + n] + "- " + text[start + n :], text
    if kind == "double-space":
        n = rng.choice([n for n, c in enumerate(text) if c == " " and 0 < n < len(text) - 1])
        return text[:n] + " " + text[n:], text
    if kind == "framing":
        if not text.endswith("."):
            return None
        return text[:-1] + rng.choice(FRAMING), text
    raise ValueError(kind)


LINE_KINDS = [
    "accent-lowercase",
    "accent-capital",
    "mojibake",
    "mojibake-pair",
    "mojibake-twice",
    "html-entity",
    "invisible",
    "glued-camel",
    "glued-punctuation",
    "hyphenation",
    "double-space",
    "framing",
]
KINDS = [*LINE_KINDS, "boilerplate-old", "boilerplate-new", "duplicate"]
ENGLISH_ONLY = {"accent-lowercase", "accent-capital", "glued-camel", "glued-punctuation", "hyphenation", "framing"}
FIXABLE = {"mojibake", "mojibake-pair", "mojibake-twice", "html-entity", "invisible", "double-space"}


def injected(documents: list[Document], per_kind: int, seed: int) -> tuple[list[Document], dict[str, int]]:
    """A copy of the documents with `per_kind` artifacts of each kind, one per paragraph at most. Artifacts of
    spelling and wording go into English transcripts; encoding, markup and layout ones into any language."""
    rng = random.Random(seed)
    copies = [
        Document(d.path, d.language, [[Piece(p.text, known=p.known) for p in block] for block in d.paragraphs])
        for d in documents
    ]
    english = [d for d in copies if d.language == "en"]
    counts = dict.fromkeys(KINDS, 0)
    for kind in KINDS * per_kind:
        for _ in range(200):
            document = rng.choice(english if kind in ENGLISH_ONLY or rng.random() < 0.8 else copies)
            if len(document.paragraphs) < 2:
                continue
            index = rng.randrange(1, len(document.paragraphs))
            block = document.paragraphs[index]
            neighbours = document.paragraphs[index - 1 : index + 2]
            if any(piece.kind for other in neighbours for piece in other) or _special(block):
                continue
            if kind in ("boilerplate-old", "boilerplate-new"):
                pool = BOILERPLATE_OLD if kind == "boilerplate-old" else BOILERPLATE_NEW
                document.paragraphs.insert(index, [Piece(rng.choice(pool), kind)])
            elif kind == "duplicate":
                if len(" ".join(p.text for p in block).split()) < 6:
                    continue
                copy = [Piece(p.text) for p in block]
                copy[0].kind = kind
                document.paragraphs.insert(index + 1, copy)
            else:
                # A reporter's framing closes the paragraph: it goes on its last line.
                line = len(block) - 1 if kind == "framing" else rng.randrange(len(block))
                text = block[line].text
                changed = inject(kind, text, rng)
                if changed is None or changed[0] is None or changed[0] == text:
                    continue
                dirty, meant = changed
                block[line] = Piece(dirty, kind, meant)
            counts[kind] += 1
            break
    return copies, counts


def _special(block: list[Piece]) -> bool:
    """Greetings, refrains, stage directions, quotation paragraphs and a scrape's own artifacts are left as
    written."""
    text = block[0].text
    if any(piece.known for piece in block):
        return True
    return text in REFRAINS or text in GREETINGS or text in STAGE or text.startswith("“") or len(text) < 30


# -- measuring ------------------------------------------------------------------------------------------------------


def lint(text: str, path: str) -> list[tuple[int, str]]:
    from podium.editors.lint import lint_text

    return [(problem.line, problem.message) for problem, _ in lint_text(text, path)]


def evaluate(
    speeches: int = 40, per_kind: int = 20, seed: int = 1, prose: Sequence[Path] = (), scraped: Sequence[Path] = ()
) -> dict:
    """The figures on generated prose; or, given `prose` (clean real text) or `scraped` (real text that may carry
    artifacts of its own), on those files instead of the generated corpus. A scrape's own findings are listed
    apart: they count neither as clean-prose warnings nor, after injection, as false alarms."""
    from podium.editors.lint import fix_text

    real_prose = bool(prose or scraped)
    documents = [real(path) for path in prose] if real_prose else corpus(speeches, seed)
    scrapes = [real(path) for path in scraped]
    clean_words = 0
    clean_findings: list[str] = []
    clean_changed = 0
    files: dict[str, dict[str, int]] = {}
    for document in documents:
        text, _ = document.render()
        words = sum(len(p.text.split()) for block in document.paragraphs for p in block)
        found = lint(text, document.path)
        clean_words += words
        clean_findings += [f"{document.path}:{line}: {message}" for line, message in found]
        clean_changed += fix_text(text, document.path)[0] != text
        files[document.path] = {"paragraphs": len(document.paragraphs), "words": words, "findings": len(found)}
    scrape_findings: list[str] = []
    for document in scrapes:
        text, pieces = document.lines()
        found = lint(text, document.path)
        for line, message in found:
            if line in pieces:
                pieces[line].known = True
            scrape_findings.append(f"{document.path}:{line}: {message} | {text.split(chr(10))[line - 1][:70]!r}")
        words = sum(len(p.text.split()) for block in document.paragraphs for p in block)
        files[document.path] = {"paragraphs": len(document.paragraphs), "words": words, "findings": len(found)}
    base = documents + scrapes
    dirty, counts = injected(copies_of(base, per_kind) if real_prose else base, per_kind, seed + 1)
    hits = dict.fromkeys(KINDS, 0)
    true_positive = false_positive = 0
    false_alarms: list[str] = []
    restored = fixable = 0
    not_restored: list[str] = []
    missed: list[str] = []
    known_findings = 0
    for document in dirty:
        text, pieces = document.lines()
        truth = {line: piece for line, piece in pieces.items() if piece.kind}
        found = lint(text, document.path)
        lines = {line for line, _ in found}
        for line, piece in truth.items():
            hits[piece.kind] += line in lines
            if line not in lines:
                missed.append(f"{piece.kind}: {document.path}:{line}: {text.split(chr(10))[line - 1]!r}")
        for line, message in found:
            if line in truth:
                true_positive += 1
            elif line in pieces and pieces[line].known:
                known_findings += 1
            else:
                false_positive += 1
                false_alarms.append(f"{document.path}:{line}: {message}")
        # --fix must restore each fixable artifact to the clean line exactly, and change nothing else.
        fixed = fix_text(text, document.path)[0].split("\n")
        for line, piece in truth.items():
            if piece.kind in FIXABLE:
                fixable += 1
                restored += fixed[line - 1] == piece.meant
                if fixed[line - 1] != piece.meant:
                    not_restored.append(f"{piece.kind}: {piece.meant!r} -> {fixed[line - 1]!r}")
    total = sum(counts.values())
    recall = {kind: hits[kind] / counts[kind] if counts[kind] else 0.0 for kind in KINDS}
    result = {
        "prose": "real" if real_prose else "generated",
        "speeches": len(documents) + len(scrapes),
        "injected_into": len(dirty),
        "clean_words": clean_words,
        "injected": counts,
        "recall": {kind: round(value, 3) for kind, value in recall.items()},
        "overall_recall": round(sum(hits.values()) / total, 3) if total else 0.0,
        "precision": round(true_positive / (true_positive + false_positive), 3) if true_positive else 0.0,
        "findings": true_positive + false_positive,
        "found": hits,
        "false_findings": false_positive,
        "clean_findings": len(clean_findings),
        "clean_per_10k": round(len(clean_findings) * 10_000 / clean_words, 2) if clean_words else 0.0,
        "clean_files_changed_by_fix": clean_changed,
        "fix_restored": f"{restored}/{fixable}",
        "fix_not_restored": not_restored[:10],
        "missed": missed[:20],
        "false_alarms": false_alarms[:20],
        "clean_examples": clean_findings[:20],
    }
    if real_prose:
        result["files"] = files
        result["scrape_findings"] = scrape_findings
        result["scrape_findings_after_injection"] = known_findings
    result["targets_met"] = met(result)
    return result


def met(result: dict) -> bool:
    return (
        result["overall_recall"] >= TARGETS["recall"]
        and min(result["recall"].values()) >= TARGETS["recall_per_kind"]
        and result["precision"] >= TARGETS["precision"]
        and result["clean_per_10k"] < TARGETS["clean_per_10k"]
        and result["clean_files_changed_by_fix"] == 0
    )


def combined(results: list[dict]) -> dict:
    """The figures of several seeds together: every artifact and finding counted once. The clean prose is the
    same text under every seed when it is real, so its rate is that of one seed; generated prose differs."""
    counts = {kind: sum(r["injected"][kind] for r in results) for kind in KINDS}
    hits = {kind: sum(r["found"][kind] for r in results) for kind in KINDS}
    findings = sum(r["findings"] for r in results)
    false = sum(r["false_findings"] for r in results)
    real_prose = results[0]["prose"] == "real"
    clean = results[:1] if real_prose else results
    words = sum(r["clean_words"] for r in clean)
    warnings = sum(r["clean_findings"] for r in clean)
    restored = [tuple(int(n) for n in r["fix_restored"].split("/")) for r in results]
    result = {
        "prose": results[0]["prose"],
        "seeds": len(results),
        "injected": sum(counts.values()),
        "recall": {kind: round(hits[kind] / counts[kind], 3) if counts[kind] else 0.0 for kind in KINDS},
        "found": {kind: f"{hits[kind]}/{counts[kind]}" for kind in KINDS},
        "overall_recall": round(sum(hits.values()) / sum(counts.values()), 3),
        "overall_recall_per_seed": [r["overall_recall"] for r in results],
        "precision": round((findings - false) / findings, 3) if findings else 0.0,
        "findings": findings,
        "false_findings": false,
        "clean_words": words,
        "clean_findings": warnings,
        "clean_per_10k": round(warnings * 10_000 / words, 2) if words else 0.0,
        "clean_files_changed_by_fix": sum(r["clean_files_changed_by_fix"] for r in results),
        "fix_restored": f"{sum(n for n, _ in restored)}/{sum(total for _, total in restored)}",
    }
    result["targets_met"] = met(result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speeches", type=int, default=40)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--seed", type=int, nargs="+", default=[1], help="several: their figures together, at the end")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--prose",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="clean real prose (transcripts, Markdown pages, .txt) to inject into, instead of the generated corpus",
    )
    parser.add_argument(
        "--scraped",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="real prose that may carry a scrape's own artifacts: injected into, its own findings listed apart",
    )
    args = parser.parse_args(argv)
    results = [evaluate(args.speeches, args.per_kind, seed, args.prose, args.scraped) for seed in args.seed]
    result = results[0] if len(results) == 1 else {"per_seed": results, "together": combined(results)}
    if len(results) > 1:
        result["targets_met"] = result["together"]["targets_met"]
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    if not result["targets_met"]:
        print("missed a target: see recall, precision and clean_per_10k above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
