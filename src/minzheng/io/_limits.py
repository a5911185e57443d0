"""The bounds :func:`~minzheng.io.load` reads a file within."""

from __future__ import annotations

import attrs

__all__ = ["LoadLimits"]


#: The largest value any limit may take (a terabyte of text is past any export).
_CEILING = 1 << 40


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= _CEILING:
        from minzheng.errors import InvalidValue

        raise InvalidValue(
            "value.range",
            field=attribute.name,
            value=str(value)[:20],
            params={"min": 1, "max": _CEILING},
        )


@attrs.frozen
class LoadLimits:
    """How much of a file :func:`~minzheng.io.load` reads before it says ``io.too_large``.

    The defaults fit every bureau export we know of and stop hostile files
    (a workbook "bomb", a line of a billion commas) early, in time and memory.

    - ``max_rows`` — data rows (an Excel sheet holds 1,048,576); more is an error
      for the whole file. Empty rows of a workbook count: a sheet that claims row
      1,048,577 is refused without reading a million empty rows.
    - ``max_columns`` — headers (or keys of one JSON line); a wider header is an
      error for the whole file, a wider JSON line rejects that line.
    - ``max_cell_chars`` — characters in one cell (Excel's own cap is 32,767);
      a longer cell rejects its row.
    - ``max_row_chars`` — characters in one CSV record or JSON line; a longer one
      is rejected and skipped without being held in memory.
    - ``max_unpacked_bytes`` — the uncompressed size of an ``.xlsx`` (as its zip
      directory declares it, checked before parsing) or the size of an ``.xls``.

    >>> LoadLimits().max_cell_chars
    32767
    >>> LoadLimits(max_rows=10).max_rows
    10
    >>> LoadLimits(max_rows=0)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: max_rows：应为1至1099511627776的整数：0
    """

    max_rows: int = attrs.field(default=1_048_576, validator=_positive)
    max_columns: int = attrs.field(default=1_000, validator=_positive)
    max_cell_chars: int = attrs.field(default=32_767, validator=_positive)
    max_row_chars: int = attrs.field(default=1_048_576, validator=_positive)
    max_unpacked_bytes: int = attrs.field(default=512 * 1024 * 1024, validator=_positive)
