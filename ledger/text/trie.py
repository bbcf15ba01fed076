"""One regular expression for many literal phrases, written as a character trie.

Python's ``re`` tries every branch of a flat alternation ("Ukraine|United States|...")
at every position of a text. The same phrases written as a trie start with a branch
of single characters, which ``re`` turns into a character-set prefix: the search then
skips ahead with a fast scan to the positions where some phrase can begin, and at each
of them follows one path of the trie. Greedy optional groups keep the longest phrase
first, so matches are the same as with the longest-first flat alternation.

In a phrase given to :func:`trie_pattern`, a space matches any run of white space and ``*`` any
word ending; :func:`alternation` takes its phrases literally.
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


def _insert(root: dict, phrase: str, token=_token) -> None:
    node = root
    for ch in phrase:
        node = node.setdefault(token(ch), {})
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


def _literal(ch: str) -> str:
    return re.escape(ch)


def _literal_spaced(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def alternation(phrases, *, spaces: bool = False) -> str:
    """A pattern matching any of the literal ``phrases`` (longest first), written as a trie; ``""`` when
    there is none. Used where the phrases are pieces of a larger pattern (currency markers, number words,
    units). ``spaces``: a space in a phrase matches any run of white space."""
    root: dict = {}
    token = _literal_spaced if spaces else _literal
    for p in set(phrases):
        if p:
            _insert(root, " ".join(p.split()) if spaces else p, token)
    return _render(root)
