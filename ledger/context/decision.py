"""A decision about one attribute of a figure: the value, the rule that chose it, the words it
read, and how much to trust it.

Confidence follows how the decision was made: an explicit cue in the figure's own clause ranks
above one elsewhere in its sentence, which ranks above a document default, which ranks above a
fallback. The levels are named so that every rule table says which kind of evidence it used.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CLAUSE", "DOCUMENT", "FALLBACK", "INFERRED", "NEIGHBOUR", "SENTENCE", "Decision", "why_text"]

#: A cue attached to the figure or in its own clause.
CLAUSE = 0.9
#: A cue elsewhere in the figure's sentence.
SENTENCE = 0.75
#: The figure next to it, or the list it belongs to.
NEIGHBOUR = 0.7
#: The document's frame: its publisher, headline or dominant pair.
DOCUMENT = 0.6
#: Words that make the figure aid, a budget or spending, without saying which part of the ledger it is
#: (a new package or a part of one; spending at home or abroad): the rule infers that from what is absent.
INFERRED = 0.65
#: Nothing said it: the default of its kind.
FALLBACK = 0.4


@dataclass(frozen=True, slots=True)
class Decision:
    """``value`` chosen by rule ``rule`` from ``words`` with ``confidence`` in [0, 1]."""

    value: object
    rule: str
    words: str = ""
    confidence: float = FALLBACK

    def text(self, attribute: str) -> str:
        value = self.value
        if value is None:
            value = "-"
        elif isinstance(value, tuple):  # a period: start..end
            value = "..".join(str(v) for v in value)
        if not self.words or self.words.isspace():  # most decisions quote no words
            return f"{attribute}={value} by {self.rule}"
        return f'{attribute}={value} by {self.rule} "{" ".join(self.words.split())}"'


def why_text(decisions: dict[str, Decision]) -> str:
    """One line naming, per attribute, the rule that decided it and the words it used."""
    return "; ".join([d.text(name) for name, d in decisions.items()])
