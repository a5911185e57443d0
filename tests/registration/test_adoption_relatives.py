"""Art. 1099: a relative's child — which conditions are lifted, and the overseas Chinese relief."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from minzheng.codes import Sex
from minzheng.people import Person
from minzheng.registration import AdopteeCategory, Adopter, decide_adoption

D = datetime.date
ON = D(2025, 4, 1)
NIECE = Person(person_id="N", sex=Sex.FEMALE, birth_date=D(2019, 2, 1))


def _uncle(children: int = 0, adopted: int = 0, *, overseas: bool = False) -> Adopter:
    return Adopter(
        person=Person(person_id="U", sex=Sex.MALE, birth_date=D(1985, 3, 1)),  # 34 years older
        children=children,
        previously_adopted=adopted,
        overseas_chinese=overseas,
    )


def _codes(adopter: Adopter) -> list[str]:
    decision = decide_adoption(
        [adopter],
        NIECE,
        category=AdopteeCategory.PARENTS_IN_DIFFICULTY,
        on=ON,
        relative_adoption=True,
    )
    return [r.code for r in decision.reasons if r.met is False]


def test_a_relatives_child_lifts_the_age_gap_but_not_the_child_count() -> None:
    assert _codes(_uncle()) == []  # 34-year gap: art. 1102 is lifted
    assert _codes(_uncle(children=2)) == ["adoption.too_many_children"]  # 1098(1) still applies


def test_a_relatives_child_does_not_lift_the_number_limit() -> None:
    assert _codes(_uncle(children=1, adopted=1)) == ["adoption.number_limit"]
    assert _codes(_uncle(children=0, adopted=2)) == ["adoption.number_limit"]


def test_an_overseas_chinese_adopting_a_relatives_child_is_relieved_of_1098_1_only() -> None:
    assert _codes(_uncle(children=2, overseas=True)) == []
    assert _codes(_uncle(children=2, adopted=1, overseas=True)) == ["adoption.number_limit"]
    # the relief is for a relative's child only
    decision = decide_adoption(
        [_uncle(children=2, overseas=True)],
        NIECE,
        category=AdopteeCategory.PARENTS_IN_DIFFICULTY,
        on=ON,
    )
    assert "adoption.too_many_children" in decision.reason_codes()
    cited = {
        r.code: r.citation
        for r in decide_adoption(
            [_uncle(children=2, overseas=True)],
            NIECE,
            category=AdopteeCategory.PARENTS_IN_DIFFICULTY,
            on=ON,
            relative_adoption=True,
        ).reasons
    }
    assert cited["adoption.overseas_relative"].article == 1099  # type: ignore[union-attr]
    assert cited["adoption.overseas_relative"].paragraph == 2  # type: ignore[union-attr]


@given(
    children=st.integers(0, 4),
    adopted=st.integers(0, 3),
    overseas=st.booleans(),
)
def test_relative_adoption_never_relaxes_the_number_limit(
    children: int, adopted: int, overseas: bool
) -> None:
    codes = _codes(_uncle(children, adopted, overseas=overseas))
    limit = 2 if children == 0 else 1
    assert ("adoption.number_limit" in codes) == (adopted + 1 > limit)
    assert ("adoption.too_many_children" in codes) == (children > 1 and not overseas)
