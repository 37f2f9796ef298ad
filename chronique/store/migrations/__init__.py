"""Alembic migrations of the store, run programmatically on open (store.engine.upgrade)."""
