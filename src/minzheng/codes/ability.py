"""Elderly ability level — GB/T 42195-2022《老年人能力评估规范》.

Four first-level indicators, 26 items, a maximum of 90 points. The total gives a
preliminary level (90 → 0; 66–89 → 1; 46–65 → 2; 30–45 → 3; 0–29 → 4), then
Appendix C adjusts it: coma → level 4 directly; a diagnosed dementia or other
mental/behavioural disorder, or two or more care-risk events (falls, choking,
self-harm, wandering) in the last 30 days → one level up; never above 4
(DOMAIN.md §10.4, [V-secondary]). The standard says "any one of the conditions
raises one level" (具备任意一项即上升一个等级), so dementia *and* risk events still
raise one level only; pass ``cumulative=True`` for a local rule that raises one
level per condition.

This is not the six-activity self-care test of 特困 support (§5.4), which is a
different instrument.

>>> ability_level(63)
<AbilityLevel.MODERATE: '2'>
>>> ability_level(63, dementia=True)
<AbilityLevel.SEVERE: '3'>
"""

from __future__ import annotations

from minzheng.codes._base import CodeEnum
from minzheng.errors import InvalidValue

__all__ = ["MAX_ABILITY_SCORE", "AbilityLevel", "ability_level", "preliminary_ability_level"]

#: The highest total score of GB/T 42195-2022 (32 + 15 + 28 + 15).
MAX_ABILITY_SCORE = 90


class AbilityLevel(CodeEnum):
    """GB/T 42195 ability level, 0 (intact) to 4 (completely lost).

    >>> AbilityLevel.SEVERE.label("en")
    'Severely impaired (severe disability)'
    """

    INTACT = "0", "能力完好"
    MILD = "1", "能力轻度受损（轻度失能）"
    MODERATE = "2", "能力中度受损（中度失能）"
    SEVERE = "3", "能力重度受损（重度失能）"
    LOST = "4", "能力完全丧失（完全失能）"

    @property
    def number(self) -> int:
        """The level as a number 0–4.

        >>> AbilityLevel.LOST.number
        4
        """
        return int(self.value)

    def raised(self, steps: int = 1) -> AbilityLevel:
        """The level raised by ``steps``, capped at level 4.

        >>> AbilityLevel.SEVERE.raised(2)
        <AbilityLevel.LOST: '4'>
        """
        return AbilityLevel(str(min(4, self.number + steps)))


# (lowest total of the band, level), highest band first.
_BANDS = (
    (90, AbilityLevel.INTACT),
    (66, AbilityLevel.MILD),
    (46, AbilityLevel.MODERATE),
    (30, AbilityLevel.SEVERE),
    (0, AbilityLevel.LOST),
)


def preliminary_ability_level(total: int) -> AbilityLevel:
    """The preliminary level for a total score 0–90, before Appendix C's adjustments.

    >>> preliminary_ability_level(90), preliminary_ability_level(66), preliminary_ability_level(29)
    (<AbilityLevel.INTACT: '0'>, <AbilityLevel.MILD: '1'>, <AbilityLevel.LOST: '4'>)
    """
    if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= MAX_ABILITY_SCORE:
        raise InvalidValue(
            "ability.score", field="total", value=total, params={"max": MAX_ABILITY_SCORE}
        )
    for floor, level in _BANDS:
        if total >= floor:
            return level
    raise AssertionError("unreachable: the last band starts at 0")  # pragma: no cover


def ability_level(
    total: int,
    *,
    coma: bool = False,
    dementia: bool = False,
    risk_events_30d: int = 0,
    cumulative: bool = False,
) -> AbilityLevel:
    """The GB/T 42195 ability level with the Appendix C adjustments.

    Args:
        total: the total score, 0–90.
        coma: the person is in a coma — level 4 directly.
        dementia: diagnosed dementia (ICD-10 F00–F03) or another mental or
            behavioural disorder diagnosed by a psychiatrist — one level up.
        risk_events_30d: care-risk events in the last 30 days (falls, choking,
            suicide/self-harm, wandering); two or more — one level up.
        cumulative: ``False`` (the default, as Appendix C is written): meeting
            any one of the conditions raises the level by one, and meeting both
            still by one. ``True``: each condition met raises one level (dementia
            and risk events: two levels) — some local implementations read it so.

    The result is never above level 4.

    >>> ability_level(24 + 10 + 20 + 9).label("en")
    'Moderately impaired (moderate disability)'
    >>> ability_level(80, coma=True)
    <AbilityLevel.LOST: '4'>
    >>> ability_level(70, dementia=True, risk_events_30d=2)
    <AbilityLevel.MODERATE: '2'>
    >>> ability_level(70, dementia=True, risk_events_30d=2, cumulative=True)
    <AbilityLevel.SEVERE: '3'>
    """
    level = preliminary_ability_level(total)
    for name, flag in (("coma", coma), ("dementia", dementia), ("cumulative", cumulative)):
        if not isinstance(flag, bool):
            raise InvalidValue("value.type", field=name, value=flag, params={"expected": "bool"})
    if isinstance(risk_events_30d, bool) or not isinstance(risk_events_30d, int):
        raise InvalidValue(
            "value.type", field="risk_events_30d", value=risk_events_30d, params={"expected": "int"}
        )
    if risk_events_30d < 0:
        raise InvalidValue("ability.risk_events", field="risk_events_30d", value=risk_events_30d)
    if coma:
        return AbilityLevel.LOST
    met = int(dementia) + int(risk_events_30d >= 2)
    steps = met if cumulative else min(met, 1)
    return level.raised(steps) if steps else level
