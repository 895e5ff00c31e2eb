"""The command line as a user meets it: exit codes, one clear message, never a traceback."""
from __future__ import annotations

import json

from conftest import EXAMPLE_SEED, ROOT, run_cli


def check_error(proc, code: int, *phrases: str) -> str:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert err.count("citeconv: error:") == 1, err
    for phrase in phrases:
        assert phrase in err, err
    return err


def test_seed_example_to_csljson():
    proc = run_cli(str(EXAMPLE_SEED), "-t", "csljson")
    assert proc.returncode == 0, proc.stderr.decode()
    items = json.loads(proc.stdout)
    assert items[0]["DOI"] == "10.15507/2413-1407.129.033.202504.578-593"
    # warnings go to stderr in the compiler form file:line: warning: message
    assert f"{EXAMPLE_SEED}:61: warning: repaired look-alike letters: Josе -> Jose" in proc.stderr.decode()


def test_stdin_and_dash(tmp_path):
    data = EXAMPLE_SEED.read_bytes()
    for args in ((), ("-",)):
        proc = run_cli(*args, "-t", "csljson", input=data)
        assert proc.returncode == 0, proc.stderr.decode()
        assert json.loads(proc.stdout)[0]["volume"] == "33"
        assert "<stdin>:61: warning:" in proc.stderr.decode()


def test_output_file(tmp_path):
    out = tmp_path / "seed.json"
    proc = run_cli(str(EXAMPLE_SEED), "-o", str(out), "-q")
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
    assert json.loads(out.read_text(encoding="utf-8"))[0]["issue"] == "4"


def test_several_inputs_make_one_output(tmp_path):
    other = ROOT / "tests" / "fixtures" / "page" / "russian-labels.txt"
    proc = run_cli(str(EXAMPLE_SEED), str(other), "-q")
    assert [r["id"] for r in json.loads(proc.stdout)] == ["rustamova2025specifics", "иванова2024приграничное"]
    # the same record twice is one record, and the repeat is reported
    proc = run_cli(str(EXAMPLE_SEED), str(EXAMPLE_SEED))
    assert len(json.loads(proc.stdout)) == 1
    assert "repeats record 'rustamova2025specifics' exactly; written once" in proc.stderr.decode()


def test_list_formats():
    proc = run_cli("--list-formats")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    for name in ("csljson", "page"):
        assert name in out


def test_strict_turns_warnings_into_exit_5():
    proc = run_cli(str(EXAMPLE_SEED), "--strict")
    err = check_error(proc, 5, "strict mode", "Josе -> Jose")
    assert proc.stdout == b""
    assert err  # every warning listed in the one error


def test_empty_input():
    check_error(run_cli(input=b""), 3, "<stdin>: input is empty")
    check_error(run_cli(input=b"  \n\n "), 3, "input is empty")


def test_binary_input():
    check_error(run_cli(input=bytes(range(256)) * 4), 3, "binary")


def test_missing_file(tmp_path):
    check_error(run_cli(str(tmp_path / "nope.txt")), 3, "nope.txt: no such file")


def test_directory_as_input(tmp_path):
    check_error(run_cli(str(tmp_path)), 3, "is a directory")


def test_unknown_output_format():
    check_error(run_cli(str(EXAMPLE_SEED), "-t", "docx"), 2, "unknown format 'docx'", "csljson")


def test_unknown_input_format():
    check_error(run_cli(str(EXAMPLE_SEED), "-f", "docx"), 2, "unknown format 'docx'")


def test_write_only_format_as_input():
    proc = run_cli(str(EXAMPLE_SEED), "-f", "page", "-t", "page")
    check_error(proc, 2, "cannot be used as output")


def test_unknown_option():
    check_error(run_cli("--frobnicate"), 2, "unrecognized arguments: --frobnicate")


def test_page_without_title():
    check_error(run_cli("-f", "page", input=b"12345\n"), 4, "no recognisable article title")


def test_undetectable_format():
    check_error(run_cli(input=b"%%%%\n"), 4, "cannot tell the input format")


def test_unwritable_output(tmp_path):
    check_error(run_cli(str(EXAMPLE_SEED), "-q", "-o", str(tmp_path / "no" / "such" / "dir.json")), 6,
                "cannot write")


def test_bad_encoding_name():
    check_error(run_cli(str(EXAMPLE_SEED), "--encoding", "klingon"), 2, "unknown encoding 'klingon'")


def test_python_dash_m_and_console_script_agree():
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "citeconv"  # installed beside the interpreter
    assert exe.exists(), "the citeconv console script is not installed"
    a = subprocess.run([str(exe), str(EXAMPLE_SEED), "-q"], capture_output=True)
    b = run_cli(str(EXAMPLE_SEED), "-q")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout


def test_skipped_records_give_exit_7_with_the_good_ones_written():
    from conftest import SHARED, need_shared

    need_shared()
    proc = run_cli(str(SHARED / "corpus" / "bad" / "truncated.json"))
    err = proc.stderr.decode()
    assert proc.returncode == 7, err
    assert "truncated.json:" in err and ": error:" in err and "Traceback" not in err
    assert len(json.loads(proc.stdout)) >= 1


def test_output_format_from_the_file_extension(tmp_path):
    for name, start in (("a.bib", "@article{"), ("a.ris", "TY  - JOUR"), ("a.xml", "<?xml"), ("a.json", "[")):
        out = tmp_path / name
        proc = run_cli(str(EXAMPLE_SEED), "-q", "-o", str(out))
        assert proc.returncode == 0, proc.stderr.decode()
        assert out.read_text(encoding="utf-8").lstrip().startswith(start), name
