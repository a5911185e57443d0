"""``minzheng inspect``: explain any identity number, credit code, division or statistical code.

The kind is recognised from the shape of the text; valid or not, the result says
what the code holds or why it is invalid, in the chosen locale. Identity and
disability certificate numbers are masked unless ``reveal`` is set.

>>> result = inspect_code("11010519491231002X", locale="en")
>>> result.kind, result.valid, result.shown
('resident_id', True, '110105********002X')
>>> dict(result.fields)["Sex"]
'Female'
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from minzheng import divisions
from minzheng.cli._text import t
from minzheng.divisions import Division, StatCode
from minzheng.errors import MinzhengError
from minzheng.i18n import format_date
from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
from minzheng.privacy import mask_resident_id

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
#: One field: a stable English key, its localised label, its localised text and its JSON value.
_Field = tuple[str, str, str, Any]


@attrs.frozen(kw_only=True)
class Inspection:
    """What :func:`inspect_code` found: the kind, validity, fields or the error.

    >>> inspect_code("999999").valid
    False
    """

    text: str
    shown: str
    kind: str
    valid: bool
    fields: tuple[tuple[str, str], ...] = ()
    error: MinzhengError | None = None
    locale: str = "zh_Hans"
    #: The same fields for machines: stable English keys, ISO dates, official codes.
    data: tuple[tuple[str, Any], ...] = ()

    @property
    def title(self) -> str:
        """The localised name of the kind of code.

        >>> inspect_code("620521", locale="en").title
        'Administrative division code'
        """
        return t(_KIND_TITLES[self.kind], self.locale)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the input stays masked unless revealed).

        ``fields`` has stable English keys and machine values (ISO dates, official
        codes) whatever the locale; ``labels`` holds the same fields as the
        localised ``{label: text}`` the terminal shows.

        >>> d = inspect_code("11010519491231002X").to_dict()
        >>> d["kind"], d["fields"]["birth_date"], d["fields"]["sex"]
        ('resident_id', '1949-12-31', '2')
        """
        return {
            "input": self.shown,
            "kind": self.kind,
            "valid": self.valid,
            "fields": dict(self.data),
            "labels": dict(self.fields),
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


def _division_fields(division: Division | None, locale: str) -> list[_Field]:
    if division is None:
        return [
            ("division", t("行政区划", locale), t("不在历史代码表中（可能已撤销）", locale), None)
        ]
    value = {"code": division.code, "name": division.full_name}
    return [("division", t("行政区划", locale), f"{division.code} {division.full_name}", value)]


def _resident_fields(rid: ResidentId, locale: str) -> list[_Field]:
    fields: list[_Field] = [
        ("id_kind", t("种类", locale), rid.kind.label(locale), rid.kind.value),
        ("address_code", t("地址码", locale), rid.address_code, rid.address_code),
        *_division_fields(rid.division, locale),
        (
            "birth_date",
            t("出生日期", locale),
            format_date(rid.birth_date, locale),
            rid.birth_date.isoformat(),
        ),
        ("sex", t("性别", locale), rid.sex.label(locale), rid.sex.value),
        ("sequence", t("顺序码", locale), rid.sequence, rid.sequence),
        ("check_character", t("校验码", locale), rid.check_character, rid.check_character),
    ]
    if rid.legacy:
        fields.append(("legacy", t("由15位旧号码转换", locale), t("是", locale), True))
    if rid.century_uncertain:
        fields.append(
            (
                "century_uncertain",
                t("世纪存疑（旧号码百岁老人顺序码）", locale),
                t("是", locale),
                True,
            )
        )
    return fields


def _credit_fields(code: CreditCode, locale: str) -> list[_Field]:
    kind = code.org_kind
    if code.is_national:
        registering = f"{code.division_code} {t('全国', locale)}"
    else:
        found = code.division
        registering = f"{code.division_code} {found.full_name if found else ''}".strip()
    authority = code.authority
    return [
        (
            "authority",
            t("登记管理部门", locale),
            f"{authority.value} {authority.label(locale)}",
            authority.value,
        ),
        (
            "organisation_kind",
            t("机构类别", locale),
            f"{code.value[1]} {kind.label(locale) if kind else ''}".strip(),
            code.value[1],
        ),
        ("registering_division", t("登记管理机关", locale), registering, code.division_code),
        (
            "organisation_code",
            t("组织机构代码", locale),
            code.organisation_code,
            code.organisation_code,
        ),
        ("check_character", t("校验码", locale), code.value[17], code.value[17]),
    ]


def _certificate_fields(cert: DisabilityCertificateNo, locale: str) -> list[_Field]:
    holder = str(cert.resident_id)
    return [
        ("holder", t("持证人身份号码", locale), holder, holder),
        (
            "disability_category",
            t("残疾类别", locale),
            f"{cert.category.value} {cert.category.label(locale)}",
            cert.category.value,
        ),
        (
            "disability_grade",
            t("残疾等级", locale),
            f"{cert.grade.value} {cert.grade.label(locale)}",
            cert.grade.value,
        ),
        *_resident_fields(cert.resident_id, locale)[1:5],
    ]


def _division_code_fields(code: str, locale: str) -> list[_Field]:
    division = divisions.get(code)
    parent = division.parent
    fields: list[_Field] = [
        ("name", t("名称", locale), division.full_name, division.full_name),
        ("level", t("级别", locale), division.level.label(locale), division.level.value),
        (
            "years",
            t("有效年份", locale),
            _years(division, locale),
            {"from": division.valid_from, "to": division.valid_to},
        ),
    ]
    if parent is not None:
        fields.append(
            (
                "parent",
                t("上级", locale),
                f"{parent.code} {parent.name}",
                {"code": parent.code, "name": parent.name},
            )
        )
    earlier = divisions.history(code)[:-1]
    if earlier:
        fields.append(
            (
                "history",
                t("历史名称", locale),
                "; ".join(f"{d.name} ({_years(d, locale)})" for d in earlier),
                [{"name": d.name, "from": d.valid_from, "to": d.valid_to} for d in earlier],
            )
        )
    return fields


def _stat_fields(code: StatCode, locale: str) -> list[_Field]:
    (_, _, text, value), *_ = _division_fields(code.county, locale)
    fields: list[_Field] = [("county", t("所属县级区划", locale), text, value)]
    if code.township_kind is not None:
        kind = code.township_kind
        fields.append(
            (
                "township",
                t("乡级", locale),
                f"{code.value[6:9]} {kind.label(locale)}",
                {"code": code.value[6:9], "kind": kind.value},
            )
        )
    if code.village_kind is not None:
        village = code.village_kind
        fields.append(
            (
                "village",
                t("村级", locale),
                f"{code.value[9:12]} {village.label(locale)}",
                {"code": code.value[9:12], "kind": village.value},
            )
        )
    return fields


def inspect_code(text: str, *, locale: str = "zh_Hans", reveal: bool = False) -> Inspection:
    """Recognise and explain one code. Never raises for bad input: the error is in the result.

    >>> r = inspect_code("53100000500021676K", locale="en")
    >>> r.kind, r.valid, dict(r.fields)["Organisation category"]
    ('credit_code', True, '3 Foundation')
    >>> r = inspect_code("110105194912310021", locale="en")
    >>> r.valid, r.error.code, r.shown
    (False, 'resident_id.checksum', '110105********0021')
    """
    compact = re.sub(r"[\s-]", "", text).upper()
    kind = _classify(compact)
    personal = kind in ("resident_id", "disability_certificate")
    shown = compact if reveal or not personal else mask_resident_id(compact)
    base: dict[str, Any] = {"text": text, "shown": shown, "kind": kind, "locale": locale}
    if kind == "unknown":
        return Inspection(valid=False, **base)
    try:
        if kind == "resident_id":
            fields = _resident_fields(ResidentId.parse(compact), locale)
        elif kind == "credit_code":
            fields = _credit_fields(CreditCode.parse(compact), locale)
        elif kind == "disability_certificate":
            fields = _certificate_fields(DisabilityCertificateNo.parse(compact), locale)
        elif kind == "division":
            fields = _division_code_fields(compact, locale)
        else:
            fields = _stat_fields(StatCode.parse(compact), locale)
    except MinzhengError as err:
        return Inspection(valid=False, error=err, **base)
    return Inspection(
        valid=True,
        fields=tuple((label, text) for _, label, text, _ in fields),
        data=tuple((key, value) for key, _, _, value in fields),
        **base,
    )
