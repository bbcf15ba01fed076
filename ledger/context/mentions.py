"""Which side of the money each actor named in a sentence is on: giver, getter, a holder of an
amount named next to it, or no party at all.

``RULES`` is read top to bottom for every actor the gazetteer finds; the first rule that
matches decides. The words they look for are in ``ledger/data/context/actor_cues.tsv``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ledger.context.actor_patterns import actor_cue_alternation, actor_cue_words, patterns
from ledger.context.dates import MONTH
from ledger.context.words import alternation
from ledger.text.gazetteer import LIST_JOINT, Mention, find_actors

__all__ = ["RULES", "SELF", "Actors", "actor_cue_alternation", "actor_cue_words", "classify", "listed"]

#: Stands for the article's own voice ("we", "our", "I hereby direct"): its publisher.
SELF = "@self"
#: "we", "our", "my Administration", "I hereby direct", "the Administration" (not "World War I", "I Squared").
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Ww]e['’]re|[Ww]e['’]ve|[Mm]y|(?<!War )I(?![ \t]+[A-Z][a-z])|"
                           r"[Tt]he\s+Administration|[Tt]his\s+[Aa]dministration)\b")
#: The end of a phrase right after an actor: a stop, a comma, or the sentence's end.
_PHRASE_END = re.compile(r"^(?:['’]s)?\s*(?:[.,;:!?)]|$)")
#: How many characters around an actor its rules read.
_WINDOW = 80
#: "a Zambian miner received", "Kenyan farmers will receive": common nouns after a people's name.
_GETTER_NOUNS = rf"(?:\s+(?!(?:{alternation('auxiliaries')}|has|have|had|only|also)\b)[a-z][\w-]*){{0,2}}?"
#: "Palestine was the second-largest recipient", "CSOs received", "is to receive", "Ukraine has received":
#: the actor holds the amount named after it.
_HOLDER_AFTER = re.compile(
    rf"^\]?{_GETTER_NOUNS}(?:\s+(?:also|already|each|together|jointly))?\s+(?:{alternation('verbs_of_getting')}|"
    rf"(?:has|have|had)\s+(?:(?:also|already|now)\s+)?(?:{alternation('verbs_of_getting')})"
    r"(?=\s+(?:[a-z]+\s+){0,3}?(?:[$€£¥]|US\$|[A-Z]{3}\s?)\d)|"  # ("... has received only 30 per cent": no amount)
    rf"(?:{alternation('auxiliaries')})\s+(?:(?:also|already)\s+)?(?:(?:to|set\s+to|due\s+to|expected\s+to)?\s*(?:receive|get)|"
    rf"{alternation('verbs_of_getting')})|"
    rf"(?:{alternation('verbs_of_being')})\s+(?:again\s+)?(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,2}}"
    r"(?:recipients?|partners?|beneficiar(?:y|ies)))\b")
#: "... partners in 2023 were Gavi at NOK1.5 billion": a ranking of holders.
_AT_AMOUNT = re.compile(r"^\]?\s+at\s+(?:about\s+|around\s+|some\s+)?(?:[A-Z]{2,3}\s?|US)?[$€£¥]?\d")
_RANKING = re.compile(r"\b(?:partners?|recipients?|beneficiaries)\b")
#: "Nepal is to receive ₹550 crore and the Maldives ₹400 crore": an actor right before an amount.
_AMOUNT_AFTER = re.compile(r"^\s*(?:--|[-–—:])?\s+(?:[A-Z]{2,3}\s?|US|Rs\.?\s?)?[$€£¥₹]?\s?\d")
_IN_OF = re.compile(r"\b(?:in|of|with)\s+(?:the\s+)?$", re.IGNORECASE)
#: What joins the actors of one list: "X, Y, and Z", "X and Y", "X or Y", "the Congo (DRC), Y".
_LISTED = re.compile(r"\)?(?:\s*\([^()]{1,12}\))?" + LIST_JOINT, re.IGNORECASE)
#: A verb right after an actor: it is the subject of a new clause, not the last of a list.
_CLAUSE_VERB = re.compile(rf"(?:['’]s)?\s+(?:also\s+)?(?:{alternation('clause_verbs')})\b", re.IGNORECASE)
_AND_OR = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
_FOR_USE_BY = re.compile(r"\bfor\s+(?:the\s+)?use\s+(?:by|of)\s+(?:the\s+)?$", re.IGNORECASE)
_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
#: "from Japan", "by the G7", "from a combination of our G7 partners": who the money comes from.
_FROM_BY = re.compile(rf"\b(?:from|by)\s+(?:(?:{alternation('share_of')})\s+of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?$",
                      re.IGNORECASE)
#: "the" right before a name: "the United States commitment" names its giver.
_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: "through the U.S. Government's Millennium Challenge Corporation": a government's own agency.
_GOVERNMENTS = re.compile(r"^\s+[Gg]overnment['’]s\s")
#: "to El Refugio de la Niñez, a Guatemalan NGO": the getter named, then described by its people's adjective.
_TO_A_NAME_DESCRIBED = re.compile(r"\bto\s+(?:the\s+)?[A-Z][^,;.:]{1,60},\s+an?\s+(?:local\s+)?$")
#: "$60 million through USAID": a government's own agency the money goes through names that government
#: (not "Through USAID, the Gates Foundation will commit": a channel that opens the sentence serves its subject).
_THROUGH = re.compile(r"\b(?:through|via)\s+(?:the\s+)?$", re.IGNORECASE)
_THROUGH_OPENS = re.compile(r"^[\W\d]*(?:through|via)\s+(?:the\s+)?$", re.IGNORECASE)
#: "sanctions against Russia", "to impose costs on Russia": a country measures are taken against is their target.
_AGAINST = re.compile(r"\b(?:against|(?:costs?|sanctions|penalties|pressure)\s+on)\s+(?:the\s+)?$", re.IGNORECASE)
#: "Melinda French Gates": a people's adjective between a capitalised first name and a surname is a part
#: of the person's name (a given name, not a sentence's first word: another word stands before it).
_NAME_BEFORE = re.compile(rf"(?:\w[,;:]?|[—–])\s+(?!(?:{alternation('no_name')})\s)[A-Z][a-z]+\s+$")
_NAME_AFTER = re.compile(r"^\s+[A-Z][a-z]+\b(?!\s+(?:of|for)\b)")
#: "NEW YORK, 18 August 2006 —", "(Geneva: May 3)": where a release was issued.
_DATELINE = re.compile(rf"^\s*[:,]\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}\b)")
#: "railway lines that will extend from Angola to Zambia to the DRC", "a fibre backbone from East Africa to the
#: DRC": the places a route runs between are where it goes, neither giver nor getter.
_ROUTE_FROM = re.compile(rf"\b(?:{alternation('route_words')})\b[^.;:,$]{{0,40}}?\bfrom\b(?P<mid>[^.;:,$]{{0,60}})$",
                         re.IGNORECASE)
_TO = re.compile(r"\bto\b|^\s+to\b", re.IGNORECASE)
#: The place right after "from", "to" or "and" ("from western Angola", "to the DRC"); not one after "in" ("from
#: Lobito Port in Angola": the country the route lies in).
_END_POINT = re.compile(r"\b(?:from|to|and)\s+(?:the\s+)?(?:[A-Za-z]+\s+)?$", re.IGNORECASE)


def _on_a_route(before: str, after: str) -> bool:
    """A place that ends a route: right after its "from" or "to", with the route's "to" before or after it."""
    m = _ROUTE_FROM.search(before)
    return (m is not None and _END_POINT.search(before) is not None
            and (_TO.search(m.group("mid")) is not None or _TO.match(after) is not None))


@dataclass(frozen=True, slots=True)
class Actors:
    donors: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    holders: tuple[Mention, ...] = ()  # recipients named before their amounts ("CSOs received $X")
    explicit: frozenset[int] = frozenset()  # starts of donors named as such ("from Japan", "we")
    text: str = ""  # the sentence
    marked: frozenset[int] = frozenset()  # starts of recipients named as such ("to Ukraine", "provided Kenya with")


@functools.cache
def _agencies() -> frozenset[str]:
    """A government's own agencies: "for the State Department", "through USAID" name the government."""
    return frozenset((*actor_cue_words("agency"), *actor_cue_words("agency_abroad")))


@dataclass(frozen=True, slots=True)
class _Around:
    """An actor mention with the words around it."""

    m: Mention
    before: str
    after: str
    ranking: bool  # the sentence ranks recipients ("the largest recipients were ...")

    def hit(self, name: str, side: str) -> bool:
        pat = patterns()[name]
        return (pat.search(self.before) if side == "before" else pat.match(self.after)) is not None


Rule = tuple[str, str, Callable[[_Around], str | None]]

#: Rules that name a recipient as such, by a word of giving or of purpose; the others name it by
#: where it stands (a state, a people, a country before an aid noun).
_MARKED = frozenset(("for-use-by", "given-to", "to-or-for", "where-people-come-from"))

RULES: tuple[Rule, ...] = (
    ("aggressor", "Russia's invasion of Ukraine", lambda a: "skip" if a.hit("war", "after") else None),
    ("dateline", "(New York: 18 August 2006): OCHA has made ...",
     lambda a: "skip" if _DATELINE.match(a.after) else None),
    ("target-of-measures", "sanctions against Russia; to impose costs on Russia",
     lambda a: "skip" if _AGAINST.search(a.before) else None),
    ("through-own-agency", "$60 million through the U.S. Government's Millennium Challenge Corporation; via USAID",
     lambda a: "donor" if _THROUGH.search(a.before) and not _THROUGH_OPENS.match(a.before)
     and (a.m.alias in _agencies() or _GOVERNMENTS.match(a.after)) else None),
    ("channel", "through the World Bank; a fund operated by OCHA",
     lambda a: "skip" if a.hit("channel", "before") else None),
    ("group-speaks", "President Biden and G7 leaders will contribute",
     lambda a: "skip" if a.hit("group", "after") else None),
    ("where-a-war-is-waged", "Putin's war in Ukraine", lambda a: "skip" if a.hit("war_setting", "before") else None),
    ("getter-described", "a $5 million grant to El Refugio, a Guatemalan NGO; a loan to Acorn, a Kenyan developer",
     lambda a: "recipient" if _TO_A_NAME_DESCRIBED.search(a.before) else None),
    # (named as the getter, "to Kenyan company Hewa Tele", the people's adjective names its country)
    ("firm", "Swiss healthcare company Roche; Wistron, a Taiwanese electronics and AI server manufacturer,",
     lambda a: "skip" if (a.hit("firm", "after") or a.hit("a_before", "before") and a.hit("a_firm", "after"))
     and not a.hit("to", "before") else None),
    ("inside-a-name", "Melinda French Gates contributed $10 million",
     lambda a: "skip" if a.m.alias != a.m.canonical and not a.m.possessive and _NAME_BEFORE.search(a.before)
     and _NAME_AFTER.match(a.after) else None),
    ("on-a-route", "railway lines that will extend from Angola to Zambia to the DRC",
     lambda a: "skip" if _on_a_route(a.before, a.after) else None),
    ("setting", "a visit to Poland; the laws of the United States",
     lambda a: "skip" if a.hit("setting", "before") else None),
    ("person-from-a-place", "Senator Markwayne Mullin from Oklahoma; a congresswoman from Texas",
     lambda a: "skip" if a.hit("politician", "before") else None),
    ("part-of-a-name", "under the Ukraine Security Assistance Initiative; to the World Bank Trust Fund",
     lambda a: "skip" if a.hit("name_head", "after") and (a.m.kind in ("institution", "group")
                                                           or not a.hit("to", "before")) else None),
    ("name-before-a-region", "through Power Africa; EXIM approved $900 million for Sun Africa",
     lambda a: "skip" if a.m.kind == "region" and a.hit("name_before", "before") else None),
    # (not "EUR 220 M to ACT-A: 100 million euros to COVAX": a getter named as such, then its whole's parts)
    ("holds-an-amount", "Nepal is to receive ₹550 crore; CSOs received $X", lambda a: "holder" if (
        _HOLDER_AFTER.match(a.after) or a.ranking and _AT_AMOUNT.match(a.after)
        or _AMOUNT_AFTER.match(a.after) and not a.hit("to", "before")) else None),
    ("where-people-come-from", "services for arrivals from Ukraine",
     lambda a: "recipient" if a.hit("origin", "before") else None),
    ("struck-by-a-disaster", "communities impacted by Maui wildfires; relief for the Türkiye earthquake",
     lambda a: "recipient" if a.hit("disaster", "after") else None),
    ("occasion", "discussed on the Guatemala trip; at the G20 summit; at the United Nations Climate Meeting",
     lambda a: "skip" if a.hit("occasion", "after") and not a.m.possessive else None),
    ("source-of-something", "frozen assets from Russia", lambda a: "skip" if a.hit("source", "before") else None),
    ("owner-of-holdings", "$50 billion from the proceeds of the Russian sovereign assets",
     lambda a: "skip" if a.hit("holdings", "after") else None),
    ("for-use-by", "$2 million for use by the South Carolina Department of Transportation",
     lambda a: "recipient" if _FOR_USE_BY.search(a.before) else None),
    ("from-or-by", "$20 million from Japan", lambda a: "donor" if _FROM_BY.search(a.before) else None),
    ("organ-of", "the Ministry of Defence of the Czech Republic; The Government of Canada has provided",
     lambda a: "donor" if a.hit("organ", "before") and not a.hit("to_organ", "before")
     and not a.hit("owns_other", "after") else None),  # (not "the Government of Angola's tender process")
    ("own-agency", "$14 billion for the State Department to aid Kyiv",
     lambda a: "donor" if a.m.alias in _agencies() and _FOR.search(a.before) else None),
    ("given-to", "has provided Ukraine with 38 tanks; gave Kenya $5 million",
     lambda a: "recipient" if a.hit("give_to", "before") else None),
    ("money-of-it", "in CERF funding; with Japanese aid",
     lambda a: "donor" if _IN_OF.search(a.before) and not a.m.possessive and a.hit("whose", "after") else None),
    ("owner-of-the-aid", "part of the ROK's pledge of $130 million; the success of Japan's new contribution",
     lambda a: "donor" if a.m.possessive and a.hit("owns_aid", "after") and not a.hit("to_only", "before") else None),
    ("subject-of-a-gerund", "we are appreciative of the Saudis giving $40 million to Ukraine",
     lambda a: "donor" if a.hit("gerund", "after") else None),
    # (not "Inside Ukraine, U.S. partners are providing", nor "her trip to Warsaw, Poland")
    ("town-and-country", "a graphite mine in Balama, Mozambique", lambda a: "recipient" if a.hit("to_town", "before")
     and _PHRASE_END.match(a.after) and not a.hit("setting_town", "before") else None),
    ("to-or-for", "$400 million to Ukraine; in support of Haiti",
     lambda a: "recipient" if a.hit("to", "before") else None),
    ("country-the-aid-is-for", "a $40 billion Ukraine aid package; new Israel funding",
     lambda a: "recipient" if a.m.kind == "country" and a.m.alias == a.m.canonical and not a.m.possessive
     and not _THE.search(a.before) and a.hit("whose", "after") else None),
    ("whose-money", "U.S. assistance; the G7 commitment",
     lambda a: "donor" if not a.m.possessive and a.hit("whose", "after") else None),
    ("members-of-a-group", "Quad partners have committed; G7 members",
     lambda a: "donor" if a.m.kind in ("group", "institution") and a.hit("our_group", "after") else None),
    ("beneficiaries", "Afghan refugees", lambda a: "recipient" if a.hit("beneficiary", "after") else None),
    ("place-at-home", "Kerala, Michigan (a state or region)",
     lambda a: "recipient" if a.m.kind in ("region", "state") else None),
    ("subject", "Japan will provide $5 million", lambda a: "donor"),
)


@functools.lru_cache(maxsize=4096)
def classify(sentence: str) -> Actors:
    """Donor-like, recipient-like and holding actor mentions of one (one-line) sentence."""
    sides: dict[str, list[Mention]] = {"donor": [Mention(m.start(), m.end(), m.group(0), SELF, "self")
                                                 for m in _FIRST_PERSON.finditer(sentence)],
                                       "recipient": [], "holder": [], "skip": []}
    explicit = {m.start for m in sides["donor"]}
    marked: set[int] = set()
    ranking = _RANKING.search(sentence) is not None
    for m in find_actors(sentence):
        around = _Around(m, sentence[max(0, m.start - _WINDOW):m.start], sentence[m.end:m.end + _WINDOW], ranking)
        name, side = next((n, v) for n, _e, rule in RULES if (v := rule(around)) is not None)
        sides[side].append(m)
        if side == "donor" and name != "subject":
            explicit.add(m.start)
        if name in _MARKED:
            marked.add(m.start)
    _share_roles(sides, sentence)
    named_at = {m.start for side in ("donor", "recipient", "holder", "skip") for m in sides[side]}
    donors = sorted((m for m in sides["donor"] if not _determiner(m, named_at, sentence)), key=lambda m: m.start)
    return Actors(tuple(donors), tuple(sides["recipient"]), tuple(sides["holder"]), frozenset(explicit), sentence,
                  frozenset(marked))


def _determiner(m: Mention, named_at: set[int], sentence: str) -> bool:
    """"our" right before an actor it qualifies ("our G7 partners", "our Ukrainian friends") or a group
    ("Together our countries plan to invest") is no giver: the actor or the group is."""
    return (m.kind == "self" and m.alias.lower() in ("our", "my") and sentence[m.end:m.end + 1].isspace()
            and (m.end + 1 in named_at or patterns()["our_group"].match(sentence, m.end) is not None))


def _share_roles(sides: dict[str, list[Mention]], sentence: str) -> None:
    """Actors listed together play one part: "in El Salvador, Guatemala, and Honduras" are all places
    the money goes, so a listed actor that the subject rule took for a giver gets it too."""
    named = sorted((m for side in ("donor", "recipient") for m in sides[side]), key=lambda m: m.start)
    run: list[Mention] = []
    for m in named:
        if run and _twin(run[-1], m, sentence):
            run.append(m)  # "the Democratic Republic of the Congo (DRC)": one actor named twice
            continue
        if run and (not _LISTED.fullmatch(sentence[run[-1].end:m.start]) or _closed(run, m, sentence)):
            _to_recipients(run, sides, sentence)
            run = []
        run.append(m)
    _to_recipients(run, sides, sentence)


def _closed(run: list[Mention], m: Mention, sentence: str) -> bool:
    """A list closed by its "and" takes no more items after a bare comma ("In El Salvador, Guatemala,
    and Honduras, the U.S. government has provided": the US is the subject, not a fourth place)."""
    return (len(run) > 1 and _AND_OR.search(sentence[run[-2].end:run[-1].start]) is not None
            and _AND_OR.search(sentence[run[-1].end:m.start]) is None)


def _is_list(run: list[Mention], sentence: str) -> bool:
    """Two or more actors joined as a list: an "and" or "or" among the joints ("Inside Ukraine, U.S.
    partners" is a phrase and its subject, not a list)."""
    return (len(run) > 1 and any(_AND_OR.search(sentence[a.end:b.start]) for a, b in zip(run, run[1:]))
            and not _CLAUSE_VERB.match(sentence, run[-1].end))  # "to Ukraine, and Japan has been providing"


def _to_recipients(run: list[Mention], sides: dict[str, list[Mention]], sentence: str) -> None:
    if _is_list(run, sentence) and any(m in sides["recipient"] for m in run):
        for m in run:
            if m in sides["donor"] and m.kind != "self":
                sides["donor"].remove(m)
                sides["recipient"].append(m)


def _twin(a: Mention, b: Mention, sentence: str) -> bool:
    """One actor named twice, the second in brackets ("the Democratic Republic of the Congo (DRC)")."""
    return a.canonical == b.canonical and sentence[a.end:b.start].strip() == "("


def listed(actors: Actors, name: str, at: int = -1) -> bool:
    """Whether a recipient ``name`` is listed with others ("Jamaica, Peru, and Mongolia"); from ``at`` on, only its
    first mention there, the getter's ("a loan to Kenyan firm X, which supplies Kenya, Uganda and Tanzania")."""
    named = sorted(actors.recipients, key=lambda m: m.start)
    first = next((m for m in named if m.canonical == name and m.start >= at >= 0), None)
    run: list[Mention] = []
    for m in named + [None]:
        if run and m is not None and (_LISTED.fullmatch(actors.text[run[-1].end:m.start])
                                      or _twin(run[-1], m, actors.text)):
            run.append(m)
            continue
        names = {r.canonical for r in run}
        if _is_list(run, actors.text) and (first in run if first else name in names) and len(names) > 1:
            return True
        run = [m] if m is not None else []
    return False
