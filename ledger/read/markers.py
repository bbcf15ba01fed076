"""Reference tables of the read stage, loaded once from ``ledger/data/``."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class ChromeRules:
    drop_line: re.Pattern[str]
    drop_short_line: re.Pattern[str]
    drop_block: re.Pattern[str]
    cut_rest: re.Pattern[str]
    inline: re.Pattern[str]
    menu_words: frozenset[str]
    social_words: frozenset[str]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """The chrome markers of ``read_chrome.tsv``, compiled into one pattern per rule."""
    by_rule: dict[str, list[str]] = {}
    for line in (DATA / "read_chrome.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rule, pattern = line.split("\t")[:2]
        by_rule.setdefault(rule, []).append(pattern)
    words = lambda rule: frozenset(w for p in by_rule.get(rule, []) for w in p.split("|"))  # noqa: E731
    return ChromeRules(
        drop_line=_alternation(by_rule.get("drop_line", [])),
        drop_short_line=_alternation(by_rule.get("drop_short_line", [])),
        drop_block=_alternation(by_rule.get("drop_block", [])),
        cut_rest=_alternation(by_rule.get("cut_rest", [])),
        inline=_alternation(by_rule.get("inline", [])),
        menu_words=words("menu_word"),
        social_words=words("social_word"),
    )


@lru_cache(maxsize=1)
def date_tables() -> dict:
    """Month names, published/updated markers and "unknown" values (``read_dates.json``)."""
    return json.loads((DATA / "read_dates.json").read_text(encoding="utf-8"))
