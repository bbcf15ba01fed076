"""Where the clause of a verb begins: the last clause break before it, outside asides.

Used by :mod:`ledger.context.subject` to find the subject of the verb that governs a figure: a full stop (not
the one of "U.S."), a semicolon, a colon, a dash or a bracket, a comma before a word that opens a clause
(", which", ", with"), "announce that", or "and" after an amount with a name and its own verb. Brackets, a
speaker's aside (", as you know,"), an aside between dashes, a channel between commas and the ", and" that
closes a list of names break nothing.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ledger.context.words import alternation
from ledger.text.gazetteer import LIST_JOINT, Mention

__all__ = ["clause_breaks"]

#: What joins the names of a list ("The United States, Canada, the Republic of Korea, and Spain").
_LIST_GAP = re.compile(LIST_JOINT)

#: "USAID will commit $50 million and the Gates Foundation will commit $10 million": after an amount, "and"
#: with a name and its own verb opens a new clause (not "the United States and Japan will provide").
_AMOUNT_AND = (r"(?:\d|\b(?:million|billion|trillion))\s+and\b"
               r"(?=\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,5}"
               rf"(?:\s+(?:also\s+)?(?:{alternation('clause_verbs')})\b|\s*$))")  # ($: the verb read is next)
#: "DFC will provide $120 million in insurance and the ECOWAS Bank for Investment and Development will also
#: provide a $40 million loan": after a lower-case word, "and" with a name and its own verb opens a new clause
#: when the clause before it has a verb already (not "the United States and Japan will provide").
_NAME_AND = re.compile(r"(?<=[a-z)])\s+and\b(?=\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|&)\s+)?"
                       rf"[A-Z][\w&.'’-]*){{0,6}}\s+(?:also\s+)?(?:{alternation('clause_verbs')})\b)")
_A_VERB = re.compile(rf"\b(?:{alternation('clause_verbs')})\b")
#: Where the subject of a verb may begin: the last clause break before it.
#: (the full stop of an abbreviation, as in "U.S.", breaks nothing)
#: After a verb of saying and "that" a new clause begins ("I'm proud to announce that our four countries ...
#: are committing"), unless a pronoun takes up the subject before ("X is announcing that it awarded"); a bare
#: "that" breaks nothing ("a company that helps farmers, has committed").
_BREAK = re.compile(rf"[;:!?—–(\[]|\.(?!\w)(?<!\b[A-Z]\.)|,\s+(?:{alternation('clause_breaks_after_comma')})\b|"
                    rf"\b(?:{alternation('content_clause_verbs')})\s+that\b(?!\s+(?:it|they|he|she)\b)|"
                    rf"{_AMOUNT_AND}|^")
#: ``_BREAK`` without its "^": after the first character its branches start with a few characters, which
#: the regex engine skips to (with "^" among them it tries every branch at every position).
_BREAK_AFTER_START = re.compile(_BREAK.pattern.removesuffix("|^"))
#: ", as you know,", ", as I said earlier,": the speaker's aside, no clause of the sentence.
_SPEAKERS_ASIDE = re.compile(rf",\s+as\s+(?:you|we|I)\s+(?:[a-z]+\s+){{0,2}}?(?:{alternation('aside_verbs')})"
                             r"(?:\s+[a-z]+){0,2},")
#: "A consortium of philanthropies – represented by the High Tide Foundation – announced": an aside between
#: two dashes.
_DASHED_ASIDE = re.compile(r"\s[–—]\s[^–—.;]{1,100}?\s[–—]\s")
#: "USAID, through its Enterprises for Development, Growth, and Empowerment (EDGE) Fund, provided": the channel
#: between commas right before the verb is an aside; its commas break no clause.
_CHANNEL_ASIDE = re.compile(r",\s+(?:through|via)\s[^;.:]{1,150}?,\s*$", re.IGNORECASE)


def clause_breaks(text: str, verb_at: int, names: Sequence[Mention] = ()) -> list[re.Match[str]]:
    """Where clauses break before the verb (the first match is the sentence's start), outside asides; a ", and"
    that closes a list of the ``names`` breaks nothing either."""
    asides = _asides(text, verb_at)
    first = _BREAK.match(text, 0, verb_at)  # a break, or the start of the sentence
    found = [first, *_BREAK_AFTER_START.finditer(text, max(first.end(), 1), verb_at)]
    found = sorted((*found, *_new_subjects(text, found, verb_at)), key=lambda b: b.start())
    return [b for b in found if not any(i <= b.start() <= j for i, j in asides) and not _in_a_list(text, b, names)]


def _new_subjects(text: str, found: list[re.Match[str]], verb_at: int) -> list[re.Match[str]]:
    """The breaks "and" makes before a name and its own verb, where the clause before it has a verb."""
    out = []
    for m in _NAME_AND.finditer(text, found[0].end(), verb_at):
        since = max((b.end() for b in (*found, *out) if b.end() <= m.start()), default=0)
        if _A_VERB.search(text, since, m.start()):
            out.append(m)
    return out


def _in_a_list(text: str, brk: re.Match[str], names: Sequence[Mention]) -> bool:
    """Whether a break ", and" joins the last two of a list of names ("Canada, the Republic of Korea, and Spain
    are"): a name ends right before it and another begins right after it."""
    if not brk.group(0).startswith(",") or not brk.group(0).endswith("and"):
        return False
    return any(m.end == brk.start() for m in names) and any(
        _LIST_GAP.fullmatch(text, brk.start(), m.start) for m in names if m.start >= brk.end())


def _asides(text: str, verb_at: int) -> list[tuple[int, int]]:
    """Brackets closed before the verb: asides inside the subject ("partners (including corporations,
    foundations, and philanthropists) have committed"), whose commas and brackets break no clause; a
    speaker's aside between commas ("the G7, which, as you know, has pledged $X"); an aside between dashes; a
    channel between commas right before the verb."""
    out, start = [], text.find("(", 0, verb_at)
    while start >= 0:
        end = text.find(")", start, verb_at)
        if end < 0:
            break
        out.append((start, end))
        start = text.find("(", end, verb_at)
    channel = _CHANNEL_ASIDE.search(text, 0, verb_at)
    return out + [(m.start(), m.end() - 1) for pattern in (_SPEAKERS_ASIDE, _DASHED_ASIDE)
                  for m in pattern.finditer(text, 0, verb_at)] + ([(channel.start(), verb_at)] if channel else [])
