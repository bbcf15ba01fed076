"""Item phrases: the shared noun-phrase grammar (:mod:`ledger.text.nouns`) read in the item style.

An item is the noun phrase after a figure ("$800 million in security assistance" → "security
assistance") or the one ending right before it ("a loan of $20 billion" → "loan"). In the item style
leading determiners are dropped, "sets of", "food and water", "A, B, and C" lists and bracketed
acronyms are kept, a capitalised word after lower-case ones opens a new clause, and names of actors
are never items.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger import data
from ledger.extract import tables
from ledger.text.gazetteer import canonical_name
from ledger.text.nouns import KEEP_LEADING, Style, determiners, is_word, read, tokenize, words
from ledger.text.plurals import head_noun, is_plural

__all__ = [
    "alternation", "cue_values", "cues", "head_noun", "is_word", "item_style", "noun_phrase", "qualifier_prefix",
    "stop_words", "tokenize", "words_before",
]


@lru_cache(maxsize=None)
def cues(name: str) -> frozenset[str]:
    """The words of one set of ``context/item_cues.tsv`` ("left_link", "predicate_verb", ...)."""
    found = frozenset(w for s, w, _v, _n in data.rows("context/item_cues.tsv") if s == name)
    if not found:
        raise KeyError(f"context/item_cues.tsv has no set {name!r}")
    return found


@lru_cache(maxsize=None)
def cue_values(name: str) -> dict[str, str]:
    return {w: v for s, w, v, _n in data.rows("context/item_cues.tsv") if s == name}


def alternation(name: str) -> str:
    """The words of a cue set as a pattern piece, longest first, spaces matching any white space."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(cues(name), key=len, reverse=True))


@lru_cache(maxsize=1)
def qualifier_prefix() -> str:
    """An optional qualifier before a figure ("about ", "more than ", "only "), as a pattern piece: the
    extractor's qualifier phrases (``extract/qualifiers.tsv``) and the hedges of ``item_cues.tsv``."""
    phrases = sorted({*tables.qualifiers(), *cues("hedge")}, key=len, reverse=True)
    return "(?:(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\s+)?"


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Words that end an item phrase: the grammar's function words and ``context/item_stop_words.txt``."""
    return words("function_words.txt") | frozenset(data.entries("context/item_stop_words.txt"))


@lru_cache(maxsize=1)
def item_style() -> Style:
    return Style(stop=stop_words(), leading=True, joiners=True, clauses=True)


def _render(tokens: tuple[str, ...], picked: list[int]) -> list[str]:
    """The words of a phrase as written: list commas stay on their word, "( IDA )" becomes "(IDA)"."""
    out: list[str] = []
    for k in picked:
        tok = tokens[k]
        if tok == "," and out:
            out[-1] += ","
        elif tok == "(":
            out.append("(")
        elif tok == ")" and out:
            out[-1] += ")"
        elif out and out[-1] == "(":
            out[-1] += tok
        else:
            out.append(tok)
    return out


def noun_phrase(tokens: tuple[str, ...], people: bool = False) -> str | None:
    """The item phrase at the start of ``tokens``; ``people``: a lone plural demonym ("267,000 Ukrainians")
    is what is counted, not an actor."""
    ws = _render(tokens, read(tokens, item_style()))
    stop, leading = stop_words(), determiners()
    while ws and (ws[-1].lower() in stop or ws[-1].lower() in leading):
        ws.pop()
    if not ws:
        return None
    phrase = " ".join(ws).strip(".")
    if people and len(ws) == 1 and is_plural(phrase):
        return phrase
    if canonical_name(phrase) or canonical_name(ws[0].rstrip("’'s").rstrip("’'")) and len(ws) == 1:
        return None
    return phrase or None


def words_before(tokens: tuple[str, ...], max_words: int = 4, *, verbs: frozenset[str] = frozenset(),
                 names: bool = False) -> list[str]:
    """The words of the noun phrase ending ``tokens`` ("... reducing the prevalence rate" → prevalence rate).

    Stops at punctuation, a function word or a determiner ("new"/"additional" are kept: "new HIV
    infections"), after a possessor ("Chad's population"), before one of ``verbs``; ``names``: goes on over
    "in"/"of" before capitalised words ("rate in Haiti")."""
    out: list[str] = []
    stop, leading = stop_words(), determiners()
    for tok in reversed(tokens):
        low = tok.lower()
        if names and low in ("in", "of") and out and all(w[0].isupper() for w in out):
            out.insert(0, tok)
            continue
        if out and low in KEEP_LEADING:
            out.insert(0, tok)
            break
        if not is_word(tok) or low in stop or low in leading or len(out) >= max_words or out and low in verbs:
            break
        out.insert(0, tok)
        if low.endswith(("'s", "’s")) and len(out) > 1:
            break
    return out
