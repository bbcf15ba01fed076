"""Crash-safe file writes: a temporary file in the target folder, renamed into place."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``final``; on success it replaces ``final`` atomically.

    If the body raises, the temporary file is removed and ``final`` (if it existed) is
    left exactly as it was, so a crash never leaves a half-written report.
    """
    final = Path(final)
    fd, tmp_name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; reports get the usual permissions
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync(path: Path) -> None:
    """Flush ``path`` to disk so the rename never exposes an empty file after a power cut."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


#: Prefix of the temporary folder a report set is written into, inside the output folder.
SET_PREFIX = ".aid-ledger-reports-"
_READY = "READY"  # written last into the folder: every file of the set is complete


@contextlib.contextmanager
def atomic_set(out: Path) -> Iterator[Path]:
    """Yield a temporary folder inside ``out``; when the body succeeds every file written into it
    replaces its namesake in ``out``, as one set.

    The folder is marked complete (``READY``) before the first file moves; a process killed while
    the files move leaves the marked folder behind, and :func:`finish_interrupted` (run before
    every report) moves the rest, so the set in ``out`` is never a mix of two runs for longer than
    it takes to start the next one. If the body raises, the folder goes and ``out`` is untouched.
    """
    out = Path(out)
    finish_interrupted(out)
    tmp = Path(tempfile.mkdtemp(dir=out, prefix=SET_PREFIX))
    os.chmod(tmp, 0o777 & ~_umask())
    try:
        yield tmp
        for path in tmp.iterdir():
            os.chmod(path, 0o666 & ~_umask())
            _fsync(path)
        (tmp / _READY).write_bytes(b"")
        _fsync(tmp / _READY)
    except BaseException:
        _remove(tmp)
        raise
    _move_all(tmp, out)


_PREVIOUS = ".previous"  # inside the temporary folder: the files being replaced, until all are


def _move_all(tmp: Path, out: Path) -> None:
    """Swap the set in: each old file is moved aside, then the new one into its place; when one
    cannot be (a file locked by another program), every file swapped so far is put back."""
    previous = tmp / _PREVIOUS
    previous.mkdir(exist_ok=True)
    done: list[tuple[str, bool]] = []
    try:
        for path in sorted(p for p in tmp.iterdir() if p.name not in (_READY, _PREVIOUS)):
            final, had = out / path.name, (out / path.name).exists()
            if had:
                os.replace(final, previous / path.name)
            done.append((path.name, had))
            os.replace(path, final)
    except OSError:
        for name, had in reversed(done):
            with contextlib.suppress(OSError):
                if had:
                    os.replace(previous / name, out / name)
        _remove(previous)
        _remove(tmp)
        raise
    _remove(previous)
    _remove(tmp)


def finish_interrupted(out: Path) -> list[str]:
    """Complete or remove what an interrupted report writer left in ``out``: a complete set is
    moved into place, an incomplete one and stray temporary files are deleted. Returns the names
    of what was cleaned up."""
    cleaned = []
    if not Path(out).is_dir():
        return cleaned
    for path in sorted(Path(out).iterdir()):
        if path.name.startswith(SET_PREFIX) and path.is_dir():
            if (path / _READY).exists():
                _move_all(path, Path(out))
            else:
                _remove(path)
            cleaned.append(path.name)
        elif path.name.startswith(".") and path.name.endswith(".tmp") and path.is_file():
            with contextlib.suppress(OSError):
                path.unlink()
                cleaned.append(path.name)
    return cleaned


def _remove(folder: Path) -> None:
    for path in folder.iterdir() if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            path.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
