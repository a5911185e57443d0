"""Care indicators, exact: beds, the nursing-bed share, occupancy, graded share, 特困 centralised rate.

The national target is 55 % nursing beds among institutional beds by 2025
(《"十四五"国家老龄事业发展和养老服务体系规划》, DOMAIN.md §10.3). The seed check:
7,385 / 10,036 = 73.6 %.

>>> from minzheng.i18n import format_percent
>>> format_percent(nursing_bed_share(7385, 10036)), nursing_bed_share(7385, 10036) >= NURSING_BED_TARGET
('73.6%', True)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal

import attrs

from minzheng._bounds import MAX_COUNT, within
from minzheng._validators import typed_fields
from minzheng.care.beds import BedKind, ResidentSource
from minzheng.care.institution import Institution
from minzheng.care.register import BedRegister
from minzheng.care.services import ServiceOrder
from minzheng.money import share
from minzheng.rules import Citation, Instrument

__all__ = [
    "NURSING_BED_TARGET",
    "NURSING_BED_TARGET_SOURCE",
    "BedCount",
    "bed_counts",
    "beds_per_thousand",
    "graded_share",
    "nursing_bed_share",
    "occupancy_rate",
    "satisfaction_rate",
    "service_hours",
    "tekun_centralised_rate",
]

#: Nursing beds as a share of institutional beds, national target for 2025.
NURSING_BED_TARGET = Decimal("0.55")
#: Where the target comes from.
NURSING_BED_TARGET_SOURCE = Citation(instrument=Instrument.AGEING_PLAN_14TH)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BedCount:
    """Total and nursing beds, with the share.

    >>> BedCount(total=10036, nursing=7385).nursing_share
    Decimal('0.7358509366281387006775607811877242')
    """

    total: int = attrs.field(default=0, validator=within(0, MAX_COUNT))
    nursing: int = attrs.field(default=0, validator=within(0, MAX_COUNT))

    @property
    def nursing_share(self) -> Decimal:
        """Nursing beds / total beds (0 when there are no beds)."""
        return nursing_bed_share(self.nursing, self.total) if self.total else Decimal(0)

    def __add__(self, other: BedCount) -> BedCount:
        return BedCount(total=self.total + other.total, nursing=self.nursing + other.nursing)


def nursing_bed_share(nursing: int, total: int) -> Decimal:
    """Nursing beds as a share of beds; for the 55 % target, of institutional beds.

    Count them with :func:`bed_counts`, which leaves out day-care stations and meal points.

    >>> nursing_bed_share(481, 1000)
    Decimal('0.481')
    """
    return share(nursing, total)


def bed_counts(
    register: BedRegister,
    *,
    on: datetime.date | None = None,
    by: Callable[[Institution], Hashable] | None = None,
    institutional_only: bool = True,
) -> dict[Hashable, BedCount]:
    """Beds per group of institutions (all in one group when ``by`` is ``None``).

    By default only the beds of residential institutions count
    (:attr:`InstitutionKind.is_institutional`): the 55 % nursing-bed target is a
    share of *institutional* beds, so the beds of day-care stations (日间照料中心),
    rural mutual-aid homes and meal points are not in its denominator. Pass
    ``institutional_only=False`` to count every bed in the register.

    With ``on``, only beds in service that day count. Group with e.g.
    ``lambda i: rollup(i.division, "prefecture")`` or ``lambda i: i.kind``.

    >>> from minzheng.care import Bed, BedKind, InstitutionKind
    >>> reg = BedRegister()
    >>> reg.add_institution(Institution(institution_id="H", name="养老院", kind=InstitutionKind.ELDERLY_HOME,
    ...                                 division="620521"))
    >>> reg.add_institution(Institution(institution_id="S", name="日间照料中心",
    ...                                 kind=InstitutionKind.COMMUNITY_STATION, division="620521"))
    >>> reg.add_bed(Bed(bed_id="H1", institution_id="H", kind=BedKind.NURSING))
    >>> reg.add_bed(Bed(bed_id="S1", institution_id="S", kind=BedKind.ORDINARY))
    >>> bed_counts(reg)[None].nursing_share, bed_counts(reg, institutional_only=False)[None].nursing_share
    (Decimal('1'), Decimal('0.5'))
    """
    counts: dict[Hashable, BedCount] = {}
    for bed in register.beds:
        if on is not None and not register.in_service(bed.bed_id, on):
            continue
        institution = register.institution(bed.institution_id)
        if institutional_only and not institution.kind.is_institutional:
            continue
        key = by(institution) if by is not None else None
        counts[key] = counts.get(key, BedCount()) + BedCount(
            total=1, nursing=int(bed.kind is BedKind.NURSING)
        )
    return counts


def occupancy_rate(
    register: BedRegister, on: datetime.date, *, institution_id: str | None = None
) -> Decimal:
    """Occupied beds / beds in service on ``on`` (0 with no beds in service).

    >>> occupancy_rate(BedRegister(), datetime.date(2025, 1, 1))
    Decimal('0')
    """
    beds = register.beds_in_service(on, institution_id=institution_id)
    if not beds:
        return Decimal(0)
    return share(len(register.stays_on(on, institution_id=institution_id)), len(beds))


def beds_per_thousand(beds: int, elderly_population: int) -> Decimal:
    """Beds per thousand older people (每千名老年人拥有养老床位数).

    >>> beds_per_thousand(10036, 350000)
    Decimal('28.67428571428571428571428571428571')
    """
    return share(beds * 1000, elderly_population)


def graded_share(institutions: Iterable[Institution]) -> Decimal:
    """Graded institutions / all institutions (the seed: 69 of 108 graded — reported as 72.6 %).

    >>> graded_share([])
    Decimal('0')
    """
    items = list(institutions)
    if not items:
        return Decimal(0)
    return share(sum(1 for i in items if i.is_graded), len(items))


def tekun_centralised_rate(
    register: BedRegister, on: datetime.date, *, tekun_total: int
) -> Decimal:
    """特困 people in centralised support on ``on`` / all 特困 people (集中供养率).

    >>> tekun_centralised_rate(BedRegister(), datetime.date(2025, 1, 1), tekun_total=0)
    Decimal('0')
    """
    if tekun_total == 0:
        return Decimal(0)
    centralised = sum(1 for s in register.stays_on(on) if s.source is ResidentSource.TEKUN)
    return share(centralised, tekun_total)


def service_hours(orders: Iterable[ServiceOrder]) -> Decimal:
    """Total service hours.

    >>> service_hours([])
    Decimal('0')
    """
    return sum((o.hours for o in orders), Decimal(0))


def satisfaction_rate(orders: Iterable[ServiceOrder]) -> Decimal:
    """Satisfied / orders with a satisfaction answer (0 when none were asked).

    >>> satisfaction_rate([])
    Decimal('0')
    """
    rated = [o for o in orders if o.satisfied is not None]
    return share(sum(1 for o in rated if o.satisfied), len(rated)) if rated else Decimal(0)
