"""HTML pages through trafilatura, on small hand-written pages."""

import pytest

from eventwire.errors import InputError
from eventwire.ingest.html import extract_html

PAGE = """<!DOCTYPE html><html><head><title>Rebels seize border town | Example News</title>
<meta property="og:title" content="Rebels seize border town">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2011-03-15T09:40:00Z">
<meta property="og:url" content="https://news.example.org/world/rebels-seize-border-town">
<meta property="og:site_name" content="Example News">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Rebels seize border town</h1>
<p>Rebels seized the border town of Ras Jadir on Tuesday after two days of fighting with
government troops, residents said, cutting the main road to the capital.</p>
<p>Hundreds of families fled across the frontier overnight, aid workers said, and the
border post was closed to traffic for several hours.</p>
<p>READ MORE: Government troops advance on rebel-held port</p>
<p>A government spokesman said the army would retake the town within days.</p>
<p>Related stories:</p>
<p>Army shells rebel positions (March 12, 2011)</p>
</article>
<footer><p>Copyright 2011 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_article_text_and_metadata_are_extracted() -> None:
    page = extract_html(PAGE)
    assert page.title == "Rebels seize border town"
    assert page.byline == "Jane Doe"
    assert page.stated_date == "2011-03-15"
    assert page.meta["url"].endswith("/rebels-seize-border-town")
    assert page.meta["sitename"] == "Example News"
    assert "Rebels seized the border town of Ras Jadir" in page.text
    assert "Home" not in page.text.split("\n")


def test_page_without_an_article_is_a_clear_error() -> None:
    menu = (
        "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(InputError, match="no article text") as info:
        extract_html(menu)
    assert info.value.code == "E111"
