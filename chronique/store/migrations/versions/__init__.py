"""Migration scripts, oldest first; each revision is frozen once released."""
