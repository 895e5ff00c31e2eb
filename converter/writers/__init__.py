"""Writers: one module per output format, each ``write(items, *, options) -> Output``."""
