"""Geoparsing helpers: toponym resolution with article context, metonymy, event locations."""
