"""Hypothesis strategies for minzheng's types (extra ``minzheng[testing]``).

Valid values by construction — identity numbers for given divisions, birth dates
and sex; credit codes; division codes as of a year; amounts; months — and
deliberately invalid ones by kind, so that downstream projects can test against
both. Installing the extra registers the strategies with Hypothesis (through its
``hypothesis`` entry point), so ``st.from_type(ResidentId)`` works.

>>> from hypothesis import given
>>> @given(resident_ids(sex=Sex.FEMALE))
... def test_female(rid):
...     assert rid.sex is Sex.FEMALE
>>> test_female()
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(
        "minzheng.testing needs the 'testing' extra: pip install 'minzheng[testing]'"
    ) from exc

from minzheng.codes import Sex
from minzheng.dates import Month
from minzheng.divisions import Division, DivisionLevel, all_divisions
from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
from minzheng.ids import credit_code as _cc
from minzheng.ids.credit_code import OrgKind
from minzheng.ids.resident_id import calc_check_digit
from minzheng.money import Period, Rate

__all__ = [
    "InvalidIdKind",
    "amounts",
    "credit_code_strings",
    "credit_codes",
    "disability_certificates",
    "division_codes",
    "divisions",
    "invalid_credit_codes",
    "invalid_resident_ids",
    "months",
    "rates",
    "resident_id_strings",
    "resident_ids",
]

InvalidIdKind = Literal["length", "format", "checksum", "birth_date"]


@st.composite
def _county_codes(draw: st.DrawFn, year: int | None) -> str:
    codes = [d.code for d in all_divisions(level=DivisionLevel.COUNTY, year=year)]
    return draw(st.sampled_from(codes))


def division_codes(
    *, year: int | None = None, level: DivisionLevel | str | None = DivisionLevel.COUNTY
) -> st.SearchStrategy[str]:
    """GB/T 2260 codes in force in ``year`` (current when ``None``), of one ``level``.

    >>> from minzheng import divisions
    >>> code = division_codes(year=2000).example()
    >>> divisions.get(code, year=2000).code == code
    True
    """
    wanted = DivisionLevel(level) if level is not None else None
    return st.sampled_from([d.code for d in all_divisions(level=wanted, year=year)])


def divisions(
    *, year: int | None = None, level: DivisionLevel | str | None = None
) -> st.SearchStrategy[Division]:
    """``Division`` objects in force in ``year``.

    >>> divisions(level="province").example().level.value
    'province'
    """
    wanted = DivisionLevel(level) if level is not None else None
    return st.sampled_from(list(all_divisions(level=wanted, year=year)))


@st.composite
def resident_id_strings(
    draw: st.DrawFn,
    *,
    address_codes: Sequence[str] | None = None,
    birth_dates: st.SearchStrategy[datetime.date] | None = None,
    sex: Sex | None = None,
) -> str:
    """Valid 18-character identity numbers as text.

    Args:
        draw: supplied by Hypothesis.
        address_codes: address codes to draw from; default: county codes in force
            in the birth year (so :attr:`ResidentId.division` is that county).
        birth_dates: default 1900-01-01 … 2025-12-31.
        sex: ``Sex.MALE`` or ``Sex.FEMALE``; default either.

    >>> from minzheng.ids import resident_id
    >>> resident_id.is_valid(resident_id_strings(address_codes=["620521"]).example())
    True
    """
    born = draw(birth_dates or st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31)))
    address = (
        draw(st.sampled_from(list(address_codes)))
        if address_codes
        else draw(_county_codes(born.year))
    )
    serial = draw(st.integers(0, 99))
    if sex is Sex.MALE:
        last = draw(st.sampled_from("13579"))
    elif sex is Sex.FEMALE:
        last = draw(st.sampled_from("02468"))
    else:
        last = str(draw(st.integers(0, 9)))
    body = f"{address}{born:%Y%m%d}{serial:02d}{last}"
    return body + calc_check_digit(body)


def resident_ids(
    *,
    address_codes: Sequence[str] | None = None,
    birth_dates: st.SearchStrategy[datetime.date] | None = None,
    sex: Sex | None = None,
) -> st.SearchStrategy[ResidentId]:
    """Valid :class:`~minzheng.ids.ResidentId` values (see :func:`resident_id_strings`).

    >>> resident_ids(sex=Sex.MALE).example().sex is Sex.MALE
    True
    """
    return resident_id_strings(address_codes=address_codes, birth_dates=birth_dates, sex=sex).map(
        ResidentId
    )


@st.composite
def invalid_resident_ids(draw: st.DrawFn, kind: InvalidIdKind | None = None) -> str:
    """Identity numbers invalid for one reason: length, format, checksum or birth date.

    The error raised by :meth:`ResidentId.parse` is the one the kind names.

    >>> from minzheng.ids import resident_id
    >>> resident_id.is_valid(invalid_resident_ids("checksum").example())
    False
    """
    chosen = kind or draw(st.sampled_from(["length", "format", "checksum", "birth_date"]))
    valid = draw(resident_id_strings())
    if chosen == "length":
        n = draw(st.integers(0, 25).filter(lambda n: n not in (15, 18)))
        return draw(st.text("0123456789", min_size=n, max_size=n))
    if chosen == "format":
        position = draw(st.integers(0, 16))
        bad = draw(st.sampled_from("ABCXYZ./_*"))
        body = valid[:position] + bad + valid[position + 1 : 17]
        return body + valid[17]
    if chosen == "checksum":
        wrong = draw(st.sampled_from([c for c in "0123456789X" if c != valid[17]]))
        return valid[:17] + wrong
    # birth_date: a day that does not exist
    year = draw(st.integers(1900, 2025))
    month, day = draw(
        st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (13, 1), (0, 10), (5, 0)])
    )
    body = f"{valid[:6]}{year:04d}{month:02d}{day:02d}{valid[14:17]}"
    return body + calc_check_digit(body)


@st.composite
def credit_code_strings(
    draw: st.DrawFn, *, org_kind: OrgKind | None = None, national: bool | None = None
) -> str:
    """Valid unified social credit codes as text.

    >>> from minzheng.ids import credit_code
    >>> credit_code.is_valid(credit_code_strings(org_kind=OrgKind.FOUNDATION).example())
    True
    """
    kind = org_kind or draw(st.sampled_from(list(OrgKind)))
    is_national = draw(st.booleans()) if national is None else national
    division = "100000" if is_national else draw(division_codes())
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = draw(st.text(alphabet, min_size=8, max_size=8))
    body = f"{kind.value}{division}{org}{_cc.calc_org_check_digit(org)}"
    return body + _cc.calc_check_digit(body)


def credit_codes(
    *, org_kind: OrgKind | None = None, national: bool | None = None
) -> st.SearchStrategy[CreditCode]:
    """Valid :class:`~minzheng.ids.CreditCode` values.

    >>> credit_codes(org_kind=OrgKind.SOCIAL_GROUP).example().is_civil_affairs
    True
    """
    return credit_code_strings(org_kind=org_kind, national=national).map(CreditCode)


@st.composite
def invalid_credit_codes(
    draw: st.DrawFn, kind: Literal["length", "format", "checksum"] | None = None
) -> str:
    """Credit codes invalid for one reason: ``length``, ``format`` (I, O, Z, S, V) or ``checksum``.

    >>> from minzheng.ids import credit_code
    >>> credit_code.is_valid(invalid_credit_codes("format").example())
    False
    """
    chosen = kind or draw(st.sampled_from(["length", "format", "checksum"]))
    valid = draw(credit_code_strings())
    if chosen == "length":
        n = draw(st.integers(0, 25).filter(lambda n: n != 18))
        return (valid * 2)[:n]
    if chosen == "format":
        position = draw(st.integers(8, 16))
        return valid[:position] + draw(st.sampled_from("IOZSV")) + valid[position + 1 :]
    wrong = draw(st.sampled_from([c for c in _cc.ALPHABET if c != valid[17]]))
    return valid[:17] + wrong


@st.composite
def disability_certificates(draw: st.DrawFn) -> DisabilityCertificateNo:
    """Valid disability certificate numbers.

    >>> disability_certificates().example().grade.number in (1, 2, 3, 4)
    True
    """
    rid = draw(resident_id_strings())
    return DisabilityCertificateNo(
        rid + str(draw(st.integers(1, 7))) + str(draw(st.integers(1, 4)))
    )


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 10_000_000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Yuan amounts with at most ``places`` decimals.

    >>> a = amounts(max_value=100).example()
    >>> 0 <= a <= 100 and a == a.quantize(Decimal("0.01"))
    True
    """
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


_FIRST_MONTH = Month(1990, 1)
_LAST_MONTH = Month(2035, 12)


def months(
    *, min_value: Month = _FIRST_MONTH, max_value: Month = _LAST_MONTH
) -> st.SearchStrategy[Month]:
    """Calendar months between two months, inclusive.

    >>> Month(1990, 1) <= months().example() <= Month(2035, 12)
    True
    """
    first = min_value.year * 12 + min_value.month - 1
    last = max_value.year * 12 + max_value.month - 1
    return st.integers(first, last).map(lambda i: Month(i // 12, i % 12 + 1))


def rates(
    *, period: Period | None = None, max_value: Decimal | int = 100_000
) -> st.SearchStrategy[Rate]:
    """Rates of whole-fen amounts per month or year.

    >>> rates(period=Period.MONTH).example().period
    <Period.MONTH: 'month'>
    """
    periods = st.just(period) if period is not None else st.sampled_from(list(Period))
    return st.builds(lambda a, p: Rate(amount=a, period=p), amounts(max_value=max_value), periods)
