"""The HTTP API of `citeconv serve` through Starlette's ASGI test client (no socket), and the
`serve` command itself on a free local port."""
from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import urllib.request

import pytest

import converter
from conftest import EXAMPLE_SEED, GOLD, ROOT, load_json, need_shared
from converter import registry

pytest.importorskip("starlette")
pytest.importorskip("httpx2")  # Starlette's TestClient runs on it (the test extra installs it)

from starlette.testclient import TestClient  # noqa: E402

from converter.web import service  # noqa: E402
from converter.web.app import CSP, STATIC, create_app  # noqa: E402

SEED_TEXT = EXAMPLE_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(allowed_hosts=["testserver"]), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def gold_apa():
    need_shared()
    return load_json(GOLD / "expected.json")["article"]["apa"]


def post(client, path, body, **kw):
    return client.post(path, content=json.dumps(body), headers={"Content-Type": "application/json"}, **kw)


def error_of(response, status, exit_code):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert "Traceback" not in response.text
    err = response.json()["error"]
    assert err["exit_code"] == exit_code, err
    return err


# ---------------------------------------------------------------- formats

def test_formats_are_the_registry_s(client):
    data = client.get("/api/formats").json()
    assert [r["name"] for r in data["readers"]] == [f.name for f in registry.formats() if f.reader]
    assert [w["name"] for w in data["writers"]] == [f.name for f in registry.formats() if f.writer]
    writers = {w["name"]: w for w in data["writers"]}
    for style in ("apa", "gost", "gost-2008"):
        assert writers[style]["kind"] == "style" and writers[style]["suffix"] == f"-{style}.txt"
    assert (writers["bibtex"]["suffix"], writers["bibtex"]["media_type"]) == (".bib", "application/x-bibtex")
    assert writers["biblatex"]["suffix"] == "-biblatex.bib"  # two writers share .bib: the files differ
    assert writers["csljson"]["media_type"] == "application/vnd.citationstyles.csl+json"
    assert writers["ris"]["media_type"] == "application/x-research-info-systems"
    assert writers["jats"]["suffix"] == ".xml"
    assert [w["name"] for w in data["writers"] if w["needs_style"]] == ["csl"]
    assert {"en-US", "ru-RU"} <= {loc["tag"] for loc in data["locales"]}
    assert "author" in data["csl"]["names"] and "issued" in data["csl"]["dates"]
    assert "title" in data["csl"]["text"] and "article-journal" in data["csl"]["types"]
    assert data["max_bytes"] == service.MAX_BYTES == 5 * 1024 * 1024


def test_a_format_registered_later_is_offered(client, monkeypatch):
    toy = registry.Format("toy-style", "a toy style for this test", writer="converter.writers.csl:write_apa")
    monkeypatch.setitem(registry._FORMATS, "toy-style", toy)
    writers = {w["name"]: w for w in client.get("/api/formats").json()["writers"]}
    assert writers["toy-style"]["kind"] == "style"
    out = post(client, "/api/convert", {"text": SEED_TEXT, "to": "toy-style"}).json()
    assert out["output"].startswith("Rustamova, L. R.")


# ---------------------------------------------------------------- convert

def test_seed_page_to_apa_is_the_gold(client, gold_apa):
    response = post(client, "/api/convert", {"text": SEED_TEXT, "from": "auto", "to": "apa", "locale": "en",
                                             "references": False})
    assert response.status_code == 200
    data = response.json()
    assert data["output"].strip() == gold_apa
    assert data["format"] == "page" and data["to"] == "apa"
    assert [r["DOI"] for r in data["records"]] == ["10.15507/2413-1407.129.033.202504.578-593"]
    # the reader's warnings, with their place, as the CLI prints them
    notes = {d["text"] for d in data["diagnostics"]}
    assert "<input>:61: warning: repaired look-alike letters: Josе -> Jose" in notes


def test_references_of_the_seed(client):
    data = post(client, "/api/convert", {"text": SEED_TEXT, "to": "gost", "references": True}).json()
    assert len(data["output"].strip().splitlines()) == 16
    assert len(data["records"]) == 16 and data["records"][0]["id"].endswith("-ref-1")
    assert data["output"] == converter.convert(SEED_TEXT, to="gost", references=True)


def test_default_output_is_csljson_like_the_cli(client):
    data = post(client, "/api/convert", {"text": SEED_TEXT}).json()
    assert json.loads(data["output"]) == json.loads(converter.convert(SEED_TEXT))


def test_a_file_as_base64_is_decoded_like_a_file(client):
    ris = "TY  - JOUR\r\nAU  - Иванов, Иван\r\nTI  - Заглавие статьи\r\nPY  - 2020\r\nER  - \r\n"
    body = {"base64": base64.b64encode(ris.encode("cp1251")).decode(), "filename": "C:\\tmp\\refs.ris",
            "to": "csljson"}
    data = post(client, "/api/convert", body).json()
    assert data["format"] == "ris" and data["records"][0]["title"] == "Заглавие статьи"
    assert any(d["source"] == "refs.ris" and "cp1251" in d["message"] for d in data["diagnostics"])


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("body,status,code,phrase", [
    ({"text": ""}, 400, 3, "input is empty"),
    ({"text": "   \n"}, 400, 3, "input is empty"),
    ({"text": SEED_TEXT, "to": "docx"}, 400, 2, "unknown format 'docx'"),
    ({"text": SEED_TEXT, "from": "docx"}, 400, 2, "unknown format 'docx'"),
    ({"text": SEED_TEXT, "to": "page"}, 400, 2, "cannot be used as output"),
    ({"text": SEED_TEXT, "locale": "xx-YY", "to": "apa"}, 400, 2, "unknown locale"),
    ({"text": SEED_TEXT, "colour": "red"}, 400, 2, "unknown key(s) in the request: colour"),
    ({"text": SEED_TEXT, "base64": "AAAA"}, 400, 2, "one of them"),
    ({}, 400, 2, "one of them"),
    ({"text": 42}, 400, 2, "'text' must be a string"),
    ({"base64": "not base64!"}, 400, 2, "not valid base64"),
    ({"text": SEED_TEXT, "strict": "yes"}, 400, 2, "'strict' must be true or false"),
    ({"text": SEED_TEXT, "references": "some"}, 400, 2, "references must be"),
    ({"text": "hello", "from": "bibtex"}, 422, 4, "no BibTeX entries found"),
    ({"text": "hello"}, 422, 4, "cannot tell the input format"),
    ({"text": SEED_TEXT, "strict": True}, 422, 5, "strict mode"),
    ({"base64": base64.b64encode(b"\x00\x01\x02binary\x00").decode()}, 400, 3, "binary"),
])
def test_errors_are_json_with_the_cli_exit_code(client, body, status, code, phrase):
    err = error_of(post(client, "/api/convert", body), status, code)
    assert phrase in err["message"]


def test_malformed_requests(client):
    headers = {"Content-Type": "application/json"}
    err = error_of(client.post("/api/convert", content=b"{not json", headers=headers), 400, 2)
    assert "not JSON" in err["message"] and err["line"] == 1
    assert "JSON object" in error_of(client.post("/api/convert", content=b"[1]", headers=headers), 400, 2)["message"]
    assert "UTF-8" in error_of(client.post("/api/convert", content=b'{"text": "\xff"}', headers=headers), 400, 2)["message"]
    deep = b"[" * 100_000 + b"]" * 100_000
    assert "nested too deeply" in error_of(client.post("/api/convert", content=deep, headers=headers), 400, 2)["message"]
    # a form post (what another web site could make a browser send) is refused
    err = error_of(client.post("/api/convert", data={"text": SEED_TEXT}), 400, 2)
    assert "Content-Type: application/json" in err["message"]
    assert client.get("/api/convert").status_code == 405


def test_size_limit_is_413():
    with TestClient(create_app(max_bytes=1000, allowed_hosts=["testserver"])) as small:
        err = error_of(post(small, "/api/convert", {"text": "x" * 1001}), 413, 3)
        assert "limit is 1,000" in err["message"]
        err = error_of(post(small, "/api/convert", {"text": "я" * 501}), 413, 3)  # bytes, not characters
        err = error_of(post(small, "/api/convert", {"base64": base64.b64encode(b"x" * 1001).decode()}), 413, 3)
        # the body itself, before anything is parsed
        big = json.dumps({"text": "x" * 100_000, "from": "page"})
        err = error_of(small.post("/api/convert", content=big, headers={"Content-Type": "application/json"}), 413, 3)
        assert "request is" in err["message"]
        # under the limit it converts
        small_bib = "@article{k, title={T}, author={Doe, Jane}, journal={J}, year={2020}}"
        assert post(small, "/api/convert", {"text": small_bib, "to": "ris"}).status_code == 200


def test_internal_error_is_500_without_a_traceback(client, monkeypatch):
    def broken(body, max_bytes=0):
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "convert", broken)
    err = error_of(post(client, "/api/convert", {"text": SEED_TEXT}), 500, 1)
    assert err["message"] == "internal error: RuntimeError: boom (a bug: please report it)"


# ---------------------------------------------------------------- safety

@pytest.mark.parametrize("style", ["/etc/passwd", "../../../etc/passwd", "apa.csl", str(ROOT / "styles" / "gost.csl")])
def test_a_style_is_named_never_a_path(client, style):
    err = error_of(post(client, "/api/convert", {"text": SEED_TEXT, "to": "csl", "style": style}), 400, 2)
    assert err["field"] == "style" and "short name" in err["message"]


def test_styles_by_name(client):
    out = post(client, "/api/convert", {"text": SEED_TEXT, "to": "csl", "style": "chicago-author-date"}).json()
    assert out["output"].startswith("Rustamova, Leili R.")
    ours = post(client, "/api/convert", {"text": SEED_TEXT, "to": "csl", "style": "citeconv-gost-2018"}).json()
    assert ours["output"].startswith("Rustamova, L. R. Specifics")
    err = error_of(post(client, "/api/convert", {"text": SEED_TEXT, "to": "csl", "style": "no-such-style"}), 400, 2)
    assert "unknown CSL style 'no-such-style'" in err["message"]


def test_xml_entities_are_not_resolved(client, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE article [\n<!ENTITY xxe SYSTEM "{secret.as_uri()}">\n]>\n'
           '<article><front><article-meta><title-group><article-title>&xxe;</article-title>'
           '</title-group></article-meta></front></article>')
    response = post(client, "/api/convert", {"text": xxe, "from": "jats"})
    err = error_of(response, 422, 4)
    assert "entity" in err["message"] and "TOP-SECRET" not in response.text


def test_security_headers_on_every_response(client):
    responses = [client.get("/"), client.get("/static/app.js"), client.get("/static/style.css"),
                 client.get("/api/formats"), client.get("/no-such-page"),
                 post(client, "/api/convert", {"text": ""})]
    for r in responses:
        assert r.headers["content-security-policy"] == CSP, r.url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_other_host_names_are_refused():
    """A page on another site that rebinds its DNS name to 127.0.0.1 sends its own Host."""
    with TestClient(create_app()) as local:
        assert local.get("/api/formats", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert local.get("/api/formats", headers={"Host": "localhost:8000"}).status_code == 200
        assert local.get("/api/formats", headers={"Host": "evil.example"}).status_code == 400


def test_the_page_loads_nothing_from_elsewhere(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    refs = re.findall(r'(?:src|href)="([^"]*)"', page.text)
    assert refs and all(r.startswith(("/", "#", "data:")) for r in refs), refs
    for ref in refs:
        if ref.startswith("/static/"):
            assert client.get(ref).status_code == 200, ref
    for name in ("app.js", "style.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|@import|//cdn", text), name
    # user strings reach the page as text only: the script never parses HTML
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)


# ---------------------------------------------------------------- write (the page's edits)

def test_write_every_format_after_an_edit(client):
    records = post(client, "/api/read", {"text": SEED_TEXT}).json()["records"]
    names = [f.name for f in registry.formats() if f.writer and f.name != "csl"]
    before = post(client, "/api/write", {"records": records, "to": names}).json()["outputs"]
    records[0]["issued"] = {"date-parts": [[2031]]}
    after = post(client, "/api/write", {"records": records, "to": names}).json()["outputs"]
    for name in names:
        assert "error" not in after[name], after[name]
        assert after[name]["output"] != before[name]["output"], name
        assert "2031" in after[name]["output"] and "2031" not in before[name]["output"], name


def test_write_answers_each_format_on_its_own(client):
    records = [{"id": "a", "type": "book", "title": "T", "issued": "2020"}]
    out = post(client, "/api/write", {"records": records, "to": ["ris", "csl", "docx"]}).json()["outputs"]
    assert "PY  - 2020" in out["ris"]["output"]
    # the record's plain-intent repair is reported, as the CLI reports it
    assert any("issued" in (d["field"] or "") for d in out["ris"]["diagnostics"])
    assert out["csl"]["error"]["exit_code"] == 2 and "needs --style" in out["csl"]["error"]["message"]
    assert out["docx"]["error"]["exit_code"] == 2
    error_of(post(client, "/api/write", {"records": {"id": "a"}}), 400, 2)
    error_of(post(client, "/api/write", {"records": [], "to": 5}), 400, 2)


# ---------------------------------------------------------------- the command

def test_serve_command_answers_on_a_free_port():
    proc = subprocess.Popen([sys.executable, "-m", "converter", "serve", "--port", "0"], cwd=ROOT,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        with urllib.request.urlopen(url + "api/formats", timeout=60) as response:  # noqa: S310 (loopback)
            assert json.load(response)["version"] == converter.__version__
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_usage_errors():
    from conftest import run_cli

    proc = run_cli("serve", "--port", "eighty")
    assert proc.returncode == 2 and b"citeconv: error:" in proc.stderr and b"Traceback" not in proc.stderr
    proc = run_cli("serve", "--max-bytes", "0")
    assert proc.returncode == 2 and b"--max-bytes must be a positive" in proc.stderr


def test_readme_curl_example(client):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    body = re.search(r"curl -s http://127\.0\.0\.1:8000/api/convert .*\\\n\s+-d '(\{.*\})'", readme).group(1)
    answer = re.search(r'answers `\{"output": (".*?"), "format": "(\w+)"', readme)
    data = post(client, "/api/convert", json.loads(body)).json()
    assert data["output"] == json.loads(answer.group(1)) and data["format"] == answer.group(2)
    assert re.search(r"^    python3 -m venv \.venv && \.venv/bin/pip install -q '\.\[web\]' && \.venv/bin/citeconv serve$",
                     readme, re.M)
