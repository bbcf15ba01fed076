"""Shared fixtures: run the CLI in a fresh interpreter, and the optional ../shared folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture()
def ledger_cli():
    """``ledger_cli(*args)`` runs ``python -m ledger ARGS`` from the checkout and returns the result."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

    def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ledger", *map(str, args)], capture_output=True,
                              text=True, env=env, check=False, **kwargs)

    return run


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"reference material not found at {SHARED} (the ../shared folder beside the checkout)")
    return SHARED
