"""Extract stage: the amount grammar that finds every figure in a text."""
from __future__ import annotations

from ledger.model import Figure
from ledger.extract.pipeline import find_figures

__all__ = ["Figure", "find_figures"]
