"""Users' actor dictionaries: eventwire YAML files and PETRARCH/TABARI actors and agents.

Why both: a user who codes a new conflict adds the leaders and groups of that conflict in
a small YAML file, while projects moving from PETRARCH bring their ``*actors*`` and
``*agents*`` files as they are. Entries are applied in the order of
``config["dictionaries"]``, each overriding the built-in lexicon and earlier files.

The YAML form (see docs/actors.md)::

    actors:
      - names: [Vladimir Putin, Putin]
        code: RUS                      # or country: RUS and sectors: [GOV]
        periods:                       # a leader is GOV only while in office
          - {code: RUSGOV, from: 2000-05-07, to: 2008-05-07}
    agents:
      - names: [militiaman, militia]
        sectors: [MIL]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from eventwire.actors.kb import normalise_date
from eventwire.actors.lexicon import ActorLexicon, NameEntry, Period, split_code
from eventwire.config import load_yaml
from eventwire.errors import DictionaryError, Errors

__all__ = [
    "apply_dictionaries",
    "petrarch_actor_records",
    "petrarch_agent_records",
    "read_petrarch_actors",
    "read_petrarch_agents",
]


def _error(path: Path | str, problem: str) -> DictionaryError:
    """E227: an entry or file of a dictionary that is not in the documented form."""
    return Errors.E227.error(path=str(path), problem=problem, stage="actors")


def _entry(code: str, periods: Iterable[Period], rule: str) -> NameEntry:
    country, sectors = split_code(code)
    org = code.upper() if country is None and code.upper()[:3] in ("IGO", "NGO") else None
    return NameEntry("actor", country, sectors, org or code.upper(), tuple(periods), rule)


def _line_error(path: Path, text: str, where: tuple[str, int], message: str) -> DictionaryError:
    """A malformed entry, with the line it starts on (found only when there is an error,
    so that loading a large valid dictionary does not pay for line numbers)."""
    line = _line_of(text, *where)
    return _error(path, f"line {line}: {message}" if line else message)


def _line_of(text: str, section: str, index: int) -> int | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for key, value in getattr(root, "value", []) if isinstance(root, yaml.MappingNode) else []:
        if key.value == section and isinstance(value, yaml.SequenceNode) and index < len(
            value.value
        ):
            return int(value.value[index].start_mark.line) + 1
    return None


_CODE_TEXT = re.compile(r"^[A-Za-z]{3,18}$")
KINDS = frozenset({"person", "party", "armed group", "igo", "ngo", "media", "company",
                   "institution", "organisation"})


def _check_code(code: str) -> str:
    if not _CODE_TEXT.match(code):
        raise ValueError(f"{code!r} is not a CAMEO code (three to 18 letters, e.g. RUSGOV)")
    return code.upper()


def _period(raw: Any) -> Period:
    if not isinstance(raw, dict) or not raw.get("code"):
        raise ValueError(f"a period needs a code: {raw!r}")
    start, end = normalise_date(raw.get("from"), False), normalise_date(raw.get("to"), True)
    if start and end and start > end:
        raise ValueError(f"a period ends before it starts: {raw!r}")
    return Period(_check_code(str(raw["code"])), start, end)


def _yaml_actor(item: Any, path: Path) -> tuple[list[str], NameEntry]:
    """One actor of a YAML dictionary; ValueError says what is wrong with it."""
    if not isinstance(item, dict):
        raise ValueError(f"an actor must be a mapping with names and a code, not {item!r}")
    names = item.get("names") or ([item["name"]] if item.get("name") else [])
    code = item.get("code") or (item.get("country") or "") + "".join(item.get("sectors") or [])
    if not isinstance(names, list) or not names or not (code or item.get("periods")):
        raise ValueError(f"an actor needs names and a code: {item!r}")
    kind = str(item.get("kind", "actor"))
    if kind != "actor" and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    periods = [_period(p) for p in item.get("periods") or []]
    entry = _entry(_check_code(str(code)) if code else "", periods, f"dictionary:{path.name}")
    if kind == "person":
        entry = replace(entry, kind="person")
    return [str(n) for n in names], entry


def _apply_yaml(lex: ActorLexicon, path: Path) -> None:
    try:
        text = path.read_text("utf-8")
        data = load_yaml(text) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise Errors.E226.error(path=str(path), reason=exc, stage="actors") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _error(path, f"{at}is not valid YAML ({problem})") from exc
    if not isinstance(data, dict):
        raise _error(path, "must be a mapping with 'actors' and/or 'agents'")
    for k, item in enumerate(data.get("actors") or []):
        try:
            names, entry = _yaml_actor(item, path)
        except ValueError as exc:
            raise _line_error(path, text, ("actors", k), str(exc)) from None
        for name in names:
            lex.add_name(str(name), entry)
    for k, item in enumerate(data.get("agents") or []):
        if not isinstance(item, dict) or not item.get("names"):
            raise _line_error(path, text, ("agents", k), f"an agent needs names: {item!r}")
        sectors = tuple(item.get("sectors") or split_code(str(item.get("code", "")))[1])
        for name in item.get("names") or []:
            lex.add_role(tuple(str(name).lower().split()), sectors)


# -- PETRARCH / TABARI --------------------------------------------------------------------

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^([<>]?)(\d{6,8})(?:-(\d{6,8}))?$")


def _petrarch_date(text: str) -> str:
    if len(text) == 6:  # YYMMDD, as in TABARI
        century = "19" if int(text[:2]) > 30 else "20"
        text = century + text
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _parse_code(raw: str) -> tuple[str | None, Period | None]:
    """A bracketed code: plain ("ISR"), or date-restricted ("HOBGOV 20121109-20130119",
    "HOB < 950601", "HOBGOV 19950601 - 19990815": TABARI allows spaces in the date)."""
    parts = raw.split()
    if not parts:
        return None, None
    code = parts[0].upper()
    if not code.strip("-#") or code.startswith("---"):
        code = ""
    if len(parts) == 1:
        return code or None, None
    m = _DATE.match("".join(parts[1:]))
    if not m:
        return code or None, None
    sign, first, second = m.groups()
    if sign == "<":
        return None, Period(code, None, _day_before(_petrarch_date(first)))
    if sign == ">":
        return None, Period(code, _petrarch_date(first), None)
    end = _petrarch_date(second) if second else _petrarch_date(first)
    return None, Period(code, _petrarch_date(first), end)


def _day_before(iso: str) -> str:
    """``<`` is exclusive ("< 950601" ends on 31 May 1995); a range includes its end."""
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()
    except ValueError:
        return iso


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _lines(path: Path) -> Iterator[str]:
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError as exc:
        raise Errors.E226.error(path=str(path), reason=exc, stage="actors") from exc
    for line in _COMMENT.sub("", text).splitlines():
        yield line.split("#", 1)[0].rstrip()


def petrarch_actor_records(path: Path) -> list[tuple[list[str], str, list[Period]]]:
    """Names, default code and dated codes of each entry of a PETRARCH actors file, with
    codes as written (``FRO/BIL/SAM`` names several actors at once).

    Root names written one after another before their codes are one block that shares
    those codes, as PETRARCH's reader stores them ("MIKHAIL_GORBACHEV_" with its
    synonyms, then "GENERAL_SECRETARY_GORBACHEV", then the dated codes): a root that
    follows an entry with no code yet joins that entry."""
    entries: list[tuple[list[str], list[str], list[Period]]] = []
    for line in _lines(path):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("+") and entries:
            entries[-1][0].append(_phrase(stripped[1:]))
            continue
        codes = _CODE.findall(stripped)
        name = _CODE.sub("", stripped).strip()
        if name and entries and not entries[-1][1] and not entries[-1][2]:
            entries[-1][0].append(_phrase(name))  # the block's codes are still to come
        elif name:
            entries.append(([_phrase(name)], [], []))
        if not entries:
            continue
        for raw in codes:
            code, period = _parse_code(raw)
            if period is not None:
                entries[-1][2].append(period)
            elif code is not None:
                entries[-1][1].append(code)
    return [(names, code[-1] if code else "", periods)
            for names, code, periods in entries if code or periods]


def read_petrarch_actors(path: Path) -> list[tuple[list[str], NameEntry]]:
    """Actor entries (names, synonyms, default code, dated codes) of a PETRARCH file."""
    rule = f"petrarch:{path.name}"
    return [
        (names, _entry(code.split("/")[0], periods, rule))
        for names, code, periods in petrarch_actor_records(path)
    ]


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, values in macros.items():
        if macro in name:
            return [n for v in values for n in _expand(name.replace(macro, v), macros)]
    return [name]


def _plural(name: str) -> str:
    """The regular plural TABARI forms for an agent without ``{...}``."""
    if name.endswith("Y") and not name.endswith(("AY", "EY", "OY", "UY")):
        return name[:-1] + "IES"
    if name.endswith(("S", "SH", "CH", "X", "Z")):
        return name + "ES"
    return name + "S"


def petrarch_agent_records(path: Path) -> list[tuple[str, str]]:
    """Agent phrases (with plurals and ``!MACRO!`` expansions) and their codes as written:
    ``~GOV`` is appended to the actor's code, ``NGO~`` put before it."""
    macros: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for line in _lines(path):
        stripped = line.strip()
        if re.match(r"^!\w+!\s*=", stripped):
            key, values = stripped.split("=", 1)
            macros[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        codes = _CODE.findall(stripped)
        if not codes:
            continue
        code = codes[0].replace(" ", "").upper()
        plural = re.search(r"\{([^}]*)\}", stripped)
        name = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", stripped).strip()
        forms = [name] + (plural.group(1).split() if plural else [_plural(name.upper())])
        for form in forms:
            out.extend((_phrase(n), code) for n in _expand(form, macros))
    return out


def read_petrarch_agents(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Agent phrases and their role codes (see :func:`petrarch_agent_records`)."""
    return [(phrase, split_code(code.replace("~", ""))[1])
            for phrase, code in petrarch_agent_records(path)]


def _apply_petrarch(lex: ActorLexicon, folder: Path) -> None:
    if not folder.is_dir():
        raise Errors.E226_folder.error(path=str(folder), stage="actors")
    for path in sorted(folder.iterdir()):
        low = path.name.lower()
        if "actors" in low:
            for names, entry in read_petrarch_actors(path):
                for name in names:  # PETRARCH writes every name in capitals
                    lex.add_name(name.lower(), entry)
        elif "agents" in low:
            for phrase, sectors in read_petrarch_agents(path):
                lex.add_role(tuple(phrase.lower().split()), sectors)


def apply_dictionaries(lex: ActorLexicon, specs: Iterable[str]) -> ActorLexicon:
    """Apply the configuration's ``dictionaries`` entries to ``lex``, in order."""
    for spec in specs:
        spec = str(spec)
        if spec.startswith("petrarch:"):
            _apply_petrarch(lex, Path(spec[len("petrarch:") :]).expanduser())
            continue
        path = Path(spec).expanduser()
        if not path.is_file():
            raise Errors.E226_missing.error(path=str(path), stage="actors")
        if path.suffix.lower() in (".yaml", ".yml"):
            _apply_yaml(lex, path)
    return lex
