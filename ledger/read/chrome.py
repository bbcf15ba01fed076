"""Remove page chrome (menus, teasers, sidebars, captions, bylines, footers) from scraped text.

Rules are data (``ledger/data/read_chrome.tsv``) applied line by line, plus one structural
rule for sidebars: inside a block (lines with no blank line between them), a short
title-case section header followed only by headline-like lines is a list of other stories.
"""
from __future__ import annotations

import re

from ledger.read.clean import normalise_space
from ledger.read.markers import ChromeRules, chrome_rules
from ledger.read.markup import strip_markup

__all__ = ["strip_chrome", "clean_markup"]

_SHORT_LINE = 300
_HEADER_ZONE = 6  # menus are looked for in the first lines only
_DATE_TOKEN = re.compile(r"^(?:date|\d{1,4}(?:[-/.]\d{1,2}){1,2}[-/.]?\d{0,4}|[|/•·>»-])$", re.I)
_SENTENCE_END = (".", ",", ";", ":", "”", '"')


def clean_markup(text: str) -> str:
    """White space and markup clean-up without chrome removal."""
    return normalise_space(strip_markup(normalise_space(text)))


def strip_chrome(text: str) -> str:
    """The article lines of a plain or markdown page scrape, chrome removed, markup flattened.

    Keeps every article sentence; removes menus, teasers ("ALSO READ | …", "Read more"),
    sidebars of other headlines, photo captions, file sizes, bylines and timestamps,
    comment sections and disclaimers, share/follow bars, donation footers, tag lists.
    """
    rules = chrome_rules()
    text = clean_markup(text)
    if not text:
        return text
    text = rules.inline.sub("", text) if _has_inline_candidate(text) else text
    lines = _filter_lines(text.split("\n"), rules)
    lines = _drop_sidebars(lines)
    return normalise_space("\n".join(lines))


def _has_inline_candidate(text: str) -> bool:
    return "B" in text or "A+" in text or "b " in text


def _filter_lines(lines: list[str], rules: ChromeRules) -> list[str]:
    out: list[str] = []
    skipping_block = False
    for index, line in enumerate(lines):
        line = line.strip()
        if not line:
            skipping_block = False
            out.append("")
            continue
        if skipping_block:
            continue
        if rules.cut_rest.fullmatch(line):
            break
        if rules.drop_block.match(line):
            skipping_block = True
            continue
        if _is_chrome_line(line, index, rules):
            continue
        out.append(line)
    return out


def _is_chrome_line(line: str, index: int, rules: ChromeRules) -> bool:
    if rules.drop_line.match(line):
        return True
    if len(line) <= _SHORT_LINE and rules.drop_short_line.search(line):
        return True
    return _is_word_bar(line, index, rules)


def _is_word_bar(line: str, index: int, rules: ChromeRules) -> bool:
    """A share bar ("facebook twitter whatsapp") anywhere, or a menu ("Home World") near the top."""
    if len(line) > 120:
        return False
    words = line.lower().split()
    if len(words) >= 2 and all(w in rules.social_words for w in words):
        return True
    if index >= _HEADER_ZONE:
        return False
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
