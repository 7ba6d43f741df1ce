"""run_eval end to end with the real pipeline: spans agree whether or not text is trimmed."""

from pathlib import Path

from eventwire.eval.runner import VERBATIM_KEY, run_eval, verbatim_overrides
from eventwire.eval.timeml import TimemlReport

# One long line: a short first line would be read as a headline when text is cleaned.
SENTENCE = (
    'The talks ended <TIMEX3 tid="t1" type="DATE" value="2013-03-21">on Thursday</TIMEX3>'
    ' in Geneva, <TIMEX3 tid="t2" type="DURATION" value="P4D">four days</TIMEX3>'
    " after they began."
)
TML = f"""<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>

   {SENTENCE}

</TEXT>
</TimeML>
"""


def test_user_setting_wins_over_the_default_verbatim() -> None:
    notes: list[str] = []
    assert verbatim_overrides([f"{VERBATIM_KEY}=false"], notes) == [f"{VERBATIM_KEY}=false"]
    assert notes == [f"{VERBATIM_KEY} as set; predicted spans aligned to the original text"]
    notes = []
    assert verbatim_overrides([], notes) in ([f"{VERBATIM_KEY}=true"], [])
    assert len(notes) == 1


def test_trimmed_and_verbatim_text_give_the_same_spans(tmp_path: Path) -> None:
    (tmp_path / "t.tml").write_text(TML)
    kept = run_eval("timeml", tmp_path)
    trimmed = run_eval("timeml", tmp_path, overrides=[f"{VERBATIM_KEY}=false"])
    assert isinstance(kept, TimemlReport) and isinstance(trimmed, TimemlReport)
    assert kept.items == trimmed.items == 1
    assert kept.counts.gold == 2
    assert kept.counts.relaxed_gold >= 1, "nothing found: the comparison would prove nothing"
    assert kept.counts == trimmed.counts
    assert kept.crashed == trimmed.crashed == 0


def test_limit_takes_the_first_items(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.tml").write_text(TML)
    report = run_eval("timeml", tmp_path, limit=2)
    assert report.items == 2
    assert report.to_dict()["figures"]["items"] == 2
