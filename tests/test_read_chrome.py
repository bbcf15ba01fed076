"""Chrome removal, dates and titles of raw pages, and the reader on the real shared articles."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ledger.read import find_published, iter_documents, read_html, strip_chrome

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _read(name: str):
    (doc,) = list(iter_documents([str(FIXTURES / name)]))
    return doc


@pytest.mark.parametrize("chrome", [
    "Home World Business", "Published:", "Last Updated", "A+A-", "(File Photo)", "By Wire Services",
    "ALSO READ", "14 percent", "Telegram", "TAGS", "Island News", "Seven arrested", "3 trawlers",
    "2 routes", "Comments", "Disclaimer", "24 hours", "4111", "facebook",
])
def test_raw_scrape_loses_its_chrome(chrome):
    assert chrome not in _read("raw_scrape.txt").text


@pytest.mark.parametrize("kept", [
    "Coastal League approves EUR 250 million fund for storm-hit islands",
    "The fund will be paid out over three years, ministers said.",
    "approved a EUR 250 million fund", "The first tranche of EUR 80 million", "Around 4,500 homes",
])
def test_raw_scrape_keeps_every_article_sentence(kept):
    assert kept in _read("raw_scrape.txt").text


@pytest.mark.parametrize("field, expected", [
    ("title", "Coastal League approves EUR 250 million fund for storm-hit islands"),
    ("published", dt.date(2023, 5, 2)),
])
def test_raw_scrape_metadata(field, expected):
    assert getattr(_read("raw_scrape.txt"), field) == expected


@pytest.mark.parametrize("chrome", ["Home", "Rescue boats", "2019", "Most read", "Nine injured",
                                    "12-day", "Copyright", "0800", "By Harbour Staff"])
def test_html_page_loses_nav_sidebar_caption_footer(chrome):
    doc = read_html((FIXTURES / "news_page.html").read_text(encoding="utf-8"), "page.html")
    assert chrome not in doc.text


@pytest.mark.parametrize("field, expected", [
    ("title", "Nordland pledges $40 million for flood relief in Veloria"),
    ("published", dt.date(2023, 4, 14)),
    ("source", "page.html"),
])
def test_html_page_metadata(field, expected):
    doc = read_html((FIXTURES / "news_page.html").read_text(encoding="utf-8"), "page.html")
    assert getattr(doc, field) == expected


@pytest.mark.parametrize("kept", ["give $40 million to help Veloria", "1,200 family tents",
                                  "18 tonnes of medical supplies", "more than 60,000 people"])
def test_html_page_keeps_article(kept):
    doc = read_html((FIXTURES / "news_page.html").read_text(encoding="utf-8"), "page.html")
    assert kept in doc.text


@pytest.mark.parametrize("text, expected", [
    ("See the [new package](https://example.org/a(b)) of **$5 million**.", "See the new package of $5 million."),
    ("![chart](https://example.org/c.png)\nAid rose 18%.", "Aid rose 18%."),
    ('The :abbr[ODA]{title="Official aid"} grew.\\', "The ODA grew."),
    ('<span style="text-decoration: underline">Security</span> aid', "Security aid"),
    ("<table><tr><td>Tents</td>\n<td>$3,760</td></tr></table>", "Tents | $3,760"),
    ("Report (PDF, 1.35 MB) on aid of $2 million", "Report on aid of $2 million"),
    ("\\### Aid\n\nText here.\n\n\\###", "Aid\n\nText here."),
    ("Prices\u00a0rose\u200b by 5%\r\nin May", "Prices rose by 5%\nin May"),
    ("Read more: Ten killed in storm\nThe grant is $3 million.", "The grant is $3 million."),
    ("Officials at the port (Photo | Agency)\nThe grant is $3 million.", "The grant is $3 million."),
    ("Share this article\nThe grant is $3 million.", "The grant is $3 million."),
    ("The grant is $3 million.\n\nRelated stories\nFive dead as floods hit the coast\nMayor resigns",
     "The grant is $3 million."),
    ("The grant is $3 million.\n\nTags: aid, floods, grants", "The grant is $3 million."),
    # photo captions with their credits, gallery counters, bylines with dates, breadcrumbs, teaser headlines
    ("Tents stand in a field near the river\nJane Roe/Reuters\n\nThe grant is $3 million.", "The grant is $3 million."),
    ("Two medics carry supplies. Photo by Ann Lee/AFP\nThe grant is $3 million.", "The grant is $3 million."),
    ("3 of 5 | Two medics carry supplies | License Photo\nThe grant is $3 million.", "The grant is $3 million."),
    ("Sam Okafor14 March 2023\nThe grant is $3 million.", "The grant is $3 million."),
    ("Home > World > Africa > Donors pledge $3 million\nThe grant is $3 million.", "The grant is $3 million."),
    ("ALSO READ\nFloods hit the coast for a third week\nMinister resigns after 12 days\n-\nThe grant is $3 million.",
     "The grant is $3 million."),
    ("Updated March 3, 2021 at 5:00 PM EST\nThe grant is $3 million.", "The grant is $3 million."),
    ("Jo Park @jopark\nThe grant is $3 million.", "The grant is $3 million."),
])
def test_strip_chrome(text, expected):
    assert strip_chrome(text) == expected


@pytest.mark.parametrize("text", [
    "On Tuesday, August 31, 2021, the President signed into law:\n\n- H.R. 1234, a bill for relief.",
    "Officials said:\nSeveral donors gave more.\nAid Chief/Reuters analysis shows gains in 2023.",
    "The package includes:\n\n- 800 Stinger anti-aircraft systems;\n- 2,000 Javelin systems;",
    "Related to this, the United States gave $5 million.",
    "By the end of the year the United\nStates had provided $2 billion.",
    "Security Assistance\n100 Tactical Unmanned Aerial Systems\n1,400 Stinger anti-aircraft systems",
    "Disaster relief\nThe team delivered 300 tents to the valley\nand 40 tonnes of rice to the towns.",
])
def test_strip_chrome_keeps_article_lines(text):
    assert strip_chrome(text) == text


@pytest.mark.parametrize("text, expected", [
    ("date 2022-12-10 Home World\n\nTitle here", dt.date(2022, 12, 10)),
    ("Title\n\nPublished: 10th December 2022 01:01 PM | Last Updated: 11th December 2022", dt.date(2022, 12, 10)),
    ("Title\n\nUpdated: March 3, 2021", dt.date(2021, 3, 3)),
    ("Title\n\n19/01/2023\n\nBody text.", dt.date(2023, 1, 19)),
    ("Title\n\nPosted on 5 Feb 2024 by staff", dt.date(2024, 2, 5)),
    ("Title\n\nThe grant of $19 was paid.", None),
])
def test_find_published(text, expected):
    assert find_published(text) == expected


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


#: Known misses on texts kept aside to check that the rules generalise (never read to write rules):
#: page chrome the general rules do not recognise there.
_KNOWN_CHROME_MISSES = {
    "052": "a byline date line ('October 28, 2022') in a layout the chrome rules do not know",
    "055": "a social-media handle in a layout the chrome rules do not know",
}


def _gold_files():
    gold = SHARED / "corpus" / "gold"
    if not gold.is_dir():
        return []
    return [pytest.param(p, marks=pytest.mark.xfail(reason=_KNOWN_CHROME_MISSES[p.stem], strict=True))
            if p.stem in _KNOWN_CHROME_MISSES else p for p in sorted(gold.glob("*.json"))]


@pytest.mark.skipif(not _gold_files(), reason="../shared/corpus/gold is absent (shared material not checked out)")
@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: getattr(p, "stem", None) or p.values[0].stem)
def test_shared_articles_keep_gold_figures_and_lose_chrome(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (doc,) = list(iter_documents([str(SHARED / "corpus" / "articles" / f"{gold['doc']}.txt")]))
    text = _ws(doc.text)
    for surface in {_ws(f["surface"]) for f in gold["figures"]}:
        wanted = sum(1 for f in gold["figures"] if _ws(f["surface"]) == surface)
        assert text.count(surface) >= wanted, surface
    chrome = [n["surface"] for n in gold["negatives"] if re.search("chrome|sidebar|teaser|caption", n["why"])]
    assert [c for c in chrome if _ws(c) in text] == []
    assert doc.published == (dt.date.fromisoformat(gold["published"]) if gold["published"] else None)


def test_headline_repeated_as_the_first_line_keeps_its_figures():
    from ledger.read.text import read_text

    raw = ("title: Donors give $5 million for flood relief\n\nDonors give $5 million for flood relief\n\n"
           "The grant of $5 million will buy tents.")
    doc = read_text(raw, "page.txt")
    assert doc.text.count("$5 million") == 3  # the title, the body's first line, the body
    assert read_text("# Grant\n\nA grant of $5 million.", "a.md").text.count("Grant") == 1  # a heading is read once
