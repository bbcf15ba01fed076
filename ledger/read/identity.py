"""A document's identity: derived from what it says, never from where it was read.

The id hashes the normalised text (white space collapsed, case kept) and, when the document
has one, its URL: the same article read through two path spellings, twice from stdin or from a
copy is one document; two different texts are two, even when piped one after the other.
"""
from __future__ import annotations

import hashlib

__all__ = ["document_id", "normalised_text"]


def normalised_text(text: str) -> str:
    """``text`` with every run of white space made one space, trimmed."""
    return " ".join(text.split())


def document_id(text: str, url: str | None = None) -> str:
    """16 hex digits of SHA-1 over the URL (when given) and the normalised text."""
    key = f"{(url or '').strip()}\x1f{normalised_text(text)}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
