"""Bylines the page reader used to miss on unseen pages (session 8), each on a short page or
line written here: marks set apart by spaces after initials, affiliation numbers run on after
the last name, Turkish names in capitals, and Turkish issue labels."""
from __future__ import annotations

import converter
from converter.readers.page.bylines import parse_byline_marked
from converter.readers.page.issue import issue_facts, journal_name
from converter.readers.page.pdf_head import split_run_together
from converter.vocabulary.casing import lower


def article(text: str):
    return converter.read(text, "page", source="page.txt").records[0]


def names(text: str):
    parsed = parse_byline_marked(text)
    return [(p["family"], p.get("given"), marks) for p, marks in parsed] if parsed else None


def test_family_first_names_with_marks_set_apart_by_spaces():
    assert names("Орлова Т.В. 1 Белов И.С. 2 Кац М.М. 1") == [
        ("Орлова", "Т.В.", ["1"]), ("Белов", "И.С.", ["2"]), ("Кац", "М.М.", ["1"])]


def test_affiliation_numbers_run_on_after_the_last_name():
    assert names("Mi-ra Lee 1,* and Jun-ho Choi 2 1 2") == [
        ("Lee", "Mi-ra", ["1", "*"]), ("Choi", "Jun-ho", ["2"])]


def test_turkish_names_in_capitals_keep_their_dotless_i():
    assert names("Ayşe Nur YILDIRIM, Elif Sena GÜNDİZ") == [
        ("Yıldırım", "Ayşe Nur", []), ("Gündiz", "Elif Sena", [])]
    assert lower("IŞIK İNCE") == "ışık ince" and lower("INDEX") == "index"


def test_a_turkish_page_byline_over_its_title_in_capitals():
    item = article("Yıl: 2021   Sayı: 7   Alan: Eğitim\n\nAyşe Nur YILDIRIM, Elif Sena GÜNDİZ\n"
                   "OKUL ÖNCESİ DÖNEMDE OYUN VE İLETİŞİM BECERİLERİ\n\n"
                   + "Bu çalışmada okul öncesi dönemdeki çocukların oyun ve iletişim becerileri incelenmiştir. " * 4 + "\n")
    assert item["author"][0] == {"family": "Yıldırım", "given": "Ayşe Nur"}
    assert item["title"] == "Okul öncesi dönemde oyun ve iletişim becerileri"
    assert (item["issue"], item["issued"]) == ("7", {"date-parts": [[2021]]})
    assert issue_facts("Cilt 12, Sayı 3, 2019") == {"volume": "12", "issue": "3", "issued": {"date-parts": [[2019]]}}


RUN_TOGETHER = (
    "Home > Documents > Soil moisture in upland pastures of northern Wales...\n\n"
    "Soil moisture in upland pastures of northern Wales...\n\nDate post: 02-Mar-2021\nCategory:\nUpload: others\n"
    "View: 12 times\n\n"
    "1 Soil moisture in upland pastures of northern Wales Maria Lopez, Tom Baker, Anne K. Ward * "
    "Department of Soil Science, Bangor University, Bangor LL57 2UW, UK Received 3 May 2010; accepted "
    "9 June 2010 Abstract Soil moisture was measured weekly in twelve upland pastures over three years, "
    "and the wettest months were not the ones grazed least. Keywords: soil moisture; pasture; Wales "
    "1. Introduction In upland farms the grazing calendar follows the weather more than the soil.\n")


def test_a_pdf_first_page_run_together_on_one_line():
    item = article(RUN_TOGETHER)
    assert item["title"] == "Soil moisture in upland pastures of northern Wales"  # not the breadcrumb cut short
    assert item["author"] == [{"family": "Lopez", "given": "Maria"}, {"family": "Baker", "given": "Tom"},
                              {"family": "Ward", "given": "Anne K."}]
    assert item["abstract"].startswith("Soil moisture was measured weekly")
    assert item["keyword"] == "soil moisture; pasture; Wales"


def test_a_run_together_head_keeps_its_running_head_and_stops_before_an_acronym():
    found = split_run_together(
        "Revista de Suelos 2019, Vol. 7, No. 2: 11-19. Suelos de ladera en el norte de Chile Carla Ruiz and Pablo Gil "
        "IXA group, University of the North, Antofagasta, Chile Resumen Se midieron ...")
    assert found is not None
    assert found.head == "Revista de Suelos 2019, Vol. 7, No. 2: 11-19."
    assert found.title == "Suelos de ladera en el norte de Chile"
    assert [p["family"] for p, _ in found.people] == ["Ruiz", "Gil"]


def test_a_title_and_a_byline_with_symbol_marks_after_commas():
    assert names("Ann Lee,*,†,⊥ Bo Park,‡ Cy Moss,§ and Di Vance† †") == [
        ("Lee", "Ann", ["*", "†", "⊥"]), ("Park", "Bo", ["‡"]), ("Moss", "Cy", ["§"]), ("Vance", "Di", ["†"])]
    item = article("Growing Copper Crystals in Paper Cells and Salt Bridges Ann Lee,*,† Bo Park,‡ and Cy Moss§ †\n\n"
                   "Abstract\n\nA classroom experiment grows copper crystals in cells made of paper and salt bridges "
                   "that students can build in one lesson.\n")
    assert item["title"] == "Growing Copper Crystals in Paper Cells and Salt Bridges"
    assert [a["family"] for a in item["author"]] == ["Lee", "Park", "Moss"]


def test_a_download_button_quoting_the_title_is_the_title():
    item = article('Wave energy on rocky shores\n\nSize: px\n\nDownload "Wave energy on rocky shores of Galicia"\n\n'
                   "Transcription\n\nAbstract\n\nWave energy was measured on rocky shores of Galicia over one winter.\n")
    assert item["title"] == "Wave energy on rocky shores of Galicia"


def test_spanish_authors_keep_both_family_names():
    item = article("Efecto del riego sobre los rendimientos del maíz en la costa\n\n"
                   "María Fernanda Rojas Vidal1, Jorge Salinas Peña2, Hurley Abel Quispe-Ccasa1\n\n"
                   "Resumen\n\nSe evaluaron los rendimientos del maíz con tres niveles de riego en la costa "
                   "durante dos campañas y los resultados fueron distintos para cada nivel.\n")
    assert item["author"] == [{"family": "Rojas Vidal", "given": "María Fernanda"},
                              {"family": "Salinas Peña", "given": "Jorge"},
                              {"family": "Quispe-Ccasa", "given": "Hurley Abel"}]


def test_a_library_records_authors_in_family_given_pairs():
    item = article("Loading…\n\nRiver terraces of the lower Volga\n\nBibliographic Details\n"
                   "Published in:Quaternary notes 2019, Vol.12, p.45\n"
                   "Main Authors: Van der Berg, Anna, Ortiz, Luis, Kim, J. H.\nFormat: Article\n")
    assert item["author"] == [{"family": "Van der Berg", "given": "Anna"}, {"family": "Ortiz", "given": "Luis"},
                              {"family": "Kim", "given": "J. H."}]


def test_a_gost_record_with_names_family_first_and_a_doi_after_the_udc():
    item = article("ISSN 1234-5678 (Print)\n\nУДК: 631.1 DOI: https://doi.org/10.1234/abc.2020.1.7\n"
                   "Рубрика журнала\n\n"
                   "Кооперація у сільському господарстві України / Коваленко О.П., Мельник І. // "
                   "Аграрний вісник. - 2020. - № 1 - С. 7\n\n"
                   "Мета статті – розкрити роль кооперації у розвитку сільського господарства та громад.\n")
    assert item["title"] == "Кооперація у сільському господарстві України"
    assert item["author"] == [{"family": "Коваленко", "given": "О.П."}, {"family": "Мельник", "given": "І."}]
    assert item["container-title"] == "Аграрний вісник"
    assert item["DOI"] == "10.1234/abc.2020.1.7"


def test_names_with_a_turkish_title_a_copyright_year_or_a_short_family_name_in_capitals():
    assert names("Yrd.Doç.Dr. Ayşe Yılmaz*") == [("Yılmaz", "Ayşe", ["*"])]
    assert names("© 2022 г.  О. В. Петрова*, Н. С. Ким") == [("Петрова", "О. В.", ["*"]), ("Ким", "Н. С.", [])]
    assert names("WU Lihua1, LI Ming1,*(), HE Jun2") == [
        ("Wu", "Lihua", ["1"]), ("Li", "Ming", ["1", "*"]), ("He", "Jun", ["2"])]


def test_the_bylines_english_twin_under_the_title_is_not_more_authors():
    item = article("Вестник экономики № 2, 2019\n\nО. В. Петрова,\n\nдоцент кафедры финансов\n\nИ. С. Ким,\n\n"
                   "аспирант кафедры финансов\n\nФИНАНСОВЫЕ РЕЗУЛЬТАТЫ МАЛЫХ ПРЕДПРИЯТИЙ\n\nO. V. Petrova,\n\n"
                   "Associate professor of Department of Finance\n\nI. S. Kim,\n\nPostgraduate student\n\n"
                   "В статье рассмотрены финансовые результаты малых предприятий региона за пять лет и их причины.\n")
    assert [a["family"] for a in item["author"]] == ["Петрова", "Ким"]


def test_a_title_wrapped_after_a_short_connector_over_blank_lines_stops_at_the_other_script():
    item = article("Тематичний розділ: Психологія\n\nУДК 159.9\n\nКоваль І. О.\nкандидат психологічних наук, доцент\n\n"
                   "ПСИХОЛОГІЧНІ ЧИННИКИ ВТОМИ У\n\n\nСТУДЕНТІВ\n\nPSYCHOLOGICAL FACTORS OF FATIGUE IN STUDENTS\n\n"
                   "Стаття присвячена аналізу психологічних чинників втоми у студентів першого курсу університету.\n")
    assert item["title"] == "Психологічні чинники втоми у студентів"


def test_the_saved_title_printed_again_lower_down_is_an_echo_of_it():
    item = article("Sağlık, Sağlık Okuryazarlığı Süreci ve Ebelik\n\nTranskript\n\n"
                   "Sağlık, Sağlık Okuryazarlığı Süreci ve Ebelik\nSağlık, Sağlık Okuryazarlığı Süreci\nve Ebelik\n"
                   "Health, Health Literacy Process and\nMidwifery\nDergi (2006) 64–71\nDr. Ayşe Yılmaz*\n\nÖZET\n"
                   "Ebelikte bilimsel yöntem kullanılarak yapılan araştırmalar gelecekte kanıta dayalı karar vermeyi sağlar.\n")
    assert item["title"] == "Sağlık, Sağlık Okuryazarlığı Süreci ve Ebelik"


def test_a_place_in_brackets_after_a_name_and_rarer_degrees_in_capitals():
    assert names("А.Б. Орлов (Краснодар), В.Г. Ким (Ростов-на-Дону)") == [("Орлов", "А.Б.", []), ("Ким", "В.Г.", [])]
    assert names("Anna Lee PhD (UK), MPhil (UK), EMMB, Tom Kim MD") == [("Lee", "Anna", []), ("Kim", "Tom", [])]


def test_a_journal_name_without_the_year_and_pages_or_month_after_it():
    assert journal_name("Hemşirelik Dergisi (2006) 64–71") == "Hemşirelik Dergisi"
    assert journal_name("Sustainable cities and society 2024-10") == "Sustainable cities and society"
    assert journal_name("IJCNN 2015") == "IJCNN 2015"


def test_keywords_end_at_their_full_stop_and_before_a_roman_heading():
    item = article("Ebelikte Araştırma Süreci\n\nDr. Ayşe Yılmaz*\n\nÖZET\nEbelikte bilimsel yöntem kullanılarak yapılan "
                   "araştırmalar gelecekte kanıta dayalı karar vermeyi sağlar ve mesleği güçlendirir.\n"
                   "Anahtar Kelimeler: ebelik, bilim, araştırma.\nEbelikte Araştırma Süreci\n"
                   "Research Process in Midwifery\n65\n")
    assert item["keyword"] == "ebelik, bilim, araştırma"
    item = article("Formative Feedback in Schools\n\nAnn Lee1, Bo Park2\n\nABSTRACT: Teachers gave feedback weekly "
                   "and the pupils' marks rose over the year in all classes.\n\nKEYWORDS:Assessment, Feedback. I.\n\n"
                   "INTRODUCTION\n")
    assert item["keyword"] == "Assessment, Feedback"


def test_a_second_group_of_names_with_its_institution_on_the_same_line():
    item = article("Архив номеров / Номер 3, 2018 год Распечатать\n\nЛечение гастрита у кошек\n\nУДК 619:616.33\n\n"
                   "Иванов А.В., Петрова Н.Н.\nФГБУ «Центр ветеринарии», г. Москва\n"
                   "Сидоров Л.В., Козлов В.В. ФГБОУ ВО «Донской государственный аграрный университет»\n\n"
                   "Введение. Гастрит у кошек встречается часто, и его лечение требует времени и внимания.\n")
    assert item["title"] == "Лечение гастрита у кошек"
    assert [a["family"] for a in item["author"]] == ["Иванов", "Петрова", "Сидоров", "Козлов"]
    assert "container-title" not in item  # 'Архив номеров' is the site's archive


def test_orcids_e_mails_and_plos_affiliation_codes_next_to_names():
    assert names("Anna Lee https://orcid.org/0000-0002-1825-0097, Tom Kim tom@uni.example.org") == [
        ("Lee", "Anna", []), ("Kim", "Tom", [])]
    assert names("Ann Lee aff001;  Bo Park aff002") == [("Lee", "Ann", ["1"]), ("Park", "Bo", ["2"])]


def test_cjk_names_in_family_given_pairs_under_an_authors_label():
    item = article("地域看護の実践\n\nBibliographic Details\nPublished in日本看護雑誌 Vol. 12; no. 3; pp. 10 - 20\n"
                   "Main Authors 山田, 花子, 佐藤, 太郎\nLanguageJapanese\n")
    assert item["author"] == [{"family": "山田", "given": "花子"}, {"family": "佐藤", "given": "太郎"}]


def test_roman_marks_glued_to_names_with_a_symbol_after_a_comma():
    assert names("M. MousapoorI; C. LosaccoII; A. SeidaviI, #; W.A.G. de AraújoIII") == [
        ("Mousapoor", "M.", ["1"]), ("Losacco", "C.", ["2"]), ("Seidavi", "A.", ["1", "#"]), ("de Araújo", "W.A.G.", ["3"])]


def test_a_byline_printed_twice_initials_then_full_names_is_read_once():
    from converter.readers.page.people import merge_people, printed_twice

    byline = [{"family": "Попов", "given": "А. Н."}, {"family": "Попова", "given": "Д. В."},
              {"family": "Попов", "given": "Артем Николаевич"}, {"family": "Попова", "given": "Диана Вадимовна"}]
    assert printed_twice(byline) == 2
    names_, extra, _ = merge_people(byline, [], [])
    assert names_ == byline[:2] and extra[0]["variants"] == ["Артем Николаевич Попов"]
    # two people of one family with other initials stay two; so do people who differ
    assert printed_twice([{"family": "Ильин", "given": "А. А."}, {"family": "Ильин", "given": "А. П."}]) is None
    assert printed_twice([{"family": "Lee", "given": "Ann"}, {"family": "Park", "given": "Bo"}]) is None


def test_honorifics_before_names_in_several_languages():
    assert names("проф. И.И. Иванов, доц. П.П. Петров") == [("Иванов", "И.И.", []), ("Петров", "П.П.", [])]
    assert names("Assoc. Prof. Dr. Ali Veli, Prof. Dr. Ayşe Kaya") == [("Veli", "Ali", []), ("Kaya", "Ayşe", [])]
