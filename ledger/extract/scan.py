"""Step 1 of the extractor: find every number in a text in one pass of the master pattern.

A number is digits ("1,300", "20 000", "19.3", ".500"), a currency marker and digits ("$5",
"EUR500"), a signed amount ("-3.2%"), number words ("twenty-five", "a dozen"), a fraction ("a third")
or a vague amount ("hundreds"). URLs, clock times and numeric dates are skipped whole. Every pattern
is linear on hostile input: alternations of literals written as tries, possessive repetition, and
lookbehinds that stop a scan from restarting inside a token.
"""
from __future__ import annotations

import functools
import re

from ledger.extract import money, numbers, tables
from ledger.extract.candidate import Number
from ledger.extract.space import GAP, GAP1, SPACE, WS  # noqa: F401 (the space inside a figure, for all steps)
from ledger.text.trie import alternation

DIGITS = (
    r"\d{1,3}(?:,\d{3})++(?:\.\d+)?+(?![\d,]\d)"  # 1,300 / 19,300.5
    r"|\d{1,3}(?:[ \u00a0]\d{3})++(?![\d])"  # 20 000
    r"|\d++(?:\.\d++)?+"  # 1700 / 19.3
    r"|\.\d++(?![.,]\d)"  # .500 (a leading-dot decimal: "a .500 record")
)
# things read whole and skipped: URLs, clock times, numeric dates
_SKIP = (
    r"(?P<skip>https?://[^\s)\]>\"']*+|www\.[^\s)\]>\"']++"
    r"|(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?+(?:\s?[AaPp]\.?[Mm]\.?)?+"  # clock times
    r"|(?<![\w.])\d{4}[-/.]\d{1,2}[-/.]\d{1,4}"  # 2022-12-10, 2022/03/16
    r"|(?<![\w.])\d{1,2}/\d{1,2}/\d{2,4}"  # 19/01/2023
    r")"
)


@functools.cache
def pre_currency_alt() -> str:
    """Currency markers written before a number; three-letter codes also in lower case ("usd 20")."""
    markers = [m for m, _c, pos in tables.currencies() if pos in ("pre", "both")]
    codes = [m for m in markers if m.isalpha() and len(m) == 3 and m.isupper()]
    return alternation(markers) + "|(?i:" + alternation(codes) + ")"


@functools.cache
def number_word_alt() -> str:
    return alternation(tables.number_words())


def _first_chars(words) -> str:
    """A character class of the first characters of ``words`` in both cases: a cheap gate that lets the
    regex engine leave a branch at its first character (the branches begin with lookbehinds)."""
    chars = {w[0] for w in words if w} | {w[0].upper() for w in words if w} | {w[0].lower() for w in words if w}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _words_branch() -> str:
    nw = number_word_alt()
    first = alternation(w for w, (_v, c) in tables.number_words().items() if c in ("unit", "teen", "ten"))
    scale = alternation(w for w, (_v, c) in tables.number_words().items() if c in ("scale", "hundred", "dozen"))
    return (
        rf"(?P<words>(?:a{WS}++{scale}(?![\w-])|{first})(?:(?:{GAP1}|-|{WS}++and{WS}++)(?:{nw}))*+)(?![\w])"
    )


@functools.cache
def master() -> re.Pattern[str]:
    """Single pass over a text: things to skip, then candidate numbers (digits, words, vague words)."""
    vague = alternation(tables.vague()).replace(r"\ ", r"\s+")
    fractions = alternation(tables.fractions()).replace(r"\ ", r"[- \t\u00a0]++")
    money_num = rf"(?<![A-Za-z0-9])(?P<pre>{pre_currency_alt()})(?P<presp>{GAP})(?P<neg>-)?+(?P<pnum>{DIGITS})"
    # "sub-300 sq m", "her now-18 month-old": a prefix glued by a hyphen still leaves a number
    plain_num = rf"(?:(?<![\w.,/:#@+=_$€£¥₹-])|(?<=(?<![\w-])(?i:sub|now)-))(?P<num>{DIGITS})"
    # "-3.2%", "-5 yards", "minus-130 degrees": a signed amount (a figure only with a tail)
    signed = rf"(?<![\w.,/:#@+=_$€£¥₹-])(?P<sign>[-+−]|(?i:minus)[- \u00a0])(?P<snum>{DIGITS})(?![\d/])"
    frac = rf"(?P<frac>{fractions})(?![\w-])"  # inside the number words' branch (same first letters)
    vague_g = rf"(?<![\w-])(?P<vague>(?i:{vague}))(?![\w-])"
    gate_money, gate_vague, gate_words = _gates()
    return re.compile(
        rf"(?={gate_money}){money_num}|(?=[hHwW\d]){_SKIP}|(?=\.?\d){plain_num}|(?=[-+−]|[mM][iI][nN]){signed}"
        rf"|(?={gate_vague}){vague_g}|(?={gate_words})(?i:(?<![\w-])(?:{frac}|{_words_branch()}))"
    )


@functools.cache
def _gates() -> tuple[str, str, str]:
    """The first characters of money markers, vague words and number words (character classes)."""
    return (_first_chars(m for m, _c, pos in tables.currencies() if pos in ("pre", "both")),
            _first_chars(tables.vague()), _first_chars(["a", *tables.number_words()]))


#: Letters that case-insensitive matching also takes for an ASCII letter (Python's ``re``: "İ", "ı", "ſ", "K").
_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
#: How many first characters of a phrase the gate reads.
_GATE_DEPTH = 3


def _class(ch: str) -> str:
    """A character class for one character of a phrase, as the branches match it case ignored."""
    if ch == " ":
        return r"[\s\-]"  # a space inside a phrase matches white space; in a fraction also a hyphen
    if not ch.isalpha():
        return re.escape(ch)
    return "[" + re.escape(ch.lower()) + re.escape(ch.upper()) + _FOLDS.get(ch.lower(), "") + "]"


def _gate_tree(phrases) -> dict:
    """The phrases' first characters as a tree (lower case; a prefix ends at a space or at the depth)."""
    root: dict = {}
    for p in phrases:
        node = root
        for i, ch in enumerate(p[:_GATE_DEPTH]):
            if node.get("") is not None:
                break  # a shorter prefix already lets anything after it through
            last = ch == " " or i == min(len(p), _GATE_DEPTH) - 1
            node = node.setdefault(ch.lower(), {})
            if last:
                node.clear()
                node[""] = {}
                break
    return root


def _render_gate(node: dict) -> str:
    if "" in node:
        return ""
    return "(?:" + "|".join(_class(k) + _render_gate(child) for k, child in sorted(node.items())) + ")"


@functools.cache
def _any_gate() -> str:
    """What every branch of :func:`master` needs first: a digit, a point, a sign or a currency symbol, or the
    first three characters of a currency marker, a vague amount, a fraction, a number word, "a " before a scale
    word, a URL or "minus" (both cases: a superset of what each branch takes). A position no branch can start
    at is left after this test, not after six: "the", "and", "in" or "for " no longer reach the branches."""
    markers = [m for m, _c, pos in tables.currencies() if pos in ("pre", "both")]
    first = [w for w, (_v, c) in tables.number_words().items() if c in ("unit", "teen", "ten")]
    phrases = {*markers, *tables.vague(), *tables.fractions(), *first, "a ", "http", "www", "minus"}
    symbols = sorted({p[0] for p in phrases if not p[0].isalpha()})
    tree = _gate_tree(p for p in phrases if p[0].isalpha())
    letters = [c + _render_gate(child) for low, child in sorted(tree.items()) for c in (low, low.upper())]
    return r"[\d.\-+−" + "".join(map(re.escape, symbols)) + "]|" + "|".join(letters)


@functools.cache
def scanner() -> re.Pattern[str]:
    """:func:`master` behind one non-word character: a pattern that begins with a character class lets the
    regex engine skip fast to the next candidate position (every figure starts at a word boundary)."""
    return re.compile(r"[^A-Za-z0-9_](?=" + _any_gate() + ")(?:" + master().pattern + ")")


def next_match(text: str, pos: int) -> re.Match[str] | None:
    """The master pattern's next match at or after ``pos`` (a match may begin one character before ``pos``:
    the scanner's leading non-word character)."""
    if pos == 0:
        m = master().match(text)
        if m:
            return m
    return scanner().search(text, max(pos - 1, 0))


def number(m: re.Match[str]) -> Number | None:
    """The number of a match (None for a skipped URL, date or time, and for "PS4", a console)."""
    if m.group("skip") is not None:
        return None
    if m.group("pnum") is not None:
        return _money_number(m)
    if m.group("num") is not None:
        return Number(m.start("num"), m.end(), numbers.parse_digits(m.group("num")), m.group("num"))
    if m.group("snum") is not None:  # "+0.2%", "-1.3%", "minus-5 yards"
        sign = 1.0 if m.group("sign") == "+" else -1.0
        return Number(m.start("sign"), m.end(), sign * numbers.parse_digits(m.group("snum")), m.group("snum"),
                      signed=True)
    if m.group("frac") is not None:
        frac = tables.fractions()[" ".join(m.group("frac").lower().replace("-", " ").split())]
        return Number(m.start("frac"), m.end(), frac, words=True, fraction=frac)
    if m.group("vague") is not None:
        phrase = " ".join(m.group("vague").lower().split())
        return Number(m.start("vague"), m.end(), None, vague=phrase, bounds=tables.vague()[phrase])
    return words_number(m.group("words"), m.start("words"))


def _money_number(m: re.Match[str]) -> Number | None:
    digits = m.group("pnum")
    if m.group("pre") == "PS" and "," not in digits and not _scale_follows(m.string, m.end()):
        return None  # "PS" is an ASCII-folded "£" only before a scaled or comma-grouped amount ("PS4" is a console)
    value = numbers.parse_digits(digits) * (-1.0 if m.group("neg") else 1.0)  # "$-50.8bn"
    return Number(m.start("pre"), m.end(), value, digits, currency=money.pre_code(m.group("pre"), "$"))


def _scale_follows(text: str, end: int) -> bool:
    from ledger.extract import patterns

    return patterns.scale().match(text, end) is not None


def words_number(phrase: str, start: int) -> Number | None:
    """A number written in words ("twenty-five", "two million") at ``start``; None when no valid prefix."""
    parsed = numbers.parse_words(phrase)
    if parsed is None:
        return None
    value, length = parsed
    scales = tables.scale_words()
    scaled = any(w.strip("-") in scales for w in phrase[:length].lower().split())
    return Number(start, start + length, value, words=True, scaled=scaled)


@functools.cache
def bare_number() -> re.Pattern[str]:
    """A number (optionally with a currency marker) anchored where the second bound of a range starts."""
    nw = number_word_alt()
    words = rf"(?i:(?<![\w-])(?P<words>(?:{nw})(?:(?:{WS}++|-)(?:{nw}))*+)(?![\w-]))"
    return re.compile(rf"(?P<pre>{pre_currency_alt()})?+{WS}?(?:(?P<num>{DIGITS})|{words})")
