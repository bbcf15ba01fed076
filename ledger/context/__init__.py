"""Context stage: the sentence, item, role, donor, recipient and event date of every figure."""
from __future__ import annotations

from ledger.context.annotate import annotate
from ledger.text.gazetteer import canonical_name, find_actors
from ledger.text.sentences import split_sentences

__all__ = ["annotate", "canonical_name", "find_actors", "split_sentences"]
