"""The application layer: read → extract → store, one function per job for the CLI, the API and
the engines. The only package that knows both the pipeline and the store."""
