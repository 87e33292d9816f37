"""edition stage."""
