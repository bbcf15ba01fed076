"""Who is speaking: the speaker turns of a transcript ("PRESIDENT MACRON: ...", "Q ...").

A press conference, a briefing or a joint statement is written as turns, each opened by a speaker's
label at the start of a line. First person ("we", "I") in a turn is its speaker's: the publisher's
own officials ("MS. PSAKI:", "THE PRESIDENT:") speak for the publisher, and a foreign leader
("PRESIDENT MACRON:", "PRIME MINISTER KISHIDA:") for that leader's country. A reporter's "Q" ends
the turn before it.
"""
from __future__ import annotations

import bisect
import functools
import re

from ledger.text.gazetteer import find_actors

__all__ = ["same_turn", "speaker_actor", "thanked_host"]

#: A label at the start of a line: capitalised words and a colon ("PRESIDENT BIDEN:", "MR. KIRBY:",
#: "SENIOR ADMINISTRATION OFFICIAL:"), or a reporter's "Q" before the question.
_LABEL = re.compile(r"^[ \t]*(?:(Q)[ \t.:]|((?:[A-Z][A-Z.'’-]*[ \t]+){0,4}[A-Z][A-Z.'’-]+)[ \t]*:)", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def _turns(text: str) -> tuple[tuple[int, ...], tuple[tuple[str, str] | None, ...]]:
    """Where each turn of ``text`` starts, and the actor who speaks it (None when its label names none)."""
    starts: list[int] = []
    voices: list[tuple[str, str] | None] = []
    for m in _LABEL.finditer(text):
        starts.append(m.start())
        voices.append(None if m.group(1) else _voice(m.group(2)))
    return tuple(starts), tuple(voices)


@functools.lru_cache(maxsize=1024)
def _voice(label: str) -> tuple[str, str] | None:
    """The actor (canonical name and kind) a speaker's label names ("PRESIDENT MACRON" → France), or None."""
    found = find_actors(label.title())
    return (found[0].canonical, found[0].kind) if len(found) == 1 else None


def speaker_actor(text: str, offset: int) -> tuple[str, str] | None:
    """Whom first person stands for at ``offset`` of ``text``: the actor (name, kind) of the turn's
    speaker, or None outside turns and in the turns of a reporter or of someone whose label names no actor."""
    starts, voices = _turns(text)
    i = bisect.bisect_right(starts, offset) - 1
    return voices[i] if i >= 0 else None


#: A transcript has at least this many labelled turns (one label alone heads a release: "FACT SHEET:").
_DIALOGUE = 3


def same_turn(text: str, a: int, b: int) -> bool:
    """Offsets ``a`` and ``b`` of ``text`` lie in one speaker's turn of a transcript (whose paragraphs are
    one answer); False outside turns."""
    starts, _voices = _turns(text)
    if len(starts) < _DIALOGUE:
        return False  # "FACT SHEET: ..." opens a release, not a turn
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and i == bisect.bisect_right(starts, b) - 1


#: "thank you for the $60 million", "thank you, Mr. President, for your $X": thanks to the one addressed.
_THANK_YOU = re.compile(r"\bthank\s+you\b[^.;:!?]{0,60}?\bfor\b", re.IGNORECASE)


def thanked_host(sentence: str, at: int, text: str, offset: int, we: str | None) -> str | None:
    """In a transcript the publisher's government publishes, a foreign speaker who thanks "you" for the
    money before ``at`` in ``sentence`` (which starts at ``offset`` of ``text``) thanks the host: the
    publisher's government, or None ("PRESIDENT ZELENSKYY: ... thank you for the $60 million program")."""
    if we is None or not _THANK_YOU.search(sentence, 0, at):
        return None
    voice = speaker_actor(text, offset)
    return we if voice is not None and voice[0] != we else None
