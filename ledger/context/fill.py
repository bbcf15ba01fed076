"""The second pass: what a figure's own words left open, filled from the document's frame.

An aid figure without a donor takes the donor the release is about (its headline's, or the
one named for most of its aid amounts), else the publisher of a government's or an
organisation's own release; without a recipient, the recipient the release is about. A bare
"$" in a publisher's own dollar (an Australian government release) is that dollar.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from ledger import data
from ledger.context import actors as _actors
from ledger.context.clauses import ListIndex
from ledger.context.cues import cues
from ledger.context.decision import DOCUMENT, NEIGHBOUR, Decision, why_text
from ledger.context.document import DocumentFrame, Publisher, default_pair
from ledger.context.frame import many_places, readiness
from ledger.context.money_frame import FOREIGN_AID
from ledger.context.turns import asked_before, same_turn, turn_names
from ledger.context.what import fill_topic
from ledger.context.words import alternation
from ledger.model import Figure
from ledger.text.gazetteer import find_actors, kind_of
from ledger.text.sentences import SentenceIndex, clean

__all__ = ["confidence", "document_defaults", "headline_frame"]

#: The headline: the first sentence of the text (the title comes first).
_HEADLINE = 0


#: Donor rules that leave the donor empty on purpose: the release's giver does not fill it.
_NOBODY_NAMED = frozenset(("several-givers", "someone-elses-money", "giver-not-named"))
#: Recipient rules that leave the recipient empty on purpose: the release's getter does not fill it.
_GETTER_SAID = frozenset(("several-recipients", "publisher-never-receives", "getter-not-known", "giver-never-receives"))
#: Role rules that say money is spent at home end with this ("spent-at-home", "agency-at-home"): such
#: money takes no recipient from the release's pair or its paragraph.
_AT_HOME = "at-home"
#: Money whose getter only its own words name: spent at home, or mobilised from others for a cause
#: ("the United States has mobilized $30 billion towards PGII": many investors, many places).
_MOBILISED = "capacity-it-enables"


def _own_getter_only(d: dict[str, Decision]) -> bool:
    return d["role"].rule.endswith(_AT_HOME) or d["role"].rule == _MOBILISED


def confidence(d: dict[str, Decision]) -> float:
    """How much to trust a row: its role's evidence, lowered when its donor is only a default."""
    role = d["role"]
    if role.value == "other":
        return round(role.confidence, 2)
    return round(min(role.confidence, (role.confidence + d["donor"].confidence) / 2 + 0.05), 2)


def _headline_pair(headline: str) -> tuple[str | None, str | None]:
    """Donor and recipient of a headline that speaks of aid ("Norway Increases Aid to Sudan")."""
    if not any(c.cls in ("aid", "give") for c in cues(headline)):
        return None, None
    text = _PLACE_OPENER.sub("", headline)  # "In Lusaka, Zambia, ..." is where, not who
    actors = _actors.classify(text)  # nor is a place after "in" or "at" ("... Summit in Vientiane, Lao PDR")
    donor = next((m.canonical for m in actors.donors if m.canonical != _actors.SELF
                  and not _SETTING.search(text, max(0, m.start - 30), m.start)), None)
    recipient = next((m.canonical for m in (*actors.recipients, *actors.holders) if m.canonical != donor), None)
    return donor, recipient


#: "Summit in Vientiane, Lao PDR", "at the G20": a place named as where something happens, not who gives.
_SETTING = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:[A-Z][\w'’-]+,\s*)?$")
#: "In Lusaka, Zambia, ...", "At the G20 summit, ...": where the text happens, before its subject.
_PLACE_OPENER = re.compile(r"^\s*(?:In|At|From|Outside)\s+[^,;.]{1,40},(?:\s*[A-Z][\w’' -]{1,30},)?")
#: "Joint Statement of ...", "G7 Leaders' Statement", "... Communiqué": a text several governments
#: sign, whose "we" is all of them.
_JOINT = re.compile(rf"\bjoint\s+(?:[\w’'-]+\s+)?(?:{alternation('joint_texts', end='s?')})\b|"
                    r"\bleaders['’]?\s+(?:statement|declaration|communiqu[eé])\b|\bcommuniqu[eé]\b", re.IGNORECASE)
#: "Fact Sheet: The President's Budget ...", "... Supplemental Funding Request", "... Rescission Package",
#: "Signing of the Consolidated Appropriations Act": a text about money asked for, voted or cancelled.
_BUDGET_HEADLINE = re.compile(rf"\b(?:{alternation('budget_headlines')})\b|"
                              r"\b(?:President(?:\s+[A-Z]\w+)?|Administration)['’]s\s+(?:FY\s?\d{2,4}\s+)?Budget\b",
                              re.IGNORECASE)
#: "... Private Sector Commitments for Northern Central America", "Private Sector Leaders Are Stepping Up ...":
#: a text about firms' and foundations' money.
_PRIVATE_HEADLINE = re.compile(r"\bprivate[\s-]+sector\s+(?:commitments|leaders|pledges)\b|"
                               r"\bcall\s+to\s+action\s+for\s+the\s+private\s+sector\b", re.IGNORECASE)
#: "to Ukraine", "for Haiti", "in Sudan", "with Kenya": a place the headline's aid goes to.
_GETTER_MARK = re.compile(r"\b(?:to|for|in|with|on)\s+(?:the\s+)?(?:people\s+of\s+)?$", re.IGNORECASE)


def headline_frame(index: SentenceIndex, publisher: Publisher | None) -> DocumentFrame:
    """The document's frame before its figures are read: its publisher, its headline's pair, and
    whether the headline speaks of aid abroad ("... Global Food Security", "... Loans to Ukraine")."""
    headline = clean(index.sentence(_HEADLINE)) if index.spans else ""
    donor, recipient = _headline_pair(headline)
    if publisher is not None and _JOINT.search(headline):
        publisher = replace(publisher, voice="joint")  # "we" are all who sign it: no one donor
    disaster = any(c.cls == "disaster" for c in cues(headline)) and not readiness(headline)
    budget = _BUDGET_HEADLINE.search(headline) is not None
    private = _PRIVATE_HEADLINE.search(headline) is not None
    return DocumentFrame(publisher, donor, recipient, _headline_abroad(headline, publisher), disaster, budget,
                         private, index.text)


def _headline_abroad(headline: str, publisher: Publisher | None) -> bool:
    """An aid word (not "support" or "funding" alone) with a getter abroad, or aid of a foreign
    kind: "... Loans to Ukraine", "... Global Food Security"; not "... Support Coal Workers and
    Reduce Reliance on Competitors Like China"."""
    found = cues(headline)
    if any(c.cls == "aid" and c.value in FOREIGN_AID for c in found):
        return True
    if not any(c.cls == "aid" and c.value != "weak" or c.cls == "give" for c in found):
        return False
    home = publisher.actor if publisher is not None else None
    return any(m.canonical != home and m.kind in ("country", "institution", "group")
               and _GETTER_MARK.search(headline, max(0, m.start - 12), m.start) for m in find_actors(headline))


def _dollar(doc: DocumentFrame, donor: str | None) -> str | None:
    """The dollar a bare "$" means: the publisher's, else (no publisher known) the donor's own."""
    if doc.publisher is not None:
        return doc.publisher.dollar
    return _donor_dollars().get(donor or "")


@functools.lru_cache(maxsize=1)
def _donor_dollars() -> dict[str, str]:
    return {r["country"]: r["code"] for r in data.table("context/dollars.tsv")}


def _own_dollar(fig: Figure, dollar: str | None) -> Figure:
    if dollar and fig.kind == "money" and fig.currency == "USD" and fig.surface.lstrip("(").startswith("$"):
        return replace(fig, currency=dollar, unit=dollar)
    return fig


def _paragraph_getters(figs: list[Figure], decisions: list[dict[str, Decision]], sents: list[int],
                       lists: ListIndex, home: str | None) -> list[str | None]:
    """For each aid figure whose own words name no getter, the one getter its paragraph named before it:
    for the same giver's aid, else in the nearest of the few sentences before it that names any ("...
    for the people of Lebanon. So what we announced today is nearly $100 million in new humanitarian
    assistance."); None where the paragraph named none or several, or the figure's sentence says its
    money goes to many places ("in 75 countries", "around the world")."""
    out: list[str | None] = []
    named: dict[str | None, set[str]] = {}
    for i, (fig, d) in enumerate(zip(figs, decisions)):
        if i and sents[i] != sents[i - 1] and lists.new_topic(sents[i - 1], sents[i]):
            named = {}  # a new paragraph, or a list's item (each its own topic)
        getters = named.get(fig.donor, set()) if fig.donor else set().union(*named.values())
        own = (d["recipient"].rule == "none-named" and fig.role not in (None, "other") and fig.kind == "money"
               and not _own_getter_only(d)
               and not many_places(lists.index.sentence(sents[i]), world=True))
        if own and not getters:
            getters = _getter_before(lists, sents[i], {fig.donor, home, _actors.SELF})
        out.append(next(iter(getters)) if own and len(getters) == 1 else None)
        if d["recipient"].rule == "named-in-sentence" and fig.recipient and fig.role not in (None, "other"):
            named.setdefault(fig.donor, set()).add(fig.recipient)
    return out


#: How many sentences back, inside its paragraph, a figure looks for the getter its paragraph is about.
_GETTER_REACH = 3
#: Kinds of getter a paragraph is about (a group or an institution named nearby is a partner, not a getter).
_PLACES = frozenset(("country", "region"))


def _getter_before(lists: ListIndex, sent: int, not_getters: set[str | None]) -> set[str]:
    """The getters named in the nearest sentence before ``sent`` in its paragraph that names any (at
    most :data:`_GETTER_REACH` back): "the people of Lebanon", "aid to Haiti", "the earthquake in Haiti"."""
    text, spans = lists.index.text, lists.index.spans
    for prev in range(sent - 1, max(-1, sent - 1 - _GETTER_REACH), -1):
        if lists.new_topic(prev, prev + 1) and not (same_turn(text, spans[prev][0], spans[sent][0])
                                                     or asked_before(text, spans[prev][0], spans[sent][0])):
            break  # a new paragraph, unless a transcript's speaker goes on answering or it asked the question
        sentence = clean(lists.index.sentence(prev))
        read = _actors.classify(sentence)
        found = {m.canonical for m in read.recipients if m.kind in _PLACES} - not_getters
        if found:  # a sentence that names several places ("trainings in Europe, Africa and Asia") names none;
            # a place named for another reason ("to impose costs on Russia") is none of them
            named = (*read.donors, *read.recipients, *read.holders)
            return found | {m.canonical for m in named if m.kind in _PLACES} - not_getters
    return set()


def _getter_unsaid(rule: str, recipient: str) -> bool:
    """The figure's own words leave its getter open: no getter named, or one the gazetteer does not know
    in a release about one country ("USAID provided $2.3 million to Revital Healthcare" in a release
    about Kenya: a firm or group there); not several getters, nor the publisher."""
    return rule not in _GETTER_SAID or rule == "getter-not-known" and kind_of(recipient) == "country"


def document_defaults(figs: list[Figure], decisions: list[dict[str, Decision]], sents: list[int],
                      lists: ListIndex, doc: DocumentFrame) -> list[Figure]:
    """``figs`` with donors and recipients the release is about, and the publisher's dollar."""
    pairs = [(f.donor, f.recipient) for f in figs if f.role not in (None, "other") and f.kind == "money"]
    donor, recipient = default_pair(pairs, (doc.donor, doc.recipient))
    if doc.publisher is not None and doc.publisher.voice == "joint":
        donor = None  # a statement several governments sign is about no one donor
    speaker = doc.publisher.speaks_for if doc.publisher is not None else None
    dollar = _dollar(doc, donor)
    if doc.private:  # a release about firms' and foundations' commitments lends no giver to the amounts
        donor = speaker = None  # whose giver it does not name ("Pantaleon will commit an additional $42 million")
    out = []
    topics = _paragraph_getters(figs, decisions, sents, lists, doc.home)
    for fig, d, topic, sent in zip(figs, decisions, topics, sents):
        fig = _own_dollar(fig, dollar)
        if topic is not None and fig.recipient is None and topic != fig.donor:
            d = {**d, "recipient": Decision(topic, "paragraph-is-about", topic, NEIGHBOUR)}
            fig = replace(fig, recipient=topic, why=why_text(d))
        if fig.role not in (None, "other") and (fig.donor is None or fig.recipient is None):
            d = dict(d)
            if fig.donor is None and (donor or speaker) and d["donor"].rule not in _NOBODY_NAMED:
                rule = "release-is-about" if donor else "publisher"
                d["donor"] = Decision(donor or speaker, rule, doc.publisher.domain if not donor and doc.publisher
                                      else "", DOCUMENT)
            new_donor = d["donor"].value
            if new_donor is not None and d["recipient"].value == new_donor:  # a donor never receives its own money
                d["recipient"] = Decision(None, "donor-never-receives", new_donor, DOCUMENT)
            if (fig.recipient is None and recipient and recipient not in (new_donor, doc.home)  # (its own release:
                    and not _own_getter_only(d)  # the publisher's country gives, never gets)
                    and _getter_unsaid(d["recipient"].rule, recipient)
                    and not many_places(lists.index.sentence(sent), world=True)
                    and (recipient == doc.recipient or fig.role != "budget"
                         or turn_names(lists.index.text, fig.start, recipient))):
                # (a briefing's budget line takes the getter its own turn names, unless the headline names one)
                d["recipient"] = Decision(recipient, "release-is-about", "", DOCUMENT)
            fig = replace(fig, donor=new_donor, recipient=d["recipient"].value, why=why_text(d),
                          confidence=confidence(d))
        out.append(fig)
    return fill_topic(out)
