"""Extract stage: the amount grammar that finds every figure in a text."""
from __future__ import annotations

from ledger.extract.pipeline import find_figures
from ledger.model import Figure

__all__ = ["Figure", "find_figures"]
