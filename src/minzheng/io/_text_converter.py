"""The converter for spreadsheet cells: text for booleans, integers, dates, amounts and code terms.

:data:`CODE_WORDS` holds the words bureau systems write for a code (城镇 for
urban, 农业户口 for rural …); it is data, and a caller may add to it:

>>> from minzheng.codes import Area
>>> CODE_WORDS[Area]["城镇"]
<Area.URBAN: 'urban'>
"""

from __future__ import annotations

import datetime
import functools
import numbers
import re
from decimal import Decimal
from typing import Any

import cattrs

from minzheng.codes import CodeEnum
from minzheng.errors import InvalidValue
from minzheng.io.converter import LIMITS, _clip, converter

__all__ = ["CODE_WORDS", "text_converter"]

_YES = {"是", "有", "true", "True", "TRUE", "1", "y", "Y", "yes", "√"}
_NO = {"否", "无", "false", "False", "FALSE", "0", "n", "N", "no", "×"}
_SLASH_DATE = re.compile(r"^(\d{4})([-/.年])(\d{1,2})([-/.月])(\d{1,2})日?$")
_DIGIT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MIDNIGHT = re.compile(r"^(.+?)(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)$")
_SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")  # an Excel serial day written out: 45717
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_MONEY = re.compile(r"^(?:人民币)?[￥¥]?(-?)[￥¥]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:元)?$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d{1,2}$")
_LOST_DIGITS = re.compile(r"^\d{15}000$")


def _code_words() -> dict[type[CodeEnum], dict[str, CodeEnum]]:
    from minzheng.codes import Area
    from minzheng.programmes import Programme

    urban, rural = Area.URBAN, Area.RURAL
    dibao, tekun = Programme.DIBAO, Programme.TEKUN
    return {
        Area: {
            **dict.fromkeys(
                ("城镇", "城区", "城市", "城镇户口", "城市户口", "非农", "非农业", "非农业户口"),
                urban,
            ),
            **dict.fromkeys(("乡村", "农村", "农村户口", "农业", "农业户口"), rural),
        },
        Programme: {
            **dict.fromkeys(("城市低保", "城镇低保", "农村低保", "低保户", "低保对象"), dibao),
            **dict.fromkeys(
                ("农村特困", "城市特困", "五保", "五保户", "分散供养", "集中供养", "特困对象"),
                tekun,
            ),
        },
    }


#: The words bureau exports use for codes, per code list: ``{Area: {"城镇": Area.URBAN, …}}``.
#: Looked up before the official codes and terms; add a county's own words here.
CODE_WORDS: dict[type[CodeEnum], dict[str, CodeEnum]] = _code_words()


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
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date()
    elif isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    day = ((m := _MIDNIGHT.match(text)) and m.group(1)) or text
    if (m := _SLASH_DATE.match(day)) is not None:
        try:
            return datetime.date(int(m.group(1)), int(m.group(3)), int(m.group(5)))
        except ValueError:
            pass
    elif (m := _DIGIT_DATE.match(day)) is not None:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    elif (m := _SERIAL.match(day)) is not None:
        return _EXCEL_EPOCH + datetime.timedelta(days=int(m.group(1)))
    from minzheng.errors import InvalidDate

    raise InvalidDate("date.format", field="date", value=text)


def _structure_amount(value: Any, _: Any) -> Decimal:
    """An amount as bureaus write it: ``￥1,290.50元``; anything else goes to the strict parser."""
    from minzheng.io.converter import _structure_decimal

    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if (m := _MONEY.match(text)) is not None:
            value = m.group(1) + m.group(2).replace(",", "") + (m.group(3) or "")
    return _structure_decimal(value, Decimal)


def _spreadsheet_number(value: object) -> Any:
    from minzheng.errors import InvalidFormat
    from minzheng.io._cells import cell_text
    from minzheng.privacy import mask_text

    text = cell_text(value) if not isinstance(value, str) else value
    return InvalidFormat(
        "resident_id.spreadsheet_number", field="resident_id", value=mask_text(text[:40])
    )


def _structure_resident_id(value: Any, _: Any) -> Any:
    """An identity number; one a spreadsheet stored as a number (digits lost) says so."""
    from minzheng.errors import InvalidChecksum
    from minzheng.ids import ResidentId

    if isinstance(value, ResidentId):
        return value
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        if isinstance(value, numbers.Integral) and ResidentId.is_valid(str(int(value))):
            return ResidentId.parse(
                str(int(value))
            )  # an exact integer (pandas' int64) lost nothing
        raise _spreadsheet_number(value)
    text = str(value).strip()
    if _SCIENTIFIC.match(text):
        raise _spreadsheet_number(text)
    try:
        return ResidentId.parse(text)
    except InvalidChecksum:
        if _LOST_DIGITS.match(text):
            raise _spreadsheet_number(text) from None
        raise


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
    found = CODE_WORDS.get(tp, {}).get(text) or _terms(tp).get(text)
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
    from minzheng.ids import ResidentId

    conv = converter().copy()
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(datetime.date, _structure_text_date)
    conv.register_structure_hook(Decimal, _structure_amount)
    conv.register_structure_hook(ResidentId, _structure_resident_id)
    for code_list in all_code_enums():
        conv.register_structure_hook(code_list, _structure_code)
    return conv
