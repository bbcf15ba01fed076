"""Reference data — every vocabulary, cue list, gazetteer and unit alias the stages use — behind
one loader.

Files live in one folder per stage (``read/``, ``extract/``, ``context/``, ``analyse/``,
``report/``) and follow one convention:

- UTF-8; a line starting with ``#`` is a comment; blank lines are ignored;
- ``.tsv``: tab-separated, the first line that is not a comment names the columns;
- ``.txt``: one entry (a word or a phrase) per line;
- ``.json``: one JSON document.

Every file is read once per process (one cache). Where each list comes from is written in
``SOURCES.md`` beside the files.
"""
from __future__ import annotations

import functools
import json
from importlib import resources

__all__ = ["document", "entries", "rows", "table", "text"]


@functools.lru_cache(maxsize=None)
def text(name: str) -> str:
    """The raw text of the data file ``name`` ("extract/scales.tsv")."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [ln for ln in text(name).splitlines() if ln.strip() and not ln.startswith("#")]


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The records of a ``.tsv`` file as tuples of its columns, header dropped."""
    lines = _lines(name)
    width = len(lines[0].split("\t")) if lines else 0
    out = []
    for n, line in enumerate(lines[1:], start=2):
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) < width:  # trailing empty columns may be left out
            cells += ("",) * (width - len(cells))
        elif len(cells) > width:
            raise ValueError(f"{name}: record {n} has {len(cells)} columns, the header names {width}")
        out.append(cells)
    return tuple(out)


@functools.lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """The records of a ``.tsv`` file as dicts keyed by its header."""
    header = tuple(c.strip() for c in _lines(name)[0].split("\t"))
    return tuple(dict(zip(header, r)) for r in rows(name))


@functools.lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of a ``.txt`` file (one per line, stripped), in file order."""
    return tuple(ln.strip() for ln in _lines(name))


@functools.lru_cache(maxsize=None)
def document(name: str):
    """The parsed content of a ``.json`` file."""
    return json.loads(text(name))
