"""Code lists: official codes, terms and the GB/T 42195 level function (DOMAIN.md §10.4)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.codes import (
    AbilityLevel,
    DisabilityCategory,
    DisabilityGrade,
    Ethnicity,
    MaritalStatus,
    Relationship,
    RelationshipKind,
    Sex,
    ability_level,
    preliminary_ability_level,
)
from minzheng.errors import InvalidValue, UnknownCode


def test_official_codes() -> None:
    assert [s.value for s in Sex] == ["0", "1", "2", "9"]
    assert MaritalStatus("21").is_married and not MaritalStatus("40").is_married
    assert [c.term for c in DisabilityCategory] == [
        "视力残疾",
        "听力残疾",
        "言语残疾",
        "肢体残疾",
        "智力残疾",
        "精神残疾",
        "多重残疾",
    ]
    assert [g.is_severe for g in DisabilityGrade] == [True, True, False, False]
    assert len([e for e in Ethnicity if int(e.value) <= 56]) == 56
    assert Ethnicity.from_code("56").term == "基诺族"


def test_lookup_errors() -> None:
    with pytest.raises(UnknownCode) as info:
        Sex.from_code("3")
    assert info.value.code == "sex.unknown" and info.value.field == "sex"
    with pytest.raises(UnknownCode):
        DisabilityGrade.from_term("五级")
    assert DisabilityGrade.from_term("Grade 2") is DisabilityGrade.SECOND


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("02", RelationshipKind.SELF),
        ("12", RelationshipKind.SPOUSE),
        ("22", RelationshipKind.CHILD),
        ("28", RelationshipKind.CHILD_IN_LAW),
        ("38", RelationshipKind.CHILD_IN_LAW),
        ("41", RelationshipKind.GRANDCHILD),
        ("51", RelationshipKind.PARENT),
        ("61", RelationshipKind.GRANDPARENT),
        ("72", RelationshipKind.SIBLING),
        ("81", RelationshipKind.OTHER_RELATIVE),
        ("97", RelationshipKind.OTHER_RELATIVE),
        ("99", RelationshipKind.NOT_RELATED),
    ],
)
def test_relationship_kinds(code: str, kind: RelationshipKind) -> None:
    assert Relationship(code).kind is kind


def test_ability_worked_example() -> None:
    # 24 + 10 + 20 + 9 = 63 → level 2; with dementia → level 3
    assert ability_level(24 + 10 + 20 + 9) is AbilityLevel.MODERATE
    assert ability_level(63, dementia=True) is AbilityLevel.SEVERE


@pytest.mark.parametrize(
    ("total", "level"),
    [(90, 0), (89, 1), (66, 1), (65, 2), (46, 2), (45, 3), (30, 3), (29, 4), (0, 4)],
)
def test_ability_bands(total: int, level: int) -> None:
    assert preliminary_ability_level(total).number == level


def test_ability_adjustments() -> None:
    assert ability_level(90, coma=True) is AbilityLevel.LOST
    assert ability_level(90, risk_events_30d=1) is AbilityLevel.INTACT
    assert ability_level(90, risk_events_30d=2) is AbilityLevel.MILD
    assert ability_level(20, dementia=True, risk_events_30d=3) is AbilityLevel.LOST
    for bad in (-1, 91, True, "63"):
        with pytest.raises(InvalidValue):
            ability_level(bad)  # type: ignore[arg-type]


def test_ability_appendix_c_any_one_condition_raises_one_level() -> None:
    # GB/T 42195 Appendix C: "any one of the conditions raises one level" — both still one.
    assert ability_level(70, dementia=True) is AbilityLevel.MODERATE
    assert ability_level(70, risk_events_30d=2) is AbilityLevel.MODERATE
    assert ability_level(70, dementia=True, risk_events_30d=2) is AbilityLevel.MODERATE
    assert ability_level(70, dementia=True, risk_events_30d=2, cumulative=True) is (
        AbilityLevel.SEVERE
    )
    assert ability_level(40, dementia=True, risk_events_30d=2, cumulative=True) is AbilityLevel.LOST
    for bad in ("2", 1.5, None):
        with pytest.raises(InvalidValue):
            ability_level(70, risk_events_30d=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        ability_level(70, dementia="yes")  # type: ignore[arg-type]


@given(st.integers(0, 90), st.booleans(), st.integers(0, 5))
def test_ability_cumulative_reading_adds_one_level_per_condition(
    total: int, dementia: bool, events: int
) -> None:
    base = preliminary_ability_level(total).number
    met = int(dementia) + int(events >= 2)
    cumulative = ability_level(total, dementia=dementia, risk_events_30d=events, cumulative=True)
    as_written = ability_level(total, dementia=dementia, risk_events_30d=events)
    assert cumulative.number == min(4, base + met)
    assert as_written.number == min(4, base + min(met, 1))


@given(st.integers(0, 90), st.booleans(), st.integers(0, 5), st.booleans())
def test_ability_level_properties(total: int, dementia: bool, events: int, coma: bool) -> None:
    base = preliminary_ability_level(total)
    level = ability_level(total, dementia=dementia, risk_events_30d=events, coma=coma)
    assert level.number >= base.number
    assert level.number <= min(4, base.number + 1) or coma
    if coma:
        assert level is AbilityLevel.LOST
