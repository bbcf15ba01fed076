"""Normalise: figures of a document → typed ledger rows with US$/EUR values."""
from __future__ import annotations

from ledger.normalise.build import figure_id, to_row, to_rows
from ledger.normalise.fx import Conversion, conversion
from ledger.model import Row

__all__ = ["Conversion", "Row", "conversion", "figure_id", "to_row", "to_rows"]
