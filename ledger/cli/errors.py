"""How the command line names what went wrong, and the exit status of each case."""
from __future__ import annotations

PROG = "aid-ledger"

#: Exit status: every input processed / some input failed (named on stderr) / a usage error
#: (one line that says what to do) / an internal error (a bug: one line, and a report is welcome).
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """A mistake in how the command was called: one line on stderr, exit 2."""
