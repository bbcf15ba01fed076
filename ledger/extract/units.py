"""Units of measure and duration: quantulum3's unit database read at load time, with this project's
overrides and additions (``ledger/data/extract/units.tsv``).

From the database come the units of the physical quantities listed in ``extract/unit_entities.tsv``
(length, mass, time ...), with their names ("kilometre", "square foot"), those names' plurals, and
their symbols ("km", "kWh"); SI prefixes are expanded by quantulum3's own loader. A name or a symbol
that is also a common English word (quantulum3's ``common-words.txt``: "in", "pm", "pond") or a
single character is left out. ``units.tsv`` then adds aliases the database lacks ("kms", "sq m",
"degrees celsius"), maps news units the database does not have ("barrel per day", "year of age"),
and drops aliases and whole units that are not units in news text ("barn", "span", "pm").
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict

from ledger import data
from ledger.text.plurals import plural


@functools.lru_cache(maxsize=1)
def _database() -> dict[str, dict]:
    """quantulum3's units (general and English), SI prefixes expanded: name → {entity, surfaces, symbols}."""
    from quantulum3 import load

    merged: dict[str, dict] = defaultdict(dict)
    for path in (load.GENERAL_UNITS_PATH, load.LANGUAGE_UNITS_PATH("en_US")):
        with open(path, encoding="utf-8") as fh:
            for name, unit in json.load(fh).items():
                for full_name, full in load.Units.prefixed_units(name, unit):
                    merged[full_name].update(full)
    return merged


def database_names() -> frozenset[str]:
    """The names of every unit of quantulum3's database (SI prefixes expanded)."""
    return frozenset(_database())


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """quantulum3's list of the 10,000 most common English words of the web (``common-words.txt``)."""
    from quantulum3 import language

    path = language.topdir("en_US").joinpath("common-words.txt")
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w[:1] != "#")


def _plural_phrase(phrase: str) -> str:
    """'mile per hour' → 'miles per hour', 'degree Celsius' → 'degrees Celsius', 'square foot' → 'square feet'."""
    words = phrase.split()
    for joiner in ("per", "of"):
        if joiner in words[1:]:
            k = words.index(joiner, 1) - 1
            return " ".join([*words[:k], plural(words[k]), *words[k + 1:]])
    k = 0 if len(words) > 1 and words[-1][0].isupper() else len(words) - 1
    return " ".join([*words[:k], plural(words[k]), *words[k + 1:]])


def _aliases(unit: dict) -> set[str]:
    """The names (and their plurals) and symbols of one database unit that may follow a number."""
    common = _common_words()
    names = [s for s in unit.get("surfaces") or () if len(s) > 2]
    out = {form for s in names for form in (s, _plural_phrase(s))}
    symbols = unit.get("symbols") or ()
    return out | {s for s in symbols if len(s) > 1 and any(c.isalpha() for c in s) and s.lower() not in common}


@functools.lru_cache(maxsize=1)
def table() -> list[tuple[str, str, str]]:
    """(alias, unit name, kind) for measures and durations, longest alias first."""
    kinds = {entity: kind for entity, kind in data.rows("extract/unit_entities.tsv")}
    found: dict[str, tuple[str, str]] = {}
    dropped_units = set()
    dropped_aliases = set()
    for alias, name, kind, action in data.rows("extract/units.tsv"):
        if action == "drop":
            (dropped_units if alias == "*" else dropped_aliases).add(alias if alias != "*" else name)
    for name, unit in _database().items():
        kind = kinds.get(unit.get("entity", ""))
        if kind and name not in dropped_units:
            for alias in _aliases(unit) - dropped_aliases:
                found.setdefault(alias, (name, kind))
    for alias, name, kind, action in data.rows("extract/units.tsv"):
        if action != "drop":
            found[alias] = (name, kind)
    return sorted(((a, u, k) for a, (u, k) in found.items()), key=lambda r: -len(r[0]))
