"""The counted noun after a bare number: "80,000 155mm artillery rounds" → ("155mm artillery rounds", "round")."""
from __future__ import annotations

import functools
import re

from ledger.extract import tables
from ledger.text import calendar

# a token of a noun phrase: a word (with inner hyphens, apostrophes, dots) or a number-with-unit like "155mm"
_TOKEN = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+([A-Za-z0-9][A-Za-z0-9'’-]*+)")
_OF = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+of(?![\w])")
_CLOSE = re.compile(r"\)")
MAX_TOKENS = 8
_NOT_HEADS = frozenset({"more", "other", "new", "such", "additional", "extra", "single", "only"})
_JOIN = re.compile(r"(?:[ \t\u00a0]*+,)?+[ \t\u00a0]*+\n?[ \t\u00a0]*+(?:and|or)(?![\w])|[ \t\u00a0]*+,(?=[ \t\u00a0]*+[a-z])")


@functools.lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return tables.word_set("count_stopwords.txt") | calendar.date_words()


@functools.lru_cache(maxsize=8192)
def singular(word: str) -> str | None:
    """Singular lower-case form of a plural (or uncountable) noun; None when ``word`` is not one."""
    low = word.lower()
    irregular = tables.plurals()
    if low in irregular:
        return irregular[low]
    if len(low) < 3 or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")):
        return None
    if word[:-1].isupper() and len(word) > 2:  # acronym plural: HMMWVs
        return low[:-1]
    if _is_demonym_plural(word):
        return "person"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return low[:-2]
    if low.endswith("oes") and len(low) > 4:
        return low[:-2]
    return low[:-1]


def _is_demonym_plural(word: str) -> bool:
    """'Ukrainians', 'Americans', 'Russians' count people."""
    return word[0].isupper() and word.endswith(("ians", "cans", "eans", "ese")) and word[1:].islower()


def counted_noun(text: str, pos: int, *, one: bool) -> tuple[str, str, int] | None:
    """(item as written, singular head, end offset) of the noun phrase counted by a number ending at ``pos``.

    The phrase is the run of words up to the first stop word or punctuation (at most a few words); its head
    is the last plural word of the run (any last noun when ``one`` is true: "one marine towing company").
    """
    m = _CLOSE.match(text, pos)  # "(25,000) 155mm artillery rounds"
    if m:
        pos = m.end()
    stop = _stopwords()
    tokens: list[re.Match[str]] = []
    joined = False  # crossed an "and" / "or" / comma while looking for the head
    plural = False
    while len(tokens) < MAX_TOKENS:
        if tokens and not plural:
            j = _JOIN.match(text, pos)
            if j:
                pos, joined = j.end(), True
        m = _TOKEN.match(text, pos)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if low in stop or (word[0].isdigit() and (joined or _bare_number(word, tokens))):
            break
        if plural and (_is_past_verb(low) or low in _verbs()):
            break  # "two sisters helped fraudsters", "19 fouls proves": a verb after the counted noun ends it
        tokens.append(m)
        plural = plural or singular(word) is not None
        pos = m.end()
    return _head(text, tokens, one)


@functools.lru_cache(maxsize=None)
def _verbs() -> frozenset[str]:
    return tables.word_set("count_verbs.txt")


def _is_past_verb(low: str) -> bool:
    return len(low) > 4 and low.endswith("ed") and low.isalpha() and low not in tables.plurals()


def _bare_number(word: str, tokens: list[re.Match[str]]) -> bool:
    """A digits-only token that cannot be inside a counted noun phrase: right after the number, or after
    another bare number ("1 1 1 ...", "20 000 20 000"); "Model 3 sedans" keeps its "3"."""
    return word.isdigit() and (not tokens or tokens[-1].group(1).isdigit())


def _head(text: str, tokens: list[re.Match[str]], one: bool) -> tuple[str, str, int] | None:
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group(1).rstrip("'’-.")
        if not word or word[0].isdigit():
            continue
        sing = singular(word)
        if sing is None and one and i == len(tokens) - 1 and word.isalpha() and word.lower() not in _NOT_HEADS:
            sing = word.lower() if not word.isupper() else word
        if sing is None:
            continue
        start = tokens[0].start(1)
        end = tokens[i].end(1)
        return text[start:end], sing, end
    return None


# a modifier noun, then the head it modifies: " page document", "-cylinder engine"
_COMPOUND = re.compile(r"(?:[ \t\u00a0]++|-)([a-z]++)(?=[ \t\u00a0]++[a-z]{2})")


_OF_DET = re.compile(r"[ \t\u00a0]++of[ \t\u00a0]++(?:its|their|our|his|her|your|my|the)(?![\w'’])")


def noun_after_of(text: str, pos: int) -> tuple[str, str, int] | None:
    """'35m of its Echo devices', '1.2 million of the refugees': the plural noun after "of" and a determiner."""
    m = _OF_DET.match(text, pos)
    return counted_noun(text, m.end(), one=False) if m else None


def compound_noun(text: str, pos: int) -> tuple[str, int] | None:
    """'12 page document', 'four-cylinder engine': (the singular modifier noun, its end), from a data list."""
    m = _COMPOUND.match(text, pos)
    if m is None or m.group(1) not in tables.word_set("compound_nouns.txt"):
        return None
    return m.group(1), m.end()


def phrase_after(text: str, pos: int) -> tuple[str, int] | None:
    """A fixed count phrase after a number ("366 in favor") → (its unit, the phrase's end)."""
    raw = text[pos:pos + 16]
    window = raw.lower().lstrip()
    skipped = len(raw) - len(window)
    for phrase, unit in tables.count_phrases().items():
        if window.startswith(phrase) and (len(window) == len(phrase) or not window[len(phrase)].isalnum()):
            return unit, pos + skipped + len(phrase)
    return None
