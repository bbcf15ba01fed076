"""The grammar's reference tables (``ledger/data/extract/``), parsed once."""
from __future__ import annotations

import functools

from ledger import data


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return data.rows(f"extract/{name}")


@functools.lru_cache(maxsize=None)
def number_words() -> dict[str, tuple[float, str]]:
    """word → (value, class) for cardinal number words."""
    return {w: (float(v), c) for w, v, c in _rows("number_words.tsv")}


@functools.lru_cache(maxsize=None)
def scales() -> list[tuple[str, float, str]]:
    """(token, multiplier, match) scale words, longest token first."""
    rows = [(t, float(m), k) for t, m, k in _rows("scales.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@functools.lru_cache(maxsize=None)
def currencies() -> list[tuple[str, str, str]]:
    """(marker, code, position) currency markers, longest marker first."""
    return sorted((tuple(r) for r in _rows("currencies.tsv")), key=lambda r: -len(r[0]))


@functools.lru_cache(maxsize=None)
def dollar_markers() -> list[tuple[str, str]]:
    """(phrase, code) phrases naming a non-US dollar."""
    return [(p, c) for p, c in _rows("dollar_markers.tsv")]


def _phrase_table(name: str) -> dict[str, str]:
    return {p.lower(): v for p, v in _rows(name)}


@functools.lru_cache(maxsize=None)
def qualifiers() -> dict[str, str]:
    """phrase → qualifier (approx, at_least, at_most)."""
    return _phrase_table("qualifiers.tsv")


@functools.lru_cache(maxsize=None)
def changes() -> dict[str, str]:
    """phrase → change (up, down)."""
    return _phrase_table("changes.tsv")


@functools.lru_cache(maxsize=None)
def vague() -> dict[str, tuple[float, float]]:
    """phrase → (low, high) for vague amounts."""
    return {p.lower(): (float(lo), float(hi)) for p, lo, hi in _rows("vague.tsv")}


@functools.lru_cache(maxsize=None)
def count_phrases() -> dict[str, str]:
    """Phrase after a number → count unit ("in favor" → "vote")."""
    return _phrase_table("count_phrases.tsv")


@functools.lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A one-word-a-line file as a lower-case set."""
    return frozenset(e.lower() for e in data.entries(f"extract/{name}"))


@functools.lru_cache(maxsize=None)
def rate_nouns() -> dict[str, str]:
    """Noun after "a" / "per" / "each" → the unit of a per-unit rate ("share", "month")."""
    return _phrase_table("rate_nouns.tsv")


@functools.lru_cache(maxsize=None)
def fractions() -> dict[str, float]:
    """Fraction phrase ("a third", "two-thirds", "half") → its value as a share of one."""
    return {" ".join(p.lower().replace("-", " ").split()): float(v) for p, v in _rows("fractions.tsv")}


@functools.lru_cache(maxsize=None)
def scale_words() -> frozenset[str]:
    """Number words that multiply what comes before them ("thousand", "million", ...)."""
    return frozenset(w for w, (_v, c) in number_words().items() if c == "scale")


@functools.lru_cache(maxsize=None)
def _cue_rows() -> tuple[tuple[str, str, str], ...]:
    return tuple((s, w, v) for s, w, v, _note in _rows("cues.tsv"))


@functools.lru_cache(maxsize=None)
def cues(name: str) -> frozenset[str]:
    """The lower-case words of one cue set of ``cues.tsv`` ("bare_before", "year_before", ...)."""
    found = frozenset(w.lower() for s, w, _v in _cue_rows() if s == name)
    if not found:
        raise KeyError(f"extract/cues.tsv has no set {name!r}")
    return found


@functools.lru_cache(maxsize=None)
def cue_values(name: str) -> dict[str, str]:
    """word → value of one cue set of ``cues.tsv`` ("rate_adverb": annually → year)."""
    return {w.lower(): v for s, w, v in _cue_rows() if s == name}


@functools.lru_cache(maxsize=None)
def minor_units() -> dict[str, tuple[str, float]]:
    """Lower-case minor-unit marker ("cents", "pence") → (currency code, its share of the major unit)."""
    return {m.lower(): (c, float(share)) for m, c, share in _rows("minor_units.tsv")}
