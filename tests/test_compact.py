"""The blank lines and indentation between tags: one line break each, and not a character of text changed."""

from __future__ import annotations

import doctest
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from podium.render import compact as module
from podium.render.compact import compact


class _Reading(HTMLParser):
    """What a page says: its tags with their attributes, its comments, every text node with a character other than
    whitespace, and the whole content of every <pre>, <textarea>, <script>, <style> and <title>, as they are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.seen: list[tuple] = []
        self.kept = 0  # depth inside a <pre> or <textarea>: there whitespace is text too
        self.raw = False  # inside a <script>, <style> or <title>

    def handle_starttag(self, tag, attrs):
        self.seen.append(("start", tag, tuple(attrs)))
        self.kept += tag in ("pre", "textarea")
        self.raw = tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        self.seen.append(("end", tag))
        # An end tag with no open element of its name closes nothing (a browser ignores it): `<a<pre>` is an
        # element named "a<pre", so its `</pre>` must not count as leaving a <pre>.
        self.kept = max(0, self.kept - (tag in ("pre", "textarea")))
        self.raw = False

    def handle_data(self, data):
        if data.strip() or self.kept or self.raw:
            self.seen.append(("text", data))

    def handle_entityref(self, name):
        self.seen.append(("entity", name))

    def handle_charref(self, name):
        self.seen.append(("charref", name))

    def handle_comment(self, data):
        self.seen.append(("comment", data))


def reading(page: str) -> list[tuple]:
    parser = _Reading()
    parser.feed(page)
    parser.close()
    return parser.seen


def test_the_docstring_examples():
    assert doctest.testmod(module).failed == 0


def test_runs_between_tags_become_one_line_break():
    page = '<!doctype html>\n<html>\n  <head>\n\n    <meta charset="utf-8">\n  </head>\n  \n<body>\n</body></html>'
    assert compact(page) == '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n</body></html>'


def test_a_run_without_a_line_break_stays():
    assert compact("<a>One</a>   <a>Two</a>") == "<a>One</a>   <a>Two</a>"


def test_text_keeps_its_whitespace():
    page = "<p>\n\n  Some text\n\n   </p><p>A <b>b</b>\n\n  c</p>"
    assert compact(page) == page


def test_kept_elements_are_left_as_they_are():
    page = (
        "<pre>\n  <b>x</b>\n\n  <i>y</i>\n</pre>\n\n<textarea>\n\n  <b>\n</textarea>\n  "
        "<script>\nif (a <b) {}\n  </script>\n\n  <style>\n  a > b {}\n\n</style>\n <title>\n  T\n\n</title>"
    )
    assert compact(page) == (
        "<pre>\n  <b>x</b>\n\n  <i>y</i>\n</pre>\n<textarea>\n\n  <b>\n</textarea>\n"
        "<script>\nif (a <b) {}\n  </script>\n<style>\n  a > b {}\n\n</style>\n<title>\n  T\n\n</title>"
    )


def test_attribute_values_and_comments_are_not_whitespace_between_tags():
    page = '<a title="one >\n\n   <b> two">x</a>\n\n<!-- a >\n\n   <b> -->\n\n<i>'
    assert compact(page) == '<a title="one >\n\n   <b> two">x</a>\n<!-- a >\n\n   <b> -->\n<i>'


def test_a_lone_angle_bracket_is_text():
    page = "<p>a <\n\n  <b>b</b> 3 >\n\n  <i>c</i></p>"
    assert compact(page) == page


_WHITESPACE = st.text(alphabet=" \t\n\r", max_size=6)
_PIECES = st.one_of(
    _WHITESPACE,
    st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<br>", "<!-- c\n\n -->", "<a href=\"x\n\n y\" title='>'>", "</a>"]),
    st.sampled_from(
        ["<pre>\n  <b>x</b>\n\n</pre>", "<script>\n a <b && c>\n\n d\n</script>", "<textarea>\n\n</textarea>"]
    ),
    st.text(alphabet="ab <>&;\n", min_size=1, max_size=8),
)


def test_an_end_tag_that_closes_nothing_keeps_nothing():
    page = "<a<pre>\n  <b>x</b>\n\n</pre> \n<p>"  # found by the property below: no <pre> is open here
    assert compact(page) == "<a<pre>\n<b>x</b>\n</pre>\n<p>"
    assert reading(compact(page)) == reading(page)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_what_a_page_says_never_changes(page):
    made = compact(page)
    assert reading(made) == reading(page)
    assert compact(made) == made  # once is enough
    assert len(made) <= len(page)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_only_whitespace_runs_with_a_line_break_shrink(page):
    made = compact(page)
    # Take every whitespace run out of both: the rest is the same, character for character.
    assert re.sub(r"\s+", "", made) == re.sub(r"\s+", "", page)
