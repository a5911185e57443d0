"""Cells in and out: the text a clerk typed, and cells written so no spreadsheet runs them.

Every file minzheng writes for a spreadsheet goes through :func:`safe_cell`
(CSV) or :func:`write_xlsx` (Excel): a cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be read as a formula (OWASP's CSV
injection), so CSV gets it behind an apostrophe and Excel gets it as an explicit
string; control characters that Excel files cannot hold become U+FFFD.
"""

from __future__ import annotations

import csv
import datetime
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from minzheng._extras import require
from minzheng.errors import InvalidValue

__all__ = ["cell_text", "safe_cell", "write_csv", "write_xlsx"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # openpyxl's ILLEGAL_CHARACTERS_RE


def cell_text(value: Any) -> str:
    """Any cell value as the text a clerk would type.

    >>> cell_text(datetime.datetime(2025, 3, 1)), cell_text(430.0), cell_text(None)
    ('2025-03-01', '430', '')
    """
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def safe_cell(text: str) -> str:
    r"""``text`` as a spreadsheet shows it and never runs it: formulas behind ``'``, no control characters.

    >>> print(safe_cell('=HYPERLINK("http://x/?"&B2)'))
    '=HYPERLINK("http://x/?"&B2)
    >>> safe_cell("-5"), safe_cell("王\x01建国"), safe_cell("430")
    ("'-5", '王�建国', '430')
    """
    text = _ILLEGAL.sub("\ufffd", text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(path: str | os.PathLike[str], table: Iterable[Sequence[Any]]) -> Path:
    """Write ``table`` as UTF-8 CSV with a byte-order mark (so Excel opens it), every text cell safe.

    >>> import tempfile, pathlib
    >>> out = write_csv(pathlib.Path(tempfile.mkdtemp()) / "t.csv", [["a", "=1+1"]])
    >>> out.read_text("utf-8-sig").splitlines()
    ["a,'=1+1"]
    """
    target = Path(path)
    try:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            for line in table:
                writer.writerow([safe_cell(c) if isinstance(c, str) else c for c in line])
    except OSError as exc:
        raise _unwritable(target, exc) from None
    return target


def _unwritable(target: Path, exc: OSError) -> InvalidValue:
    return InvalidValue("io.unwritable", field="path", value=f"{target}: {exc.strerror or exc}")


def write_xlsx(
    path: str | os.PathLike[str], sheets: Iterable[tuple[str | None, Iterable[Sequence[Any]]]]
) -> Path:
    """Write ``(title, rows)`` sheets to ``.xlsx`` (extra ``io``): text is never a formula.

    A text cell is stored as a string (``=…`` too, shown with Excel's own quote
    prefix, as if typed after an apostrophe); control characters become U+FFFD;
    numbers and ``Decimal`` stay numbers. A path that cannot be written is
    ``io.unwritable`` (so is one for :func:`write_csv`).

    >>> import tempfile, pathlib, openpyxl
    >>> out = write_xlsx(pathlib.Path(tempfile.mkdtemp()) / "t.xlsx", [("S", [["=1+1", 2]])])
    >>> cell = openpyxl.load_workbook(out).active["A1"]
    >>> cell.value, cell.data_type
    ('=1+1', 's')
    """
    openpyxl = require("openpyxl", "io")
    book = openpyxl.Workbook()
    first = True
    for title, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        if title:
            sheet.title = title
        for r, line in enumerate(rows, start=1):
            for c, value in enumerate(line, start=1):
                if not isinstance(value, str):
                    sheet.cell(r, c, value)
                    continue
                text = _ILLEGAL.sub("\ufffd", value)
                cell = sheet.cell(r, c)
                cell.value = text
                if text.startswith(_FORMULA_START):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    target = Path(path)
    try:
        book.save(target)
    except OSError as exc:
        raise _unwritable(target, exc) from None
    return target
