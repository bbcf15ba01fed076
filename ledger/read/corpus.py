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

from ledger.model import Document, ReadError
from ledger.read.clean import UnreadableInput, decode_bytes, sniff_binary, utf16_encoding
from ledger.read.streams import skip_blank, stream_encoding, utf8_stream
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
    """Documents of a JSONL stream (UTF-8 or UTF-16), one line at a time; a broken or oversized
    line is one error with its number and reading goes on; a stream without a row is an error.
    ``line_offset`` lines of the corpus come before the stream (a range of a corpus file numbers
    its lines as the whole file does)."""
    handle = _text_stream(handle)
    line, rows = line_offset, 0
    while True:
        try:
            line += skip_blank(handle)
            raw = handle.readline(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(source, f"corpus unreadable from here on (truncated or corrupt): {exc}", line + 1)
            return
        if not raw:
            break
        line += 1
        rows += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_line(handle)
            yield ReadError(source, f"row too large: more than {max_bytes:,} bytes (--max-bytes)", line)
            continue
        yield _json_row(raw.removeprefix(codecs.BOM_UTF8) if line == 1 else raw, source, line)
    if not rows:
        raise UnreadableInput("corpus holds no rows (empty file)")


def _text_stream(handle: BinaryIO) -> BinaryIO:
    """``handle`` as UTF-8 bytes; a binary file is refused from its first bytes."""
    if not hasattr(handle, "peek"):
        handle = io.BufferedReader(handle)  # type: ignore[arg-type]
    encoding = stream_encoding(handle)
    if encoding is None:
        why = sniff_binary(handle.peek(_SNIFF)[:8192], corpus=True)
        if why:
            raise UnreadableInput(why)
    return utf8_stream(handle, encoding)


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
    except RecursionError:
        return ReadError(source, "broken JSON line: nested too deeply", line)
    return row_document(row, source, line)


def iter_csv(handle: BinaryIO, source: str, max_bytes: int, *, line_offset: int = 0) -> Iterator[Item]:
    """Documents of a CSV file (any encoding) with a header row naming a ``text`` column; a line
    over ``max_bytes`` is one error and reading goes on. ``line_offset`` is added to every line
    number (a range of a corpus file, read behind a copy of its header)."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    if not hasattr(handle, "peek"):
        handle = io.BufferedReader(handle)  # type: ignore[arg-type]
    encoding = _csv_encoding(handle)
    too_long: list[int] = []
    reader = csv.DictReader(_csv_lines(utf8_stream(handle, encoding), max_bytes, too_long))
    if not reader.fieldnames:
        raise UnreadableInput("empty CSV file")
    if "text" not in reader.fieldnames:
        raise UnreadableInput("CSV has no 'text' column (expected id, text, published, url, title)")
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row = ReadError(source, f"broken CSV row: {exc}", reader.line_num + line_offset)
        while too_long:
            yield ReadError(source, f"row too large: more than {max_bytes:,} bytes (--max-bytes)",
                            too_long.pop(0) + line_offset)
        rows += 1
        yield row if isinstance(row, ReadError) else row_document(row, source, reader.line_num + line_offset)
    while too_long:
        yield ReadError(source, f"row too large: more than {max_bytes:,} bytes (--max-bytes)",
                        too_long.pop(0) + line_offset)
    if not rows:
        raise UnreadableInput("CSV holds a header but no rows")


def _csv_lines(handle: BinaryIO, max_bytes: int, too_long: list[int]) -> Iterator[str]:
    """Lines of a UTF-8 stream for the csv module; a line over ``max_bytes`` is noted in
    ``too_long`` and read as an empty line, so its memory never exceeds the limit."""
    number = 0
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_line(handle)
            too_long.append(number)
            raw = b"\n"
        yield raw.decode("utf-8", "replace")


def _csv_encoding(handle: BinaryIO) -> str | None:
    """None for UTF-8, else the encoding to transcode from."""
    head = handle.peek(_SNIFF)[:_SNIFF]
    wide = utf16_encoding(head)
    if wide:
        return wide
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    why = sniff_binary(head[:8192], corpus=True)
    if why:
        raise UnreadableInput(why)
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    try:
        sample.decode("utf-8")
        return None
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
    except RecursionError:
        raise UnreadableInput("broken JSON: nested too deeply") from None
    if isinstance(value, dict):
        value = value.get("documents", [value]) if "text" not in value else [value]
    if not isinstance(value, list):
        raise UnreadableInput("JSON holds neither a document object nor a list of them")
    for number, row in enumerate(value, start=1):
        yield row_document(row, source, number)
