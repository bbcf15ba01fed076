"""A file wrapper for the range and partition tests: it logs where each opened file was sought to and
how many bytes it gave, so a test can show that a part reads only its own bytes."""
from __future__ import annotations

from ledger.read import ranges


class Counting:
    """An unbuffered file that logs where it was sought to and how many bytes were read."""

    def __init__(self, fh, log: list[dict]):
        self._fh, self._log = fh, log
        log.append({"seeks": [], "read": 0})

    def seek(self, pos, whence=0):
        self._log[-1]["seeks"].append(pos)
        return self._fh.seek(pos, whence)

    def readinto(self, buffer):
        n = self._fh.readinto(buffer)
        self._log[-1]["read"] += n or 0
        return n

    def read(self, n=-1):
        data = self._fh.read(n)
        self._log[-1]["read"] += len(data)
        return data

    def readline(self, n=-1):
        data = self._fh.readline(n)
        self._log[-1]["read"] += len(data)
        return data

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


def log_reads(monkeypatch) -> list[dict]:
    """Every file ``ledger.read.ranges`` opens from now on, with the positions sought and the bytes read."""
    log: list[dict] = []
    real_open = open
    monkeypatch.setattr(ranges, "open", lambda *a, **k: Counting(real_open(*a, **k), log), raising=False)
    return log
