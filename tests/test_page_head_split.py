"""A name and its institution on one line, and a byline that goes on after the last author's
affiliation (session 13, `headsplit`): strings written here, not taken from the page set."""
from __future__ import annotations

import converter
from converter.readers.page.head import author_details, split_name_affiliation


def split(line: str):
    found = split_name_affiliation(line)
    return (found[0]["family"], found[0].get("given"), found[1]) if found else None


def article(text: str):
    return converter.read(text, "page", source="page.txt").records[0]


def test_the_institution_keeps_its_own_name_before_its_word():
    # 'Meadow' is the college's; 'Priyanka' is a known given name, 'Rao' is not one
    assert split("  • Priyanka Rao Meadow Dental College and Hospital, Pune") == (
        "Rao", "Priyanka", "Meadow Dental College and Hospital, Pune")
    assert split("• Tomasz Nowak Beskid Technical University, Bielsko") == (
        "Nowak", "Tomasz", "Beskid Technical University, Bielsko")


def test_three_word_names_still_read_whole():
    # a middle initial, a second given name, a patronymic, a family name in capitals
    assert split("  • Ravi K Menon Lakeside Medical College, Kochi") == (
        "Menon", "Ravi K", "Lakeside Medical College, Kochi")
    assert split("• Anna Maria Kowalska Uniwersytet Gdański, Gdańsk") == (
        "Kowalska", "Anna Maria", "Uniwersytet Gdański, Gdańsk")
    assert split("• Ольга Петровна Смирнова Томский государственный университет, Томск")[:2] == (
        "Смирнова", "Ольга Петровна")
    assert split("• Олена Коваль ШЕВЧУК Київський національний університет, Київ")[0] == "Шевчук"


def test_two_family_names_right_before_the_institution_word():
    # 'Universidad' follows at once: both words before it are the person's
    found = split("• Lucía Fernández Ortega Universidad de Granada, España")
    assert found is not None and found[2] == "Universidad de Granada, España"


def test_author_details_between_groups_of_names():
    assert author_details(["Dept. of Physics, Northfield University, Leeds, UK", "a.b@northfield.ac.uk", "\\AND"])
    assert author_details(["Harbour Research Laboratory, Oslo", "{kari,ole}@harbour.no", "", "&"])
    assert not author_details(["a.b@northfield.ac.uk"])  # no affiliation: not an author's details
    assert not author_details(["Dept. of Physics, Northfield University, Leeds, UK",
                               "This paper studies how waves break on a shore."])


def test_a_byline_goes_on_after_the_first_authors_affiliation():
    item = article("Learning to Count Waves on Shallow Shores\n\nOksana Petrenko\n"
                   "School of Informatics, Northfield University / Leeds, UK\no.petrenko@northfield.ac.uk\n"
                   "\\AND\nMarta Lindqvist & Pierre Dubois\nHarbour Research Lab\n{marta,pierre}@harbour.org\n"
                   "Abstract\n\nWe count waves on shallow shores with a small network and compare it with "
                   "counts made by hand over three summers of observations.\n")
    assert [a["family"] for a in item["author"]] == ["Petrenko", "Lindqvist", "Dubois"]


def test_names_past_other_text_are_not_the_byline():
    item = article("Learning to Count Waves on Shallow Shores\n\nOksana Petrenko\n"
                   "School of Informatics, Northfield University / Leeds, UK\n"
                   "Waves were counted by hand for three summers on two beaches.\n"
                   "Marta Lindqvist & Pierre Dubois\nAbstract\n\nWe count waves on shallow shores with a "
                   "small network and compare it with counts made by hand over three summers.\n")
    assert [a["family"] for a in item["author"]] == ["Petrenko"]
