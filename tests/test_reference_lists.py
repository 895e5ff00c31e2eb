"""Splitting reference lists into references (issue 16, item 5): numbered, unnumbered, hanging
and first-line-indent layouts, paragraphs, and lines wrapped inside a reference. The lists are
written for this test in the shapes journals and PDF extraction give them."""
from __future__ import annotations

import pytest

from converter.references import parse_reference, split_reference_list

REFERENCES = [
    "Тарасова А.С. Современные тенденции парадипломатии // Балтийский регион. 2023. Т. 15, № 3. С. 83–99.",
    "Smith J., Brown T. The economics of climate adaptation in coastal cities. J Environ Econ. "
    "2019;27(4):711-733.",
    "World Bank. World development indicators. Retrieved May 10, 2025, from https://data.worldbank.org/indicator",
    "Коваленко О.П. Історія української економічної думки : навч. посіб. Київ : Либідь, 2008. 416 с.",
    "van Dijk, T. A. (2008). Discourse and context: A sociocognitive approach. Cambridge University Press.",
]


def _wrap(text: str, width: int) -> list[str]:
    """The reference cut into lines of at most `width` characters at spaces, as a PDF prints it."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def _texts(text: str) -> list:
    return [ref for _, ref, _ in split_reference_list(text)]


@pytest.mark.parametrize("mark", ["{n}. ", "[{n}] ", "{n}) ", "({n}) "])
def test_numbered_lists_with_wrapped_lines(mark: str) -> None:
    text = "\n".join(mark.format(n=n) + "\n".join(_wrap(ref, 50)) for n, ref in enumerate(REFERENCES, 1))
    refs = split_reference_list(text)
    assert [r for _, r, _ in refs] == REFERENCES
    assert [n for n, _, _ in refs] == ["1", "2", "3", "4", "5"]


def test_one_reference_per_line() -> None:
    assert _texts("\n".join(REFERENCES)) == REFERENCES


def test_hanging_indents() -> None:
    text = "\n".join("\n    ".join(_wrap(ref, 45)) for ref in REFERENCES)
    assert _texts(text) == REFERENCES


def test_first_line_indents() -> None:
    text = "\n".join("   " + "\n".join(_wrap(ref, 45)) for ref in REFERENCES)
    assert _texts(text) == REFERENCES


def test_paragraphs_parted_by_blank_lines() -> None:
    text = "\n\n".join("\n".join(_wrap(ref, 40)) for ref in REFERENCES)
    assert _texts(text) == REFERENCES


def test_flush_wrapped_lines_are_rejoined_where_the_break_is_inside_a_sentence() -> None:
    text = ("Smith J., Brown T. The economics of climate adaptation in\n"
            "coastal cities. J Environ Econ. 2019;27(4):711-733.\n"
            "Тарасова А.С. Современные тенденции парадипломатии // Балтийский\n"
            "регион. 2023. Т. 15, № 3. С. 83–99.\n"
            "Watson, W. H., & Crick, F. H. C. Molecular structure of nucleic acids: a structure for deoxyribose\n"
            "nucleic acid. Nature. 1953;171:737-738.\n"
            "OECD. Economic outlook for the euro area, 2024.\n")
    assert _texts(text) == [
        "Smith J., Brown T. The economics of climate adaptation in coastal cities. J Environ Econ. 2019;27(4):711-733.",
        "Тарасова А.С. Современные тенденции парадипломатии // Балтийский регион. 2023. Т. 15, № 3. С. 83–99.",
        "Watson, W. H., & Crick, F. H. C. Molecular structure of nucleic acids: a structure for deoxyribose "
        "nucleic acid. Nature. 1953;171:737-738.",
        "OECD. Economic outlook for the euro area, 2024.",
    ]


def test_a_hyphen_left_by_a_line_break_is_undone_in_every_layout() -> None:
    assert _texts("Calderon J. Coope-\n    ration in the north. 2020.\nDoe K. Other. 2019.") == [
        "Calderon J. Cooperation in the north. 2020.", "Doe K. Other. 2019."]


def test_a_blank_line_inside_a_one_per_line_list_splits_nothing_more() -> None:
    text = "\n".join(REFERENCES[:3]) + "\n\n" + "\n".join(REFERENCES[3:])
    assert _texts(text) == REFERENCES


def test_every_split_reference_parses_to_its_own_item() -> None:
    text = "\n".join("\n    ".join(_wrap(ref, 45)) for ref in REFERENCES)
    items = [parse_reference(ref)[0] for ref in _texts(text)]
    assert [item["source"] for item in items] == REFERENCES
    assert items[0]["container-title"] == "Балтийский регион" and items[1]["page"] in ("711-733", "711–733")


def test_a_list_of_more_than_1499_references_goes_on_past_the_numbers_that_look_like_years() -> None:
    # 1500-2099 look like years; found in bench_limits, where references 1500-5000 of a long list
    # came back glued to reference 1499, without a warning
    refs = [f"Smith J. Title {n} // Journal. 2020. Vol. 1. P. 1–10." for n in range(1, 1601)]
    text = "\n".join(f"{n}. {ref}" for n, ref in enumerate(refs, 1))
    found = split_reference_list(text)
    assert [n for n, _, _ in found] == [str(n) for n in range(1, 1601)]
    assert [r for _, r, _ in found] == refs


def test_a_wrapped_line_starting_with_a_year_stays_inside_a_short_list() -> None:
    text = ("1. Тарасова А.С. Современные тенденции парадипломатии // Балтийский регион.\n"
            "2023. Т. 15, № 3. С. 83–99.\n"
            "2. Smith J. The economics of climate adaptation. J Environ Econ. 2019;27(4):711-733.\n")
    assert _texts(text) == [REFERENCES[0], "Smith J. The economics of climate adaptation. J Environ Econ. 2019;27(4):711-733."]
