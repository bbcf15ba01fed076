"""The version of aid-ledger (one place; pyproject.toml reads it, nothing here imports anything)."""
__version__ = "0.2.0"
