"""One writer per store: a second ``aid-ledger run`` on a store in use is told so at once.

SQLite serialises write transactions but a run holds the store for minutes between them; an
advisory lock (``flock``) on the store file, held while a Store is open, lets a second process
say clearly that the store is busy instead of failing later with ``database is locked``.
Readers that do not use aid-ledger (Datasette, Metabase) never take it and are never blocked.
"""
from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: SQLite's own locking is all there is
    fcntl = None


class StoreBusy(Exception):
    """Another process holds the store."""


def busy_message(path: Path) -> str:
    return (f"the store {str(path)!r} is in use by another aid-ledger process: wait for it to finish, "
            f"or use --db to pick another store")


def lock_store(path: Path) -> int | None:
    """Take the store's lock; return the descriptor that holds it (close it to release)."""
    if fcntl is None:
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreBusy(str(path)) from None
    except OSError:  # a file system without flock: SQLite's own locking is all there is
        os.close(fd)
        return None
    return fd


def unlock_store(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)
