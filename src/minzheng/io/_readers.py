r"""Row readers for :func:`~minzheng.io.load`: each yields ``(row number, cells)`` as it reads.

A reader never holds the whole file: text is decoded as it is read, workbooks are
read row by row (after their declared size is checked), Parquet batch by batch.
The row number is the one the clerk sees — the header is row 1; for CSV the line
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
from minzheng.io._cells import cell_text
from minzheng.io._limits import LoadLimits

__all__ = ["MARK", "Rows", "read_rows"]

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
                encoding = _guess_encoding(_first_non_ascii(binary))
            else:
                head = binary.read(_WINDOW)
                found = _NON_ASCII.search(head)
                encoding = _guess_encoding(head[found.start() :] if found else b"")
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
    """Physical lines for ``csv.reader``: counted, and bounded per record."""

    def __init__(self, handle: IO[str], limit: int) -> None:
        self.handle, self.limit = handle, limit
        self.line = 0
        self.chars = 0
        self.eof = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.handle.readline(self.limit + 1)
        if not line:
            self.eof = True
            raise StopIteration
        self.line += 1
        self.chars += len(line)
        if self.chars > self.limit:
            while not line.endswith(("\n", "\r")) and (line := self.handle.readline(_WINDOW)):
                pass
            raise _RecordTooLong
        return line


def _header(cells: list[str], limits: LoadLimits) -> list[str]:
    header = [h.strip().lstrip("\ufeff") for h in cells]
    if len(header) > limits.max_columns:
        raise _too_large("columns", limits.max_columns, len(header))
    seen: set[str] = set()
    for h in header:
        if h and h in seen:
            raise InvalidValue("io.duplicate_header", field="header", value=_short(h))
        seen.add(h)
    return header


def _csv_rows(source: Any, encoding: str | None, limits: LoadLimits) -> Rows:
    limit = limits.max_row_chars
    with open_text(source, encoding, newline="") as handle:
        lines = _Lines(handle, limits.max_row_chars)
        reader = csv.reader(lines)
        try:
            first = next(reader, None)
        except _RecordTooLong:
            raise _too_large("header", limits.max_row_chars, "1") from None
        except csv.Error:
            first = None
        if first is None:
            return
        header = _header(first, limits)
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
            if not any(c.strip() for c in cells):
                continue
            row: dict[str, Any] = {
                h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h
            }
            if len(cells) > len(header):
                row[MARK + "io.extra_cells"] = _short(",".join(cells[len(header) :]))
            yield start, row


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


def _xlsx_rows(source: Any, sheet: str | None, limits: LoadLimits) -> Rows:
    openpyxl = require("openpyxl", "io")
    _check_zip(source, limits)
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    try:
        ws = book[sheet] if sheet else book.worksheets[0]
        ws.reset_dimensions()  # a stale <dimension> would cut the sheet short
        with contextlib.closing(ws.iter_rows(max_row=1, values_only=True)) as heads:
            first = [cell_text(h) for h in next(heads, ())]
        while first and not first[-1]:  # a header row is as wide as its last named column
            first.pop()
        header = _header(first, limits)
        if not header:
            return
        blank = (None,) * len(header)
        rows = ws.iter_rows(min_row=2, max_col=len(header), values_only=True)
        with contextlib.closing(rows):  # its worksheet file stays open until closed
            for number, cells in enumerate(rows, start=2):
                if number > limits.max_rows + 1:
                    raise _too_large("rows", limits.max_rows, number - 1)
                if cells == blank:  # openpyxl fills a gap in row numbers with such rows
                    continue
                texts = [cell_text(c) for c in cells]
                if any(texts):
                    yield number, {h: texts[i] for i, h in enumerate(header) if h}
    finally:
        book.close()


def _xls_rows(source: Any, sheet: str | None, limits: LoadLimits) -> Rows:
    xlrd = require("xlrd", "io")
    size = _size_of(source)
    if size > limits.max_unpacked_bytes:
        raise _too_large("source", limits.max_unpacked_bytes, f"{_name(source)}: {size}")
    data = Path(source).read_bytes() if isinstance(source, str | os.PathLike) else source.read()
    warnings = io.StringIO()  # xlrd writes its warnings to stdout unless told otherwise
    book = xlrd.open_workbook(file_contents=data, logfile=warnings)
    ws = book.sheet_by_name(sheet) if sheet else book.sheet_by_index(0)

    def cell(r: int, c: int) -> str:
        item = ws.cell(r, c)
        if item.ctype == xlrd.XL_CELL_DATE:
            return cell_text(xlrd.xldate.xldate_as_datetime(item.value, book.datemode))
        return cell_text(item.value)

    header = _header([cell(0, c) for c in range(ws.ncols)] if ws.nrows else [], limits)
    if ws.nrows - 1 > limits.max_rows:
        raise _too_large("rows", limits.max_rows, ws.nrows - 1)
    for r in range(1, ws.nrows):
        row = {h: cell(r, c) for c, h in enumerate(header) if h}
        if any(row.values()):
            yield r + 1, row


# -- data frames and Parquet -------------------------------------------------------------------


def _frame_rows(frame: Any) -> Rows:
    nw = require("narwhals", "frames")
    native = nw.from_native(frame, eager_only=True)
    for number, record in enumerate(native.iter_rows(named=True), start=2):
        yield number, {str(k): cell_text(v) for k, v in record.items()}


def _parquet_rows(source: Any) -> Rows:
    pq = require("pyarrow.parquet", "frames")
    number = 1
    for batch in pq.ParquetFile(source).iter_batches(batch_size=4096):
        for record in batch.to_pylist():
            number += 1
            yield number, {str(k): cell_text(v) for k, v in record.items()}


def read_rows(
    kind: str, source: Any, *, encoding: str | None, sheet: str | None, limits: LoadLimits
) -> Rows:
    """The reader for ``kind`` (``csv``, ``jsonl``, ``xlsx``, ``xls``, ``parquet``, ``frame``)."""
    if kind == "csv":
        return _csv_rows(source, encoding, limits)
    if kind == "jsonl":
        return _jsonl_rows(source, encoding, limits)
    if kind == "xlsx":
        return _xlsx_rows(source, sheet, limits)
    if kind == "xls":
        return _xls_rows(source, sheet, limits)
    if kind == "parquet":
        return _parquet_rows(source)
    if kind == "frame":
        return _frame_rows(source)
    raise InvalidValue("io.format", field="format", value=str(kind))
