"""The built-in readers, one module per input format (registered in chronique.ingest.registry)."""
