from eventwire.ingest.plaintext import parse_plaintext, split_related, trim_web_text

STORY = """Army retakes border town

By JANE SMITH, Associated Press Writer
March 15, 2011 | 9:40 AM EDT

RAS JADIR, Libya (AP) - Government troops retook the town on Tuesday, residents said.

Hundreds of families fled across the frontier overnight, aid workers said.

(Additional reporting by Tom Brown; Editing by Ann Lee)

Related stories:
Rebels seize border town (March 13, 2011)
Fighting spreads west

Send a letter to the editor about this story.
Jane Smith
Staff Writer
"""


def test_header_gives_title_byline_date_time() -> None:
    parsed = parse_plaintext(STORY)
    assert parsed.title == "Army retakes border town"
    assert parsed.byline == "JANE SMITH"
    assert parsed.meta["byline_role"] == "Associated Press Writer"
    assert parsed.stated_date == "2011-03-15"
    assert parsed.meta["stated_time"] == "09:40 EDT"


def test_dateline_moves_to_meta_and_body_starts_with_the_story() -> None:
    parsed = parse_plaintext(STORY)
    assert parsed.text.startswith("Government troops retook")
    assert parsed.meta["dateline_place"] == "RAS JADIR, Libya"
    assert parsed.meta["agency"] == "AP"


def test_footer_goes_to_meta_not_text() -> None:
    parsed = parse_plaintext(STORY)
    assert parsed.text.endswith("aid workers said.")
    assert parsed.meta["related_stories"] == [
        {"title": "Rebels seize border town", "date": "2011-03-13"},
        {"title": "Fighting spreads west", "date": None},
    ]
    for line in ("Send a letter to the editor about this story.", "Staff Writer"):
        assert line in parsed.meta["boilerplate"] and line not in parsed.text


def test_reuters_dateline_with_date_and_bureau() -> None:
    reuters = parse_plaintext(
        "Headline here\n\nWASHINGTON, May 8 (Reuters) - The Senate voted on Friday to pass "
        "the bill after a long debate.\n\nMore text follows here in a second paragraph."
    )
    assert reuters.meta["dateline_date"] == "May 8" and reuters.meta["agency"] == "Reuters"
    bureau = parse_plaintext(
        "Title\n\nPacific Rim Bureau ( - Five North Koreans have been allowed to fly to "
        "South Korea, reports say.\n\nSecond paragraph of the story is here."
    )
    assert bureau.meta["bureau"] == "Pacific Rim Bureau"
    assert bureau.text.startswith("Five North Koreans")


def test_plain_paragraphs_without_header_are_kept_whole() -> None:
    text = "Chinese police arrested five North Koreans on May 8.\n\nJapan protested."
    parsed = parse_plaintext(text)
    assert parsed.text == text and parsed.title is None and parsed.stated_date is None


def test_control_characters_and_escaped_backspace_are_removed() -> None:
    parsed = parse_plaintext("Police arrested five people on Monday in the city centre.\x07\\b")
    assert parsed.text == "Police arrested five people on Monday in the city centre."


def test_sentence_ending_with_a_date_in_brackets_is_not_a_related_story() -> None:
    assert split_related("The law was passed in a vote (May 16, 2002).") is None
    assert split_related("- Row drags on - 16 May 2002") == {
        "title": "Row drags on",
        "date": "2002-05-16",
    }


def test_web_text_loses_repeated_title_and_promos() -> None:
    text = "Big news\nFirst paragraph of the story.\nREAD MORE: Other story\nLast one."
    trimmed = trim_web_text(text, "Big News")
    assert trimmed.text == "First paragraph of the story.\nLast one."
    assert trimmed.meta["boilerplate"] == ["Big news", "READ MORE: Other story"]


def test_page_furniture_above_and_credits_below_are_not_story() -> None:
    text = (
        "Share\nPrint this article\n\nFloods kill 12 in north\n\nBy Li Wei (Xinhua)\n"
        "Updated: 2015-07-03 10:21\n\nBEIJING, July 3 (Xinhua) -- Floods triggered by heavy "
        "rain killed 12 people in Hebei on Friday, officials said.\n\nRescue teams evacuated "
        "more than 5,000 residents.\n\nEditor: Zhang Min\n"
    )
    parsed = parse_plaintext(text)
    assert parsed.title == "Floods kill 12 in north" and parsed.stated_date == "2015-07-03"
    assert parsed.meta["header_lines"] == ["Share", "Print this article"]
    assert parsed.meta["dateline_date"] == "July 3" and parsed.meta["agency"] == "Xinhua"
    assert parsed.text.startswith("Floods triggered") and parsed.text.endswith("residents.")
    assert parsed.meta["boilerplate"] == ["Editor: Zhang Min"]


def test_a_short_first_paragraph_is_story_not_byline() -> None:
    text = "Quake toll rises\n\nBy Tuesday, 40 were dead.\n\nRescuers dug on for a third day."
    parsed = parse_plaintext(text)
    assert parsed.title == "Quake toll rises" and parsed.byline is None
    assert parsed.text.startswith("By Tuesday, 40 were dead.")
