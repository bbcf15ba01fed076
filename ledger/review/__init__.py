"""Review: the analysts' loop over the ledger.

``export_review`` writes the facts that feed totals, the most money in doubt first, as
``review.xlsx`` (made for editing) and ``review.csv``; ``import_review`` stores the cells an
analyst edited as corrections, which the store applies to the mentions before the facts are
built (``ledger/store/corrected.py``), on every later ``run``, ``report`` and ``reconcile``.
"""
from __future__ import annotations

from ledger.review.export import REVIEW_FILES, export_review
from ledger.review.files import Problem, ReviewFileError
from ledger.review.importing import ImportSummary, import_review
from ledger.review.queue import EDITABLE, REVIEW_COLUMNS, review_queue

__all__ = ["EDITABLE", "REVIEW_COLUMNS", "REVIEW_FILES", "ImportSummary", "Problem", "ReviewFileError",
           "export_review", "import_review", "review_queue"]
