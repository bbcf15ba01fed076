"""One regular expression for many literal phrases, written as a character trie.

Python's ``re`` tries every branch of a flat alternation ("Ukraine|United States|...")
at every position of a text. The same phrases written as a trie start with a branch
of single characters, which ``re`` turns into a character-set prefix: the search then
skips ahead with a fast scan to the positions where some phrase can begin, and at each
of them follows one path of the trie. Greedy optional groups keep the longest phrase
first, so matches are the same as with the longest-first flat alternation.

In a phrase, a space matches any run of white space and ``*`` any word ending.
"""
from __future__ import annotations

import re

_END = ""


def _token(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "*":
        return r"\w*"
    return re.escape(ch)


def _insert(root: dict, phrase: str) -> None:
    node = root
    for ch in phrase:
        node = node.setdefault(_token(ch), {})
    node[_END] = {}


def _render(node: dict) -> str:
    alts = [tok + _render(child) for tok, child in sorted(node.items()) if tok != _END]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if _END in node:
        return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")?"
    return body


def trie_pattern(phrases, *, not_after: str) -> str:
    """A pattern matching any of ``phrases`` not preceded by a character of class ``not_after``.

    ``not_after`` is a character class such as ``[\\w.-]``; the check is written after the
    first character so that the pattern still starts with a plain character branch.
    """
    root: dict = {}
    for p in phrases:
        if p:
            _insert(root, p)
    guard = f"(?<!{not_after}.)"
    alts = [tok + guard + _render(child) for tok, child in sorted(root.items()) if tok != _END]
    return "(?:" + "|".join(alts) + ")"
