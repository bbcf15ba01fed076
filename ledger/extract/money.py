"""Currency decisions: marker → ISO 4217 code, and the per-document default dollar."""
from __future__ import annotations

import functools
import re

from ledger.extract import patterns, tables

_US_MARKERS = re.compile(r"US\$|U\.S\.\$|\bUSD\b|\bU\.?S\.? dollars?\b|\bAmerican dollars?\b")
_CONVERSION_TO_US = re.compile(r"dollars?[ \t\u00a0]*\([ \t\u00a0]*(?:US|U\.S\.)?[ \t\u00a0]?\$")


@functools.lru_cache(maxsize=1)
def _dollar_markers() -> tuple[re.Pattern[str], dict[str, str]]:
    codes = dict(tables.dollar_markers())
    return re.compile("|".join(re.escape(p) for p in sorted(codes, key=len, reverse=True))), codes


def default_dollar(text: str) -> str:
    """The ISO code a bare "$" means in this text: USD unless the text speaks of one other dollar only.

    A text that names Australian dollars (or writes A$) and never writes US$ / USD / U.S. dollars, nor
    gives bare-$ conversions after its amounts ("10.5 million Australian dollars ($7.5 million)"), uses "$"
    for Australian dollars.
    """
    markers, codes = _dollar_markers()
    found = {codes[m] for m in markers.findall(text)}
    if len(found) != 1 or _US_MARKERS.search(text) or _CONVERSION_TO_US.search(text):
        return "USD"
    return found.pop()


def pre_code(marker: str, dollar: str) -> str:
    code = patterns.pre_currency_codes()[" ".join(marker.lower().split())]
    return dollar if code == "$" else code


def post_code(marker: str, dollar: str, *, scaled: bool, after: str = "") -> str | None:
    """Code of a currency word after a number; None when the word is not money here.

    "pounds"/"pound" are money only with a scale word ("500 million pounds"; "170,000 pounds" is weight),
    and so is "won" ("300 billion won"; "3 won" is a verb); with "of" after them, only before a word
    of money ("billions of pounds of investment"; "20 million pounds of food" is a weight).
    """
    word = " ".join(marker.split())
    if word.lower() in tables.cues("scale_only_currency") and (not scaled or _of_goods(after)):
        return None
    code = patterns.post_currency_codes().get(word.lower())
    if code is None:
        return None
    return dollar if code == "$" else code


_OF_NEXT = re.compile(r"\s+of\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)")


def _of_goods(after: str) -> bool:
    """The words after a currency word are "of" and something that is no money ("of food", "of aid")."""
    m = _OF_NEXT.match(after)
    if m is None:
        return False
    money_words = tables.cues("money_after_of")
    return m.group(1).split()[0] not in money_words and m.group(1) not in money_words


def minor_share(marker: str) -> tuple[str, float] | None:
    """(code, share) when ``marker`` is a minor unit ("cents" → ("$", 0.01)), else None."""
    return tables.minor_units().get(" ".join(marker.lower().split()))


def minor_written(surface: str) -> float | None:
    """The share of the major unit when a money surface is written in a minor unit only ("18 cents",
    "12-cent", "164p"); None for "3 dollars 50 cents" (dollars and cents) and other surfaces."""
    m = _minor_tail().search(surface)
    if m is None:
        return None
    head = surface[:m.start()].lower()
    codes = patterns.post_currency_codes()
    if any(ch in head for ch in "$€£¥") or any(w in codes for w in re.findall(r"[a-z]+", head)):
        return None
    return minor_share(m.group("m"))[1] if m.group("m") else 0.01


@functools.lru_cache(maxsize=1)
def _minor_tail() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in tables.minor_units()), key=len, reverse=True)).replace(r"\ ", r"\s+")
    return re.compile(rf"(?i)(?:(?<![a-z])(?P<m>{words})|(?<=\d)\s?p)$")
