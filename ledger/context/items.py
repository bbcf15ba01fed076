"""The item of a figure: the noun phrase naming what is counted or what the money is.

Rule based, on the one-line sentence around the figure:

* money: "$X in|of|for NP" → NP ("$800 million in security assistance"), "$X NP"
  ("$275 million aid package"), "NP of|at $X" ("a loan of $20 billion");
* counts: the words after the number ("80,000 155mm artillery rounds"), "NP of" kept
  when the head is a measure word ("sets of body armor", "rounds of ammunition").

The noun-phrase grammar is in :mod:`ledger.context.noun_phrase`; the rules beyond it (weak
nouns, levels, "through NP", teams, rates) in :mod:`ledger.context.item_rules`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.context.item_rules import (
    count_left,
    following_np,
    level_subject,
    np_after_rate,
    rate_subject,
    skip_amount,
    through_np,
    weak,
)
from ledger.context.noun_phrase import (
    alternation,
    cue_values,
    cues,
    head_noun,
    is_word,
    noun_phrase,
    qualifier_prefix,
    stop_words,
    tokenize,
    words_before,
)
from ledger.text.gazetteer import canonical_name
from ledger.text.nouns import determiners, is_aid_noun


@lru_cache(maxsize=1)
def _left_of() -> re.Pattern[str]:
    """"NP of|at|totaling|worth $X": the words before a figure that name it."""
    return re.compile(rf"([A-Za-z][\w'’ -]{{0,80}}?)\s+({alternation('left_link')})\s+{qualifier_prefix()}$")


@lru_cache(maxsize=4)
def _linked_end(links: str | None, flags: int = 0) -> re.Pattern[str]:
    """The end every match of a "NP <link> $X" pattern has: white space, a link word (``None``: those of
    ``left_link``), white space, a qualifier or none. Looked for first, it spares the search for the noun
    phrase (tried at every letter) before the many figures that have no such end."""
    return re.compile(rf"\s+(?:{links or alternation('left_link')})\s+{qualifier_prefix()}$", flags)


def _left_phrase(left: str) -> str | None:
    """"NP of|at|to $X": the noun phrase ending just before the figure."""
    if _linked_end(None).search(left) is None:
        return None
    m = _left_of().search(left)
    if not m:
        return None
    last = m.group(1).split()[-1] if m.group(1).split() else ""
    if _is_verb(last) or last.endswith("ly") or last.isdigit():
        return None  # "expanded from $X", "stood at $X": a verb, not the amount's noun
    words = words_before(tokenize(m.group(1)), verbs=cues("predicate_verb"))
    if not words:
        return None
    phrase = " ".join(words)
    return None if canonical_name(phrase) else phrase


@lru_cache(maxsize=1)
def _change_left() -> re.Pattern[str]:
    """"an increase of $X", "a net decline of $X", "increased by $X": the figure is a change."""
    return re.compile(
        rf"\b((?:net\s+|overall\s+|total\s+)?(?:{alternation('change_noun')})s?)\s+(?:of|by|in)\s+{qualifier_prefix()}$"
        rf"|\b({alternation('change_verb')})\s+by\s+{qualifier_prefix()}$",
        re.IGNORECASE,
    )


#: "$X to procure food commodities", "$X to scale up food operations": the object of the purpose.
_PURPOSE = re.compile(r"^\s+to\s+([a-z]+)(?:\s+up)?\s+(?=[A-Za-z])")
_WILL_BE_FOR = re.compile(r"^\s+(?:will|would)\s+be\s+(?:used\s+)?for\s+")


def is_change(item: str | None) -> bool:
    """An item naming a change ("increase", "net decline"), not a thing."""
    return bool(item) and head_noun(item) in cues("change_noun")


def is_aid_topic(item: str | None) -> bool:
    """An item naming aid money as such ("ODA", "development assistance", "loans")."""
    head = head_noun(item) if item else None
    return head is not None and is_aid_noun(head)


def change_item(left: str) -> str | None:
    """"an increase of", "increased by" right before a figure: the change it measures."""
    if _linked_end("of|by|in", re.IGNORECASE).search(left[-60:]) is None:
        return None
    m = _change_left().search(left[-60:])
    if m is None:
        return None
    if m.group(1):
        return m.group(1).lower()
    return cue_values("change_verb")[" ".join(m.group(2).lower().split())]


def money_item(left: str, right: str) -> str | None:
    """Item of a money figure from the words before (``left``) and after (``right``) it."""
    change = change_item(left)
    if change:
        return change
    tokens = _skip_parenthesis(tokenize(right[:160]))  # "$X (US$Y) in grants": past the conversion
    if tokens and tokens[0].lower() == "worth" and len(tokens) > 1 and tokens[1].lower() == "of":
        tokens = tokens[2:]
    if tokens and tokens[0].lower() in ("in", "of", "for"):
        np = noun_phrase(tokens[1:])
        if np and not np.isdigit() and not weak(np):  # "in 2023" names a year, not the money
            return np
    elif tokens and is_word(tokens[0]) and tokens[0].lower() not in stop_words() and not _is_verb(tokens[0]):
        np = noun_phrase(tokens)
        if np and not weak(np):
            return np
    np = _left_phrase(left[-120:])
    if np and weak(np):  # "Norwegian ODA reached a record high of $X"
        np = level_subject(left)
    return np or _purpose_object(right) or through_np(right)


def _is_verb(word: str) -> bool:
    """A word that opens a predicate, not a noun phrase ("went", "compared", "stood")."""
    low = word.lower()
    return low in cues("predicate_verb") or low.endswith("ed") and word[0].islower()


def _purpose_object(right: str) -> str | None:
    """"$X to procure food commodities" → "food commodities"; "$X will be for food aid" → "food aid"."""
    following = following_np(right)
    if following:
        return following
    m = _WILL_BE_FOR.match(right) or _PURPOSE.match(right)
    if m is None or m.lastindex and m.group(1) in cues("purpose_not"):
        return None
    np = noun_phrase(tokenize(right[m.end():m.end() + 160]))
    return None if weak(np) else np


@lru_cache(maxsize=1)
def _topic() -> re.Pattern[str]:
    """Up to two words, then a topic noun ("development assistance", "humanitarian aid", "ODA"); the nouns are
    patterns ("loans?") written as they are matched, case-sensitively."""
    alts = "|".join(sorted(cues("topic_noun"), key=len, reverse=True))
    return re.compile(rf"(?:\b(?:[A-Za-z][\w’'-]*\s+){{0,2}})\b(?:{alts})\b")


def topic_item(sentence: str, at: int) -> str | None:
    """The aid noun phrase of a sentence nearest to offset ``at`` ("development assistance")."""
    best: tuple[int, str] | None = None
    for start, end, phrase in _topic_phrases(sentence):
        dist = at - end if end <= at else (start - at) * 2
        if best is None or dist < best[0]:
            best = (dist, phrase)
    return best[1] if best else None


@lru_cache(maxsize=2048)
def _topic_phrases(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Every aid noun phrase of a sentence, found once however many figures it holds."""
    out = []
    for m in _topic().finditer(sentence):
        words = m.group(0).split()
        if len(words) > 1 and words[-2].lower() in cues("verb_marker"):
            continue  # "to support", "will fund": the head is a verb here
        stop = stop_words()
        cut = max((k for k, w in enumerate(words) if w.lower() in stop), default=-1)
        words = words[cut + 1:]
        while words and (words[0].lower() in stop or words[0].lower() in determiners()
                         or canonical_name(words[0].rstrip("’'s")) and len(words) > 1 and words[0][0].islower()):
            words.pop(0)
        if words:
            out.append((m.start(), m.end(), " ".join(words)))
    return tuple(out)


def count_item(right: str, left: str = "") -> str | None:
    """The counted noun phrase written right after a count ("155mm artillery rounds"),
    else the one it is "of" ("a population of 11 million")."""
    tokens = _skip_parenthesis(tokenize(right[:160]))
    if tokens and tokens[0] == "of":
        tokens = tokens[1:]
    return noun_phrase(tokens, people=True) or (count_left(left) if left else None)


def _skip_parenthesis(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Tokens after a leading "( ... )" aside ("80% (123,000) of people" → "of people")."""
    if tokens and tokens[0] == "(" and ")" in tokens[:8]:
        return tokens[tokens.index(")") + 1:]
    return tokens


@lru_cache(maxsize=1)
def _percent_left_pattern() -> re.Pattern[str]:
    return re.compile(rf"([A-Za-z][\w'’ -]{{0,80}}?)\s+(?:by|of|at)\s+{qualifier_prefix()}$")


def percent_item(left: str, right: str, tail: str = "") -> str | None:
    """What a percentage is of: "X percent of NP" → NP, "NP by|of X percent" → NP,
    "NP (from X%) to Y%" → NP, "X% NP" → NP.

    ``tail``: the sentence after the figure past the next figure ("half of our $20 billion loan").
    """
    tokens = _skip_parenthesis(tokenize(right[:160]))
    if tokens and tokens[0].lower() == "of":
        rest = tokens[1:] if len(tokens) > 2 or not tail else skip_amount(tokenize(tail[:160])[1:])
        np = noun_phrase(rest, people=True)
        if np:
            return np
    return _percent_left(left) or rate_subject(left) or np_after_rate(tokens)


def _percent_left(left: str) -> str | None:
    """"NP by|of|at X percent" → NP."""
    if _linked_end("by|of|at").search(left[-120:]) is None:
        return None
    m = _percent_left_pattern().search(left[-120:])
    if not m:
        return None
    words = words_before(tokenize(m.group(1)))
    phrase = " ".join(words)
    return phrase if words and not canonical_name(phrase) else None
