"""The subject of the verb that governs a figure: who gives ("Australia announced its intention to
provide $13 million", "General Electric and Standard Bank will provide $80 million").

The subject is read back from the verb to the last clause break: the first actor of the gazetteer
(or "we") there is the giver ("KSrelief, WFP sign"; "We are encouraging Haiti ... and are
providing"), or the antecedent of a relative clause; a name that is no actor (a firm, a person) means
the giver is someone the ledger does not know — not the publisher; nothing named leaves the publisher
as the giver.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ledger.context.actor_patterns import org_nouns
from ledger.context.clause_breaks import clause_breaks
from ledger.context.cues import cues
from ledger.context.mentions import Actors, actor_cue_words
from ledger.context.org_names import (
    antecedent,
    definite,
    firm,
    firm_list,
    firm_noun,
    lone_giver,
    not_an_organisation,
    org_list,
    organisation,
)
from ledger.context.thanks import thanked_subject
from ledger.context.words import alternation
from ledger.text.calendar import MONTHS, WEEKDAYS
from ledger.text.gazetteer import LIST_JOINT, canonical_name

__all__ = ["Subject", "governed", "subject_of"]

#: "To support journalists in and around Ukraine, the United States is launching ...": a name governed by a
#: preposition of place or aim is no clause subject ("from" and "by" name givers and are read elsewhere).
_GOVERNED = re.compile(rf"\b(?:{alternation('place_prepositions')})\s+(?:the\s+)?$", re.IGNORECASE)
_GOVERNED_REACH = 20


def governed(text: str, start: int) -> bool:
    """Whether a preposition of place or aim governs the name starting at ``start`` ("around Ukraine")."""
    return _GOVERNED.search(text, max(0, start - _GOVERNED_REACH), start) is not None


#: "... and committed $4 million", "... and will also provide": a verb after "and" with no subject between;
#: after a comma (", and also"), a predicate with no subject of its own shares the subject of the one before it.
_AND_VERB = re.compile(rf"\s+and\s+(?:(?:{alternation('shared_predicate_words')})\s+){{0,3}}$", re.IGNORECASE)
_SHARED = re.compile("," + _AND_VERB.pattern, re.IGNORECASE)
#: "More than 30 countries", "Some 50 partners": a counted group that opens the clause is its subject.
_COUNTED_GROUP = re.compile(rf"\W*(?:(?:{alternation('bounds_of_a_sum')}|some|about)\s+)?\d+\s+(?:other\s+)?"
                            rf"(?:{alternation('counted_givers')})\b", re.IGNORECASE)
#: A phrase that opens a clause before its subject: "In Guatemala and Honduras, ...", "Like Japan, ...".
_OPENER = re.compile(rf"\s*(?:{alternation('clause_openers')})\b[^,;]{{1,120}},(?:\s*[A-Z][\w’' -]{{1,30}},)?")
#: A capitalised word that names someone ("General Electric"); sentence-initial function words,
#: titles and months do not.
_NAME = re.compile(rf"\b(?!(?:{alternation('no_name')}|{'|'.join(w.title() for w in (*WEEKDAYS, *MONTHS))})\b)"
                   r"[A-Z][\w&'’.-]+")
#: A name as written: capitalised words, with "of", "the", "&" and a bracketed acronym inside.
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:(?:of|the|for|and|&)\s+)?(?:\([A-Z][\w.&-]*\)|[A-Z][\w&'’.-]*))*")
#: "World Economic Forum (WEF)": the acronym in brackets after a name is no part of it.
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][\w.&-]*\)$")
#: A possessive inside a run of capitalised words: the name before it owns what the rest names ("The
#: Rockefeller Foundation's Global Vaccination Initiative commits $X": the foundation gives).
_OWNER_OF = re.compile(r"['’]s\s")
#: Verbs whose subject gets the money.
_RECEIVE = re.compile(r"receiv|got\b|gets\b|obtain", re.IGNORECASE)
#: "Corteva, an agriscience": a name, then the start of an apposition that says what it is.
_APPOSED = re.compile(r"\b[A-Z][\w&'’.-]*[*_]*\s*,\s+(?:a|an|the|one\s+of)\b[^,]{0,60}$")
#: Between two givers of one subject: "and", maybe after an aside in commas ("X, subject to notification, and Y").
_JOINT_GAP = re.compile(r"(?:\s*,[^,;]{1,60})?\s*,?\s+and\s+(?:the\s+)?")
#: What joins the names of a list of givers ("The United States, Canada, the Republic of Korea, and Spain").
_LIST_GAP = re.compile(LIST_JOINT)
#: "totaling $504 million, with Benin and Niger contributing an additional $15 million each": after "with", the
#: name before a gerund of giving is its subject (an absolute clause), not the main clause's subject.
_WITH = re.compile(r"\bwith\s+(?=[^,;:()]{1,80}$)", re.IGNORECASE)
_GERUND = re.compile(rf"(?:{alternation('giving_gerunds')})\b", re.IGNORECASE)
#: ", with Canada to provide up to CAD 250 million": after a comma, "with" and the names before an infinitive of
#: giving make an absolute clause too.
_COMMA_WITH = re.compile(r",\s*" + _WITH.pattern, re.IGNORECASE)
#: A firm word in lower case and in the plural ("companies", "banks"; not "business", nor "Business" in a name).
_PLURAL = re.compile(r"[a-z ]*(?:[^s\W]s|ies)")
#: Only auxiliaries and adverbs between an actor and its verb: the actor is the verb's subject.
_AUXILIARIES = re.compile(rf"\s+(?:(?:{alternation('between_subject_and_verb')})\s+){{1,3}}", re.IGNORECASE)
_WHICH = re.compile(r"\b(?:which|who)\b")
#: Between an antecedent and its relative pronoun: a bracketed acronym or a noun or two ("Fund (CERF),
#: which", "the G7 grouping, which").
_ANTECEDENT_GAP = re.compile(r"^\s*(?:\([^)]{1,20}\))?(?:\s+[a-z][\w-]*){0,2}\s*$")
#: At most one word between a possessive and the verb it owns ("the EU's approval", "Norway's new pledge").
_ADJACENT = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?")
#: The actor right before an infinitive of giving gives ("an agreement by G7 leaders to provide
#: $X", "the G7 commitment to mobilize $X", "the EU's pledge to lend").
_INFINITIVE_OWNER = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}to\s")
#: A relative clause between an actor and the verb: "CERF, which has allocated $X".
_RELATIVE = re.compile(r"^[^.;]{0,80}?(?:,\s*|\s)(?:which|who)\s+(?:[\w-]+\s+){0,3}$")


@dataclass(frozen=True, slots=True)
class Subject:
    actor: str | None  # the giver named as the subject (canonical, or "@self" for "we")
    unknown: bool  # a name that is no actor stands as the subject: the giver is not the publisher
    name: str | None = None  # that name as written ("Argidius Foundation")
    group: bool = False  # several givers named together ("the partners agreed to lend $X")
    firm: bool = False  # that name is a firm's ("Woodside Energy Group", "Chobani, a yogurt giant,")
    start: int = 0  # where the subject's clause begins (an actor named after it is inside the subject)
    thanked: bool = False  # the giver is thanked for giving ("We thank Japan for its pledge to provide $X")
    lone: bool = False  # the name is one word used alone ("Reckitt committed"): a person's, if the text says so
    unnamed: bool = False  # firms or an organisation the text leaves unnamed give ("Korean companies", "The
    # foundation" with no name before): not the publisher
    refers: str | None = None  # the noun of a definite description that takes up a name ("The foundation")
    members: tuple[str, ...] = ()  # their names, where the subject names them
    givers: frozenset[str] = frozenset()  # actors that give together ("with Canada and 15 countries contributing")
    pair: tuple[str, ...] = ()  # the two actors joined as the subject ("The United States and Kenya announced")
    verb: int | None = None  # where the verb it is the subject of starts, when a later verb shares it


def subject_of(actors: Actors, verb_at: int | None, document: str = "", at: int = -1) -> Subject:
    """The subject of the verb starting at ``verb_at`` in the sentence ``actors`` was read from; a name used
    alone is no organisation's where the ``document`` shows it is a person's, a common noun's or a place's; a
    definite description ("The foundation") takes up a name the ``document`` writes before ``at``, where the
    sentence begins."""
    subject = _subject_of(actors, verb_at)
    if subject.refers is not None:  # "The foundation announced": the name it takes up, else nobody named
        name = antecedent(document, at, subject.refers)
        known = canonical_name(name) if name else None
        return Subject(known, False) if known else Subject(
            None, True, name, firm=name is not None and firm(name, ""), start=subject.start, unnamed=name is None,
            refers=subject.refers)
    names = subject.members or ((subject.name or "",) if subject.lone else ())
    return Subject(None, False) if any(not_an_organisation(document, n) for n in names) else subject



def _subject_of(actors: Actors, verb_at: int | None) -> Subject:
    if verb_at is None:
        return Subject(None, False)
    text = actors.text
    if _RECEIVE.match(text, verb_at):
        return Subject(None, False)  # "CSOs received $X", "the mine, which received $X": the subject gets it
    breaks = clause_breaks(text, verb_at, actors.donors)  # ("The United States, Canada, ..., and Spain are")
    start = breaks[-1].end() if breaks else 0
    opener = _OPENER.match(text, start, verb_at)  # "In Guatemala and Honduras, USDA will provide"
    if opener:  # (an actor between commas after an opening phrase that ends with no name is the subject: "Since
        comma = text.find(",", start, opener.end())  # 2022, USAID, through ...,"; not "During her trip to Warsaw,
        named = any(comma < m.start < opener.end() for m in actors.donors)  # Poland,")
        start = comma + 1 if named and not text[start:comma].split()[-1][:1].isupper() else opener.end()
    gerund = _GERUND.match(text, verb_at) is not None  # "with Benin and Niger contributing $X": whatever side the
    with_ = _WITH.search(text, max(0, start - 5), verb_at) if gerund else None  # names seemed on (", with" may
    if with_ is None and (text.startswith("to ", verb_at) or text.endswith("to ", 0, verb_at)):  # ", with Canada to
        with_ = _COMMA_WITH.search(text, max(0, start - 8), verb_at)  # provide $X" (not "working with Japan to")
    if with_ is not None:  # have broken the clause right before them)
        return _with_subject(actors, with_.end(), verb_at) or _subject_in(actors, [], with_.end(), verb_at)
    if breaks and breaks[-1].start() > 0 and _SHARED.fullmatch(text, breaks[-1].start(), verb_at):
        return _subject_of(actors, breaks[-1].start())  # "Saudi Arabia voted ..., and also pledged $X"
    first = _first_verb(text, start, verb_at)
    if first is not None:  # "Heifer committed $1 million ... through USAID's initiative and committed $4 million"
        return replace(_subject_of(actors, first), verb=first)
    return _subject_in(actors, breaks, start, verb_at, opener is not None and start == opener.end())


def _first_verb(text: str, start: int, verb_at: int) -> int | None:
    """Where the clause's first verb of giving starts, when the verb at ``verb_at`` follows "and" with no
    subject of its own: both share that verb's subject."""
    m = _AND_VERB.search(text, start, verb_at)
    return None if m is None else next(
        (c.start for c in cues(text) if c.cls == "give" and start <= c.start and c.end <= m.start()), None)


def _with_subject(actors: Actors, start: int, verb_at: int) -> Subject | None:
    """The actors of an absolute clause ("with Benin and Niger contributing"): one gives, several give together."""
    names = {m.canonical for m in (*actors.donors, *actors.recipients) if start <= m.start and m.end <= verb_at}
    if not names:
        return None
    several = len(names) > 1 or _group().search(actors.text, start, verb_at)  # "with the United States and more
    return Subject(None, False, group=True, givers=frozenset(names)) if several else Subject(names.pop(), False)


def _subject_in(actors: Actors, breaks: list[re.Match[str]], start: int, verb_at: int, opened: bool = False
                ) -> Subject:
    """The subject in the clause from ``start`` to the verb at ``verb_at`` (``opened``: after an opening phrase)."""
    text = actors.text
    antecedent = _antecedent(actors, breaks, start, verb_at)
    if antecedent is not None:
        return Subject(antecedent, False)
    if _COUNTED_GROUP.match(text, start, verb_at):  # "More than 30 countries ... have committed $X"
        return Subject(None, False, group=True)
    named = [m for m in actors.donors if start <= m.start and m.end <= verb_at]
    if not named and (noun := definite(text[start:verb_at])) is not None:  # "The foundation announced"
        return Subject(None, True, None, start=start, refers=noun)
    firms = firm_noun(text, named[-1].end if named else start, verb_at)  # (not the "Bank" of "World Bank")
    firms = None if firms and any(m.start <= firms.start() < m.end for m in actors.recipients) else firms
    if firms and not _APPOSED.search(text, start, firms.start()):  # "Korean companies have invested" (not
        return Subject(None, True, None, firm=True, start=start,  # "Corteva, an agriscience company,"): no name
                       unnamed=_PLURAL.fullmatch(firms.group(0)) is not None)
    if named:
        thanked = thanked_subject(named, text, verb_at)
        return Subject(thanked, False, thanked=True) if thanked else _named_subject(named, text, verb_at)
    span = text[start:verb_at]
    if members := firm_list(span):  # "Oracle and OpenAI and SoftBank are committing $X": firms, none named alone
        return Subject(None, True, None, firm=True, start=start, unnamed=True, members=members)
    if members := org_list(span):  # "the Mastercard Foundation and Mastercard pledged": several organisations
        return Subject(None, True, None, firm=all(firm(n, "") for n in members), start=start, unnamed=True,
                       members=members)
    if _group().search(_subject_part(span)):
        return Subject(None, False, group=True)
    if text[verb_at:verb_at + 1].isupper() and "," in span:  # "Task Force Briefed on Drought, Forms Working
        return Subject(None, False)  # Group to Provide Relief, Announces $X": a Title Case headline of several acts
    return _unknown_name(text, span, start, verb_at, "" if opened else text[max(0, start - 8):start])


def _unknown_name(text: str, span: str, start: int, verb_at: int, prior: str) -> Subject:
    """A name in the subject's ``span`` (from ``start``) that no actor of the gazetteer is: an organisation
    ("Argidius Foundation", "Pantaleon, a sugar company,"), one used alone ("Reckitt"), or a noun that names
    several givers ("The Fund announced"); ``prior`` is the end of the sentence before the clause."""
    for m in _NAME.finditer(span):
        run = _NAME_RUN.match(span, m.start())
        name = _OWNER_OF.split(_ACRONYM_AFTER.sub("", " ".join((run.group(0) if run else m.group(0)).split())))[0]
        m = run or m  # what follows the whole name says what it is ("World Economic Forum (WEF), an NGO,")
        if name in org_nouns():  # "The Fund announced", "Philanthropies have committed": a noun alone
            return Subject(None, False, group=True)  # names no giver to stand by, nor the publisher
        is_firm = firm(name, span[m.end():])
        if is_firm or organisation(name, span[m.end():]):  # ("LGM Pharma announced": a firm's name)
            return Subject(None, True, name, firm=is_firm, start=start)
        if lone_giver(name, span[:m.start()], span[m.end():], prior, text[verb_at:]):
            return Subject(None, True, name, start=start, lone=True)  # "Reckitt committed $147 million"
    return Subject(None, False)


#: "JA Worldwide, one of the world's largest youth-serving NGOs, will commit": an apposition says what the
#: subject is; "the President is bringing together key partners ... and announcing": from the last auxiliary
#: on, the words are the predicate's ("action is needed as the federal government has" keeps its subject).
#: Neither names givers of the subject.
_APPOSITION = re.compile(r",\s+(?:one\s+of|a|an|the)\b[^,;]{0,80},")
_AUXILIARY = re.compile(rf"\b(?:{alternation('predicate_auxiliaries')})\s")


def _subject_part(span: str) -> str:
    """The words of a clause before its verb that can name its subject: no apposition, nothing from the
    last auxiliary on."""
    span = _APPOSITION.sub(",", span)
    starts = [m.start() for m in _AUXILIARY.finditer(span)]
    return span[:starts[-1]] if starts else span


def _antecedent(actors: Actors, breaks: list[re.Match[str]], start: int, verb_at: int) -> str | None:
    """ "CERF, which has allocated": the antecedent of a relative clause is its subject, unless the relative
    clause names its own ("which comes after the US disbursed")."""
    if not breaks or not _WHICH.search(breaks[-1].group(0)):
        return None
    if any(start <= m.start and m.end <= verb_at for m in actors.donors):
        return None
    at = breaks[-1].start()
    before = [m for m in (*actors.donors, *actors.recipients)
              if m.end <= at and _ANTECEDENT_GAP.match(actors.text[m.end:at])]
    return before[-1].canonical if before else None


def _named_subject(named: list, text: str, verb_at: int) -> Subject:
    """The clause's first actor; the antecedent of a relative clause ("CERF, which has"), the owner of a
    verb made a noun ("the EU's approval of") or the actor right before the verb; several givers
    joined as one subject ("The United States and Australia are delivering")."""
    if _joint(named, text):  # (one of two may turn out to be the getter: "... for Kenya's police")
        pair = tuple(dict.fromkeys(m.canonical for m in named))
        return Subject(None, False, group=True, pair=pair if len(pair) == 2 else ())
    last = named[-1]
    between = text[last.end:verb_at]
    if (_RELATIVE.match(between) or last.possessive and _ADJACENT.fullmatch(between)
            or between.isspace()  # "the G20 pledge to raise $X", "... that Japan pledged $X"
            or _AUXILIARIES.fullmatch(between)  # "..., we have provided $X"
            or _INFINITIVE_OWNER.fullmatch(between)  # "the G7 commitment to | mobilize"
            or _INFINITIVE_OWNER.fullmatch(between + text[verb_at:verb_at + 3].lower())):  # "| to provide"
        return Subject(last.canonical, False)
    return Subject(next((m for m in named if not governed(text, m.start)), named[0]).canonical, False)


def _joint(named: list, text: str) -> bool:
    """Two givers joined by "and" as the subject, the second the last actor before the verb ("The United
    States, subject to notification, and Japan intend to provide"), or a list of three or more that opens the
    clause ("The United States, Canada and Spain")."""
    first = named[0]
    second = next((m for m in named[1:] if m.canonical != first.canonical), None)
    if (second is not None and "self" not in (first.kind, second.kind) and named[-1].canonical == second.canonical
            and _JOINT_GAP.fullmatch(text, first.end, second.start) is not None):
        return True
    run = [first]  # the list that opens the clause ("The United States, Canada, Korea, and Spain are working with
    for a, b in zip(named, named[1:]):  # the IDB to make available $X": an actor in the predicate joins no list)
        if not _LIST_GAP.fullmatch(text, a.end, b.start):
            break
        run.append(b)
    return len({m.canonical for m in run}) > 2 and all(m.kind != "self" for m in run)


@functools.lru_cache(maxsize=1)
def _group() -> re.Pattern[str]:
    return re.compile(r"(?<!non-)\b(?:the\s+|its\s+|our\s+|their\s+|other\s+|fellow\s+)?(?:"  # not "non-government"
                      + "|".join(actor_cue_words("group_giver")) + r")\b", re.IGNORECASE)
