"""Reference tables of the read stage (``ledger/data/read/``), compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ledger import data
from ledger.text import calendar


@dataclass(frozen=True)
class ChromeRules:
    #: matched at a line's start; the named group says what to do (cut: drop the rest; block: drop
    #: to the next blank line; line: drop the line; social: share bar)
    line_start: re.Pattern[str]
    #: first 1-3 lower-case characters a line must begin with for ``line_start`` to be tried
    starts: frozenset[str]
    #: lower-case guard words of the short-line rules: where one is found, that line is checked
    short_guards: tuple[str, ...]
    drop_short_line: tuple[re.Pattern[str], ...]
    #: short-line rules for photo credits: the line goes, and the caption line right before it
    credit_line: tuple[re.Pattern[str], ...]
    inline: re.Pattern[str]
    menu_words: frozenset[str]
    social_words: frozenset[str]


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def _one_line(pattern: str) -> str:
    """Keep a line pattern inside its line: ``\\s`` → ``[ \\t]``."""
    return pattern.replace(r"\s", r"[ \t]")


def _expand(pattern: str) -> str:
    """``{MONTH}`` in a pattern: any month name or abbreviation (``text/calendar.tsv``)."""
    return pattern.replace("{MONTH}", calendar.MONTH_TITLE)


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """The chrome markers of ``read/chrome.tsv``, compiled into a few whole-text patterns."""
    by_rule: dict[str, list[str]] = {}
    guards: set[str] = set()
    starts: set[str] = set()
    for rule, pattern, *rest in data.rows("read/chrome.tsv"):
        by_rule.setdefault(rule, []).append(_expand(pattern))
        if rule in ("drop_short_line", "credit_line"):
            guard = [w for w in (rest[1] if len(rest) > 1 else "").split(",") if w]
            if not guard:
                raise ValueError(f"read/chrome.tsv: drop_short_line needs guard words: {pattern}")
            guards.update(guard)
        elif rule in ("drop_line", "drop_block", "cut_rest", "drop_headlines"):
            starts.update(w[:3] for w in (rest[1] if len(rest) > 1 else "").split(",") if w)
    social = _alternation([re.escape(w) for p in by_rule.get("social_word", []) for w in p.split("|")])
    line_start = (
        rf"(?:(?P<cut>(?:{_one_line(_alternation(by_rule.get('cut_rest', [])))})[ \t]*$)"
        rf"|(?P<block>{_one_line(_alternation(by_rule.get('drop_block', [])))})"
        rf"|(?P<headlines>(?:{_one_line(_alternation(by_rule.get('drop_headlines', [])))})[ \t]*$)"
        rf"|(?P<line>{_one_line(_alternation(by_rule.get('drop_line', [])))})"
        rf"|(?P<social>(?:{social})(?:[ \t]+(?:{social}))+[ \t]*$))"
    )
    words = lambda rule: frozenset(w for p in by_rule.get(rule, []) for w in p.split("|"))  # noqa: E731
    return ChromeRules(
        line_start=re.compile(line_start, re.IGNORECASE | re.MULTILINE),
        starts=frozenset(starts) | frozenset(w[:3] for w in words("social_word")),
        short_guards=tuple(sorted(guards)),
        drop_short_line=tuple(re.compile(p, re.IGNORECASE) for p in by_rule.get("drop_short_line", [])),
        credit_line=tuple(re.compile(p, re.IGNORECASE) for p in by_rule.get("credit_line", [])),
        inline=re.compile(_alternation(by_rule.get("inline", [])), re.IGNORECASE),
        menu_words=words("menu_word"),
        social_words=words("social_word"),
    )


@lru_cache(maxsize=1)
def date_tables() -> dict:
    """Month names (``text/calendar.tsv``), published/updated markers and "unknown" values
    (``read/dates.json``)."""
    return {**data.document("read/dates.json"), "months": calendar.months()}
