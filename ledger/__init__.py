"""aid-ledger: figures from aid and finance news, as a typed ledger with reports.

Pipeline stages, one sub-package each: ``read`` → ``extract`` → ``context`` →
``normalise`` → ``store`` → ``report``.
"""
from __future__ import annotations

import datetime as _dt
import functools as _functools

from ledger.engine.limits import MAX_NUMBERS, extraction_cutoff
from ledger.model import Document, Figure, ReadError, Row
from ledger.version import __version__

__all__ = ["Document", "Figure", "ReadError", "Row", "__version__", "extract_figures"]


def extract_figures(text: str, *, published: _dt.date | str | None = None, url: str | None = None,
                    max_numbers: int | None = MAX_NUMBERS) -> list[Figure]:
    """Every figure in ``text``, in text order, with its context.

    ``published`` (a date or ISO string) anchors relative dates ("on Friday"); ``url`` names the
    publisher (who "we" are in a government's release, which dollar a bare "$" is). A text with
    more than ``max_numbers`` numbers (no real article comes near the default) is read only
    up to that number; ``ledger.engine.limits.extraction_cutoff`` tells where.
    """
    annotate, find_figures = _stages()
    if isinstance(published, str):
        published = _dt.date.fromisoformat(published[:10])
    cut = extraction_cutoff(text, max_numbers)
    part = text if cut is None else text[:cut]
    return annotate(part, find_figures(part), published, url=url)


@_functools.cache
def _stages():
    """The extract and context stages, imported on first use (``import ledger`` stays light) and only once:
    an import statement costs a call of the import machinery each time it runs."""
    from ledger.context import annotate
    from ledger.extract import find_figures

    return annotate, find_figures
