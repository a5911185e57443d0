"""Explain any identity number, credit code, division or statistical code (``minzheng inspect``).

The kind is recognised from the shape of the text; valid or not, the result says
what the code holds or why it is invalid, in the chosen locale. Identity and
disability certificate numbers are masked unless ``reveal`` is set — and so is
the birth date they hold: the eight masked digits *are* the birth date, so
without ``reveal`` only the year of birth is shown (and the age on ``on``, when
given); text of no known kind (a name, a phone number) is masked too.

>>> result = inspect_code("11010519491231002X", locale="en", on=datetime.date(2025, 6, 1))
>>> result.kind, result.valid, result.shown
('resident_id', True, '110105********002X')
>>> fields = dict(result.fields)
>>> fields["Sex"], fields["Year of birth"], fields["Age"]
('Female', '1949', '75')
>>> dict(inspect_code("11010519491231002X", locale="en", reveal=True).fields)["Birth date"]
'December 31, 1949'
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import attrs

from minzheng import divisions
from minzheng.divisions import Division, StatCode
from minzheng.errors import InvalidValue, MinzhengError
from minzheng.i18n import format_date
from minzheng.i18n import ui_text as t
from minzheng.ids.credit_code import CreditCode
from minzheng.ids.disability_certificate import DisabilityCertificateNo
from minzheng.ids.resident_id import ResidentId
from minzheng.privacy import mask_resident_id, mask_text

__all__ = ["Inspection", "inspect_code"]

_KIND_TITLES = {
    "resident_id": "居民身份号码",
    "credit_code": "统一社会信用代码",
    "disability_certificate": "残疾人证号",
    "division": "行政区划代码",
    "stat_code": "统计用区划代码",
    "unknown": "无法识别的代码",
}
_ID_SHAPE = re.compile(r"^[0-9]{14,19}X?$")


@attrs.frozen(kw_only=True)
class Inspection:
    """What :func:`inspect_code` found: the kind, validity, fields or the error.

    ``text`` (the input as given) is left out of ``repr``; ``shown`` is the input
    as printed (masked unless revealed).

    >>> inspect_code("999999").valid
    False
    >>> inspect_code("11010519491231002X")  # doctest: +ELLIPSIS
    Inspection(shown='110105********002X', kind='resident_id', valid=True, ...)
    """

    text: str = attrs.field(repr=False)
    shown: str
    kind: str
    valid: bool
    fields: tuple[tuple[str, str], ...] = ()
    error: MinzhengError | None = None
    locale: str = "zh_Hans"

    @property
    def title(self) -> str:
        """The localised name of the kind of code.

        >>> inspect_code("620521", locale="en").title
        'Administrative division code'
        """
        return t(_KIND_TITLES[self.kind], self.locale)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the input stays masked unless revealed).

        >>> inspect_code("620521").to_dict()["kind"]
        'division'
        """
        return {
            "input": self.shown,
            "kind": self.kind,
            "valid": self.valid,
            "fields": dict(self.fields),
            "error": self.error.to_dict(self.locale) if self.error else None,
        }


def _classify(text: str) -> str:
    n = len(text)
    if n == 20:
        return "disability_certificate"
    if n == 18 and not ResidentId.is_valid(text) and CreditCode.is_valid(text):
        return "credit_code"
    if n == 18 and not _ID_SHAPE.match(text):
        return "credit_code"
    if _ID_SHAPE.match(text) and n not in (6, 9, 12):
        return "resident_id"
    if text.isascii() and text.isdigit() and n == 6:
        return "division"
    if text.isascii() and text.isdigit() and n in (9, 12):
        return "stat_code"
    return "unknown"


def _years(division: Division, locale: str) -> str:
    start = str(division.valid_from) if division.valid_from else t("此前", locale)
    end = str(division.valid_to) if division.valid_to else t("至今", locale)
    return f"{start}–{end}"


def _division_fields(division: Division | None, locale: str) -> list[tuple[str, str]]:
    if division is None:
        return [(t("行政区划", locale), t("不在历史代码表中（可能已撤销）", locale))]
    return [(t("行政区划", locale), f"{division.code} {division.full_name}")]


def _birth_fields(
    rid: ResidentId, locale: str, reveal: bool, on: datetime.date | None
) -> list[tuple[str, str]]:
    if reveal:
        fields = [(t("出生日期", locale), format_date(rid.birth_date, locale))]
    else:
        fields = [(t("出生年份", locale), str(rid.birth_date.year))]
    if on is not None and on >= rid.birth_date:
        fields.append((t("年龄", locale), str(rid.age_on(on))))
    return fields


def _resident_fields(
    rid: ResidentId, locale: str, reveal: bool = False, on: datetime.date | None = None
) -> list[tuple[str, str]]:
    fields = [
        (t("种类", locale), rid.kind.label(locale)),
        (t("地址码", locale), rid.address_code),
        *_division_fields(rid.division, locale),
        *_birth_fields(rid, locale, reveal, on),
        (t("性别", locale), rid.sex.label(locale)),
        (t("顺序码", locale), rid.sequence),
        (t("校验码", locale), rid.check_character),
    ]
    if rid.legacy:
        fields.append((t("由15位旧号码转换", locale), t("是", locale)))
    if rid.century_uncertain:
        fields.append((t("世纪存疑（旧号码百岁老人顺序码）", locale), t("是", locale)))
    return fields


def _credit_fields(code: CreditCode, locale: str) -> list[tuple[str, str]]:
    kind = code.org_kind
    if code.is_national:
        registering = f"{code.division_code} {t('全国', locale)}"
    else:
        found = code.division
        registering = f"{code.division_code} {found.full_name if found else ''}".strip()
    return [
        (t("登记管理部门", locale), f"{code.authority.value} {code.authority.label(locale)}"),
        (t("机构类别", locale), f"{code.value[1]} {kind.label(locale) if kind else ''}".strip()),
        (t("登记管理机关", locale), registering),
        (t("组织机构代码", locale), code.organisation_code),
        (t("校验码", locale), code.value[17]),
    ]


def _certificate_fields(
    cert: DisabilityCertificateNo, locale: str, reveal: bool, on: datetime.date | None
) -> list[tuple[str, str]]:
    holder = cert.resident_id
    return [
        (t("持证人身份号码", locale), holder.value if reveal else str(holder)),
        (t("残疾类别", locale), f"{cert.category.value} {cert.category.label(locale)}"),
        (t("残疾等级", locale), f"{cert.grade.value} {cert.grade.label(locale)}"),
        *_resident_fields(holder, locale, reveal, on)[1:-2],
    ]


def _division_code_fields(code: str, locale: str) -> list[tuple[str, str]]:
    division = divisions.get(code)
    parent = division.parent
    fields = [
        (t("名称", locale), division.full_name),
        (t("级别", locale), division.level.label(locale)),
        (t("有效年份", locale), _years(division, locale)),
    ]
    if parent is not None:
        fields.append((t("上级", locale), f"{parent.code} {parent.name}"))
    earlier = divisions.history(code)[:-1]
    if earlier:
        fields.append(
            (t("历史名称", locale), "; ".join(f"{d.name} ({_years(d, locale)})" for d in earlier))
        )
    return fields


def _stat_fields(code: StatCode, locale: str) -> list[tuple[str, str]]:
    fields = _division_fields(code.county, locale)
    fields[0] = (t("所属县级区划", locale), fields[0][1])
    if code.township_kind is not None:
        fields.append((t("乡级", locale), f"{code.value[6:9]} {code.township_kind.label(locale)}"))
    if code.village_kind is not None:
        fields.append((t("村级", locale), f"{code.value[9:12]} {code.village_kind.label(locale)}"))
    return fields


#: The longest text :func:`inspect_code` reads (a code with generous separators).
_MAX_INSPECT_CHARS = 64


def inspect_code(
    text: str, *, locale: str = "zh_Hans", reveal: bool = False, on: datetime.date | None = None
) -> Inspection:
    """Recognise and explain one code. Never raises for bad input: the error is in the result.

    ``reveal`` shows identity numbers and birth dates in full; ``on`` adds the
    holder's age on that day (the command line passes today).

    >>> r = inspect_code("53100000500021676K", locale="en")
    >>> r.kind, r.valid, dict(r.fields)["Organisation category"]
    ('credit_code', True, '3 Foundation')
    >>> r = inspect_code("110105194912310021", locale="en")
    >>> r.valid, r.error.code, r.shown
    (False, 'resident_id.checksum', '110105********0021')
    """
    if not isinstance(text, str):
        error = InvalidValue(
            "value.type", field="code", value=type(text).__name__, params={"expected": "str"}
        )
        return Inspection(
            valid=False, error=error, text="", shown="", kind="unknown", locale=locale
        )
    # Every code is at most 22 characters; spaces and dashes aside, a longer text is none.
    compact = re.sub(r"[\s-]", "", text[:_MAX_INSPECT_CHARS]).upper()
    kind = _classify(compact) if len(text) <= _MAX_INSPECT_CHARS else "unknown"
    if reveal or kind not in ("resident_id", "disability_certificate", "unknown"):
        shown = compact
    elif kind == "unknown":
        shown = mask_text(compact)
    else:
        shown = mask_resident_id(compact)
    base: dict[str, Any] = {"text": text, "shown": shown, "kind": kind, "locale": locale}
    if kind == "unknown":
        return Inspection(valid=False, **base)
    try:
        if kind == "resident_id":
            fields = _resident_fields(ResidentId.parse(compact), locale, reveal, on)
        elif kind == "credit_code":
            fields = _credit_fields(CreditCode.parse(compact), locale)
        elif kind == "disability_certificate":
            fields = _certificate_fields(DisabilityCertificateNo.parse(compact), locale, reveal, on)
        elif kind == "division":
            fields = _division_code_fields(compact, locale)
        else:
            fields = _stat_fields(StatCode.parse(compact), locale)
    except MinzhengError as err:
        return Inspection(valid=False, error=err, **base)
    return Inspection(valid=True, fields=tuple(fields), **base)
