"""Rendering CSL styles through citeproc-py."""
