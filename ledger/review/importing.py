"""``import_review``: the edited cells of a review file → corrections in the store.

A cell is *edited* when it differs from the value the file was exported with (its ``exported``
column; without it, from the store's current value). An edited row finds its figure the way a
stored correction does (``ledger/store/corrected.py``: by document, span and surface), and its
edits are stored for every mention of the figure's fact (``value`` only for those in the same
currency), each keyed by that mention's own document, span and surface, so that the correction
holds whichever mention represents the fact after a re-run. An edit that gives a field back the
value the rules read removes the correction instead. Rows whose figure the store does not hold
are stored as they are when the file says what was edited (they are stale until it holds them),
and refused otherwise. Nothing is stored unless every row of the file is good.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ledger.model import Correction
from ledger.review.cells import Actors, ReviewRow, check_rows
from ledger.review.files import Problem, ReviewFileError, read_review_file
from ledger.review.queue import editable_values, groups, review_queue
from ledger.store.corrected import is_excluded, match
from ledger.store.corrections import Saved


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did: rows read, rows with edits, what the store saved, edited rows whose
    figure the store does not hold (stored as stale), and the facts after the rebuild."""

    rows: int
    edited: int
    saved: Saved
    stale: int
    facts: int


@dataclass
class _Plan:
    put: list[Correction]
    remove: list[Correction]
    edited: int = 0
    stale: int = 0


def import_review(store, path: str | Path, *, stream=None) -> ImportSummary:
    """Store the edited cells of the review file at ``path`` (``-``: CSV from ``stream``) as
    corrections and rebuild the facts with them. Raises :class:`ReviewFileError` (nothing stored)
    for a malformed file, a value that is not allowed, or a figure the store does not hold."""
    name = "standard input" if str(path) == "-" else str(path)
    mentions = store.mentions()
    actors = Actors(pd.concat([mentions["donor"], mentions["recipient"]]).dropna().unique().tolist())
    rows = check_rows(name, read_review_file(path, stream), actors)
    plan = _plan(name, rows, store, mentions)
    saved = store.save_corrections(plan.put, plan.remove, "standard input" if str(path) == "-" else Path(path).name)
    facts = store.update_facts() if saved.any or store.facts_stale else store.count("facts")
    return ImportSummary(len(rows), plan.edited, saved, plan.stale, facts)


def _plan(name: str, rows: list[ReviewRow], store, mentions: pd.DataFrame) -> _Plan:
    """The corrections to store and to remove for the checked rows."""
    keys = pd.DataFrame([(r.doc_id, r.start, r.end, r.surface, r.sentence) for r in rows],
                        columns=["doc_id", "start", "end", "surface", "sentence"])
    found = match(keys, mentions)
    if len(rows) and (found < 0).all():
        raise ReviewFileError(name, [Problem(None, "doc_id", "none of the file's figures is in this store: was it "
                                                             "exported from another store? (use --out or --db)")])
    group = groups(mentions)
    current: dict | None = None
    plan, problems, edited = _Plan([], []), [], []
    for row, at in zip(rows, found.tolist()):
        if at < 0:
            _plan_unmatched(row, plan, problems)
            continue
        if row.exported is None and current is None:
            queue = review_queue(store.facts(), mentions, store.corrections())
            current = dict(zip(queue["fact_id"], editable_values(queue)))
        baseline = row.exported or (current or {}).get(group.at[at]) or _values(mentions.loc[[at]])
        edits = {f: v for f, v in row.values.items() if v != baseline.get(f)}
        if edits:
            edited.append((group.at[at], edits, at))
    if problems:
        raise ReviewFileError(name, problems)
    members = _members(group, {g for g, _, _ in edited})
    positions = [p for ps in members.values() for p in ps]
    rules = _rules(store.mentions(as_read=True), positions)
    info = dict(zip(positions, mentions.loc[positions, list(_INFO)].itertuples(index=False)))
    for g, edits, at in edited:
        plan.edited += 1
        _plan_members(edits, rules, info[at], [(p, info[p]) for p in members[g]], plan)
    return plan


def _members(group: pd.Series, wanted: set) -> dict:
    """The mentions (index labels) of each wanted fact."""
    chosen = group[group.isin(wanted).fillna(False).to_numpy(dtype=bool)]
    return {g: list(ix) for g, ix in chosen.groupby(chosen, sort=False).groups.items()}


def _rules(as_read: pd.DataFrame, positions: list[int]) -> dict[int, dict]:
    """What the rules read for each of ``positions``: their editable values, before any correction."""
    frame = as_read.loc[positions].assign(exclude="no", note=None)
    return dict(zip(positions, editable_values(frame)))


def _plan_unmatched(row: ReviewRow, plan: _Plan, problems: list[Problem]) -> None:
    if row.exported is None:
        problems.append(Problem(row.row, "doc_id", f"no figure of this store is {row.surface!r} at characters "
                                                   f"{row.start}-{row.end} of document {row.doc_id}: keep the key "
                                                   f"columns as exported"))
        return
    edits = {f: v for f, v in row.values.items() if v != row.exported.get(f)}
    if edits:
        plan.edited += 1
        plan.stale += 1
        plan.put += [Correction(row.doc_id, row.start, row.end, row.surface, f, v, row.sentence)
                     for f, v in edits.items()]


#: What planning reads of each mention of an edited fact.
_INFO = ("doc_id", "start", "end", "surface", "sentence", "currency", "kind")


def _plan_members(edits: dict[str, str | None], rules: dict[int, dict], own, members: list[tuple],
                  plan: _Plan) -> None:
    """Put (or remove, where the rules read the same) each edit on every mention of the fact (``own``:
    the mention the row found)."""
    for pos, m in members:
        for field, value in edits.items():
            if field == "value" and not (_same(m.currency, own.currency) and _same(m.kind, own.kind)):
                continue
            c = Correction(m.doc_id, int(m.start), int(m.end), m.surface, field, value,
                           m.sentence if isinstance(m.sentence, str) else "")
            (plan.remove if rules[pos].get(field) == value else plan.put).append(c)


def _values(frame: pd.DataFrame) -> dict[str, str | None]:
    """The editable values of one mention (``exclude`` from its corrections, no note)."""
    rows = frame.assign(exclude="yes" if is_excluded(frame).any() else "no", note=None)
    return editable_values(rows)[0]


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)
