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

from ledger.context.words import alternation
from ledger.text.gazetteer import find_actors

__all__ = ["asked_before", "same_turn", "speaker_actor", "thanked_host", "turn_names"]

#: A label at the start of a line: capitalised words and a colon ("PRESIDENT BIDEN:", "MR. KIRBY:",
#: "SENIOR ADMINISTRATION OFFICIAL:"), or a reporter's "Q" before the question.
_LABEL = re.compile(r"^[ \t\xa0]*(?:(Q)[ \t\xa0.:]|((?:[A-Z][A-Z.'’-]*[ \t]+){0,4}[A-Z][A-Z.'’-]+)[ \t\xa0]*:)",
                    re.MULTILINE)  # (a no-break space often follows "Q")


#: Name particles written in lower case inside a name ("PRESIDENT VON DER LEYEN" is "President von der Leyen").
_PARTICLES = re.compile(rf"\b(?:{alternation('name_particles')})\b(?=\s)")


@functools.lru_cache(maxsize=8)
def _turns(text: str) -> tuple[tuple[int, ...], tuple[tuple[str, str] | None, ...], frozenset[int]]:
    """Where each turn of ``text`` starts, the actor who speaks it (None when its label names none), and
    which turns (by number) are a reporter's questions."""
    starts: list[int] = []
    voices: list[tuple[str, str] | None] = []
    questions: set[int] = set()
    for m in _LABEL.finditer(text):
        if m.group(1):
            questions.add(len(starts))
        starts.append(m.start())
        voices.append(None if m.group(1) else _voice(m.group(2)))
    return tuple(starts), tuple(voices), frozenset(questions)


@functools.lru_cache(maxsize=1024)
def _voice(label: str) -> tuple[str, str] | None:
    """The actor (canonical name and kind) a speaker's label names ("PRESIDENT MACRON" → France), or None."""
    found = find_actors(_PARTICLES.sub(lambda m: m.group(0).lower(), label.title()))  # "Von Der Leyen"
    return (found[0].canonical, found[0].kind) if len(found) == 1 else None


def speaker_actor(text: str, offset: int) -> tuple[str, str] | None:
    """Whom first person stands for at ``offset`` of ``text``: the actor (name, kind) of the turn's
    speaker, or None outside turns and in the turns of a reporter or of someone whose label names no actor."""
    starts, voices, _questions = _turns(text)
    i = bisect.bisect_right(starts, offset) - 1
    return voices[i] if i >= 0 else None


#: A transcript has at least this many labelled turns (one label alone heads a release: "FACT SHEET:").
_DIALOGUE = 3


def _turn(text: str, offset: int) -> int | None:
    """The number of the turn of a transcript that holds ``offset``, or None outside turns (before the first
    label, or in a text with too few labels to be a transcript: "FACT SHEET: ..." opens a release)."""
    starts = _turns(text)[0]
    if len(starts) < _DIALOGUE:
        return None
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def same_turn(text: str, a: int, b: int) -> bool:
    """Offsets ``a`` and ``b`` of ``text`` lie in one speaker's turn of a transcript (whose paragraphs are
    one answer); False outside turns."""
    i = _turn(text, a)
    return i is not None and i == _turn(text, b)


def turn_names(text: str, offset: int, name: str) -> bool:
    """In a transcript, whether the turn holding ``offset`` (with the question right before an answer)
    names the actor ``name``; True outside transcripts (a release is one topic, a briefing one per turn)."""
    i = _turn(text, offset)
    if i is None:
        return True
    starts, _voices, questions = _turns(text)
    first = i - 1 if i - 1 in questions else i
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return name in _named(text, starts[first], end)


@functools.lru_cache(maxsize=64)
def _named(text: str, start: int, end: int) -> frozenset[str]:
    """The actors a stretch of ``text`` names (read once for all the figures of one turn)."""
    return frozenset(m.canonical for m in find_actors(text[start:end]))


def asked_before(text: str, a: int, b: int) -> bool:
    """Offset ``a`` lies in the reporter's question right before the answer that holds offset ``b``: the
    answer's topic is its question's ("Q ... whether Ukraine aid will need to be topped up? THE PRESIDENT:
    ... I signed another drawdown of over $300 million")."""
    i = _turn(text, a)
    return i is not None and i in _turns(text)[2] and _turn(text, b) == i + 1


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
