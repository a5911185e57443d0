r"""Load bureau exports — CSV (UTF-8 or GB18030), JSON Lines, Excel, Parquet, data frames — as records.

Every row is accounted for: ``result.read == len(result.accepted) + len(result.rejected)``.
A rejected row keeps its row number (as the clerk sees it: the header is row 1;
for JSON Lines, the line), its original cells and every problem — field, code and a message in the chosen
locale — and :meth:`LoadResult.write_rejects` writes them back to CSV or Excel
to be fixed, with no cell that could run as a formula. Good rows are never
dropped or altered because of bad ones. Files are read as streams within
:class:`LoadLimits` (``io.too_large`` past them); :func:`iter_load` yields rows
one at a time for files larger than memory.

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

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import attrs

from minzheng._extras import require
from minzheng._validators import typed_fields
from minzheng.errors import InvalidRecords, InvalidValue, MinzhengError, RecordError
from minzheng.io._cells import cell_text, write_csv, write_xlsx
from minzheng.io._limits import LoadLimits
from minzheng.io._readers import MARK, Rows, read_rows
from minzheng.io._text_converter import text_converter
from minzheng.io.converter import converter, structure_with
from minzheng.io.roster import COLUMN_PRESETS
from minzheng.privacy import mask_numbers, mask_text

__all__ = ["LoadLimits", "LoadResult", "RejectedRow", "iter_load", "load", "text_converter"]

T = TypeVar("T")

_FORMATS = ("csv", "jsonl", "xlsx", "xls", "parquet")
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


@attrs.frozen(repr=False, field_transformer=typed_fields)
class LoadResult(Generic[T]):
    """Accepted records and rejected rows; ``read`` is always their sum.

    ``repr`` gives the counts only (the records hold personal data).
    ``personal_columns`` maps the headers of personal data (identity number,
    name, birth date, phone, address) to their fields, for
    :meth:`write_rejects` to mask.

    >>> LoadResult(accepted=(), rejected=(), ignored_columns=()).read
    0
    >>> LoadResult(accepted=(1, 2), rejected=(), ignored_columns=("备注",))
    LoadResult(read=2, accepted=2, rejected=0, ignored_columns=('备注',))
    """

    accepted: tuple[T, ...]
    rejected: tuple[RejectedRow, ...]
    ignored_columns: tuple[str, ...]
    personal_columns: Mapping[str, str] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        return (
            f"LoadResult(read={self.read}, accepted={len(self.accepted)}, "
            f"rejected={len(self.rejected)}, ignored_columns={self.ignored_columns!r})"
        )

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
    if suffix in _FORMATS:
        return suffix
    if suffix in ("txt", "tsv"):
        return "csv"
    raise InvalidValue("io.format", field="source", value=Path(source).name)


# -- the loader ------------------------------------------------------------------------------


def _fields(record_type: type) -> set[str]:
    if attrs.has(record_type):
        return {f.alias or f.name for f in attrs.fields(record_type) if f.init}
    raise InvalidValue(
        "io.record_type", field="record_type", value=getattr(record_type, "__name__", "?")
    )


def _progress(rows: Rows, enabled: bool, label: str) -> Rows:
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
    key: str | Callable[[T], Any] | Literal[False] | None = None,
    progress: bool = False,
    limits: LoadLimits | None = None,
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

    The file is read as a stream, but the result keeps every record: for files
    larger than memory use :func:`iter_load`.

    >>> from minzheng.io import RosterRow
    >>> load("roster.doc", RosterRow)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: source：无法识别的文件格式：roster.doc
    """
    accepted: list[T] = []
    rejected: list[RejectedRow] = []
    ignored: dict[str, None] = {}  # ordered, and linear however many headers
    personal: dict[str, str] = {}  # header → personal field, for masking reject files
    for item in _load_rows(
        source,
        record_type,
        columns,
        format,
        encoding,
        sheet,
        key,
        progress,
        limits,
        ignored,
        personal,
    ):
        if isinstance(item, RejectedRow):
            rejected.append(item)
        else:
            accepted.append(item)
    return LoadResult(
        accepted=tuple(accepted),
        rejected=tuple(rejected),
        ignored_columns=tuple(ignored),
        personal_columns=personal,
    )


def iter_load(
    source: Any,
    record_type: type[T],
    *,
    columns: Mapping[str, str] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    key: str | Callable[[T], Any] | Literal[False] | None = None,
    progress: bool = False,
    limits: LoadLimits | None = None,
) -> Iterator[T | RejectedRow]:
    r"""Like :func:`load`, one row at a time: each record or :class:`RejectedRow`, in file order.

    Nothing is kept, so memory stays flat however long the file — except the
    keys remembered to find duplicates (one per row); pass ``key=False`` when
    duplicates do not matter or are checked elsewhere. Problems with the whole
    file (unreadable, ``io.too_large``) are raised when the iteration meets them.

    >>> import io
    >>> from minzheng.io import RosterRow
    >>> text = "身份证号,姓名\n620521198502101233,王建国\n620521198502101239,李芳\n"
    >>> for item in iter_load(io.StringIO(text), RosterRow, format="csv", key=False):
    ...     print(type(item).__name__, getattr(item, "row", ""))
    RosterRow
    RejectedRow 3
    """
    yield from _load_rows(
        source, record_type, columns, format, encoding, sheet, key, progress, limits, {}, {}
    )


def _load_rows(
    source: Any,
    record_type: type[T],
    columns: Mapping[str, str] | None,
    format: str | None,
    encoding: str | None,
    sheet: str | None,
    key: str | Callable[[T], Any] | Literal[False] | None,
    progress: bool,
    limits: LoadLimits | None,
    ignored: dict[str, None],
    personal: dict[str, str],
) -> Iterator[T | RejectedRow]:
    from minzheng.io.roster import RosterRow

    limits = limits or LoadLimits()
    wanted = _fields(record_type)
    kind = format or _guess_format(source)
    if isinstance(source, str | os.PathLike) and not Path(source).is_file():
        raise InvalidValue("io.no_file", field="source", value=str(source))
    rows = _guarded(read_rows(kind, source, encoding=encoding, sheet=sheet, limits=limits), source)
    mapping = {**COLUMN_PRESETS, **(columns or {})}
    if key is None and record_type is RosterRow:
        key = "key"
    conv = text_converter() if kind != "jsonl" else converter()
    seen: dict[Any, int] = {}
    for count, (number, raw) in enumerate(_progress(rows, progress, record_type.__name__), 1):
        if count > limits.max_rows:
            raise InvalidValue(
                "io.too_large", field="rows", value=str(count), params={"limit": limits.max_rows}
            )
        cells = {k: v for k, v in raw.items() if not k.startswith(MARK)}
        shown = {
            k: v
            if isinstance(v, str)
            else json.dumps(v, default=str)
            if isinstance(v, dict | list)
            else cell_text(v)
            for k, v in cells.items()
        }
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
            field = header if header in wanted else mapping.get(header, header)
            if field not in wanted:
                ignored.setdefault(header)
                continue
            if field in _PERSONAL_FIELDS:
                personal.setdefault(header, field)
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
