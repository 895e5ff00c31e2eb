"""Page layouts met on the larger page set (session 4), each on a short page written here: a
navigation menu of section names, numbers one label per line, a metadata dump on one line, a
page that is one citation, a page that is JATS XML, bilingual two-column PDF lines, a chapter
with its editors, the article's language stated by the page, short page ranges, CJK issue
lines, Chicago citations, and a byline wrapped across a blank line."""
from __future__ import annotations

import pytest

import converter
from converter.readers.page.bylines import parse_byline_marked, two_columns
from converter.readers.page.issue import issue_facts
from converter.readers.page.title import clean as clean_title


def read_page(text: str):
    return converter.read(text, "page", source="page.txt")


def article(text: str):
    return read_page(text).records[0]


def test_a_menu_of_section_names_opens_no_blocks():
    item = article("Health Care Costs in Older Adults\n\nNavigate This Article\nAbstract\nIntroduction\n"
                   "Methods\nResults\nReferences\n\nCharles Mayer, MD, MPH; Barbara Williams, PhD\n\n"
                   "Introduction: We assessed the effect of the programme on the health care costs of "
                   "older adults in one county over three years.\n")
    assert item["title"] == "Health Care Costs in Older Adults"
    assert [a["family"] for a in item["author"]] == ["Mayer", "Williams"]
    assert "references" not in item.get("custom", {})


def test_numbers_one_label_per_line():
    item = article("- Автор:Широкова В.А.\n- Журнал:Вестник Тамбовского университета\n- Том:18\n- Номер:3\n"
                   "- Год издания:2013\n- Первая страница:1023\n- Последняя страница:1027\n"
                   "- Место издания: Тамбов\n")
    assert (item["volume"], item["issue"], item["page"]) == ("18", "3", "1023-1027")
    assert item["issued"] == {"date-parts": [[2013]]}
    assert item["container-title"] == "Вестник Тамбовского университета"
    assert item["author"] == [{"family": "Широкова", "given": "В.А."}]
    assert item["publisher-place"] == "Тамбов"


def test_an_issue_bar_is_not_split_into_number_labels():
    item = article("A Study of Things in Places\n\nYear : 2020 | Volume : 9 | Issue : 6 | Page : 2912-2918\n")
    assert (item["volume"], item["issue"], item["page"]) == ("9", "6", "2912-2918")


def test_a_metadata_dump_on_one_line():
    item = article("key: cord-1 authors: Jamshidi, B.; Rezaei, M. title: Analysis of the Number of Tests "
                   "during the Pandemic date: 2021-04-23 journal: nan DOI: 10.1101/2021.04.20.21255796 "
                   "sha: 0aede doc_id: 909328\n")
    assert item["title"] == "Analysis of the Number of Tests during the Pandemic"
    assert [a["family"] for a in item["author"]] == ["Jamshidi", "Rezaei"]
    assert item["issued"] == {"date-parts": [[2021, 4, 23]]}
    assert item["DOI"] == "10.1101/2021.04.20.21255796"
    assert "container-title" not in item  # 'nan' is no journal


def test_a_page_that_is_one_citation():
    item = article("Kulikova, Daria V., і Anneta A. Yurchenko. «Забезпечення умов екологічної безпеки "
                   "поверхневих водойм». Екологічна безпека та природокористування 29, no. 1 (Квітень 1, 2019): "
                   "28–39. https://es-journal.in.ua/article/view/166680.\n")
    assert item["title"].startswith("Забезпечення умов екологічної безпеки")
    assert item["container-title"] == "Екологічна безпека та природокористування"
    assert (item["volume"], item["issue"], item["page"]) == ("29", "1", "28-39")


def test_a_catalogue_record_in_gost():
    item = article("Тарасов\n     Використання пошукових систем для отримання показників цитованості / Д. Тарасов, "
                   "О. Гарасим // Вісник Національного університету \"Львівська Політехніка\". № 732. "
                   "С. 382-388(2012)\n")
    assert item["title"] == "Використання пошукових систем для отримання показників цитованості"
    assert [a["family"] for a in item["author"]] == ["Тарасов", "Гарасим"]
    assert (item["issue"], item["page"]) == ("732", "382-388")


def test_a_page_of_jats_xml_is_read_as_jats():
    result = read_page('<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal '
                       'Publishing DTD v1.3 20210610//EN" "JATS-journalpublishing1-3.dtd">\n'
                       '<article article-type="research-article"><front><journal-meta><journal-title-group>'
                       '<journal-title>Journal of Things</journal-title></journal-title-group></journal-meta>'
                       '<article-meta><article-id pub-id-type="doi">10.1234/x.1</article-id><title-group>'
                       '<article-title>On Things</article-title></title-group></article-meta></front></article>')
    assert result.records[0]["title"] == "On Things"
    assert result.records[0]["DOI"] == "10.1234/x.1"
    assert any("JATS" in d.message for d in result.warnings)


def test_two_columns_of_a_bilingual_pdf():
    assert two_columns("Карамурзов Ренат Барасбиевич Karamurzov Renat Barasbiyevich") == (
        "Карамурзов Ренат Барасбиевич", "Karamurzov Renat Barasbiyevich")
    assert two_columns("А.В.Никулин Е.М.Олейникова Статья в формате PDF 89 KB") is None
    assert two_columns("Экономика Sankt-Petersburg") is None


def test_a_chapter_under_its_book_and_editors():
    item = article("Theory in History: Problems of Context and Narrative\n\nJ. G. A. Pocock\n"
                   "The Oxford Handbook of Political Science\nEdited by Robert E. Goodin\n\n"
                   "Print Publication Date: Jul 2011\n")
    assert item["type"] == "chapter"
    assert item["container-title"] == "The Oxford Handbook of Political Science"
    assert item["editor"] == [{"family": "Goodin", "given": "Robert E."}]
    assert item["issued"] == {"date-parts": [[2011, 7]]}


@pytest.mark.parametrize("line, language", [("Full Text: PDF (Russian)", "ru"), ("Язык украинский", "uk"),
                                            ("LanguageJapanese", "ja")])
def test_the_language_the_page_states_wins(line, language):
    item = article(f"Digital platforms and digital science libraries in the modern world\n{line}\n")
    assert item["language"] == language


@pytest.mark.parametrize("line, expected", [
    ("ІННОВАЦІЙНА ЕКОНОМІКА, вип. 1, Вересень 2022, с. 188-9", {"issue": "1", "page": "188-189"}),
    ("2021 年 2 巻 1 号 p. 38-46", {"volume": "2", "issue": "1", "page": "38-46"}),
    ("中国图书馆学报 2019年 第45卷 第3期 pp. 12-20", {"volume": "45", "issue": "3", "page": "12-20"}),
    ("Journal of Things 29, no. 1 (April 1, 2019): 28–39", {"volume": "29", "issue": "1", "page": "28-39"}),
    ("ISSN : 1226-0401(Print)", None),
])
def test_more_issue_patterns(line, expected):
    facts = issue_facts(line)
    if expected is None:
        assert facts is None
    else:
        assert facts is not None and {k: facts[k] for k in expected} == expected


def test_bylines_of_new_forms():
    caps = parse_byline_marked("KRISTINA BERGLUND,1 ERIKA ROMAN,2 JAN BALLDIN,3")
    assert [p["given"] for p, _ in caps] == ["Kristina", "Erika", "Jan"]
    stars = parse_byline_marked("Joon-Ho Seon, Seong Eun Kim, Hyun-Jung Lee*, Kyu-Hye Lee**")
    assert [m for _, m in stars] == [[], [], ["*"], ["**"]]
    inner = parse_byline_marked("James P. LoGerfo, MD, MPH; Allen Cheadle, PhD")
    assert [p["family"] for p, _ in inner] == ["LoGerfo", "Cheadle"]
    assert parse_byline_marked("SIMULATION-BASED PERFORMANCE ANALYSIS OF") is None


def test_a_byline_wrapped_across_a_blank_line():
    item = article("Do men with excessive alcohol consumption have an addictive personality?\n\n"
                   "KRISTINA BERGLUND,1 ERIKA ROMAN,2\n\nPETTER GUSTAVSSON3 and CLAUDIA FAHLKE1\n\n"
                   "1Department of Psychology, University of Gothenburg, Sweden\n")
    assert [a["family"] for a in item["author"]] == ["Berglund", "Roman", "Gustavsson", "Fahlke"]


def test_a_title_with_an_author_and_affiliation_on_one_pdf_line():
    item = article("INVITED VIEWPOINT\n\nPrepare for the impact of the multi-generational workforce! "
                   "Rocky J. Dwyer CENTRUM Católica, Pontificia Universidad Católica del Perú, Lima, Peru\n\n"
                   "Abstract Purpose – The purpose of this paper is to advocate the need for public sector "
                   "leadership to understand the values of a multiple generation workforce. Design – An examination "
                   "of the literature is used to identify management techniques and work methodologies.\n")
    assert item["title"] == "Prepare for the impact of the multi-generational workforce!"
    assert item["author"] == [{"family": "Dwyer", "given": "Rocky J."}]


def test_a_numbered_byline_wrapped_inside_a_name():
    item = article("Estresse de enfermeiros em serviço de urgência\n\n"
                   "Flávio Cunha de Faria1, Ana Carolina Dondoni Fávero2, Amanda Soares de\n"
                   "Carvalho Barbosa3, Raquel Sena Pontes\n\nGrapiuna4, Andréia Almeida Mendes5.\n\n"
                   "1Universidade Federal do Rio Grande do Norte\n\n"
                   "RESUMO\nObjetivo: Apreender as representações sociais de enfermeiros acerca do estresse "
                   "no serviço de urgência e descrever os seus elementos.\n")
    assert [a["family"] for a in item["author"]] == ["Faria", "Fávero", "Barbosa", "Grapiuna", "Mendes"]
    assert item["author"][2]["given"] == "Amanda Soares de Carvalho"


def test_portuguese_names_keep_particles_with_the_given_names():
    """As ABNT and SciELO cite them: 'Araujo TL de', 'Pessoa Júnior JM'."""
    item = article("Estresse de enfermeiros em serviço de urgência: um estudo de representações sociais\n\n"
                   "Joana D´Arc de Souza Oliveira1, João Mário Pessoa Júnior,2, Thelma Leite de Araujo1\n\n"
                   "RESUMO\nObjetivo: Apreender as representações sociais de enfermeiros portugueses acerca do "
                   "estresse no serviço de urgência. Método: A pesquisa fundamentou-se na Teoria das "
                   "Representações Sociais.\n")
    assert item["language"] == "pt"
    assert item["author"] == [{"family": "Oliveira", "given": "Joana D´Arc de Souza"},
                              {"family": "Pessoa Júnior", "given": "João Mário"},
                              {"family": "Araujo", "given": "Thelma Leite de"}]


def test_authors_as_a_bulleted_list_with_affiliations_between():
    item = article("  • Loading metrics\n\nDecreasing Nitrogen Fertilizer Input Had Little Effect on Soils\n\n"
                   "  • Hailing Yu,\n\n    Affiliation College of Resources, Jilin Agricultural University, China\n\n"
                   "  • Qiang Gao ,\n\n    qg@example.edu (QG)\n\n    Affiliation Jilin Agricultural University, China\n\n"
                   "  • Bin Zhang\n\n    Affiliation Shenyang Agricultural University, China\n\nAbstract\n\n"
                   "In this study, we examined the influence of nitrogen input on microbial communities.\n")
    assert [a["family"] for a in item["author"]] == ["Yu", "Gao", "Zhang"]


def test_a_menu_of_two_word_bullets_is_no_byline():
    item = article("  • Contact Us\n  • Site Map\n\nDecreasing Nitrogen Fertilizer Input Had Little Effect\n\n"
                   "Hailing Yu1, Bin Zhang2\n\nAbstract\n\nIn this study, we examined the influence of nitrogen.\n")
    assert [a["family"] for a in item["author"]] == ["Yu", "Zhang"]


@pytest.mark.parametrize("line, facts", [
    ("Volume 2018, Article ID 8970196, 8 pages", {"volume": "2018", "page": "8970196"}),
    ('Журнал "Медицинский совет" №17/2024',
     {"issue": "17", "issued": {"date-parts": [[2024]]}, "container-title": "Медицинский совет"}),
])
def test_article_numbers_and_issues_of_a_year(line, facts):
    assert issue_facts(line) == facts


def test_a_run_of_menu_items_and_glued_codes_are_not_the_title():
    item = article("Table of Contents Author Guidelines Submit a Manuscript\nJournal of Diabetes Research\n"
                   "Volume 2018, Article ID 8970196, 8 pages\n\nTreatment Adherence in Type 2 Diabetes удк 616.379\n\n"
                   "Received 17 July 2018; Accepted 22 October 2018; Published 27 November 2018\n\nAbstract\n\n"
                   "Objectives. To investigate treatment adherence in patients with type 2 diabetes.\n")
    assert item["title"] == "Treatment Adherence in Type 2 Diabetes"
    assert (item["container-title"], item["volume"], item["page"]) == ("Journal of Diabetes Research", "2018", "8970196")


def test_a_masthead_names_the_journal_over_its_issn():
    item = article("Решение о регистрации выдано: ЭЛ № ФС 77 - 68501, от 27 января 2017.\nLive and bio-abiotic systems\n"
                   "ISSN 2308-9709 (Online)\nНаучное электронное периодическое издание\n\n"
                   "Экологическое состояние темно-каштановых почв агрогенно-трансформированных экосистем\n\n"
                   "DOI: 10.18522/2308-9709-2014-10-3\n")
    assert item["container-title"] == "Live and bio-abiotic systems"


def test_a_french_issue_line_year_slash_issue():
    assert issue_facts("2015/2 (Tome 21)") == {"volume": "21", "issue": "2", "issued": {"date-parts": [[2015]]}}


@pytest.mark.parametrize("label", ["DOI 10.54509/22203036_2022_1_169", "EDN: ABCDEF"])
def test_text_run_on_after_a_labelled_identifier_is_read_not_dropped(label):
    item = article(f"{label} Professional Burnout of Teachers in the Digital Age\n\nIvan Petrov1, Anna Sidorova2\n\n"
                   "Abstract. The article studies burnout among teachers in the conditions of digitalization.\n")
    assert item["title"] == "Professional Burnout of Teachers in the Digital Age"


def test_authors_each_over_a_block_of_details_with_an_english_twin():
    item = article("Теоретическая и прикладная экономика\n\nФинансовая устойчивость региональных банков\n\n"
                   "Гудов Михаил Михайлович\n\nкандидат экономических наук\n\n"
                   "профессор кафедры финансов и кредита, Мордовский государственный университет\n\n"
                   "430005, Россия, г. Саранск, ул. Большевистская, 68\n\nGudov Mihail Mihailovich\n\n"
                   "PhD in Economics\n\nProfessor, the department of Banking and Finance, Mordovia State University\n\n"
                   "430005, Russia, g. Saransk, ul. Bol'shevistskaya, 68\n\nsci-secretary@adm.mrsu.ru\n"
                   "Ермакова Эка Ревазиевна\n\nкандидат экономических наук\n\n"
                   "доцент кафедры теоретической экономики, Мордовский государственный университет\n\n"
                   "Аннотация. В статье рассматривается финансовая устойчивость региональных банков России.\n")
    assert [a["family"] for a in item["author"]] == ["Гудов", "Ермакова"]
    assert item["custom"]["authors"][0]["romanised"][0]["literal"] == "Gudov Mihail Mihailovich"


def test_a_related_articles_author_list_is_kept_but_not_taken():
    item = article("Nitrate aerosol in global models\n\nAlexandra P. Tsimpidi1, Susanne M. C. Scholz1\n\n"
                   "1Institute of Climate and Energy Systems, Forschungszentrum Jülich GmbH, Jülich, Germany\n\n"
                   "Short summary\n\nRelated articles\n\nGlobal nitrate simulations\n\nPaper one\n\nPaper two\n\n"
                   "Paper three\n\nPaper four\n\nMingxuan Wu, Hailong Wang, Zheng Lu, Xiaohong Liu\n\n"
                   "Abstract. A key challenge in simulating the life cycle of nitrate aerosol in global models.\n")
    assert [a["family"] for a in item["author"]] == ["Tsimpidi", "Scholz"]
    assert any("Mingxuan Wu" in t for t in item["custom"]["other-text"])


def test_a_doubled_byline_after_an_escaped_line_break():
    """Frontiers prints each name twice, the second with its marks; a copied page may keep a
    line break's JSON escape as text."""
    item = article("Changes in Emotional Functioning Among Pre-school Children\n\n"
                   "\\r\\nIna Olmer Specht*Ina Olmer Specht1*Jeanett Friis RohdeJeanett Friis Rohde1"
                   "Berit Lilienthal Heitmann,,Berit Lilienthal Heitmann1,2,3\n"
                   "  • 1The Parker Institute, Research Unit for Dietary Studies, Frederiksberg, Denmark\n\n"
                   "Abstract\n\nThe aim of this study was to examine changes in emotional functioning in children.\n")
    assert item["author"] == [{"family": "Specht", "given": "Ina Olmer"}, {"family": "Rohde", "given": "Jeanett Friis"},
                              {"family": "Heitmann", "given": "Berit Lilienthal"}]


@pytest.mark.parametrize("label", ["Descritores:", "Index Terms—", "Kata kunci:", "キーワード:", "关键词:"])
def test_keyword_labels_of_more_languages(label):
    item = article(f"Estresse de enfermeiros em serviço de urgência\n\nAbstract. The study examined stress among "
                   f"nurses working in emergency departments.\n\n{label} Esgotamento Profissional; Enfermagem\n")
    assert item["keyword"] in ("Esgotamento Profissional, Enfermagem", "Esgotamento Profissional; Enfermagem")


@pytest.mark.parametrize("line", ["En Ru", "Рус | Eng | Cn", "s.havrylov@ed.ac.uk",
                                  "Candidate of Psychological Sciences, Associate Professor at Kemerovo State University"])
def test_language_switches_e_mails_and_degree_lines_are_no_titles(line):
    from converter.readers.page.title import is_furniture
    assert is_furniture(line)
    assert not is_furniture("Professional Burnout of Teachers in the Digital Age")


def test_us_dates_month_slash_year_and_pages_with_navigation_after():
    from converter.readers.page.history import history_dates
    assert history_dates("Published: Oct 18, 2019") == {"published": [2019, 10, 18]}
    assert issue_facts("Archives of Internal Medicine. 04/2005; 165(7):756-62.")["issued"] == {"date-parts": [[2005, 4]]}
    item = article("Retirer un article publié\n\nComptabilité - Contrôle - Audit\n\n2015/2 (Tome 21)\n\n"
                   "Pages 5 - 12 Article suivant\n")
    assert (item["page"], item["volume"], item["issue"]) == ("5-12", "21", "2")


def test_a_ukrainian_chicago_citation_joins_its_last_author_with_i():
    from converter.references import parse_reference
    item, _ = parse_reference("Kulikova, Daria V., і Anneta A. Yurchenko. «Забезпечення умов екологічної безпеки». "
                              "Екологічна безпека 2 (2020): 10-20.")
    assert item["author"] == [{"family": "Kulikova", "given": "Daria V."}, {"family": "Yurchenko", "given": "Anneta A."}]


def test_an_aggregators_abstract_under_its_author_line():
    item = article("Научная статья на тему 'ТРАНСФОРМАЦИОННЫЕ СОЦИАЛЬНЫЕ ПРОЦЕССЫ'\n\nКлючевые слова\n"
                   "ЦИФРОВАЯ ТРАНСФОРМАЦИЯ / СУДЕБНАЯ ДЕЯТЕЛЬНОСТЬ\n\n"
                   "Аннотация научной статьи по праву, автор научной работы — Провоторова Валерия Владимировна\n\n"
                   "В статье анализируется влияние цифровизации экономики на обеспечение судебной деятельности.\n\n"
                   "i Надоели баннеры? Вы всегда можете отключить рекламу.\n")
    assert item["abstract"].startswith("В статье анализируется")
    assert item["author"] == [{"family": "Провоторова", "given": "Валерия Владимировна"}]


def test_a_working_paper_named_by_its_citation_line():
    item = article("The Intergenerational Consequences of Tobacco Policy\n\nLeah K. Lakdawala and David Simon\n\n"
                   "Abstract: We study the effect of tobacco taxes on the health of the next generation in the US.\n\n"
                   "Suggested Citation: Leah K. Lakdawala & David Simon, 2016. \"The Intergenerational Consequences of "
                   "Tobacco Policy,\" Working papers 2016-27, University of Connecticut, Department of Economics.\n")
    assert item["type"] == "report"


def test_a_labelled_journal_loses_the_issue_and_year_printed_after_it():
    item = article("Thermal comfort of school buildings in winter\n\nAnna Berg, Tom Holm\n\n"
                   "Published in: Building Studies 3/2019\n\n"
                   "Abstract\nClassrooms in twelve schools were measured through one winter and compared.\n")
    assert item["container-title"] == "Building Studies"


def test_a_copyright_stamp_above_an_issue_line_is_not_the_journal():
    item = article("Sleep and memory in older adults\n\nAnna Berg, Tom Holm\n\n"
                   "Content may be subject to copyright.\nVol. 5 No. 1 2018\n\n"
                   "Abstract\nOlder adults who slept longer remembered more words on the next day.\n")
    assert item.get("container-title") != "Content may be subject to copyright"
    assert item["volume"] == "5"


def test_a_document_sites_download_and_view_button_gives_the_title():
    item = article("Reading habits of rural teenagers\n\n  • Uploaded by: Anna Berg\n  • 0\n\n"
                   "Download & View Reading Habits Of Rural Teenagers as PDF for free.\n\nMore details\n")
    assert item["title"].lower() == "reading habits of rural teenagers"
    assert clean_title("Download & View Reading Habits Of Rural Teenagers as PDF for free.") == (
        "Reading Habits Of Rural Teenagers", False)


def test_a_french_byline_joined_by_et_under_a_site_map_line():
    item = article("Navigation – Plan du site\nDossier : santé mentale\n\n"
                   "Conclusion : pour continuer la réflexion sur les nouvelles pathologies\n\n"
                   "Anne Morel et Louis Petit\n\nTexte intégral\n\n"
                   "1Dans les textes du dossier, on voit comment des troubles sont construits et légitimés.\n")
    assert item["title"] == "Conclusion : pour continuer la réflexion sur les nouvelles pathologies"
    assert [a["family"] for a in item["author"]] == ["Morel", "Petit"]


@pytest.mark.parametrize("line", ["Науковий вісник. Серія «Економіка». - Випуск 28. – 2009. – С. 49-53",
                                  "Вестник. – Вып. 28. – 2009. – С. 49-53"])
def test_an_issue_before_the_year_between_gost_dashes(line):
    facts = issue_facts(line)
    assert facts is not None and facts["issue"] == "28" and facts["page"] == "49-53"
    assert facts["issued"] == {"date-parts": [[2009]]}


def test_an_issue_and_its_year_with_spaces_round_the_slash():
    assert issue_facts("VOLUME-CİLT 5 NUMBER-SAYI 1 / 2018") == {
        "volume": "5", "issue": "1", "issued": {"date-parts": [[2018]]}}


def test_a_byline_labelled_in_german_with_academic_titles():
    item = article("Prävention und Gesundheitsförderung\n\nBelastungen in der ambulanten Altenpflege: eine Befragung\n\n"
                   "verfasst von: Anna Berg, Prof. Dr. Tom Holm\n\nZusammenfassung\n"
                   "Pflegekräfte in der ambulanten Altenpflege berichten über hohe Belastungen im Alltag.\n")
    assert [a["family"] for a in item["author"]] == ["Berg", "Holm"]


def test_history_labels_run_into_their_dates():
    from converter.readers.page.history import history_dates
    assert history_dates("Received27 Jul 2017") == {"submitted": [2017, 7, 27]}
    assert history_dates("Published26 Dec 2017") == {"published": [2017, 12, 26]}
