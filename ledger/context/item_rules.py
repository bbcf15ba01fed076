"""Round-4 item rules: weak nouns, subjects of levels, lists, channels, teams and rates.

* a noun that never names money or a count ("record high", "work", "effects": ``ledger/data/context/non_item_nouns.txt``)
  is dropped; "NP reached a record high of $X" → the subject NP;
* "$X to the following NP:" → NP; "$X per year through Feed the Future" → the NP after "through"
  when nothing else names the money;
* "the 25-person response team" → "response team" (the NP after "N-person|-member|-strong");
* rates: "NP (from X%) to (under) Y%" → NP, "X% NP" → NP, "half of our $20 billion loan" → "loan";
* counts: "Haiti's population of 11 million" → "Haiti's population".
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger import data
from ledger.text import calendar
from ledger.text.gazetteer import canonical_name
from ledger.context.noun_phrase import (
    alternation, cues, head_noun, is_word, noun_phrase, qualifier_prefix, stop_words, tokenize, words_before,
)
from ledger.extract import tables
from ledger.text.nouns import determiners

@lru_cache(maxsize=1)
def non_item_nouns() -> frozenset[str]:
    return frozenset(data.entries("context/non_item_nouns.txt"))


@lru_cache(maxsize=8192)
def weak(item: str | None) -> bool:
    """An item whose head noun never names what money or a count is ("record high", "effects")."""
    return bool(item) and head_noun(item) in non_item_nouns()


def tail_np(text: str, max_words: int = 4, names: bool = False) -> str | None:
    """The noun phrase ending ``text`` ("... reducing the prevalence rate" → "prevalence rate").

    ``names``: "rate in Haiti" goes on over "in|of" before a name.
    """
    words = words_before(tokenize(text), max_words, names=names)
    while words and words[0].lower() in ("in", "of"):
        words.pop(0)
    if not words or not words[-1].isalpha() or _verb_like(words[-1]):
        return None
    phrase = " ".join(words)
    return None if canonical_name(phrase) else phrase


def _verb_like(word: str) -> bool:
    low = word.lower()
    return word[0].islower() and (low.endswith(("ed", "ly")) or low in cues("predicate_verb"))

@lru_cache(maxsize=1)
def _level() -> re.Pattern[str]:
    """"Norwegian ODA reached a record high of": the subject of a level names the money."""
    return re.compile(
        rf"\s(?:{alternation('level_phrase')})\s+(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?[\w-]+"
        rf"\s+(?:of|at)\s+{qualifier_prefix()}$"
    )


def level_subject(left: str) -> str | None:
    """"NP reached a record high of $X" → NP."""
    m = _level().search(left[-160:])
    return tail_np(left[-160:][:m.start()]) if m else None


_FOLLOWING = re.compile(r"^\s+(?:to|for|on|in)\s+the\s+following\s+")
#: "$X per year through NP", "$X will be to help save lives through NP": a few plain words, then the channel.
_THROUGH = re.compile(r"^(?:\s+[a-z]+){0,6}?\s+through\s+(?:the\s+)?")
_NAME_JOINERS = frozenset("the of and for".split())


def following_np(right: str) -> str | None:
    """"$X to the following efforts:" → "efforts"."""
    m = _FOLLOWING.match(right) if "following" in right[:30] else None
    return noun_phrase(tokenize(right[m.end():m.end() + 120])) if m else None


def through_np(right: str) -> str | None:
    """"$X per year through Feed the Future" → "Feed the Future" (not actors, dates or weak nouns)."""
    m = _THROUGH.match(right[:120]) if "through" in right[:120] else None
    if m is None:
        return None
    toks = tokenize(right[m.end():m.end() + 120])
    np = proper_name(toks) if toks and toks[0][:1].isupper() else noun_phrase(toks)
    if not np or canonical_name(np) or not np[0].isalpha() or np.split()[0].lower() in calendar.MONTHS or weak(np):
        return None
    return np


def proper_name(toks: tuple[str, ...]) -> str | None:
    """Capitalised words joined by "the|of|and|for" at the start of ``toks`` ("Feed the Future")."""
    words: list[str] = []
    for i, tok in enumerate(toks[:10]):
        if tok[:1].isupper() and is_word(tok):
            words.append(tok)
        elif (tok.lower() in _NAME_JOINERS and words and i + 1 < len(toks)
              and toks[i + 1][:1].isupper() and is_word(toks[i + 1])):
            words.append(tok)
        else:
            break
    if words and words[-1].endswith(".") and "." not in words[-1][:-1]:
        words[-1] = words[-1][:-1]  # "the World Bank." at a sentence end
    return " ".join(words) or None


_TEAM = re.compile(r"^-(?:person|man|member|strong)\s+")


def team_item(right: str) -> str | None:
    """"the 25-person response team" → "response team": what an N-person group is."""
    m = _TEAM.match(right) if right[:1] == "-" else None
    if m is None:
        return None
    words = (noun_phrase(tokenize(right[m.end():m.end() + 120])) or "").split()
    while words and _verb_like(words[-1]):
        words.pop()  # "medical team arrived"
    return " ".join(words) or None


@lru_cache(maxsize=1)
def _to_rate() -> re.Pattern[str]:
    """"reducing the prevalence rate to under", "cut the rate from 12% to": the NP whose value changes."""
    return re.compile(rf"\s(?:from\s+[\d.,]+\s*(?:%|percent|per\s+cent)\s+)?to\s+{qualifier_prefix()}$")


def rate_subject(left: str) -> str | None:
    """"NP to (under) X%", "NP from X% to Y%" → NP (not after a verb: "rose to 5%")."""
    m = _to_rate().search(left[-160:]) if "to " in left[-30:] else None
    return tail_np(left[-160:][:m.start()], names=True) if m else None


def np_after_rate(toks: tuple[str, ...]) -> str | None:
    """"18% overall increase" → "overall increase": a bare noun phrase right after a percentage."""
    if not toks or not is_word(toks[0]) or not toks[0][0].islower():
        return None
    first = toks[0].rstrip(".")  # "done." at a sentence end
    low = first.lower()
    if not first or low in stop_words() or low in determiners() or low in cues("not_np_after") or _verb_like(first):
        return None
    np = noun_phrase(toks)
    return None if not np or weak(np) or np.endswith("ly") else np


@lru_cache(maxsize=1)
def _scale_tokens() -> frozenset[str]:
    return frozenset(t.lower() for t, _m, _k in tables.scales())


def skip_amount(toks: tuple[str, ...]) -> tuple[str, ...]:
    """"our $20 billion loan" → "loan": a determiner and an amount before the noun."""
    i = 1 if toks and toks[0].lower() in determiners() else 0
    j = i
    while j < len(toks) and (toks[j] in "$€£¥" or toks[j][0].isdigit() or toks[j].lower() in _scale_tokens()
                             or toks[j].isupper() and len(toks[j]) == 3 and j == i):
        j += 1
    return toks[j:] if j > i else toks


@lru_cache(maxsize=1)
def _of_left() -> re.Pattern[str]:
    return re.compile(rf"\s(?:of)\s+{qualifier_prefix()}$")


def count_left(left: str) -> str | None:
    """"Haiti's population of 11 million" → "Haiti's population"."""
    m = _of_left().search(left[-120:]) if "of " in left[-30:] else None
    if m is None:
        return None
    np = tail_np(left[-120:][:m.start()])
    return None if not np or weak(np) else np
