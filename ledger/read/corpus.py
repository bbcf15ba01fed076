"""Corpora with one document a row: JSONL (plain or gzip), CSV, and JSON files.

Rows are read one at a time, so memory is bounded by one document (``max_bytes``), never by
the corpus. A broken row becomes a :class:`ReadError` with its line number; the rest goes on.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ledger.read.clean import UnreadableInput, decode_bytes
from ledger.model import Document, ReadError
from ledger.read.text import read_text

__all__ = ["iter_jsonl", "iter_csv", "iter_json_file", "row_document"]

Item = Document | ReadError
_CHUNK = 1 << 20
_SNIFF = 1 << 16


def row_document(row: object, source: str, line: int) -> Item:
    """One corpus row (``id``, ``text``, optional ``published``, ``url``, ``title``) → Document."""
    where = f"{source}:{line}"
    if not isinstance(row, dict):
        return ReadError(source, f"row is a JSON {type(row).__name__}, expected an object with 'text'", line)
    text = row.get("text")
    if not isinstance(text, str):
        return ReadError(source, "row has no 'text' string", line)
    if not text.strip():
        return ReadError(source, "row has an empty 'text'", line)
    doc_id = row.get("id")
    try:
        return read_text(
            text, where, doc_id=str(doc_id) if doc_id not in (None, "") else None, header=False,
            title=_str_or_none(row.get("title")), published=_str_or_none(row.get("published")),
            url=_str_or_none(row.get("url")),
        )
    except UnreadableInput as exc:
        return ReadError(source, str(exc), line)


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def iter_jsonl(handle: BinaryIO, source: str, max_bytes: int, *, line_offset: int = 0) -> Iterator[Item]:
    """Documents of a JSONL stream, one line at a time; ``line_offset`` lines of the corpus come
    before the stream (a range of a corpus file numbers its lines as the whole file does)."""
    line = line_offset
    while True:
        try:
            raw = handle.readline(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(source, f"corpus unreadable from here on (truncated or corrupt): {exc}", line + 1)
            return
        if not raw:
            return
        line += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_line(handle)
            yield ReadError(source, f"row too large: more than {max_bytes:,} bytes (--max-bytes)", line)
            continue
        if raw.strip():
            yield _json_row(raw, source, line)


def _skip_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_row(raw: bytes, source: str, line: int) -> Item:
    try:
        try:
            row = json.loads(raw)
        except UnicodeDecodeError:
            row = json.loads(decode_bytes(raw))
    except UnreadableInput as exc:
        return ReadError(source, str(exc), line)
    except ValueError as exc:
        return ReadError(source, f"broken JSON line: {getattr(exc, 'msg', exc)}", line)
    return row_document(row, source, line)


def iter_csv(handle: BinaryIO, source: str, max_bytes: int, *, line_offset: int = 0) -> Iterator[Item]:
    """Documents of a CSV file with a header row naming a ``text`` column; ``line_offset`` is added
    to every line number (a range of a corpus file, read behind a copy of its header)."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    reader = csv.DictReader(io.TextIOWrapper(handle, encoding=_csv_encoding(handle), errors="replace", newline=""))
    if not reader.fieldnames:
        raise UnreadableInput("empty CSV file")
    if "text" not in reader.fieldnames:
        raise UnreadableInput("CSV has no 'text' column (expected id, text, published, url, title)")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(source, f"broken CSV row: {exc}", reader.line_num + line_offset)
            continue
        yield row_document(row, source, reader.line_num + line_offset)


def _csv_encoding(handle: BinaryIO) -> str:
    head = handle.peek(_SNIFF)[:_SNIFF] if hasattr(handle, "peek") else b""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise UnreadableInput("cannot decode CSV: not UTF-8 and no known encoding fits")
    return best.encoding


def iter_json_file(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    """A ``.json`` file: one document object, or a list of them (rows numbered from 1)."""
    try:
        value = json.loads(decode_bytes(data))
    except ValueError as exc:
        raise UnreadableInput(f"broken JSON: {getattr(exc, 'msg', exc)}") from None
    if isinstance(value, dict):
        value = value.get("documents", [value]) if "text" not in value else [value]
    if not isinstance(value, list):
        raise UnreadableInput("JSON holds neither a document object nor a list of them")
    for number, row in enumerate(value, start=1):
        yield row_document(row, source, number)
