"""The patterns of the actor rules (:data:`ledger.context.mentions.RULES`): what stands before or after an
actor's name that says which side of the money it is on. Their words are the classes of
``data/context/actor_cues.tsv`` (and lists of ``pattern_words.tsv``), read here once.
"""
from __future__ import annotations

import functools
import re

from ledger import data
from ledger.context.words import alternation

__all__ = ["actor_cue_alternation", "actor_cue_words", "org_nouns", "patterns"]


def actor_cue_words(cls: str) -> tuple[str, ...]:
    """The phrases of one class of ``data/context/actor_cues.tsv``, in file order."""
    row = next(r for r in data.table("context/actor_cues.tsv") if r["class"] == cls)
    return tuple(row["phrases"].split("|"))


def actor_cue_alternation(cls: str, space: str = r"\s+") -> str:
    """The phrases of one class of ``data/context/actor_cues.tsv`` as the branches of a pattern, longest
    first, each matched literally; a space inside a phrase matches ``space`` (any white space unless told)."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(actor_cue_words(cls), key=len, reverse=True))


@functools.cache
def org_nouns() -> frozenset[str]:
    """The nouns that name an organisation on their own ("Fund", "Foundation", "Philanthropies")."""
    return frozenset(actor_cue_words("org_noun"))


#: The short name the patterns below use.
_words = actor_cue_alternation


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    i = re.IGNORECASE
    return {
        "firm": re.compile(rf"^(?:['’]s)?(?:-based\b|\s+(?:[\w-]+\s+)?(?:{_words('firm')})\b)", i),
        "setting": re.compile(rf"\b(?:{_words('setting')})\s+(?:the\s+)?$", i),
        "war": re.compile(rf"^(?:['’]s)?\s*(?:(?:{alternation('war_adjectives')})\s+|\w+\s+\d+(?:st|nd|rd|th)?\s+)"
                          rf"{{0,3}}(?:{_words('war')})\b", i),
        "war_setting": re.compile(rf"(?:['’]s|\bRussian)\s+(?:[\w-]+\s+){{0,3}}?(?:{_words('war_setting')})\s+"
                                  rf"(?:of|in|on|against)\s+(?:the\s+)?$", i),
        "to": re.compile(rf"\b(?:(?:{_words('to')})(?:\s+(?:the|our|all))?"
                         rf"(?:\s+(?-i:{alternation('place_qualifiers')}))?(?:\s+(?:{_words('people_of')})\s+"
                         rf"(?:of|in|within|inside))?|to\s+help\s+\w+)\s*$", i),
        "whose": re.compile(rf"^\s+(?:(?-i:[A-Z])[\w'’-]*\s+){{0,3}}(?:{_words('whose')})\b", i),
        "name_before": re.compile(
            rf"(?<![\w'’.-])(?!(?:{alternation('region_qualifiers')})\s+$)(?-i:[A-Z])[\w&'’-]*\s+$", i),
        "to_only": re.compile(r"\b(?:to|for|towards?|into)\s+(?:the\s+)?$", i),
        "beneficiary": re.compile(rf"^\s+(?:{_words('beneficiary')})\b", i),
        "name_head": re.compile(rf"^\s+(?:[A-Z][a-z]+\s+(?:(?:and|of|for|the|&)\s+)?){{0,6}}(?:\([A-Z]{{2,8}}\)\s+)?"
                                rf"(?:{_words('name_head')})\b"),
        "group": re.compile(rf"^\s+and\s+(?:other\s+|fellow\s+)?[A-Z][\w.]*\s+(?:{_words('group')})\b"),
        "channel": re.compile(rf"\b(?:{_words('channel')})\s+(?:the\s+)?$", i),
        "organ": re.compile(rf"\b(?:{_words('organ')})\b(?:\s+[\w-]+){{0,3}}?\s+of\s+(?:the\s+)?$", i),
        "to_organ": re.compile(rf"\b(?:{alternation('to_an_organ')})\s+(?:the\s+)?(?:{_words('organ')})\b[^,;]*$", i),
        "gerund": re.compile(rf"^(?:['’]s)?\s+(?:{alternation('giving_gerunds')})\b", i),
        "give_to": re.compile(rf"\b(?:{_words('give_to')})\s+(?:the\s+)?$", i),
        "origin": re.compile(rf"\b(?:{_words('origin')})\s+from\s+(?:the\s+)?$", i),
        "disaster": re.compile(rf"^(?:['’]s)?\s+(?:{_words('disaster')})\b", i),
        "occasion": re.compile(rf"^\s+(?:(?-i:[A-Z])[\w'’-]*\s+){{0,3}}(?:{_words('occasion')})\b", i),
        # "frozen assets from Russia"; "dominated by China": the agent of a participle that gives nothing
        "source": re.compile(rf"\b(?:{_words('source')})\s+from\s+(?:the\s+)?$|"
                             rf"\b(?:{_words('agent_of')})\s+by\s+(?:the\s+)?$", i),
        "politician": re.compile(rf"\b(?-i:{_words('politician')})(?:\s+(?-i:[A-Z])[\w'’.-]*){{0,3}}"
                                 rf"\s+from\s+(?:the\s+)?$", i),
        "our_group": re.compile(rf"\s+(?:{_words('group')})\b", i),
        # not "a loan to Ukraine using frozen assets": a word in -ing between is a verb, not the holder's
        "holdings": re.compile(rf"^(?:['’]s)?\s+(?:(?!(?:{alternation('phrase_breaks')})\b|\w+ing\b)[\w'’-]+\s+)"
                               rf"{{0,2}}?(?:{_words('holdings')})\b", i),
        **_town_and_firm_patterns(),
        **_possessive_patterns(),
    }


def _possessive_patterns() -> dict[str, re.Pattern[str]]:
    """What follows an actor's "'s": aid it owns ("Japan's new contribution"), or what it has or does that is
    neither aid nor one of its organs ("the Government of Angola's successful, transparent tender process")."""
    i = re.IGNORECASE
    return {
        "owns_aid": re.compile(rf"^['’]s\s+(?:(?:{alternation('owned_amount')})\s+)?(?:{_words('whose')})\b", i),
        "owns_other": re.compile(rf"^['’]s\s+(?!(?:[\w,-]+\s+){{0,3}}?(?:{_words('organ')}|{_words('whose')})\b)", i),
    }


def _town_and_firm_patterns() -> dict[str, re.Pattern[str]]:
    """The patterns of a town before its country and of one firm described at length."""
    i = re.IGNORECASE
    return {
        # "a plant in Balama, Mozambique": a town and a comma between a word of "to" and the country
        "to_town": re.compile(rf"\b(?:{_words('to')})\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)?,\s*$", i),
        "setting_town": re.compile(rf"\b(?:{_words('setting')})\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*"
                                   rf"(?:\s+(?-i:[A-Z])[\w'’.-]*)?,\s*$", i),  # "her trip to Warsaw, Poland"
        # "a Taiwanese electronics and AI server manufacturer": one firm described at length after "a"
        "a_firm": re.compile(rf"^\s+(?:[\w-]+\s+){{1,4}}?(?:{_words('firm')})\b", i),
        "a_before": re.compile(r"\b(?:a|an)\s+$", i),
    }
