"""Edition feed publisher: newspaper page text in, feeds and pushes out."""

__version__ = "0.1.0"
