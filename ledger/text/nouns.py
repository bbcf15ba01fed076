"""The noun-phrase grammar shared by the extractor and the context stage.

One tokenizer, one plural rule and one reader of noun phrases serve both the noun a number
counts ("80,000 155mm artillery rounds" → head "round") and the item a figure is of ("$40 million
in humanitarian assistance" → "humanitarian assistance"). A phrase is a run of words stopped by
punctuation or a function word; after a plural head, a verb or a plain word opens a new clause.
The plural rule and head nouns are :mod:`ledger.text.plurals`. The two uses differ only in their :class:`Style` (which function words stop them, whether leading
determiners, "of"/"and" joiners and lists are read). Word lists are in ``ledger/data/text/``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ledger import data
from ledger.text.plurals import irregular_plurals, is_plural, singular
from ledger.text.sentences import ABBREVIATIONS

TOKEN = re.compile(r"[A-Za-z0-9][\w'’.-]*|[,;:()\[\]\"“”—–]|\S")
MAX_WORDS = 8
#: determiners kept at the start of an item ("additional funds", "new infections")
KEEP_LEADING = frozenset(("additional", "new"))


@lru_cache(maxsize=65536)
def tokenize(text: str) -> tuple[str, ...]:
    """Words (with inner dots, hyphens, apostrophes: "U.S.", "155mm", "Ukraine's") and punctuation marks."""
    return tuple(TOKEN.findall(text))


def is_word(tok: str) -> bool:
    return tok[0].isalnum()


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-word-a-line list of ``ledger/data/text/`` as a lower-case set."""
    return frozenset(e.lower() for e in data.entries(f"text/{name}"))


def determiners() -> frozenset[str]:
    return words("determiners.txt")


def is_aid_noun(word: str) -> bool:
    """'aid', 'loans', 'funding': a noun of ``text/aid_nouns.txt`` in any number."""
    return (singular(word) or word.lower()) in words("aid_nouns.txt")


def is_past_verb(low: str) -> bool:
    return len(low) > 4 and low.endswith("ed") and low.isalpha() and low not in irregular_plurals()


@dataclass(frozen=True)
class Style:
    """How a use of the grammar reads a phrase.

    ``stop``: words that end it; ``leading``: drop determiners at its start (keeping "new",
    "additional"); ``joiners``: "of" after a measure noun, "and" inside a short phrase, "A, B, and C"
    lists and bracketed acronyms; ``crossing``: "and"/"or"/a comma crossed before the head is reached
    ("1,000 light and heavy machine guns"); ``clauses``: a capitalised word after lower-case ones, or
    "-ed"/"-ing" after an aid noun, opens a clause."""

    stop: frozenset[str]
    leading: bool = False
    joiners: bool = False
    crossing: bool = False
    clauses: bool = False


def read(tokens: tuple[str, ...] | list[str], style: Style) -> list[int]:
    """Indices in ``tokens`` of the noun phrase at their start, commas and brackets of a list or an acronym
    included (empty when there is none)."""
    walk = _Walk(tokens, style)
    walk.run()
    return walk.picked


class _Walk:
    """One pass over the tokens after a figure (see :func:`read`)."""

    def __init__(self, tokens, style: Style) -> None:
        self.tokens, self.style = tokens, style
        self.picked: list[int] = []
        self.last = ""  # the last word read (list commas and brackets passed over)
        self.count = 0  # words read (list commas and brackets not counted)
        self.limit = MAX_WORDS
        self.plural = self.joined = False
        self.verbs = words("verbs.txt")

    def run(self) -> None:
        i = self._leading() if self.style.leading else 0
        tokens = self.tokens
        while i < len(tokens) and self.count < self.limit:
            nxt = self._skip(i)
            if nxt is not None:
                i = nxt
                continue
            if _quoted(tokens, i):
                i += 1  # six foreign “supplier” companies: quotation marks around a word inside a noun phrase
                continue
            if not is_word(tokens[i]) or self._ends_at(i):
                return
            self._add(i)
            i += 1
            if ends_sentence(tokens[i - 1]):
                return  # "tanks." ends its sentence

    def _add(self, i: int) -> None:
        self.picked.append(i)
        self.last = self.tokens[i]
        self.count += 1
        self.plural = self.plural or is_plural(self.last)

    def _leading(self) -> int:
        """Past leading determiners ("the", "our"; "new" and "additional" are kept); "total" as an adjective."""
        tokens, i = self.tokens, 0
        while i < len(tokens) and tokens[i].lower() in determiners():
            i += 1
            if tokens[i - 1].lower() in KEEP_LEADING:
                self._add(i - 1)
                break
        if i + 1 < len(tokens) and tokens[i].lower() == "total" and is_word(tokens[i + 1]) \
                and tokens[i + 1].lower() not in self.style.stop:
            self._add(i)  # "total health spending": an adjective, not "a total of"
            i += 1
        return i

    def _skip(self, i: int) -> int | None:
        """Where to go on after a crossing ("light and heavy"), a list ("food, water, and shelter") or an
        acronym in brackets; None when token ``i`` is none of them."""
        if not self.picked:
            return None
        if self.style.crossing and not self.plural and self.picked[-1] == i - 1:
            end = _crossing(self.tokens, i)
            if end is not None:
                self.joined = True
                return end
        if not self.style.joiners:
            return None
        tokens = self.tokens
        end = _list_end(tokens, i, self.style.stop) if tokens[i] == "," and self.count <= 2 else None
        if end:
            self.picked.extend(range(i, end))
            self.count += sum(1 for k in range(i, end) if tokens[k] != ",")
            self.limit += end - i
            self.last = tokens[end - 1]
            return end
        if tokens[i] == "(" and _acronym_at(tokens, i):
            self.picked.extend((i, i + 1, i + 2))
            self.count += 1
            self.last = tokens[i + 1]
            return i + 3
        return None

    def _ends_at(self, i: int) -> bool:
        """Whether the word ``tokens[i]`` ends the phrase (a stop word, a verb after the head, a new clause)."""
        tok, style, last = self.tokens[i], self.style, self.last
        low = tok.lower().rstrip(".")
        if self.plural and (low in self.verbs or is_past_verb(low)):
            return True  # "two sisters helped", "19 fouls proves"
        if self.picked and low.endswith("ly") and _verb_follows(self.tokens, i + 1, self.verbs):
            return True  # "one drug routinely used": an adverb and a verb after a noun open the predicate
        if style.clauses and last and _new_clause(tok, low, last, [self.tokens[k] for k in self.picked]):
            return True
        if low in style.stop:
            return not (style.joiners and _joins(self.tokens, i, last, style, self.count))
        if tok[0].isdigit() and style.crossing:
            return self.joined or _NUMBER.fullmatch(tok) is not None and (not tok.isdigit() or not last or last.isdigit())
        return False



def _verb_follows(tokens, j: int, verbs: frozenset[str]) -> bool:
    """A participle or a third-person verb at ``tokens[j]`` ("used", "rising", "helps")."""
    if j >= len(tokens) or not tokens[j][:1].islower():
        return False
    low = tokens[j].lower()
    return low in verbs or (len(low) > 3 and low.endswith(("ed", "ing")) and low.isalpha())


def _quoted(tokens, i: int) -> bool:
    """A quotation mark around one to three words of a noun phrase: an opening one closed within them, or the
    closing one of such a pair ("“supplier”"); not the quote of a clause ("Bill “kicks families")."""
    tok = tokens[i]
    if tok not in _QUOTES:
        return False
    if tok in _CLOSING and i >= 2 and any(tokens[k] in _OPENING for k in range(max(0, i - 4), i - 1)):
        return True
    return tok in _OPENING and any(tokens[k] in _CLOSING for k in range(i + 2, min(len(tokens), i + 5)))


_NUMBER = re.compile(r"\d[\d.,]*")
_QUOTES = frozenset('"“”‘')
_OPENING = frozenset('"“‘')
_CLOSING = frozenset('"”’')
_SENTENCE_END = re.compile(r"[^.]\.['’]*$")


def ends_sentence(tok: str) -> bool:
    """A word written with the full stop of its sentence ("tanks.", "Bill.’"), not an abbreviation ("U.S.",
    "Mr.")."""
    if "." not in tok or _SENTENCE_END.search(tok) is None:
        return False
    word = tok.rstrip(".'’")
    return "." not in word and word.lower() not in ABBREVIATIONS


def word_length(tok: str) -> int:
    """Length of a word without the full stop (and quote) of its sentence."""
    return len(tok.rstrip(".'’")) if ends_sentence(tok) else len(tok)


def _acronym_at(tokens, i: int) -> bool:
    """"( IDA )" at ``i``: an acronym in brackets inside a noun phrase."""
    return (i + 2 < len(tokens) and tokens[i + 2] == ")" and tokens[i + 1].isupper()
            and tokens[i + 1].isalpha() and len(tokens[i + 1]) <= 8)


def _crossing(tokens, i: int) -> int | None:
    """Index after ", and" / "and" / "or" / a comma before a lower-case word."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tok == "," and nxt in ("and", "or"):
        return i + 2
    if tok in ("and", "or") or (tok == "," and "a" <= nxt[:1] <= "z" and tokens[i - 1][:1].islower()):
        return i + 1  # "two armoured, tracked vehicles"; not "5 Eastern, officials said"
    return None


def _list_end(tokens, i: int, stop: frozenset[str]) -> int | None:
    """End of "A, B, and C" modifiers starting at the comma ``tokens[i]``: the index after "and|or".

    A serial comma (", and") wins over an earlier "and" inside one member ("democracy and human rights")."""
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
        if tokens[j] != "," and (not is_word(tokens[j]) or low in stop):
            return first
    return first


def _new_clause(tok: str, low: str, last: str, picked: list[str]) -> bool:
    """A word that opens a clause after the phrase read so far (items only)."""
    if is_plural(last) and last[0].islower() and tok[0].islower() and low not in words("joiners.txt") and not is_plural(tok):
        return True  # "workers safe", "clinics reaching"
    if is_aid_noun(last) and low.endswith(("ed", "ing")) and not is_aid_noun(low):
        return True  # "aid requested today", "funding provided by"
    kept = all(w.lower() in KEEP_LEADING for w in picked)
    return tok[0].isupper() and all(w[0].islower() for w in picked if w not in ",()") and not kept


def _joins(tokens, i: int, last: str, style: Style, count: int) -> bool:
    """A joiner inside an item: "sets of body armor" (after a measure noun), "food and water" (short phrase)."""
    low = tokens[i].lower()
    if not count or low not in words("joiners.txt") or i + 1 >= len(tokens) or not is_word(tokens[i + 1]):
        return False
    if tokens[i + 1].lower() in style.stop:
        return False
    return (low == "of" and last.lower() in words("measure_nouns.txt")) or (low == "and" and count <= 3)
