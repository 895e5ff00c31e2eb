"""HTML output escapes data and renders only the rich text CSL allows."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import converter

EVIL = {
    "id": "x", "type": "article-journal",
    "title": "<script>alert(1)</script> & <b>bold</b> <i>italic</i> <sup>2</sup> "
             '<span style="font-variant:small-caps;">Caps</span> <span class="nocase">iPhone</span>',
    "author": [{"family": "O'Brien & <Sons>", "given": "Jo <img src=x>"},
               {"literal": "<script>Lab</script> & Co"}],
    "container-title": "J. <Chem> & Phys",
    "page": "1<2",
    "issued": {"date-parts": [[2020]]},
}

ALLOWED_TAG = re.compile(r'</?(i|b|sup|sub|div|span)(\s+(class|style)="[^"]*")?>')


def _tags(html: str):
    return re.findall(r"<[^>]*>", html)


@pytest.mark.parametrize("to", ["apa", "gost", "gost-2008"])
def test_data_markup_is_escaped(to):
    html = converter.write([EVIL], to, markup="html")
    assert "<script" not in html and "<img" not in html and "<Sons>" not in html
    assert "&#60;script&#62;" in html
    for tag in _tags(html):
        assert ALLOWED_TAG.fullmatch(tag), tag
    # every ampersand is an entity
    assert not re.search(r"&(?!#\d+;)", html)
    # rich text survives as markup
    assert "<b>bold</b>" in html and "<i>italic</i>" in html and "<sup>2</sup>" in html
    assert '<span style="font-variant:small-caps;">Caps</span>' in html


def test_text_output_drops_markup_keeps_text():
    text = converter.write([EVIL], "apa")
    assert "<script>alert(1)</script>" in text  # text output is not HTML: shown as written
    assert "<b>" not in text and "bold" in text and "<sup>" not in text
    assert "O’Brien & <Sons>" in text


def test_citations_are_escaped_too():
    html = converter.write([EVIL], "apa", markup="html", citations=True)
    assert "<script" not in html and "&#38;" in html


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&\"'/=ixs")), min_size=1, max_size=30))
def test_any_title_is_escaped(title):
    html = converter.write([{"id": "1", "type": "book", "title": title,
                             "issued": {"date-parts": [[2001]]}}], "apa", markup="html")
    for tag in _tags(html):
        assert ALLOWED_TAG.fullmatch(tag), (title, tag)
    assert not re.search(r"&(?!#\d+;)", html)
