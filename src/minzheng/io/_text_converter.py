"""The converter for spreadsheet cells: text for booleans, integers, dates and code terms."""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from typing import Any

import cattrs

from minzheng.codes import CodeEnum
from minzheng.errors import InvalidValue
from minzheng.io.converter import LIMITS, _clip, converter

__all__ = ["text_converter"]

_YES = {"是", "有", "true", "True", "TRUE", "1", "y", "Y", "yes", "√"}
_NO = {"否", "无", "false", "False", "FALSE", "0", "n", "N", "no", "×"}
_SLASH_DATE = re.compile(r"^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$")
_DIGIT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


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
    if re.fullmatch(r"-?[0-9]+(\.0+)?", text):
        digits = len(text.lstrip("-").split(".")[0].lstrip("0"))
        if digits > LIMITS.max_int_digits:  # bounded before conversion: no 10⁵-digit ints
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
    from minzheng.codes import all_code_enums

    conv = converter().copy()
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(datetime.date, _structure_text_date)
    for code_list in all_code_enums():
        conv.register_structure_hook(code_list, _structure_code)
    return conv
