"""Chinese numerals for article numbers (第九条, 第一百零三条).

>>> chinese_numeral(9), chinese_numeral(19), chinese_numeral(47), chinese_numeral(103), chinese_numeral(1259)
('九', '十九', '四十七', '一百零三', '一千二百五十九')
"""

from __future__ import annotations

from minzheng.errors import InvalidValue

__all__ = ["chinese_numeral"]

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """The Chinese numeral of 1 ≤ n ≤ 9999, as statutes number their articles.

    >>> chinese_numeral(10), chinese_numeral(110), chinese_numeral(1000)
    ('十', '一百一十', '一千')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 9999:
        raise InvalidValue("value.invalid", field="article", value=n)
    if n < 20:
        return ("十" if n >= 10 else "") + (_DIGITS[n % 10] if n % 10 or n < 10 else "")
    parts: list[str] = []
    rest = n
    zero_pending = False
    for value, unit in _UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            parts.append(_DIGITS[digit] + unit)
        elif parts and rest:
            zero_pending = True
    if rest:
        if zero_pending:
            parts.append("零")
        parts.append(_DIGITS[rest])
    return "".join(parts)
