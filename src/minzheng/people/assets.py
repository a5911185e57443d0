"""Assets for the property test, and property tests as pluggable policies.

Property limits — deposits, securities, vehicles, second homes, business assets —
are entirely local (DOMAIN.md §4.4). A property test is any object with a
``check`` method; minzheng ships :class:`NoPropertyTest` (the default: nothing
to test) and :class:`AssetLimits`, a rule table in the shape of the Hubei 2024
rules for 低保边缘 (financial assets per head below a multiple of the annual
standard; at most N ordinary cars below a multiple of the annual standard).

>>> from decimal import Decimal
>>> from minzheng.money import Rate
>>> limits = AssetLimits(financial_years_per_capita=Decimal(2), max_vehicles=1)
>>> ok, reasons = limits.check(
...     assets=(Asset(kind=AssetKind.DEPOSIT, value=Decimal("30000")),), members=2,
...     standard=Rate.yearly("8580"))
>>> ok, reasons[0].code
(True, 'dibao.property_ok')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

import attrs

from minzheng._bounds import MAX_COUNT, MAX_PERSONS, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.money import Rate, finite_amount
from minzheng.privacy import repr_key
from minzheng.rules import Citation, Instrument, Reason

__all__ = [
    "NO_PROPERTY_TEST",
    "Asset",
    "AssetKind",
    "AssetLimits",
    "NoPropertyTest",
    "PropertyTest",
]


class AssetKind(CodeEnum):
    """Kinds of property the means test looks at.

    >>> AssetKind.VEHICLE.term
    '机动车辆'
    """

    DEPOSIT = "deposit", "存款"
    SECURITIES = "securities", "有价证券"
    VEHICLE = "vehicle", "机动车辆"
    HOUSING = "housing", "房产"
    BUSINESS = "business", "经营性资产"
    OTHER = "other", "其他财产"

    @property
    def is_financial(self) -> bool:
        """Deposits and securities (金融资产).

        >>> AssetKind.SECURITIES.is_financial
        True
        """
        return self in (AssetKind.DEPOSIT, AssetKind.SECURITIES)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Asset:
    """One asset of the household (``owner`` = a person id, or ``None`` for the household).

    >>> Asset(kind=AssetKind.HOUSING, value=Decimal("0"), count=2).count
    2
    """

    kind: AssetKind
    value: Decimal = attrs.field(validator=finite_amount)
    count: int = attrs.field(default=1, validator=within(0, MAX_COUNT))
    owner: str | None = attrs.field(default=None, repr=repr_key)
    note: str = ""


class PropertyTest(Protocol):
    """A local property rule: given the assets, member count and standard, pass or fail with reasons."""

    def check(
        self, *, assets: Sequence[Asset], members: int, standard: Rate
    ) -> tuple[bool, tuple[Reason, ...]]:
        """Whether the assets are within the limits, and why."""
        ...


_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)


@attrs.frozen(field_transformer=typed_fields)
class NoPropertyTest:
    """The default: no property rule configured — every household passes.

    >>> NoPropertyTest().check(assets=(), members=1, standard=Rate.monthly("715"))[0]
    True
    """

    def check(
        self, *, assets: Sequence[Asset], members: int, standard: Rate
    ) -> tuple[bool, tuple[Reason, ...]]:
        """Always passes."""
        return True, (Reason(code="dibao.property_ok", citation=_LOCAL, met=True),)


#: The shared default property test (nothing configured, every household passes).
NO_PROPERTY_TEST = NoPropertyTest()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AssetLimits:
    """A rule table of property limits; ``None`` means "no limit of that kind".

    Attributes:
        financial_years_per_capita: deposits + securities per member must be below
            this many years of the standard.
        max_vehicles: at most this many vehicles.
        vehicle_years: each vehicle worth less than this many years of the standard.
        max_houses: at most this many homes.

    >>> AssetLimits(max_houses=1).check(assets=(Asset(kind=AssetKind.HOUSING, value=Decimal(1), count=2),),
    ...                                 members=3, standard=Rate.monthly("715"))[1][0].code
    'dibao.property_fails'
    """

    financial_years_per_capita: Decimal | None = attrs.field(default=None, validator=finite_amount)
    max_vehicles: int | None = attrs.field(default=None, validator=within(0, MAX_PERSONS))
    vehicle_years: Decimal | None = attrs.field(default=None, validator=finite_amount)
    max_houses: int | None = attrs.field(default=None, validator=within(0, MAX_PERSONS))
    citation: Citation = _LOCAL

    def check(
        self, *, assets: Sequence[Asset], members: int, standard: Rate
    ) -> tuple[bool, tuple[Reason, ...]]:
        """Test the assets; every failed limit is a reason.

        >>> AssetLimits(vehicle_years=Decimal(1)).check(
        ...     assets=(Asset(kind=AssetKind.VEHICLE, value=Decimal("9000")),), members=1,
        ...     standard=Rate.yearly("8580"))[0]
        False
        """
        yearly = standard.yearly
        failures: list[str] = []
        financial = sum((a.value for a in assets if a.kind.is_financial), Decimal(0))
        if self.financial_years_per_capita is not None and members:
            limit = yearly * self.financial_years_per_capita * members
            if financial >= limit:
                failures.append(f"financial {financial} ≥ {limit}")
        vehicles = [a for a in assets if a.kind is AssetKind.VEHICLE]
        vehicle_count = sum(a.count for a in vehicles)
        if self.max_vehicles is not None and vehicle_count > self.max_vehicles:
            failures.append(f"vehicles {vehicle_count} > {self.max_vehicles}")
        if self.vehicle_years is not None:
            limit = yearly * self.vehicle_years
            failures.extend(
                f"vehicle {a.value} ≥ {limit}" for a in vehicles if a.value / a.count >= limit
            )
        houses = sum(a.count for a in assets if a.kind is AssetKind.HOUSING)
        if self.max_houses is not None and houses > self.max_houses:
            failures.append(f"homes {houses} > {self.max_houses}")
        if failures:
            detail = "; ".join(failures)
            return False, (
                Reason(
                    code="dibao.property_fails",
                    params={"detail": detail},
                    citation=self.citation,
                    met=False,
                ),
            )
        return True, (Reason(code="dibao.property_ok", citation=self.citation, met=True),)
