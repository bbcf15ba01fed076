"""The aid frame of a money figure: its cues, its giver and recipient, its neighbours — read
into a :class:`~ledger.context.money_role.MoneyFrame` and decided by the role rules."""
from __future__ import annotations

import datetime as _dt
import functools
import re

from ledger.context.actors import SELF, Candidates
from ledger.context.clauses import Clause
from ledger.context.decision import Decision
from ledger.context.document import DocumentFrame
from ledger.context.evidence import Evidence
from ledger.context.mentions import actor_cue_alternation
from ledger.context.money_frame import FOREIGN_AID, MODEST, SMALL, TINY
from ledger.context.money_role import MoneyFrame, money_role
from ledger.context.named import COUNTED_COUNTRIES
from ledger.context.words import alternation
from ledger.model import Figure
from ledger.text.gazetteer import actors_in, country_of_state, kind_of

__all__ = ["many_places", "money_decision", "praised", "readiness"]


#: "in 2023", "during 2022", "in FY 2023", "In Fiscal Year (FY) 2021" (a whole year; "in January 2021" names a
#: month of it; "in 2024 prices" and "in FY2023 funds" name no time, but the money's vintage).
_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Ff]or)\s+(?:(?:FY|[Ff]iscal\s+[Yy]ear(?:\s+\(FY\))?)\s*)?"
                      r"((?:19|20)\d\d|(?<=FY)\d\d|(?<=FY\s)\d\d)\b(?!\s*[-–/])"  # "In FY23": FY and two digits
                      rf"(?!\s+(?:{alternation('year_vintage_nouns')}))"
                      r"|\b[Ll]ast\s+(?:fiscal\s+)?year\b(?!['’]s)")  # "last year": the year before the text's
#: How far after the amount "last year" is its time ("$13 billion in humanitarian funding last year"; not
#: "$6.1 million to the initiative announced at COP28 last year").
_LAST_YEAR_REACH = 40
#: Words that end the figure's own phrase: a year after them belongs to the next clause.
_BREAK = re.compile(r"[,;:]|\b(?:and|but|while)\b")
#: What may stand before a year that opens a clause after another amount: a comma or a conjunction.
_OPENS = re.compile(r"(?:[,;:]|\b(?:and|but|while|then))\s*$", re.IGNORECASE)
#: "From 2022 to 2023", "between 2019 and 2021": a span of past years, whose amount is its total.
_PAST_SPAN = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+((?:19|20)\d\d)\s+(?:to|and|through|until)\s+((?:19|20)\d\d)\b")
#: "from 2023 to 2028", "2024-2027", "through 2030", "by 2025".
_PERIOD_END = re.compile(r"\b(?:(?:19|20)\d\d\s*(?:-|–|to|through|until)\s*|(?:[Bb]y|[Tt]hrough|[Uu]ntil)\s+)"
                         r"((?:19|20)\d\d)\b")
#: "over the next five years", "in the next 4 years", "during the next decade": years to come.
_NEXT_YEARS = re.compile(rf"\b(?:over|in|during|for|within)\s+the\s+(?:next|coming)\s+"
                         rf"(?:(?:{alternation('counted_years')}|\d+)\s+years|decade)\b", re.IGNORECASE)
#: "an increase of $X", "cut by $X": the figure is the size of a change.
#: "$200 billion more than Europe": the size of a difference between two amounts.
_DIFFERENCE = re.compile(rf"^\s*(?:{alternation('comparatives')})\s+than\b", re.IGNORECASE)
_CHANGE = re.compile(rf"\b(?:{alternation('change_nouns')})s?\s+(?:of|by)\s+(?:\w+\s+){{0,2}}$|"
                     rf"\b(?:{alternation('change_verbs')})\s+(?:[\w'’-]+\s+){{0,3}}?by\s+(?:\w+\s+){{0,2}}$",
                     re.IGNORECASE)
_CHANGE_END = re.compile(r"\s(?:of|by)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


#: "in the United States", "into America": where money goes, right before a place.
_INTO = re.compile(r"\b(?:in|into)\s+(?:the\s+)?$")


def _into(text: str, home: str | None) -> bool:
    """The clause names ``home`` as where money goes ("investments ... in the United States")."""
    return home is not None and _named_as_place(text, (home,), _INTO, 12)


def _named_as_place(text: str, names: tuple[str | None, ...], before: re.Pattern[str], reach: int) -> bool:
    """One of ``names`` is named in ``text`` right after ``before`` (within ``reach`` characters): as a place."""
    return any(m.canonical in names and before.search(text, max(0, m.start - reach), m.start)
               for m in actors_in(text))


def _changed(before: str) -> bool:
    """ "an increase of", "cut by" right before the figure; the end every match has is looked for first (the
    change words are tried at every position of a search)."""
    return _CHANGE_END.search(before) is not None and _CHANGE.search(before) is not None


def _years(cl: Clause, pattern: re.Pattern[str]) -> list[int]:
    window = cl.before + " " + cl.text[cl.at:cl.end + len(cl.after)]
    return [int(y) for y in pattern.findall(window)]


def _nearest_year(cl: Clause) -> list[str]:
    """The "in YEAR" of the figure (empty when none): right after it in its clause ("pledged $150 million
    in 2023"), else the nearest before it, unless that one ends the phrase of an amount before ("$100
    million to Ukraine in 2022 and has pledged $150 million"): a year opens a clause or a sentence."""
    after = [m.group(1) for m in _IN_YEAR.finditer(cl.text, cl.end, cl.end + len(cl.after))
             if not _BREAK.search(cl.text, cl.end, m.start())  # not "$15 billion in aid and, in 2024, we ..."
             and (m.group(1) or m.start() - cl.end <= _LAST_YEAR_REACH)]  # "last year" close to the amount
    if after:
        return after[:1]
    first = cl.at - len(cl.before) == 0
    before = [m for m in _IN_YEAR.finditer(cl.before) if first or _OPENS.search(cl.before, 0, m.start())]
    return [before[-1].group(1)] if before else []


def _year(y: str) -> int:
    """A year as written: "2023", or "23" of "FY23" (this century's)."""
    return int(y) + (2000 if len(y) == 2 else 0)


def _past_year(cl: Clause, published: _dt.date | None) -> str | None:
    if published is None:
        return None
    years = [_year(y) if y else published.year - 1 for y in _nearest_year(cl)]  # the year nearest the amount
    past = [y for y in years if y < published.year]  # names its time ("Following the 2021 loan, in 2024 DFC
    # committed $X"); "last year" is the year before the text's ("We sent Ukraine more last year — $650 million")
    if years and not past:
        return None
    if past:
        return f"in {past[0]}"
    spans = [(a, b) for a, b in _PAST_SPAN.findall(cl.before + " " + cl.text[cl.at:cl.end + len(cl.after)])
             if int(b) < published.year]  # "From 2022 to 2023, the U.S. provided more than $22 million"
    return f"from {spans[0][0]} to {spans[0][1]}" if spans else None


def _future_period(cl: Clause, published: _dt.date | None) -> str | None:
    if published is None:
        return None
    ends = [y for y in _years(cl, _PERIOD_END) if y > published.year]
    return f"until {ends[0]}" if ends else None


#: "Wildfire Preparedness", "fire mitigation efforts", "to upgrade PR-2 highway": readiness for disasters or
#: improvements, not relief after one.
_READINESS = re.compile(rf"\b(?:{alternation('disaster_readiness')}|{alternation('improvements')})\b", re.IGNORECASE)


def readiness(text: str) -> bool:
    """The text speaks of readiness for disasters (prevention, mitigation, resilience): programmes, not relief."""
    return _READINESS.search(text) is not None


def _years_to_come(text: str) -> str | None:
    coming = _NEXT_YEARS.search(text)
    return coming.group(0) if coming else None


#: "per household", "each family", "individual assistance of up to $X": an amount each person gets.
_PER_PERSON = re.compile(rf"\b(?:{alternation('per_person_phrases')})\b", re.IGNORECASE)


@functools.cache
def _agency(cls: str) -> re.Pattern[str]:
    """The agencies of one cue class, as written: ``agency_abroad`` gives abroad by its mandate ("USAID",
    "Power Africa"), ``agency_at_home`` works at home ("HHS", "Department of Transportation")."""
    names = actor_cue_alternation(cls, space=r"\ ")
    return re.compile(rf"(?<![\w.-])(?:{names})(?![\w-])")


@functools.lru_cache(maxsize=4096)
def _agencies_named(text: str) -> tuple[bool, bool]:
    """Whether the sentence names an agency whose mandate is abroad, and one whose mandate is at home
    (read once per sentence, however many figures it holds)."""
    return _agency("agency_abroad").search(text) is not None, _agency("agency_at_home").search(text) is not None


def _home_of(giver: str, doc: DocumentFrame) -> str | None:
    """The country a giver is at home in: itself, or the publisher's for an organisation the gazetteer does not
    know ("Samsung has committed $17 billion ... to build a semiconductor facility in Texas", in a US release)."""
    return doc.home if kind_of(giver) is None else giver


def _state_at_home(giver: str | None, getter: str | None, doc: DocumentFrame) -> bool:
    """The getter is a state or territory of the giver's home country ("awarded $3.9 million to Alaska"); with
    no home known (a firm's money in a text with no publisher), nothing is at home."""
    home = _home_of(giver, doc) if giver is not None else None
    return home is not None and country_of_state(getter) == home


def _at_home_only(text: str) -> bool:
    """The sentence names an agency whose mandate is at home and none whose mandate is abroad ("through
    USTDA and the Department of Transportation" is aid)."""
    abroad, home = _agencies_named(text)
    return home and not abroad


#: "in 75 countries", "around the world": money said to go to many places has no one getter.
_MANY_PLACES = re.compile(rf"\b(?:{alternation('many_places')})\b|{COUNTED_COUNTRIES}", re.IGNORECASE)


#: "globally competitive", "globally recognized": a quality, not where money goes.
_GLOBAL_QUALITY = re.compile(r"\bglobally\s+\w+(?:ive|ed|ing|ent|ant)\b", re.IGNORECASE)
#: "to end global hunger", "global health security": aid for the world (lower case: not "the Global Fund").
_GLOBAL = re.compile(r"\bglobal(?:ly)?\b")


@functools.lru_cache(maxsize=4096)
def many_places(sentence: str, *, world: bool = False) -> bool:
    """The sentence says its money goes to many places ("in 75 countries", "around the world"): it is
    spent abroad; with ``world``, also aid for the whole world ("to end global hunger"): it has no one
    getter (but "a global leader investing at home" is not spent abroad)."""
    sentence = _GLOBAL_QUALITY.sub(" ", sentence)
    return _MANY_PLACES.search(sentence) is not None or world and _GLOBAL.search(sentence) is not None


#: "in America", "across the United States": a country named as a place.
_IN_PLACE = re.compile(r"\b(?:in|across|throughout|within)\s+(?:the\s+)?$", re.IGNORECASE)


def _abroad_only(text: str, ev: Evidence, home: tuple[str | None, ...]) -> bool:
    """Money said to go to many places ("in 30 countries") with no word of home: the giver's own country
    named, or a home word that can only mean home ("a commitment of $300 billion of investment in America and
    around the world")."""
    explicit = any(c.cls == "home" and c.value == "explicit" for c in ev.sentence)  # ("communities" may be abroad)
    return many_places(text) and not explicit and not _named_as_place(text, home, _IN_PLACE, 15)


#: "to Canadian farmers", "in the Australian defence industrial base": where a getter is named.
_GETTER_SLOT = re.compile(r"\b(?:to|in|into|for|on)\s+(?:the\s+)?$", re.IGNORECASE)
#: "the federal government", "in government funds": one government (the publisher's), not several givers.
_ONE_GOVERNMENT = re.compile(r"\bgovernment\b", re.IGNORECASE)
_TO_ITSELF_REACH = 60


def to_itself(ev: Evidence, giver: str | None) -> bool:
    """The first country or region named after the amount, where its getter goes, is the giver itself
    ("Canada will provide $500 million to Canadian farmers", "AUD 30 billion in the Australian defence
    industrial base"): a government spending at home; not one inside the money's own noun phrase, which
    names its owner ("$2.76 billion in U.S. government funding")."""
    text, end = ev.text, ev.end
    first = next((m for m in actors_in(text) if m.start >= end and m.kind in ("country", "region")), None)
    return (giver is not None and first is not None and first.canonical == giver
            and not (ev.own is not None and first.start < ev.own.start)
            and first.start - end <= _TO_ITSELF_REACH and not re.search(r"[.;:]", text[end:first.start])
            and _GETTER_SLOT.search(text, end, first.start) is not None)


#: "the national effort to welcome Afghan refugees", "where everyone is welcome": welcoming people is no praise.
_HOSPITALITY = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation('welcomed_people')})\b", re.IGNORECASE)
_IS_WELCOME = re.compile(r"\b(?:is|are|be|been|feel)\s+$", re.IGNORECASE)


def praised(ev: Evidence) -> bool:
    """A government that welcomes or applauds an amount speaks of someone else's money (not one that welcomes
    people: "to welcome Afghan refugees")."""
    return any(c.cls == "praise" and not (_HOSPITALITY.match(ev.text, c.end) or _IS_WELCOME.search(
        ev.text, max(0, c.start - 8), c.start)) for c in ev.before)


def _under(fig: Figure, bound: float) -> bool:
    """The amount (its upper end, for a range) is under ``bound`` units of its currency."""
    top = fig.value if fig.value is not None else fig.high
    return top is not None and top < bound


def _small(fig: Figure) -> bool:
    """The amount is under :data:`SMALL` units of its currency."""
    return _under(fig, SMALL)


def _per_person(fig: Figure, text: str) -> bool:
    """Under :data:`MODEST` units, in a sentence that says the amount is each person's or household's."""
    return _under(fig, MODEST) and _PER_PERSON.search(text) is not None


def money_decision(fig: Figure, cl: Clause, cand: Candidates, doc: DocumentFrame, inherited: Decision | None,
                   ev: Evidence, published: _dt.date | None) -> Decision:
    """The role of money figure ``fig`` read from its evidence ``ev``."""
    others = praised(ev) and cand.subject in (None, SELF)  # "we welcome the $650 billion allocation"
    named = None if others and (not cand.explicit_donor or cand.donor.value == SELF) else cand.giver(doc)
    speaker = doc.publisher.speaks_for if doc.publisher is not None and not others else None
    # in a government's release, aid nobody else is named to give is its own (a firm's is not)
    getter_abroad = cand.foreign(doc)
    aid_abroad = getter_abroad or ev.own is not None and ev.own.cls == "aid" and ev.own.value in FOREIGN_AID
    giver = named or cand.giver_name or (None if cand.unknown_giver and not aid_abroad else doc.donor or speaker)
    agency_abroad = _agencies_named(cl.text)[0]
    foreign = getter_abroad or agency_abroad or _abroad_only(cl.text, ev, (giver, speaker)) or (
        cand.recipient.value is None and doc.recipient not in (None, speaker, named)
        and kind_of(doc.recipient) != "state")  # a release about Michigan is at home
    disaster = doc.disaster and not readiness(ev.text)  # (mitigation in a release about a disaster is no relief)
    frame = MoneyFrame(
        ev=ev, per=fig.per, change=fig.change is not None or _changed(cl.before)
        or _DIFFERENCE.match(cl.after) is not None,
        vague=fig.qualifier == "vague", small=_small(fig), tiny=_under(fig, TINY),
        per_person=_per_person(fig, cl.text), giver=giver,
        public_giver=cand.public_giver(doc) and not cand.unknown_giver or cand.group_giver,
        foreign=foreign, abroad=doc.abroad, humanitarian="humanitarian" in ev.values("aid", "clause") or disaster,
        named_giver=named is not None or cand.group_giver, getter=cand.recipient.value is not None,
        own_government=doc.home is not None and giver == speaker, publisher_home=doc.home is not None,
        place_abroad=any(m.kind in ("country", "region") and m.canonical not in (giver, speaker)
                         for m in actors_in(cl.text)),
        inherited=inherited, firm_giver=cand.firm_giver, unknown_giver=cand.unknown_giver,
        home_agency=_at_home_only(cl.text),
        past_year=_past_year(cl, published), future_period=_future_period(cl, published),
        years_to_come=_years_to_come(cl.text), aid_agency=agency_abroad,
        state_giver=cand.donor.rule == "named-in-sentence" and cand.donor_kind == "state",
        getter_at_home=_state_at_home(giver, cand.recipient.value, doc)
        or not cand.recipient.value and to_itself(ev, giver),
        attached_giver=cand.attached_giver,
        several_givers=cand.group_giver and not _ONE_GOVERNMENT.search(ev.text, 0, ev.at),
        to_an_institution=cand.recipient_kind == "institution",
        into_home=_into(cl.text, doc.home), budget_release=doc.budget, disaster_release=disaster, document=doc,
    )
    return money_role(frame)
