"""Training and evaluating the reference parser's CRF (converter/references/crf.py loads what
this writes): labelled data, synthetic and rendered strings, cross-fitting, the n-gram lexicon
and the given-name list. See tools/README.md."""
