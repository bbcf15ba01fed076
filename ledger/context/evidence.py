"""What a money figure's own words say about it: the cue attached to it, the verb that governs
it, and the cues of its clause and sentence.

A cue is *attached* when nothing but a few joining words stands between it and the figure:
"$275 million aid package", "$X in humanitarian assistance", "a package for Ukraine worth $X",
"a deficit of $X". Attached cues say what the money is; the clause's cues say what happens to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ledger.context.clauses import RESTATED, Clause
from ledger.context.cues import Cue, cues, is_container
from ledger.context.running_total import running_total
from ledger.context.sum_shapes import shared_perfect
from ledger.context.words import alternation, none_of

__all__ = ["Evidence", "evidence"]

#: Words that may stand between a figure and the noun it measures, after it: "$X in new aid",
#: "$X of additional funding", "$X worth of weapons" (up to four words, no punctuation; not "$X to
#: families", whose noun names who gets it).
_AFTER_GAP = re.compile(rf"^[\s)\]]*(?:{none_of('not_between_money_and_noun')}[\w'’.-]+\s+){{0,4}}$",
                        re.IGNORECASE)
_JOIN = (rf"(?:{alternation('joins_noun_to_amount')}|(?:{alternation('changes_from_to')})\s+(?:from|to)|"
         r"(?:has|have|had)\s+(?:been\s+)?(?:\w+\s+)?(?:expanded|increased|grown|risen)\s+(?:from|to))")
_QUALIFY = rf"(?:(?:{alternation('before_an_amount')})\s+)*"
#: ... and before it: "a deficit of $X", "a package for Ukraine worth nearly $X", "budget: $X",
#: "an additional $X" (a few words may stand between the noun and a joining word, none without one),
#: "frozen assets — $X" (an amount in apposition after a colon or a dash), "assets; that's over $X".
_BEFORE_GAP = re.compile(rf"^(?:(?:\s+[\w'’.-]+){{0,4}}?,?\s+{_JOIN}\s+{_QUALIFY}|\s*[:=—–]\s*{_QUALIFY}|"
                         rf"\s*[;,]\s+(?:that['’]s|that\s+is|which\s+is)\s+{_QUALIFY}|\s+{_QUALIFY})$", re.IGNORECASE)
# (a full stop after a capital letter, as in "U.S.", stops nothing)
_STOP = re.compile(rf"[,;:!?()\[\]—–]|\.(?!\w)(?<!\b[A-Z]\.)|\b(?:{alternation('clause_stops')})\b")
#: Words that may join two nouns of one phrase ("aid cut", "relief fund", "investment in new
#: factories" is not one: a preposition starts another phrase).
_COMPOUND = re.compile(rf"^\s*(?:{none_of('phrase_breaks')}[\w'’-]+\s+){{0,1}}$", re.IGNORECASE)
#: "allocation of", "package of new": a container noun and its content.
_CONTENT = re.compile(r"^\s+of\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
#: Up to three words (an auxiliary, an adverb) between a figure and the verb it is the subject of.
_NEAR_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}$")
#: At most one word between the figure and a cue after it ("$4 billion proposed", "a $100 billion boost").
_ONE_WORD_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?$")
#: ... or a comma and at most one word ("$474 million, now totaling", "$X received").
_NEXT_TO = re.compile(r"(?:\s*,)?\s+(?:[\w-]+\s+)?")
#: An article before a verb's word makes it a noun ("reached the cost 10 billion korunas").
_ARTICLE = re.compile(rf"\b(?:{alternation('articles')})\s+$", re.IGNORECASE)
#: A word in -ing that ends a phrase joined by "and" is a noun ("$3.2 billion in humanitarian assistance
#: funding and nearly $1.5 billion"): a verb of giving has its object after it.
_ING_NOUN = re.compile(r"ing\s+(?:and|or)\s(?![a-z]+ing\b)")
#: "commitment to invest": the infinitive that says what a pledge is for.
_TO_VERB = re.compile(r"\s+to\s+")
#: What ends a list that a part word opens.
_LIST_BREAK = re.compile(rf"[;:.!?()\[\]—–]|\b(?:{alternation('list_breaks')})\b")
#: "$2 billion that we have provided", "$1 billion in just the past year that we have sent": a relative
#: clause in the perfect, right after the amount (or after a period named right after it).
_RELATIVE_PERFECT = re.compile(r"\s+(?:(?:in|over|during)\s+(?:[\w-]+\s+){0,4}?)?(?:that|which)\s+"
                               r"(?:[\w'’.]+\s+){1,3}?(?:has|have|had|['’]ve)\s+(?:\w+\s+){0,2}?\w+", re.IGNORECASE)
#: "has provided", "have already sent", "has been spent", "having provided": a perfect tense of giving.
_PERFECT = re.compile(r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bshould\s)(?<!\bcould\s)\b(?:has|have|had|['’]ve|having)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:been\s+)?$", re.IGNORECASE)
#: "$X has been disbursed", "the $2 billion the U.S. has donated": after the figure, a perfect is its own
#: in the passive or a relative clause; "$X ... and we have provided $Y" is another statement's.
_PASSIVE = re.compile(r"\bbeen\s+$")
_ANOTHER_STATEMENT = re.compile(rf",|;|\b(?:{alternation('statement_joiners')})\b")
#: How far (characters) a verb before a figure may stand and still govern it ("is providing an
#: additional $X").
_VERB_REACH = 40
_NOUNS = frozenset(("aid", "budget", "other", "spend"))
#: "new", "additional": words that make an amount a new one, whatever the tense of its verb.
#: A speaker's aside set off by a dash ("contribute up to — I believe it's 35 billion euros"): no clause break.
_ASIDE = re.compile(rf"[—–]\s*(?:{alternation('speaker_asides')})\s*[—–,]?", re.IGNORECASE)
_NEW = re.compile(rf"\b(?:{alternation('new_amount')})\b(?!\s+(?-i:[A-Z]))", re.IGNORECASE)  # not "New Zealand"
_NEW_REACH = 25
_IN_NEW = re.compile(r"\s+(?:in|of)\s+(?:[\w-]+\s+)?(?:new|additional|further|fresh)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Cues around one money figure."""

    own: Cue | None  # the noun cue attached to the figure (aid, budget, other, spend)
    verb: Cue | None  # the give/spend/other verb right before the figure ("providing $X")
    clause: tuple[Cue, ...]  # the cues of the figure's clause, nearest first
    before: tuple[Cue, ...]  # the cues of the clause before the figure, nearest first
    lead: tuple[Cue, ...]  # the cues since the previous amount of money (a wider "before")
    after: tuple[Cue, ...]  # the cues right after the figure, up to the first comma or stop
    sentence: tuple[Cue, ...]  # every cue of the sentence, nearest first
    perfect: Cue | None  # a perfect tense of giving in the clause ("has provided")
    text: str = ""  # the sentence
    at: int = 0  # where the figure starts in it
    end: int = 0  # where it ends

    def has(self, cls: str, where: str = "clause") -> Cue | None:
        """The nearest cue of class ``cls`` in ``where`` (clause, before, after, sentence)."""
        return next((c for c in getattr(self, where) if c.cls == cls), None)

    def reaching(self, cls: str) -> Cue | None:
        """The nearest cue of class ``cls`` before the figure with no clause break between them
        ("including up to $X", not "including section 621 (FAA), I hereby direct ... $X"); the
        commas of a list do not break it ("it includes counter-drone equipment, ..., 80,000 rounds")."""
        for c in self.before:
            if c.cls == cls and not _LIST_BREAK.search(self.text, c.end, self.at):
                return c
        return None

    def inside_after(self) -> Cue | None:
        """ "There's $60 billion-plus in there for Ukraine", "$2 billion in the bill": an amount said to be
        inside something named before it is a part of that."""
        return next((c for c in self.after if c.cls == "part" and c.value == "in"
                     and _NEAR_AFTER.match(self.text[self.end:c.start])), None)

    def given_after(self) -> Cue | None:
        """A verb of giving right after the figure, its subject ("$5 million was disbursed",
        "$X will go to Kyiv"), not a verb further on ("$10 trillion in terms of adding to ...")."""
        for c in self.after:
            if c.cls in ("give", "purpose") and _NEAR_AFTER.match(self.text[self.end:c.start]):
                return c
        return None

    def right_after(self, c: Cue) -> bool:
        """Cue ``c`` follows the figure with at most one word between them ("$4 billion proposed")."""
        return _ONE_WORD_AFTER.match(self.text[self.end:c.start]) is not None

    def next_to(self, c: Cue) -> bool:
        """Cue ``c`` follows the figure with a comma and at most one word between them ("$474 million, now
        totaling"), or one word or none ("$X received")."""
        return _NEXT_TO.fullmatch(self.text, self.end, c.start) is not None

    def between(self, a: Cue, b: Cue) -> str:
        """The words of the sentence between two of its cues."""
        return self.text[a.end:b.start]

    def values(self, cls: str, where: str = "sentence") -> tuple[str, ...]:
        return tuple(c.value for c in getattr(self, where) if c.cls == cls)

    def new_amount(self) -> bool:
        """ "an additional $500 million", "$1 billion in new assistance": an amount said to be new."""
        return bool(_NEW.search(self.text, max(0, self.at - _NEW_REACH), self.at) or _IN_NEW.match(self.text, self.end))

    def total(self) -> Cue | None:
        """The word that makes the figure a running total, or None (see :mod:`running_total`)."""
        return running_total(self)


def _after_start(cl: Clause) -> int:
    """Where the figure's own words after it begin (past a bracketed restatement)."""
    m = RESTATED.match(cl.text, cl.end)
    return m.end() if m else cl.end


def _attached_after(found: tuple[Cue, ...], cl: Clause, start: int, stop: re.Match[str] | None) -> Cue | None:
    limit = stop.start() if stop else len(cl.text)
    nouns = [c for c in found if c.start >= start and c.end <= limit and c.cls in _NOUNS and c.value != "verb"]
    if not nouns or not _AFTER_GAP.match(cl.text[start:nouns[0].start]):
        return None
    phrase = [nouns[0]]  # "$10 billion aid cut", "a $550 billion investment pledge": one noun phrase
    for c in nouns[1:]:
        if not _COMPOUND.match(cl.text[phrase[-1].end:c.start]):
            break
        phrase.append(c)
    # its head says what the money is ("aid cut" is a cut), unless the head only holds money
    # ("package", "pledge", "fund"): then the word before it does ("investment pledge")
    head = next((c for c in reversed(phrase) if not is_container(c)), phrase[0])
    if is_container(head):  # "a $2 billion package of tax cuts": a container's content decides
        content = next((c for c in nouns if c.start > head.end), None)
        if content is not None and _CONTENT.match(cl.text[head.end:content.start]) and not is_container(content):
            return content
    return head


def _attached_before(found: tuple[Cue, ...], cl: Clause) -> Cue | None:
    lo = cl.at - len(cl.before)
    for c in reversed(found):
        if lo <= c.start and c.end <= cl.at and c.cls in _NOUNS and c.value != "verb":
            return c if _BEFORE_GAP.match(cl.text[c.end:cl.at]) else None
    return None


def _committed_to(found: tuple[Cue, ...], own: Cue | None, text: str) -> Cue | None:
    """ "a $600 billion commitment to invest in the United States": a pledge to invest or to buy is
    that investment or purchase."""
    if own is None or own.cls != "aid":
        return own
    nxt = next((c for c in found if c.start >= own.end), None)
    if nxt is not None and (nxt.cls == "spend" or nxt.cls == "other" and nxt.value == "verb") and _TO_VERB.fullmatch(
            text[own.end:nxt.start]):
        return nxt
    return own


def _governing_verb(found: tuple[Cue, ...], cl: Clause) -> Cue | None:
    lo = max(0, cl.at - len(cl.before), cl.at - _VERB_REACH)
    verbs = [c for c in found if lo <= c.start and c.end <= cl.at
             and (c.cls in ("give", "spend") or c.cls == "other" and c.value == "verb")
             and not _ARTICLE.search(cl.text, max(0, c.start - 8), c.start)  # "the cost", "a request": nouns
             and not _ING_NOUN.match(cl.text, c.end - 3)]
    if not verbs or _STOP.search(_ASIDE.sub("", cl.text[verbs[-1].end:cl.at])):
        return None
    return verbs[-1]


def _perfect(found: tuple[Cue, ...], cl: Clause, after_end: int) -> Cue | None:
    """A perfect tense of giving before the figure or right after it ("$X has been disbursed", "the
    $2 billion that we have provided")."""
    lo = cl.at - len(cl.before)
    relative = _RELATIVE_PERFECT.match(cl.text, cl.end)
    if relative:
        after_end = max(after_end, relative.end())
    for c in found:
        before = lo <= c.start and c.end <= cl.at
        after = cl.end <= c.start and c.end <= after_end and (
            relative is not None and c.end <= relative.end() or _PASSIVE.search(cl.text, max(0, c.start - 12), c.start)
            or not _ANOTHER_STATEMENT.search(cl.text, cl.end, c.start))
        if c.cls == "given" and (before or after) and _PERFECT.search(cl.text, max(0, c.start - 40), c.start):
            return c
    return shared_perfect(found, cl.text, cl.at)  # "has donated 65 million doses ... and invested $94 million"


def _near(c: Cue, cl: Clause) -> int:
    return min(abs(c.start - cl.end), abs(cl.at - c.end))


def evidence(cl: Clause, item_cues: tuple[Cue, ...] = ()) -> Evidence:
    """The cues around the figure of clause ``cl``; ``item_cues`` are the cues of its item phrase,
    which say what the money is when nothing is attached to it. What the clause's own words say is
    read once per clause; the item's cues only fill ``own`` when nothing else does."""
    ev = cl.memo.get("evidence")
    if ev is None:
        ev = cl.memo["evidence"] = _read(cl)
    if ev.own is not None:
        return ev
    own = next((c for c in item_cues if c.cls in _NOUNS and c.value != "verb"), None)
    return ev if own is None else replace(ev, own=own)


def _read(cl: Clause) -> Evidence:
    """The cues around the figure of clause ``cl``, from its own words alone."""
    found = cues(cl.text)
    start = _after_start(cl)
    stop = _stop_after(cl.text, start)
    own = _committed_to(found, _attached_after(found, cl, start, stop) or _attached_before(found, cl), cl.text)
    if own is None:  # "$2 trillion spent there": a participle right after the money says what it is
        own = next((c for c in found if c.cls == "spend" and c.value == "verb" and c.start >= cl.end
                    and not cl.text[cl.end:c.start].strip()), None)
    hi = cl.end + len(cl.after)
    after_end = min(hi, stop.start() if stop else hi)
    by_near = tuple(sorted(found, key=lambda c: _near(c, cl)))
    return Evidence(own, _governing_verb(found, cl), *_places(by_near, cl, after_end), by_near,
                    _perfect(found, cl, after_end), cl.text, cl.at, start)


#: "the Emergency Plan for AIDS Relief (PEPFAR) over the last 21 years": an acronym in brackets after a name is
#: part of the name, no break of the phrase after the amount.
_ACRONYM = re.compile(r"\(\s*[A-Z][A-Za-z0-9.&-]{1,11}\s*\)")


#: "$13.6 billion — just to give a little bit of context there — of security assistance ... since": an aside
#: between two dashes (no amount, comma or stop inside) interrupts the phrase after the amount, it does not end it.
_DASHED_ASIDE = re.compile(r"[—–][^—–.,;:!?$€£]{1,100}?[—–]")


def _stop_after(text: str, start: int) -> re.Match[str] | None:
    """The first stop after ``start`` that is not the bracket of an acronym nor the dash of an aside."""
    stop = _STOP.search(text, start)
    while stop is not None and (skip := _ACRONYM.match(text, stop.start()) if stop.group() == "(" else
                                _DASHED_ASIDE.match(text, stop.start()) if stop.group() in "—–" else None):
        stop = _STOP.search(text, skip.end())
    return stop


def _places(by_near: tuple[Cue, ...], cl: Clause, after_end: int) -> tuple[tuple[Cue, ...], ...]:
    """The cues of the clause, before the figure, since the previous amount and right after it (nearest
    first), sorted out in one pass."""
    lo, hi, at, end = cl.at - len(cl.before), cl.end + len(cl.after), cl.at, cl.end
    lead_lo = min(lo, cl.lead)
    clause, before, lead, after = [], [], [], []
    for c in by_near:
        if lo <= c.start and c.end <= hi:
            clause.append(c)
        if c.end <= at:
            if lo <= c.start:
                before.append(c)
            if lead_lo <= c.start:
                lead.append(c)
        if end <= c.start and c.end <= after_end:
            after.append(c)
    return tuple(clause), tuple(before), tuple(lead), tuple(after)
