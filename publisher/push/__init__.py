"""push stage."""
