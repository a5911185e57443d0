"""The GB/T 42195-2022 elderly ability assessment: 26 items, four indicators, 90 points.

The items and their maxima (DOMAIN.md §10.4): self-care (8 items, 0–4 each, 32);
basic mobility (bed mobility, bed–chair transfer, level walking 0–4; stairs 0–3;
15); mental state (orientation to time, place and person, memory, comprehension,
expression 0–4; aggression 0–1; depressive symptoms 0–1; consciousness 0–2; 28);
perception and social participation (vision 0–2, hearing 0–2, daily affairs 0–4,
using transport 0–3, social interaction 0–4; 15). The level follows from the
total with the Appendix C adjustments (:func:`minzheng.codes.ability_level`).

>>> import datetime
>>> scores = {item: item.max_score for item in AbilityItem}
>>> a = AbilityAssessment(assessed_on=datetime.date(2025, 3, 1), scores=scores)
>>> a.total, a.level
(90, <AbilityLevel.INTACT: '0'>)
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import attrs

from minzheng._bounds import MAX_COUNT, within
from minzheng._validators import type_error, typed_fields
from minzheng.codes import AbilityLevel, CodeEnum, ability_level
from minzheng.errors import InvalidValue

__all__ = ["AbilityAssessment", "AbilityIndicator", "AbilityItem"]


class AbilityIndicator(CodeEnum):
    """The four first-level indicators.

    >>> AbilityIndicator.MENTAL_STATE.max_score
    28
    """

    SELF_CARE = "self_care", "自理能力"
    MOBILITY = "mobility", "基础运动能力"
    MENTAL_STATE = "mental_state", "精神状态"
    PERCEPTION = "perception", "感知觉与社会参与"

    @property
    def max_score(self) -> int:
        """The indicator's maximum."""
        return sum(item.max_score for item in AbilityItem if item.indicator is self)


class AbilityItem(CodeEnum):
    """The 26 assessment items.

    >>> AbilityItem.STAIRS.max_score, AbilityItem.STAIRS.indicator.value
    (3, 'mobility')
    """

    EATING = "eating", "进食"
    GROOMING = "grooming", "修饰"
    BATHING = "bathing", "洗澡"
    DRESSING_UPPER = "dressing_upper", "穿/脱上衣"
    DRESSING_LOWER = "dressing_lower", "穿/脱裤子和鞋袜"
    URINARY_CONTROL = "urinary_control", "小便控制"
    BOWEL_CONTROL = "bowel_control", "大便控制"
    TOILETING = "toileting", "如厕"
    BED_MOBILITY = "bed_mobility", "床上体位转移"
    TRANSFER = "transfer", "床椅转移"
    WALKING = "walking", "平地行走"
    STAIRS = "stairs", "上下楼梯"
    TIME_ORIENTATION = "time_orientation", "时间定向"
    PLACE_ORIENTATION = "place_orientation", "空间定向"
    PERSON_ORIENTATION = "person_orientation", "人物定向"
    MEMORY = "memory", "记忆"
    COMPREHENSION = "comprehension", "理解能力"
    EXPRESSION = "expression", "表达能力"
    AGGRESSION = "aggression", "攻击行为"
    DEPRESSION = "depression", "抑郁症状"
    CONSCIOUSNESS = "consciousness", "意识水平"
    VISION = "vision", "视力"
    HEARING = "hearing", "听力"
    DAILY_AFFAIRS = "daily_affairs", "执行日常事务"
    TRANSPORT = "transport", "使用交通工具外出"
    SOCIAL_INTERACTION = "social_interaction", "社会交往能力"

    @property
    def max_score(self) -> int:
        """The item's maximum score.

        >>> AbilityItem.CONSCIOUSNESS.max_score
        2
        """
        return _MAX.get(self, 4)

    @property
    def indicator(self) -> AbilityIndicator:
        """The indicator the item belongs to."""
        return _INDICATOR[self]


_I = AbilityItem
_MAX = {
    _I.STAIRS: 3,
    _I.AGGRESSION: 1,
    _I.DEPRESSION: 1,
    _I.CONSCIOUSNESS: 2,
    _I.VISION: 2,
    _I.HEARING: 2,
    _I.TRANSPORT: 3,
}
_GROUPS = {
    AbilityIndicator.SELF_CARE: list(AbilityItem)[:8],
    AbilityIndicator.MOBILITY: list(AbilityItem)[8:12],
    AbilityIndicator.MENTAL_STATE: list(AbilityItem)[12:21],
    AbilityIndicator.PERCEPTION: list(AbilityItem)[21:],
}
_INDICATOR = {item: indicator for indicator, items in _GROUPS.items() for item in items}
del _I


def _scores(value: Mapping[Any, int]) -> dict[AbilityItem, int]:
    if not isinstance(value, Mapping):
        raise type_error("scores", value, "Mapping[str, int]")
    out: dict[AbilityItem, int] = {}
    for key, score in value.items():
        item = key if isinstance(key, AbilityItem) else AbilityItem.from_code(key)
        if (
            isinstance(score, bool)
            or not isinstance(score, int)
            or not 0 <= score <= item.max_score
        ):
            raise InvalidValue(
                "ability.item_score", field=item.value, value=score, params={"max": item.max_score}
            )
        out[item] = score
    missing = [i.value for i in AbilityItem if i not in out]
    if missing:
        raise InvalidValue("ability.items_missing", field="scores", value=", ".join(missing))
    return out


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AbilityAssessment:
    """One assessment: all 26 item scores, the date, and the Appendix C facts.

    >>> import datetime
    >>> AbilityAssessment(assessed_on=datetime.date(2025, 1, 1), scores={})
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: scores：评估项目不完整，缺少：eating, grooming, ...
    """

    assessed_on: datetime.date
    scores: dict[AbilityItem, int] = attrs.field(converter=_scores)
    coma: bool = False
    dementia: bool = False
    risk_events_30d: int = attrs.field(default=0, validator=within(0, MAX_COUNT))

    def indicator_total(self, indicator: AbilityIndicator) -> int:
        """The score of one indicator.

        >>> a = AbilityAssessment(assessed_on=datetime.date(2025, 1, 1), scores={i: 1 for i in AbilityItem})
        >>> a.indicator_total(AbilityIndicator.SELF_CARE)
        8
        """
        return sum(score for item, score in self.scores.items() if item.indicator is indicator)

    @property
    def total(self) -> int:
        """The total score, 0–90."""
        return sum(self.scores.values())

    @property
    def level(self) -> AbilityLevel:
        """The ability level with the coma, dementia and risk-event adjustments.

        As Appendix C is written, dementia and risk events together raise one
        level only (see :meth:`adjusted_level` for the cumulative reading).
        """
        return self.adjusted_level()

    def adjusted_level(self, *, cumulative: bool = False) -> AbilityLevel:
        """The level with Appendix C's adjustments; ``cumulative=True`` raises one level per condition.

        >>> scores = {i: min(3, i.max_score) for i in AbilityItem}
        >>> a = AbilityAssessment(assessed_on=datetime.date(2025, 1, 1), scores=scores,
        ...                       dementia=True, risk_events_30d=2)
        >>> a.total, a.level.value, a.adjusted_level(cumulative=True).value
        (71, '2', '3')
        """
        return ability_level(
            self.total,
            coma=self.coma,
            dementia=self.dementia,
            risk_events_30d=self.risk_events_30d,
            cumulative=cumulative,
        )
