"""Shared fixtures: run the CLI in a fresh interpreter from the checkout."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


class LedgerCli:
    """``ledger_cli(*args)`` runs ``python -m ledger ARGS`` and returns the finished process;
    ``argv(*args)`` and ``env`` start one yourself (e.g. to kill it)."""

    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

    @staticmethod
    def argv(*args) -> list[str]:
        return [sys.executable, "-m", "ledger", *map(str, args)]

    def __call__(self, *args, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(self.argv(*args), capture_output=True, text=True, env=self.env,
                              check=False, **kwargs)


@pytest.fixture()
def ledger_cli() -> LedgerCli:
    return LedgerCli()


@pytest.fixture(scope="module")
def ledger_cli_module() -> LedgerCli:
    """``ledger_cli`` for module-scoped fixtures (one run shared by a module's tests)."""
    return LedgerCli()
