"""GB/T 37276-2018 grading: 1,000 points in four parts, a total and a floor for every part.

Scoring (Appendix A as reproduced by the Changsha rules; DOMAIN.md §10.2):
环境 120 + 设施设备 130 + 运营管理 150 + 服务 600. A grade needs the total and every
component at or above its share of that component's maximum:

====  =====  ==================
grade total  every component ≥
====  =====  ==================
一级   360    40 %
二级   450    50 %
三级   570    60 %
四级   780    80 %
五级   900    90 %
====  =====  ==================

That the local table copies the national one is UNVERIFIED, so the cut-offs are
a parameter.

Worked example: 100 / 110 / 120 / 470 = 800 ≥ 780, but service 470/600 = 78.3 % < 80 %
— not 四级; all components ≥ 60 % and 800 ≥ 570 — 三级.

>>> institution_grade(GradingScores(environment=100, facilities=110, management=120, service=470))
<InstitutionGrade.THIRD: '3'>
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from minzheng._bounds import MAX_SCORE, within
from minzheng._validators import typed_fields
from minzheng.care.institution import InstitutionGrade
from minzheng.errors import InvalidValue
from minzheng.money import finite_amount

__all__ = ["DEFAULT_CUTOFFS", "MAXIMA", "GradeCutoff", "GradingScores", "institution_grade"]

#: Component maxima (points).
MAXIMA = {"environment": 120, "facilities": 130, "management": 150, "service": 600}


def _score(instance: GradingScores, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not 0 <= value <= MAXIMA[attribute.name]:
        raise InvalidValue("value.invalid", field=attribute.name, value=str(value))


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise InvalidValue("value.invalid", field="score", value=value)
    try:
        return Decimal(value)
    except ArithmeticError:  # decimal.InvalidOperation: text that is not a number
        raise InvalidValue("value.invalid", field="score", value=value) from None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class GradingScores:
    """Scores in the four parts (maxima 120, 130, 150, 600).

    >>> GradingScores(environment=100, facilities=110, management=120, service=470).total
    Decimal('800')
    """

    environment: Decimal = attrs.field(converter=_decimal, validator=[finite_amount, _score])
    facilities: Decimal = attrs.field(converter=_decimal, validator=[finite_amount, _score])
    management: Decimal = attrs.field(converter=_decimal, validator=[finite_amount, _score])
    service: Decimal = attrs.field(converter=_decimal, validator=[finite_amount, _score])

    @property
    def total(self) -> Decimal:
        """The total of the four parts (out of 1,000)."""
        return self.environment + self.facilities + self.management + self.service

    def share(self, component: str) -> Decimal:
        """A component's score as a share of its maximum.

        >>> GradingScores(environment=60, facilities=0, management=0, service=0).share("environment")
        Decimal('0.5')
        """
        value: Decimal = getattr(self, component)
        return value / MAXIMA[component]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class GradeCutoff:
    """A grade's minimum total and the minimum share of every component.

    >>> GradeCutoff(grade=InstitutionGrade.FIRST, total=360, component_share=Decimal("0.4")).total
    360
    """

    grade: InstitutionGrade
    total: int = attrs.field(validator=within(0, MAX_SCORE))
    component_share: Decimal = attrs.field(validator=finite_amount)


DEFAULT_CUTOFFS = (
    GradeCutoff(grade=InstitutionGrade.FIFTH, total=900, component_share=Decimal("0.9")),
    GradeCutoff(grade=InstitutionGrade.FOURTH, total=780, component_share=Decimal("0.8")),
    GradeCutoff(grade=InstitutionGrade.THIRD, total=570, component_share=Decimal("0.6")),
    GradeCutoff(grade=InstitutionGrade.SECOND, total=450, component_share=Decimal("0.5")),
    GradeCutoff(grade=InstitutionGrade.FIRST, total=360, component_share=Decimal("0.4")),
)


def institution_grade(
    scores: GradingScores, cutoffs: tuple[GradeCutoff, ...] = DEFAULT_CUTOFFS
) -> InstitutionGrade | None:
    """The highest grade whose total and component floors the scores meet; ``None`` below 一级.

    >>> institution_grade(GradingScores(environment=110, facilities=120, management=140, service=560))
    <InstitutionGrade.FIFTH: '5'>
    >>> institution_grade(GradingScores(environment=40, facilities=50, management=60, service=200)) is None
    True
    """
    for cutoff in sorted(cutoffs, key=lambda c: c.grade.number, reverse=True):
        if scores.total >= cutoff.total and all(
            scores.share(component) >= cutoff.component_share for component in MAXIMA
        ):
            return cutoff.grade
    return None
