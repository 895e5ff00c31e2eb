"""The bounded-memory bibliography (rendering/bounded.py, the streamed APA and GOST writers)
writes what the whole-list render writes, byte for byte, on a few hundred varied items:
cites that clash (same author and year, same family name with other given names, et al.
lists that differ after the first name), items without author or date, rich text, line
breaks, Cyrillic, in text and HTML, over chunk and block boundaries and forked processes."""
from __future__ import annotations

import multiprocessing
import random

import pytest

from converter import forked
from converter.options import Options
from converter.rendering import bounded, load_style, render
from converter.rendering.bounded import render_spooled
from converter.rendering.spool import Spool
from converter.writers import csl

FAMILIES = ["Smith", "Smith", "Doe", "Nguyen", "García", "Петров", "van der Berg", "O'Brien"]
GIVENS = ["John", "Jane", "J.", "J. J.", "Jean-Luc", "Mary Ann", "Иван", "Ilya"]
TYPES = ["article-journal", "book", "chapter", "report", "webpage", "paper-conference", "thesis"]


def _person(r: random.Random) -> dict:
    if r.random() < 0.05:
        return {"literal": r.choice(["World Health Organization", "Институт физики"])}
    return {"family": r.choice(FAMILIES), "given": r.choice(GIVENS)}


def _items(n: int, seed: int = 7) -> list:
    """Varied items drawn from small pools, so that many cites read alike."""
    r = random.Random(seed)
    items = []
    for i in range(n):
        item: dict = {"id": f"r{i % (n - 5)}", "type": r.choice(TYPES),
                      "title": r.choice(["A study of <i>things</i>", "Über Alles: a subtitle",
                                         "Two\nlines", "Исследование систем", "On “quoted” words",
                                         f"Report {i}"])}
        roll = r.random()
        if roll < 0.75:
            item["author"] = [_person(r) for _ in range(r.choice([1, 1, 2, 3, 3, 4, 8, 22]))]
        elif roll < 0.85:
            item["editor"] = [_person(r)]
        if r.random() < 0.9:
            item["issued"] = {"date-parts": [[r.choice([1999, 2020, 2020, 2021])]]}
        if r.random() < 0.5:
            item["container-title"] = r.choice(["Journal of Tests", "Вестник МГУ"])
            item["volume"], item["page"] = str(r.randint(1, 40)), f"{r.randint(1, 90)}-{r.randint(91, 200)}"
        if r.random() < 0.3:
            item["publisher"], item["publisher-place"] = "Наука", "Москва"
        if r.random() < 0.2:
            item["DOI"] = f"10.1000/x{i}"
        items.append(item)
    return items


ITEMS = _items(300)


@pytest.fixture
def small_pieces(monkeypatch):
    """Blocks and chunks of a few entries, so that a few hundred items cross many of them."""
    monkeypatch.setattr(bounded, "BLOCK", 37)
    monkeypatch.setattr(bounded, "CHUNK", 5)
    monkeypatch.setattr(csl, "GOST_BLOCK", 37)


def _spooled(items: list) -> Spool:
    spool = Spool()
    for item in items:
        spool.append(item)
    return spool


def test_the_spool_gives_back_each_item_as_written():
    with _spooled(ITEMS) as spool:
        assert len(spool) == len(ITEMS)
        assert spool[123] == ITEMS[123] and list(spool) == ITEMS


# besides APA (primary-name-with-initials): given names by cite (modern-language-association),
# citation numbers (ieee), subsequent-author-substitute (american-journal-of-sociology), the
# all-names rule (fachhochschule-sudwestfalen), cs:if disambiguate="true"
# (art-libraries-society-of-north-america-arlisna-reviews)
STYLES = ["citeconv-apa", "modern-language-association", "ieee", "american-journal-of-sociology",
          "fachhochschule-sudwestfalen", "art-libraries-society-of-north-america-arlisna-reviews"]


@pytest.mark.parametrize("markup", ["text", "html"])
@pytest.mark.parametrize("style", STYLES)
def test_bounded_entries_are_the_whole_list_entries(style, markup, small_pieces):
    loaded = load_style(style, None)
    whole = render(ITEMS, loaded, markup=markup).entries
    with _spooled(ITEMS) as spool:
        assert list(render_spooled(spool, loaded, markup=markup)) == whole


def test_the_items_clash_as_meant():
    """The sample has what disambiguation works on: year suffixes, initials, added names."""
    text = "".join(render(ITEMS, load_style("citeconv-apa", None), citations=True).citations)
    assert "2020a" in text and "2020c" in text
    assert "(J. Smith, " in text and "(M. A. Smith, " in text
    assert "(Smith, World Health Organization, et al., 2020)" in text


def _streamed(write_stream, options: Options) -> str:
    diags: list = []
    return "".join(write_stream(lambda: iter(ITEMS), options=options, diags=diags))


@pytest.mark.parametrize("markup", ["text", "html"])
@pytest.mark.parametrize("to", ["apa", "gost", "gost-2008"])
def test_streamed_writers_write_the_whole_list_text(to, markup, small_pieces):
    whole, stream = {"apa": (csl.write_apa, csl.write_apa_stream),
                     "gost": (csl.write_gost, csl.write_gost_stream),
                     "gost-2008": (csl.write_gost_2008, csl.write_gost_2008_stream)}[to]
    for options in (Options(markup=markup), Options(markup=markup, locale="en")):
        assert _streamed(stream, options) == str(whole(ITEMS, options=options))


def test_streamed_apa_citations_are_the_whole_list_citations():
    options = Options(citations=True)
    assert _streamed(csl.write_apa_stream, options) == str(csl.write_apa(ITEMS, options=options))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="this platform cannot fork")
def test_bounded_entries_over_forked_processes(small_pieces, monkeypatch):
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(forked, "MINIMUM_PER_JOB", 4)
    monkeypatch.setattr(bounded, "GROUPS_PER_JOB", 2)
    loaded = load_style("citeconv-apa", None)
    whole = render(ITEMS, loaded).entries
    with _spooled(ITEMS) as spool:
        assert list(render_spooled(spool, loaded, jobs=3)) == whole


# -- what the sort and disambiguation render (speed, with the same output) --------------------

def _tied_items(n: int) -> list:
    """One author for every item: all tie on the first sort key, dates and titles decide."""
    return [{"id": f"t{i}", "type": "article-journal", "title": f"Title {n - i}",
             "author": [{"family": "Smith", "given": "John"}],
             "issued": {"date-parts": [[2000 + i % 3]]}} for i in range(n)]


def test_a_tied_item_is_made_once_for_all_its_later_sort_keys(monkeypatch):
    made, read = [], []
    real = bounded.convert_item
    monkeypatch.setattr(bounded, "convert_item", lambda item, key, *a: made.append(key) or real(item, key, *a))
    real_read = bounded.BoundedRender._fresh
    monkeypatch.setattr(bounded.BoundedRender, "_fresh", lambda self, i: read.append(i) or real_read(self, i))
    items = _tied_items(30)
    loaded = load_style("citeconv-apa", None)
    with _spooled(items) as spool:
        render = bounded.BoundedRender(spool, loaded, jobs=1)
        render._sort()
        order = render.plan.order
    # made once from its item, for the first key; read back once more for the later keys (four
    # levels are asked of them)
    assert len(made) == len(items) and sorted(read) == list(range(len(items)))
    assert [items[i]["id"] for i in order] == [items[i]["id"] for i in
                                               sorted(range(30), key=lambda i: (i % 3, f"Title {30 - i}"))]


def test_every_later_step_reads_the_references_back(monkeypatch):
    """Each item's reference is made from its item once, in the sort's first pass."""
    made = []
    real = bounded.convert_item
    monkeypatch.setattr(bounded, "convert_item", lambda item, key, *a: made.append(key) or real(item, key, *a))
    loaded = load_style("citeconv-apa", None)
    with _spooled(ITEMS) as spool:
        assert list(render_spooled(spool, loaded)) == render(ITEMS, loaded).entries
    assert sorted(made) == sorted(f"i{i}" for i in range(len(ITEMS)))


def test_a_reference_read_back_is_the_reference_made():
    from converter.rendering.items import convert_item
    from converter.rendering.markup import FORMATTERS
    from converter.rendering.spool import References, dump_reference

    refs = [convert_item(item, f"i{n}", FORMATTERS["html"]) for n, item in enumerate(ITEMS)]
    kept = References()
    for ref in refs:
        kept.append(dump_reference(ref))
    for n, ref in enumerate(refs):
        back = kept[n]
        assert type(back) is type(ref) and dict(back) == dict(ref) and back.key == ref.key
        assert back.state is not ref.state and back.state.given_levels is None
    kept.close()


def test_given_names_are_tried_only_for_the_families_a_cite_shows(monkeypatch):
    from converter.rendering.disambiguation import Disambiguator

    tried = []
    real = Disambiguator._trial

    def trial(self, group, levels, shown=None):
        tried.append(dict(levels))
        return real(self, group, levels, shown)

    monkeypatch.setattr(Disambiguator, "_trial", trial)
    # "Smith et al., 2020" twice; with two names shown ("Smith, Doe, et al.") they still
    # read alike, and the second names' initials tell them apart: Roe is never shown
    items = [{"id": f"s{i}", "type": "book", "title": "Same", "issued": {"date-parts": [[2020]]},
              "author": [{"family": "Smith", "given": given}, {"family": "Doe", "given": other},
                         {"family": "Roe", "given": roe}]}
             for i, (given, other, roe) in enumerate([("John", "Ann", "Al"), ("Jane", "Bea", "Bo")])]
    cites = render(items, load_style("citeconv-apa", None), citations=True).citations
    assert cites[0] != cites[1] and "Roe" not in "".join(cites)
    assert tried and all(set(levels) <= {"Smith", "Doe"} for levels in tried)


def test_every_settled_cite_text_is_what_its_reference_renders():
    """A member's text after a decision is taken from its trial render: the same as a render."""
    from citeproc import Citation
    from citeproc.source import BibliographySource

    from converter.rendering.cites import Cite, Document
    from converter.rendering.disambiguation import Disambiguator
    from converter.rendering.items import convert_items
    from converter.rendering.markup import FORMATTERS

    compiled = load_style("citeconv-apa", None).compiled("text")
    refs = convert_items(ITEMS, FORMATTERS["text"])
    source = BibliographySource()
    for ref in refs:
        source.add(ref)
    doc = Document(compiled, source)
    for ref in refs:
        doc.register(Citation([Cite(ref.key)]))
    worker = Disambiguator(doc, doc.keys)
    worker.run()
    checked = 0
    for key, text in worker._settled.items():
        if not dict.__contains__(worker.ref(key), "year_suffix"):  # suffixes come after the texts
            assert text == worker.text(key), key
            checked += worker.ref(key).state.given_levels is not None
    assert checked > 10


@pytest.mark.parametrize("style", ["citeconv-apa", "fachhochschule-sudwestfalen"])
def test_cite_texts_of_the_sorts_first_pass_are_those_rendered_after_it(style, small_pieces, monkeypatch):
    """Each cite's text is rendered in the sort's first pass (no citation numbers in these
    styles), those a global given-name level touches again after it: the clashing cites and
    their texts are the ones a pass of its own after the sort finds."""
    seen = []
    real_step = bounded.BoundedRender._step

    def step(self, groups, work, texts, position):
        seen.append((None, [list(g) for g in groups], dict(texts)))
        return real_step(self, groups, work, texts, position)

    monkeypatch.setattr(bounded.BoundedRender, "_step", step)
    loaded = load_style(style, None)
    with _spooled(ITEMS) as spool:
        assert bounded.BoundedRender(spool, loaded).early == []
        early = list(render_spooled(spool, loaded))
    assert bounded._numbered(load_style("ieee", None).compiled("text").root)
    monkeypatch.setattr(bounded, "_numbered", lambda root: True)  # the pass after the sort
    with _spooled(ITEMS) as spool:
        assert list(render_spooled(spool, loaded)) == early
    half = len(seen) // 2
    assert seen[:half] == seen[half:] and (seen or style != "citeconv-apa")


def test_a_streamed_render_sweeps_its_young_garbage_and_puts_the_collector_back(small_pieces, monkeypatch):
    import gc

    sweeps = []
    monkeypatch.setattr(bounded.BoundedRender, "_sweep", lambda self: sweeps.append((self.sweeping, gc.get_threshold())))
    before = gc.get_threshold()
    loaded = load_style("citeconv-apa", None)
    with _spooled(ITEMS) as spool:
        entries = list(render_spooled(spool, loaded))
    assert entries == render(ITEMS, loaded).entries
    assert gc.get_threshold() == before
    assert sweeps and all((threshold[1] == bounded.YOUNG_ROUNDS) is sweeping for sweeping, threshold in sweeps)
    if gc.isenabled() and forked.only_thread():  # (where other threads run, the thresholds are left alone)
        assert all(sweeping for sweeping, _ in sweeps)


def test_a_streamed_render_leaves_no_cycles_for_a_full_collection(small_pieces, monkeypatch):
    import gc

    # the render sweeps only where no other thread runs; an earlier test of the suite may leave one
    # (a server's), whose garbage is no concern here
    monkeypatch.setattr(bounded, "only_thread", lambda: True)
    assert gc.isenabled()
    loaded = load_style("citeconv-apa", None)
    with _spooled(ITEMS) as spool:
        gc.collect()
        for _ in render_spooled(spool, loaded):
            pass
        assert gc.collect(2) < 20 * len(ITEMS)  # before the sweeps: about 150 objects an item
