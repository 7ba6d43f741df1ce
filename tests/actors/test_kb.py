"""The knowledge base of named actors: well-known people and groups, coded by date."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from eventwire.actors.kb import KbEntry, KbPeriod, code_on, fold, load_kb, normalise_date

# fmt: off
WELL_KNOWN = [
    ("Vladimir Putin", "2010-06-01", "RUSGOV"),
    ("Boris Yeltsin", "1995-06-01", "RUSGOV"),  # a root before a shared block of codes
    ("Mikhail Gorbachev", "1989-06-01", "RUSGOV"),
    ("Vladimir Putin", "2020-06-01", "RUSGOV"),
    ("Barack Obama", "2005-06-01", "USAELI"),
    ("Barack Obama", "2010-06-01", "USAGOV"),
    ("Barack Obama", "2018-06-01", "USAELI"),
    ("Donald Trump", "2015-06-01", "USAELI"),
    ("Donald Trump", "2019-06-01", "USAGOV"),
    ("Donald Trump", "2022-06-01", "USAELI"),
    ("Donald Trump", "2025-06-01", "USAGOV"),
    ("Joe Biden", "2022-06-01", "USAGOV"),
    ("Joe Biden", "2025-06-01", "USAELI"),
    ("Angela Merkel", "2012-06-01", "DEUGOV"),
    ("Angela Merkel", "2023-06-01", "DEUELI"),
    ("Olaf Scholz", "2023-06-01", "DEUGOV"),
    ("Friedrich Merz", "2025-08-01", "DEUGOV"),
    ("Volodymyr Zelensky", "2023-06-01", "UKRGOV"),
    ("Volodymyr Zelensky", "2017-06-01", "UKRELI"),
    ("Petro Poroshenko", "2016-06-01", "UKRGOV"),
    ("Petro Poroshenko", "2021-06-01", "UKRELI"),
    ("Xi Jinping", "2016-06-01", "CHNGOV"),
    ("Wang Yi", "2016-06-01", "CHNGOV"),
    ("Emmanuel Macron", "2019-06-01", "FRAGOV"),
    ("François Hollande", "2016-06-01", "FRAGOV"),
    ("Francois Hollande", "2019-06-01", "FRAELI"),
    ("Theresa May", "2018-06-01", "GBRGOV"),
    ("Boris Johnson", "2021-06-01", "GBRGOV"),
    ("Keir Starmer", "2025-01-01", "GBRGOV"),
    ("Narendra Modi", "2016-06-01", "INDGOV"),
    ("Recep Tayyip Erdoğan", "2016-06-01", "TURGOV"),
    ("Recep Tayyip Erdogan", "2001-06-01", "TURELI"),
    ("Sergei Lavrov", "2016-06-01", "RUSGOV"),
    ("Benjamin Netanyahu", "2019-06-01", "ISRGOV"),
    ("Benjamin Netanyahu", "2022-01-01", "ISRELI"),
    ("Naftali Bennett", "2022-01-01", "ISRGOV"),
    ("Bashar al-Assad", "2016-06-01", "SYRGOV"),
    ("Bashar al-Assad", "2025-06-01", "SYRELI"),
    ("Ahmed al-Sharaa", "2020-06-01", "SYRREB"),
    ("Ahmed al-Sharaa", "2025-06-01", "SYRGOV"),
    ("Hassan Rouhani", "2016-06-01", "IRNGOV"),
    ("Ebrahim Raisi", "2022-06-01", "IRNGOV"),
    ("Ashraf Ghani", "2019-06-01", "AFGGOV"),
    ("Hibatullah Akhundzada", "2019-06-01", "AFGREB"),
    ("Hibatullah Akhundzada", "2022-06-01", "AFGGOV"),
    ("Imran Khan", "2020-06-01", "PAKGOV"),
    ("Kim Jong Un", "2018-06-01", "PRKGOV"),
    ("Abdel Fattah el-Sisi", "2018-06-01", "EGYGOV"),
    ("Muhammadu Buhari", "2018-06-01", "NGAGOV"),
    ("Abiy Ahmed", "2020-06-01", "ETHGOV"),
    ("Nicolás Maduro", "2019-06-01", "VENGOV"),
    ("Aung San Suu Kyi", "2018-06-01", "MMRGOV"),
    ("Min Aung Hlaing", "2022-06-01", "MMRGOV"),
    ("Omar al-Bashir", "2016-06-01", "SDNGOV"),
    ("Omar al-Bashir", "2020-06-01", "SDNELI"),
    ("Mohamed Hamdan Dagalo", "2024-06-01", "SDNREB"),
    ("Jair Bolsonaro", "2020-06-01", "BRAGOV"),
    ("Justin Trudeau", "2018-06-01", "CANGOV"),
    ("Andrzej Duda", "2018-06-01", "POLGOV"),
    ("Donald Tusk", "2016-06-01", "IGOEUR"),
    ("Donald Tusk", "2024-06-01", "POLGOV"),
    ("Mahmoud Abbas", "2018-06-01", "PSEGOV"),
    ("Jens Stoltenberg", "2018-06-01", "IGONAT"),
    ("António Guterres", "2019-06-01", "IGOUNO"),
    ("Hayat Tahrir al-Sham", "2019-06-01", "SYRREB"),
    ("Rapid Support Forces", "2024-06-01", "SDNREB"),
    ("Wagner Group", "2022-06-01", "RUSUAF"),
    ("Tehreek-e-Taliban Pakistan", "2022-06-01", "PAKREB"),
]
# fmt: on


@pytest.mark.parametrize(("name", "date", "code"), WELL_KNOWN)
def test_kb_well_known_actor_on_date(name: str, date: str, code: str) -> None:
    entry = load_kb().lookup(name)
    assert entry is not None, name
    assert code_on(entry, date).code == code


def test_kb_reads_cameo_country_codes_as_eventwire_writes_them() -> None:
    kb = load_kb()
    heads = {p.code[:3] for e in kb.entries.values() for p in e.periods}
    assert not heads & {"KSV", "TMP"}
    entry = kb.lookup("Albin Kurti")
    assert entry is not None and code_on(entry, "2021-06-01").code == "XKXGOV"


def test_kb_has_forty_well_known_pairs_at_least() -> None:
    assert len(WELL_KNOWN) >= 40


def test_kb_is_large_and_has_every_kind() -> None:
    kb = load_kb()
    kinds = {e.kind for e in kb.entries.values()}
    assert len(kb.entries) > 20000
    assert {"person", "armed group", "igo", "ngo", "media", "company", "party"} <= kinds


def test_kb_is_built_from_the_current_extension() -> None:
    """The shipped CSV files were built from office_holders.yaml as it is now."""
    data = resources.files("eventwire") / "data" / "actors"
    manifest = json.loads((data / "kb" / "manifest.json").read_text("utf-8"))
    digest = hashlib.sha256((data / "office_holders.yaml").read_bytes()).hexdigest()
    assert manifest["office_holders.yaml"] == digest, "run python scripts/build_actor_kb.py"


def test_kb_licence_ships_with_the_data() -> None:
    kb_dir = resources.files("eventwire") / "data" / "actors" / "kb"
    assert "Open Event Data" in (kb_dir / "LICENSE-phoenix").read_text("utf-8")
    assert "MIT" in (kb_dir / "SOURCES.md").read_text("utf-8")


def test_kb_no_country_name_is_a_named_actor() -> None:
    kb = load_kb()
    for name in ("Ukraine", "Georgia", "Jordan", "Chad", "Kabul"):
        assert kb.lookup(name) is None, name


def test_fold_accents_and_case() -> None:
    assert fold("Erdoğan") == fold("ERDOGAN") == "erdogan"
    assert fold("  Jean-Noël   Barrot ") == "jean-noel barrot"


def test_code_on_falls_back_to_plain_code_then_country() -> None:
    dated = KbPeriod("ARNGOV", "2001-01-01", "2004-12-31")
    entry = KbEntry("x", "X", "person", "test", (dated, KbPeriod("ARNELI")))
    assert code_on(entry, "2002-05-01").code == "ARNGOV"
    assert code_on(entry, "2010-05-01").code == "ARNELI"
    bare = KbEntry("y", "Y", "person", "test", (dated,))
    assert code_on(bare, "2010-05-01").code == "ARN"


def test_code_on_without_date_prefers_an_office_still_held() -> None:
    entry = KbEntry("x", "X", "person", "test",
                    (KbPeriod("ARNGOV", "2020-01-01", None), KbPeriod("ARNELI")))
    assert code_on(entry, None).code == "ARNGOV"


@pytest.mark.parametrize(
    ("value", "end", "iso"),
    [("2019", False, "2019-01-01"), ("2019", True, "2019-12-31"), ("2019-05", True, "2019-05-31"),
     ("2019-05-07", False, "2019-05-07"), (None, True, None)],
)
def test_normalise_date_month_and_year_precision(value: str | None, end: bool,
                                                 iso: str | None) -> None:
    assert normalise_date(value, end) == iso


@pytest.mark.parametrize("value", ["2019-13", "May 2019", "20190507"])
def test_normalise_date_rejects_what_is_no_date(value: str) -> None:
    with pytest.raises(ValueError):
        normalise_date(value, False)


def test_an_office_holders_rare_surname_alone_names_them() -> None:
    """ "Tsipras met ..." names Alexis Tsipras: no one else in the knowledge base bears
    the surname, and it is no English word, place or first name."""
    kb = load_kb()
    entry = kb.lookup("Tsipras")
    assert entry is not None and code_on(entry, "2015-06-10").code == "GRCGOV"


@pytest.mark.parametrize("word", ["Robert", "Sharon", "Dade", "Cameron", "May", "Li"])
def test_a_surname_that_is_a_first_name_a_place_a_word_or_english_is_no_name_alone(
        word: str) -> None:
    """ "Robert" (a Micronesian minister's surname, everyone's first name), "Sharon" (a
    first name), "Dade" (of Miami-Dade), "Cameron" (a leader of an English-speaking
    country), "May" (a word), "Li" (a family name written first)."""
    assert load_kb().lookup(word) is None, word
