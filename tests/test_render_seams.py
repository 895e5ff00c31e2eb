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


def test_choose_takes_the_branch_it_took_before() -> None:
    # items of several kinds, in turn: each renders through a style that has seen the others
    # (elements/group.py keeps the branch taken per kind) as through a fresh one
    from converter.rendering import load_style_text
    from converter.rendering.styles import find_style

    with open(find_style("citeconv-apa"), encoding="utf-8") as fh:
        xml = fh.read()
    base = {"title": "On things", "issued": {"date-parts": [[2001]]},
            "author": [{"family": "Doe", "given": "Jane"}]}
    kinds = [{"type": "book", "publisher": "P"}, {"type": "article-journal", "container-title": "J", "DOI": "10.1/x"},
             {"type": "chapter", "container-title": "B", "editor": [{"family": "Roe", "given": "R."}]},
             {"type": "article-journal", "container-title": "J", "volume": "3", "page": "1-9"},
             {"type": "webpage", "URL": "https://example.org"}, {"type": "book"},
             {"type": "book", "edition": "2", "publisher": "P"}, {"type": "book", "edition": "2nd ed.", "publisher": "P"},
             {"type": "book", "issued": {"date-parts": [[1999]], "circa": True}},
             {"type": "legal_case", "authority": "Court", "number": "12"}]
    items = [dict(base, id=f"i{n}", title=f"On things {n}", author=[{"family": "Doe" + "abcdefghijklmnopqrstuvwxyz"[n], "given": "J."}],
                  **kind) for n, kind in enumerate(kinds * 2)]
    seen = load_style_text(xml)
    together = render(items, seen, citations=True)
    for n, item in enumerate(items):
        alone = render([item], load_style_text(xml), citations=True)
        assert together.citations[n] == alone.citations[0]
        assert alone.entries[0] in together.entries


def _added(left, other):
    try:
        return ("ok", left + other)
    except Exception as exc:  # the same failure, if any
        return ("error", type(exc))


def _seams_added(left, other):
    try:
        return ("ok", seams.add(left, other))
    except Exception as exc:
        return ("error", type(exc))


@given(_piece(), _piece())
def test_add_answers_as_citeproc_py(left, other) -> None:
    seams.install()  # citeproc-py's ``+`` with the installed seams (the same answers as its own)
    (kind, value), (seams_kind, seams_value) = _added(left, other), _seams_added(left, other)
    assert kind == seams_kind
    assert value == seams_value if kind == "error" else _same(seams_value, value)


@given(_piece(), _piece())
def test_add_seamed_answers_as_add_after_normalize_seam(left, other) -> None:
    seams.install()
    pieces = [p for p in (left, other) if p is not None and not isinstance(p, int)]  # what wrap adds
    if len(pieces) < 2:
        return
    left, other = pieces
    first = _seams_added(left, seams.normalize_seam(left, other))
    kind, value = _seams_added_seamed(left, other)
    assert kind == first[0]
    assert value == first[1] if kind == "error" else _same(value, first[1])


def _seams_added_seamed(left, other):
    try:
        return ("ok", seams.add_seamed(left, other))
    except Exception as exc:
        return ("error", type(exc))


@given(st.lists(_piece(), max_size=5), st.sampled_from(["", " ", ", ", ". ", ".", "; "]))
def test_join_answers_as_citeproc_py(items, delimiter) -> None:
    seams.install()
    pieces = [p for p in items if p is not None and not isinstance(p, int)]  # what renders join
    original = seams.original_join()(list(pieces), delimiter)
    joined = seams.join(list(pieces), delimiter)
    assert _same(joined, original)
    assert _same(seams.join(list(pieces), delimiter), original)  # the pieces were not changed


def test_join_leaves_its_pieces_alone() -> None:
    first, second = MixedString([String("a"), String("b")]), MixedString([String("c")])
    seams.join([first, second, String("d")], ", ")
    assert list(first) == ["a", "b"] and list(second) == ["c"]


def test_join_installed_where_citeproc_py_looks() -> None:
    load_style("citeconv-apa")
    assert cstring.join is seams.join
    assert model.join is seams.join
