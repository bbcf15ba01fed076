"""The document's frame: who publishes it (and so who "we" are), which dollar a bare "$" means,
and the donor → recipient pair the whole release is about, if it is about one.

Publishers come from the source's web domain (``ledger/data/context/publishers.tsv``): a
government's or organisation's own release speaks for it in first person; a newspaper's "we" is
a quote and gives no donor.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ledger import data
from ledger.text.gazetteer import find_actors

__all__ = ["DocumentFrame", "Publisher", "default_pair", "names_abroad", "publisher_of"]

#: A release is about one pair when that pair is named for at least this share of its aid amounts ...
_PAIR_SHARE = 0.5
#: ... and at least this often (or in the headline).
_PAIR_MIN = 2


@dataclass(frozen=True, slots=True)
class Publisher:
    domain: str
    actor: str
    voice: str  # government | organisation | news | joint (a statement several governments sign)
    dollar: str | None

    @property
    def speaks_for(self) -> str | None:
        """The actor a first-person "we" in its texts stands for (None for a newspaper)."""
        return self.actor if self.voice in ("government", "organisation") else None


@dataclass(frozen=True, slots=True)
class DocumentFrame:
    publisher: Publisher | None = None
    donor: str | None = None  # the donor the release is about, if it is about one
    recipient: str | None = None
    abroad: bool = False  # the release is about aid abroad: its amounts are not spent at home
    disaster: bool = False  # the headline speaks of a disaster: relief to stricken places is aid, not a budget
    budget: bool = False  # the headline speaks of a budget, a request or an appropriation: new money is asked for
    private: bool = False  # the headline speaks of private-sector commitments: the release lends no giver
    text: str = field(default="", repr=False, compare=False)  # the whole text (read by :func:`names_abroad`)

    @property
    def home(self) -> str | None:
        """The publisher's own country when a government publishes the text (its release tells what it
        gives, never what it gets), else None."""
        return self.publisher.actor if self.publisher is not None and self.publisher.voice == "government" else None


#: A text about aid abroad names other countries and organisations throughout; one that names them less often
#: than once in this many characters names them in passing (a biography's past post, a conference's guest).
_ABROAD_EVERY = 1250


def names_abroad(doc: DocumentFrame, *, throughout: bool = True) -> bool:
    """Whether the document names countries, regions or organisations other than its publisher's own country
    throughout, not only in passing (or at all, where ``throughout`` is false). Read once per document, and
    only when a rule asks."""
    named = _named_abroad(doc.text, doc.home)
    return named > 0 and (not throughout or named * _ABROAD_EVERY >= len(doc.text))


@functools.lru_cache(maxsize=8)
def _named_abroad(text: str, home: str | None) -> int:
    return sum(1 for m in find_actors(text) if m.kind in ("country", "region", "institution", "group")
               and m.canonical != home)


@functools.lru_cache(maxsize=1)
def _publishers() -> dict[str, Publisher]:
    return {r["domain"].lower(): Publisher(r["domain"].lower(), r["actor"], r["voice"], r["dollar"] or None)
            for r in data.table("context/publishers.tsv")}


@functools.lru_cache(maxsize=4096)
def publisher_of(url: str | None) -> Publisher | None:
    """The publisher of a document at ``url`` (its host or the longest listed suffix of it)."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    table = _publishers()
    if host in table:
        return table[host]
    parts = host.split(".")
    for i in range(1, len(parts)):
        for key in (".".join(parts[i:]), "." + ".".join(parts[i:])):
            if key in table:
                return table[key]
    return None


def default_pair(pairs: list[tuple[str | None, str | None]], headline: tuple[str | None, str | None]
                 ) -> tuple[str | None, str | None]:
    """The donor and recipient a release is about: the headline's, else the donor named for most of its
    aid amounts and the recipient named for most of them (at least twice; None where it names several)."""
    donors = Counter(d for d, _ in pairs if d)
    recipients = Counter(r for _, r in pairs if r)
    top = donors.most_common(1)
    donor = headline[0] or (top[0][0] if top and top[0][1] >= _PAIR_SHARE * donors.total() else None)  # its giver,
    # if one gives most of what it names (a list of many givers' pledges is about none of them)
    return donor, _dominant(recipients, headline[1], len(pairs))


def _dominant(counts: Counter, headline: str | None, n: int) -> str | None:
    if headline is not None and (not counts or counts.most_common(1)[0][0] == headline or headline in counts):
        return headline
    if not counts:
        return None
    name, k = counts.most_common(1)[0]
    if k >= _PAIR_MIN and k >= _PAIR_SHARE * sum(counts.values()):
        return name
    return None
