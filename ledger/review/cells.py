"""Checking the cells of a review file: each editable value against the ledger's vocabularies.

Every cell is checked before anything is stored; every problem is named with its row and column
(:class:`ledger.review.files.ReviewFileError`). Values come out as the text the store keeps
(:data:`FIELD_RULES`, in order, each with an example).
"""
from __future__ import annotations

import difflib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ledger.model import AID_TYPES, ROLES, STAGES
from ledger.review.files import Problem, ReviewFileError
from ledger.review.queue import EDITABLE, field_text

YES, NO = ("yes", "y", "true", "1", "x"), ("no", "n", "false", "0")


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One checked row: where it was, the figure's key, its editable values as text (the fields
    the file has) and the values it was exported with (None when the file lacks them)."""

    row: int
    doc_id: str
    start: int
    end: int
    surface: str
    sentence: str
    values: dict[str, str | None]
    exported: dict[str, str | None] | None


class Actors:
    """The names a donor or recipient cell may hold: every name and alias of the gazetteer, and
    the names the store already uses; an alias becomes its canonical name ("US" → "United States")."""

    def __init__(self, extra: Iterable[str] = ()):
        from ledger.text.gazetteer import load_gazetteer

        table = {alias: canonical for alias, (canonical, kind) in load_gazetteer().items() if kind != "none"}
        self.names = sorted(set(table.values()) | {n for n in extra if n})
        self._by_lower = {a.lower(): c for a, c in table.items()} | {n.lower(): n for n in self.names}

    def canonical(self, text: str) -> str | None:
        return self._by_lower.get(" ".join(text.split()).lower())

    def closest(self, text: str) -> str | None:
        hits = difflib.get_close_matches(text, self.names, n=1, cutoff=0.75)
        return hits[0] if hits else None


def _closed(values: tuple[str, ...], what: str, required: bool = False) -> Callable:
    choices = f"{', '.join(values[:-1])} or {values[-1]}"

    def check(value, _actors: Actors) -> str | None:
        text = _text(value)
        if text is None:
            if required:
                raise ValueError(f"is empty: choose {choices}")
            return None
        if text.lower() not in values:
            raise ValueError(f"{text!r} is not {what}: choose {choices}" + ("" if required else ", or leave it empty"))
        return text.lower()
    return check


def _actor(value, actors: Actors) -> str | None:
    text = _text(value)
    if text is None:
        return None
    name = actors.canonical(text)
    if name is None:
        hint = actors.closest(text)
        raise ValueError(f"{text!r} is no donor or recipient aid-ledger knows" +
                         (f" (did you mean {hint!r}?)" if hint else "") +
                         ": write a name or alias of the gazetteer (the Lists sheet), or leave it empty")
    return name


def _number(value, _actors: Actors) -> str | None:
    """A finite number (the ledger holds negative amounts too: a cut, a fall)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        number = float(value if isinstance(value, (int, float)) else
                       str(value).replace(",", "").replace("_", "").replace(" ", ""))
        if not math.isfinite(number):
            raise ValueError
    except ValueError:
        raise ValueError(f"{_text(value)!r} is not an amount: write a number such as 275000000 (in the "
                         f"figure's currency)") from None
    return field_text("value", number)


def _exclude(value, _actors: Actors) -> str:
    text = (_text(value) if not isinstance(value, (bool, int, float)) else str(value)) or "no"
    if text.lower() in YES:
        return "yes"
    if text.lower() in NO:
        return "no"
    raise ValueError(f"{text!r} is not yes or no (yes: the figure adds to no total)")


def _note(value, _actors: Actors) -> str | None:
    return _text(value)


#: How each editable cell is read, in the file's column order: (field, rule, example).
FIELD_RULES: tuple[tuple[str, Callable, str], ...] = (
    ("role", _closed(ROLES, "a role", required=True), "'Package' -> 'package'; 'pakage' is refused"),
    ("donor", _actor, "'US' -> 'United States'; empty -> no donor"),
    ("recipient", _actor, "'Kyiv' -> 'Ukraine'; 'Narnia' is refused"),
    ("stage", _closed(STAGES, "a stage"), "'Pledged' -> 'pledged'; empty -> none"),
    ("aid_type", _closed(AID_TYPES, "a kind of aid"), "'military' -> 'military'"),
    ("value", _number, "'275,000,000' -> '275000000'; 'lots' is refused"),
    ("exclude", _exclude, "'yes' -> 'yes'; empty -> 'no'"),
    ("note", _note, "'checked against the release' -> kept as written"),
)
assert tuple(f for f, _, _ in FIELD_RULES) == EDITABLE


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def check_rows(name: str, records: list[tuple[int, dict]], actors: Actors) -> list[ReviewRow]:
    """The records as checked rows; every problem of the file at once as :class:`ReviewFileError`."""
    problems: list[Problem] = []
    rows: list[ReviewRow] = []
    first: dict[tuple, int] = {}
    for number, record in records:
        row = _check_row(number, record, actors, problems)
        if row is None:
            continue
        key = (row.doc_id, row.start, row.end, row.surface)
        if key in first:
            problems.append(Problem(number, "doc_id", f"repeats the figure of row {first[key]}: keep one row per "
                                                      f"figure"))
            continue
        first[key] = number
        rows.append(row)
    if problems:
        raise ReviewFileError(name, problems)
    return rows


def _check_row(number: int, record: dict, actors: Actors, problems: list[Problem]) -> ReviewRow | None:
    before = len(problems)
    doc_id, surface = _text(record.get("doc_id")), _text(record.get("surface"))
    for column, value in (("doc_id", doc_id), ("surface", surface)):
        if value is None:
            problems.append(Problem(number, column, "is empty: keep the value as exported (it finds the figure)"))
    start, end = _offset(number, "start", record, problems), _offset(number, "end", record, problems)
    values = {}
    for field, rule, _example in FIELD_RULES:
        if field not in record:
            continue
        try:
            values[field] = rule(record[field], actors)
        except ValueError as exc:
            problems.append(Problem(number, field, str(exc)))
    exported = _exported(number, record.get("exported"), problems)
    if len(problems) > before:
        return None
    return ReviewRow(number, doc_id, start, end, surface, _text(record.get("sentence")) or "", values, exported)


def _offset(number: int, column: str, record: dict, problems: list[Problem]) -> int | None:
    value = record.get(column)
    try:
        offset = int(float(value)) if not isinstance(value, int) else value
        if offset < 0 or float(value) != offset:
            raise ValueError
        return offset
    except (TypeError, ValueError):
        problems.append(Problem(number, column, f"{value!r} is not a character offset: keep the value as exported"))
        return None


def _exported(number: int, value, problems: list[Problem]) -> dict | None:
    if value is None:
        return None
    try:
        exported = json.loads(str(value))
        if not isinstance(exported, dict) or not set(exported) <= set(EDITABLE):
            raise ValueError
        return exported
    except ValueError:
        problems.append(Problem(number, "exported", "was changed: leave it as exported, or empty it (the "
                                                    "store's values are then what the cells are compared with)"))
        return None
