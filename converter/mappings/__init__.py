"""One table per format, read in both directions by its reader and its writer."""
