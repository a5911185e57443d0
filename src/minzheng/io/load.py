r"""Load bureau exports — CSV (UTF-8 or GB18030), JSON Lines, Excel, Parquet, data frames — as records.

Every row is accounted for: ``result.read == len(result.accepted) + len(result.rejected)``.
A rejected row keeps its row number (as the clerk sees it: the header is row 1),
its original cells and every problem — field, code and a message in the chosen
locale — and :meth:`LoadResult.write_rejects` writes them back to CSV or Excel
to be fixed. Good rows are never dropped or altered because of bad ones.

Headers are mapped to fields by ``columns`` (``{"header": "field"}``), on top of
the Chinese presets of :data:`~minzheng.io.COLUMN_PRESETS`; headers that map to no
field are ignored and listed in ``result.ignored_columns``. Empty cells count as
missing. Text cells are read by the record's types: ``"男"`` or ``"1"`` for a sex,
``"是"``/``"否"`` for yes/no, ``"2025-03-01"`` or ``"2025/3/1"`` for a date.

>>> import io
>>> from minzheng.io import RosterRow
>>> text = "户编号,身份证号,姓名,性别,保障金额,备注\n"
>>> text += "H1,620521198502101233,王建国,男,430,\n"
>>> text += "H1,620521198502101239,李芳,女,,校验码错\n"
>>> result = load(io.StringIO(text), RosterRow, format="csv")
>>> result.read, len(result.accepted), len(result.rejected), result.ignored_columns
(2, 1, 1, ('备注',))
>>> for row, field, code, message in result.errors("en"):
...     print(row, field, code)
3 resident_id resident_id.checksum
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Generic, TypeVar

import attrs
import cattrs

from minzheng._extras import require
from minzheng.codes._base import CodeEnum
from minzheng.errors import InvalidRecords, InvalidValue, MinzhengError, RecordError
from minzheng.io.converter import LIMITS, _clip, converter, structure_with
from minzheng.io.roster import COLUMN_PRESETS
from minzheng.privacy import mask_text

__all__ = ["LoadResult", "RejectedRow", "load", "text_converter"]

T = TypeVar("T")

_FORMATS = ("csv", "jsonl", "xlsx", "xls", "parquet")
_YES = {"是", "有", "true", "True", "TRUE", "1", "y", "Y", "yes", "√"}
_NO = {"否", "无", "false", "False", "FALSE", "0", "n", "N", "no", "×"}
_SLASH_DATE = re.compile(r"^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$")
_DIGIT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


@attrs.frozen
class RejectedRow:
    """A row that could not become a record: its number, its cells, and every error in it.

    ``errors`` are :class:`~minzheng.errors.RecordError` values whose path is the field.

    >>> from minzheng.errors import InvalidValue, RecordError
    >>> r = RejectedRow(row=3, cells={"姓名": "王建国"}, errors=(RecordError(path="name",
    ...                 error=InvalidValue(field="name", value="x")),))
    >>> r
    RejectedRow(row=3, fields=('name',))
    """

    row: int
    cells: Mapping[str, str] = attrs.field(repr=False)
    errors: tuple[RecordError, ...] = attrs.field(repr=False)

    def __repr__(self) -> str:
        return f"RejectedRow(row={self.row}, fields={tuple(e.path for e in self.errors)!r})"


@attrs.frozen
class LoadResult(Generic[T]):
    """Accepted records and rejected rows; ``read`` is always their sum.

    >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).read
    0
    """

    accepted: tuple[T, ...]
    rejected: tuple[RejectedRow, ...]
    ignored_columns: tuple[str, ...]

    @property
    def read(self) -> int:
        """Rows read (accepted + rejected).

        >>> LoadResult(accepted=(1, 2), rejected=(), ignored_columns=()).read
        2
        """
        return len(self.accepted) + len(self.rejected)

    def errors(self, locale: object = "zh_Hans") -> list[tuple[int, str, str, str]]:
        """Every problem as ``(row, field, code, message)``, messages in ``locale``.

        >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).errors()
        []
        """
        return [
            (r.row, e.path, e.code, e.error.message(locale))
            for r in self.rejected
            for e in r.errors
        ]

    def write_rejects(self, path: str | os.PathLike[str], *, locale: object = "zh_Hans") -> Path:
        r"""Write the rejected rows, their original cells and a problem column, to ``.csv`` or ``.xlsx``.

        CSV is written as UTF-8 with a byte-order mark so that Excel opens it
        correctly. The file holds the clerk's own data unmasked — keep it where the
        export came from.

        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "rejects.csv"
        >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).write_rejects(out).read_text("utf-8-sig")
        '行号,问题\n'
        """
        from minzheng.cli._text import t

        target = Path(path)
        headers: list[str] = []
        for r in self.rejected:
            headers += [h for h in r.cells if h not in headers]
        row_label, problem_label = t("行号", locale), t("问题", locale)
        table = [[row_label, *headers, problem_label]]
        for r in self.rejected:
            problems = "；".join(e.error.message(locale) for e in r.errors)
            table.append([str(r.row), *(r.cells.get(h, "") for h in headers), problems])
        if target.suffix.lower() == ".xlsx":
            openpyxl = require("openpyxl", "io")
            book = openpyxl.Workbook()
            sheet = book.active
            for line in table:
                sheet.append(line)
            book.save(target)
            return target
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(table)
        return target


# -- reading cells ---------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    """Any cell value as the text a clerk would type."""
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


def _read_bytes(source: Any) -> bytes | str:
    if isinstance(source, str | os.PathLike):
        return Path(source).read_bytes()
    data = source.read()
    return data if isinstance(data, bytes | str) else str(data)


def _read_text(source: Any, encoding: str | None) -> str:
    """The source's text: ``encoding``, else UTF-8 (with or without BOM), else GB18030.

    Bytes that decode in none of them become U+FFFD, which rejects their row (``io.encoding``).
    """
    raw = _read_bytes(source)
    if isinstance(raw, str):
        return raw
    for candidate in [encoding] if encoding else ["utf-8-sig", "gb18030"]:
        try:
            return raw.decode(candidate)
        except UnicodeDecodeError:
            continue
    return raw.decode(encoding or "utf-8", errors="replace")


def _csv_rows(source: Any, encoding: str | None) -> Iterator[dict[str, str]]:
    reader = csv.reader(io.StringIO(_read_text(source, encoding), newline=""))
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if header is None:
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield {"\u0000csv": str(exc)}
            continue
        if not any(c.strip() for c in cells):
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
        if len(cells) > len(header):
            row["\u0000extra"] = ",".join(cells[len(header) :])
        yield row


def _jsonl_rows(source: Any, encoding: str | None) -> Iterator[dict[str, Any]]:
    for line in _read_text(source, encoding).splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            value = {"\u0000json": exc.msg}
        yield value if isinstance(value, dict) else {"\u0000json": type(value).__name__}


def _xlsx_rows(source: Any, sheet: str | None) -> Iterator[dict[str, str]]:
    openpyxl = require("openpyxl", "io")
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [_cell_text(h) for h in next(rows, ())]
    for cells in rows:
        if all(_cell_text(c) == "" for c in cells):
            continue
        yield {h: _cell_text(cells[i]) if i < len(cells) else "" for i, h in enumerate(header) if h}
    book.close()


def _xls_rows(source: Any, sheet: str | None) -> Iterator[dict[str, str]]:
    xlrd = require("xlrd", "io")
    data = _read_bytes(source)
    book = xlrd.open_workbook(file_contents=data if isinstance(data, bytes) else data.encode())
    ws = book.sheet_by_name(sheet) if sheet else book.sheet_by_index(0)

    def cell(r: int, c: int) -> str:
        item = ws.cell(r, c)
        if item.ctype == xlrd.XL_CELL_DATE:
            return _cell_text(xlrd.xldate.xldate_as_datetime(item.value, book.datemode))
        return _cell_text(item.value)

    header = [cell(0, c) for c in range(ws.ncols)] if ws.nrows else []
    for r in range(1, ws.nrows):
        row = {h: cell(r, c) for c, h in enumerate(header) if h}
        if any(row.values()):
            yield row


def _frame_rows(frame: Any) -> Iterator[dict[str, str]]:
    nw = require("narwhals", "frames")
    native = nw.from_native(frame, eager_only=True)
    for record in native.iter_rows(named=True):
        yield {str(k): _cell_text(v) for k, v in record.items()}


def _parquet_rows(source: Any) -> Iterator[dict[str, str]]:
    pq = require("pyarrow.parquet", "frames")
    table = pq.read_table(source)
    for batch in table.to_batches():
        for record in batch.to_pylist():
            yield {str(k): _cell_text(v) for k, v in record.items()}


def _guess_format(source: Any) -> str:
    if not isinstance(source, str | os.PathLike):
        return "frame"
    suffix = Path(source).suffix.lower().lstrip(".")
    if suffix in ("ndjson", "json"):
        return "jsonl"
    if suffix in _FORMATS:
        return suffix
    if suffix in ("txt", "tsv"):
        return "csv"
    raise InvalidValue("io.format", field="source", value=Path(source).name)


# -- text to values --------------------------------------------------------------------------


def _structure_bool(value: Any, _: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InvalidValue("io.bool", field="value", value=text)


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip().replace(",", "")
    if re.fullmatch(r"-?\d+(\.0+)?", text):
        digits = len(text.lstrip("-").split(".")[0].lstrip("0"))
        if digits > LIMITS.max_int_digits:
            raise InvalidValue(
                "io.too_large",
                field="value",
                value=f"{digits} digits",
                params={"limit": LIMITS.max_int_digits},
            )
        return int(Decimal(text))
    raise InvalidValue("io.int", field="value", value=_clip(text))


def _structure_text_date(value: Any, _: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if (m := _SLASH_DATE.match(text) or _DIGIT_DATE.match(text)) is not None:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    else:
        try:
            return datetime.date.fromisoformat(text[:10] if "T" in text else text)
        except ValueError:
            pass
    from minzheng.errors import InvalidDate

    raise InvalidDate("date.format", field="date", value=text)


@functools.cache
def _terms(tp: type[CodeEnum]) -> dict[str, CodeEnum]:
    """Every way a cell may name a member: code, term, zh_Hant and English labels, unique prefixes."""
    table: dict[str, CodeEnum] = {}
    prefixes: dict[str, list[CodeEnum]] = {}
    for member in tp:
        for text in (
            member.term,
            member.label("zh_Hant"),
            member.label("en"),
            member.label("en").lower(),
        ):
            table.setdefault(text, member)
        for n in range(1, len(member.term)):
            prefixes.setdefault(member.term[:n], []).append(member)  # 男 → 男性
    if tp.__name__ == "Programme":
        from minzheng.stats.sentences import PROGRAMME_SHORT

        for programme, short in PROGRAMME_SHORT.items():
            table.setdefault(short, programme)
            table.setdefault(short.removeprefix("城乡"), programme)
    for prefix, members in prefixes.items():
        if len(members) == 1:
            table.setdefault(prefix, members[0])
    for member in tp:
        table[member.value] = member  # official codes win
    return table


def _structure_code(value: Any, tp: type[CodeEnum]) -> CodeEnum:
    if isinstance(value, tp):
        return value
    text = str(value).strip()
    found = _terms(tp).get(text)
    if found is None:
        return tp.from_code(text)  # raises the code list's own error
    return found


@functools.cache
def text_converter() -> cattrs.Converter:
    """The converter for spreadsheet cells: text for booleans, integers, dates and code terms.

    >>> from minzheng.codes import Sex
    >>> text_converter().structure("女", Sex)
    <Sex.FEMALE: '2'>
    """
    from minzheng.codes._base import all_code_enums

    conv = converter().copy()
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(datetime.date, _structure_text_date)
    for code_list in all_code_enums():
        conv.register_structure_hook(code_list, _structure_code)
    return conv


# -- the loader ------------------------------------------------------------------------------


def _fields(record_type: type) -> set[str]:
    if attrs.has(record_type):
        return {f.alias or f.name for f in attrs.fields(record_type) if f.init}
    raise InvalidValue(
        "io.record_type", field="record_type", value=getattr(record_type, "__name__", "?")
    )


def _progress(
    rows: Iterable[dict[str, Any]], enabled: bool, label: str
) -> Iterable[dict[str, Any]]:
    if not enabled:
        return rows
    tqdm = require("tqdm.auto", "io")
    return tqdm.tqdm(rows, desc=label, unit="行")  # type: ignore[no-any-return]


def load(
    source: Any,
    record_type: type[T],
    *,
    columns: Mapping[str, str] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    key: str | Callable[[T], Any] | None = None,
    progress: bool = False,
) -> LoadResult[T]:
    """Load every row of ``source`` as ``record_type``; see the module documentation.

    ``source`` is a path, a file object (give ``format``), or a data frame
    (pandas, Polars, PyArrow — anything narwhals reads). ``key`` names the field
    (or gives a function) whose repeats are duplicates; by default a
    :class:`~minzheng.io.RosterRow` is keyed by person and other records by an
    exact repeat of the whole row. A duplicate is rejected with code
    ``io.duplicate`` naming the first row. ``progress`` shows a bar (terminal or
    notebook; extra ``io``).

    >>> from minzheng.io import RosterRow
    >>> load("roster.doc", RosterRow)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: source：无法识别的文件格式：roster.doc
    """
    from minzheng.io.roster import RosterRow

    wanted = _fields(record_type)
    kind = format or _guess_format(source)
    if isinstance(source, str | os.PathLike) and not Path(source).is_file():
        raise InvalidValue("io.no_file", field="source", value=str(source))
    rows: Iterable[dict[str, Any]]
    if kind == "csv":
        rows = _csv_rows(source, encoding)
    elif kind == "jsonl":
        rows = _jsonl_rows(source, encoding)
    elif kind == "xlsx":
        rows = _xlsx_rows(source, sheet)
    elif kind == "xls":
        rows = _xls_rows(source, sheet)
    elif kind == "parquet":
        rows = _parquet_rows(source)
    elif kind == "frame":
        rows = _frame_rows(source)
    else:
        raise InvalidValue("io.format", field="format", value=str(kind))
    rows = _guarded(rows, source)
    mapping = {**COLUMN_PRESETS, **(columns or {})}
    if key is None and record_type is RosterRow:
        key = "key"
    conv = text_converter() if kind != "jsonl" else converter()
    accepted: list[T] = []
    rejected: list[RejectedRow] = []
    ignored: list[str] = []
    seen: dict[Any, int] = {}
    for number, raw in enumerate(_progress(rows, progress, record_type.__name__), start=2):
        cells = {k: v for k, v in raw.items() if not k.startswith("\u0000")}
        shown = {
            k: v
            if isinstance(v, str)
            else json.dumps(v, default=str)
            if isinstance(v, dict | list)
            else _cell_text(v)
            for k, v in cells.items()
        }
        errors: list[RecordError] = []
        for marker, value in raw.items():
            if marker.startswith("\u0000"):
                code = {"\u0000json": "io.json", "\u0000csv": "io.csv"}.get(
                    marker, "io.extra_cells"
                )
                errors.append(
                    RecordError(
                        path="$", error=InvalidValue(code, field="row", value=mask_text(str(value)))
                    )
                )
        data: dict[str, Any] = {}
        for header, value in cells.items():
            field = header if header in wanted else mapping.get(header, header)
            if field not in wanted:
                if header not in ignored:
                    ignored.append(header)
                continue
            if value is None or value == "":
                continue
            if isinstance(value, str) and "\ufffd" in value:
                errors.append(
                    RecordError(
                        path=field,
                        error=InvalidValue("io.encoding", field=field, value=mask_text(value)),
                    )
                )
                continue
            data[field] = value
        record: T | None = None
        if not errors:
            try:
                record = structure_with(conv, data, record_type)
            except InvalidRecords as exc:
                errors += [RecordError(path=_field_path(e), error=e.error) for e in exc.errors]
        if record is not None:
            identity = (
                (key(record) if callable(key) else getattr(record, key))
                if key is not None
                else tuple(sorted(shown.items()))
            )
            if identity in (None, ""):
                identity = tuple(sorted(shown.items()))
            if identity in seen:
                errors.append(
                    RecordError(
                        path=key if isinstance(key, str) else "$",
                        error=InvalidValue("io.duplicate", field="row", value=str(seen[identity])),
                    )
                )
            else:
                seen[identity] = number
        if errors:
            rejected.append(RejectedRow(row=number, cells=shown, errors=tuple(errors)))
        elif record is not None:
            accepted.append(record)
    return LoadResult(
        accepted=tuple(accepted), rejected=tuple(rejected), ignored_columns=tuple(ignored)
    )


def _guarded(rows: Iterable[dict[str, Any]], source: Any) -> Iterator[dict[str, Any]]:
    """A file that cannot be read at all (not a workbook, corrupt Parquet) is one clear error."""
    try:
        yield from rows
    except (MinzhengError, ImportError):
        raise
    except Exception as exc:  # any reader's failure becomes a minzheng error
        name = Path(source).name if isinstance(source, str | os.PathLike) else type(source).__name__
        raise InvalidValue(
            "io.unreadable", field="source", value=f"{name}: {type(exc).__name__}"
        ) from None


def _field_path(error: RecordError) -> str:
    """``$.amount`` → ``amount``; a whole-record check names its field (``$`` → ``sex``)."""
    path = error.path.removeprefix("$.").removeprefix("$")
    return path or error.error.field or ""
