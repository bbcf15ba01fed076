"""The counted noun after a bare number: "80,000 155mm artillery rounds" → ("155mm artillery rounds", "round")."""
from __future__ import annotations

import functools
import re

from ledger.extract import tables
from ledger.text import calendar
from ledger.text.nouns import TOKEN, Style, is_past_verb, read, singular, word_length, words

_CLOSE = re.compile(r"\)")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*+\n")
_WINDOW = 120  # characters after a number read for its noun phrase


@functools.lru_cache(maxsize=None)
def counted_style() -> Style:
    """The grammar's counted-noun style: function words, ``extract/count_stopwords.txt`` and date words end
    the phrase; "and"/"or"/commas are crossed before the head ("1,000 light and heavy machine guns")."""
    stop = words("function_words.txt") | tables.word_set("count_stopwords.txt") | calendar.date_words()
    return Style(stop=stop, crossing=True)


def counted_noun(text: str, pos: int, *, one: bool) -> tuple[str, str, int] | None:
    """(item as written, singular head, end offset) of the noun phrase counted by a number ending at ``pos``.

    The phrase is read by the shared grammar (:func:`ledger.text.nouns.read`) up to a blank line; its head
    is the last plural word of the run (any last noun when ``one`` is true: "one marine towing company")."""
    m = _CLOSE.match(text, pos)  # "(25,000) 155mm artillery rounds"
    if m:
        pos = m.end()
    end = min(len(text), pos + _WINDOW)
    blank = _BLANK_LINE.search(text, pos, end)
    window = text[pos:blank.start() if blank else end]
    tokens = TOKEN.findall(window)
    if not tokens or not window.startswith(tokens[0], len(window) - len(window.lstrip())):
        return None
    picked = read(tokens, counted_style())
    head = _head(tokens, picked, one)
    if head is None:
        return None
    k, sing = head
    offsets = _offsets(window, tokens, k)
    start, stop = pos + offsets[picked[0]], pos + offsets[k] + word_length(tokens[k])
    return text[start:stop], sing, stop


def _offsets(window: str, tokens: list[str], upto: int) -> list[int]:
    """Where each of ``tokens[:upto + 1]`` starts in ``window`` (the tokens were found in order)."""
    out, at = [], 0
    for tok in tokens[:upto + 1]:
        at = window.find(tok, at)
        out.append(at)
        at += len(tok)
    return out


def _head(tokens: list[str], picked: list[int], one: bool) -> tuple[int, str] | None:
    """The last plural word of the phrase (or its last word when one thing is counted) and its singular."""
    for k in reversed(picked):
        word = tokens[k].rstrip("'’-.")
        if not word or word[0].isdigit() or "." in word:
            continue
        sing = singular(word)
        low = word.lower()
        if sing is None and one and k == picked[-1] and word.isalpha() and low not in words("never_heads.txt") \
                and not is_past_verb(low):
            sing = word.lower() if not word.isupper() else word
        if sing is not None:
            return k, sing
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
