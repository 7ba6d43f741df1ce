"""Every error code the package uses is documented once, in order, with its class.

A code is read by users and scripts as one meaning: a code found in the source but not
in docs/errors.md, or used with another exception class than the one documented, is a
code that means two things (or nothing) to its reader.
"""

import re

from .conftest import ROOT

SRC = ROOT / "src" / "eventwire"
DOC = ROOT / "docs" / "errors.md"
CODE = re.compile(r'"(E\d{3})"')
ROW = re.compile(r"^\| (E\d{3})(?:–(E\d{3}))? \| (\w+) \|", re.M)
# The call that raises or builds an error just before a code, and the class it stands for.
MAKER = re.compile(r"\b(\w+Error|gold_error|_error_doc)\(")
ALIASES = {"gold_error": "GoldFormatError", "_error_doc": "InputError"}


def _documented() -> list[tuple[str, str]]:
    """(code, class) rows of the table, ranges such as E201–E209 spelt out."""
    rows = []
    for first, last, cls in ROW.findall(DOC.read_text("utf-8")):
        end = int((last or first)[1:])
        rows += [(f"E{n:03d}", cls) for n in range(int(first[1:]), end + 1)]
    return rows


def _uses() -> list[tuple[str, str, str | None]]:
    """(code, file, class or None) for every code literal in the package's source."""
    uses = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text("utf-8")
        for match in CODE.finditer(text):
            before = text[max(0, match.start() - 400):match.start()]
            statement = before.rsplit("\n\n", 1)[-1]
            makers = MAKER.findall(statement)
            cls = ALIASES.get(makers[-1], makers[-1]) if makers else None
            uses.append((match.group(1), str(path.relative_to(ROOT)), cls))
    return uses


def test_the_collector_finds_codes_of_every_kind() -> None:
    codes = {code for code, _, _ in _uses()}
    assert {"E000", "E100", "E105", "E201", "E406", "E501", "E601", "E702"} <= codes


def test_every_code_used_is_documented() -> None:
    documented = {code for code, _ in _documented()}
    missing = sorted({f"{code} ({where})" for code, where, _ in _uses() if code not in documented})
    assert not missing, f"codes missing from docs/errors.md: {missing}"


def test_the_table_lists_each_code_once_in_order() -> None:
    codes = [code for code, _ in _documented()]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))


def test_each_code_keeps_its_documented_class() -> None:
    documented = dict(_documented())
    wrong = [
        f"{code} is a {cls} in {where}, documented as {documented[code]}"
        for code, where, cls in _uses()
        if cls is not None and code in documented and cls != documented[code]
    ]
    assert not wrong, wrong
