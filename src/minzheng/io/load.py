r"""Load bureau exports — CSV and TSV, JSON Lines, Excel, Parquet, data frames — as records.

Every row is accounted for: ``result.read == len(result.accepted) + len(result.rejected)
+ len(result.skipped)``. The layout is found without options: the header is the
row (or two rows, under a merged group cell) among the first 20 that names
known columns, title and unit rows above it are passed over, and totals
(合计, 小计 …), sign-off rows (制表人, 审核人, 填表日期 …) and notes are
*skipped* with their reason — never accepted, never rejected (``header_row=``,
``sheet=`` and ``skip_footer=`` override what is found). A file where no column
is recognised is refused (``io.no_known_columns``).
A rejected row keeps its row number (as the clerk sees it: the sheet's own row
number, the line for CSV and JSON Lines), its original cells and every problem — field, code and a message in the chosen
locale — and :meth:`LoadResult.write_rejects` writes them back to CSV or Excel
to be fixed, with no cell that could run as a formula. Good rows are never
dropped or altered because of bad ones. Files are read as streams within
:class:`LoadLimits` (``io.too_large`` past them); :func:`iter_load` yields rows
one at a time for files larger than memory.

Headers are mapped to fields by ``columns`` (``{"header": "field"}``), on top of
the Chinese presets of :data:`~minzheng.io.COLUMN_PRESETS` (spaces, a ``*`` mark
and a unit such as ``（元）`` in a header are ignored); headers that map to no
field are ignored and listed in ``result.ignored_columns``. Empty cells (and
pandas ``NaN``/``NaT``, Polars ``null``) count as missing. Cells are tolerated,
values are strict: text is NFKC-normalised (full-width digits), trimmed and
loses a leading apostrophe; then it is read by the record's types: ``"男"`` or
``"1"`` for a sex, ``"是"``/``"否"`` for yes/no, the words of
:data:`~minzheng.io.CODE_WORDS` for codes, an Excel date, serial number,
``2025-3-1``, ``2025.3.1``, ``2025年3月1日`` or ``20250301`` for a date,
``￥1,290.00元`` for an amount. An identity number the spreadsheet stored as a
number is ``resident_id.spreadsheet_number``.

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

import datetime
import json
import numbers
import os
import re
import typing
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import attrs

from minzheng._bounds import MAX_COUNT, within
from minzheng._extras import require
from minzheng._validators import typed_fields
from minzheng.errors import InvalidRecords, InvalidValue, MinzhengError, RecordError
from minzheng.io._cells import cell_text, write_csv, write_xlsx
from minzheng.io._layout import SKIP, arrange, clean_header, header_variants, is_missing
from minzheng.io._limits import LoadLimits
from minzheng.io._readers import MARK, Rows, read_grid, read_rows
from minzheng.io._text_converter import text_converter
from minzheng.io.converter import converter, structure_with
from minzheng.io.roster import COLUMN_PRESETS
from minzheng.privacy import mask_numbers, mask_text

__all__ = [
    "LoadLimits",
    "LoadResult",
    "RejectedRow",
    "SkippedRow",
    "iter_load",
    "load",
    "text_converter",
]

T = TypeVar("T")

_FORMATS = ("csv", "tsv", "jsonl", "xlsx", "xls", "parquet")
_XLSX_COLUMNS = 16_384  # columns in an Excel sheet
_PLAIN = {MARK + "io.unclosed_quote", MARK + "io.too_large"}  # line numbers, limits


@attrs.frozen(field_transformer=typed_fields)
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


#: Record fields that hold personal data: their cells are masked in reject files.
_PERSONAL_FIELDS = frozenset(
    {"resident_id", "name", "birth_date", "phone", "address", "certificate", "legal_representative"}
)
#: Words in a header that mark a column of personal data even when it maps to no field.
_PERSONAL_HEADER = re.compile(r"身份|证件|证号|号码|姓名|名字|电话|手机|联系|地址|住址|出生|生日")


def _mask_cell(value: str, *, personal: bool, field: str | None) -> str:
    """A cell as a reject file shows it: personal columns masked, numbers masked anywhere."""
    from minzheng.privacy import mask_name

    if not value:
        return value
    if personal:
        if field == "name" or field == "legal_representative":
            return mask_name(value)
        if field == "birth_date":
            return value[:4] + "*" * (len(value) - 4) if len(value) > 4 else "*" * len(value)
        return mask_text(value)
    return mask_numbers(value)


@attrs.frozen(field_transformer=typed_fields)
class SkippedRow:
    """A row under the header that is not a record, and why (no cell of it is kept).

    ``reason`` is one of ``total`` (合计, 小计, 总计 …), ``sign_off`` (制表人,
    审核人, 填表日期 …), ``note`` (注：…), ``repeated_header`` (the header again,
    as page breaks repeat it) and ``footer`` (one of the last rows ``skip_footer=``
    names).

    >>> SkippedRow(row=52, reason="total")
    SkippedRow(row=52, reason='total')
    """

    row: int = attrs.field(validator=within(0, MAX_COUNT))
    reason: str


@attrs.frozen(repr=False, field_transformer=typed_fields)
class LoadResult(Generic[T]):
    """Accepted records, rejected rows and skipped rows; ``read`` is always their sum.

    ``header_row`` is the sheet row the header was found on (its last row for a
    two-row header; ``None`` for JSON Lines or when nothing was read).

    ``repr`` gives the counts only (the records hold personal data).
    ``personal_columns`` maps the headers of personal data (identity number,
    name, birth date, phone, address) to their fields, for
    :meth:`write_rejects` to mask.

    >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).read
    0
    >>> LoadResult(accepted=(1, 2), rejected=(), ignored_columns=("备注",))
    LoadResult(read=2, accepted=2, rejected=0, skipped=0, ignored_columns=('备注',))
    """

    accepted: tuple[T, ...]
    rejected: tuple[RejectedRow, ...]
    ignored_columns: tuple[str, ...]
    personal_columns: Mapping[str, str] = attrs.field(factory=dict)

    skipped: tuple[SkippedRow, ...] = ()
    header_row: int | None = None

    def __repr__(self) -> str:
        return (
            f"LoadResult(read={self.read}, accepted={len(self.accepted)}, "
            f"rejected={len(self.rejected)}, skipped={len(self.skipped)}, "
            f"ignored_columns={self.ignored_columns!r})"
        )

    @property
    def read(self) -> int:
        """Rows read (accepted + rejected + skipped).

        >>> LoadResult(accepted=(1, 2), rejected=(), ignored_columns=(),
        ...            skipped=(SkippedRow(row=4, reason="total"),)).read
        3
        """
        return len(self.accepted) + len(self.rejected) + len(self.skipped)

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

    def facts(self) -> list[Any]:
        r"""The accepted records as :class:`~minzheng.stats.Fact` values (each record's ``to_fact``).

        >>> import io
        >>> from minzheng.io import RosterRow
        >>> result = load(io.StringIO("户编号,保障金额\nH1,430\n"), RosterRow, format="csv")
        >>> [f.amount for f in result.facts()]
        [Decimal('430')]
        """
        out = []
        for record in self.accepted:
            to_fact = getattr(record, "to_fact", None)
            if to_fact is None:
                raise InvalidValue("io.record_type", field="facts", value=type(record).__name__)
            out.append(to_fact())
        return out

    def to_arrow(self) -> Any:
        r"""The accepted records as an Arrow table (extra ``frames``), typed by the record's fields.

        >>> import io
        >>> from minzheng.io import RosterRow
        >>> result = load(io.StringIO("户编号,保障金额\nH1,430\n"), RosterRow, format="csv")
        >>> result.to_arrow().column("amount").to_pylist()
        [Decimal('430.000000')]
        """
        from minzheng.frames.convert import to_arrow
        from minzheng.io.roster import RosterRow

        record_type: type = type(self.accepted[0]) if self.accepted else RosterRow
        return to_arrow(self.accepted, record_type)

    def to_pandas(self) -> Any:
        """The accepted records as a pandas frame (through Arrow).

        >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).to_pandas().shape[0]
        0
        """
        return self.to_arrow().to_pandas()

    def to_polars(self) -> Any:
        """The accepted records as a Polars frame (through Arrow).

        >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).to_polars().height
        0
        """
        pl = require("polars", "frames")
        return pl.from_arrow(self.to_arrow())

    def write_rejects(
        self, path: str | os.PathLike[str], *, locale: object = "zh_Hans", reveal: bool = False
    ) -> Path:
        r"""Write the rejected rows, their original cells and a problem column, to ``.csv`` or ``.xlsx``.

        CSV is written as UTF-8 with a byte-order mark so that Excel opens it
        correctly. Personal data is masked like everywhere else: the cells of
        identity-number, name, birth-date, phone and address columns (mapped
        fields, or headers such as 身份证号, 姓名, 联系电话), and identity or phone
        numbers inside any other cell; the row number finds the row in the
        original file. ``reveal=True`` writes the cells as they were read — keep
        such a file where the export came from. (Rows whose cells name more than
        the 16,384 columns of an Excel sheet can only go to CSV: ``io.too_large``.) No
        cell can run as a formula: text starting with ``=``, ``+``, ``-``, ``@``, a tab or
        a carriage return is written behind an apostrophe in CSV and as plain text in
        Excel, and control characters (which Excel files cannot hold) become U+FFFD.

        >>> import io, tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "rejects.csv"
        >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).write_rejects(out).read_text("utf-8-sig")
        '行号,问题\n'
        >>> from minzheng.io import RosterRow
        >>> text = "户编号,身份证号,姓名,保障金额\nH1,620521198502101233,王建国,abc\n"
        >>> result = load(io.StringIO(text), RosterRow, format="csv")
        >>> print(result.write_rejects(out, locale="en").read_text("utf-8-sig").splitlines()[1][:40])
        2,H1,620521********1233,王**,abc,amount:
        """
        from minzheng.i18n import ui_text as t

        target = Path(path)
        headers = list(dict.fromkeys(h for r in self.rejected for h in r.cells))
        row_label, problem_label = t("行号", locale), t("问题", locale)
        table = [[row_label, *headers, problem_label]]
        fields = {h: self.personal_columns.get(h) for h in headers}
        personal = {
            h: h in self.personal_columns or bool(_PERSONAL_HEADER.search(h)) for h in headers
        }
        for r in self.rejected:
            problems = "；".join(e.error.message(locale) for e in r.errors)
            cells = [r.cells.get(h, "") for h in headers]
            if not reveal:
                cells = [
                    _mask_cell(c, personal=personal[h], field=fields[h])
                    for h, c in zip(headers, cells, strict=True)
                ]
            table.append([str(r.row), *cells, problems])
        if target.suffix.lower() == ".xlsx":
            if len(headers) + 2 > _XLSX_COLUMNS:
                raise InvalidValue(
                    "io.too_large",
                    field="columns",
                    value=str(len(headers) + 2),
                    params={"limit": _XLSX_COLUMNS},
                )
            return write_xlsx(target, [(None, table)])
        return write_csv(target, table)


def _guess_format(source: Any) -> str:
    if not isinstance(source, str | os.PathLike):
        return "frame"
    suffix = Path(source).suffix.lower().lstrip(".")
    if suffix in ("ndjson", "json"):
        return "jsonl"
    if suffix in ("txt", "tsv", "csv"):
        return "csv"
    if suffix in _FORMATS:
        return suffix
    raise InvalidValue("io.format", field="source", value=Path(source).name)


# -- the loader ------------------------------------------------------------------------------


def _fields(record_type: type) -> set[str]:
    if attrs.has(record_type):
        return {f.alias or f.name for f in attrs.fields(record_type) if f.init}
    raise InvalidValue(
        "io.record_type", field="record_type", value=getattr(record_type, "__name__", "?")
    )


def _kinds(record_type: type) -> dict[str, str]:
    """``{field: "id" | "date" | "text"}``: how a cell is prepared for each field."""
    from minzheng.ids import ResidentId
    from minzheng.io.converter import public_names

    try:
        hints = typing.get_type_hints(record_type, localns=public_names())
    except (NameError, TypeError):  # pragma: no cover - a type outside the public packages
        hints = {}
    kinds = {}
    for field in attrs.fields(record_type):
        tp = hints.get(field.name, field.type)
        options = typing.get_args(tp) or (tp,)
        name = field.alias or field.name
        if ResidentId in options:
            kinds[name] = "id"
        elif datetime.date in options:
            kinds[name] = "date"
        else:
            kinds[name] = "text"
    return kinds


def _progress(rows: Rows, enabled: bool, label: str) -> Rows:
    if not enabled:
        return rows
    tqdm = require("tqdm.auto", "io")
    return tqdm.tqdm(rows, desc=label, unit="行")  # type: ignore[no-any-return]


@attrs.frozen
class _Options:
    columns: Mapping[str, str] | None = None
    format: str | None = None
    encoding: str | None = None
    sheet: str | int | None = None
    key: Any = None
    progress: bool = False
    limits: LoadLimits | None = None
    header_row: int | None = None
    skip_footer: int = 0
    delimiter: str | None = None


def _check_options(options: _Options) -> None:
    for name in ("header_row", "skip_footer"):
        value = getattr(options, name)
        if value is None:
            continue
        low = 1 if name == "header_row" else 0
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            raise InvalidValue("value.invalid", field=name, value=repr(value)[:40])
    if options.delimiter is not None and (
        not isinstance(options.delimiter, str) or len(options.delimiter) != 1
    ):
        raise InvalidValue("value.invalid", field="delimiter", value=repr(options.delimiter)[:40])


def load(
    source: Any,
    record_type: type[T],
    *,
    columns: Mapping[str, str] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    key: str | Callable[[T], Any] | Literal[False] | None = None,
    progress: bool = False,
    limits: LoadLimits | None = None,
    header_row: int | None = None,
    skip_footer: int = 0,
    delimiter: str | None = None,
) -> LoadResult[T]:
    """Load every row of ``source`` as ``record_type``; see the module documentation.

    ``source`` is a path, a file object (give ``format``), or a data frame
    (pandas, Polars, PyArrow — anything narwhals reads). ``key`` names the field
    (or gives a function) whose repeats are duplicates; by default a
    :class:`~minzheng.io.RosterRow` is keyed by person and other records by an
    exact repeat of the whole row; ``key=False`` looks for no duplicates. A
    duplicate is rejected with code ``io.duplicate`` naming the first row.
    ``progress`` shows a bar (terminal or notebook; extra ``io``). ``limits``
    bounds what is read (:class:`LoadLimits`); past them ``io.too_large``.

    The layout is found by itself; to override it, ``header_row`` gives the
    header's row number (as the sheet shows it; the line for CSV), ``sheet`` the
    workbook sheet (by name, or by position from 0), ``skip_footer`` how many
    last non-blank rows to skip, ``delimiter`` the CSV separator (otherwise
    sniffed among comma, tab and semicolon) and ``encoding`` the text encoding
    (otherwise a byte-order mark, then UTF-8, then GB18030).

    The file is read as a stream, but the result keeps every record: for files
    larger than memory use :func:`iter_load`.

    >>> from minzheng.io import RosterRow
    >>> load("roster.doc", RosterRow)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: source：无法识别的文件格式：roster.doc
    """
    options = _Options(
        columns, format, encoding, sheet, key, progress, limits, header_row, skip_footer, delimiter
    )
    accepted: list[T] = []
    rejected: list[RejectedRow] = []
    skipped: list[SkippedRow] = []
    ignored: dict[str, None] = {}  # ordered, and linear however many headers
    info: dict[str, Any] = {}  # what the rows taught: the header row, the personal columns
    for item in _load_rows(source, record_type, options, ignored, info):
        if isinstance(item, RejectedRow):
            rejected.append(item)
        elif isinstance(item, SkippedRow):
            skipped.append(item)
        else:
            accepted.append(item)
    return LoadResult(
        accepted=tuple(accepted),
        rejected=tuple(rejected),
        ignored_columns=tuple(ignored),
        personal_columns=info.get("personal", {}),
        skipped=tuple(skipped),
        header_row=info.get("header_row"),
    )


def iter_load(
    source: Any,
    record_type: type[T],
    *,
    columns: Mapping[str, str] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    key: str | Callable[[T], Any] | Literal[False] | None = None,
    progress: bool = False,
    limits: LoadLimits | None = None,
    header_row: int | None = None,
    skip_footer: int = 0,
    delimiter: str | None = None,
) -> Iterator[T | RejectedRow | SkippedRow]:
    r"""Like :func:`load`, one row at a time: each record, :class:`RejectedRow` or :class:`SkippedRow`, in file order.

    Nothing is kept, so memory stays flat however long the file — except the
    keys remembered to find duplicates (one per row); pass ``key=False`` when
    duplicates do not matter or are checked elsewhere. Problems with the whole
    file (unreadable, ``io.too_large``) are raised when the iteration meets them.

    >>> import io
    >>> from minzheng.io import RosterRow
    >>> text = "身份证号,姓名\n620521198502101233,王建国\n620521198502101239,李芳\n合计,2人\n"
    >>> for item in iter_load(io.StringIO(text), RosterRow, format="csv", key=False):
    ...     print(type(item).__name__, getattr(item, "row", ""))
    RosterRow
    RejectedRow 3
    SkippedRow 4
    """
    options = _Options(
        columns, format, encoding, sheet, key, progress, limits, header_row, skip_footer, delimiter
    )
    yield from _load_rows(source, record_type, options, {}, {})


_APOSTROPHES = ("'", "\u2018", "\u2019")


def _prepare(value: Any, kind: str) -> Any:
    """A cell as the value to structure (``None`` when missing): tolerant of how it was stored."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if text.startswith(_APOSTROPHES):
            text = text[1:].strip()
        return text or None
    if is_missing(value):
        return None
    if isinstance(value, datetime.datetime):
        if kind == "date" and value.time() == datetime.time():
            return value.date()
        return cell_text(value)
    if isinstance(value, datetime.date):
        return value if kind == "date" else value.isoformat()
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, numbers.Number):
        if kind == "id":
            return value  # the identity-number hook names what Excel did to it
        if kind == "date":
            return _serial_date(value)
        return cell_text(value) if isinstance(value, float | int) else str(value)
    if isinstance(value, dict | list):
        return value
    return str(value)


_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def _serial_date(value: Any) -> Any:
    """A number in a date column: ``20250301`` as digits, else an Excel serial day number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not number.is_integer():
        return cell_text(number)  # a time of day, or not a date: the date hook refuses it
    whole = int(number)
    if 19000101 <= whole <= 29991231:
        return str(whole)
    if 1 <= whole <= 2_958_465:  # 1900-01-01 … 9999-12-31
        return _EXCEL_EPOCH + datetime.timedelta(days=whole)
    return str(whole)


def _display(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, default=str)
    if is_missing(value):
        return ""
    return cell_text(value)


def _resolver(
    wanted: set[str], columns: Mapping[str, str] | None
) -> tuple[Callable[[str], str | None], list[str]]:
    """``resolve(header) → field`` (by name, preset or the caller's ``columns``) and the known names."""
    mapping = {clean_header(k): v for k, v in COLUMN_PRESETS.items() if v in wanted}
    mapping.update({clean_header(k): v for k, v in (columns or {}).items()})
    cache: dict[str, str | None] = {}

    def resolve(header: str) -> str | None:
        if header not in cache:
            found = None
            for name in (header, *header_variants(clean_header(header))):
                if name in wanted:
                    found = name
                    break
                field = mapping.get(name)
                if field is not None and field in wanted:
                    found = field
                    break
            if len(cache) < 10_000:
                cache[header] = found
            return found
        return cache[header]

    names = list(dict.fromkeys([*mapping, *sorted(wanted)]))
    return resolve, names


def _load_rows(
    source: Any,
    record_type: type[T],
    options: _Options,
    ignored: dict[str, None],
    info: dict[str, Any],
) -> Iterator[T | RejectedRow | SkippedRow]:
    from minzheng.io.roster import RosterRow

    _check_options(options)
    limits = options.limits or LoadLimits()
    wanted = _fields(record_type)
    kinds = _kinds(record_type)
    kind = options.format or _guess_format(source)
    if kind == "tsv":
        kind = "csv"
    if isinstance(source, str | os.PathLike) and not Path(source).is_file():
        raise InvalidValue("io.no_file", field="source", value=str(source))
    resolve, known_names = _resolver(wanted, options.columns)
    if kind == "jsonl":
        rows = _guarded(read_rows(kind, source, encoding=options.encoding, limits=limits), source)
    else:
        grid = read_grid(
            kind,
            source,
            encoding=options.encoding,
            sheet=options.sheet,
            delimiter=options.delimiter,
            limits=limits,
        )
        rows = _guarded(
            arrange(
                grid,
                known=resolve,
                known_names=known_names,
                limits=limits,
                header_row=options.header_row,
                skip_footer=options.skip_footer,
                info=info,
            ),
            source,
        )
    key = options.key
    if key is None and record_type is RosterRow:
        key = "key"
    conv = text_converter() if kind != "jsonl" else converter()
    seen: dict[Any, int] = {}
    for count, (number, raw) in enumerate(
        _progress(rows, options.progress, record_type.__name__), 1
    ):
        if count > limits.max_rows:
            raise InvalidValue(
                "io.too_large", field="rows", value=str(count), params={"limit": limits.max_rows}
            )
        if SKIP in raw:
            yield SkippedRow(row=number, reason=str(raw[SKIP]))
            continue
        cells = {k: v for k, v in raw.items() if not k.startswith(MARK)}
        shown = {k: _display(v) for k, v in cells.items()}
        errors = [
            RecordError(
                path="$",
                error=InvalidValue(
                    marker.removeprefix(MARK),
                    field="row",
                    value=str(value[0]) if marker in _PLAIN else mask_text(str(value)),
                    params={"limit": value[1]} if marker in _PLAIN else None,
                ),
            )
            for marker, value in raw.items()
            if marker.startswith(MARK)
        ]
        data: dict[str, Any] = {}
        for header, value in cells.items():
            if len(shown[header]) > limits.max_cell_chars:
                errors.append(_too_long(header, limits.max_cell_chars, shown[header]))
                continue
            field = header if header in wanted else resolve(header)
            if field is None:
                ignored.setdefault(header)
                continue
            if field in _PERSONAL_FIELDS:
                info.setdefault("personal", {}).setdefault(header, field)
            prepared = value if kind == "jsonl" else _prepare(value, kinds.get(field, "text"))
            if prepared is None or prepared == "":
                continue
            if isinstance(prepared, str) and "\ufffd" in prepared:
                errors.append(
                    RecordError(
                        path=field,
                        error=InvalidValue("io.encoding", field=field, value=mask_text(prepared)),
                    )
                )
                continue
            data[field] = prepared
        record: T | None = None
        if not errors:
            try:
                record = structure_with(conv, data, record_type)
            except InvalidRecords as exc:
                errors += [RecordError(path=_field_path(e), error=e.error) for e in exc.errors]
        if record is not None and key is not False:
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
            for kept in [h for h, v in shown.items() if len(v) > limits.max_cell_chars]:
                shown[kept] = shown[kept][: limits.max_cell_chars]
            yield RejectedRow(row=number, cells=shown, errors=tuple(errors))
        elif record is not None:
            yield record


def _too_long(header: str, limit: int, text: str) -> RecordError:
    error = InvalidValue(
        "io.too_large", field=header, value=str(len(text)), params={"limit": limit}
    )
    return RecordError(path=header, error=error)


def _guarded(rows: Rows, source: Any) -> Rows:
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
