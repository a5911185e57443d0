"""Citizen identity number 公民身份号码 — GB 11643-1999.

Eighteen characters: a 6-digit address code (the county of registration when the
number was assigned — it never changes and may be a retired code), the birth
date ``YYYYMMDD``, a 3-digit sequence code whose last digit is odd for men and
even for women, and an ISO 7064 MOD 11-2 check character (``0``–``9`` or ``X``).
Legacy 15-digit numbers (GB 11643-1989: ``YYMMDD``, no check character) convert
by inserting ``19`` and computing the check character. The same layout and check
serve the residence permits of Hong Kong, Macao and Taiwan residents (address
codes 810000, 820000, 830000) and the 2023 foreigner's permanent residence ID
card (leading ``9``). DOMAIN.md §1.

The check uses python-stdnum's integer trick: the weights ``2^(18−i) mod 11``
make the weighted sum ``2·int(body, 13) mod 11``, because 13 ≡ 2 (mod 11).

The module has python-stdnum's face — :func:`compact`, :func:`validate`,
:func:`is_valid`, :func:`format` and typed getters — and :class:`ResidentId` is
the frozen value for code that wants an object. Both mask the number in every
``str``, ``repr`` and error.

>>> validate("11010519491231002x")
'11010519491231002X'
>>> validate("110105491231002")
'11010519491231002X'
>>> rid = ResidentId.parse(" 440524188001010014 ")
>>> rid, rid.birth_date, rid.sex
(ResidentId('440524********0014'), datetime.date(1880, 1, 1), <Sex.MALE: '1'>)
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Self

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum, Sex
from minzheng.dates.age import AgeCountsFrom, LeapDayBirthday, age_on
from minzheng.errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    InvalidValue,
)
from minzheng.privacy import mask_resident_id

if TYPE_CHECKING:
    from minzheng.divisions import Division

__all__ = [
    "EARLIEST_BIRTH_DATE",
    "LEGACY_CENTENARIAN_SEQUENCES",
    "MAX_TEXT_CHARS",
    "IdKind",
    "ResidentId",
    "calc_check_digit",
    "compact",
    "format",
    "get_address_code",
    "get_birth_date",
    "get_kind",
    "get_sex",
    "is_valid",
    "to_18",
    "validate",
]

#: Birth dates before this are refused as implausible (DOMAIN.md §1.5: the
#: standard's own example is born 1880).
EARLIEST_BIRTH_DATE = datetime.date(1800, 1, 1)
#: Sequence codes the 1989 standard reportedly reserved for centenarians
#: (UNVERIFIED, DOMAIN.md §1.4). A 15-digit number with one of these converts
#: with century 19 like any other, but is flagged by
#: :attr:`ResidentId.century_uncertain`.
LEGACY_CENTENARIAN_SEQUENCES = frozenset({"996", "997", "998", "999"})

_CHECK = "1X864209753"  # check character by int(body, 13) % 11
_FIELD = "resident_id"
#: The longest text (separators included) an identity-number parser reads.
MAX_TEXT_CHARS = 64
_SEPARATORS = str.maketrans("", "", " -\t\n\r\u3000")


def _error(cls: type[InvalidValue], reason: str, value: str, **params: object) -> InvalidValue:
    """An error about an identity number; the number is masked."""
    return cls(f"resident_id.{reason}", field=_FIELD, value=value, personal=True, params=params)


class IdKind(CodeEnum):
    """The kind of document an 18-character number of this layout belongs to.

    >>> ResidentId.parse("810000199408230021").kind.label("en")
    'Residence permit for Hong Kong residents'
    """

    CITIZEN = "citizen", "居民身份证"
    HONG_KONG = "hong_kong", "港澳台居民居住证（香港居民）"
    MACAO = "macao", "港澳台居民居住证（澳门居民）"
    TAIWAN = "taiwan", "港澳台居民居住证（台湾居民）"
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident", "外国人永久居留身份证"


_PERMITS = {"810000": IdKind.HONG_KONG, "820000": IdKind.MACAO, "830000": IdKind.TAIWAN}


def compact(number: str) -> str:
    """Strip surrounding and separating spaces and hyphens; upper-case the ``x``.

    A text over :data:`MAX_TEXT_CHARS` characters is refused unread
    (:class:`~minzheng.errors.InvalidLength`).

    >>> compact(" 110105 19491231 002x ")
    '11010519491231002X'
    """
    if not isinstance(number, str):
        raise InvalidFormat("resident_id.type", field=_FIELD, value=type(number).__name__)
    if len(number) > MAX_TEXT_CHARS:
        raise _error(InvalidLength, "length", number, length=len(number))
    return number.translate(_SEPARATORS).upper()


def calc_check_digit(body: str) -> str:
    """The check character for the first 17 digits (extra characters are ignored).

    >>> calc_check_digit("34052419800101001")
    'X'
    """
    return _CHECK[int(body[:17], 13) % 11]


def to_18(number: str) -> str:
    """Convert a legacy 15-digit number to 18 digits (insert ``19``, add the check).

    >>> to_18("340524800101001")
    '34052419800101001X'
    """
    legacy = compact(number)
    if len(legacy) != 15:
        raise _error(InvalidLength, "length", legacy, length=len(legacy))
    if not (legacy.isascii() and legacy.isdigit()):
        raise _error(InvalidFormat, "format", legacy)
    body = legacy[:6] + "19" + legacy[6:]
    return body + calc_check_digit(body)


def _birth_date(number: str) -> datetime.date:
    try:
        born = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise _error(InvalidDate, "birth_date", number) from None
    if born < EARLIEST_BIRTH_DATE:
        raise _error(
            InvalidDate, "birth_date_early", number, earliest=EARLIEST_BIRTH_DATE.isoformat()
        )
    return born


def _check18(number: str) -> str:
    """Validate a compact 18-character number; return it. The one hot path."""
    if len(number) != 18:
        raise _error(InvalidLength, "length", number, length=len(number))
    body = number[:17]
    last = number[17]
    if not (body.isascii() and body.isdigit()) or last not in "0123456789X":
        raise _error(InvalidFormat, "format", number)
    expected = _CHECK[int(body, 13) % 11]
    if last != expected:
        raise _error(InvalidChecksum, "checksum", number, expected=expected, actual=last)
    if number[0] == "0":
        raise _error(InvalidComponent, "address", number, digit="0")
    _birth_date(number)
    return number


def validate(number: str, *, as_of: datetime.date | None = None) -> str:
    """Check a number and return its 18-character form (legacy numbers are converted).

    Raises :class:`~minzheng.errors.InvalidLength`, :class:`~minzheng.errors.InvalidFormat`,
    :class:`~minzheng.errors.InvalidChecksum`, :class:`~minzheng.errors.InvalidComponent`
    (address code starting with 0) or :class:`~minzheng.errors.InvalidDate` (no such
    birth date; before :data:`EARLIEST_BIRTH_DATE`; after ``as_of`` when given — the
    library never reads the clock itself). The address code is *not* checked against
    the division list: numbers keep retired codes.

    >>> validate("11010519491231002X", as_of=datetime.date(1949, 12, 30))
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidDate: resident_id：出生日期晚于1949-12-30：110105********002X
    """
    if not isinstance(number, str):
        raise InvalidFormat("resident_id.type", field=_FIELD, value=type(number).__name__)
    text = compact(number)
    if len(text) == 15:
        text = to_18(text)
    _check18(text)
    if as_of is not None and _birth_date(text) > as_of:
        raise _error(InvalidDate, "birth_date_future", text, as_of=as_of.isoformat())
    return text


def is_valid(number: object) -> bool:
    """``True`` when ``number`` is a valid identity number; never raises.

    >>> is_valid("11010519491231002X"), is_valid("110105194912310021"), is_valid(None)
    (True, False, False)
    """
    try:
        validate(number)  # type: ignore[arg-type]
    except InvalidValue:
        return False
    return True


def format(number: str, *, separator: str = "") -> str:
    """The 18-character form, optionally grouped as address, birth date, sequence + check.

    >>> format("110105491231002", separator=" ")
    '110105 19491231 002X'
    """
    text = validate(number)
    if not separator:
        return text
    return separator.join((text[:6], text[6:14], text[14:]))


def get_birth_date(number: str) -> datetime.date:
    """The birth date encoded in a valid number.

    >>> get_birth_date("360426199101010071")
    datetime.date(1991, 1, 1)
    """
    return _birth_date(validate(number))


def get_sex(number: str) -> Sex:
    """Male for an odd sequence digit (position 17), female for an even one.

    >>> get_sex("11010519491231002X")
    <Sex.FEMALE: '2'>
    """
    return Sex.MALE if int(validate(number)[16]) % 2 else Sex.FEMALE


def get_address_code(number: str) -> str:
    """The 6-digit address code.

    >>> get_address_code("360426199101010071")
    '360426'
    """
    return validate(number)[:6]


def get_kind(number: str) -> IdKind:
    """Which document the number belongs to (citizen, HK/MO/TW permit, foreigner).

    >>> get_kind("11010519491231002X").value
    'citizen'
    """
    text = validate(number)
    if text[0] == "9":
        return IdKind.FOREIGN_PERMANENT_RESIDENT
    return _PERMITS.get(text[:6], IdKind.CITIZEN)


def _convert(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidFormat("resident_id.type", field=_FIELD, value=type(value).__name__)
    return value


def _validate_value(instance: ResidentId, attribute: attrs.Attribute[str], value: str) -> None:
    _check18(value)


@attrs.frozen(repr=False, field_transformer=typed_fields)
class ResidentId:
    """A valid resident identity number (GB 11643), masked in ``str`` and ``repr``.

    Build one with :meth:`parse` (accepts spaces, a lower-case ``x`` and 15-digit
    legacy numbers); ``ResidentId("…")`` takes only the canonical 18-character
    form. The full number is :attr:`value` — the one explicit way to reveal it.

    >>> rid = ResidentId.parse("11010519491231002x")
    >>> str(rid), rid.value, rid.address_code, rid.sex.label("en")
    ('110105********002X', '11010519491231002X', '110105', 'Female')
    >>> rid.division.full_name
    '北京市朝阳区'
    >>> rid.age_on(datetime.date(2025, 12, 30)), rid.age_on(datetime.date(2025, 12, 31))
    (75, 76)
    """

    value: str = attrs.field(converter=_convert, validator=_validate_value)
    legacy: bool = attrs.field(default=False, eq=False, kw_only=True)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse and validate a number written by a person or exported by a system.

        >>> ResidentId.parse("110105491231002").legacy
        True
        >>> ResidentId.parse("1101051949123100")
        Traceback (most recent call last):
        ...
        minzheng.errors.InvalidLength: resident_id：身份号码应为18位（或15位旧号码），实为16位：...
        """
        if not isinstance(text, str):
            raise InvalidFormat("resident_id.type", field=_FIELD, value=type(text).__name__)
        number = compact(text)
        if len(number) == 15:
            return cls(to_18(number), legacy=True)
        return cls(number)

    @staticmethod
    def is_valid(text: object) -> bool:
        """``True`` when ``text`` parses; never raises.

        >>> ResidentId.is_valid("34052419800101001X"), ResidentId.is_valid("abc")
        (True, False)
        """
        return is_valid(text)

    @property
    def birth_date(self) -> datetime.date:
        """The birth date (positions 7–14).

        >>> ResidentId("34052419800101001X").birth_date
        datetime.date(1980, 1, 1)
        """
        v = self.value
        return datetime.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))

    @property
    def sex(self) -> Sex:
        """:attr:`Sex.MALE <minzheng.codes.Sex.MALE>` for an odd 17th digit, else female.

        >>> ResidentId("34052419800101001X").sex
        <Sex.MALE: '1'>
        """
        return Sex.MALE if int(self.value[16]) % 2 else Sex.FEMALE

    @property
    def address_code(self) -> str:
        """The 6-digit address code (positions 1–6).

        >>> ResidentId("440524188001010014").address_code
        '440524'
        """
        return self.value[:6]

    @property
    def sequence(self) -> str:
        """The 3-digit sequence code (positions 15–17).

        >>> ResidentId("440524188001010014").sequence
        '001'
        """
        return self.value[14:17]

    @property
    def check_character(self) -> str:
        """The check character (position 18).

        >>> ResidentId("11010519491231002X").check_character
        'X'
        """
        return self.value[17]

    @property
    def kind(self) -> IdKind:
        """Citizen, HK/MO/TW residence permit, or foreigner's permanent residence card.

        >>> ResidentId("830000199201300022").kind.value
        'taiwan'
        """
        if self.value[0] == "9":
            return IdKind.FOREIGN_PERMANENT_RESIDENT
        return _PERMITS.get(self.value[:6], IdKind.CITIZEN)

    @property
    def century_uncertain(self) -> bool:
        """``True`` for a converted legacy number with a reputed centenarian sequence code.

        Such a person may have been born in the 1800s although the conversion
        gives 19xx (DOMAIN.md §1.4, UNVERIFIED): check the birth date elsewhere.

        >>> ResidentId.parse("110105051231997").century_uncertain
        True
        """
        return self.legacy and self.sequence in LEGACY_CENTENARIAN_SEQUENCES

    @property
    def division(self) -> Division | None:
        """The GB/T 2260 division of the address code as it stood in the birth year.

        When the code was not yet in force that year (numbers are assigned when
        registered, often years after birth), the earliest later entry of the
        code; ``None`` for a code in none of the ministry's year-end lists
        (1981 on — e.g. 632858, which only encyclopaedia tables carry) or a
        foreigner's number — never an error: numbers keep retired codes, and
        the address code is not checked against the lists.

        >>> ResidentId("440524188001010014").division.name
        '潮阳县'
        >>> ResidentId.parse("110105491231002").division.valid_to is None
        True
        """
        if self.kind is IdKind.FOREIGN_PERMANENT_RESIDENT:
            return None
        from minzheng.divisions import registry

        return registry().nearest(self.address_code, self.birth_date.year)

    def age_on(
        self,
        on: datetime.date,
        *,
        leap_day: LeapDayBirthday = "feb_28",
        counts_from: AgeCountsFrom = "birthday",
    ) -> int:
        """Completed years of age on ``on`` (see :func:`minzheng.dates.age_on`).

        >>> ResidentId("34052419800101001X").age_on(datetime.date(2040, 1, 1))
        60
        """
        return age_on(self.birth_date, on, leap_day=leap_day, counts_from=counts_from)

    def masked(self) -> str:
        """The masked form used by ``str`` and ``repr``.

        >>> ResidentId("34052419800101001X").masked()
        '340524********001X'
        """
        return mask_resident_id(self.value)

    def __str__(self) -> str:
        return mask_resident_id(self.value)

    def __repr__(self) -> str:
        return f"ResidentId('{mask_resident_id(self.value)}')"
