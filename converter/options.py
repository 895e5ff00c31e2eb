"""Options: how a format declares the options it takes (``Option``), and the values one
conversion runs with (``Options``), checked once so readers and writers can trust them.

An option is declared once, by the format that uses it (converter/plugins/) or, for the few
that concern every conversion, here (``GENERAL``). The command line, the API's keyword
arguments, ``--list-formats`` and the README's format table are all derived from these
declarations; the registry declares each format's options when it loads the format.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, Literal, Mapping, NamedTuple, Tuple

from .errors import UsageError

Selection = Literal["article", "references", "all"]


# NamedTuples, not dataclasses: every run loads these (converter/model.py says why)
class Switch(NamedTuple):
    """A command-line flag that sets an option to a fixed value (``--html`` sets markup="html")."""

    flag: str
    value: Any
    help: str


class Option(NamedTuple):
    """One option: its keyword in the API, what it does, its type and default, and how the
    command line spells it.

    On the command line an option is ``--NAME VALUE`` (a ``bool`` option: a bare ``--NAME``),
    unless ``switches`` lists flags that each set one value. ``aliases`` are other values the
    API accepts for the same setting (``references=True`` means "references").
    """

    name: str
    help: str
    type: Callable[[str], Any] = str
    default: Any = None
    choices: Tuple[Any, ...] = ()
    metavar: str | None = None
    switches: Tuple[Switch, ...] = ()
    aliases: Tuple[Tuple[Any, Any], ...] = ()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def check(self, value: Any) -> Any:
        """The value as this option holds it; UsageError for a value it cannot take."""
        for alias, meant in self.aliases:
            if value is alias or (type(value) is type(alias) and value == alias):
                return meant
        if value is None:
            return self.default
        if self.choices:
            if value not in self.choices:
                allowed = ", ".join(repr(c) for c in (*self.choices, *(a for a, _ in self.aliases)))
                raise UsageError(f"{self.name} must be one of {allowed}, not {value!r}", field=self.name)
            return value
        if self.type is bool and not isinstance(value, bool):
            raise UsageError(f"{self.name} must be True or False, not {value!r}", field=self.name)
        if self.type is not bool and not isinstance(value, self.type if isinstance(self.type, type) else object):
            raise UsageError(f"{self.name} must be a {getattr(self.type, '__name__', 'value')}, not {value!r}",
                             field=self.name)
        return value


# Options of the conversion itself, whatever the formats.
GENERAL: Tuple[Option, ...] = (
    Option("references", "which records to write", default="article", choices=("article", "references", "all"),
           switches=(Switch("--references", "references", "output the parsed reference list instead of the article"),
                     Switch("--all", "all", "output the article and its reference list")),
           aliases=((True, "references"), (False, "article"))),
    Option("encoding", "input encoding (default: detect UTF-8/cp1251/cp1252)", metavar="ENC"),
    Option("strict", "treat any warning as an error (exit 5)", type=bool, default=False),
    # None: the machine's cores (converter/forked.py); the output is the same for any N
    Option("jobs", "processes to use: to read several inputs at once, to read a big BibTeX or RIS file, to write BibTeX/BibLaTeX, or to render a big bibliography (default: the machine's cores)",
           type=int, metavar="N"),
    # Limits (converter/limits.py says why each default is what it is): generous for real
    # records, refused at once with a clear error for inputs built to exhaust time or memory.
    Option("max_input_bytes", "refuse an input larger than this many bytes", type=int,
           default=50_000_000, metavar="N"),
    Option("max_depth", "refuse JSON, BibTeX braces or XML nested deeper than this", type=int,
           default=100, metavar="N"),
    Option("max_number_length", "refuse a JSON number with more digits than this", type=int,
           default=50, metavar="N"),
    Option("max_names", "keep at most this many names per name list (the rest is reported)",
           type=int, default=10_000, metavar="N"),
    Option("max_field_length", "cut a field value longer than this many characters (reported)",
           type=int, default=100_000, metavar="N"),
)

_DECLARED: Dict[str, Option] = {option.name: option for option in GENERAL}


def declare(option: Option, owner: str) -> None:
    """Make an option known (the registry calls this for each format's options). Two formats
    may share an option only by declaring the same one."""
    known = _DECLARED.get(option.name)
    if known is not None and known != option:
        raise ValueError(f"format {owner!r} declares option {option.name!r} differently from an earlier declaration")
    _DECLARED[option.name] = option


def forget(name: str) -> None:
    """Drop a declaration (when the registry forgets a plug-in format); general options stay."""
    if all(option.name != name for option in GENERAL):
        _DECLARED.pop(name, None)


def declared() -> List[Option]:
    """Every known option: the general ones first, then the formats' in declaration order."""
    return list(_DECLARED.values())


class Options:
    """The option values of one conversion. Attribute access gives a value, or the option's
    declared default when it was not set (``options.locale``); values cannot be changed."""

    __slots__ = ("_values",)

    def __init__(self, **values: Any) -> None:
        object.__setattr__(self, "_values", dict(values))

    @classmethod
    def build(cls, options: Mapping[str, Any]) -> "Options":
        """Options from keyword arguments, each checked against its declaration (unknown names,
        values outside the choices, a non-bool for a switch are a UsageError)."""
        unknown = sorted(set(options) - set(_DECLARED))
        if unknown:
            raise UsageError(
                f"unknown option(s): {', '.join(unknown)}; known options: {', '.join(sorted(_DECLARED))}"
            )
        return cls(**{name: _DECLARED[name].check(value) for name, value in options.items()})

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        if name in _DECLARED:
            return _DECLARED[name].default
        raise AttributeError(f"no option {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Options are read-only; build a new one")

    # the general options, typed
    @property
    def references(self) -> Selection:
        return self.__getattr__("references")

    @property
    def strict(self) -> bool:
        return bool(self.__getattr__("strict"))

    @property
    def jobs(self) -> int | None:
        return self.__getattr__("jobs")

    @property
    def encoding(self) -> str | None:
        return self.__getattr__("encoding")

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self.__getattr__(name)
        except AttributeError:
            return default

    def items(self) -> Iterator[Tuple[str, Any]]:
        """Every declared option with its value (set or default)."""
        for name in _DECLARED:
            yield name, self.__getattr__(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Options) and dict(self.items()) == dict(other.items())

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, repr(v)) for k, v in self.items())))

    def __repr__(self) -> str:
        values = object.__getattribute__(self, "_values")
        return "Options(" + ", ".join(f"{k}={v!r}" for k, v in values.items()) + ")"


__all__ = ["GENERAL", "Option", "Options", "Selection", "Switch", "declare", "declared"]
