"""html-meta: the gold file and its pages, the folding, per-page scores and the command."""

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.eval.htmlmeta import (
    MetaItem,
    fold,
    fold_name,
    load_pages,
    predicted_authors,
    report_from,
    score_page,
)
from eventwire.eval.runner import run_eval

PAGE = """<html><head><title>Ferry service resumes on the lake | Lakeside Herald</title>
<meta property="og:site_name" content="Lakeside Herald">
<meta property="article:published_time" content="2020-06-02T21:30:00-04:00">
<meta name="author" content="By Ola Berg and Tom Ash, Associated Press">
</head><body><article><h1>Ferry service resumes on the lake after storm repairs</h1>
<p>The ferry between the two lake towns carried its first passengers in three weeks on
Tuesday, after crews repaired the landing stage the spring storm had torn away.</p>
<p>The operator said the timetable would be back to normal by the end of the month, and
that season tickets bought before the storm would be extended.</p></article></body></html>"""

GOLD = {
    "id": "lake-ferry",
    "title": "Ferry service resumes on the lake after storm repairs",
    "authors": ["Ola Berg", "Tom Ash"],
    "date": "2020-06-02",
    "date_alt": "2020-06-03",
    "site": "Lakeside Herald",
    "agency": "AP",
}


def item(**change: object) -> MetaItem:
    fields: dict[str, object] = {
        "id": "p",
        "location": "g:1",
        "html": Path("p.html"),
        "title": "A “quoted” headline — today",
        "authors": ("Jane Q. Doe",),
        "dates": ("2020-01-01", "2020-01-02"),
        "site": "Example News",
        "agency": None,
    }
    fields.update(change)
    return MetaItem(**fields)  # type: ignore[arg-type]


def test_fold_ignores_case_space_quotes_and_dashes_but_not_a_site_suffix() -> None:
    curly = "A  \u201cQuoted\u201d Headline \u2013 today"
    assert fold(curly) == fold('a "quoted" headline - today')
    assert fold("Headline | Example News") != fold("Headline")
    assert fold_name("Jane Q. Doe") == fold_name("jane q doe")


def test_a_page_is_scored_field_by_field() -> None:
    record = {
        "title": 'A "quoted" headline - today',
        "byline": "Jane Q Doe and John Roe",
        "stated_date": "2020-01-02",
        "meta": {"sitename": "Example News | Home"},
    }
    page = score_page(item(), record)
    assert (page.title, page.date, page.site, page.agency) == (True, True, False, True)
    assert (page.authors_tp, page.authors_pred, page.authors_gold) == (1, 2, 1)
    assert not page.authors_exact
    report = report_from([page, score_page(item(), {})], "g")
    assert report.title_accuracy == 0.5
    assert report.author_precision == 0.5
    assert report.author_recall == 0.5
    assert report.agency_accuracy == 1.0


def test_meta_authors_are_read_before_the_byline() -> None:
    assert predicted_authors({"byline": "A B and C D", "meta": {"authors": ["A B"]}}) == ["A B"]
    assert predicted_authors({"byline": "A B; C D"}) == ["A B", "C D"]


def test_pages_come_from_the_named_folder_and_bad_lines_are_skipped(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = [json.dumps(GOLD), "{broken", json.dumps({**GOLD, "id": "missing"})]
    gold.write_text("\n".join(lines) + "\n")
    pages = tmp_path / "pages"
    (pages / "html").mkdir(parents=True)
    (pages / "html" / "lake-ferry.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    loaded = load_pages(gold, pages)
    assert [i.id for i in loaded.items] == ["lake-ferry"]
    assert loaded.items[0].dates == ("2020-06-02", "2020-06-03")
    assert [s.location for s in loaded.skipped] == ["gold.jsonl:2", "gold.jsonl:3"]


def test_the_clean_stage_gets_every_field_of_an_invented_page_right(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "lake-ferry.html").write_text(PAGE)
    (tmp_path / "meta.jsonl").write_text(json.dumps(GOLD) + "\n")
    report = run_eval("html-meta", tmp_path)
    figures = report.figures()
    assert figures["items"] == 1
    for name in ("title_accuracy", "date_accuracy", "author_f1", "site_accuracy"):
        assert figures[name] == 1.0, (name, report.misses)
    assert figures["agency_accuracy"] == 1.0


def test_pages_option_is_refused_by_a_kind_without_pages(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text("{}\n")
    result = CliRunner().invoke(main, ["eval", "plover-gsr", str(gold), "--pages", str(tmp_path)])
    assert result.exit_code != 0
    assert "E217" in result.output
    assert "html-meta" in result.output
