"""Bad input: very long sentences, lists, flattened tables, all caps, nested quotes.

Nothing may crash and no sentence may give more events than the configured cap.
"""

from __future__ import annotations

from collections import Counter

import pytest

from eventwire.model import Document
from tests.events.conftest import Coder

COUNTRIES = ["China", "Japan", "Russia", "India", "France", "Germany", "Brazil", "Egypt"]


def _long_sentence() -> str:
    rotated = COUNTRIES[1:] + COUNTRIES[:1]
    parts = [f"{a} criticized {b} and attacked {c}"
             for a, b, c in zip(COUNTRIES, rotated, COUNTRIES[2:] * 2, strict=False)]
    words = ", while ".join(parts * 12).split()[:500]
    return " ".join(words) + "."


BAD = {
    "long": _long_sentence(),
    "list": "Events today:\n- China arrests activists\n- Japan protests\n- Russia bombs "
            "Syria\n- India and Pakistan hold talks\n- France, Germany, Italy sanction Iran",
    "table": "Country Troops Killed Arrested China 500 12 40 Japan 30 0 2 Russia 1200 85 0 "
             "India 75 3 9 Pakistan 60 7 1 Iran 15 0 0",
    "caps": "CHINA ARRESTS FIVE NORTH KOREANS; JAPAN DEMANDS THEIR RELEASE AS ROW DEEPENS",
    "quotes": 'Officials said: "He told us \'Russia attacked Georgia\' and that \\"Georgia '
              'shelled Russia\\" before the talks," a diplomat said.',
}


def _per_sentence(doc: Document) -> Counter[int]:
    return Counter(e.sentence_index for e in doc.events)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_coded_without_explosion(code: Coder, name: str) -> None:
    doc = code(BAD[name])
    assert doc.error is None
    counts = _per_sentence(doc)
    assert max(counts.values(), default=0) <= 12


def test_cap_limits_events_per_sentence(code: Coder) -> None:
    doc = code(BAD["long"], max_events_per_sentence=3)
    assert max(_per_sentence(doc).values()) == 3


def test_flattened_table_gives_no_events(code: Coder) -> None:
    assert code(BAD["table"]).events == []
