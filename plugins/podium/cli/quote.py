"""`podium quote "TEXT"`: the statements where a quotation is found, with what it changed and a citation.

Exit status 0 when the quotation is found (verbatim or with differences), 1 when it is not found: a
sentence that is in no transcript gets a plain "not found" and no citation, however many common words it
shares with some statement (the verdict and its thresholds are podium.quote.index's, as on the /quote/ page).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import click

from podium import features
from podium.cite import citation
from podium.cli.options import fail, root_option
from podium.core.problems import Problems
from podium.core.settings import CONFIG_FILE, read_config
from podium.quote.index import QuoteIndex


def _site(root: Path) -> tuple[str, str]:
    """(site_name, site_url ending in /) from mkdocs.yml, for the citation's archive name and address."""
    config = read_config(root / CONFIG_FILE, Problems())  # a broken mkdocs.yml is `podium check`'s to report
    config = config if isinstance(config, dict) else {}
    name = str(config.get("site_name") or "Podium")
    url = str(config.get("site_url") or "")
    return name, (url if not url or url.endswith("/") else url + "/")


@click.command("quote")
@click.argument("quotation")
@click.option(
    "--limit", "-n", default=3, show_default=True, type=click.IntRange(1, 50), help="How many statements to show."
)
@click.option(
    "--style",
    type=click.Choice(list(citation.STYLES)),
    default="chicago",
    show_default=True,
    help="The citation style.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON (an empty list when not found).")
@root_option
def quote_command(quotation: str, limit: int, style: str, as_json: bool, root: Path) -> None:
    """Find the statements where QUOTATION was said and mark what it changed.

    Words are compared without case or punctuation. The fidelity is the share of words the quotation and
    the statement have in common (100% is verbatim); an ellipsis (... or …) excuses the words it leaves out.
    In the differences, [-word-] was said and is missing or changed, {+word+} was added or changed.
    The verdict is "found verbatim", "found with differences" or "not found" (exit status 1, no citation).

    \b
    Example:
      podium quote "Multilateralism is foundering"
      podium quote --style bibtex "dialogue is more powerful than division"
    """
    if not re.search(r"\w", quotation):  # nothing to compare: "not found" would be a verdict on nothing
        raise click.BadParameter("the quotation has no words: give the words as the press printed them")
    archive = features.load(root)
    if not archive.ok:
        fail(archive.problems)
    site_name, site_url = _site(root)
    matches = [match for match in QuoteIndex.from_archive(archive).search(quotation, limit) if match.found]
    today = dt.date.today()
    results = []
    for match in matches:
        speech = archive.by_id[match.speech]  # the index was built from this archive
        statement = speech.statement(match.statement)
        ref = citation.reference(speech, statement, archive.registry, site_name, site_url or "/")
        results.append((match, speech, ref, citation.cite(ref, style, today)))
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "speech_id": m.speech,
                        "statement_id": m.statement,
                        "verdict": m.verdict,
                        "in_quotation": m.in_quotation,
                        "fidelity": round(m.fidelity, 4),
                        "summary": m.summary(),
                        "differences": m.marked(),
                        "text": m.text,
                        "pieces": [[p.op, list(p.said), list(p.quoted)] for p in m.pieces],
                        "citation": cited,
                    }
                    for m, _, _, cited in results
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        if not results:
            sys.exit(1)
        return
    if not results:
        click.echo("not found: no statement in the archive is close to this quotation")
        sys.exit(1)
    for match, speech, ref, cited in results:
        click.echo(f"{round(match.fidelity * 100):>3}%  {match.speech}#{match.statement}  ({match.summary()})")
        label = "found verbatim" if match.verdict == "verbatim" else "found with differences"
        if match.in_quotation:
            label += ", inside a quotation in the statement"
        click.echo(f"      {label}")
        click.echo(f"      {ref.name}, “{speech.meta.title}”, {speech.meta.date.isoformat()}")
        click.echo(f"      quoted: {match.marked()}")
        click.echo(f"      said:   {match.text}")
        click.echo(f"      cite:   {cited}".replace("\n", "\n              "))
        click.echo("")
