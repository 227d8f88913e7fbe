"""The rules, by name: what each finds, its default severity, an example that fires and its near miss, and
the options an archive sets in mkdocs.yml. `docs/editors/format.md` is generated from this table."""

from __future__ import annotations

from podium.editors.lint.boilerplate import check_boilerplate, check_framing
from podium.editors.lint.characters import (
    check_foreign_character,
    check_html_entity,
    check_invisible_character,
    check_mojibake,
)
from podium.editors.lint.structure import (
    PLACEHOLDER,
    check_double_space,
    check_long_statement,
    check_placeholder,
    check_repeated_paragraph,
    check_unbalanced_brackets,
    check_unbalanced_quotes,
)
from podium.editors.lint.transcript import Option, Rule
from podium.editors.lint.words import check_glued_words, check_hyphenation

_ALLOW = "words spelled right that the rule would flag"

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in [
        Rule(
            "foreign-character",
            check_foreign_character,
            "warning",
            "A letter the transcript's language does not use (a stray accent), or a word that mixes Latin and "
            "Cyrillic letters. A word the language's word list knows (chargé, régime, José, Zürich) is left "
            "alone; a capitalised word is flagged only when its plain spelling is common and far more common "
            "than the accented one (Cóngress, Constitutión), which a name's is not.",
            "Today, we continue our advócacy for non-proliferation before the Cóngress.",
            "Le Président a été très clair : ça suffit. (language: fr)",
            options={
                "allow": Option([], f"{_ALLOW}, e.g. [advócacy]"),
                "capitalised": Option(True, "check capitalised words too (default true)"),
            },
        ),
        Rule(
            "mojibake",
            check_mojibake,
            "error",
            "UTF-8 text that was decoded as Windows-1252 somewhere on its way (`â€™`, `Ã©`, twice-encoded "
            "`Ã¢â‚¬â„¢`), or the replacement character `\ufffd`. A fix is offered only when the bytes read back "
            "exactly into letters an archive writes, so `„Gruß“` and `«ÉTÉ»` are never touched.",
            "Kazakhstanâ€™s foreign policy",
            "Kazakhstan’s foreign policy, „Gruß“ and «ÉTÉ»",
            fixable=True,
        ),
        Rule(
            "html-entity",
            check_html_entity,
            "error",
            "An HTML entity left raw by a scrape (`&nbsp;`, `&#8217;`, `&amp;`, `&quot;`). A `&` in prose "
            "(`AT&T`, `R&D`) is not an entity.",
            "The people&#8217;s trust &amp; hope.",
            "AT&T and R&D; Smith & Sons.",
            fixable=True,
        ),
        Rule(
            "invisible-character",
            check_invisible_character,
            "warning",
            "An invisible character (soft hyphen U+00AD, zero-width space U+200B, word joiner U+2060, "
            "byte-order mark U+FEFF, ...): the word looks whole but search and quote checks miss it. A "
            "bidirectional override (U+202D, U+202E) in any transcript, and in a left-to-right one the "
            "embeddings and isolates (U+202A-U+202C, U+2066-U+2069): an override shows the letters after it "
            "reversed, so the page reads differently from the file.",
            "The govern\u00adment will act.",
            "The government will act.",
            fixable=True,
        ),
        Rule(
            "glued-words",
            check_glued_words,
            "warning",
            "Two words glued by a lost space (`theUnited States`, `supply,precarious`, `end.The`), judged with "
            "the language's word list so that `iPhone`, `McDonald` or `e.g.` stay.",
            "Welcome to theUnited States, where supply,precarious as it is, holds.",
            "Welcome to the United States, with an iPhone and a McDonald's.",
            options={
                "allow": Option([], f"{_ALLOW}, e.g. [openSUSE]"),
                "min_frequency": Option(
                    3.0,
                    "how common (Zipf) one half must be, the other a known word (default 3: once per million words)",
                ),
            },
        ),
        Rule(
            "hyphenation",
            check_hyphenation,
            "warning",
            "A word cut by a line break of the source and left so (`govern- ment`): the two halves make a "
            "known word. Suspended hyphens (`pre- and post-war`) stay.",
            "The govern- ment will act.",
            "Both pre- and post-war budgets.",
            options={
                "min_frequency": Option(
                    1.5, "how common (Zipf) the joined word must be (default 1.5: once per 30 million words)"
                )
            },
        ),
        Rule(
            "boilerplate",
            check_boilerplate,
            "error",
            "A line of the website around the speech: photo credits (`Getty Images`, `(AP Photo/…)`, "
            '`Name/Reuters`), copyright notices, sharing buttons, "Read more", "Continue reading", "Story '
            'continues below advertisement", "Skip to main content", related-article teasers, in English, '
            "Turkish, French, Russian, German, Spanish, Portuguese and Kazakh.",
            "© 2025 Example News. All rights reserved.",
            "Share this vision with your neighbours, and the region will prosper.",
            options={"patterns": Option([], 'more regular expressions for lines to flag, e.g. ["^Sponsored by"]')},
        ),
        Rule(
            "framing",
            check_framing,
            "warning",
            "A reporter's framing left at the edge of a statement: `…, he said.`, `…,” she added.`, "
            "`Smith told lawmakers.`, `He said: “…`. The speaker's own `as Lincoln said` or `I said` stay.",
            "We will not deviate from this path, he said.",
            "We will not deviate from this path, as my father said.",
            options={
                "allow": Option([], 'words the speaker did say, e.g. ["as the chairman said"]'),
                "patterns": Option([], "more regular expressions for framing at a statement's end"),
            },
        ),
        Rule(
            "repeated-paragraph",
            check_repeated_paragraph,
            "warning",
            "A paragraph that repeats the one before it word for word (at least `min_words` words), or an "
            "earlier one (at least `min_words_apart` words). Greetings, thanks and stage directions such as "
            "`(Applause.)` are repeated on purpose and never flagged.",
            "We will not deviate from this strategic path.\n\nWe will not deviate from this strategic path.",
            "Ladies and gentlemen, thank you all so much.\n\nLadies and gentlemen, thank you all so much.",
            options={
                "min_words": Option(6, "shortest paragraph that counts when the copy follows it (default 6)"),
                "min_words_apart": Option(15, "shortest paragraph that counts further apart (default 15)"),
            },
        ),
        Rule(
            "unbalanced-quotes",
            check_unbalanced_quotes,
            "warning",
            "A quotation mark that is not closed, or a closing one without an opening one, in a paragraph. "
            "Understands “English”, „German“, «French and Russian» quotes, and quotations of several "
            "paragraphs where each paragraph opens with the mark and only the last closes it.",
            "We call it “The unity in diversity.",
            "“The first paragraph of a long quotation,\n\n“and the last one.”",
        ),
        Rule(
            "unbalanced-brackets",
            check_unbalanced_brackets,
            "warning",
            "A bracket `(`, `[` or `{` that is not closed in its paragraph, or a closing one without an opening.",
            "The Centre (in Almaty will open next year.",
            "1) The Centre (in Almaty) will open next year.",
        ),
        Rule(
            "double-space",
            check_double_space,
            "warning",
            "Two or more spaces between words.",
            "We meet at a  time of profound uncertainty.",
            "We meet at a time of profound uncertainty.",
            fixable=True,
        ),
        Rule(
            "long-statement",
            check_long_statement,
            "warning",
            "A statement with more than `max_words` words: too long to quote and link as one citation. Off by "
            "default (old speeches have long paragraphs); turn it on with `lint: {enable: [long-statement]}` "
            "or by setting `max_words`.",
            "A paragraph of 401 words.",
            "A paragraph of 400 words.",
            options={"max_words": Option(400, "the longest statement allowed (default 400)")},
            enabled=False,
        ),
        Rule(
            "placeholder",
            check_placeholder,
            "error",
            "The placeholder text that `podium new` writes below the front matter.",
            PLACEHOLDER,
            "The text of the speech.",
        ),
    ]
}
