"""Ingest: inputs (text, HTML, RSS/Atom, WARC, JSONL, plugins) → Articles; language; publication dates.

Entry point: ``chronique.ingest.sources.read_sources(paths, fmt=None)``.
"""
