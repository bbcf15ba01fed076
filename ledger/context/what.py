"""What a figure is: the item phrase of each kind of figure, and the article's aid topic for
aid amounts whose own words name none.

The phrase grammars are in ``items`` and ``item_rules``; this module picks the one for a
figure's kind and passes on the item of an amount it restates.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ledger.context.clauses import CONVERSION, Clause
from ledger.context.cues import Cue, cues
from ledger.context.item_rules import team_item
from ledger.context.items import count_item, is_aid_topic, is_change, money_item, percent_item, topic_item
from ledger.model import Figure

__all__ = ["fill_topic", "item_cues", "item_of", "own_item"]

#: A money item must be named this often in an article to stand for the article's topic.
_TOPIC_MIN = 2
#: How far after a percentage its item may be named ("40 percent of the country's wheat").
_PERCENT_TAIL = 160
#: "$4 million to improve incomes for dairy farmers": a verb of purpose right before the item.
_PURPOSE_BEFORE = re.compile(r"\bto\s+[a-z]+\s+(?:[\w'’-]+\s+){0,3}$")


def own_item(fig: Figure, cl: Clause, prev: Figure | None) -> str | None:
    """The item the figure's own words name ("$X in aid", "the relief budget grew to $X"), or the
    item of the amount it restates; never the sentence's topic."""
    item = money_item(cl.before, cl.after)
    same = CONVERSION.match(cl.before) is not None  # "an increase of 18% or NOK9 billion"
    if item is None and prev is not None and prev.item and (same or prev.kind == "money" and not is_change(prev.item)):
        return prev.item
    return item


def item_cues(item: str | None, topic: str | None, cl: Clause) -> tuple[Cue, ...]:
    """The cues of a money figure's ``item`` that may say what the money is; of the sentence's ``topic``
    (when it names no item of its own) only the aid words. The object of a purpose says what the money
    does, not what it is: "$4 million to improve incomes" is no income, "$X to procure food aid" is aid."""
    if not item:
        return tuple(c for c in cues(topic or "") if c.cls == "aid")
    found = cues(item)
    at = cl.after.find(item)
    if at > 0 and _PURPOSE_BEFORE.search(cl.after, 0, at):
        return tuple(c for c in found if c.cls != "other")
    return found


def item_of(fig: Figure, cl: Clause, prev: Figure | None) -> str | None:
    """The item of ``fig`` in clause ``cl``; ``prev`` is the figure before it in its sentence."""
    if fig.kind == "money":
        return own_item(fig, cl, prev) or topic_item(cl.text, cl.at)
    if fig.kind in ("count", "measure"):
        return team_item(cl.after) or fig.item or count_item(cl.after, cl.before)
    if fig.kind == "percent":
        return fig.item or percent_item(cl.before, cl.after, cl.text[cl.end:cl.end + _PERCENT_TAIL])
    return fig.item


def fill_topic(figs: list[Figure]) -> list[Figure]:
    """Aid amounts without an item get the article's most frequent money item ("ODA")."""
    counts = Counter(f.item for f in figs if f.kind == "money" and is_aid_topic(f.item))
    if not counts:
        return figs
    topic, n = counts.most_common(1)[0]
    if n < _TOPIC_MIN:
        return figs
    return [replace(f, item=topic) if f.kind == "money" and not f.item and f.role != "other" else f
            for f in figs]
