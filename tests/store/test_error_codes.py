"""Every store error code raised in the code is documented in docs/errors.md."""

from __future__ import annotations

import re

from ..conftest import ROOT


def test_store_codes_are_documented() -> None:
    sources = [*(ROOT / "src/eventwire/store").glob("*.py"),
               *(ROOT / "src/eventwire/export").glob("*.py"), ROOT / "src/eventwire/cli/store.py"]
    used = {code for path in sources for code in re.findall(r'"(E4\d\d)"', path.read_text())}
    documented = set(re.findall(r"^\| (E4\d\d) \|", (ROOT / "docs/errors.md").read_text(), re.M))
    assert used and used <= documented, used - documented
