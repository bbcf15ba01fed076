"""The noun-phrase grammar items are read with: tokens, plurals, "A, B, and C" lists, noun phrases.

A noun phrase is a run of words (letters, digits, hyphens, apostrophes, dotted abbreviations
such as "U.S.") stopped by punctuation or by a function word (to, that, which, will, from, ...);
leading determiners are dropped, a bracketed acronym inside it is kept ("disaster assistance
(IDA) funds") and names of actors are never items.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.text.gazetteer import canonical_name

_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*|[,;:()\[\]\"“”—–]|\S")
STOP_WORDS = frozenset(
    """to that which who will would could should shall can may might is are was were be been being
    has have had from with by as at on into onto over under between through since until while when
    where after before because if than so but or not including include includes included per each
    this these those it its they their we our us he she his her them there here also already now
    across among against toward towards via during within without about around up down out off
    in for of and the a an just only either alongside coming past next last total way days""".split()
)
LEADING = frozenset("the a an all our its their his her this that these those another additional new following".split())
LEADING_KEEP = frozenset("additional new".split())
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
CLAUSE_WORDS = frozenset("who whom whose which that".split())


@lru_cache(maxsize=65536)
def tokenize(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def is_word(tok: str) -> bool:
    return tok[0].isalnum()


def is_plural(word: str) -> bool:
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
            if j + 1 >= len(tokens) or not is_word(tokens[j + 1]):
                return first
            if tokens[j - 1] == ",":
                return j + 1
            first = first or j + 1
            continue
        if tokens[j] != "," and (not is_word(tokens[j]) or low in STOP_WORDS):
            return first
    return first


def noun_phrase(tokens: tuple[str, ...], allow_joiners: bool = True, people: bool = False) -> str | None:
    """The noun phrase at the start of ``tokens`` (may contain "of"/"and" between words)."""
    words: list[str] = []
    i = 0
    while i < len(tokens) and tokens[i].lower() in LEADING and not words:
        if tokens[i].lower() in LEADING_KEEP:
            words.append(tokens[i])
        i += 1
    if _total_leads(tokens, i):
        words.append(tokens[i])  # "total health spending": "total" as an adjective, not "a total of"
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
        if tok == "(" and words and _acronym_at(tokens, i):
            words.append(f"({tokens[i + 1]})")  # "disaster assistance (IDA) funds"
            i += 3
            continue
        if not is_word(tok):
            break
        if words and is_plural(words[-1]) and words[-1][0].islower() and tok[0].islower() and low not in _JOINERS and not is_plural(tok):
            break  # "workers safe", "clinics reaching": a plural head ends the phrase
        if words and words[-1].lower() in _MASS_HEADS and low.endswith(("ed", "ing")) and low not in _MASS_HEADS:
            break  # "aid requested today", "funding provided by"
        if words and tok[0].isupper() and all(w[0].islower() for w in words) and not _only_kept(words):
            break  # "authority Congress provided": a capitalised word opens a new clause
        if low in STOP_WORDS:
            joinable = (
                allow_joiners
                and low in _JOINERS
                and words
                and i + 1 < len(tokens)
                and is_word(tokens[i + 1])
                and tokens[i + 1].lower() not in STOP_WORDS
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
    while words and (words[-1].lower() in STOP_WORDS or words[-1].lower() in LEADING):
        words.pop()
    if not words:
        return None
    phrase = " ".join(words).strip(".")
    if people and len(words) == 1 and is_plural(phrase):
        return phrase  # "267,000 Ukrainians": a plural demonym is what is counted
    if canonical_name(phrase) or canonical_name(words[0].rstrip("’'s").rstrip("’'")) and len(words) == 1:
        return None
    return phrase or None


def _acronym_at(tokens: tuple[str, ...], i: int) -> bool:
    """"( IDA )" at ``i``: an acronym in brackets inside a noun phrase."""
    return (i + 2 < len(tokens) and tokens[i + 2] == ")" and tokens[i + 1].isupper()
            and tokens[i + 1].isalpha() and len(tokens[i + 1]) <= 8)


def _total_leads(tokens: tuple[str, ...], i: int) -> bool:
    """"total" opening a noun phrase as an adjective ("total health spending")."""
    return (i + 1 < len(tokens) and tokens[i].lower() == "total" and is_word(tokens[i + 1])
            and tokens[i + 1].lower() not in STOP_WORDS)


def _only_kept(words: list[str]) -> bool:
    """Only "additional"/"new" so far: a name may still follow ("additional U.S. Government funding")."""
    return all(w.lower() in LEADING_KEEP for w in words)


_PAREN = re.compile(r"\([^()]*\)")


def head_noun(phrase: str | None) -> str | None:
    """Head noun of an item: the last word before its first preposition, singular, lower case."""
    if not phrase:
        return None
    words = re.findall(r"[\w'-]+", _PAREN.sub(" ", phrase.lower()))
    head = None
    for w in words:
        if (w in ("of", "for", "to", "towards", "toward", "in", "through", "from", "with", "and")
                or w in CLAUSE_WORDS or is_plural(head or "") and w.endswith(("ing", "ed"))) and head:
            break
        head = w
    if head is None:
        return None
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head
