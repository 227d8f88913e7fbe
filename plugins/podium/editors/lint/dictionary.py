"""How common a word is in a language, from the word lists `wordfreq` ships in its wheel (no network).

The word rules ask two questions a shape alone cannot answer: is `Cóngress` a stray accent on `Congress` or a
name (`José`), and is `govern- ment` a word cut in two (`government`) or a suspended hyphen (`pre- and post-war`)?
A word's Zipf frequency answers both: 7 for `the`, 4.9 for `congress`, 2.3 for `chargé`, 0 for `cóngress`.

>>> frequency("congress", "en") > KNOWN > frequency("cóngress", "en")
True
>>> frequency("anything", "kk") is None  # no list for Kazakh: the rules that need one stay quiet
True
"""

from __future__ import annotations

from functools import cache

KNOWN = 1.5  # a word written at least once in ~30 million words: a real spelling (loanwords, names)
COMMON = 3.0  # once in a million words: a word an editor means when the text is garbled


@cache
def languages() -> frozenset[str]:
    import wordfreq  # imported here: loading the lists costs time only for the rules that read them

    return frozenset(wordfreq.available_languages(wordlist="best"))


def supported(language: str) -> bool:
    return language in languages()


@cache
def frequency(word: str, language: str) -> float | None:
    """The Zipf frequency of `word` (case-folded) in `language`, or None when there is no list for it."""
    if not supported(language):
        return None
    import wordfreq

    return float(wordfreq.zipf_frequency(word.casefold(), language, wordlist="best"))


def known(word: str, language: str, threshold: float = KNOWN) -> bool:
    """True when the language's list has `word` at least at `threshold`; False when it has no list."""
    found = frequency(word, language)
    return found is not None and found >= threshold
