"""Vectorised validation of whole columns: one pass per check, one error table for all rows.

The bulk path for millions of rows. Each check runs as Arrow compute kernels
over the column and reports, for every bad row, the same error code the object
path raises (``resident_id.checksum``, ``credit_code.org_checksum`` …) — the
first failing check in the object path's order. The result is an Arrow table
with columns ``row``, ``field``, ``code``.

>>> import pyarrow as pa
>>> table = pa.table({"id": ["11010519491231002X", "110105194912310021", None, "110105491231002"]})
>>> validate_table(table, {"id": "resident_id"}).to_pylist()
[{'row': 1, 'field': 'id', 'code': 'resident_id.checksum'}, {'row': 2, 'field': 'id', 'code': 'resident_id.type'}]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from minzheng.errors import InvalidValue
from minzheng.frames.schema import _pa
from minzheng.ids.credit_code import _ORG_WEIGHTS, ALPHABET
from minzheng.ids.resident_id import EARLIEST_BIRTH_DATE

__all__ = ["CHECKS", "validate_column", "validate_table"]

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"  # check character by weighted sum % 11
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_FULL = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_AUTHORITIES = "123456789ANY"
_STRICT_KINDS = ("51", "52", "53", "59", "91", "92", "93")


_SEPARATORS = "[ \t\n\r\u3000-]"  # the characters compact() strips, as an RE2 class


def _pc() -> Any:
    import pyarrow.compute as pc

    return pc


class _Codes:
    """Assigns each row the first error code that applies (earlier checks win).

    Codes are kept as small integers in a NumPy array and turned into strings once.
    """

    def __init__(self, n: int) -> None:
        import numpy as np

        self._np = np
        self.index = np.zeros(n, dtype=np.int16)
        self.names: list[str] = []

    def add(self, mask: Any, code: str) -> None:
        np = self._np
        if not isinstance(mask, np.ndarray):
            mask = _pc().fill_null(mask, False).to_numpy(zero_copy_only=False)
        if code not in self.names:
            self.names.append(code)
        self.index[(self.index == 0) & mask] = self.names.index(code) + 1

    def open(self) -> Any:
        """Rows without an error so far, as an Arrow boolean array."""
        return _pa().array(self.index == 0)

    @property
    def codes(self) -> Any:
        pa = _pa()
        return _pc().take(pa.array([None, *self.names], type=pa.string()), pa.array(self.index))


def _mod(values: Any, modulus: int) -> Any:
    """Non-negative remainders (Arrow's integer ``divide`` truncates)."""
    pc = _pc()
    return pc.subtract(values, pc.multiply(pc.divide(values, modulus), modulus))


def _char(strings: Any, i: int) -> Any:
    return _pc().utf8_slice_codeunits(strings, start=i, stop=i + 1)


def _digits_value(strings: Any, start: int, stop: int) -> Any:
    pc = _pc()
    return pc.cast(pc.utf8_slice_codeunits(strings, start=start, stop=stop), "int64")


def _normalised(column: Any, canonical_pattern: str) -> Any:
    """Strip separators and upper-case — only on the rows not already in canonical form."""
    pc = _pc()
    filled = pc.fill_null(column, "")
    need = pc.invert(pc.match_substring_regex(filled, pattern=canonical_pattern))
    if not pc.any(need).as_py():
        return filled
    fixed = pc.utf8_upper(
        pc.replace_substring_regex(pc.filter(filled, need), pattern=_SEPARATORS, replacement="")
    )
    return pc.replace_with_mask(filled, need, fixed)


def _byte_matrix(text: Any, width: int, rows: Any) -> Any:
    """The first ``width`` bytes of each selected row as an ``(n, width)`` uint8 matrix (zeros elsewhere)."""
    import numpy as np

    pa = _pa()
    binary = text.cast(pa.binary())
    offsets = np.frombuffer(binary.buffers()[1], dtype=np.int32)[
        binary.offset : binary.offset + len(binary) + 1
    ]
    data = (
        np.frombuffer(binary.buffers()[2], dtype=np.uint8)
        if binary.buffers()[2] is not None
        else np.zeros(1, np.uint8)
    )
    if rows.all() and (np.diff(offsets) == width).all():
        # the common case: every value exactly ``width`` bytes, back to back — a reshape, no copy
        start = int(offsets[0])
        return data[start : start + width * len(binary)].reshape(len(binary), width)
    matrix = np.full((len(binary), width), ord("0"), dtype=np.uint8)
    if rows.any():
        starts = offsets[:-1][rows]
        matrix[rows] = data[starts[:, None] + np.arange(width)]
    return matrix


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _resident_id(column: Any) -> Any:
    import numpy as np

    pa, pc = _pa(), _pc()
    n = len(column)
    codes = _Codes(n)
    if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
        codes.add(pa.array([True] * n), "resident_id.type")
        return codes.codes
    if column.type != pa.string():
        column = column.cast(pa.string())
    codes.add(pc.is_null(column), "resident_id.type")
    text = _normalised(column, r"^[0-9]{17}[0-9X]$")
    length = pc.utf8_length(text).to_numpy(zero_copy_only=False)
    legacy = length == 15
    codes.add(pa.array((length != 18) & ~legacy), "resident_id.length")
    ok18 = pc.match_substring_regex(text, pattern=r"^[0-9]{17}[0-9X]$").to_numpy(
        zero_copy_only=False
    )
    ok15 = legacy & pc.match_substring_regex(text, pattern=r"^[0-9]{15}$").to_numpy(
        zero_copy_only=False
    )
    codes.add(pa.array(~np.where(legacy, ok15, ok18)), "resident_id.format")
    good18, good15 = ok18 & (length == 18), ok15
    matrix = _byte_matrix(text, 18, good18)
    if good15.any():
        matrix = matrix.copy()  # legacy: insert the century 19 after the address code
        short = _byte_matrix(text, 15, good15)
        matrix[good15, :6] = short[good15, :6]
        matrix[good15, 6:8] = (ord("1"), ord("9"))
        matrix[good15, 8:17] = short[good15, 6:15]
    digits = matrix[:, :17].astype(np.int32) - ord("0")
    remainder = (digits @ np.array(_ID_WEIGHTS, dtype=np.int32)) % 11
    expected = np.frombuffer(_ID_CHECK.encode(), dtype=np.uint8)[remainder]
    last = np.where(good15, expected, matrix[:, 17])
    checked = good18 | good15
    codes.add(pa.array(checked & (last != expected)), "resident_id.checksum")
    codes.add(pa.array(checked & (matrix[:, 0] == ord("0"))), "resident_id.address")
    year = digits[:, 6] * 1000 + digits[:, 7] * 100 + digits[:, 8] * 10 + digits[:, 9]
    month = digits[:, 10] * 10 + digits[:, 11]
    day = digits[:, 12] * 10 + digits[:, 13]
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    valid_month = (month >= 1) & (month <= 12)
    days = np.array(_MONTH_DAYS, dtype=np.int64)[np.where(valid_month, month, 0)] + (
        leap & (month == 2)
    )
    real = valid_month & (day >= 1) & (day <= days)
    codes.add(pa.array(checked & ~real), "resident_id.birth_date")
    earliest = (
        EARLIEST_BIRTH_DATE.year * 10000 + EARLIEST_BIRTH_DATE.month * 100 + EARLIEST_BIRTH_DATE.day
    )
    codes.add(
        pa.array(checked & (year * 10000 + month * 100 + day < earliest)),
        "resident_id.birth_date_early",
    )
    return codes.codes


def _credit_code(column: Any) -> Any:
    pa, pc = _pa(), _pc()
    n = len(column)
    codes = _Codes(n)
    codes.add(pc.is_null(column), "credit_code.type")
    text = pc.utf8_upper(
        pc.replace_substring_regex(pc.fill_null(column, ""), pattern=_SEPARATORS, replacement="")
    )
    codes.add(pc.not_equal(pc.utf8_length(text), 18), "credit_code.length")
    allowed = "".join(ALPHABET)
    pattern = f"^[{allowed}]{{2}}[0-9]{{6}}[{allowed}]{{10}}$"
    codes.add(pc.invert(pc.match_substring_regex(text, pattern=pattern)), "credit_code.format")
    safe = pc.if_else(codes.open(), text, "000000000000000000")
    alphabet = pa.array(list(ALPHABET))
    total = pa.array([0] * n, type=pa.int64())
    for i, weight in enumerate(_USCC_WEIGHTS):
        value = pc.cast(pc.index_in(_char(safe, i), value_set=alphabet), "int64")
        total = pc.add(total, pc.multiply(value, weight))
    check_value = _mod(pc.subtract(31, _mod(total, 31)), 31)
    expected = pc.take(alphabet, check_value)
    codes.add(
        pc.and_(codes.open(), pc.not_equal(_char(safe, 17), expected)), "credit_code.checksum"
    )
    authority = _char(safe, 0)
    codes.add(
        pc.and_(
            codes.open(), pc.invert(pc.is_in(authority, value_set=pa.array(list(_AUTHORITIES))))
        ),
        "credit_code.authority",
    )
    kind = pc.utf8_slice_codeunits(safe, 0, 2)
    strict = pc.is_in(authority, value_set=pa.array(["5", "9"]))
    codes.add(
        pc.and_(
            pc.and_(codes.open(), strict),
            pc.invert(pc.is_in(kind, value_set=pa.array(list(_STRICT_KINDS)))),
        ),
        "credit_code.org_kind",
    )
    full = pa.array(list(_FULL))
    org_total = pa.array([0] * n, type=pa.int64())
    for i, weight in enumerate(_ORG_WEIGHTS):
        value = pc.cast(pc.index_in(_char(safe, 8 + i), value_set=full), "int64")
        org_total = pc.add(org_total, pc.multiply(value, weight))
    org_check = pc.subtract(11, _mod(org_total, 11))
    org_expected = pc.if_else(
        pc.equal(org_check, 10),
        "X",
        pc.if_else(pc.equal(org_check, 11), "0", pc.cast(org_check, "string")),
    )
    codes.add(
        pc.and_(codes.open(), pc.not_equal(_char(safe, 16), org_expected)),
        "credit_code.org_checksum",
    )
    return codes.codes


def _division(column: Any) -> Any:
    pa, pc = _pa(), _pc()
    from minzheng.divisions import registry

    codes = _Codes(len(column))
    text = pc.fill_null(pc.cast(column, pa.string()), "")
    codes.add(pc.invert(pc.match_substring_regex(text, pattern=r"^[0-9]{6}$")), "division.format")
    known = pa.array(sorted(registry()._entries))
    codes.add(pc.and_(codes.open(), pc.invert(pc.is_in(text, value_set=known))), "division.unknown")
    return codes.codes


def _amount(column: Any) -> Any:
    pa, pc = _pa(), _pc()
    codes = _Codes(len(column))
    if pa.types.is_floating(column.type):
        codes.add(pa.array([True] * len(column)), "amount.float")
        return codes.codes
    if pa.types.is_decimal(column.type) or pa.types.is_integer(column.type):
        codes.add(pc.is_null(column), "amount.type")
        return codes.codes
    text = pc.utf8_trim_whitespace(pc.fill_null(pc.cast(column, pa.string()), ""))
    codes.add(
        pc.invert(pc.match_substring_regex(text, pattern=r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")),
        "amount.format",
    )
    return codes.codes


#: Column kinds and their vectorised checks.
CHECKS = {
    "resident_id": _resident_id,
    "credit_code": _credit_code,
    "division": _division,
    "amount": _amount,
}


def validate_column(column: Any, kind: str) -> Any:
    """The error code of every row of ``column`` (null when the value is valid), as an Arrow array.

    >>> import pyarrow as pa
    >>> validate_column(pa.array(["53100000500021676K", "53100000500021676L"]), "credit_code").to_pylist()
    [None, 'credit_code.checksum']
    """
    pa = _pa()
    if kind not in CHECKS:
        raise InvalidValue("frames.unknown_check", field="kind", value=kind)
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    return CHECKS[kind](column)


def validate_table(table: Any, columns: Mapping[str, str]) -> Any:
    """Check the named columns; one row per bad value: ``row``, ``field`` (the column), ``code``.

    >>> import pyarrow as pa
    >>> validate_table(pa.table({"d": ["620521", "999999", "62052"]}), {"d": "division"}).column("code").to_pylist()
    ['division.unknown', 'division.format']
    """
    pa, pc = _pa(), _pc()
    parts = []
    for name, kind in columns.items():
        codes = validate_column(table.column(name), kind)
        bad = pc.invert(pc.is_null(codes))
        rows = pc.indices_nonzero(bad)
        parts.append(
            pa.table(
                {
                    "row": pc.cast(rows, pa.int64()),
                    "field": pa.array([name] * len(rows), pa.string()),
                    "code": pc.take(codes, rows),
                }
            )
        )
    if not parts:
        return pa.table(
            {
                "row": pa.array([], pa.int64()),
                "field": pa.array([], pa.string()),
                "code": pa.array([], pa.string()),
            }
        )
    return pa.concat_tables(parts).sort_by([("row", "ascending"), ("field", "ascending")])
