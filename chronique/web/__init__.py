"""The web UI: static pages of our own (static/) and front-end files installed from the npm
registry by scripts/setup (node_modules/, from package-lock.json), all served by the API app."""
