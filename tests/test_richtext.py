"""Rich text in titles (CSL-JSON's <i>, <b>, <sup>, <sub>, small caps, nocase) across formats."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import converter
from converter.vocabulary.casing import sentence_case
from converter.vocabulary.richtext import Run, from_runs, plain, recase, runs

BIB = r"""@article{aksin,
  author = {Aks{\i}n, {\"O}zge},
  title = {Effect of Immobilization on Saturated {Pd-N}-Heterocyclic Carbenes in {Mizoroki-Heck} Reactions \emph{in vivo}},
  journal = {J. Organomet. Chem.},
  year = 2006,
}
"""


def test_runs_and_plain():
    value = 'A <span class="nocase">Pd-N</span> and <i>E. coli</i></span> <b>x'
    assert plain(value) == "A Pd-N and E. coli</span> <b>x"  # unpaired tags stay text
    assert runs(value)[1] == Run("Pd-N", frozenset({"nocase"}))


@given(st.lists(st.tuples(st.text(alphabet="ab <>&/", min_size=1, max_size=5),
                          st.frozensets(st.sampled_from(["i", "b", "sup", "sub", "sc", "nocase"]), max_size=2)),
                max_size=5))
def test_from_runs_then_runs_keeps_text_and_styles(pieces):
    text_runs = [Run(t.replace("<", "").replace(">", "") or "a", s) for t, s in pieces]
    back = runs(from_runs(text_runs))
    assert "".join(r.text for r in back) == "".join(r.text for r in text_runs)


def test_recase_skips_nocase_and_keeps_markup():
    value = 'Saturated <span class="nocase">Pd-N</span>-Heterocyclic Carbenes in <i>Vivo</i>: A Study'
    assert recase(value, sentence_case) == \
        'Saturated <span class="nocase">Pd-N</span>-heterocyclic carbenes in <i>vivo</i>: A study'


def test_bibtex_braces_survive_into_apa():
    out = converter.convert(BIB, "bibtex", "apa")
    assert "saturated Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions in vivo" in out


def test_bibtex_braces_and_emph_round_trip_to_a_fixed_point():
    first = converter.convert(BIB, "bibtex", "biblatex")
    assert r"{Pd-N}-Heterocyclic" in first and r"\textit{in vivo}" in first
    second = converter.convert(str(first), "bibtex", "biblatex")
    assert converter.convert(str(second), "bibtex", "biblatex") == second


def test_jats_italic_both_ways():
    xml = converter.convert(BIB, "bibtex", "jats")
    assert "Reactions <italic>in vivo</italic></article-title>" in xml
    back = converter.read(str(xml), "jats").records[0]
    assert back["title"].endswith("Reactions <i>in vivo</i>")


def test_ris_writes_plain_text_and_says_so():
    out = converter.convert(BIB, "bibtex", "ris")
    assert "TI  - Effect of Immobilization on Saturated Pd-N-Heterocyclic Carbenes in Mizoroki-Heck Reactions in vivo" in out
    assert any("no RIS form" in d.message for d in out.diagnostics)
