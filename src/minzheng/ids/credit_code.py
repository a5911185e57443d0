"""Unified social credit code 统一社会信用代码 — GB 32100-2015.

Eighteen characters over 31 symbols (digits and upper-case letters without
I, O, Z, S, V): the registration authority (position 1; ``5`` = 民政), the
organisation category under that authority (2), the GB/T 2260 code of the
registering authority (3–8; ``100000`` = national), the subject identifier —
a GB 11714 organisation code of 8 characters plus its own check character
(9–17) — and a MOD 31 check character (18). DOMAIN.md §2.

Both checks are verified. The MOD 31 sum with weights ``3^(i−1) mod 31`` uses an
integer trick in the style of python-stdnum's: mapping each symbol to its value
as a base-34 digit and reading the reversed string in base 34 gives the
weighted sum modulo 31, because 34 ≡ 3 (mod 31). The organisation-code check
uses weights ``3 7 9 10 5 8 4 2`` and letter values A=10 … Z=35 (the full
alphabet, not the 31-symbol table).

Credit codes identify organisations, not people: they are not masked.

>>> code = CreditCode.parse("53100000500021676K")
>>> code.authority.label("en"), code.org_kind.label("en"), code.division_code
('Civil affairs', 'Foundation', '100000')
>>> validate("52110101MJ0018899X")
Traceback (most recent call last):
...
minzheng.errors.InvalidChecksum: credit_code：校验码错误（应为T，实为X）：52110101MJ0018899X
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Self

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.errors import (
    InconsistentRecord,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidValue,
)

if TYPE_CHECKING:
    from minzheng.divisions import Division

__all__ = [
    "ALPHABET",
    "MAX_TEXT_CHARS",
    "NATIONAL_DIVISION_CODE",
    "ORG_WEIGHTS",
    "CreditCode",
    "OrgKind",
    "RegistrationAuthority",
    "calc_check_digit",
    "calc_org_check_digit",
    "check_org_kind",
    "compact",
    "format",
    "is_valid",
    "validate",
]

#: The 31 symbols of GB 32100, in value order.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
#: Positions 3–8 of codes issued by national authorities (not a GB/T 2260 unit).
NATIONAL_DIVISION_CODE = "100000"

_TO_BASE34 = str.maketrans(ALPHABET, "0123456789ABCDEFGHIJKLMNOPQRSTU")
_SYMBOLS = frozenset(ALPHABET)
#: The weights of the organisation code's check digit (GB 11714), positions 1–8.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_FIELD = "credit_code"
#: The longest text (separators included) a credit-code parser reads.
MAX_TEXT_CHARS = 64
_SEPARATORS = str.maketrans("", "", " -\t\n\r\u3000")


def _error(cls: type[InvalidValue], reason: str, value: str, **params: object) -> InvalidValue:
    """An error about a credit code (organisations' codes are not masked)."""
    return cls(f"credit_code.{reason}", field=_FIELD, value=value, personal=False, params=params)


class RegistrationAuthority(CodeEnum):
    """Position 1: the registration authority (登记管理部门代码).

    >>> RegistrationAuthority("5").term
    '民政'
    """

    ORGANISATION_ESTABLISHMENT = "1", "机构编制"
    FOREIGN_AFFAIRS = "2", "外交"
    JUSTICE = "3", "司法行政"
    CULTURE = "4", "文化"
    CIVIL_AFFAIRS = "5", "民政"
    TOURISM = "6", "旅游"
    RELIGION = "7", "宗教"
    TRADE_UNION = "8", "工会"
    MARKET_REGULATION = "9", "工商"
    MILITARY = "A", "中央军委改革和编制办公室"
    AGRICULTURE = "N", "农业"
    OTHER = "Y", "其他"


class OrgKind(CodeEnum):
    """Position 2, read together with the authority: the organisation category.

    Values are ``authority + category`` (``"53"`` = 民政 · 基金会). The civil-affairs
    and market-regulation rows are from DOMAIN.md §2.1 [V-secondary]; the other
    rows restate the standard's table from background knowledge (UNVERIFIED).

    >>> OrgKind("52").label("en")
    'Social service institution (private non-enterprise unit)'
    """

    GOVERNMENT_ORGAN = "11", "机关"
    PUBLIC_INSTITUTION = "12", "事业单位"
    MASS_ORGANISATION = "13", "中央编办直接管理机构编制的群众团体"
    ESTABLISHMENT_OTHER = "19", "机构编制其他"
    FOREIGN_NEWS_AGENCY = "21", "外国常驻新闻机构"
    FOREIGN_AFFAIRS_OTHER = "29", "外交其他"
    LAW_FIRM = "31", "律师执业机构"
    NOTARY_OFFICE = "32", "公证处"
    GRASSROOTS_LEGAL_SERVICE = "33", "基层法律服务所"
    FORENSIC_INSTITUTION = "34", "司法鉴定机构"
    ARBITRATION_COMMISSION = "35", "仲裁委员会"
    JUSTICE_OTHER = "39", "司法行政其他"
    FOREIGN_CULTURAL_CENTRE = "41", "外国在华文化中心"
    CULTURE_OTHER = "49", "文化其他"
    SOCIAL_GROUP = "51", "社会团体"
    SOCIAL_SERVICE_INSTITUTION = "52", "社会服务机构（民办非企业单位）"
    FOUNDATION = "53", "基金会"
    CIVIL_AFFAIRS_OTHER = "59", "民政其他"
    FOREIGN_TOURISM_OFFICE = "61", "外国旅游部门常驻代表机构"
    HMT_TOURISM_OFFICE = "62", "港澳台地区旅游部门常驻内地（大陆）代表机构"
    TOURISM_OTHER = "69", "旅游其他"
    RELIGIOUS_SITE = "71", "宗教活动场所"
    RELIGIOUS_SCHOOL = "72", "宗教院校"
    RELIGION_OTHER = "79", "宗教其他"
    GRASSROOTS_TRADE_UNION = "81", "基层工会"
    TRADE_UNION_OTHER = "89", "工会其他"
    ENTERPRISE = "91", "企业"
    INDIVIDUAL_BUSINESS = "92", "个体工商户"
    FARMERS_COOPERATIVE = "93", "农民专业合作社"
    MILITARY_INSTITUTION = "A1", "军队事业单位"
    MILITARY_OTHER = "A9", "中央军委改革和编制办公室其他"
    GROUP_COLLECTIVE = "N1", "组级集体经济组织"
    VILLAGE_COLLECTIVE = "N2", "村级集体经济组织"
    TOWNSHIP_COLLECTIVE = "N3", "乡镇级集体经济组织"
    AGRICULTURE_OTHER = "N9", "农业其他"
    OTHER = "Y1", "其他"

    @property
    def authority(self) -> RegistrationAuthority:
        """The registration authority of this category.

        >>> OrgKind.FOUNDATION.authority.term
        '民政'
        """
        return RegistrationAuthority(self.value[0])


_KINDS = {kind.value for kind in OrgKind}
# Authorities whose category list is verified (DOMAIN.md §2.1): unknown categories are errors.
_STRICT_AUTHORITIES = frozenset({"5", "9"})


def compact(number: str) -> str:
    """Strip spaces and hyphens and upper-case the code.

    A text over :data:`MAX_TEXT_CHARS` characters is refused unread
    (:class:`~minzheng.errors.InvalidLength`).

    >>> compact(" 53100000 500021676k ")
    '53100000500021676K'
    """
    if not isinstance(number, str):
        raise InvalidFormat("credit_code.type", field=_FIELD, value=type(number).__name__)
    if len(number) > MAX_TEXT_CHARS:
        raise _error(InvalidLength, "length", number, length=len(number))
    return number.translate(_SEPARATORS).upper()


def calc_check_digit(number: str) -> str:
    """The MOD 31 check character over the first 17 characters.

    >>> calc_check_digit("53100000500021676")
    'K'
    """
    remainder = int(number[:17].translate(_TO_BASE34)[::-1], 34) % 31
    return ALPHABET[-remainder % 31]


def _org_value(char: str) -> int:
    return int(char, 36)  # digits 0–9, letters A=10 … Z=35


def calc_org_check_digit(org_code: str) -> str:
    """The GB 11714 check character of an 8-character organisation-code body.

    >>> calc_org_check_digit("50002167"), calc_org_check_digit("MA5G7P4L")
    ('6', '4')
    """
    total = sum(w * _org_value(c) for w, c in zip(ORG_WEIGHTS, org_code[:8], strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def validate(number: str, *, check_org_code: bool = True) -> str:
    """Check a credit code and return its compact form.

    Raises :class:`~minzheng.errors.InvalidLength`, :class:`~minzheng.errors.InvalidFormat`
    (a symbol outside the 31, or letters in positions 3–8),
    :class:`~minzheng.errors.InvalidComponent` (an unknown authority, or an unknown
    category under 民政 or 工商) or :class:`~minzheng.errors.InvalidChecksum` (either
    check character; ``check_org_code=False`` skips the embedded organisation-code
    check for sources known to break it).

    >>> validate("91440300MA5G7P4L4X")
    '91440300MA5G7P4L4X'
    """
    if not isinstance(number, str):
        raise InvalidFormat("credit_code.type", field=_FIELD, value=type(number).__name__)
    code = compact(number)
    if len(code) != 18:
        raise _error(InvalidLength, "length", code, length=len(code))
    if not _SYMBOLS.issuperset(code) or not (code[2:8].isascii() and code[2:8].isdigit()):
        raise _error(InvalidFormat, "format", code)
    expected = calc_check_digit(code)
    if code[17] != expected:
        raise _error(InvalidChecksum, "checksum", code, expected=expected, actual=code[17])
    if code[0] not in RegistrationAuthority._value2member_map_:
        raise _error(InvalidComponent, "authority", code, authority=code[0])
    if code[0] in _STRICT_AUTHORITIES and code[:2] not in _KINDS:
        raise _error(InvalidComponent, "org_kind", code, authority=code[0], org_kind=code[1])
    if check_org_code:
        org_expected = calc_org_check_digit(code[8:16])
        if code[16] != org_expected:
            raise _error(
                InvalidChecksum, "org_checksum", code, expected=org_expected, actual=code[16]
            )
    return code


def is_valid(number: object, *, check_org_code: bool = True) -> bool:
    """``True`` for a valid credit code; never raises.

    >>> is_valid("51100000500002862F"), is_valid("51100000500002862G"), is_valid(12)
    (True, False, False)
    """
    try:
        validate(number, check_org_code=check_org_code)  # type: ignore[arg-type]
    except InvalidValue:
        return False
    return True


def format(number: str) -> str:
    """The compact, validated form (GB 32100 prints the code without separators).

    >>> format("5310 0000 5000 2167 6K")
    '53100000500021676K'
    """
    return validate(number)


def _convert(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidFormat("credit_code.type", field=_FIELD, value=type(value).__name__)
    return value


def _validate_value(instance: CreditCode, attribute: attrs.Attribute[str], value: str) -> None:
    if validate(value) != value:
        raise InvalidFormat("credit_code.format", field=_FIELD, value=value)


@attrs.frozen(repr=False, field_transformer=typed_fields)
class CreditCode:
    """A valid unified social credit code (GB 32100).

    >>> code = CreditCode.parse("51100000500002862f")
    >>> code, code.is_civil_affairs, code.org_kind.term, code.organisation_code
    (CreditCode('51100000500002862F'), True, '社会团体', '50000286-2')
    """

    value: str = attrs.field(converter=_convert, validator=_validate_value)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse and validate a code as written (spaces, hyphens, lower case allowed).

        >>> CreditCode.parse("91110000600037341L").authority.term
        '工商'
        """
        if not isinstance(text, str):
            raise InvalidFormat("credit_code.type", field=_FIELD, value=type(text).__name__)
        return cls(compact(text))

    @staticmethod
    def is_valid(text: object) -> bool:
        """``True`` when ``text`` parses; never raises.

        >>> CreditCode.is_valid("53100000500019795A")
        True
        """
        return is_valid(text)

    @property
    def authority(self) -> RegistrationAuthority:
        """The registration authority (position 1).

        >>> CreditCode("53100000500019795A").authority
        <RegistrationAuthority.CIVIL_AFFAIRS: '5'>
        """
        return RegistrationAuthority(self.value[0])

    @property
    def is_civil_affairs(self) -> bool:
        """Registered by civil affairs (authority ``5``): social groups, institutions, foundations.

        >>> CreditCode("91110000600037341L").is_civil_affairs
        False
        """
        return self.value[0] == "5"

    @property
    def org_kind(self) -> OrgKind | None:
        """The organisation category (positions 1–2), ``None`` when not in the code list.

        >>> CreditCode("53100000500021676K").org_kind
        <OrgKind.FOUNDATION: '53'>
        """
        return OrgKind._value2member_map_.get(self.value[:2])  # type: ignore[return-value]

    @property
    def division_code(self) -> str:
        """The registering authority's division code (positions 3–8); ``100000`` = national.

        >>> CreditCode("91440300MA5G7P4L4X").division_code
        '440300'
        """
        return self.value[2:8]

    @property
    def is_national(self) -> bool:
        """Registered by a national authority (division code ``100000``).

        >>> CreditCode("53100000500021676K").is_national
        True
        """
        return self.value[2:8] == NATIONAL_DIVISION_CODE

    @property
    def division(self) -> Division | None:
        """The registering authority's division (latest entry), ``None`` when national or unknown.

        >>> CreditCode("91440300MA5G7P4L4X").division.full_name
        '广东省深圳市'
        """
        if self.is_national:
            return None
        from minzheng.divisions import registry

        return registry().nearest(self.division_code, None)

    @property
    def organisation_code(self) -> str:
        """The embedded GB 11714 organisation code as usually printed, ``XXXXXXXX-C``.

        >>> CreditCode("91440300MA5G7P4L4X").organisation_code
        'MA5G7P4L-4'
        """
        return f"{self.value[8:16]}-{self.value[16]}"

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"CreditCode({self.value!r})"


def check_org_kind(
    code: CreditCode | None,
    expected: OrgKind | Collection[OrgKind],
    *,
    label: str,
    field: str = _FIELD,
) -> None:
    """Refuse a credit code whose category (positions 1–2) is not the one the record's legal form needs.

    Records that carry both a legal form and a credit code (a social organisation's
    type, an elderly-care institution's legal form) must agree: an enterprise
    with a 民非 code (``52…``) is inconsistent. ``label`` names the form in the
    message; ``None`` (no code) is accepted.

    >>> check_org_kind(CreditCode("53100000500021676K"), OrgKind.FOUNDATION, label="基金会")
    >>> check_org_kind(CreditCode("53100000500021676K"), OrgKind.SOCIAL_SERVICE_INSTITUTION, label="社会服务机构")
    Traceback (most recent call last):
    ...
    minzheng.errors.InconsistentRecord: credit_code：统一社会信用代码的机构类别与社会服务机构不符：53100000500021676K
    """
    if code is None:
        return
    allowed = (expected,) if isinstance(expected, OrgKind) else tuple(expected)
    if code.org_kind not in allowed:
        raise InconsistentRecord(
            "organisation.credit_code",
            field=field,
            value=code.value,
            personal=False,
            params={"kind": label},
        )
