"""Figures seen from their sentences: the clause around each figure and the list it belongs to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ledger.context import parts
from ledger.model import Figure
from ledger.text.sentences import SentenceIndex

_WS_CHARS = "\n\r\t\f\v"
_HYPHENS = "\u2010\u2011"
#: Markdown a scraped page may keep: a link's text and address, bold or underlined emphasis.
_MD_LINK = re.compile(r"\[([^\[\]]{1,200})\]\(([^()\s]{1,500})\)")
_EMPHASIS = ("**", "__")
#: "- ", "1. ", "2) ", "(1) ", "(a) " and their markdown escapes ("\\(1\\) "): what opens a list's item.
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)]|\\?\((?:\d{1,2}|[a-z]|[ivx]{1,4})\\?\))\s+")
CONVERSION = re.compile(r"^\s*(?:\(|\[|or\s+|/\s*)\s*$")
#: An amount restated in brackets right after a figure ("NOK 45 million (USD 4.5 million)", "C$7.5 million
#: (US$5.6 million) to Fortune"): the figure's words go on after it.
RESTATED = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
#: How far back a list item looks for the sentence that opens its list.
_LIST_LOOKBACK = 40
#: "- Japan: Will contribute ...", "- Osprey Foundation: Committing ...": a list item that opens with a
#: name and a colon (the name's words, capitalised, "of"/"the"/"for"/"and" between), its text maybe on the next
#: line ("- BlackRock Foundation:" and "Commits $5 million ..." below it).
_ITEM_LABEL = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s+((?:[A-Z][\w&'’.-]*)(?:\s+(?:(?:of|the|for|and|&)\s+)?"
                         r"[A-Z][\w&'’.-]*){0,5})\s*:(?:\s|$)")
#: How many sentences an item may run to before its label is too far to speak for it.
_ITEM_REACH = 8


@dataclass(slots=True)
class Clause:
    """One figure seen from its sentence: words before/after it inside its clause."""

    sent: int
    at: int
    end: int
    before: str
    after: str
    text: str
    lead: int = 0  # where the words about this amount begin: the end of the previous amount of money
    #: what the context stage has read from this clause once (``evidence`` keeps its cues here)
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)


def flat(s: str) -> str:
    """Line breaks and tabs as spaces, Unicode hyphens ("full‑scale" with a non-breaking hyphen) as "-",
    and markdown markup as spaces ("**$10 million**", "[BlackRock Foundation](https://...)": the link's
    text stays), same length (str.replace: much faster than str.translate)."""
    for ch in _WS_CHARS:
        if ch in s:
            s = s.replace(ch, " ")
    for ch in _HYPHENS:
        if ch in s:
            s = s.replace(ch, "-")
    if "](" in s:
        s = _MD_LINK.sub(lambda m: f" {m.group(1)}{' ' * (len(m.group(2)) + 3)}", s)
    for mark in _EMPHASIS:
        if mark in s:
            s = s.replace(mark, "  ")
    return s


def clauses(text: str, figures: list[Figure], index: SentenceIndex) -> list[Clause]:
    """The clause of every figure: from the previous figure of its sentence to the next one."""
    sents = [index.index_of(f.start) for f in figures]
    out = []
    line, line_of, lead = "", -1, 0
    for i, f in enumerate(figures):
        s0, s1 = index.spans[sents[i]]
        if sents[i] != line_of:
            line, line_of, lead = flat(text[s0:s1]), sents[i], 0
        lo = figures[i - 1].end - s0 if i and sents[i - 1] == sents[i] else 0
        j = i + 1
        while (j < len(figures) and sents[j] == sents[i]
               and CONVERSION.match(text[figures[j - 1].end:figures[j].start])):
            j += 1  # "NOK1.2 billion (US$111 million) in 2023": the clause goes on after the conversion
        hi = figures[j].start - s0 if j < len(figures) and sents[j] == sents[i] else len(line)
        at, end = f.start - s0, f.end - s0
        out.append(Clause(sents[i], at, end, line[max(0, lo):at], line[end:max(end, hi)], line, lead))
        if f.kind == "money":
            lead = end
    return out


@dataclass(slots=True)
class ListIndex:
    """Which list (if any) each sentence of a text belongs to, computed on demand and memoised."""

    index: SentenceIndex
    _lead: dict[int, str | None] = field(default_factory=dict)
    _item: dict[int, bool] = field(default_factory=dict)
    _opens: dict[int, bool] = field(default_factory=dict)
    _para: dict[int, bool] = field(default_factory=dict)

    def _is_item(self, j: int) -> bool:
        hit = self._item.get(j)
        if hit is None:
            hit = self._item[j] = _LIST_ITEM.match(self.index.sentence(j)) is not None
        return hit

    def _is_lead_in(self, j: int) -> bool:
        hit = self._opens.get(j)
        if hit is None:
            hit = self._opens[j] = parts.is_lead_in(self.index.sentence(j)) and not self._is_item(j)
        return hit

    def _starts_paragraph(self, j: int) -> bool:
        if j == 0:
            return True
        hit = self._para.get(j)
        if hit is None:  # (asked again by every later sentence of the paragraph)
            gap = self.index.text[self.index.spans[j - 1][1]:self.index.spans[j][0]]
            hit = self._para[j] = _BLANK_LINE.search(gap) is not None
        return hit

    def new_topic(self, prev: int, sent: int) -> bool:
        """Whether sentence ``sent`` opens a topic of its own after sentence ``prev``: a blank line
        between them (a new paragraph), or ``sent`` opens a list's item."""
        spans = self.index.spans
        return _BLANK_LINE.search(self.index.text, spans[prev][1], spans[sent][0]) is not None or self._is_item(sent)

    def item_label(self, sent: int) -> str | None:
        """The label of the list item a sentence belongs to ("Japan" of "- Japan: Will contribute $X.
        Pledges to contribute $Y."), or None: the item's first sentence, back to a paragraph break."""
        j = sent
        while j >= 0 and j > sent - _ITEM_REACH:
            if self._is_item(j):
                m = _ITEM_LABEL.match(flat(self.index.sentence(j)))
                return " ".join(m.group(1).split()) if m else None
            if self._starts_paragraph(j):
                return None
            j -= 1
        return None

    def lead_in(self, sent: int) -> str | None:
        """The lead-in sentence ("The package includes:") of the list a sentence belongs to.

        A list item may run over several sentences ("- Masks: 15 million N95 masks. They protect ...");
        its later sentences belong to the same list.
        """
        if sent not in self._lead:
            self._lead[sent] = self._find_lead_in(sent)
        return self._lead[sent]

    def _find_lead_in(self, sent: int) -> str | None:
        in_list = self._is_item(sent)
        j = sent
        while j > 0 and j > sent - _LIST_LOOKBACK:
            if self._is_lead_in(j - 1):
                return self.index.sentence(j - 1) if in_list or j == sent else None
            if not self._is_item(j) and self._starts_paragraph(j):
                return None  # a paragraph that is no list item: not inside a list
            j -= 1
            in_list = in_list or self._is_item(j)
        return None
