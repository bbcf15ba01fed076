"""The aid frame of a money figure: its cues, its giver and recipient, its neighbours — read
into a :class:`~ledger.context.money_role.MoneyFrame` and decided by the role rules."""
from __future__ import annotations

from ledger.context.actors import Candidates
from ledger.context.clauses import Clause
from ledger.context.decision import Decision
from ledger.context.document import DocumentFrame
from ledger.context.evidence import Evidence, evidence
from ledger.context.money_role import MoneyFrame, money_role
from ledger.model import Figure

__all__ = ["money_decision"]


def money_decision(fig: Figure, cl: Clause, cand: Candidates, doc: DocumentFrame,
                   inherited: Decision | None) -> tuple[Decision, Evidence]:
    """The role decision for money figure ``fig`` and the evidence it was read from."""
    ev = evidence(cl)
    frame = MoneyFrame(
        ev=ev, per=fig.per, vague=fig.qualifier == "vague", giver=cand.giver(doc),
        government_giver=cand.public_giver(doc), foreign=cand.foreign(doc),
        humanitarian="humanitarian" in ev.values("type"), inherited=inherited,
    )
    return money_role(frame), ev
