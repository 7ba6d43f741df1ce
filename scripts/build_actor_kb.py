"""Build the named-actor knowledge base under ``src/eventwire/data/actors/kb/``.

Why a generated file: the Phoenix dictionaries (PETRARCH-2's actors, MIT) know some 27,000
people, parties, armed groups and organisations with dated CAMEO codes, but in TABARI's
syntax, in capitals, with places and misspellings mixed in, and they stop around 2016. The
actor stage reads a compact, readable form instead: two gzipped CSV files,

* ``aliases.csv.gz``: ``alias,entry`` (one row per name an entry is written as);
* ``periods.csv.gz``: ``entry,code,start,end,kind,source`` (one row per dated code, the
  entry's plain code last with empty dates),

merged with the maintained extension ``office_holders.yaml`` (office holders and armed
groups since 2016, written for eventwire). Where the extension names a person Phoenix
knows, the two become one entry: the extension's periods come first, Phoenix's dated
periods follow, and Phoenix's open-ended periods ("in office since 2009", never closed)
are dropped because the extension closes them.

Run from the repository root: ``python scripts/build_actor_kb.py [PHOENIX_DIR]``; the
default is ``../shared/reference/phoenix`` relative to the repository.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.actors.dictionaries import petrarch_actor_records  # noqa: E402
from eventwire.actors.kb import normalise_date  # noqa: E402
from eventwire.actors.lexicon import Period  # noqa: E402
from eventwire.config import load_yaml  # noqa: E402

DATA = ROOT / "src" / "eventwire" / "data" / "actors"
OUT = DATA / "kb"
EXTENSION = DATA / "office_holders.yaml"
DEFAULT_PHOENIX = ROOT.parent / "shared" / "reference" / "phoenix"

FILES = {
    "Phoenix.Countries.actors.txt": "phoenix:countries",
    "Phoenix.International.actors.txt": "phoenix:international",
    "Phoenix.MilNonState.actors.txt": "phoenix:milnonstate",
}

#: Words that make a name an institution or a group rather than a person.
# fmt: off
ORG_WORDS = frozenset((
    "ministry", "ministries", "department", "army", "police", "party", "parliament",
    "council", "court", "forces", "force", "front", "movement", "league", "congress",
    "assembly", "government", "agency", "bank", "committee", "commission", "union",
    "office", "administration", "guard", "navy", "brigade", "brigades", "service",
    "services", "organization", "organisation", "association", "authority", "cabinet",
    "senate", "house", "militia", "group", "alliance", "coalition", "institute",
    "corporation", "company", "bureau", "tribunal", "mission", "regime", "junta",
    "federation", "network", "army's", "students", "rebels", "troops", "security",
))
# fmt: on
GOOD_NAME = re.compile(r"^[\w.'&-]+( [\w.'&-]+)*$")
HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|gen|sen|rep|gov|lt|col|maj|capt|sgt|adm)\.?$", re.I)


@dataclass
class Record:
    """One entry while building: names, plain code, periods, kind and source."""

    names: list[str]
    code: str
    periods: list[Period]
    kind: str
    source: str
    office: dict[int, str] = field(default_factory=dict)


def fold(text: str) -> str:
    """Lower case without accents: the key two spellings of one name share."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def pretty(name: str, kind: str) -> str:
    """A Phoenix name (all capitals) as a reader writes it: "Barack Obama", "Mr. Obama";
    short one-word names of organisations stay capitals ("IAEA", "UN")."""
    if kind != "person" and " " not in name and len(name) <= 5:
        return name
    words = []
    for word in name.lower().split():
        parts = re.split(r"([-'.])", word)
        words.append("".join(p[:1].upper() + p[1:] if p.isalpha() else p for p in parts))
    out = " ".join(words)
    return re.sub(r"\b(Al|El|Bin|Ibn|Of|The|And|For|De|Du|Van|Von|Da)\b(?!$)",
                  lambda m: m.group(1).lower() if m.start() else m.group(1), out)


def kind_of(names: list[str], code: str, periods: list[Period], source: str) -> str | None:
    """person, party, armed group, institution, igo, ngo, media, company; None for places."""
    words = set(fold(names[0]).split())  # the head name: synonyms may name an office
    codes = [code] + [p.code for p in periods]
    joined = " ".join(codes)
    if "PTY" in joined or "party" in words:
        return "party"
    if source == "phoenix:milnonstate":
        return "person" if periods and not words & ORG_WORDS else "armed group"
    if source == "phoenix:international":
        if words & ORG_WORDS or not periods:
            return _org_kind(joined)
        return "person"
    if all(len(c) <= 3 for c in codes):
        return None  # a country's name, a region or a city: the places stage's business
    return "institution" if words & ORG_WORDS else "person"


def _org_kind(codes: str) -> str:
    for mark, kind in (("MED", "media"), ("MNC", "company"), ("BUS", "company"),
                       ("IGO", "igo"), ("NGO", "ngo"), ("REB", "armed group")):
        if mark in codes:
            return kind
    return "organisation"


def country_words() -> frozenset[str]:
    """Names, adjectives, demonyms and capitals of countries: the country lexicon's, so
    the knowledge base does not code "Ukraine" or "Kabul" a second time."""
    data = load_yaml((DATA / "countries.yaml").read_text("utf-8")) or {}
    return frozenset(fold(str(word)) for info in data.values() for key in
                     ("names", "adjectives", "demonyms", "capitals")
                     for word in info.get(key) or [])


def read_phoenix(folder: Path) -> list[Record]:
    countries = country_words()
    out: list[Record] = []
    for name, source in FILES.items():
        for names, code, periods in petrarch_actor_records(folder / name):
            code = code.split("/")[0]
            periods = [Period(p.code.split("/")[0], p.start, p.end) for p in periods
                       if p.code and p.code.strip("-")]
            if not code.strip("-") and not periods:
                continue
            kind = kind_of(names, code, periods, source)
            if kind is None:
                continue
            shown = [pretty(n, kind) for n in names
                     if GOOD_NAME.match(n) and fold(n) not in countries]
            if not shown or fold(names[0]) in countries:
                continue
            out.append(Record(shown, code, periods, kind, source))
    return out


def read_extension(path: Path) -> list[Record]:
    data = load_yaml(path.read_text("utf-8")) or {}
    out = []
    for item in data.get("actors") or []:
        periods, office = [], {}
        for k, p in enumerate(item.get("periods") or []):
            periods.append(Period(str(p["code"]), normalise_date(p.get("from"), False),
                                  normalise_date(p.get("to"), True)))
            if p.get("office"):
                office[k] = str(p["office"])
        out.append(Record([str(n) for n in item["names"]], str(item.get("code") or ""),
                          periods, str(item.get("kind", "person")),
                          str(item.get("source", "eventwire")), office))
    return out


def merge(phoenix: list[Record], extension: list[Record]) -> list[Record]:
    """The extension's entries, each merged with the Phoenix entry that shares a full
    (several-word) name; then the other Phoenix entries."""
    by_name: dict[str, int] = {}
    for k, rec in enumerate(phoenix):
        for name in rec.names:
            if " " in name.strip():
                by_name.setdefault(fold(name), k)
    used: set[int] = set()
    out: list[Record] = []
    for ext in extension:
        k = next((by_name[fold(n)] for n in ext.names
                  if " " in n.strip() and fold(n) in by_name and by_name[fold(n)] not in used),
                 None)
        if k is not None:
            used.add(k)
            old = phoenix[k]
            names = ext.names + [n for n in old.names
                                 if fold(n) not in {fold(e) for e in ext.names}]
            closed = [p for p in old.periods if p.end is not None]
            out.append(Record(names, ext.code or old.code, ext.periods + closed, ext.kind,
                              f"{ext.source}+{old.source}", ext.office))
        else:
            out.append(ext)
    out.extend(rec for k, rec in enumerate(phoenix) if k not in used)
    return out


SURNAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
PARTICLES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _word_list(path: Path, key: str) -> frozenset[str]:
    data = load_yaml(path.read_text("utf-8")) or {}
    return frozenset(fold(str(w)) for w in data.get(key) or [])


def _wordnet_words() -> frozenset[str]:
    """English words: WordNet's verbs, and its nouns other than famous people only
    ("Putin" is a WordNet noun for the person alone; "May", "Bush", "Rice" are words)."""
    folder = ROOT / "src" / "eventwire" / "data" / "events" / "wordnet"
    out: set[str] = set()
    with gzip.open(folder / "nouns.csv.gz", "rt", encoding="utf-8") as fh:
        out |= {fold(r["lemma"]) for r in csv.DictReader(fh)
                if set(r["lexnames"].split()) - {"noun.person"}}
    with gzip.open(folder / "verbs.csv.gz", "rt", encoding="utf-8") as fh:
        out |= {fold(r["lemma"]) for r in csv.DictReader(fh)}
    return frozenset(out)


def _role_words() -> frozenset[str]:
    data = load_yaml((DATA / "roles.yaml").read_text("utf-8")) or {}
    return frozenset(fold(word) for words in (data.get("roles") or {}).values()
                     for phrase in words or [] for word in str(phrase).split())


#: Countries whose names put the family name first, or have none ("Li Shangfu", "Hun
#: Sen", "Min Aung Hlaing", "Hailemariam Desalegn"): the last word is no surname there.
#: And English-speaking ones, whose leaders' surnames ("Cameron", "Abbott", "Christie")
#: are everyone's in English news: their short forms are written out in the YAML.
FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MMR",
                          "SGP", "MYS", "ETH", "ERI", "ISL", "MNG",
                          "USA", "GBR", "CAN", "AUS", "NZL", "IRL"})


def _place_names() -> frozenset[str]:
    """Names of towns of 50,000 people or more, provinces, counties and countries, and
    their words: a surname that is also one ("Lima", "Jordan", "Dade") is the place's."""
    from eventwire.places.gazetteer import load_gazetteer
    gaz = load_gazetteer()
    areas = ("ADM1", "ADM2", "PCLI", "CONT")
    names = {key for key, places in gaz.index.items()
             if any(p.population >= 50000 or p.feature in areas for p in places)}
    # and their words: "Dade" of "Miami-Dade" is written as a word of its own
    return frozenset(names | {w for key in names for w in re.split(r"[ -]", key)})


def _surname(name: str) -> str | None:
    words = [w for w in name.split() if fold(w) not in PARTICLES]
    return words[-1] if len(words) > 1 else None


def add_surnames(records: list[Record]) -> int:
    """Give each office holder of ``office_holders.yaml`` its surname alone as a name
    ("Tsipras met Merkel"), as reporters write a known leader after the first mention or
    in a headline. Only a surname no other person of the knowledge base bears, that is
    no English word (WordNet), no role or title, no place, no one's first name, and not
    one of ``kb_rules.yaml``'s common surnames or words never alone: the name then points
    to one person, and the actor stage still reads the person's office on the story's
    date."""
    rules = DATA / "kb_rules.yaml"
    banned = (_word_list(rules, "common_surnames") | _word_list(rules, "never_alone")
              | _wordnet_words() | _role_words() | country_words() | _place_names())
    bearers: dict[str, set[int]] = {}
    given: set[str] = set()  # "Robert" of "Lorin Robert" is someone's first name too
    for k, rec in enumerate(records):
        if rec.kind == "person":
            for name in rec.names:
                last = _surname(name) or name
                bearers.setdefault(fold(last), set()).add(k)
                if len(name.split()) > 1:
                    given.add(fold(name.split()[0]))
    banned |= given
    added = 0
    for k, rec in enumerate(records):
        if rec.kind != "person" or not rec.source.startswith("eventwire") or not rec.periods \
                or rec.periods[0].code[:3].upper() in FAMILY_FIRST:
            continue
        last = _surname(rec.names[0])
        if last is None or not SURNAME.match(last) or len(last) < 4:
            continue
        key = fold(last)
        if key in banned or bearers.get(key) != {k} \
                or key in {fold(n) for n in rec.names}:
            continue
        rec.names.append(last)
        added += 1
    return added


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "entry"


def assign_ids(records: list[Record]) -> list[tuple[str, Record]]:
    seen: dict[str, int] = {}
    out = []
    for rec in records:
        base = slug(rec.names[0])
        seen[base] = seen.get(base, 0) + 1
        out.append((base if seen[base] == 1 else f"{base}-{seen[base]}", rec))
    return out


def alias_rows(entries: list[tuple[str, Record]]) -> tuple[list[tuple[str, str]], int]:
    """One row per alias. An alias two entries share goes to the earlier one when it is a
    name of it that the extension or the entry's head gives, and to nobody when two
    different countries claim it as a mere synonym (an ambiguous surname)."""
    owners: dict[str, list[tuple[int, str, str]]] = {}
    for eid, rec in entries:
        country = (rec.code or (rec.periods[0].code if rec.periods else ""))[:3]
        for rank, name in enumerate(rec.names):
            if HONORIFIC.match(name.split()[0]) and len(name.split()) == 1:
                continue
            prio = 0 if rec.source.startswith("eventwire") else (1 if rank == 0 else 2)
            owners.setdefault(fold(name), []).append((prio, eid, country))
    owner: dict[str, str] = {}
    dropped = 0
    for key, cands in owners.items():
        cands.sort(key=lambda c: c[0])
        best = cands[0]
        if best[0] == 2 and any(c[0] == 2 and c[2] != best[2] for c in cands[1:]):
            dropped += 1
            continue
        owner[key] = best[1]
    rows = []
    for eid, rec in entries:
        for name in rec.names:
            key = fold(name)
            if owner.get(key) == eid:
                rows.append((name, eid))
                owner[key] = ""  # one row per alias
    return rows, dropped


def period_rows(entries: list[tuple[str, Record]]) -> list[tuple[str, ...]]:
    rows = []
    for eid, rec in entries:
        for k, p in enumerate(rec.periods):
            rows.append((eid, p.code.upper(), p.start or "", p.end or "", rec.kind,
                         rec.source, rec.office.get(k, "")))
        if rec.code.strip("-"):
            rows.append((eid, rec.code.upper(), "", "", rec.kind, rec.source, ""))
    return rows


def write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # mtime 0: same data, same bytes
        fh.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("phoenix", nargs="?", type=Path, default=DEFAULT_PHOENIX,
                        help="folder of the Phoenix dictionaries")
    args = parser.parse_args(argv)
    if not (args.phoenix / "LICENSE").is_file():
        parser.error(f"{args.phoenix}: no Phoenix dictionaries (LICENSE missing)")
    records = merge(read_phoenix(args.phoenix), read_extension(EXTENSION))
    surnames = add_surnames(records)
    entries = assign_ids(records)
    aliases, dropped = alias_rows(entries)
    periods = period_rows(entries)
    OUT.mkdir(parents=True, exist_ok=True)
    write_csv(OUT / "aliases.csv.gz", ("alias", "entry"), aliases)
    write_csv(OUT / "periods.csv.gz",
              ("entry", "code", "start", "end", "kind", "source", "office"), periods)
    shutil.copyfile(args.phoenix / "LICENSE", OUT / "LICENSE-phoenix")
    digest = hashlib.sha256(EXTENSION.read_bytes()).hexdigest()
    manifest = {"entries": len(entries), "aliases": len(aliases), "periods": len(periods),
                "ambiguous_aliases_dropped": dropped, "surnames_added": surnames,
                "office_holders.yaml": digest}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
