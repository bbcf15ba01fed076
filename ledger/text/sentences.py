"""A fast, rule-based sentence splitter for news and fact-sheet text.

Breaks come from three sources, all found in one linear pass:

* blank lines (paragraphs), and single line breaks that start a list item
  ("- ", "* ", "1. ") or end a line without final punctuation that is followed by
  a blank line or a list item (headlines, list lead-ins);
* sentence punctuation (". ", "? ", "! ", also after a closing quote or bracket)
  followed by an upper-case letter, a digit, a quote or a list marker, unless the
  word before the full stop is a known abbreviation ("U.S.", "Dec.", "No.", "Mr.")
  or a single capital letter (an initial);
* decimals ("19.3") never break because a break needs white space after the stop.

Spans are ``(start, end)`` offsets into the text, white space trimmed.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ledger import data
from ledger.text import calendar

ABBREVIATIONS = frozenset(data.entries("text/abbreviations.txt")) | calendar.abbreviations()

# A candidate break: end punctuation (+ closing quotes/brackets) then white space.
_STOP = re.compile(r"[.!?][\"'”’)\]*]*\s+(?=[\"'“‘(\[*]*[A-Z0-9$€£¥])")
_LINE = re.compile(r"\n")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·▪–—]|\d{1,2}[.)]|\\?#+)[ \t]+")
#: The characters a list item's marker starts with, besides digits (a cheap test before ``_LIST_ITEM``).
_MARKER_STARTS = "-*•·▪–—\\#"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    return word.lower().rstrip(".") in ABBREVIATIONS


def _line_breaks(text: str) -> list[int]:
    """Offsets where a new sentence starts because of the line structure: after a blank line, at a
    list item, after a bold heading line or a lead-in (one pass over the lines)."""
    starts: list[int] = []
    pos, prev_blank, before = 0, True, ""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or stripped == "\\":  # markdown hard break "\\" alone on a line
            prev_blank = True
        else:
            if prev_blank or before.endswith(("**", ":")) or (
                    stripped[0] in _MARKER_STARTS or stripped[0].isdigit()) and _LIST_ITEM.match(line):
                starts.append(pos + len(line) - len(line.lstrip()))
            prev_blank = False
        before = stripped  # (its end is the end of the line without trailing white space)
        pos += len(line) + 1
    return starts


def _sentence_starts(text: str) -> list[int]:
    starts = set(_line_breaks(text))
    for m in _STOP.finditer(text):
        if not _is_abbreviation(text, m.start()):
            starts.add(m.end())
    starts.add(0)
    return sorted(starts)


#: Longer runs without a break (tables, scraped junk, hostile text) are cut at white space, so the
#: per-figure work of the context stage stays bounded (no quadratic time on one endless "sentence").
#: On 206,535 real White House sentences, 34 are longer.
MAX_SENTENCE_CHARS = 2000


def _cut_long(text: str, s: int, e: int) -> list[int]:
    """Extra sentence starts inside ``text[s:e]`` so that no piece exceeds MAX_SENTENCE_CHARS."""
    cuts = []
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        ws = max(text.rfind(" ", s + 1, limit), text.rfind("\n", s + 1, limit))
        s = ws + 1 if ws > s else limit
        cuts.append(s)
    return cuts


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, in order, trimmed of white space."""
    starts = _sentence_starts(text)
    spans: list[tuple[int, int]] = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        for piece_start, piece_end in _pieces(text, s, e):
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > piece_start:
                spans.append((piece_start, piece_end))
    return spans


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    if e - s <= MAX_SENTENCE_CHARS:
        return [(s, e)]
    bounds = [s, *_cut_long(text, s, e), e]
    return list(zip(bounds, bounds[1:]))


class SentenceIndex:
    """Sentences of one text, located by offset in O(log n)."""

    __slots__ = ("text", "spans", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = split_sentences(text)
        self._starts = [s for s, _ in self.spans]

    def index_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the one before it in a gap)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]


@lru_cache(maxsize=4096)
def clean(sentence: str) -> str:
    """One-line form of a sentence: hard wraps and runs of spaces collapsed."""
    return " ".join(sentence.split())
