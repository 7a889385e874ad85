"""Saved clients: the SQLite store, history and portfolio, export and import."""
