r"""Row readers for :func:`~minzheng.io.load`: each yields ``(row number, cells)`` as it reads.

A reader never holds the whole file: text is decoded as it is read, workbooks are
read row by row (after their declared size is checked), Parquet batch by batch.
Sheet-like sources (CSV, Excel, Parquet, data frames) yield a *grid* — the cells
of each row as a list, typed as the file stores them — that
:func:`~minzheng.io._layout.arrange` turns into records under the header it finds.
The row number is the one the clerk sees — the sheet's own row number; for CSV the line
where the record starts, for JSON Lines the line itself. A problem found while
reading one row is a cell whose key starts with :data:`MARK` followed by the
error code (``"\x00io.json"``), so the loader rejects that row and goes on
(for ``io.too_large`` and ``io.unclosed_quote`` the cell is ``(value, limit)``);
a problem with the whole file raises.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from minzheng._extras import require
from minzheng.errors import InvalidValue
from minzheng.io._layout import Grid
from minzheng.io._limits import LoadLimits

__all__ = ["MARK", "Rows", "read_grid", "read_rows"]

MARK = "\u0000"
Rows = Iterator[tuple[int, dict[str, Any]]]
_WINDOW = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _name(source: Any) -> str:
    return Path(source).name if isinstance(source, str | os.PathLike) else type(source).__name__


def _too_large(what: str, limit: int, value: object) -> InvalidValue:
    return InvalidValue("io.too_large", field=what, value=str(value), params={"limit": limit})


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


# -- text --------------------------------------------------------------------------------------


def _bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces (UTF-16 is Excel's "Unicode text"), if any."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _guess_encoding(window: bytes) -> str:
    """UTF-8 (a BOM dropped) if the first non-ASCII bytes decode as such, else GB18030, else UTF-8."""
    for candidate in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(candidate)().decode(window, final=False)
        except UnicodeDecodeError:
            continue
        return "utf-8-sig" if candidate == "utf-8" else candidate
    return "utf-8"


def _first_non_ascii(handle: IO[bytes]) -> bytes:
    """Up to 64 KiB from the first non-ASCII byte on; the handle is left where it was."""
    start = handle.tell()
    try:
        while chunk := handle.read(_WINDOW):
            if (found := _NON_ASCII.search(chunk)) is not None:
                return chunk[found.start() :] + handle.read(found.start())
        return b""
    finally:
        handle.seek(start)


class _Prefixed(io.RawIOBase):
    """A read-once byte stream with its first bytes already read (to guess the encoding)."""

    def __init__(self, head: bytes, rest: Any) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@contextlib.contextmanager
def open_text(source: Any, encoding: str | None, newline: str) -> Iterator[IO[str]]:
    """``source`` as a text stream decoded while it is read; undecodable bytes become U+FFFD.

    Without ``encoding`` the first non-ASCII bytes decide: UTF-8 (with or without
    BOM), else GB18030. A caller's file object is left open.
    """
    if isinstance(source, io.TextIOBase):
        yield source  # type: ignore[misc]
        return
    with contextlib.ExitStack() as stack:
        if isinstance(source, str | os.PathLike):
            binary: Any = stack.enter_context(Path(source).open("rb"))
        elif hasattr(source, "readinto"):
            binary = source
        else:
            data = source.read()
            if isinstance(data, str):
                yield io.StringIO(data, newline=newline)
                return
            binary = io.BytesIO(data)
        if encoding is None:
            if binary.seekable():
                start = binary.tell()
                encoding = _bom_encoding(binary.read(4))
                binary.seek(start)
                encoding = encoding or _guess_encoding(_first_non_ascii(binary))
            else:
                head = binary.read(_WINDOW)
                found = _NON_ASCII.search(head)
                encoding = _bom_encoding(head) or _guess_encoding(
                    head[found.start() :] if found else b""
                )
                binary = io.BufferedReader(_Prefixed(head, binary))
        try:
            text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline=newline)
        except LookupError:
            raise InvalidValue("io.encoding", field="encoding", value=str(encoding)) from None
        try:
            yield text
        finally:
            text.detach()  # the file is closed by the stack; a caller's stays open


class _RecordTooLong(Exception):
    """Raised through ``csv.reader`` when one record passes ``max_row_chars``."""


class _Lines:
    """Physical lines for ``csv.reader``: counted, and bounded per record.

    ``replay`` holds lines already read (to sniff the delimiter); they come first.
    """

    def __init__(self, handle: IO[str], limit: int, replay: list[str] | None = None) -> None:
        self.handle, self.limit = handle, limit
        self.replay = replay or []
        self.line = 0
        self.chars = 0
        self.eof = False

    def __iter__(self) -> _Lines:
        return self

    def _readline(self, size: int) -> str:
        if self.replay:
            return self.replay.pop(0)
        return self.handle.readline(size)

    def __next__(self) -> str:
        line = self._readline(self.limit + 1)
        if not line:
            self.eof = True
            raise StopIteration
        self.line += 1
        self.chars += len(line)
        if self.chars > self.limit:
            while not line.endswith(("\n", "\r")) and (line := self._readline(_WINDOW)):
                pass
            raise _RecordTooLong
        return line


_DELIMITERS = (",", "\t", ";")
_SNIFF_LINES = 40


def sniff_delimiter(lines: list[str]) -> str:
    r"""The delimiter (comma, tab or semicolon) that splits the most sample lines into the same width.

    >>> sniff_delimiter(["标题\n", "姓名\t金额\n", "王建国\t1,290\n"])
    '\t'
    >>> sniff_delimiter(["a;b;c\n", "1;2;3\n"]), sniff_delimiter([])
    (';', ',')
    """
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths: dict[int, int] = {}
        try:
            for cells in csv.reader(io.StringIO("".join(lines), newline=""), delimiter=delimiter):
                if len(cells) > 1:
                    widths[len(cells)] = widths.get(len(cells), 0) + 1
        except csv.Error:
            pass
        if widths:
            width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
            if (count, width) > best_score:
                best, best_score = delimiter, (count, width)
    return best


def _csv_grid(source: Any, encoding: str | None, delimiter: str | None, limits: LoadLimits) -> Grid:
    limit = limits.max_row_chars
    with open_text(source, encoding, newline="") as handle:
        replay: list[str] = []
        if delimiter is None:
            size = 0
            while len(replay) < _SNIFF_LINES and size < _WINDOW:
                line = handle.readline(limit + 1)
                if not line:
                    break
                replay.append(line)
                size += len(line)
            delimiter = sniff_delimiter(replay)
        lines = _Lines(handle, limits.max_row_chars, replay)
        reader = csv.reader(lines, delimiter=delimiter)
        while True:
            start, lines.chars = lines.line + 1, 0
            try:
                cells = next(reader)
            except StopIteration:
                return
            except (_RecordTooLong, csv.Error) as exc:
                spans = f"{start}-{lines.line}"
                if lines.line > start:  # a quote left open swallowed the lines after it
                    yield start, {MARK + "io.unclosed_quote": (spans, "")}
                elif isinstance(exc, _RecordTooLong):
                    yield start, {MARK + "io.too_large": (f">{limits.max_row_chars}", limit)}
                else:
                    yield start, {MARK + "io.csv": str(exc)}
                continue
            if lines.eof:  # the reader only meets the end inside a quoted field
                yield start, {MARK + "io.unclosed_quote": (f"{start}-{lines.line}", "")}
                return
            if any(c.strip() for c in cells):
                yield start, cells


def _jsonl_rows(source: Any, encoding: str | None, limits: LoadLimits) -> Rows:
    limit = limits.max_row_chars
    with open_text(source, encoding, newline="\n") as handle:
        number = 0
        while line := handle.readline(limits.max_row_chars + 1):
            number += 1
            if len(line) > limits.max_row_chars:
                while not line.endswith("\n") and (line := handle.readline(_WINDOW)):
                    pass
                yield number, {MARK + "io.too_large": (f">{limits.max_row_chars}", limit)}
                continue
            text = line.removesuffix("\n").removesuffix("\r")
            if not text.strip():
                continue
            try:
                value = json.loads(text, parse_float=Decimal)
            except json.JSONDecodeError as exc:
                yield number, {MARK + "io.json": exc.msg}
                continue
            except (ValueError, RecursionError) as exc:  # nesting, 5,000-digit integers
                yield number, {MARK + "io.json": type(exc).__name__}
                continue
            if not isinstance(value, dict):
                yield number, {MARK + "io.json": type(value).__name__}
            elif len(value) > limits.max_columns:
                yield number, {MARK + "io.too_large": (len(value), limits.max_columns)}
            else:
                yield number, value


# -- workbooks ---------------------------------------------------------------------------------


def _size_of(source: Any) -> int:
    if isinstance(source, str | os.PathLike):
        return Path(source).stat().st_size
    position = source.tell()
    size = source.seek(0, os.SEEK_END)
    source.seek(position)
    return int(size)


def _check_zip(source: Any, limits: LoadLimits) -> None:
    """Refuse a workbook whose members declare more than ``max_unpacked_bytes`` (zip bombs).

    ``zipfile`` never inflates a member past its declared size, so the check holds.
    """
    position = None if isinstance(source, str | os.PathLike) else source.tell()
    with zipfile.ZipFile(source) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if position is not None:
        source.seek(position)
    if unpacked > limits.max_unpacked_bytes:
        raise _too_large("source", limits.max_unpacked_bytes, f"{_name(source)}: {unpacked}")


def _xlsx_grid(source: Any, sheet: str | int | None, limits: LoadLimits) -> Grid:
    openpyxl = require("openpyxl", "io")
    _check_zip(source, limits)
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    try:
        ws = _pick(book.sheetnames, sheet, lambda name: book[name], book.worksheets)
        ws.reset_dimensions()  # a stale <dimension> would cut the sheet short
        rows = ws.iter_rows(values_only=True)
        with contextlib.closing(rows):  # its worksheet file stays open until closed
            for number, cells in enumerate(rows, start=1):
                if number > limits.max_rows + _HEAD_ROOM:
                    raise _too_large("rows", limits.max_rows, number - 1)
                if any(c is not None and c != "" for c in cells):
                    yield number, _trimmed(cells)
    finally:
        book.close()


_HEAD_ROOM = 50  # title and header rows above the records, beyond max_rows


def _trimmed(cells: Any) -> list[Any]:
    out = list(cells)
    while out and (out[-1] is None or out[-1] == ""):
        out.pop()
    return out


def _pick(names: list[str], sheet: str | int | None, by_name: Any, sheets: Any) -> Any:
    """The sheet named (or numbered from 0) ``sheet``, else the first; ``io.sheet`` when absent."""
    if sheet is None:
        return sheets[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(names):
            return sheets[sheet]
    elif sheet in names:
        return by_name(sheet)
    raise InvalidValue(
        "io.sheet",
        field="sheet",
        value=_short(str(sheet)),
        params={"sheets": "、".join(_short(n, 20) for n in names[:10])},
    )


def _xls_grid(source: Any, sheet: str | int | None, limits: LoadLimits) -> Grid:
    xlrd = require("xlrd", "io")
    size = _size_of(source)
    if size > limits.max_unpacked_bytes:
        raise _too_large("source", limits.max_unpacked_bytes, f"{_name(source)}: {size}")
    data = Path(source).read_bytes() if isinstance(source, str | os.PathLike) else source.read()
    warnings = io.StringIO()  # xlrd writes its warnings to stdout unless told otherwise
    book = xlrd.open_workbook(file_contents=data, logfile=warnings)
    ws = _pick(
        book.sheet_names(),
        sheet,
        book.sheet_by_name,
        [book.sheet_by_index(i) for i in range(book.nsheets)],
    )

    def cell(r: int, c: int) -> Any:
        item = ws.cell(r, c)
        if item.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate.xldate_as_datetime(item.value, book.datemode)
        if item.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(item.value)
        if item.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        return item.value

    if ws.nrows - 1 > limits.max_rows + _HEAD_ROOM:
        raise _too_large("rows", limits.max_rows, ws.nrows - 1)
    for r in range(ws.nrows):
        cells = _trimmed(cell(r, c) for c in range(ws.ncols))
        if cells:
            yield r + 1, cells


# -- data frames and Parquet -------------------------------------------------------------------


def _frame_grid(frame: Any) -> Grid:
    """Row 1 is the frame's column names; its rows follow from row 2 (as if written to a sheet)."""
    nw = require("narwhals", "frames")
    native = nw.from_native(frame, eager_only=True)
    yield 1, [str(c) for c in native.columns]
    for number, record in enumerate(native.iter_rows(named=False), start=2):
        yield number, list(record)


def _parquet_grid(source: Any) -> Grid:
    pq = require("pyarrow.parquet", "frames")
    handle = pq.ParquetFile(source)
    yield 1, list(handle.schema_arrow.names)
    number = 1
    for batch in handle.iter_batches(batch_size=4096):
        columns = [column.to_pylist() for column in batch.columns]
        for values in zip(*columns, strict=True):
            number += 1
            yield number, list(values)


def read_grid(
    kind: str,
    source: Any,
    *,
    encoding: str | None,
    sheet: str | int | None,
    delimiter: str | None,
    limits: LoadLimits,
) -> Grid:
    """The grid reader for ``kind`` (``csv``, ``xlsx``, ``xls``, ``parquet``, ``frame``)."""
    if kind == "csv":
        return _csv_grid(source, encoding, delimiter, limits)
    if kind == "xlsx":
        return _xlsx_grid(source, sheet, limits)
    if kind == "xls":
        return _xls_grid(source, sheet, limits)
    if kind == "parquet":
        return _parquet_grid(source)
    if kind == "frame":
        return _frame_grid(source)
    raise InvalidValue("io.format", field="format", value=str(kind))


def read_rows(kind: str, source: Any, *, encoding: str | None, limits: LoadLimits) -> Rows:
    """The reader of records with their own keys (``jsonl``)."""
    if kind == "jsonl":
        return _jsonl_rows(source, encoding, limits)
    raise InvalidValue("io.format", field="format", value=str(kind))
