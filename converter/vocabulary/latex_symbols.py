"""The LaTeX commands of bibliography fields and the characters they stand for: accents,
special letters, text and math symbols, siunitx units, font commands. converter/vocabulary/latex.py
reads and writes with these tables (read in one direction, written in the other)."""
from __future__ import annotations

from typing import Dict

# Accent commands and the combining marks they stand for.
ACCENTS: Dict[str, str] = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    "u": "\u0306", ".": "\u0307", '"': "\u0308", "r": "\u030a", "H": "\u030b",
    "v": "\u030c", "d": "\u0323", "c": "\u0327", "k": "\u0328", "b": "\u0331",
}
MARK_TO_ACCENT = {mark: cmd for cmd, mark in ACCENTS.items()}

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
    "space": " ", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": "\u2009", ",": "\u2009", "textnumero": "№",
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
    "big", "Big", "bigl", "bigr", "!", "-", "/", "@", ">", ";", ":",
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

# Font commands that CSL rich text can carry (the rest keep only their argument).
RICH_COMMANDS = {
    "textit": ("<i>", "</i>"), "emph": ("<i>", "</i>"), "mkbibemph": ("<i>", "</i>"),
    "mkbibitalic": ("<i>", "</i>"), "textsl": ("<i>", "</i>"), "textbf": ("<b>", "</b>"),
    "mkbibbold": ("<b>", "</b>"), "textsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"), "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "NoCaseChange": ('<span class="nocase">', "</span>"),
}

# ---- Unicode -> LaTeX

ESCAPES: Dict[str, str] = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
# Characters written as a command in ASCII output. The reverse of the decoder's tables.
ASCII_COMMANDS: Dict[str, str] = {}
for _cmd, _char in LETTERS.items():
    ASCII_COMMANDS.setdefault(_char, "{\\" + _cmd + "}")
for _cmd, _char in SYMBOLS.items():
    if len(_char) == 1 and ord(_char) > 127:
        ASCII_COMMANDS.setdefault(_char, "{\\" + _cmd + "}")
for _cmd, _char in MATH.items():
    if len(_char) == 1 and ord(_char) > 127:
        ASCII_COMMANDS.setdefault(_char, "\\ensuremath{\\" + _cmd + "}")
ASCII_COMMANDS.update({
    "–": "--", "—": "---", "“": "``", "”": "''", "\u00a0": "~",
    "µ": "{\\textmu}", "°": "{\\textdegree}", "№": "{\\textnumero}", "…": "{\\ldots}",
    "\u2009": "\\,", "\u00ad": "\\-", "ẞ": "{\\SS}",
})
for _d, _s in SUBSCRIPTS.items():
    ASCII_COMMANDS.setdefault(_s, "\\textsubscript{" + _d + "}")
for _d, _s in SUPERSCRIPTS.items():
    ASCII_COMMANDS.setdefault(_s, "\\textsuperscript{" + _d + "}")
