"""The item of a figure: the noun phrase naming what is counted or what the money is.

Rule based, on the one-line sentence around the figure:

* money: "$X in|of|for NP" → NP ("$800 million in security assistance"), "$X NP"
  ("$275 million aid package"), "NP of|at $X" ("a loan of $20 billion");
* counts: the words after the number ("80,000 155mm artillery rounds"), "NP of" kept
  when the head is a measure word ("sets of body armor", "rounds of ammunition").

The noun-phrase grammar is in :mod:`ledger.context.noun_phrase`; the round-4 rules (weak
nouns, levels, "through NP", teams, rates) in :mod:`ledger.context.item_rules`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.text.gazetteer import canonical_name
from ledger.context.item_rules import (
    count_left, following_np, level_subject, np_after_rate, rate_subject, skip_amount, through_np, weak,
)
from ledger.context.noun_phrase import (
    LEADING, LEADING_KEEP, STOP_WORDS, head_noun, is_word, noun_phrase, tokenize,
)

_LEFT_OF = re.compile(
    r"([A-Za-z][\w'’ -]{0,80}?)\s+(of|at|totaling|totalling|worth|from)\s+(?:about |around |nearly |over |more than |"
    r"approximately |almost |some |up to |at least |roughly )?$"
)


def _left_phrase(left: str) -> str | None:
    """"NP of|at|to $X": the noun phrase ending just before the figure."""
    m = _LEFT_OF.search(left)
    if not m:
        return None
    last = m.group(1).split()[-1] if m.group(1).split() else ""
    if _is_verb(last) or last.endswith("ly") or last.isdigit():
        return None  # "expanded from $X", "stood at $X": a verb, not the amount's noun
    tokens = tokenize(m.group(1))
    words: list[str] = []
    for tok in reversed(tokens):
        low = tok.lower()
        if not is_word(tok) or low in STOP_WORDS or low in LEADING or len(words) >= 4 or words and low in _VERBS:
            break
        words.insert(0, tok)
    if not words:
        return None
    phrase = " ".join(words)
    return None if canonical_name(phrase) else phrase


#: "an increase of $X", "a net decline of $X", "increased by $X": the figure is a change.
_CHANGE_LEFT = re.compile(
    r"\b((?:net\s+|overall\s+|total\s+)?(?:increase|decrease|decline|rise|drop|reduction|cut|boost|growth|fall)s?)"
    r"\s+(?:of|by|in)\s+(?:about |around |nearly |over |more than |approximately |almost |some |roughly )?$"
    r"|\b(increased|decreased|declined|rose|grew|fell|dropped)\s+by\s+(?:about |around |nearly |over |more than |"
    r"approximately |almost |some |roughly )?$",
    re.IGNORECASE,
)
_CHANGE_NOUNS = {"increased": "increase", "decreased": "decrease", "declined": "decline", "rose": "rise",
                 "grew": "growth", "fell": "fall", "dropped": "drop"}
#: "$X to procure food commodities", "$X to scale up food operations": the object of the purpose.
_PURPOSE = re.compile(r"^\s+to\s+([a-z]+)(?:\s+up)?\s+(?=[A-Za-z])")
_PURPOSE_NOT = frozenset("the a an be help make ensure its their our his her this that these those".split())
_WILL_BE_FOR = re.compile(r"^\s+(?:will|would)\s+be\s+(?:used\s+)?for\s+")


_CHANGE_HEADS = frozenset(_CHANGE_NOUNS.values()) | {"reduction", "cut", "boost", "growth"}
_AID_HEADS = frozenset("aid assistance oda funding fund funds support financing finance loan grant package budget".split())


def is_change(item: str | None) -> bool:
    """An item naming a change ("increase", "net decline"), not a thing."""
    return bool(item) and head_noun(item) in _CHANGE_HEADS


def is_aid_topic(item: str | None) -> bool:
    """An item naming aid money as such ("ODA", "development assistance", "loans")."""
    return bool(item) and head_noun(item) in _AID_HEADS


def change_item(left: str) -> str | None:
    """"an increase of", "increased by" right before a figure: the change it measures."""
    m = _CHANGE_LEFT.search(left[-60:])
    if m is None:
        return None
    if m.group(1):
        return m.group(1).lower()
    return _CHANGE_NOUNS[m.group(2).lower()]


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
    elif tokens and is_word(tokens[0]) and tokens[0].lower() not in STOP_WORDS and not _is_verb(tokens[0]):
        np = noun_phrase(tokens)
        if np and not weak(np):
            return np
    np = _left_phrase(left[-120:])
    if np and weak(np):  # "Norwegian ODA reached a record high of $X"
        np = level_subject(left)
    return np or _purpose_object(right) or through_np(right)


_VERBS = frozenset("went came goes comes stood rose fell grew reached remained is was are were sent send sends gave give "
                   "gives bought buys".split())


def _is_verb(word: str) -> bool:
    """A word that opens a predicate, not a noun phrase ("went", "compared", "stood")."""
    low = word.lower()
    return low in _VERBS or low.endswith("ed") and word[0].islower()


def _purpose_object(right: str) -> str | None:
    """"$X to procure food commodities" → "food commodities"; "$X will be for food aid" → "food aid"."""
    following = following_np(right)
    if following:
        return following
    m = _WILL_BE_FOR.match(right) or _PURPOSE.match(right)
    if m is None or m.lastindex and m.group(1) in _PURPOSE_NOT:
        return None
    np = noun_phrase(tokenize(right[m.end():m.end() + 160]))
    return None if weak(np) else np


_VERB_MARKERS = frozenset("to help helps helped will would can could should must may might".split())
_TOPIC = re.compile(
    r"(?:\b(?:[A-Za-z][\w’'-]*\s+){0,2})\b(?:assistance|aid|funding|support|financing|loans?|package|budget|ODA|grants?)\b"
)


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
    for m in _TOPIC.finditer(sentence):
        words = m.group(0).split()
        if len(words) > 1 and words[-2].lower() in _VERB_MARKERS:
            continue  # "to support", "will fund": the head is a verb here
        cut = max((k for k, w in enumerate(words) if w.lower() in STOP_WORDS), default=-1)
        words = words[cut + 1:]
        while words and (words[0].lower() in STOP_WORDS or words[0].lower() in LEADING
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


_PERCENT_LEFT = re.compile(r"([A-Za-z][\w'’ -]{0,80}?)\s+(?:by|of|at)\s+(?:about |around |nearly |over |more than |almost |some |up to |at least |roughly |only |just )?$")


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
    m = _PERCENT_LEFT.search(left[-120:])
    if not m:
        return None
    words: list[str] = []
    for tok in reversed(tokenize(m.group(1))):
        low = tok.lower()
        if low in LEADING_KEEP and words:
            words.insert(0, tok)  # "new HIV infections"
            break
        if not is_word(tok) or low in STOP_WORDS or low in LEADING or len(words) >= 4:
            break
        words.insert(0, tok)
    phrase = " ".join(words)
    return phrase if words and not canonical_name(phrase) else None
