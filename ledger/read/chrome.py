"""Remove page chrome (menus, teasers, sidebars, captions, bylines, footers) from scraped text.

Rules are data (``ledger/data/read/chrome.tsv``) applied line by line, plus one structural
rule for sidebars: inside a block (lines with no blank line between them), a short
title-case section header followed only by headline-like lines is a list of other stories.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ledger.read.clean import normalise_space
from ledger.read.markers import ChromeRules, chrome_rules
from ledger.read.markup import strip_markup

__all__ = ["strip_chrome", "clean_markup"]

_SHORT_LINE = 300
_HEADER_ZONE = 6  # menus are looked for in the first lines only
_DATE_TOKEN = re.compile(r"^(?:date|\d{1,4}(?:[-/.]\d{1,2}){1,2}[-/.]?\d{0,4}|[|/•·>»-])$", re.I)
_SENTENCE_END = (".", ",", ";", ":", "”", '"')


def clean_markup(text: str, *, normalised: bool = False) -> str:
    """White space and markup clean-up without chrome removal (``normalised``: white space
    already normalised by :func:`normalise_space`)."""
    return normalise_space(strip_markup(text if normalised else normalise_space(text)))


def strip_chrome(text: str, *, normalised: bool = False) -> str:
    """The article lines of a plain or markdown page scrape, chrome removed, markup flattened.

    Keeps every article sentence; removes menus, teasers ("ALSO READ | …", "Read more"),
    sidebars of other headlines, photo captions, file sizes, bylines and timestamps,
    comment sections and disclaimers, share/follow bars, donation footers, tag lists.
    ``normalised``: the caller already ran :func:`normalise_space` (saves one pass).
    """
    rules = chrome_rules()
    text = clean_markup(text, normalised=normalised)
    if not text:
        return text
    text = _strip_inline(text, rules)
    lines = _filter_lines(text, rules)
    text = "\n".join(_drop_sidebars(lines))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


_INLINE_HINTS = ("A+", "MB", "KB", "GB", "kB")


def _strip_inline(text: str, rules: ChromeRules) -> str:
    """Apply the inline rules to the lines holding a hint ("MB", "A+"...) only."""
    spans: set[tuple[int, int]] = set()
    for hint in _INLINE_HINTS:
        hit = text.find(hint)
        while hit >= 0:
            start = text.rfind("\n", 0, hit) + 1
            end = text.find("\n", hit)
            end = len(text) if end < 0 else end
            spans.add((start, end))
            hit = text.find(hint, end)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        parts += [text[pos:start], " ".join(rules.inline.sub("", text[start:end]).split())]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _flag_lines(text: str, rules: ChromeRules) -> dict[int, str]:
    """Line-start offsets of chrome lines in ``text`` → what to do (cut, block, line, social)."""
    flags: dict[int, str] = {}
    for hit in _guard_hits(text, rules.short_guards):
        start = text.rfind("\n", 0, hit) + 1
        if start in flags:
            continue
        end = text.find("\n", hit)
        line = text[start:] if end < 0 else text[start:end]
        if len(line) <= _SHORT_LINE and any(p.search(line) for p in rules.drop_short_line):
            flags[start] = "line"
        elif len(line) <= _SHORT_LINE and any(p.search(line) for p in rules.credit_line):
            flags[start] = "credit"
    return flags


def _guard_hits(text: str, guards: tuple[str, ...]) -> Iterator[int]:
    """Offsets where a guard word occurs, at most once a line per word (case-insensitive;
    ``str.find`` is far faster than a regex)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for word in guards:
        hit = low.find(word)
        while hit >= 0:
            yield hit
            line_end = low.find("\n", hit)  # one hit a line is enough
            if line_end < 0:
                break
            hit = low.find(word, line_end)


def _filter_lines(text: str, rules: ChromeRules) -> list[str]:
    flags = _flag_lines(text, rules)
    out: list[str] = []
    skipping = ""  # "block": to the next blank line; "headlines": while lines read as headlines
    offset = 0
    for index, line in enumerate(text.split("\n")):
        start, offset = offset, offset + len(line) + 1
        if skipping == "headlines" and not (_is_headline(line) or line.strip() in _SEPARATORS):
            skipping = ""
        if not line.strip():
            skipping = ""
            out.append("")
            continue
        action = flags.get(start) or _line_start_action(line, rules)
        if skipping or action == "line" or action == "social":
            continue
        if action == "cut":
            break
        if action in ("block", "headlines"):
            skipping = action
            continue
        if action == "credit":
            _drop_caption(out)
            continue
        if index < _HEADER_ZONE and _is_menu(line, rules):
            continue
        out.append(line)
    return out


_SEPARATORS = frozenset("-–—*•|")


def _drop_caption(out: list[str]) -> None:
    """A photo credit follows its caption: the line before it goes too when it is short and no sentence
    ("Dim view: Google was hit by a stronger dollar" above "Peter Power/Reuters")."""
    if out and out[-1].strip() and len(out[-1]) <= _SHORT_LINE and not out[-1].rstrip().endswith(_SENTENCE_END):
        out.pop()


def _line_start_action(line: str, rules: ChromeRules) -> str | None:
    head = line[:3].lower()
    starts = rules.starts
    if head in starts or head[:2] in starts or head[:1] in starts:
        match = rules.line_start.match(line)
        if match:
            return match.lastgroup or "line"
    return None


def _is_menu(line: str, rules: ChromeRules) -> bool:
    """A menu ("Home World", "date 2022-12-10 Home World") near the top of a page."""
    tokens = line.split()
    return all(
        _DATE_TOKEN.match(t) or (t.lower() in rules.menu_words and not t[0].islower()) for t in tokens
    ) and any(t.lower() in rules.menu_words for t in tokens)


def _is_section_header(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 4 or line.endswith(_SENTENCE_END) or any(c.isdigit() for c in line):
        return False
    return all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha())


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 25 or line.endswith(_SENTENCE_END):
        return False
    first = line[0]
    return first.isalpha() and first.isupper()


def _drop_sidebars(lines: list[str]) -> list[str]:
    """Cut a block from a section header on when every following line of it is a headline."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        out.extend(_cut_sidebar(block))
        out.append("")
        block = []
    return out


def _cut_sidebar(block: list[str]) -> list[str]:
    if len(block) < 3:
        return block
    tail = len(block)  # block[tail:] are all headlines
    while tail > 0 and _is_headline(block[tail - 1]):
        tail -= 1
    for j in range(max(tail - 1, 0), len(block) - 2):
        if _is_section_header(block[j]):
            return block[:j]
    return block
