"""Home and community services: the light records the seeds count.

Service orders (派单: who, which service, how long, satisfied or not), home
adaptations (适老化改造), meal-service counts (助餐) and visits to elderly people
in special hardship (探访关爱).

>>> import datetime
>>> from decimal import Decimal
>>> order = ServiceOrder(order_id="O1", person_id="P", service=HomeServiceType.MEAL,
...                      ordered_on=datetime.date(2025, 3, 1), hours=Decimal("1.5"), satisfied=True)
>>> order.hours
Decimal('1.5')
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs

from minzheng._bounds import MAX_COUNT, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.errors import InvalidValue
from minzheng.money import finite_amount
from minzheng.privacy import repr_key, repr_name

__all__ = [
    "CareVisit",
    "HomeAdaptation",
    "HomeServiceType",
    "MealService",
    "ServiceOrder",
    "VisitKind",
]


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: Decimal | int) -> None:
    if value < 0:
        raise InvalidValue("value.invalid", field=attribute.name, value=str(value))


class HomeServiceType(CodeEnum):
    """Home-care services (居家养老服务).

    >>> HomeServiceType.BATHING.label("en")
    'Bathing help'
    """

    DAILY_CARE = "daily_care", "生活照料"
    MEAL = "meal", "助餐"
    CLEANING = "cleaning", "助洁"
    BATHING = "bathing", "助浴"
    MEDICAL = "medical", "助医"
    COMPANIONSHIP = "companionship", "精神慰藉"
    REHABILITATION = "rehabilitation", "康复护理"
    EMERGENCY = "emergency", "紧急救援"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ServiceOrder:
    """One dispatched service (派单), its duration and the person's satisfaction (``None`` = not asked).

    >>> ServiceOrder(order_id="O", person_id="P", service=HomeServiceType.CLEANING,
    ...              ordered_on=datetime.date(2025, 1, 1), hours=Decimal(-1))
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: hours：值无效：-1
    """

    order_id: str
    person_id: str = attrs.field(repr=repr_key)
    service: HomeServiceType
    ordered_on: datetime.date
    hours: Decimal = attrs.field(default=Decimal(0), validator=[finite_amount, _non_negative])
    satisfied: bool | None = None
    provider: str = ""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class HomeAdaptation:
    """A home adaptation for an older person (适老化改造): items and cost.

    >>> HomeAdaptation(household_id="HH", items=("扶手", "防滑地面"), cost=Decimal("3200"),
    ...                completed_on=datetime.date(2025, 5, 1)).items
    ('扶手', '防滑地面')
    """

    household_id: str = attrs.field(repr=repr_key)
    items: tuple[str, ...]
    cost: Decimal = attrs.field(validator=[finite_amount, _non_negative])
    completed_on: datetime.date


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MealService:
    """Meals served at a meal point on a day (助餐人次).

    >>> MealService(point_id="M1", served_on=datetime.date(2025, 1, 2), meals=35).meals
    35
    """

    point_id: str
    served_on: datetime.date
    meals: int = attrs.field(validator=[_non_negative, within(0, MAX_COUNT)])


class VisitKind(CodeEnum):
    """探访关爱: a home visit or a phone call.

    >>> VisitKind.PHONE.term
    '电话探访'
    """

    HOME = "home", "上门探访"
    PHONE = "phone", "电话探访"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CareVisit:
    """A visit to an elderly person in special hardship.

    >>> CareVisit(person_id="P", visited_on=datetime.date(2025, 1, 3), kind=VisitKind.HOME).kind.value
    'home'
    """

    person_id: str = attrs.field(repr=repr_key)
    visited_on: datetime.date
    kind: VisitKind = VisitKind.HOME
    visitor: str = attrs.field(default="", repr=repr_name)
