"""The knowledge base: one SQLite file, schema-versioned, rebuilt idempotently."""
from .db import StoreError, connect

__all__ = ["StoreError", "connect"]
