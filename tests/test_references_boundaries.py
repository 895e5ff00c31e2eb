"""Session 13's boundary rules (converter/references/hosts.py, gost.py), on the model's segments:
each takes (label, text) segments in string order and moves text between them, so they are
tested without the model."""
from __future__ import annotations

import pytest

from converter.references import gost, hosts


def test_a_quoted_title_runs_to_its_closing_quote() -> None:
    s = '"On the claims for elements 110, 111, 112 ." Pure Appl. Chem. 75 :1601 -1611.'
    segments = [("title", '"On the claims for elements 110,'), ("volume", "111, 112"), ("other", '."'),
                ("container", "Pure Appl. Chem."), ("volume", "75"), ("pages", ":1601 -1611.")]
    out = hosts.quoted_title_closed(s, segments)
    assert out[0] == ("title", '"On the claims for elements 110, 111, 112 ."')
    assert ("container", "Pure Appl. Chem.") in out
    assert not any(label == "volume" and "111" in text for label, text in out)


def test_a_title_closed_inside_its_quotes_is_left_alone() -> None:
    s = "“Title, with a comma,” Journal 4, 5–6."
    segments = [("title", "“Title, with a comma,”"), ("container", "Journal"), ("volume", "4,"), ("pages", "5–6.")]
    assert hosts.quoted_title_closed(s, segments) == segments


@pytest.mark.parametrize("segments, title", [
    ([("author", "Ashcroft N.,"), ("title", "Solid State Physics (Cengage Learning;"), ("date", "1976).")],
     "Solid State Physics"),
    ([("title", "Droit constitutionnel (29e édition."), ("location", "Paris")], "Droit constitutionnel"),
    ([("title", "Türkiye’de Ordu [L'armée en Turquie :"), ("location", "Istanbul")], "Türkiye’de Ordu"),
    # the bracket closes in the next segment: 'Research (Planets' + ') ,121'
    ([("container", "Journal of Geophysical Research (Planets"), ("other", ") ,"), ("volume", "121")],
     None),
])
def test_a_bracket_opened_and_never_closed_ends_the_title(segments, title) -> None:
    out = hosts.title_bracket_unclosed(segments)
    if title is None:
        assert out == segments
    else:
        assert dict(reversed(out))["title"] == title


@pytest.mark.parametrize("container, want", [
    ("Science356 ,", ("Science", "356")),
    ("Annu. Rev. Astron. Astrophys.52 ,", ("Annu. Rev. Astron. Astrophys.", "52")),
    ("MNRAS,464", ("MNRAS", "464")),
    ("Phys. Lett.B751", ("Phys. Lett.B", "751")),
    ("COVID19 Studies", None),        # digits inside a name, not at its end
    ("Journal of Physics A 4", None),  # spaced: the model's call
])
def test_digits_glued_to_a_container_are_its_volume(container, want) -> None:
    segments = [("title", "A title."), ("container", container), ("pages", "50- 54")]
    out = hosts.glued_volume(segments)
    if want is None:
        assert out == segments
    else:
        assert out[1:3] == [("container", want[0]), ("volume", want[1])]


def test_a_volume_already_found_keeps_the_container_whole() -> None:
    segments = [("container", "Science356"), ("volume", "12")]
    assert hosts.glued_volume(segments) == segments


def test_the_city_before_a_state_code_is_the_place() -> None:
    segments = [("author", "Alcorn, Randy."), ("container", "Heaven. Carol Stream,"), ("location", "IL:"),
                ("publisher", "Tyndale,"), ("date", "2004.")]
    out = hosts.city_before_state(segments)
    assert out[1] == ("container", "Heaven.")
    assert out[2] == ("location", "Carol Stream, IL:")


@pytest.mark.parametrize("s, segments, want", [
    ("陳遵嬀, 二十八宿的演變, 中國天文學史, 권2, 1985.",
     [("author", "陳遵嬀, 二十八宿的演變,"), ("other", "中國天文學史, 권2,"), ("date", "1985.")],
     {"author": "陳遵嬀", "title": "二十八宿的演變", "container": "中國天文學史"}),
    ("宇治鄕毅. 1985. 近代韓國公共圖書館史の硏究. 參考書誌硏究, 30: 1-22.",
     [("author", "宇治鄕毅."), ("date", "1985."), ("title", "近代韓國公共圖書館史の硏究. 參考書誌硏究,"),
      ("volume", "30:"), ("pages", "1-22.")],
     {"author": "宇治鄕毅", "title": "近代韓國公共圖書館史の硏究", "container": "參考書誌硏究"}),
    # names typed with their year, and a quoted title holding quotes of the same kind
    ("박상찬, 차현진 2017. '지식창출과 활용의 괴리,' 지식경영연구 (18:1), pp. 117-138.",
     [("author", "박상찬, 차현진"), ("date", "2017."), ("title", "'지식창출과 활용의 괴리,'"),
      ("container", "지식경영연구"), ("pages", "(18:1), pp. 117-138.")],
     {"author": "박상찬, 차현진", "title": "'지식창출과 활용의 괴리,'", "container": "지식경영연구"}),
    ("장재형, '치료비 청구와 '책임제한'법리의 재검토', 서울법학 제26권 2호, 2018.",
     [("author", "장재형,"), ("title", "'치료비 청구와"), ("container", "'책임제한'법리의 재검토', 서울법학"),
      ("volume", "제26권 2호,"), ("date", "2018.")],
     {"author": "장재형", "title": "'치료비 청구와 '책임제한'법리의 재검토'"}),
])
def test_cjk_pieces(s, segments, want) -> None:
    out = dict(reversed(hosts.cjk_pieces(s, segments)))  # the first segment of each label
    for label, text in want.items():
        assert out[label].strip(" ,.") == text


def test_cjk_pieces_leave_latin_references_alone() -> None:
    segments = [("author", "Smith J."), ("title", "A title."), ("container", "Journal")]
    assert hosts.cjk_pieces("Smith J. A title. Journal", segments) == segments


@pytest.mark.parametrize("segments, want", [
    # the mark alone is no host ('Київ : Альтернативи, 1997. Вип. 3.')
    ([("publisher", "Альтернативи,"), ("date", "1997."), ("container", "Вип."), ("volume", "3.")],
     [("publisher", "Альтернативи,"), ("date", "1997."), ("other", "Вип."), ("volume", "3.")]),
    # the year's area between a host and its numbers
    ([("other", "//"), ("container", "Наукові записки. 2010. Вип."), ("volume", "5.")],
     [("other", "//"), ("container", "Наукові записки"), ("volume", "5.")]),
])
def test_marks_and_years_leave_the_host(segments, want) -> None:
    assert hosts.marks_to_numbers(segments) == want


@pytest.mark.parametrize("title, want", [
    ("Структура научных революций : пер. с англ", "Структура научных революций"),
    ("Історія Ганзи : пер. з нім.", "Історія Ганзи"),
    ("Речь и мышление ребенка : перевод с французского", "Речь и мышление ребенка"),
])
def test_a_translation_statement_is_not_the_title(title, want) -> None:
    assert gost.split_other_info(title) == (want, None)


def test_a_translation_statement_before_a_kind_of_document() -> None:
    assert gost.split_other_info("Речь и мышление : пер. с фр. : монография") == ("Речь и мышление", "монография")


@pytest.mark.parametrize("author, title, want", [
    ("Pelleg, D., Moore, A. X-means:", "Extending K-means", ("Pelleg, D., Moore, A.", "X-means: Extending K-means")),
    ("Tokutaka, H., Ohkita, M. Cluster", "Analysis using SOM", ("Tokutaka, H., Ohkita, M.", "Cluster Analysis using SOM")),
    ("Smith, J. A.", "Title", None),     # initials only
    ("Smith, J., Jones,", "Title", None),  # no initials after the last family name
])
def test_a_word_after_the_last_initials_begins_the_title(author, title, want) -> None:
    segments = [("author", author), ("title", title)]
    out = hosts.title_word_after_initials(segments)
    if want is None:
        assert out == segments
    else:
        assert [text.strip() for _, text in out] == list(want)


def test_a_full_stop_glued_to_the_journal_ends_the_title() -> None:
    s = "Zhang, R. B., Symmetrizable superalgebras and their representa-tions.J .Math Phys .38 ( 1997),535 -543."
    segments = [("author", "Zhang, R. B.,"), ("title", "Symmetrizable superalgebras and their representa-tions.J"),
                ("container", ".Math Phys"), ("volume", ".38"), ("date", "( 1997),"), ("pages", "535 -543.")]
    out = dict(reversed(hosts.title_stop_glued(s, segments)))
    assert out["title"] == "Symmetrizable superalgebras and their representa-tions"
    assert out["container"] == "J .Math Phys"


def test_a_sentence_glued_after_a_spaced_full_stop_is_the_host() -> None:
    s = "Backus, S. & Kapteyn,H .C .High power ultrafast lasers .Review of scientific instruments69 , 1207- 1223(1998 )."
    segments = [("author", "Backus, S. & Kapteyn,H .C ."),
                ("title", "High power ultrafast lasers .Review of scientific instruments69 ,"),
                ("pages", "1207- 1223(1998 ).")]
    out = dict(reversed(hosts.title_stop_glued(s, segments)))
    assert out["title"] == "High power ultrafast lasers"
    assert out["container"].startswith("Review of scientific instruments")


@pytest.mark.parametrize("author, title, want", [
    ("J. M.", 'Maldacena,"The large N limit," Adv.', ("J. M. Maldacena,", '"The large N limit," Adv.')),
    ("U.R. Kattner, et S.G.", "Fries. «An assessment.»", ("U.R. Kattner, et S.G. Fries.", "«An assessment.»")),
    ("Solli, D. R. & Ropers,", "C.Real -time spectral interferometry", ("Solli, D. R. & Ropers, C.", "Real -time spectral interferometry")),
    ("Smith, J.", '"Quoted title," Journal', None),
    ("Smith, J. and", "A.B.C. Corporation report", None),  # no comma before the initials
])
def test_a_name_run_into_the_title_goes_back_to_the_authors(author, title, want) -> None:
    segments = [("author", author), ("title", title)]
    out = hosts.name_before_quoted_title(segments)
    if want is None:
        assert out == segments
    else:
        assert [text.strip() for _, text in out] == list(want)
