"""Arms transfers: statuses from coded events, register checks, tabular views (library side)."""
