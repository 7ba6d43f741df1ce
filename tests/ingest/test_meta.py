"""The page-metadata rules of eventwire.ingest.meta, each on small invented pages."""

from lxml import html as lxml_html

from eventwire.ingest.html import extract_html
from eventwire.ingest.meta import (
    headline,
    site_name,
    split_byline,
    strip_site_suffix,
    time_after_headline,
)

BODY = (
    "<p>Flood water rose through the river town of Westbury overnight, and the county "
    "opened two shelters for families who left their homes before dawn on Thursday.</p>"
    "<p>Council officers said the main bridge would stay closed until engineers had "
    "inspected it, and that the school term would start a week late.</p>"
)


def page(head: str, article: str) -> str:
    return f"<html><head>{head}</head><body><article>{article}{BODY}</article></body></html>"


def tree(html: str) -> object:
    return lxml_html.fromstring(html)


def test_the_article_h1_is_the_title_not_the_title_tag() -> None:
    html = page(
        "<title>Floods close bridge | Westbury Courier</title>"
        '<meta property="og:site_name" content="Westbury Courier">',
        "<h1>Floods close Westbury bridge as river rises</h1>",
    )
    assert extract_html(html).title == "Floods close Westbury bridge as river rises"


def test_a_promoted_h1_foreign_to_every_title_is_not_the_headline() -> None:
    html = page(
        "<title>Floods close bridge - Westbury Courier</title>"
        '<meta property="og:title" content="Floods close bridge - Westbury Courier">'
        '<meta property="og:site_name" content="Westbury Courier">',
        "<h1>Ten cosy cafes</h1>",
    )
    assert headline(tree(html), ["Floods close bridge - Westbury Courier"], None) is None
    assert extract_html(html).title == "Floods close bridge"


def test_an_h1_that_is_the_site_logo_is_not_the_headline() -> None:
    html = page("<title>Westbury Courier</title>", "<h1>Westbury Courier</h1>")
    assert headline(tree(html), ["Westbury Courier"], "Westbury Courier") is None
    assert headline(tree(html), ["Floods close bridge | Westbury Courier"], None) is None


def test_an_h1_worded_as_the_title_tag_is_the_headline() -> None:
    html = page("<title>Nine ways to save water</title>", "<h1>Nine easy ways to save water</h1>")
    titles = ["Nine ways to save water", "Nine easy ways to save water"]
    assert headline(tree(html), titles, None) == "Nine easy ways to save water"


def test_the_site_name_is_stripped_from_a_title_only_at_its_end() -> None:
    assert strip_site_suffix("Bridge shut | Westbury Courier", "Westbury Courier", None) == (
        "Bridge shut"
    )
    assert strip_site_suffix("Bridge shut - Courier", None, "www.courier.example") == "Bridge shut"
    assert strip_site_suffix("Bridge shut – 'a long wait'", "Courier", "www.co.uk") == (
        "Bridge shut – 'a long wait'"
    )


def test_a_byline_is_split_into_people_and_its_agency() -> None:
    byline = split_byline("By Jane Doe and John Roe, Associated Press")
    assert byline.authors == ("Jane Doe", "John Roe")
    assert byline.agency == "AP"
    assert split_byline("MARY ANN LEE; PETER HOLM Reuters") == split_byline(
        "Mary Ann Lee and Peter Holm, Reuters"
    )
    assert split_byline("Mary Ann Lee; Peter Holm Reuters").agency == "Reuters"


def test_desks_roles_accounts_and_the_site_are_not_authors() -> None:
    assert split_byline("Courier News Desk").authors == ()
    assert split_byline("admin").authors == ()
    assert split_byline("Jane Doe; AP Sports Writer") == split_byline("Jane Doe, AP")
    assert split_byline("Analysis by Jane Doe; Courier Editor-at-large").authors == ("Jane Doe",)
    assert split_byline("Jane Doe; Westbury Courier", "Westbury Courier").authors == ("Jane Doe",)
    assert split_byline("The Courier staff").authors == ()
    assert split_byline("Jane Doe Tuesday; November").authors == ("Jane Doe",)


def test_a_shorter_form_of_a_name_is_the_same_author() -> None:
    assert split_byline("Jane Doe; Jane Q. Doe").authors == ("Jane Q. Doe",)
    assert split_byline("Ana de la Cruz").authors == ("Ana de la Cruz",)


def test_a_site_name_loses_its_tagline() -> None:
    assert site_name("Courier | Sport | Weather") == "Courier"
    assert site_name("Westbury Courier") == "Westbury Courier"
    assert site_name("") is None


def test_a_page_without_date_metadata_is_dated_by_the_time_under_its_headline() -> None:
    html = page(
        "<title>Floods close bridge</title>",
        '<time datetime="2019-01-02T08:00:00Z">Jan 2</time><h1>Floods close bridge</h1>'
        '<time datetime="2021-03-04T10:00:00Z">1 day ago</time>',
    )
    assert time_after_headline(tree(html)) == "2021-03-04"
    assert extract_html(html).stated_date == "2021-03-04"


def test_date_metadata_wins_over_a_time_element() -> None:
    html = page(
        '<title>Floods close bridge</title><meta property="article:published_time" '
        'content="2021-03-01T10:00:00Z">',
        '<h1>Floods close bridge</h1><time datetime="2021-03-04T10:00:00Z">3 days ago</time>',
    )
    assert time_after_headline(tree(html)) is None
    assert extract_html(html).stated_date == "2021-03-01"


def test_the_byline_people_and_agency_reach_the_page() -> None:
    html = page(
        '<title>Floods close bridge</title><meta name="author" '
        'content="By Jane Doe and John Roe, Associated Press">',
        "<h1>Floods close bridge</h1>",
    )
    found = extract_html(html)
    assert found.byline == "Jane Doe and John Roe"
    assert found.meta["authors"] == ["Jane Doe", "John Roe"]
    assert found.meta["agency"] == "AP"
