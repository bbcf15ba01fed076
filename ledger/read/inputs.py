"""Lazy reading of every input kind the CLI accepts: files, folders, globs, corpora, stdin."""
from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ledger.read.clean import UnreadableInput, decode_bytes, sniff_binary
from ledger.read.corpus import iter_csv, iter_json_file, iter_jsonl
from ledger.model import Document, ReadError
from ledger.read.html import looks_like_html, read_html
from ledger.read.text import read_text

__all__ = ["iter_documents", "expand_paths", "DEFAULT_MAX_BYTES", "SUFFIXES"]

DEFAULT_MAX_BYTES = 20_000_000
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz", ".csv")
_GLOB_CHARS = frozenset("*?[")

Item = Document | ReadError


def iter_documents(
    paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Every document of ``paths`` (strings or path objects) in input order, lazily; a bad input
    becomes one :class:`ReadError` (a bad corpus line: one for that line) and reading goes on."""
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _guard("-", lambda: _read_stdin(stdin or sys.stdin.buffer, max_bytes))
            continue
        for item in expand_paths([path]):
            if isinstance(item, ReadError):
                yield item
            else:
                yield from _guard(item, lambda p=item: _read_file(p, max_bytes))


def expand_paths(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """Files named by ``paths``: files as given, folders recursively (sorted, hidden entries and
    unknown file types skipped), glob patterns sorted; a path naming nothing → ReadError."""
    for path in paths:
        if os.path.isdir(path):
            found = list(_walk(path))
            if not found:
                yield ReadError(path, "folder holds no readable files (" + ", ".join(SUFFIXES) + ")")
            yield from found
        elif os.path.exists(path):
            yield path
        elif _GLOB_CHARS.intersection(path):
            matches = sorted(m for m in glob.glob(path, recursive=True) if os.path.isfile(m))
            if not matches:
                yield ReadError(path, "no file matches this pattern")
            yield from matches
        else:
            yield ReadError(path, "no such file or folder")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                yield os.path.join(root, name)


def _guard(source: str, read) -> Iterator[Item]:
    """Run one input's reader; whatever goes wrong becomes a ReadError for that input."""
    try:
        yield from read()
    except UnreadableInput as exc:
        yield ReadError(source, str(exc))
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadError(source, f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else f"cannot read: {exc}")
    except Exception as exc:  # a reader bug must not stop the batch; name it clearly
        yield ReadError(source, f"unexpected {type(exc).__name__}: {exc}")


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    return Path(name).suffix.lstrip(".")


def _read_file(path: str, max_bytes: int) -> Iterator[Item]:
    kind = _kind(path)
    if kind in ("jsonl", "ndjson"):
        with open(path, "rb") as handle:
            yield from iter_jsonl(handle, path, max_bytes)
        return
    if kind == "jsonl.gz":
        with gzip.open(path, "rb") as handle:
            yield from iter_jsonl(handle, path, max_bytes)
        return
    if kind == "csv":
        with open(path, "rb") as handle:
            yield from iter_csv(handle, path, max_bytes)
        return
    size = os.path.getsize(path)
    if size == 0:
        raise UnreadableInput("empty file")
    if size > max_bytes:
        raise UnreadableInput(f"file too large: {size:,} bytes > limit {max_bytes:,} (--max-bytes)")
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    yield from _read_bytes(data, path, kind, max_bytes)


def _read_bytes(data: bytes, source: str, kind: str, max_bytes: int) -> Iterator[Item]:
    if not data.strip():
        raise UnreadableInput("empty file")
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
