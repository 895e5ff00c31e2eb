"""The look-ups a compiled style finds once (converter/rendering/elements/lookups.py) give,
for every element, the answer citeproc-py's own methods give by searching the tree."""
from __future__ import annotations

import pytest
from citeproc import model

from converter.rendering import load_style, render

STYLES = ["apa", "citeconv-gost-2018", "citeconv-gost-2008", "chicago-notes-bibliography", "ieee"]
NAME_OPTIONS = ["and", "delimiter", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
                "et-al-use-first", "et-al-subsequent-min", "et-al-subsequent-use-first", "et-al-use-last",
                "form", "initialize-with", "initialize-with-hyphen", "name-as-sort-order",
                "sort-separator", "demote-non-dropping-particle"]


def _every_element(compiled):
    """The elements of a compiled style and of its locale files, as fresh lxml proxies: each
    finds its look-ups when first asked (``lookups._prepare_element``)."""
    trees = [compiled.root] + [found for found in compiled.root.locales
                               if found.getroottree().getroot() is not compiled.root]
    return [el for tree in trees for el in tree.iter() if isinstance(el, model.CitationStylesElement)]


def test_elements_are_prepared_when_the_style_is_compiled_and_kept():
    # all at once, in the compiling thread: preparing each on first use raced between threads
    compiled = load_style("citeconv-apa").compiled("text")
    everything = _every_element(compiled)
    assert len(compiled.elements) >= len(everything) > 50
    render([{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2020]]}}], load_style("citeconv-apa"))
    layout = compiled.root.bibliography.layout
    assert any(el is layout for el in compiled.elements)  # kept: lxml gives the same object again
    before = len(compiled.elements)
    assert layout._kids and len(compiled.elements) == before  # prepared once


@pytest.mark.parametrize("name", STYLES)
@pytest.mark.parametrize("markup", ["text", "html"])
def test_lookups_answer_as_citeproc_py(name, markup):
    compiled = load_style(name).compiled(markup)
    elements = _every_element(compiled)
    assert len(elements) > 100
    checked = {"names": 0, "terms": 0, "dates": 0}
    for el in elements:
        assert el.get_root() is model.CitationStylesElement.get_root(el)
        if isinstance(el, model.Locale):
            if not any(el is found for found in compiled.root.locales):
                continue  # a cs:locale of the style for another language: never asked
            assert el.get_formatter() is model.Locale.get_formatter(el)
            terms = el.find("cs:terms", el.nsmap)
            for term in (terms.iterfind("cs:term", el.nsmap) if terms is not None else []):
                key = (term.get("name"), term.get("form"))
                assert el.get_term(*key) is model.Locale.get_term(el, *key)
                checked["terms"] += 1
            for date in el.iterfind("cs:date", el.nsmap):
                assert el.get_date(date.get("form")) is model.Locale.get_date(el, date.get("form"))
                checked["dates"] += 1
        else:
            assert el.get_formatter() is model.CitationStylesElement.get_formatter(el)
        if isinstance(el, model.Date):
            assert el.is_locale_date() == model.Date.is_locale_date(el)
        if isinstance(el, model.Names) and el.xpath_search("./ancestor::cs:citation | ./ancestor::cs:bibliography"):
            assert el.get_parent_delimiter() == model.Names.get_parent_delimiter(el)
            assert el.substitute() is model.Names.substitute(el)
        if isinstance(el, model.Name) and el.xpath_search("./ancestor::cs:citation | ./ancestor::cs:bibliography"):
            for option in NAME_OPTIONS:
                assert el.get_option(option) == model.Name.get_option(el, option), option
            checked["names"] += 1
        if isinstance(el, model.If) and "type" in el.attrib:
            assert el._types == tuple(t.lower() for t in el.get("type").split())
    assert checked["terms"] > 100 and checked["dates"] >= 2
