"""Training and cross-validating the page reader's line model (converter/readers/page/line_model.py)."""
