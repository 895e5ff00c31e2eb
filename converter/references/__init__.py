"""Free-text reference parsing."""
