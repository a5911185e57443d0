"""The adoption register: adoptions exist from registration (art. 1105), dissolutions (1114-1116)."""

import copy
import datetime
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.codes import Sex
from minzheng.errors import InvalidValue, RuleViolation
from minzheng.people import Person
from minzheng.registration import (
    AdopteeCategory,
    Adopter,
    AdoptionRecord,
    AdoptionRegister,
    decide_adoption,
)
from minzheng.rules import Decision

D = datetime.date
ADOPTER = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=D(1970, 1, 1)))


def _decision(child: str, on: datetime.date) -> Decision:
    boy = Person(person_id=child, sex=Sex.MALE, birth_date=D(2020, 1, 1))
    return decide_adoption([ADOPTER], boy, category=AdopteeCategory.ORPHAN, on=on)


def _register(
    reg: AdoptionRegister, adoption_id: str, child: str, on: datetime.date
) -> AdoptionRecord:
    return reg.register(
        adoption_id, {"M"}, child, on=on, registry="620521", decision=_decision(child, on)
    )


def _raises(code: str, article: int | None, action: Any) -> None:
    with pytest.raises(RuleViolation) as caught:
        action()
    assert caught.value.code == code
    if article is not None:
        citation = caught.value.reasons[0].citation
        assert citation is not None and citation.article == article


def test_an_adoption_exists_from_its_registration() -> None:
    reg = AdoptionRegister()
    record = _register(reg, "S1", "C1", D(2025, 4, 1))
    assert record.adopters == frozenset({"M"}) and record.adoptee == "C1"
    assert reg.in_force_on(D(2025, 3, 31)) == ()
    assert reg.in_force_on(D(2025, 4, 1)) == (record,)
    assert reg.of_person("M") == (record,) and reg.of_person("C1") == (record,)
    assert reg.of_person("nobody") == ()


def test_an_ineligible_decision_is_refused_with_its_failing_reasons() -> None:
    man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=D(1980, 3, 1)))
    girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=D(2019, 2, 1))
    on = D(2025, 4, 1)
    decision = decide_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY, on=on)
    reg = AdoptionRegister()
    with pytest.raises(RuleViolation) as caught:
        reg.register("S1", {"M"}, "G", on=on, registry="620521", decision=decision)
    assert caught.value.code == "adoption.not_eligible"
    assert [r.code for r in caught.value.reasons] == ["adoption.age_gap"]
    assert reg.adoptions == ()


def test_a_decision_for_another_child_or_day_is_refused() -> None:
    reg = AdoptionRegister()
    on = D(2025, 4, 1)
    _raises(
        "adoption.decision_mismatch",
        1105,
        lambda: reg.register(
            "S1", {"M"}, "C2", on=on, registry="620521", decision=_decision("C1", on)
        ),
    )
    _raises(
        "adoption.decision_mismatch",
        1105,
        lambda: reg.register(
            "S1", {"M"}, "C1", on=D(2025, 4, 2), registry="620521", decision=_decision("C1", on)
        ),
    )


def test_a_duplicate_id_is_refused() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2025, 4, 1))
    _raises("registration.duplicate", None, lambda: _register(reg, "S1", "C2", D(2025, 4, 1)))


def test_a_person_cannot_adopt_themselves() -> None:
    on = D(2025, 4, 1)
    reg = AdoptionRegister()
    _raises(
        "adoption.self",
        None,
        lambda: reg.register(
            "S1", {"C1", "W"}, "C1", on=on, registry="620521", decision=_decision("C1", on)
        ),
    )


def test_an_adopted_child_is_not_adopted_again_until_dissolved() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2024, 4, 1))
    _raises("adoption.already_adopted", 1105, lambda: _register(reg, "S2", "C1", D(2025, 4, 1)))
    reg.dissolve("S1", on=D(2025, 1, 10), placing_party_agrees=True)
    _raises("adoption.already_adopted", 1105, lambda: _register(reg, "S2", "C1", D(2025, 1, 9)))
    assert _register(reg, "S2", "C1", D(2025, 1, 10)).adoption_id == "S2"


def test_an_adoption_entered_late_cannot_overlap_a_later_one() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2025, 4, 1))
    _raises("adoption.already_adopted", 1105, lambda: _register(reg, "S0", "C1", D(2024, 4, 1)))


def test_before_majority_the_adopters_cannot_dissolve_alone() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2024, 4, 1))
    _raises("adoption.dissolution_refused", 1114, lambda: reg.dissolve("S1", on=D(2025, 1, 1)))
    assert reg.in_force_on(D(2025, 6, 1))
    done = reg.dissolve("S1", on=D(2025, 1, 1), placing_party_agrees=True)
    assert (done.dissolved_on, done.dissolved_by) == (D(2025, 1, 1), "agreement")
    assert reg.in_force_on(D(2025, 1, 1)) == ()


def test_an_adult_adoptee_and_a_court_dissolve_without_the_placing_party() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2024, 4, 1))
    _register(reg, "S2", "C2", D(2024, 4, 1))
    assert reg.dissolve("S1", on=D(2025, 1, 1), adoptee_adult=True).dissolved_by == "agreement"
    assert reg.dissolve("S2", on=D(2025, 1, 1), by="court").dissolved_by == "court"


def test_dissolving_twice_before_registration_or_an_unknown_id_is_refused() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2024, 4, 1))
    _raises(
        "adoption.before_registration",
        1105,
        lambda: reg.dissolve("S1", on=D(2024, 3, 31), by="court"),
    )
    reg.dissolve("S1", on=D(2025, 1, 1), by="court")
    _raises("adoption.already_dissolved", 1116, lambda: reg.dissolve("S1", on=D(2025, 2, 1)))
    _raises("adoption.unknown", 1105, lambda: reg.dissolve("S9", on=D(2025, 2, 1)))


def test_an_unknown_kind_of_dissolution_is_invalid() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2024, 4, 1))
    with pytest.raises(InvalidValue) as caught:
        reg.dissolve("S1", on=D(2025, 1, 1), by="whim")  # type: ignore[arg-type]
    assert caught.value.field == "by"
    with pytest.raises(InvalidValue):
        AdoptionRecord(
            adoption_id="S",
            adopters=set(),
            adoptee="C",
            registry="620521",
            registered_on=D(2025, 1, 1),
        )


def test_refusals_render_in_every_locale() -> None:
    reg = AdoptionRegister()
    with pytest.raises(RuleViolation) as caught:
        reg.dissolve("S9", on=D(2025, 2, 1))
    reason = caught.value.reasons[0]
    assert reason.render("en") == "no adoption registration S9"
    assert "收養登記" in reason.render("zh_Hant")


def test_counts_adoptions_and_dissolutions_in_the_period_inclusive() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2024, 12, 31))
    _register(reg, "S2", "C2", D(2025, 1, 1))
    _register(reg, "S3", "C3", D(2025, 12, 31))
    _register(reg, "S4", "C4", D(2026, 1, 1))
    reg.dissolve("S1", on=D(2025, 1, 1), by="court")
    reg.dissolve("S2", on=D(2025, 6, 1), placing_party_agrees=True)
    reg.dissolve("S3", on=D(2026, 1, 1), adoptee_adult=True)
    assert reg.counts(D(2025, 1, 1), D(2025, 12, 31)) == {"adoptions": 2, "dissolutions": 2}
    assert reg.counts(D(2024, 1, 1), D(2024, 12, 31)) == {"adoptions": 1, "dissolutions": 0}
    assert reg.counts(D(2026, 1, 1), D(2026, 1, 1)) == {"adoptions": 1, "dissolutions": 1}


def test_the_register_pickles_and_copies_into_an_independent_register() -> None:
    reg = AdoptionRegister()
    _register(reg, "S1", "C1", D(2025, 4, 1))
    for clone in (pickle.loads(pickle.dumps(reg)), copy.copy(reg), copy.deepcopy(reg)):
        assert clone.adoptions == reg.adoptions
        _register(clone, "S2", "C2", D(2025, 4, 1))
        assert len(clone.adoptions) == 2 and len(reg.adoptions) == 1


def test_the_record_masks_identity_numbers_in_its_repr() -> None:
    number = "11010519491231002X"
    record = AdoptionRecord(
        adoption_id="S",
        adopters={number},
        adoptee=number,
        registry="620521",
        registered_on=D(2025, 1, 1),
    )
    assert number not in repr(record)


_DAYS = st.integers(0, 2000).map(lambda n: D(2021, 1, 1) + datetime.timedelta(days=n))
_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("register"), st.sampled_from("ABCDE"), st.sampled_from("XYZ"), _DAYS),
        st.tuples(
            st.just("dissolve"),
            st.sampled_from("ABCDEQ"),
            st.sampled_from(["agreement", "court"]),
            _DAYS,
            st.booleans(),
        ),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(_OPS)
def test_an_adoptee_never_has_two_adoptions_in_force(ops: list[tuple[Any, ...]]) -> None:
    reg = AdoptionRegister()
    for op in ops:
        before = reg.adoptions
        try:
            if op[0] == "register":
                _, adoption_id, child, on = op
                _register(reg, adoption_id, child, on)
            else:
                _, adoption_id, by, on, agrees = op
                reg.dissolve(adoption_id, on=on, by=by, placing_party_agrees=agrees)
        except RuleViolation:
            assert reg.adoptions == before
    records = reg.adoptions
    days = {r.registered_on for r in records} | {r.dissolved_on for r in records if r.dissolved_on}
    for day in days:
        in_force = [r.adoptee for r in reg.in_force_on(day)]
        assert len(in_force) == len(set(in_force))
    total = reg.counts(D(2000, 1, 1), D(2100, 1, 1))
    assert total["adoptions"] == len(records)
    assert total["dissolutions"] == sum(r.dissolved_on is not None for r in records)


def test_eight_registrations_of_one_child_on_one_day_make_one_adoption(race: Any) -> None:
    on = D(2025, 4, 1)
    decision = _decision("C1", on)

    def action(reg: AdoptionRegister, i: int) -> str:
        return reg.register(
            f"S{i}", {f"M{i}"}, "C1", on=on, registry="620521", decision=decision
        ).adoption_id

    def check(reg: AdoptionRegister, outcomes: list[object]) -> None:
        assert len(reg.adoptions) == 1
        assert outcomes.count("refused:adoption.already_adopted") == 7

    assert race(AdoptionRegister, action, check) > 20


def test_one_adoption_dissolved_by_racing_threads_is_dissolved_once(race: Any) -> None:
    def setup() -> AdoptionRegister:
        reg = AdoptionRegister()
        _register(reg, "S1", "C1", D(2024, 4, 1))
        return reg

    def action(reg: AdoptionRegister, i: int) -> str:
        return reg.dissolve("S1", on=D(2025, 1, i + 1), by="court").adoption_id

    def check(reg: AdoptionRegister, outcomes: list[object]) -> None:
        assert outcomes.count("S1") == 1
        assert outcomes.count("refused:adoption.already_dissolved") == 7
        assert reg.counts(D(2025, 1, 1), D(2025, 12, 31))["dissolutions"] == 1

    assert race(setup, action, check) > 20
