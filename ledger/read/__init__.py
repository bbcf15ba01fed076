"""Read stage: real inputs (files, folders, globs, JSONL/CSV corpora, HTML, stdin) → Documents.

``iter_documents`` is what the CLI calls; ``read_html`` and ``strip_chrome`` are the page
cleaners it uses, exported for direct use.
"""
from __future__ import annotations

from ledger.read.chrome import strip_chrome
from ledger.read.clean import UnreadableInput, decode_bytes, repair_text
from ledger.model import Document, ReadError
from ledger.read.html import read_html
from ledger.read.count import count_documents
from ledger.read.identity import document_id
from ledger.read.inputs import DEFAULT_MAX_BYTES, SUFFIXES, Metadata, expand_paths, iter_documents
from ledger.read.meta import find_published, find_title, parse_date, split_header
from ledger.read.text import read_text

__all__ = [
    "Document", "ReadError", "UnreadableInput", "iter_documents", "expand_paths", "read_html",
    "read_text", "strip_chrome", "decode_bytes", "repair_text", "split_header", "parse_date",
    "find_published", "find_title", "DEFAULT_MAX_BYTES", "SUFFIXES", "Metadata", "document_id", "count_documents",
]
