"""The book's corrections: every change to a fact, figure or verdict after the first edition.

One list, :data:`CORRECTIONS`, is the single record. From it come

* the page ``corrections.md`` (``python -m azbook.book.corrections`` writes it; a test checks that
  the committed page matches), one section per correction with its date, what changed, why,
  and a link to the changed place;
* the "corrected" links that the claims boxes, the audit table and the event lists add beside
  a claim or an event that a correction changed (:func:`claim_note`, :func:`event_note`).

Prose in the chapters links to a correction with ``{ref}`corrected <correction-...>```.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

from azbook.paths import ROOT

PAGE = ROOT / "corrections.md"
#: The page as the chapters' HTML links to it (chapters live one folder down).
PAGE_HTML = "../corrections.html"


@dataclass(frozen=True)
class Correction:
    key: str
    date: str
    kind: str  # fact, figure, verdict, attribution, wording
    where: str  # MyST link to the changed place
    what: str
    why: str
    claims: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    issue: str = "issue 14 (independent fact-check)"
    pages: tuple[str, ...] = field(default=())  # built pages (without .html) that must link back

    @property
    def anchor(self) -> str:
        return f"correction-{self.date}-{self.key}"


D = "2026-12-06"
CORRECTIONS: tuple[Correction, ...] = (
    Correction("un-nearer", D, "fact", "{doc}`chapters/turkey` (In sum)",
               "The summary said Russia's shift in the UN votes of 2022 had put Azerbaijan nearer Moscow than Ankara. "
               "It now says Azerbaijan was already nearer Moscow in every session shown, and the shift made it far nearer.",
               "In the ideal points Azerbaijan had been nearer Russia than Turkey since the 1990s; the chart title and "
               "the section's own figures already said so.", pages=("chapters/turkey",)),
    Correction("backing", D, "attribution", "{doc}`chapters/russia` and {doc}`chapters/turkey` (opening paragraphs)",
               "The summaries of the article no longer say that it describes the 2020 war as won with Turkey's backing.",
               "The article does not say so; the book had attributed its own shorthand to the author.",
               pages=("chapters/russia", "chapters/turkey")),
    Correction("economy", D, "attribution", "{ref}`ru-trade`",
               "The article is no longer said to count the economy among the fields the Moscow declaration covers; "
               "the book now gives its own phrase, that the declaration reaches into virtually every aspect of "
               "bilateral relations.",
               "The article does not name the economy in that passage.", pages=("chapters/russia",)),
    Correction("reassure", D, "attribution", "{doc}`chapters/russia` (opening paragraph)",
               "The summary now says that in the article it is Baku that reassures Moscow, not each side the other.",
               "That is how the article puts it.", pages=("chapters/russia",)),
    Correction("c15", D, "verdict evidence", "{doc}`chapters/four-years-on` (C15)",
               "The statement that both sides still called their ties allied in December 2025 now rests on the Kremlin's "
               "readout of the Putin–Aliyev call of 24 December 2025, added as an event, instead of the item on the "
               "closure of the AZAL case.",
               "The AZAL item says nothing about an alliance; the research notes' source for the statement is the readout.",
               claims=("C15",), events=("2025-12-24-putin-aliyev-call-allied",),
               pages=("chapters/four-years-on", "chapters/russia")),
    Correction("c11", D, "verdict evidence", "{doc}`chapters/four-years-on` (C11)",
               "Lavrov's description of Azerbaijan as a strategic partner of Russia, at his press conference of "
               "26 August 2020, is now an event with its source and is cited for C11.",
               "The verdict rested on it, but the book cited only the 2022 declaration.",
               claims=("C11",), events=("2020-08-26-lavrov-strategic-partner",),
               pages=("chapters/four-years-on", "chapters/russia")),
    Correction("e25", D, "verdict evidence", "{doc}`chapters/four-years-on` (E25)",
               "The lifting of the US restriction on defence cooperation with Azerbaijan (8 August 2025) is now an "
               "event with its source (SFG Media) and is cited for E25.",
               "It was stated without a source, though the research notes name one.",
               claims=("E25",), events=("2025-08-08-us-lifts-defence-curb",),
               pages=("chapters/four-years-on", "chapters/russia")),
    Correction("b7", D, "verdict evidence", "{doc}`chapters/four-years-on` (B7)",
               "The Defence Ministry's rebuke of Russia in March 2022 is now an event of its own, sourced as in the "
               "research notes (bne IntelliNews), and B7 cites it instead of the item on Russia's accusation.",
               "The book linked the report of Russia's accusation, not the source the notes give for Baku's rebuke.",
               claims=("B7",), events=("2022-03-26-azerbaijan-rebukes-russian-mod",),
               pages=("chapters/four-years-on", "chapters/russia")),
    Correction("e23", D, "verdict", "{doc}`chapters/four-years-on` (E23)",
               "E23 (Russian–Turkish rivalry would sharpen) is rated untested, a new fifth verdict level, instead of "
               "not supported, and every tally of the forecasts now counts it apart from those that failed.",
               "The research notes judge it not supported as framed and largely untested: its first half, that Moscow "
               "stays highly sensitive about the alliance, was never tested.",
               claims=("E23",), pages=("chapters/four-years-on", "chapters/turkey", "chapters/balance", "intro")),
    Correction("ceremony", D, "wording", "{doc}`chapters/turkey` (Four years on, E23)",
               "The Russian–Turkish monitoring centre is no longer said to have closed quietly: it closed at a ceremony.",
               "Russian, Turkish and Azerbaijani officers attended its closing ceremony in April 2024.",
               pages=("chapters/turkey",)),
    Correction("estimates", D, "figure", "{doc}`chapters/turkey` (arms)",
               "The text no longer says SIPRI marks every drone number in the table as its estimate; it counts the "
               "rows SIPRI flags and names the one it does not.",
               "The 2008 Aerostar row is not flagged as an estimate in SIPRI's register.", pages=("chapters/turkey",)),
    Correction("net-gap", D, "figure", "{doc}`chapters/turkey` (trade)",
               "The share of Azerbaijan's recorded exports missing from Turkey's books is now described as what it is: "
               "a net figure summed across the years.",
               "The earlier wording read as if that share of every shipment were missing; in some years Turkey "
               "records more.", pages=("chapters/turkey",)),
    Correction("bridge", D, "fact", "{doc}`chapters/four-years-on` (What the article got right)",
               "The transit deal with Iran is no longer said to have built the bridge it promised: of the bridges "
               "planned across the Aras, one road bridge was reported complete in February 2026, not yet open.",
               "The memorandum planned several bridges, and the one reported finished had not opened by the end of "
               "the notes.", claims=("D19",), pages=("chapters/four-years-on",)),
    Correction("overtook", D, "figure", "{doc}`intro` (The three relationships at a glance)",
               "Turkey is no longer said to have overtaken Russia in Azerbaijan's trade in the mid-2010s; the text now "
               "gives the year from which it has been ahead every year, and the earlier years it was ahead.",
               "By Azerbaijan's records Turkey was also ahead in 1998 and 2007, and ahead every year from 2015.",
               pages=("intro",)),
    Correction("tilt-quote", D, "wording", "{doc}`chapters/balance` (opening)",
               "A paraphrase, tilt toward Turkey, is no longer shown in quotation marks.",
               "Quotation marks are for the article's own words, and these are not its words.",
               pages=("chapters/balance",)),
    Correction("under-statement", D, "wording", "{doc}`chapters/four-years-on` (event list)",
               "The deployment of the Russian peacekeepers now names the ceasefire statement it followed, instead of "
               "saying \"under that statement\".",
               "The event lists show the deployment before the statement it referred to.",
               events=("2020-11-10-russian-peacekeepers-deployed",), pages=("chapters/four-years-on",)),
    Correction("strikes-sources", D, "fact", "{doc}`chapters/four-years-on` (event list)",
               "The gravest events now carry a second, independent source; with it, the strikes on Iran of "
               "28 February 2026 are now said to have killed Supreme Leader Ali Khamenei, as Iranian state media "
               "confirmed the next day.",
               "The research notes' only source was a news item about an evacuation; the book states a leader's "
               "death only with two independent sources.",
               events=("2026-02-28-us-israeli-strikes-on-iran",), pages=("chapters/four-years-on",)),
    Correction("backing-balance", D, "fact", "{doc}`chapters/balance` (opening)",
               "The opening no longer says in passing that the 2020 war was won with open Turkish backing; it now "
               "says what the book's data show, that Azerbaijan fought it partly with armed drones Turkey delivered "
               "that year, and points at the arms section of the Turkey chapter.",
               "A statement in the book's own voice needs evidence in the book's data; SIPRI's register records the "
               "drones, while the breadth of Turkey's political backing is not measured anywhere in the book.",
               issue="issue 14 (independent fact-check), found in review", pages=("chapters/balance",)),
)

TITLES = {
    "un-nearer": "Azerbaijan was already nearer Russia at the UN",
    "backing": "The article does not say the war was won with Turkey's backing",
    "economy": "The article does not name the economy among the declaration's fields",
    "reassure": "In the article Baku reassures Moscow",
    "c15": "C15: the evidence that both sides still spoke of an alliance",
    "c11": "C11: Lavrov's 2020 remark cited with its source",
    "e25": "E25: the lifting of the US curb cited with its source",
    "b7": "B7: the Defence Ministry's rebuke cited with the notes' source",
    "e23": "E23 rated untested, and the tallies recounted",
    "ceremony": "The monitoring centre closed at a ceremony",
    "estimates": "Not every SIPRI drone number is an estimate",
    "net-gap": "The trade gap with Turkey is a net figure",
    "bridge": "One bridge reported complete, not the bridge built",
    "overtook": "When Turkey was ahead of Russia in Azerbaijan's trade",
    "tilt-quote": "A paraphrase taken out of quotation marks",
    "under-statement": "The peacekeepers' deployment names its statement",
    "strikes-sources": "Second sources for the gravest events",
    "backing-balance": "Turkey's part in the 2020 war, said with its evidence",
}
missing = [c.key for c in CORRECTIONS if c.key not in TITLES]
if missing:
    raise ValueError(f"corrections without a title: {missing}")

BY_CLAIM = {c: k for k in CORRECTIONS for c in k.claims}
BY_EVENT = {e: k for k in CORRECTIONS for e in k.events}


def claim_note(claim_id: str, page: str = PAGE_HTML) -> str:
    """HTML: a "corrected" link for a claim a correction changed (empty otherwise)."""
    c = BY_CLAIM.get(claim_id)
    return "" if c is None else (f' <a class="azbook-corrected" href="{page}#{c.anchor}">'
                                 f"(corrected {html.escape(c.date)})</a>")


def event_note(event_id: str, page: str = PAGE_HTML) -> str:
    """HTML: a "corrected" link for an event a correction changed (empty otherwise)."""
    c = BY_EVENT.get(event_id)
    return "" if c is None else (f' <a class="azbook-corrected" href="{page}#{c.anchor}">'
                                 f"(corrected {html.escape(c.date)})</a>")


def missing_backlinks(html_dir: Path) -> list[tuple[str, str]]:
    """(page, anchor) for every changed page of the built book that does not link to its correction,
    and ("corrections", anchor) for every correction the built corrections page lacks."""
    html_dir = Path(html_dir)
    out = []
    page_text = (html_dir / "corrections.html").read_text(encoding="utf-8") if (html_dir / "corrections.html").exists() else ""
    for c in CORRECTIONS:
        if f'id="{c.anchor}"' not in page_text:
            out.append(("corrections", c.anchor))
        for name in c.pages:
            path = html_dir / f"{name}.html"
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            if f"corrections.html#{c.anchor}" not in text:
                out.append((name, c.anchor))
    return out


def render() -> str:
    """The corrections page as MyST Markdown."""
    out = [
        "<!-- Generated by `python -m azbook.book.corrections` from azbook/book/corrections.py; edit that file, not this one. -->",
        "# Corrections",
        "",
        "Every correction to a fact, a figure, a verdict or an attribution made after the book's first edition, "
        "newest first: when it was made, what changed, why, and where. Each changed place links back here.",
        "",
    ]
    for c in sorted(CORRECTIONS, key=lambda c: c.date, reverse=True):
        out += [
            f"({c.anchor})=",
            f"## {TITLES[c.key]}",
            "",
            f"- **Date:** {c.date}",
            f"- **Kind:** {c.kind}",
            f"- **Where:** {c.where}",
            f"- **What changed:** {c.what}",
            f"- **Why:** {c.why}",
        ]
        if c.claims:
            out.append("- **Claims:** " + ", ".join(c.claims))
        if c.events:
            out.append("- **Events:** " + ", ".join(f"`{e}`" for e in c.events))
        out += [f"- **Raised in:** {c.issue}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
