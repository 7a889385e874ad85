"""clientcheck: an honest self-assessment of a client relationship."""

__version__ = "0.1.0"
