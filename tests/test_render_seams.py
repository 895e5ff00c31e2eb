"""The rendering layer's speed-ups give the answers they replace (converter/rendering/seams.py;
the cached initials and script tests of rendering/names.py)."""
from __future__ import annotations

from citeproc import model
from citeproc import string as cstring
from citeproc.string import MixedString, NoCase, String
from hypothesis import given
from hypothesis import strategies as st

from converter.rendering import load_style, render, seams
from converter.rendering.markup import Tag

_TEXT = st.text(alphabet=" .,;:!?ab<>", max_size=4)


def _piece(depth: int = 2) -> st.SearchStrategy:
    flat = st.one_of(_TEXT, _TEXT.map(String), _TEXT.map(NoCase), _TEXT.map(Tag),
                     st.none(), st.integers(0, 99))
    if depth == 0:
        return flat
    return st.one_of(flat, st.lists(_piece(depth - 1), max_size=3).map(MixedString))


def _same(a, b) -> bool:
    return type(a) is type(b) and (list(map(_shape, a)) == list(map(_shape, b))
                                   if isinstance(a, MixedString) else a == b)


def _shape(x):
    return (type(x), list(map(_shape, x))) if isinstance(x, MixedString) else (type(x), x)


@given(_piece(), _piece())
def test_normalize_seam_answers_as_citeproc_py(left, other) -> None:
    assert _same(seams.normalize_seam(left, other), seams.original()(left, other))


def test_installed_where_citeproc_py_looks() -> None:
    load_style("citeconv-apa")  # compiling a style installs it
    assert cstring.normalize_seam is seams.normalize_seam
    assert model.normalize_seam is seams.normalize_seam


def test_names_render_alike_each_time() -> None:
    # the same person first in one entry, second in another, in text and HTML, with
    # markup, a particle and a given-name disambiguation: cached look-ups must not mix them up
    people = [{"family": "van <i>Gogh</i>", "given": "Vincent"}, {"family": "Smith", "given": "Anna-Maria"}]
    items = [{"id": "a", "type": "book", "title": "A", "author": people, "issued": {"date-parts": [[1990]]}},
             {"id": "b", "type": "book", "title": "B", "author": people[::-1], "issued": {"date-parts": [[1991]]}},
             {"id": "c", "type": "book", "title": "C", "author": [{"literal": "Smith"}], "issued": {"date-parts": [[1992]]}}]
    style = load_style("citeconv-apa")
    expected = {
        "text": (["Smith. (1992). C.", "Smith, A.-M., & van Gogh, V. (1991). B.",
                  "van Gogh, V., & Smith, A.-M. (1990). A."],
                 ["(van Gogh & Smith, 1990)", "(A.-M. Smith & van Gogh, 1991)", "(Smith, 1992)"]),
        "html": (["Smith. (1992). <i>C</i>.", "Smith, A.-M., &#38; van <i>Gogh</i>, V. (1991). <i>B</i>.",
                  "van <i>Gogh</i>, V., &#38; Smith, A.-M. (1990). <i>A</i>."],
                 ["(van <i>Gogh</i> &#38; Smith, 1990)", "(A.-M. Smith &#38; van <i>Gogh</i>, 1991)",
                  "(Smith, 1992)"]),
    }
    for _ in range(2):  # the second time from the caches
        for markup, (entries, citations) in expected.items():
            out = render(items, style, markup=markup, citations=True)
            assert (out.entries, out.citations) == (entries, citations)
