"""LaTeX <-> Unicode for bibliography fields: accents, special letters, escaped specials,
dashes and quotes, simple math (Greek, sub/superscripts), a few siunitx/chemistry macros.

``to_unicode`` never drops a command silently: commands it does not know are reported
through ``unknown`` (their arguments are kept as text). ``to_latex`` escapes what LaTeX and
BibTeX treat specially and returns the characters it could not express in ASCII LaTeX, so
the caller can report them (they are kept as UTF-8).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Dict, List, Set, Tuple

# Accent commands and the combining marks they stand for.
ACCENTS: Dict[str, str] = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    "u": "\u0306", ".": "\u0307", '"': "\u0308", "r": "\u030a", "H": "\u030b",
    "v": "\u030c", "d": "\u0323", "c": "\u0327", "k": "\u0328", "b": "\u0331",
}
_MARK_TO_ACCENT = {mark: cmd for cmd, mark in ACCENTS.items()}

# Letters that are a command of their own.
LETTERS: Dict[str, str] = {
    "i": "ı", "j": "ȷ", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "SS": "ẞ",
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
}

# Text symbols (no argument). The first command listed for a character is the one written.
SYMBOLS: Dict[str, str] = {
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»",
    "guillemetleft": "«", "guillemetright": "»", "quotedblbase": "„", "quotesinglbase": "‚",
    "textregistered": "®", "texttrademark": "™", "textcopyright": "©", "copyright": "©",
    "S": "§", "textsection": "§", "P": "¶", "textparagraph": "¶", "dag": "†", "textdagger": "†",
    "ddag": "‡", "textdaggerdbl": "‡", "textdegree": "°", "pounds": "£", "textsterling": "£",
    "texteuro": "€", "euro": "€", "textyen": "¥", "textcent": "¢", "textbackslash": "\\",
    "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_", "textbar": "|",
    "textless": "<", "textgreater": ">", "textbraceleft": "{", "textbraceright": "}",
    "textperiodcentered": "·", "textbullet": "•", "textmu": "µ", "textperthousand": "‰",
    "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾",
    "textexclamdown": "¡", "textquestiondown": "¿", "nobreakspace": " ", "textvisiblespace": "␣",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e", "slash": "/",
    "space": " ", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "textnumero": "№",
    "textdollar": "$", "textpercent": "%", "textampersand": "&", "textsharp": "#",
}

# Math symbols (also accepted outside math, as authors often write them so).
MATH: Dict[str, str] = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "infty": "∞", "partial": "∂",
    "nabla": "∇", "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "uparrow": "↑", "downarrow": "↓", "circ": "∘",
    "prime": "′", "ell": "ℓ", "hbar": "ħ", "langle": "⟨", "rangle": "⟩", "in": "∈",
    "notin": "∉", "sum": "∑", "prod": "∏", "int": "∫", "perp": "⊥", "parallel": "∥",
    "cdots": "⋯", "sqrt": "√", "deg": "°", "degree": "°", "ast": "∗", "star": "⋆",
    "times10": "×10", "bullet": "∙", "cap": "∩", "cup": "∪", "subset": "⊂", "supset": "⊃",
    "forall": "∀", "exists": "∃", "emptyset": "∅", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
    "textpm": "±", "texttimes": "×", "backslash": "\\", "textsurd": "√", "textlangle": "⟨",
    "textrangle": "⟩", "textbrokenbar": "¦", "upmu": "μ", "Mu": "Μ", "Beta": "Β", "Alpha": "Α",
    "log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "hyphen": "-",
    "lesssim": "≲", "gtrsim": "≳", "ll": "≪", "gg": "≫", "dagger": "†", "angstrom": "Å",
    "AA": "Å", "micro": "µ", "ohm": "Ω", "celsius": "°C", "percent": "%",
}

# Commands whose (last) argument is the text itself: formatting, links, quotes.
KEEP_ARGUMENT = {
    "textit", "textbf", "emph", "textsc", "textrm", "textsf", "texttt", "textup", "textsl",
    "textmd", "textnormal", "mbox", "hbox", "text", "mathrm", "mathit", "mathbf", "mathsf",
    "mathtt", "mathcal", "mathbb", "mathnormal", "boldsymbol", "bm", "operatorname",
    "enquote", "mkbibquote", "mkbibemph", "mkbibitalic", "mkbibbold", "url", "uline",
    "underline", "textmu", "NoCaseChange", "ensuremath", "textcase", "MakeUppercase",
    "MakeLowercase", "uppercase", "lowercase", "textsubscript", "textsuperscript", "ch", "ce",
    "cf", "chemfig", "num", "si", "unit", "ang",
}
# Two arguments, keep the second (\href{url}{text}) or join both (\SI{3}{\kelvin}).
TWO_ARGUMENTS = {"href": "second", "SI": "both", "qty": "both", "numrange": "range"}
# \SIrange{1}{2}{\kelvin} -> "1–2 K"
THREE_ARGUMENTS = {"SIrange", "qtyrange"}
# Math accents, read like the text accents they look like.
MATH_ACCENTS = {"check": "v", "acute": "'", "grave": "`", "hat": "^", "tilde": "~",
                "bar": "=", "dot": ".", "ddot": '"', "breve": "u", "vec": "\u20d7"}
# Declarations and spacing hints that print nothing.
NOTHING = {
    "itshape", "bfseries", "em", "it", "bf", "sc", "rm", "sf", "tt", "upshape", "normalfont",
    "relax", "protect", "scshape", "mdseries", "slshape", "small", "footnotesize", "large",
    "Large", "noindent", "unskip", "null", "displaystyle", "textstyle", "left", "right",
    "big", "Big", "bigl", "bigr", "!", "-", "/", "@", ">", ";", ":", ",",
}
# A command whose argument is a sort key nobody should see.
DROP_ARGUMENT = {"noopsort", "sortnoop", "SortNoop", "nosort", "label", "index"}
# siunitx units and prefixes that \SI and \si spell out.
UNITS: Dict[str, str] = {
    "kelvin": "K", "tesla": "T", "meter": "m", "metre": "m", "second": "s", "gram": "g",
    "kilo": "k", "milli": "m", "micro": "µ", "nano": "n", "pico": "p", "femto": "f",
    "mega": "M", "giga": "G", "tera": "T", "hertz": "Hz", "volt": "V", "ampere": "A",
    "electronvolt": "eV", "eV": "eV", "pascal": "Pa", "joule": "J", "watt": "W", "ohm": "Ω",
    "mole": "mol", "gauss": "G", "oersted": "Oe", "kelvin ": "K", "degreeCelsius": "°C",
    "celsius": "°C", "per": "/", "squared": "²", "cubed": "³", "percent": "%", "degree": "°",
    "minute": "min", "hour": "h", "liter": "L", "litre": "L", "molar": "M", "angstrom": "Å",
    "bar": "bar", "barn": "b", "atomicmassunit": "u", "dalton": "Da", "tothe": "^",
    "centi": "c", "deci": "d", "newton": "N", "coulomb": "C", "farad": "F", "henry": "H",
    "siemens": "S", "weber": "Wb", "becquerel": "Bq", "gray": "Gy", "sievert": "Sv",
    "candela": "cd", "lumen": "lm", "lux": "lx", "radian": "rad", "steradian": "sr",
    "emu": "emu", "torr": "Torr", "mmHg": "mmHg", "bohr": "a₀", "hartree": "Eₕ", "kelvinx": "K",
}

SUBSCRIPTS = dict(zip("0123456789+-=()aeoxhklmnpstij", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ"))
SUPERSCRIPTS = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ"))

_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_SPECIALS = set("&%$#_{}")


class _Decoder:
    """A small recursive-descent reader of the LaTeX found in .bib fields."""

    def __init__(self, text: str, unknown: Callable[[str], None] | None, rich: bool = False) -> None:
        self.text = text
        self.pos = 0
        self.unknown = unknown
        self.rich = rich  # keep case-protecting braces and font commands as CSL rich text
        self.depth = 0

    def run(self, until: str | None = None, math: bool = False) -> str:
        out: List[str] = []
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if until is not None and ch == until:
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                out.append(self.command(math))
            elif ch == "{":
                self.pos += 1
                # BibTeX protects the case of a top-level {group}; {\"O} is a special character
                protects = self.rich and self.depth == 0 and not math and not text.startswith("\\", self.pos)
                self.depth += 1
                inner = self.run("}", math)
                self.depth -= 1
                out.append(_nocase(inner) if protects else inner)
            elif ch == "}":  # stray closing brace: drop it
                self.pos += 1
            elif ch == "$" and not math:
                self.pos += 1
                display = text.startswith("$", self.pos)
                if display:
                    self.pos += 1
                out.append(self.run("$", True))
                if display and text.startswith("$", self.pos):
                    self.pos += 1
            elif math and ch in "_^":
                self.pos += 1
                arg = self.argument(math=True)
                table = SUBSCRIPTS if ch == "_" else SUPERSCRIPTS
                if arg == "∘" and ch == "^":
                    out.append("°")
                elif arg and all(c in table for c in arg):
                    out.append("".join(table[c] for c in arg))
                else:
                    out.append(ch + (arg if len(arg) == 1 else "(" + arg + ")"))
            elif ch == "-" and not math:
                n = len(text) - len(text[self.pos:].lstrip("-"))
                run = min(n - self.pos, 3)
                out.append({1: "-", 2: "–", 3: "—"}[run])
                self.pos += run
            elif ch == "~" and not math:
                out.append(" ")
                self.pos += 1
            elif ch == "`" and text.startswith("``", self.pos):
                out.append("“")
                self.pos += 2
            elif ch == "'" and text.startswith("''", self.pos):
                out.append("”")
                self.pos += 2
            elif math and ch == " ":
                self.pos += 1
            else:
                out.append(ch)
                self.pos += 1
        return "".join(out)

    def argument(self, math: bool = False) -> str:
        """The next argument: a braced group or a single character / command."""
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n":
            self.pos += 1
        if self.pos >= len(text):
            return ""
        ch = text[self.pos]
        if ch == "{":
            self.pos += 1
            return self.run("}", math)
        if ch == "\\":
            return self.command(math)
        if ch == "}":
            return ""
        self.pos += 1
        return ch

    def raw_argument(self) -> str | None:
        """A braced group as written (for \\url-like verbatim arguments)."""
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n":
            self.pos += 1
        if not text.startswith("{", self.pos):
            return None
        depth, start = 0, self.pos
        for i in range(self.pos, len(text)):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    self.pos = i + 1
                    return text[start + 1:i]
        self.pos = len(text)
        return text[start + 1:]

    def skip_space_after_word(self) -> None:
        text = self.text
        if self.pos < len(text) and text[self.pos] == " ":
            self.pos += 1
        if text.startswith("{}", self.pos):  # "\ss{}" style terminator
            self.pos += 2

    def command(self, math: bool) -> str:
        match = _COMMAND.match(self.text, self.pos)
        if match is None:  # a lone backslash at the end
            self.pos += 1
            return ""
        name = match.group(1)
        self.pos = match.end()
        is_word = name.isalpha()
        if name in ACCENTS and not (name in "=." and math):
            base = self.argument(math)
            if not base:
                return ACCENTS[name].strip() or ""
            if base[0] in "ıȷ":  # \'{\i}: the accent replaces the dot
                base = {"ı": "i", "ȷ": "j"}[base[0]] + base[1:]
            return unicodedata.normalize("NFC", base[0] + ACCENTS[name] + base[1:])
        if name in _SPECIALS:
            return name
        if name == "\\":
            return " "
        if name == " ":
            return " "
        if name in LETTERS:
            self.skip_space_after_word()
            return LETTERS[name]
        if name in SYMBOLS:
            if is_word:
                self.skip_space_after_word()
            return SYMBOLS[name]
        if name in MATH:
            self.skip_space_after_word()
            return MATH[name]
        if name in NOTHING:
            if is_word and self.pos < len(self.text) and self.text[self.pos] == " ":
                self.pos += 1
            return ""
        if name == "url":
            raw = self.raw_argument()
            return raw if raw is not None else ""
        if name in DROP_ARGUMENT:
            self.argument(math)
            return ""
        if name in MATH_ACCENTS:
            base = self.argument(math)
            accent = MATH_ACCENTS[name]
            mark = ACCENTS.get(accent, "\u20d7")
            return unicodedata.normalize("NFC", base[:1] + mark + base[1:]) if base else ""
        if name in THREE_ARGUMENTS:
            low, high, unit = self.argument(math), self.argument(math), self.argument(math)
            return f"{low}–{high} {_units(unit)}".strip()
        if name in TWO_ARGUMENTS:
            first = self.argument(math)
            second = self.argument(math)
            if TWO_ARGUMENTS[name] == "second":
                return second
            if TWO_ARGUMENTS[name] == "range":
                return f"{first}–{second}"
            return f"{first} {_units(second)}".strip()
        if name in KEEP_ARGUMENT:
            arg = self.argument(math)
            if name == "textsubscript" and all(c in SUBSCRIPTS for c in arg):
                return "".join(SUBSCRIPTS[c] for c in arg)
            if name == "textsuperscript" and all(c in SUPERSCRIPTS for c in arg):
                return "".join(SUPERSCRIPTS[c] for c in arg)
            if name in ("ch", "ce", "cf"):
                return _chemistry(arg)
            if name in ("si", "unit"):
                return _units(arg)
            if name == "MakeUppercase" or name == "uppercase":
                return arg.upper()
            if name == "MakeLowercase" or name == "lowercase":
                return arg.lower()
            if self.rich and name in RICH_COMMANDS and arg.strip():
                opening, closing = RICH_COMMANDS[name]
                return opening + arg + closing
            return arg
        if name in UNITS:
            self.skip_space_after_word()
            return UNITS[name]
        if self.unknown is not None:
            self.unknown("\\" + name)
        if is_word:
            self.skip_space_after_word()
        return ""


# Font commands that CSL rich text can carry (the rest keep only their argument).
RICH_COMMANDS = {
    "textit": ("<i>", "</i>"), "emph": ("<i>", "</i>"), "mkbibemph": ("<i>", "</i>"),
    "mkbibitalic": ("<i>", "</i>"), "textsl": ("<i>", "</i>"), "textbf": ("<b>", "</b>"),
    "mkbibbold": ("<b>", "</b>"), "textsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"), "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "NoCaseChange": ('<span class="nocase">', "</span>"),
}


def _nocase(text: str) -> str:
    """A protected group as a CSL nocase span; one with no letters needs no protection."""
    if not any(c.isalpha() for c in text) or (text.startswith('<span class="nocase">') and text.endswith("</span>")
                                              and text.count("<span") == 1):
        return text
    return f'<span class="nocase">{text}</span>'


def _units(text: str) -> str:
    """siunitx unit text after decoding: 'kelvin' words were already turned into symbols."""
    return text.replace(" ", "")


def _chemistry(formula: str) -> str:
    """\\ch{CO2} -> CO₂: digits right after an element or a bracket are subscripts."""
    return re.sub(r"(?<=[A-Za-z)\]])(\d+)", lambda m: "".join(SUBSCRIPTS[c] for c in m.group(1)), formula)


_IFMMODE = re.compile(r"\\ifmmode\s*(.*?)\\else\s*(.*?)\\fi(?:\{\})?", re.S)


def text_mode(text: str) -> str:
    """Keep the text branch of ``\\ifmmode math\\else text\\fi`` (APS and AIP exports spell
    accents so); done before names are split, as the branches contain spaces."""
    return _IFMMODE.sub(lambda m: "{" + m.group(2).strip() + "}", text) if "\\ifmmode" in text else text


def to_unicode(text: str, unknown: Callable[[str], None] | None = None, *, rich: bool = False) -> str:
    """Decode the LaTeX in a field value to Unicode text; runs of white space become one
    space; ``unknown`` is called with each command not understood. Braces are dropped, unless
    ``rich``: then case-protecting braces become ``<span class="nocase">`` and font commands
    ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small caps (CSL-JSON rich text, for titles)."""
    if "\\" not in text and "{" not in text and "$" not in text and "-" not in text \
            and "~" not in text and "`" not in text and "''" not in text:
        return " ".join(text.replace("\u00ad", "").split())
    decoded = _Decoder(text_mode(text), unknown, rich).run()
    return " ".join(decoded.replace("\u00ad", "").split())


# ---- Unicode -> LaTeX -------------------------------------------------------------------

_ESCAPES: Dict[str, str] = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
# Characters written as a command in ASCII output. The reverse of the decoder's tables.
_ASCII_COMMANDS: Dict[str, str] = {}
for _cmd, _char in LETTERS.items():
    _ASCII_COMMANDS.setdefault(_char, "{\\" + _cmd + "}")
for _cmd, _char in SYMBOLS.items():
    if len(_char) == 1 and ord(_char) > 127:
        _ASCII_COMMANDS.setdefault(_char, "{\\" + _cmd + "}")
for _cmd, _char in MATH.items():
    if len(_char) == 1 and ord(_char) > 127:
        _ASCII_COMMANDS.setdefault(_char, "\\ensuremath{\\" + _cmd + "}")
_ASCII_COMMANDS.update({
    "–": "--", "—": "---", "“": "``", "”": "''", "\u00a0": "~",
    "µ": "{\\textmu}", "°": "{\\textdegree}", "№": "{\\textnumero}", "…": "{\\ldots}",
    "\u2009": "\\,", "\u00ad": "\\-", "ẞ": "{\\SS}",
})
for _d, _s in SUBSCRIPTS.items():
    _ASCII_COMMANDS.setdefault(_s, "\\textsubscript{" + _d + "}")
for _d, _s in SUPERSCRIPTS.items():
    _ASCII_COMMANDS.setdefault(_s, "\\textsuperscript{" + _d + "}")


def _accented(char: str) -> str | None:
    """'é' -> "{\\'e}"; None when the character is not a Latin letter with known accents."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii() or any(m not in _MARK_TO_ACCENT for m in marks):
        return None
    if base in "ij" and any(m in "\u0300\u0301\u0302\u0303\u0304\u0306\u0308" for m in marks):
        base = "\\" + base  # the accent replaces the dot: {\'\i}
    out = base
    for mark in marks:
        cmd = _MARK_TO_ACCENT[mark]
        sep = " " if cmd.isalpha() and not out.startswith("\\") and len(out) == 1 else ""
        out = "\\" + cmd + ("{" + out + "}" if cmd.isalpha() or len(out) > 1 else sep + out)
    return "{" + out + "}"


def to_latex(text: str, *, ascii_only: bool = True) -> Tuple[str, Set[str]]:
    """Escape ``text`` for a .bib field. With ``ascii_only`` (classic BibTeX) non-ASCII
    characters become LaTeX commands where LaTeX has one; the set returned holds those it
    has not, which are kept as UTF-8."""
    out: List[str] = []
    unmapped: Set[str] = set()
    for char in text:
        if char in _ESCAPES:
            piece = _ESCAPES[char]
        elif char.isascii() or not ascii_only:
            piece = char
        elif char in _ASCII_COMMANDS:
            piece = _ASCII_COMMANDS[char]
        else:
            accented = _accented(char)
            if accented is None:
                unmapped.add(char)
                piece = char
            else:
                piece = accented
        # "--", "``", "''", "!`" are ligatures in LaTeX: "{}" keeps the characters apart.
        if out and piece[:1] in "-`'" and out[-1][-1:] in (piece[:1] + ("!?" if piece[:1] == "`" else "")):
            out.append("{}")
        out.append(piece)
    return "".join(out), unmapped


def escape_verbatim(text: str) -> str:
    """A URL or DOI for a verbatim field: only braces would break the .bib syntax, and
    BibTeX counts them, so they are percent-encoded; '%' needs no escape in verbatim fields."""
    return text.replace("{", "%7B").replace("}", "%7D")


__all__ = ["to_unicode", "to_latex", "escape_verbatim"]
