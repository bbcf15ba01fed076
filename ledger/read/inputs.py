"""Lazy reading of every input kind the CLI accepts: files, folders, globs, corpora, stdin.

This is the read boundary: whatever comes in, what goes out is a :class:`Document` of valid
Unicode with a date the ledger can hold and an id derived from its content
(:func:`ledger.read.identity.document_id`), or a :class:`ReadError` that names the input (with
bytes that are not UTF-8 shown as ``\\xff`` escapes) and says why it was skipped.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import glob
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ledger.engine.limits import EARLIEST_DATE, LATEST_DATE, date_in_range
from ledger.read.clean import UnreadableInput, decode_bytes, printable_name, sniff_binary, valid_unicode
from ledger.read.corpus import iter_csv, iter_json_file, iter_jsonl
from ledger.model import Document, ReadError
from ledger.read.html import looks_like_html, read_html
from ledger.read.identity import document_id
from ledger.read.text import read_text

__all__ = ["iter_documents", "expand_paths", "Metadata", "DEFAULT_MAX_BYTES", "SUFFIXES"]

DEFAULT_MAX_BYTES = 20_000_000
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz", ".ndjson",
            ".ndjson.gz", ".csv")
_GLOB_CHARS = frozenset("*?[")
_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))

Item = Document | ReadError


@dataclasses.dataclass(frozen=True, slots=True)
class Metadata:
    """What the command line says about the documents: ``published``, ``url`` and ``title`` replace
    what the document says (for one document: stdin or a single file); ``default_published`` is
    the date of every document that has none."""

    published: _dt.date | None = None
    url: str | None = None
    title: str | None = None
    default_published: _dt.date | None = None

    def apply(self, doc: Document) -> Document:
        fields = {k: getattr(self, k) for k in ("published", "url", "title") if getattr(self, k) is not None}
        if doc.published is None and "published" not in fields and self.default_published is not None:
            fields["published"] = self.default_published
        return dataclasses.replace(doc, **fields) if fields else doc


def iter_documents(
    paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None, metadata: Metadata | None = None,
) -> Iterator[Item]:
    """Every document of ``paths`` (strings or path objects) in input order, lazily; a bad input
    becomes one :class:`ReadError` (a bad corpus line: one for that line) and reading goes on.
    ``metadata`` (from the command line) is applied before each document gets its id."""
    for item in _raw_items(paths, max_bytes, stdin):
        if metadata is not None and isinstance(item, Document):
            item = metadata.apply(item)
        yield from _checked(item)


def _raw_items(paths: Iterable[str | os.PathLike], max_bytes: int, stdin: BinaryIO | None) -> Iterator[Item]:
    for path in map(os.fspath, paths):
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if path == "-":
            yield from _guard("-", lambda: _read_stdin(stdin or sys.stdin.buffer, max_bytes))
            continue
        for item in expand_paths([path]):
            if isinstance(item, ReadError):
                yield item
            else:
                yield from _guard(printable_name(item), lambda p=item: _read_file(p, max_bytes))


def _checked(item: Item) -> Iterator[Item]:
    """``item`` made safe for every later stage: valid Unicode in every field, an id from its
    content, a publication date the ledger can hold (else none, and a warning that says so)."""
    if isinstance(item, ReadError):
        source, reason = printable_name(item.source), valid_unicode(item.reason)
        yield item if (source, reason) == (item.source, item.reason) else ReadError(source, reason, item.line)
        return
    text, url = valid_unicode(item.text), item.url and valid_unicode(item.url)
    title, source = item.title and valid_unicode(item.title), printable_name(item.source)
    published = item.published if date_in_range(item.published) else None
    yield Document(doc_id=document_id(text, url), source=source, text=text, title=title,
                   published=published, url=url)
    if published is None and item.published is not None:
        name, _, line = source.rpartition(":")
        where = (name, int(line)) if line.isdigit() and name else (source, None)
        yield ReadError(where[0], f"publication date {item.published.isoformat()} is outside the dates the "
                                  f"ledger can hold ({EARLIEST_DATE.year}-{LATEST_DATE.year}): "
                                  f"kept without a date", where[1])


def expand_paths(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """Files named by ``paths``: files as given, folders recursively (sorted; hidden entries
    skipped; files of other types and unreadable sub-folders named as errors), glob patterns
    sorted; a path naming nothing → ReadError."""
    for path in paths:
        if os.path.isdir(path):
            found = list(_walk(path))
            if not any(isinstance(f, str) for f in found):
                yield ReadError(printable_name(path), "folder holds no readable files (" + ", ".join(SUFFIXES) + ")")
            yield from found
        elif os.path.lexists(path):
            yield path
        elif _GLOB_CHARS.intersection(path):
            matches = sorted(m for m in glob.glob(path, recursive=True) if not os.path.isdir(m))
            if not matches:
                yield ReadError(printable_name(path), "no file matches this pattern")
            yield from matches
        else:
            yield ReadError(printable_name(path), "no such file or folder")


def _walk(folder: str) -> Iterator[str | ReadError]:
    problems: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        yield from _folder_errors(problems)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if name.lower().endswith(SUFFIXES):
                yield path
            else:
                kind = f"{Path(name).suffix.lower()} files" if Path(name).suffix else "files without an extension"
                yield ReadError(printable_name(path), f"skipped: {kind} are not read (convert to text, HTML "
                                                      f"or CSV first)")
    yield from _folder_errors(problems)


def _folder_errors(problems: list[OSError]) -> Iterator[ReadError]:
    while problems:
        exc = problems.pop(0)
        yield ReadError(printable_name(str(exc.filename)), f"cannot read folder: {exc.strerror or exc}")


def _guard(source: str, read) -> Iterator[Item]:
    """Run one input's reader; whatever goes wrong becomes a ReadError for that input."""
    try:
        yield from read()
    except UnreadableInput as exc:
        yield ReadError(source, str(exc))
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadError(source, f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else f"cannot read: {exc}")
    except RecursionError:
        yield ReadError(source, "cannot read: nested too deeply")
    except Exception as exc:  # a reader bug must not stop the batch; name it clearly
        yield ReadError(source, f"unexpected {type(exc).__name__}: {exc}")


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    return Path(name).suffix.lstrip(".")


def open_regular(path: str) -> BinaryIO:
    """``path`` opened for reading when it is a regular file (or a link to one); a FIFO, device,
    socket or folder raises :class:`UnreadableInput` without ever blocking on it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
            raise UnreadableInput(f"not a regular file ({what}): skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=1 << 16)
    except BaseException:
        os.close(fd)
        raise


def _read_file(path: str, max_bytes: int) -> Iterator[Item]:
    kind, source = _kind(path), printable_name(path)
    with open_regular(path) as handle:
        if kind in ("jsonl", "ndjson"):
            yield from iter_jsonl(handle, source, max_bytes)
            return
        if kind == "jsonl.gz":
            with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
                # no read-ahead buffer of our own: rows before a damaged part must still come out
                yield from iter_jsonl(unzipped, source, max_bytes)
            return
        if kind == "csv":
            yield from iter_csv(handle, source, max_bytes)
            return
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise UnreadableInput("empty file")
        if size > max_bytes:
            raise UnreadableInput(f"file too large: {size:,} bytes > limit {max_bytes:,} (--max-bytes)")
        data = handle.read(max_bytes + 1)
    yield from _read_bytes(data, source, kind, max_bytes)


def _read_bytes(data: bytes, source: str, kind: str, max_bytes: int) -> Iterator[Item]:
    if not data.strip():
        raise UnreadableInput("empty file")
    if len(data) > max_bytes:
        raise UnreadableInput(f"file too large: more than {max_bytes:,} bytes (--max-bytes)")
    if kind == "json":
        yield from iter_json_file(data, source, max_bytes)
        return
    text = decode_bytes(data)
    if kind in ("html", "htm", "xhtml") or (kind not in ("txt", "md", "markdown") and looks_like_html(text)):
        yield read_html(text, source)
    else:
        yield read_text(text, source)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Item]:
    """Stdin: JSONL when it starts with ``{``, HTML when it starts like a page, else text."""
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(4096)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise UnreadableInput("empty input on stdin")
    why = sniff_binary(head)
    if why:
        raise UnreadableInput(why)
    if head.startswith(b"{"):
        yield from iter_jsonl(buffered, "-", max_bytes)
        return
    data = buffered.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableInput(f"stdin too large: more than {max_bytes:,} bytes (--max-bytes)")
    yield from _read_bytes(data, "-", "", max_bytes)
