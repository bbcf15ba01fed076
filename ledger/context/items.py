"""The item of a figure: the noun phrase naming what is counted or what the money is.

Rule based, on the one-line sentence around the figure:

* money: "$X in|of|for NP" → NP ("$800 million in security assistance"), "$X NP"
  ("$275 million aid package"), "NP of|at $X" ("a loan of $20 billion");
* counts: the words after the number ("80,000 155mm artillery rounds"), "NP of" kept
  when the head is a measure word ("sets of body armor", "rounds of ammunition").

A noun phrase is a run of words (letters, digits, hyphens, apostrophes) stopped by
punctuation or by a function word (to, that, which, will, from, ...); leading
determiners are dropped and names of actors are never items.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.context.gazetteer import canonical_name

_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*|[,;:()\[\]\"“”—–]|\S")
_STOP_WORDS = frozenset(
    """to that which who will would could should shall can may might is are was were be been being
    has have had from with by as at on into onto over under between through since until while when
    where after before because if than so but or not including include includes included per each
    this these those it its they their we our us he she his her them there here also already now
    across among against toward towards via during within without about around up down out off
    in for of and the a an just only either alongside coming past next last total way days""".split()
)
_LEADING = frozenset("the a an our its their his her this that these those another additional new".split())
_LEADING_KEEP = frozenset("additional new".split())
_JOINERS = frozenset(("of", "and", "for", "towards", "toward", "in"))
_MEASURE_HEADS = frozenset(
    "rounds sets doses courses pieces tons tonnes units kits pairs barrels pounds kilograms liters litres gallons "
    "bags boxes packages cartons metric".split()
)
_NP_MAX = 8
#: Irregular plurals that end a counted noun phrase like any plural ("women receive ...").
_IRREGULAR_PLURALS = frozenset("people women men children personnel staff".split())
_MASS_HEADS = frozenset(
    "aid assistance funding support financing package packages loan loans grant grants budget authority funds".split()
)
_CLAUSE_WORDS = frozenset("who whom whose which that".split())


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _is_word(tok: str) -> bool:
    return tok[0].isalnum()


def _is_plural(word: str) -> bool:
    """A plural noun by its form ("rounds", "entities", "women"); "gas", "chassis" are not."""
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    return (len(word) > 3 and word.endswith("s") and not low.endswith(("ss", "us", "is"))
            and not word[:-1].isupper())


def _list_end(tokens: tuple[str, ...], i: int) -> int | None:
    """End of "A, B, and C" modifiers starting at the comma ``tokens[i]``: the index after "and|or".

    A serial comma (", and") wins over an earlier "and" inside one member ("democracy and human rights").
    """
    first = None
    for j in range(i + 1, min(len(tokens), i + 16)):
        low = tokens[j].lower()
        if low in ("and", "or") and j > i + 1:
            if j + 1 >= len(tokens) or not _is_word(tokens[j + 1]):
                return first
            if tokens[j - 1] == ",":
                return j + 1
            first = first or j + 1
            continue
        if tokens[j] != "," and (not _is_word(tokens[j]) or low in _STOP_WORDS):
            return first
    return first


def _noun_phrase(tokens: tuple[str, ...], allow_joiners: bool = True, people: bool = False) -> str | None:
    """The noun phrase at the start of ``tokens`` (may contain "of"/"and" between words)."""
    words: list[str] = []
    i = 0
    while i < len(tokens) and tokens[i].lower() in _LEADING and not words:
        if tokens[i].lower() in _LEADING_KEEP:
            words.append(tokens[i])
        i += 1
    limit = _NP_MAX
    while i < len(tokens) and len(words) < limit:
        tok = tokens[i]
        low = tok.lower()
        if tok == "," and words and len(words) <= 2:
            end = _list_end(tokens, i)
            if end:
                limit += end - i
                for t in tokens[i:end]:
                    if t == ",":
                        words[-1] += ","
                    else:
                        words.append(t)
                i = end
                continue
        if not _is_word(tok):
            break
        if words and _is_plural(words[-1]) and words[-1][0].islower() and tok[0].islower() and low not in _JOINERS and not _is_plural(tok):
            break  # "workers safe", "clinics reaching": a plural head ends the phrase
        if words and words[-1].lower() in _MASS_HEADS and low.endswith(("ed", "ing")) and low not in _MASS_HEADS:
            break  # "aid requested today", "funding provided by"
        if words and tok[0].isupper() and all(w[0].islower() for w in words):
            break  # "authority Congress provided": a capitalised word opens a new clause
        if low in _STOP_WORDS:
            joinable = (
                allow_joiners
                and low in _JOINERS
                and words
                and i + 1 < len(tokens)
                and _is_word(tokens[i + 1])
                and tokens[i + 1].lower() not in _STOP_WORDS
            )
            if low == "of" and joinable and words[-1].lower() in _MEASURE_HEADS:
                words.append(tok)
            elif low == "and" and joinable and len(words) <= 3:
                words.append(tok)
            else:
                break
        else:
            words.append(tok)
        i += 1
    while words and (words[-1].lower() in _STOP_WORDS or words[-1].lower() in _LEADING):
        words.pop()
    if not words:
        return None
    phrase = " ".join(words).strip(".")
    if people and len(words) == 1 and _is_plural(phrase):
        return phrase  # "267,000 Ukrainians": a plural demonym is what is counted
    if canonical_name(phrase) or canonical_name(words[0].rstrip("’'s").rstrip("’'")) and len(words) == 1:
        return None
    return phrase or None


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
    tokens = _tokens(m.group(1))
    words: list[str] = []
    for tok in reversed(tokens):
        low = tok.lower()
        if not _is_word(tok) or low in _STOP_WORDS or low in _LEADING or len(words) >= 4 or words and low in _VERBS:
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
    tokens = _skip_parenthesis(_tokens(right[:160]))  # "$X (US$Y) in grants": past the conversion
    if tokens and tokens[0].lower() == "worth" and len(tokens) > 1 and tokens[1].lower() == "of":
        tokens = tokens[2:]
    if tokens and tokens[0].lower() in ("in", "of", "for"):
        np = _noun_phrase(tokens[1:])
        if np and not np.isdigit():  # "in 2023" names a year, not the money
            return np
    elif tokens and _is_word(tokens[0]) and tokens[0].lower() not in _STOP_WORDS and not _is_verb(tokens[0]):
        np = _noun_phrase(tokens)
        if np:
            return np
    return _left_phrase(left[-120:]) or _purpose_object(right)


_VERBS = frozenset("went came goes comes stood rose fell grew reached remained is was are were sent send sends gave give "
                   "gives bought buys".split())


def _is_verb(word: str) -> bool:
    """A word that opens a predicate, not a noun phrase ("went", "compared", "stood")."""
    low = word.lower()
    return low in _VERBS or low.endswith("ed") and word[0].islower()


def _purpose_object(right: str) -> str | None:
    """"$X to procure food commodities" → "food commodities"; "$X will be for food aid" → "food aid"."""
    m = _WILL_BE_FOR.match(right) or _PURPOSE.match(right)
    if m is None or m.lastindex and m.group(1) in _PURPOSE_NOT:
        return None
    return _noun_phrase(_tokens(right[m.end():m.end() + 160]))


_VERB_MARKERS = frozenset("to help helps helped will would can could should must may might".split())
_TOPIC = re.compile(
    r"(?:\b(?:[A-Za-z][\w’'-]*\s+){0,2})\b(?:assistance|aid|funding|support|financing|loans?|package|budget|ODA|grants?)\b"
)


def topic_item(sentence: str, at: int) -> str | None:
    """The aid noun phrase of a sentence nearest to offset ``at`` ("development assistance")."""
    best: tuple[int, str] | None = None
    for m in _TOPIC.finditer(sentence):
        words = m.group(0).split()
        if len(words) > 1 and words[-2].lower() in _VERB_MARKERS:
            continue  # "to support", "will fund": the head is a verb here
        cut = max((k for k, w in enumerate(words) if w.lower() in _STOP_WORDS), default=-1)
        words = words[cut + 1:]
        while words and (words[0].lower() in _STOP_WORDS or words[0].lower() in _LEADING
                         or canonical_name(words[0].rstrip("’'s")) and len(words) > 1 and words[0][0].islower()):
            words.pop(0)
        if not words:
            continue
        dist = at - m.end() if m.end() <= at else (m.start() - at) * 2
        if best is None or dist < best[0]:
            best = (dist, " ".join(words))
    return best[1] if best else None


def count_item(right: str) -> str | None:
    """The counted noun phrase written right after a count ("155mm artillery rounds")."""
    tokens = _skip_parenthesis(_tokens(right[:160]))
    if tokens and tokens[0] == "of":
        tokens = tokens[1:]
    return _noun_phrase(tokens, people=True)


def _skip_parenthesis(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Tokens after a leading "( ... )" aside ("80% (123,000) of people" → "of people")."""
    if tokens and tokens[0] == "(" and ")" in tokens[:8]:
        return tokens[tokens.index(")") + 1:]
    return tokens


_PERCENT_LEFT = re.compile(r"([A-Za-z][\w'’ -]{0,80}?)\s+(?:by|of|at)\s+(?:about |around |nearly |over |more than |almost |some |up to |at least |roughly |only |just )?$")


def percent_item(left: str, right: str) -> str | None:
    """What a percentage is of: "X percent of NP" → NP, "NP by|of X percent" → NP."""
    tokens = _skip_parenthesis(_tokens(right[:160]))
    if len(tokens) > 1 and tokens[0].lower() == "of":
        np = _noun_phrase(tokens[1:], people=True)
        if np:
            return np
    m = _PERCENT_LEFT.search(left[-120:])
    if not m:
        return None
    words: list[str] = []
    for tok in reversed(_tokens(m.group(1))):
        low = tok.lower()
        if low in _LEADING_KEEP and words:
            words.insert(0, tok)  # "new HIV infections"
            break
        if not _is_word(tok) or low in _STOP_WORDS or low in _LEADING or len(words) >= 4:
            break
        words.insert(0, tok)
    phrase = " ".join(words)
    return phrase if words and not canonical_name(phrase) else None


_PAREN = re.compile(r"\([^()]*\)")


def head_noun(phrase: str | None) -> str | None:
    """Head noun of an item: the last word before its first preposition, singular, lower case."""
    if not phrase:
        return None
    words = re.findall(r"[\w'-]+", _PAREN.sub(" ", phrase.lower()))
    head = None
    for w in words:
        if (w in ("of", "for", "to", "towards", "toward", "in", "through", "from", "with", "and")
                or w in _CLAUSE_WORDS or _is_plural(head or "") and w.endswith(("ing", "ed"))) and head:
            break
        head = w
    if head is None:
        return None
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head
