"""GOST training strings rendered by our own styles: the labels must give back the record's
fields (checked through the same assembly the evaluation uses), and a string whose fields
cannot all be placed is refused rather than labelled wrongly."""
from __future__ import annotations

import random

import pytest

from converter.api import write
from converter.references.assemble import fields_from_segments
from tools.refmodel.gostrender import STYLES, label_rendered, records, render_gost, vary

ARTICLE = {
    "id": "a1", "type": "article-journal", "title": "Развитие приграничных регионов: опыт России",
    "author": [{"family": "Иванова", "given": "Анна Сергеевна"}, {"family": "Петров", "given": "Пётр"}],
    "container-title": "Экономика региона", "issued": {"date-parts": [[2019]]},
    "volume": "15", "issue": "3", "page": "711-733", "DOI": "10.17059/2019-3-7",
}
BOOK = {
    "id": "b1", "type": "book", "title": "Пространственная экономика",
    "author": [{"family": "Гранберг", "given": "Александр Григорьевич"}],
    "publisher": "Наука", "publisher-place": "Новосибирск", "issued": {"date-parts": [[2014]]},
    "number-of-pages": "356",
}


def _render(item, style, locale):
    return " ".join(str(write([item], style, locale=locale)).split())


@pytest.mark.parametrize("style,locale", STYLES)
def test_article_labels_give_back_the_record(style, locale):
    ref = label_rendered(_render(ARTICLE, style, locale), ARTICLE, "test")
    assert ref is not None
    fields = fields_from_segments(ref.segments())
    assert fields["title"].replace(" : ", ": ") == ARTICLE["title"]
    assert fields["container-title"] == "Экономика региона"
    assert fields["issued"]["date-parts"][0][0] == 2019
    assert (fields["volume"], fields["issue"], fields["page"]) == ("15", "3", "711–733")
    assert fields["DOI"] == "10.17059/2019-3-7"
    assert [p["family"] for p in fields["author"]][:2] == ["Иванова", "Петров"]


@pytest.mark.parametrize("style,locale", STYLES)
def test_book_labels_give_back_the_record(style, locale):
    ref = label_rendered(_render(BOOK, style, locale), BOOK, "test")
    assert ref is not None
    fields = fields_from_segments(ref.segments())
    assert fields["title"] == "Пространственная экономика"
    assert fields["publisher"] == "Наука" and fields["publisher-place"] == "Новосибирск"
    assert fields["number-of-pages"] == "356"
    assert fields["author"][0]["family"] == "Гранберг"


def test_a_field_that_cannot_be_placed_refuses_the_string():
    text = _render(ARTICLE, "gost", "ru")
    other = dict(ARTICLE, title="Заглавие, которого нет в строке")
    assert label_rendered(text, other, "test") is None
    # a word the labels do not explain (a field missing from the record) refuses it too
    assert label_rendered(text.replace("Экономика региона", "Экономика региона Урала"), ARTICLE, "test") is None


def test_variation_keeps_labels_on_their_text():
    ref = label_rendered(_render(ARTICLE, "gost", "ru"), ARTICLE, "test")
    rng = random.Random(0)
    for _ in range(20):
        varied = vary(ref, rng)
        before = {lab: txt.replace(" ", "") for lab, txt in ref.segments()}
        after = {lab: txt.replace(" ", "") for lab, txt in varied.segments()}
        assert before.keys() == after.keys()
        assert after["title"] == before["title"] and after["doi"] == before["doi"]


def test_train_and_dev_records_are_disjoint_and_strings_are_labelled():
    def key(record):
        return repr(sorted((k, v) for k, v in record.items() if k != "id"))

    train = {key(r) for r in records("train")}
    dev = records("dev")
    # the vocabulary is shared (titles may repeat); a whole record never is
    assert dev and not any(key(r) in train for r in dev)
    refs = render_gost(50, "dev")
    assert len(refs) == 50
    assert all(any(lab == "title" for _, _, lab in r.spans) for r in refs)
