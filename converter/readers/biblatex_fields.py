"""biblatex fields that CSL holds elsewhere, derived before the table is applied: the URL an
``eprint`` stands for, and an ``addendum`` after the ``note``. The fields themselves are kept
(under custom.bibtex) so that writing BibLaTeX again gives them back."""
from __future__ import annotations

from typing import Dict

from ..mappings import bibtex as mapping
from ..vocabulary.latex import unescape_verbatim
from .bibtex_values import RawField


def eprint_identifiers(fields: Dict[str, RawField]) -> None:
    """``eprint`` with ``eprinttype`` (or its alias ``archiveprefix``) as the URL of an arXiv,
    JSTOR or Google Books record when there is no ``url``, and as the PMID of a PubMed one."""
    eprint = fields.get("eprint")
    kind = fields.get("eprinttype") or fields.get("archiveprefix")
    if eprint is None or kind is None:
        return
    kind_name = unescape_verbatim(kind.value).strip().lower()
    if kind_name == "pubmed" and "pmid" not in fields:
        fields["pmid"] = RawField(eprint.value, eprint.line)
    elif kind_name in mapping.EPRINT_URLS and "url" not in fields:
        fields["url"] = RawField(mapping.EPRINT_URLS[kind_name] + eprint.value.strip(), eprint.line)


def note_with_addendum(fields: Dict[str, RawField], used: set[str]) -> None:
    """biblatex prints ``addendum`` after the note; CSL has one note: 'Note. Addendum'."""
    note, addendum = fields.get("note"), fields.get("addendum")
    if note is None or addendum is None:
        return
    fields["note"] = RawField(note.value.rstrip().rstrip(".") + ". " + addendum.value, note.line)
    used.add("addendum")
