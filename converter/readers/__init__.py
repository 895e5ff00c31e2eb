"""Readers: one module per input format, each ``read(text, *, source, options) -> Result``."""
