"""Counts: what a bare number counts, and the count rules' checks (:data:`ledger.extract.rules.COUNT`).

The counted noun after a number is read by the shared grammar (:mod:`ledger.text.nouns`):
"80,000 155mm artillery rounds" → ("155mm artillery rounds", "round")."""
from __future__ import annotations

import functools
import re

from ledger.extract import amount, extras, filters, ranges, tables
from ledger.extract.candidate import Amount
from ledger.text import calendar
from ledger.text.nouns import TOKEN, Style, is_past_verb, read, word_length, words
from ledger.text.plurals import singular

_CLOSE = re.compile(r"\)")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*+\n")
_WINDOW = 90  # characters after a number read for its noun phrase (eight words)
_SHORT_WINDOW = 40  # read first: most counted noun phrases end within it
# the first word after a number (white space and at most one line break before it)
_FIRST = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+[\"“‘]?([A-Za-z0-9][\w'’.-]*)")


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
    first = _FIRST.match(text, pos)
    if first is None or first.group(1).lower() in counted_style().stop:
        return None  # cheap test first: most numbers are followed by punctuation or a function word
    window, tokens, picked = _read_window(text, pos, _SHORT_WINDOW)
    if picked and picked[-1] >= len(tokens) - 2:  # the phrase may go on past the short window
        window, tokens, picked = _read_window(text, pos, _WINDOW)
    head = _head(tokens, picked, one)
    if head is None:
        return None
    k, sing = head
    offsets = _offsets(window, tokens, k)
    start, stop = pos + offsets[picked[0]], pos + offsets[k] + word_length(tokens[k])
    return text[start:stop], sing, stop


def _read_window(text: str, pos: int, size: int) -> tuple[str, list[str], list[int]]:
    """The tokens of at most ``size`` characters after ``pos`` (up to a blank line) and the phrase read in them."""
    end = min(len(text), pos + size)
    blank = _BLANK_LINE.search(text, pos, end)
    window = text[pos:blank.start() if blank else end]
    tokens = TOKEN.findall(window)
    return window, tokens, read(tokens, counted_style()) if tokens else []


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


_OF_WORD = re.compile(r"\)?+[ \t\u00a0]*+\n?[ \t\u00a0]*+of[ \t\u00a0]*+\n?[ \t\u00a0]*+([A-Za-z]++)(['’]s)?+(?![\w'’])")


_SUPERLATIVE = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+(?:most|least)(?=[ \t\u00a0\n])")


def noun_after_of(text: str, pos: int) -> tuple[str, str, int] | None:
    """'35m of its Echo devices', '1.2 million of the refugees', 'three of Russia's most viewed stations': the
    plural noun after "of" and a determiner or a possessive name (a partitive)."""
    m = _OF_WORD.match(text, pos)
    if m is None:
        return None
    word = m.group(1)
    if text.startswith(")", pos) and word[0].islower() and word.lower() not in tables.cues("of_determiner"):
        return counted_noun(text, m.start(1), one=False)  # "80% (123,000) of people": the bracket restates a share
    if not (m.group(2) and word[0].isupper()) and (word.lower() not in tables.cues("of_determiner") or word[0].isupper()):
        return None
    sm = _SUPERLATIVE.match(text, m.end())  # "of the most vulnerable countries"
    return counted_noun(text, sm.end() if sm else m.end(), one=False)


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


# ---- the checks of the count rules (each returns None, "reject", ("accept", amount) or ("keep", amount))

_HYPHEN_NOUN = re.compile(r"-([a-z]{3,})(?![\w-])")
_OF = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+of(?![\w])")
# "a six-speed gearbox", "a three-bed flat": a word number glued to these names a kind of thing, not a count
_TYPE_NAMES = frozenset({"speed", "bed", "bedroom", "door", "star"})
_REJECT = "reject"


def after_name(text: str, a: Amount) -> bool:
    """'Channel One', 'Leopard 2': a capitalised name right before (digits, or a capitalised number word)."""
    return (not a.words or text[a.start].isupper()) and filters.after_capitalised_name(text, a.start)


def in_title(text: str, a: Amount) -> bool:
    return a.words and extras.in_title_name(text, a.start, a.end)


def caliber_word(text: str, a: Amount) -> bool:
    return filters.next_word(text, a.end).lower() in ("mm", "caliber", "calibre") and filters.is_caliber(text, a.end)


def vague(text: str, a: Amount):
    """'hundreds of drones', 'dozens of trucks': a vague amount is a count of the noun after it, or nothing."""
    if not a.vague:
        return None
    noun = counted_noun(text, _noun_start(text, a), one=False)
    if noun is None or noun[1] in tables.cues("discourse_noun"):
        return _REJECT  # "hundreds", "several questions"
    return "accept", a._replace(item=noun[0], unit=noun[1], noun_end=noun[2])


def hyphen_noun(text: str, a: Amount):
    """'the 25-person team': the noun glued by a hyphen is what is counted (unless an id or a name precedes)."""
    hm = _HYPHEN_NOUN.match(text, a.end) if a.digits else None
    if hm is None or hm.group(1) in tables.cues("not_hyphen_noun"):
        return None
    if filters.is_identifier(text, a.start) or filters.after_capitalised_name(text, a.start):
        return _REJECT
    return "accept", a._replace(unit=hm.group(1), item=hm.group(1))


def compound_word(text: str, a: Amount):
    """'a four-cylinder engine': a number word glued to a modifier noun counts that noun."""
    compound = compound_noun(text, a.end) if a.words and text.startswith("-", a.end) else None
    if compound and compound[0] not in _TYPE_NAMES and not extras.in_title_name(text, a.start, a.end):
        return "accept", a._replace(unit=compound[0], item=compound[0])
    return None


def count_phrase(text: str, a: Amount):
    """'366 in favor': a fixed phrase names the unit (a vote count is a whole number)."""
    phrase = phrase_after(text, a.end) if not a.vague else None
    if phrase is None or (phrase[0] == "vote" and not float(a.value or 0).is_integer()):
        return None
    return "accept", a._replace(unit=phrase[0], noun_end=phrase[1])


def _noun_start(text: str, a: Amount) -> int:
    om = _OF.match(text, a.end) if a.vague else None
    return om.end() if om else a.end


def counted(text: str, a: Amount):
    """'80,000 155mm artillery rounds': the counted noun phrase after the number (not for a number that took
    the noun of the next one: "5 or 6 tanks")."""
    if a.borrowed:
        return None
    noun = counted_noun(text, _noun_start(text, a), one=a.value == 1 or a.digits.startswith("."))
    return ("keep", a._replace(item=noun[0], unit=noun[1], noun_end=noun[2])) if noun else None


def of_determiner(text: str, a: Amount):
    """'35m of its Echo devices', 'more than 40 of the most vulnerable countries', '80% (123,000) of people': a
    partitive counts the noun after "of" and a determiner. Not for one ("one of the largest donors" names no
    number of donors)."""
    if a.item is not None or a.vague or a.bounds is not None or (not a.scaled and (a.value or 0) < 2):
        return None
    if text.startswith(")", a.end) and not text[a.end + 1:a.end + 8].lstrip().startswith("of"):
        return None
    noun = noun_after_of(text, a.end)
    return ("keep", a._replace(item=noun[0], unit=noun[1], noun_end=noun[2])) if noun else None


def modifier_noun(text: str, a: Amount):
    """'a 12 page document': a singular modifier noun from ``extract/compound_nouns.txt``."""
    if a.item is not None or a.vague or a.bounds is not None or filters.is_year(a.value or 0, a.digits, 1000):
        return None
    compound = compound_noun(text, a.end)
    return ("accept", a._replace(unit=compound[0], item=compound[0], noun_end=compound[1])) if compound else None


def without_noun(text: str, a: Amount):
    """No noun: a scaled number stands alone ("2 million"); a range between big numbers, a level reached
    after a change, or a bare amount after "of"/"at"/"is" is a figure; anything else is not."""
    if a.item is not None or (a.scaled and not a.vague and a.bounds is None):
        return None
    if a.vague:
        return _REJECT
    if a.bounds is not None:
        return ("accept", a) if ranges.bare_range(text, a) else _REJECT
    got = amount.level(text, a) or amount.is_bare_amount(text, a)
    return ("accept", got) if got else _REJECT


def year_in_words(text: str, a: Amount) -> bool:
    """'in two thousand twenty-four': a year in words has tens or units ("two thousand" may count) and no noun.
    (Four digits from 1800 to 2100 without a separator are a year too: news style writes a count of a
    thousand or more with one, "2,000 troops"; that is the rule before the counted noun is read.)"""
    value = a.value or 0
    return a.words and a.item is None and 1900 <= value <= 2100 and value % 100 != 0


def speech(text: str, a: Amount) -> bool:
    """'we'll take one more question', 'two things': a count of things said in the conversation itself."""
    return a.unit is not None and a.unit in tables.cues("discourse_noun")


# a list goes on after the name: a comma, "and", a bracket, the end, or a line that opens another item
_NAME_AFTER = re.compile(
    r"[ \t\u00a0]++([A-Z][a-z]++)(?=[ \t\u00a0]*+(?:[,;(]|$|and\b|\n[ \t\u00a0]*+(?:[-*•\d]|\n|$)))"
)


def named(text: str, a: Amount):
    """'2,000 Javelin, 1,000 light anti-armor weapons', 'the 8,000 Javelin and 1,600 Stingers': in a list, a
    count of a hundred or more before the proper name of a system counts that system (a small number before a
    name is mostly a model: "iPhone 11 Pro and 11 Pro Max")."""
    if a.item is not None or not a.digits or a.bounds is not None or (a.value or 0) < 100:
        return None
    nm = _NAME_AFTER.match(text, a.end)
    if nm is None or calendar.is_date_word(nm.group(1)) or nm.group(1).lower() in tables.cues("time_zone"):
        return None  # "on 24 February", "at 5 Eastern": a date, a time
    name = nm.group(1)
    return "accept", a._replace(item=name, unit=singular(name) or name.lower(), noun_end=nm.end(1))
