"""What a capitalised name in a giver's place is: an organisation, a firm, or a name used alone.

Used by :mod:`ledger.context.subject` on the names it finds before a verb of giving that the
gazetteer does not know ("Argidius Foundation committed", "Pantaleon, a sugar company, will invest",
"Reckitt committed $147 million").
"""
from __future__ import annotations

import functools
import re

from ledger.context.actor_patterns import org_nouns
from ledger.context.mentions import actor_cue_words
from ledger.context.words import alternation, words
from ledger.text.gazetteer import canonical_name, kind_of, load_gazetteer

__all__ = ["antecedent", "brand", "definite", "firm", "firm_list", "firm_noun", "lone_giver", "not_an_organisation",
           "organisation"]

#: ", a global chipmaking giant,", ", one of the world's largest NGOs,": a firm or NGO in apposition.
_FIRM_APPOSITION = re.compile(rf"^[*_]*\s*(?:\([^)]*\)\s*)?,\s+(?:a|an|the|one\s+of)\b[^,]{{0,60}}?\b"
                              rf"(?:{alternation('firm_nouns')})s?\b", re.IGNORECASE)
#: An apposition that makes a name a charity, not a firm ("CARE, a humanitarian organization,").
_NOT_CHARITY = re.compile(r"\b(?:NGO|charity|foundation|non-?profit|humanitarian|organi[sz]ation)s?\b", re.IGNORECASE)
#: Before a name used alone as a subject: nothing, or an opening phrase and its comma ("To date, Heifer has
#: awarded"; "As part of its commitment to ... Afghan refugees, Starbucks has committed"); not a title ("Mr.
#: Sullivan"), an article ("The Fund") or any other word of the clause.
_LONE_BEFORE = re.compile(rf"^[\W_]*(?:(?:[A-Z][a-z]+(?:\s+[a-z]+){{0,3}}|"
                          rf"(?:{alternation('clause_openers')})\b[^;:]{{0,200}}),\s*)?$")
#: Verbs an official speaks with for the giver ("Kirby announced", "Austin unveiled").
_VOICE = re.compile(rf"(?:{alternation('voice_verbs')})\b", re.IGNORECASE)
#: "Boeing has announced a $100 million investment in ...": what a name alone announces is a firm's own when it
#: is an investment, a partnership or a deal (an official announces aid: "Kirby announced a new $275 million
#: aid package").
_FIRM_ANNOUNCES = re.compile(rf"(?:{alternation('voice_verbs')})\s+(?:[\w-]+\s+){{0,3}}?"
                             r"(?:US\$|\$|€|£)\s?[\d.,]+(?:\s+(?:million|billion|trillion))?\s+(?:[\w/-]+\s+){0,2}?"
                             rf"(?:{alternation('firm_acts')})\b", re.IGNORECASE)
#: An abbreviated title ends the text before a person's name ("Mr. Sullivan", "Sen. Risch").
_TITLE_BEFORE = re.compile(rf"\b(?:{alternation('abbreviated_titles')})\.\s*$")
#: What may end the sentence before the clause of a name used alone: nothing, or a break that is no list's
#: comma or "and" ("Bureau of Population, Refugees, and Migration provided": "Migration" ends another name).
_LONE_PRIOR = re.compile(r"(?:^|[.:;!?)\]\"“”’•*–—-])\s*$")
#: After it: the verb, maybe behind auxiliaries ("Jersey is providing", "Starbucks has committed").
_LONE_AFTER = re.compile(rf"^\s+(?:(?:{alternation('between_subject_and_verb')})\s+){{0,3}}$", re.IGNORECASE)


def organisation(name: str, after: str) -> bool:
    """A name of an organisation: it ends with an organisation noun, or a body's noun stands before "of" or
    "for" ("ECOWAS Bank for Investment and Development"; not "Partnership for Global Infrastructure", an
    initiative), or a firm noun follows it in apposition ("Pantaleon, a sugar company,")."""
    tokens = name.split()
    of_something = any(w.lower() in _body_nouns() and nxt in ("of", "for") for w, nxt in zip(tokens, tokens[1:]))
    return tokens[-1] in org_nouns() or of_something or _FIRM_APPOSITION.match(after) is not None


#: "MedAccess", "BlackRock", "JPMorgan", "Google.org": a capital inside a word or a web domain marks a brand's
#: name; a topic's words ("Food Fortification", "Maritime Law Enforcement Assistance") have neither.
_BRAND = re.compile(r"\b(?:[A-Z]?[a-z]+|[A-Z]{2,})[A-Z][a-z]+|\b\w+\.(?:org|com|net|io)\b")


def brand(name: str) -> bool:
    """A name written as a brand's: a capital inside a word ("MedAccess") or a web domain ("Google.org")."""
    return _BRAND.search(name) is not None


def firm(name: str, after: str) -> bool:
    """A firm: its name ends with a firm's word or says where it is based, or a firm noun follows it in
    apposition ("Chobani, a Greek yogurt giant,")."""
    return (name.split()[-1] in _firm_suffixes() or "-based" in name or _FIRM_APPOSITION.match(after) is not None
            and _NOT_CHARITY.search(after[:80]) is None)


def lone_giver(name: str, before: str, after: str, prior: str = "", verb: str = "") -> bool:
    """A single word, the whole subject, right before the verb, that names an organisation by its short
    name ("Reckitt committed $147 million", "To date, Heifer has awarded $625,000", "Jersey is providing
    $5 million"). Not a word of an actor the gazetteer knows ("Ukraine will receive", "Korea has provided"),
    a word of a group ("Lawmakers approved"), an acronym (the
    publisher's own agencies: "NOAA awarded"), a pronoun, a title's person ("Mr. Sullivan") or a word of
    government ("Department"). ``before`` is the clause before the name, ``prior`` the sentence before
    the clause, which must end with a break, not a list's comma ("Refugees, and Migration provided");
    ``verb`` the text from the verb on, which must not be one an official speaks with for a giver ("Kirby
    announced a new $275 million aid package": a person's surname alone, the release's government gives)
    unless what is announced is a firm's act ("Boeing has announced a $100 million investment")."""
    return (" " not in name and not name.isupper() and name not in _alias_words()
            and name.lower() not in _not_lone_givers() and _TITLE_BEFORE.search(prior) is None
            and _LONE_PRIOR.search(prior) is not None and _LONE_BEFORE.match(before) is not None
            and _LONE_AFTER.match(after) is not None
            and (_VOICE.match(verb) is None or _FIRM_ANNOUNCES.match(verb) is not None))


#: "Oracle and OpenAI and SoftBank are now collectively", "Microsoft and its partners are": one-word names joined
#: as the whole subject (with "its partners" after one name), then a few words of its predicate up to the verb
#: ("are committed | to invest").
_FIRM_LIST = re.compile(r"^[\W_]*([A-Z][\w&'’.-]*(?:(?:,\s+|,?\s+and\s+)[A-Z][\w&'’.-]*)*)"
                        r"(,?\s+and\s+(?:its|their)\s+partners)?\s+"
                        r"(?:[a-z]+\s+){0,4}$")
_LIST_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def firm_list(span: str) -> tuple[str, ...]:
    """The names of a subject made of firms' short names alone ("Oracle and OpenAI and SoftBank", "Microsoft
    and its partners"): each a word no actor of the gazetteer has, no acronym, pronoun or word of government;
    two or more, or one with its partners. Empty when the subject is anything else."""
    m = _FIRM_LIST.match(span)
    if m is None:
        return ()
    names = tuple(_LIST_SPLIT.split(m.group(1)))
    if len(names) < 2 and m.group(2) is None or len(set(names)) < len(names):
        return ()
    if any(n.isupper() or n in _alias_words() or n.lower() in _not_lone_givers() for n in names):
        return ()
    return names


#: "the Mastercard Foundation and Mastercard", "The Rockefeller Foundation and the Skoll Foundation": names of
#: organisations (one of them at least written in full) joined as the whole subject, then a few words of its
#: predicate up to the verb.
_ORG_LIST = re.compile(r"^[\W_]*((?:the\s+|The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}"
                       r"(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})+)\s+"
                       r"(?:[a-z]+\s+){0,4}$")


def org_list(span: str) -> tuple[str, ...]:
    """The names of a subject made of two or more organisations the gazetteer does not know, one of them named
    in full by a name that ends with an organisation noun, the others so or by a short name of one word ("the
    Mastercard Foundation and Mastercard pledged"): several givers, none of them the publisher. Empty when
    the subject is anything else."""
    m = _ORG_LIST.match(span)
    if m is None or not re.search(r"\sand\s", m.group(1)):  # ("Today, the Rockefeller Foundation": no list)
        return ()
    names = tuple(re.sub(r"^[Tt]he\s+", "", n) for n in _LIST_SPLIT.split(m.group(1)))
    names = names[1:] if names[0] in words("no_name") else names  # "Today, the X Foundation and Y pledged"
    full = [n for n in names if " " in n]
    if len(set(names)) < len(names) or not full or any(n.split()[-1] not in org_nouns() for n in full):
        return ()
    if any(n.isupper() or n in _alias_words() or n.lower() in _not_lone_givers() for n in names if " " not in n):
        return ()
    return names


#: "The foundation announced it intends to commit", "The Company will provide": an organisation named before,
#: taken up by the noun its name ends with, as the whole subject (a few words of its predicate may follow).
_DEFINITE = re.compile(rf"^[\W_]*The\s+({alternation('definite_org_nouns')})\s+"
                       r"(?:[a-z]+\s+){0,4}$", re.IGNORECASE)
#: How far back (characters) the name a definite noun takes up may stand.
_ANTECEDENT_REACH = 1500


def definite(span: str) -> str | None:
    """The organisation noun of a subject that is a definite description ("The foundation"), or None."""
    m = _DEFINITE.match(span)
    return m.group(1).lower() if m else None


def antecedent(text: str, before: int, noun: str) -> str | None:
    """The last name ending with ``noun`` written in ``text`` before offset ``before`` (within reach; none when
    ``before`` is negative): "The Bill and Melinda Gates Foundation, ... committed ... The foundation announced"."""
    if before < 0:
        return None
    head = noun[:1].upper() + noun[1:]
    found = None
    for m in re.finditer(rf"\b(?:[A-Z][\w&'’.-]*\s+(?:(?:of|the|and|&|for)\s+)?){{1,6}}{head}\b",
                         text[max(0, before - _ANTECEDENT_REACH):before]):
        found = m.group(0)
    return " ".join(found.split()[1:] if found and found.startswith("The ") else (found or "").split()) or None


def not_an_organisation(text: str, name: str) -> bool:
    """Whether ``text`` shows that ``name`` used alone is no organisation's: it writes the name after a first
    name, an initial, a title or a noun of office ("Prime Minister Rishi Sunak", "J.D. Vance", "Mr. Sullivan",
    "Pentagon chief Austin", "MR. KIRBY:"), in lower case (a common noun capitalised at the start of a
    sentence, "Officials approved"), or as a place ("Tampa, Florida:", "in Detroit": a city spends at home)."""
    if re.search(rf"\b{re.escape(name.lower())}\b", text) or _as_place(text, name):
        return True
    if re.search(rf"\b(?:{alternation('abbreviated_titles')})\.?\s+{re.escape(name.upper())}\b", text, re.IGNORECASE):
        return True
    for m in re.finditer(rf"\b([A-Za-z][a-z-]+|[A-Z]\.)\.?[ \t]+{re.escape(name)}\b", text):
        word = m.group(1)
        if word[0].isupper() and word not in _function_words() or word in _person_nouns():
            return True
    return False


def _as_place(text: str, name: str) -> bool:
    """ "Tampa, Florida", "in Detroit", "the city of Tampa": the name is a place's, written before the state or
    country it lies in, or after a preposition of place."""
    after = (m.group(1) for m in re.finditer(rf"\b{re.escape(name)},[ \t]+([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)", text))
    return any(kind_of(canonical_name(a) or canonical_name(a.split()[0])) in ("country", "state") for a in after) or (
        re.search(rf"\b(?:in|across|throughout|city\s+of)[ \t]+{re.escape(name)}\b", text, re.IGNORECASE) is not None)


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Capitalised words before a name that make no person of it ("The Starbucks Foundation", "To Heifer")."""
    return frozenset(actor_cue_words("not_a_first_name"))


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Lower-case nouns of office right before a surname ("defense chief Austin", "spokesman Kirby")."""
    return frozenset(actor_cue_words("person_noun"))


@functools.lru_cache(maxsize=1)
def _firms() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(actor_cue_words("firm")) + r")\b", re.IGNORECASE)


#: "The ECOWAS Bank for Investment and Development will provide": a firm's noun written capitalised after a
#: capitalised word is a word of a name, not the noun of an unnamed firm ("Korean companies have invested").
_IN_A_NAME = re.compile(r"\b[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|&)\s+)?[A-Z][a-z]+$")


def firm_noun(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first firm's noun between ``start`` and ``end`` that is no word of a name ("Korean companies")."""
    m = _firms().search(text, start, end)
    return None if m is None or _IN_A_NAME.search(text, start, m.end()) else m


@functools.lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """Nouns of a body that gives, in lower case ("bank", "foundation", "corporation", "institute")."""
    return frozenset(words("definite_org_nouns"))


@functools.lru_cache(maxsize=1)
def _firm_suffixes() -> frozenset[str]:
    return frozenset(actor_cue_words("firm_suffix"))


@functools.lru_cache(maxsize=1)
def _not_lone_givers() -> frozenset[str]:
    """Words of pronouns, government and groups, in lower case ("he", "department", "lawmakers", "donors")."""
    return frozenset(w.lower() for cls in ("not_a_lone_giver", "group_giver", "firm") for w in actor_cue_words(cls))


@functools.lru_cache(maxsize=1)
def _alias_words() -> frozenset[str]:
    """Every word of the gazetteer's aliases ("Korea" of "South Korea"): a short form of a known actor."""
    return frozenset(w for alias in load_gazetteer() for w in alias.split())
