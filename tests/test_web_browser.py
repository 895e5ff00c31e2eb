"""The page of `citeconv serve` in a real browser: Debian's chromium, headless, driven by
Playwright (which never downloads a browser here). Skipped locally without chromium or
Playwright; under CI (which installs both) their absence fails. Each test leaves a screenshot
in build/web-screenshots/ for people to look at."""
from __future__ import annotations

import os
import shutil
import threading

import pytest

import converter
from conftest import EXAMPLE_SEED, GOLD, ROOT, SHARED, load_json, need_shared

SCREENSHOTS = ROOT / "build" / "web-screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED_TEXT = EXAMPLE_SEED.read_text(encoding="utf-8")
WAIT_MS = 60_000  # a slow shared machine; nothing here is timed


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; .ci/run should have installed it")
    pytest.skip(f"{what} is missing")


@pytest.fixture(scope="module")
def server():
    """The app under uvicorn on a free loopback port, in a thread of this process."""
    try:
        import uvicorn

        from converter.web.app import create_app
        from converter.web.serve import _listen
    except ImportError:
        _missing("the web extra (starlette, uvicorn)")
    sock = _listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the server did not start")
        threading.Event().wait(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=30)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright (pip install '.[test]')")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _missing("chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                                    args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """One browser tab on the page, with the errors and dialogs it met."""

    def __init__(self, browser, url, name, **context):
        self.context = browser.new_context(accept_downloads=True, **context)
        self.page = self.context.new_page()
        self.page.set_default_timeout(WAIT_MS)
        self.name = name
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("console", self._console)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        self.page.wait_for_selector("#out-apa")  # the panels are built from /api/formats

    def _console(self, message):
        # an API error answer (4xx) is logged by the browser; the page shows it, so it is no problem
        if message.type == "error" and "responded with a status of 4" not in message.text:
            self.problems.append(f"console: {message.text}")

    def paste(self, text):
        self.page.fill("#input-text", text)

    def output(self, name):
        return self.page.locator(f'section.output[data-format="{name}"] pre')

    def wait_output(self, name, contains):
        self.page.wait_for_function("([sel, s]) => document.querySelector(sel).textContent.includes(s)",
                                    arg=[f'section.output[data-format="{name}"] pre', contains])
        return self.output(name).text_content()

    def wait_idle(self):
        self.page.wait_for_function("() => !document.querySelector('section.output.busy')")

    def outputs(self):
        return self.page.eval_on_selector_all(
            "section.output", "els => Object.fromEntries(els.map(e => [e.dataset.format, e.querySelector('pre').textContent]))")

    def close(self, full_page=True):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{self.name}.png"), full_page=full_page)
        self.context.close()
        assert self.problems == [], self.problems  # CSP violations show up here too
        assert self.dialogs == []


@pytest.fixture
def open_page(browser, server, request):
    pages = []

    def opener(**context):
        page = Page(browser, server, request.node.name.replace("test_", ""), **context)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()


def writers():
    return [f.name for f in converter.formats() if f.writer and f.name != "csl"]


def test_seed_page_gives_the_gold_apa(open_page):
    need_shared()
    gold = load_json(GOLD / "expected.json")["article"]
    tab = open_page(viewport={"width": 1400, "height": 1000})
    tab.paste(SEED_TEXT)
    apa = tab.wait_output("apa", "Rustamova")
    assert apa.strip() == gold["apa"]
    assert tab.wait_output("gost", "Rustamova").strip() == gold["gost"]
    assert tab.wait_output("gost-2008", "Rustamova").strip() == gold["gost-2008"]
    assert "Detected: page" in tab.page.text_content("#detected")
    assert tab.page.text_content("#record-count") == "(1 record)"
    # the reader's warnings: the parsed references' ones wait until those are shown
    assert "6 notes from reading" in tab.page.text_content("#notes-summary")
    tab.page.select_option("#locale", "en")
    assert tab.wait_output("gost", "Text : electronic").strip() == gold["gost@en"]
    # any CSL style by name
    tab.page.get_by_label("CSL style name").fill("chicago-author-date")
    assert tab.wait_output("csl", "Rustamova").startswith("Rustamova, Leili R., and Jose de Jesus Calderon Anton. 2025.")
    # the copy button puts the output on the clipboard
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.page.get_by_role("button", name="Copy the apa output").click()
    assert tab.page.evaluate("() => navigator.clipboard.readText()").strip() == gold["apa"]


def test_editing_the_year_changes_every_output(open_page):
    tab = open_page(viewport={"width": 1400, "height": 1000})
    tab.paste(SEED_TEXT)
    tab.wait_output("apa", "(2025)")
    tab.wait_idle()
    before = tab.outputs()
    year = tab.page.get_by_label("issued", exact=True)
    assert year.input_value() == "2025"
    year.fill("2031")
    tab.wait_output("apa", "(2031)")
    tab.wait_idle()
    after = tab.outputs()
    for name in writers():
        assert after[name] != before[name], name
        assert "2031" in after[name] and "2031" not in before[name], name
    # the table follows the edit too
    assert tab.page.locator("#records-table tbody tr").first.locator("td").nth(2).text_content() == "2031"
    # and so do names: the first author's family name
    tab.page.get_by_label("author 1: family name or organisation").fill("Rustamowa")
    assert tab.wait_output("apa", "Rustamowa, L. R.").startswith("Rustamowa, L. R., & Calderon Anton")
    # a field the record did not have
    tab.page.select_option("#add-field", "URL")
    tab.page.get_by_role("button", name="Add", exact=True).click()
    tab.page.get_by_label("URL", exact=True).fill("https://example.org/article")
    assert "UR  - https://example.org/article" in tab.wait_output("ris", "UR  -")


def test_download_bib_and_read_it_back(open_page, tmp_path):
    tab = open_page(viewport={"width": 1400, "height": 1000})
    tab.paste(SEED_TEXT)
    tab.wait_output("bibtex", "@article{")
    tab.page.get_by_label("title", exact=True).fill("A Corrected Title")
    tab.wait_output("bibtex", "Corrected")
    tab.wait_idle()
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Download the bibtex output").click()
    download = info.value
    assert download.suggested_filename == "rustamova2025specifics.bib"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    record = converter.read_file(path).records[0]
    assert record["title"] == "A Corrected Title" and record["DOI"] == "10.15507/2413-1407.129.033.202504.578-593"
    assert [a["family"] for a in record["author"]] == ["Rustamova", "Calderon Anton"]
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Download the biblatex output").click()
    assert info.value.suggested_filename == "rustamova2025specifics-biblatex.bib"
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Download the apa output").click()
    assert info.value.suggested_filename == "rustamova2025specifics-apa.txt"
    saved = tmp_path / "apa.txt"
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").startswith("Rustamova, L. R., & Calderon Anton, J. de J. (2025). A corrected title.")


MALICIOUS = """@article{x1,
  title = {<script>alert(1)</script>},
  author = {Doe, <img src=x onerror=alert(2)>},
  journal = {"><svg onload=alert(3)>},
  year = {2020}
}
"""


def test_malicious_strings_show_as_text(open_page):
    tab = open_page(viewport={"width": 1400, "height": 1000})
    tab.paste(MALICIOUS)
    apa = tab.wait_output("apa", "alert(1)")
    # APA capitalises the first word ("<Script>"); the markup is still there, as text
    assert "alert(1)</script>" in apa and "<img src=x onerror=alert(2)>" in apa
    assert "TI  - <script>alert(1)</script>" in tab.wait_output("ris", "alert(1)")
    tab.wait_idle()
    title = tab.page.locator("#records-table tbody tr td").nth(3).text_content()
    assert title.startswith("<script>alert(1)</script>")
    assert tab.page.get_by_label("title", exact=True).input_value() == "<script>alert(1)</script>"
    page = tab.page
    assert page.locator("script").count() == 1 and page.locator("img, svg, iframe").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")
    # tab.close() asserts that no dialog opened and no error was logged


def test_many_records_sorted_and_counted(open_page):
    need_shared()
    bib = SHARED / "corpus" / "real" / "biblatex-examples.bib"
    count = len(converter.read_file(bib).records)
    tab = open_page(viewport={"width": 1400, "height": 1000})
    tab.page.set_input_files("#input-file", str(bib))
    tab.page.wait_for_function("(n) => document.querySelector('#record-count').textContent === `(${n} records)`",
                               arg=count)
    assert tab.page.text_content("#file-name") == "File: biblatex-examples.bib"
    rows = tab.page.locator("#records-table tbody tr")
    assert rows.count() == count
    # sort by year with the keyboard: the header is a button
    year_button = tab.page.locator('#records-table th[data-key="year"] button')
    year_button.focus()
    tab.page.keyboard.press("Enter")
    assert tab.page.get_attribute('#records-table th[data-key="year"]', "aria-sort") == "ascending"
    years = [y for y in rows.locator("td:nth-child(3)").all_text_contents() if y]
    assert years == sorted(years) and len(set(years)) > 5
    tab.page.keyboard.press("Enter")
    assert tab.page.get_attribute('#records-table th[data-key="year"]', "aria-sort") == "descending"
    years = [y for y in rows.locator("td:nth-child(3)").all_text_contents() if y]
    assert years == sorted(years, reverse=True)
    apa = tab.wait_output("apa", "Aristotle")
    assert len(apa.strip().splitlines()) == count
    tab.wait_idle()
    with tab.page.expect_download() as info:
        tab.page.get_by_role("button", name="Download the ris output").click()
    assert info.value.suggested_filename == "biblatex-examples.ris"


def test_phone_keyboard_and_screen_reader_names(open_page):
    tab = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab.paste(SEED_TEXT)
    tab.wait_output("apa", "Rustamova")
    tab.wait_idle()
    page = tab.page
    # nothing wider than the phone's screen: the page does not scroll sideways
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    # every control has a name a screen reader can say
    unnamed = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea, button')]
        .filter(e => e.type !== 'hidden' && !e.closest('[hidden]'))
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                     && !e.getAttribute('aria-labelledby') && !(e.textContent || '').trim())
        .map(e => e.outerHTML.slice(0, 80))""")
    assert unnamed == []
    # the reference list, chosen by keyboard
    page.get_by_label("their reference lists").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('#record-count').textContent === '(16 references)'")
    gost = tab.wait_output("gost", "Strezhneva")
    assert len(gost.strip().splitlines()) == 16
    # the reader's warning about reference 4 sits beside that reference's volume field
    page.get_by_role("button", name="Edit reference 4").click()
    volume = page.get_by_label("volume", exact=True)
    note = page.locator(f"#{volume.get_attribute('aria-describedby')}")
    assert "reads volume 60, issue 6" in note.text_content()
    page.locator("#editor-heading").scroll_into_view_if_needed()


def test_dropped_file_and_a_chosen_format(open_page):
    """A cp1251 RIS file dropped on the input box; then a wrong format chosen by hand."""
    ris = "TY  - JOUR\r\nAU  - Иванов, Иван Петрович\r\nTI  - Заглавие статьи\r\nT2  - Вестник\r\nPY  - 2019\r\nER  - \r\n"
    tab = open_page(viewport={"width": 1400, "height": 1000})
    page = tab.page
    data = list(ris.encode("cp1251"))
    page.evaluate("""(bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], "ivanov.ris", {type: "application/x-research-info-systems"}));
        document.querySelector("#drop-zone").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
    }""", data)
    gost = tab.wait_output("gost", "Иванов")
    assert gost.strip() == "Иванов, И. П. Заглавие статьи / И. П. Иванов. – Текст : непосредственный // Вестник. – 2019."
    assert "Detected: ris" in page.text_content("#detected")
    assert page.text_content("#file-name") == "File: ivanov.ris"
    assert any("cp1251" in note for note in page.locator("#notes-list li").all_text_contents())
    tab.wait_idle()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the gost output").click()
    assert info.value.suggested_filename == "ivanov-gost.txt"
    # the detected format can be changed; a wrong choice says why, and nothing stale stays
    page.select_option("#from-format", "jats")
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "ivanov.ris" in alert.text_content() and "XML" in alert.text_content()
    assert page.text_content("#record-count") == "" and tab.output("apa").text_content() == ""
    page.select_option("#from-format", "auto")
    tab.wait_output("apa", "Иванов")
    assert page.get_by_role("alert").is_hidden()
