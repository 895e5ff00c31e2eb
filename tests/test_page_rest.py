"""The page reader's fields other than title, journal and authors (issue 11, session 14): a page
without a title, abstracts and keywords in more forms, the article's language, issue lines. Strings
written here, not taken from the page set."""
from __future__ import annotations

import pytest

import converter
from converter.readers.page.abstract import keyword_list, looks_body
from converter.readers.page.issue import issue_facts
from converter.readers.page.labels import cut_running_tail, keyword_list_end, match_label
from converter.readers.page.pdf_head import run_in_abstract

PROSE = ("The study examines how small rural schools organise the teaching of reading in the first two years, "
         "drawing on interviews with forty teachers and on the records of three regional education offices. ")


def read(text: str) -> converter.Result:
    return converter.read(text, "page", source="page.txt")


# ---- a page without a title ----------------------------------------------------------------------

def test_an_untitled_page_with_an_abstract_and_keywords_gives_them_with_a_warning():
    result = read(f"Abstract\n{PROSE * 2}\nKeywords: reading, rural schools, teachers\n")
    item = result.records[0]
    assert "title" not in item and item["keyword"] == "reading, rural schools, teachers" and item["abstract"]
    warning = next(d for d in result.diagnostics if d.field == "title")
    assert "no article title" in warning.message and "lacks title, author, container-title" in warning.message


def test_an_untitled_page_with_authors_and_a_year_gives_a_record():
    item = read("Ivanova A. A., Petrov B. B.\nPublished: 12 March 2021\n").records[0]
    assert item["author"][0]["family"] == "Ivanova" and item["issued"] == {"date-parts": [[2021, 3, 12]]}


@pytest.mark.parametrize("text", ["12345\n", "Published: 12 March 2021\n", "Volume: 12\n"])
def test_a_page_with_nothing_citable_is_exit_code_4(text):
    with pytest.raises(converter.ParseError) as err:
        read(text)
    assert err.value.exit_code == 4 and "no recognisable article title" in str(err.value)


def test_an_unlabelled_abstract_after_the_affiliations_of_an_untitled_page():
    item = read("- 1 Department of Biology, University of Testing, Testville\n" + PROSE * 2 + "\n").records[0]
    assert item["abstract"].startswith("The study examines")


# ---- abstracts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("label, line, rest", [
    ("abstract", "Özet: Bu çalışma okulları inceler.", "Bu çalışma okulları inceler."),
    ("abstract", "Abstrak: Penelitian ini bertujuan", "Penelitian ini bertujuan"),
    ("abstract", "Sažetak: Cilj rada", "Cilj rada"),
    ("abstract", "Аннотация (русский): Статья посвящена", "Статья посвящена"),
    ("abstract", "【摘要】 本文研究了", "本文研究了"),
    ("abstract", "摘要：本文研究了", "本文研究了"),
    ("abstract", "  • 摘要: 本文研究了", "本文研究了"),
    ("abstract", "ÖZET Bu çalışma", "Bu çalışma"),
    # keyword labels without a colon
    ("keywords", "Key Words Reading Practice, Rural Schools, Teachers", "Reading Practice, Rural Schools, Teachers"),
    ("keywords", "キーワード 読書,農村,教師", "読書,農村,教師"),
    ("keywords", "【关键词】 阅读; 农村; 教师", "阅读; 农村; 教师"),
])
def test_abstract_and_keyword_labels_in_more_languages_and_forms(label, line, rest):
    assert match_label(line) == (label, rest)


def test_a_cjk_label_without_its_colon_is_no_label():
    assert match_label("要旨 本報告の目的は") is None  # a record's first line may start so


def test_a_chinese_abstract_under_its_label_is_read():
    item = read("系统功能语言学研究\n\n  • 摘要: 系统功能语言学是一个语言学理论。文章围绕这个问题进行解释和说明。\n\n  • 图 1 一个简单的系统\n").records[0]
    assert item["abstract"].startswith("系统功能语言学是")


@pytest.mark.parametrize("text, above, body", [
    ("1Si l’on en croit les historiens, la pauvreté est ancienne.", "", True),   # a numbered paragraph
    ("1. В постперестроечный период показатель падал.", "", True),
    ("Hydrology is an established science (Biswas, 1970), whose ...", "", True),  # citations of other works
    ("The concept, defined by the report [1] as ...", "", True),
    ("Die Auswirkungen des Klimawandels sind bekannt.", "1 Einleitung", True),    # under the body's first heading
    ("The concept of sustainable development is old.", "1. Sustainability: An Overview", True),
    ("This study examines rural schools.", "20 April 2023", False),                 # a date is no heading
    ("В статье представлены результаты.", "3 ФГБОУ ВО «Воронежский государственный университет»", False),
    ("This study examines rural schools (n = 40) in 2019.", "", False),
])
def test_what_reads_as_the_body(text, above, body):
    assert looks_body(text, above) is body


def test_the_body_under_its_first_heading_is_no_unlabelled_abstract():
    page = f"Rural schools and reading\n\nAnna Smith\n\n1. Introduction\n\n{PROSE * 2}\n"
    assert "abstract" not in read(page).records[0]


def test_an_unlabelled_abstract_wrapped_over_blank_lines_and_under_the_title_translation():
    page = ("ПРОБЛЕМИ РОЗВИТКУ СІЛЬСЬКИХ ШКІЛ\n\nІваненко І. І.\n\nкандидат педагогічних наук, доцент кафедри педагогіки\n\n"
            "PROBLEMS OF RURAL SCHOOLS\n\n"
            "У статті розглянуто розвиток сільських шкіл, визначено основні тенденції та перспективи,\n\n\n"
            "запропоновано рекомендації щодо подальшого розвитку освіти в регіонах країни.\n")
    item = read(page).records[0]
    assert item["abstract"].startswith("У статті розглянуто") and item["abstract"].endswith("країни.")


def test_a_pdf_line_with_its_abstract_run_in():
    line = ("Reading in Rural Schools Anna Smith University of Testing Abstract " + PROSE * 2)
    before, abstract = run_in_abstract(line) or ("", "")
    assert before == "Reading in Rural Schools Anna Smith University of Testing" and abstract.startswith("The study")
    assert run_in_abstract("the abstract of the paper " + PROSE) is None  # a word in running text, not a heading


# ---- keywords ----------------------------------------------------------------------------------

def test_a_keywords_word_in_running_text_is_no_label():
    assert match_label("Keywords are chosen by the authors, the editors, and the indexers.") is None


def test_a_keyword_list_runs_to_the_page_next_part():
    assert cut_running_tail("reading, rural schools, teachers of the first years Introduction The study of reading") == \
        ("reading, rural schools, teachers of the first years", "Introduction The study of reading")
    assert cut_running_tail("чтение, сельские школы, учителя начальных классов Первый год обучения считается важным") == \
        ("чтение, сельские школы, учителя начальных классов", "Первый год обучения считается важным")
    # ('de la Información': a term's own capital after a small word is kept)
    value = "Enseñanza Recíproca, Comprensión Lectora, Tecnologías de la Información y la Comunicación"
    assert cut_running_tail(value) == (value, "")


def test_running_text_with_commas_ends_a_keyword_list():
    assert keyword_list_end(["reading, rural schools, teachers",
                             "Reading, a skill taught in the first years of every school in the region, matters"]) == 1


@pytest.mark.parametrize("line, listed", [
    ("Drinking water; Ground water; Heavy metals; Water quality", True),
    ("Antibiotics, Growth promoter, Gut microbiome, Immunity, Probiotics,", True),
    ("Anna Smith, Ivan Petrov, Maria Garcia", False),
    ("Department of Biology, University of Testing, Testville", False),
])
def test_unlabelled_keyword_lists_of_capitalised_terms(line, listed):
    assert keyword_list(line) is listed


# ---- the article's language ---------------------------------------------------------------------

def test_an_english_title_and_abstract_over_russian_text_is_russian():
    page = ("Acute heart failure: classification and treatment\n\nAbstract\n\n"
            "Acute heart failure is a syndrome requiring urgent treatment and remains a problem of public health.\n\n"
            "Введение\n\n"
            "Острая сердечная недостаточность – клинический синдром, характеризующийся быстрым возникновением симптомов, "
            "который требует неотложной терапии и госпитализации больных в стационар для лечения и наблюдения.\n\n"
            "Частота госпитализаций по поводу острой сердечной недостаточности растёт с каждым годом во всех странах, "
            "и эта проблема остаётся одной из важнейших для современного здравоохранения и врачей.\n")
    assert read(page).records[0]["language"] == "ru"


def test_an_english_page_stays_english():
    page = f"Reading in rural schools\n\nAbstract\n\n{PROSE}\n\nIntroduction\n\n{PROSE * 3}\n"
    assert read(page).records[0]["language"] == "en"


# ---- issue lines -------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Year: 2017 | Volume: 16 | Issue: 9 | Page No.: 328-335", {"volume": "16", "issue": "9", "page": "328-335"}),
    ("Sosio Ekonomika Bisnis Vol 18. (2) 2015", {"volume": "18", "issue": "2"}),
    ("Turkish Studies 2010", {"container-title": "Turkish Studies", "issued": {"date-parts": [[2010]]}}),
    ("Вестник науки, 2015", {"container-title": "Вестник науки", "issued": {"date-parts": [[2015]]}}),
])
def test_issue_lines(line, expected):
    facts = issue_facts(line) or {}
    assert {k: facts.get(k) for k in expected} == expected


@pytest.mark.parametrize("line", ["Moscow 2010", "Published 2019", "Copyright 2019"])
def test_a_name_and_a_year_that_is_no_journal(line):
    assert issue_facts(line) is None


def test_a_bar_separated_issue_line_is_no_metadata_dump():
    item = read("Journal of Rural Tests\n\nYear: 2017 | Volume: 16 | Issue: 9 | Page No.: 328-335\n\n"
                "Reading in rural schools\n").records[0]
    assert (item["volume"], item["issue"], item["page"]) == ("16", "9", "328-335")


def test_a_year_label_with_another_field_after_a_bar():
    assert match_label("Рік видання: 2009 | Кількість сторінок: 500") == ("year", "2009")


def test_a_structured_abstract_right_under_a_citation_line_is_no_part_of_it():
    page = ("Reading in rural schools\nAnna Smith, Ivan Petrov\n"
            "Cite this article: Anna Smith et al. Reading in rural schools. Journal of Rural Tests. 2024;49:91.\n"
            "Introduction: reading is taught in the first years of school, and rural schools teach it with fewer means.\n"
            "Methods: a survey of forty rural schools in three regions was made in 2023.\n")
    item = read(page).records[0]
    assert item["abstract"].startswith("Introduction: reading") and item["volume"] == "49"


def test_the_text_under_an_abstract_label_is_no_whole_page_citation():
    page = ("СОВРЕМЕННЫЕ ПРОБЛЕМЫ СЕЛЬСКИХ ШКОЛ\nАннотация (русский):\n"
            "В статье говорится о проблемах сельских школ и о сокращении их числа с 1913 года до наших дней, "
            "о выпуске учителей и о том, как изменилось преподавание чтения\n")
    assert read(page).records[0]["abstract"].startswith("В статье говорится")


def test_the_summary_under_the_title_printed_first():
    page = ("Професійна компетентність вчителя сільської школи\n\n"
            "Розгляд різноманітних наукових підходів до визначення поняття компетентності вчителя сільської школи "
            "та її складових у сучасних умовах.\n\n"
            "Рубрика Педагогика\nВид статья\n\n"
            "ПРОФЕСІЙНА КОМПЕТЕНТНІСТЬ ВЧИТЕЛЯ СІЛЬСЬКОЇ ШКОЛИ\n\nІваненко Іван Іванович\n")
    assert read(page).records[0]["abstract"].startswith("Розгляд різноманітних")
