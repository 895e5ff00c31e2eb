"""Bytes to text: BOMs, UTF-8, legacy Windows code pages, and refusing binary data."""
from __future__ import annotations

import codecs
import json
import re
from typing import List, Tuple

from .errors import InputError, UsageError
from .model import Diagnostic

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha() and ord(c) > 127]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters)


# Patterns, not compiled ones: their character sets take milliseconds to compile, and only
# input that is not UTF-8 needs them (re compiles them on first use and keeps them).
_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_CJK_GLUED = r"[A-Za-z][\u4e00-\u9fff]|[\u4e00-\u9fff][A-Za-z]"


def _as_gbk(data: bytes) -> str | None:
    """The text if the bytes are Chinese in GBK (GB 2312's superset), else None. Single-byte
    code pages decode as GBK too more often than not, but their accents then turn into Chinese
    characters glued to Latin words ("Calder" + U+96DD); real GBK text has its characters among
    themselves and nearly no non-ASCII character outside CJK."""
    try:
        text = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(1 for c in text if ord(c) > 127)
    cjk = len(re.findall(_CJK, text))
    if cjk < 2 or cjk < 0.95 * non_ascii or len(re.findall(_CJK_GLUED, text)) > 0.1 * cjk:
        return None
    # Most characters of real Chinese text are GB 2312's level 1 (lead bytes 0xB0-0xD7, the
    # 3,755 common ones); cp1251's lower-case Cyrillic letters, read as GBK, are lead bytes 0xE0+.
    ideographs = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    common = sum(1 for c in ideographs if 0xB0 <= c.encode("gbk")[0] <= 0xD7)
    if ideographs and common < 0.5 * len(ideographs):
        return None
    return text


def decode(data: bytes, *, encoding: str | None = None,
           source: str | None = None) -> Tuple[str, List[Diagnostic]]:
    """Decode input bytes. Returns the text and warnings about how it was decoded."""
    diags: List[Diagnostic] = []
    if not data.strip():
        raise InputError("input is empty", source=source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), diags
            except UnicodeDecodeError as exc:
                if codec != "utf-8-sig":  # UTF-16 of odd length, or a broken surrogate pair
                    raise InputError(f"not valid UTF-16 despite its byte-order mark: {exc.reason} at byte "
                                     f"{exc.start}", source=source) from None
                # a UTF-8 BOM over text that is not all UTF-8: decode the rest as without a BOM
                data = data[len(bom):]
                diags.append(Diagnostic("UTF-8 byte-order mark over text that is not UTF-8",
                                        "warning", source, data.count(b"\n", 0, exc.start) + 1))
                break
    if looks_binary(data):
        nul = data.find(b"\x00", 0, 8192)
        line = data.count(b"\n", 0, nul) + 1 if nul >= 0 else None
        where = f" (NUL byte at offset {nul})" if nul >= 0 else ""
        raise InputError(f"input looks like binary data, not text{where}", source=source, line=line)
    if encoding:
        try:
            return data.decode(encoding), diags
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}", source=source) from None
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(f"not valid {encoding}: byte 0x{data[exc.start]:02x}",
                             source=source, line=line) from None
    try:
        return data.decode("utf-8"), diags
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    line = data.count(b"\n", 0, first_bad) + 1
    # A file that is UTF-8 except for a few stray bytes keeps its UTF-8; one that is wholly
    # in a single-byte code page decodes cleanly in it.
    utf8_ok = data.decode("utf-8", errors="replace")
    bad = utf8_ok.count("\ufffd")
    multibyte = sum(1 for c in utf8_ok if ord(c) > 127 and c != "\ufffd")
    if multibyte > bad:
        diags.append(Diagnostic(
            f"invalid UTF-8 (first bad byte 0x{data[first_bad]:02x}); {bad} byte(s) replaced by U+FFFD;"
            " name the encoding with --encoding if this is wrong", "warning", source, line))
        return utf8_ok, diags
    gbk = _as_gbk(data)
    if gbk is not None:
        diags.append(Diagnostic(
            f"input is not UTF-8 (first non-UTF-8 byte 0x{data[first_bad]:02x}); decoded as gbk;"
            " name the encoding with --encoding if this is wrong", "warning", source, line))
        return gbk, diags
    cp1251 = data.decode("cp1251", errors="replace")
    # Latin-1 accents read as cp1251 turn into Cyrillic letters inside Latin words ("Calderуn");
    # real cp1251 text has whole Cyrillic words. Letters are counted, not words, so that a few
    # look-alike typos in a Latin word ("Eсonomy") do not outweigh whole Russian words.
    mixed = sum(len(re.findall(r"[\u0400-\u04ff]", w)) for w in re.findall(r"[^\W\d_]+", cp1251)
                if re.search(r"[A-Za-z]", w) and re.search(r"[\u0400-\u04ff]", w))
    cyrillic = sum(len(w) for w in re.findall(r"\b[\u0400-\u04ff]{2,}\b", cp1251))
    codec = "cp1251" if _cyrillic_share(cp1251) > 0.6 and cyrillic > mixed else "cp1252"
    text = data.decode(codec, errors="replace")
    diags.append(Diagnostic(
        f"input is not UTF-8 (first non-UTF-8 byte 0x{data[first_bad]:02x}); decoded as {codec};"
        " name the encoding with --encoding if this is wrong", "warning", source, line))
    return text, diags


def is_json(text: str) -> bool:
    """Whether ``text`` is one JSON array or object: detection by structure, so that a JSON
    string holding '@article{' or 'TY  - ' is not taken for BibTeX or RIS."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body or body[0] not in "[{":
        return False
    try:
        json.loads(body)
    except (ValueError, RecursionError):
        return False
    return True


# What no reader should see and no format can carry: lone surrogates (from a str given to the
# API), C0/C1 control characters other than tab and line ends (XML 1.0 allows no others), and
# non-characters.
UNCARRIABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def strip_uncarriable(text: str, source: str | None = None) -> Tuple[str, List[Diagnostic]]:
    """The text without UNCARRIABLE characters (a lone surrogate becomes U+FFFD, a control
    character is removed), and a warning for each of the first lines holding one."""
    if not UNCARRIABLE.search(text):
        return text, []
    diags = []
    for m in list(UNCARRIABLE.finditer(text))[:5]:
        diags.append(Diagnostic(f"character U+{ord(m.group()):04X} (a control character or lone surrogate) "
                                "removed: no output format can carry it", "warning", source,
                                text.count("\n", 0, m.start()) + 1))
    cleaned = UNCARRIABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)
    return cleaned, diags
