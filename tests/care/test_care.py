"""Care: DOMAIN.md §10.2–§10.4 worked examples, the register's invariants, indicators."""

import contextlib
import datetime
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from minzheng.care import (
    NURSING_BED_TARGET,
    AbilityAssessment,
    AbilityIndicator,
    AbilityItem,
    Bed,
    BedFacts,
    BedKind,
    BedRegister,
    GradeCutoff,
    GradingScores,
    HomeServiceType,
    Institution,
    InstitutionGrade,
    InstitutionKind,
    LegalForm,
    NursingBedCriteria,
    ResidentSource,
    ServiceOrder,
    bed_counts,
    graded_share,
    institution_grade,
    nursing_bed_share,
    occupancy_rate,
    satisfaction_rate,
    service_hours,
    tekun_centralised_rate,
)
from minzheng.codes import AbilityLevel
from minzheng.divisions import rollup
from minzheng.errors import InvalidValue, RuleViolation
from minzheng.i18n import format_percent
from minzheng.people import Person
from minzheng.testing import bed_registers

D = datetime.date


def test_grading_worked_example() -> None:
    scores = GradingScores(environment=100, facilities=110, management=120, service=470)
    assert scores.total == 800
    assert (
        institution_grade(scores) is InstitutionGrade.THIRD
    )  # 800 ≥ 780, but service 78.3 % < 80 %
    strict = (GradeCutoff(grade=InstitutionGrade.FIRST, total=850, component_share=Decimal("0.4")),)
    assert institution_grade(scores, strict) is None
    with pytest.raises(InvalidValue):
        GradingScores(environment=121, facilities=0, management=0, service=0)


@given(st.integers(0, 120), st.integers(0, 130), st.integers(0, 150), st.integers(0, 600))
def test_grade_is_monotone_in_every_component(e: int, f: int, m: int, s: int) -> None:
    grade = institution_grade(GradingScores(environment=e, facilities=f, management=m, service=s))
    better = institution_grade(
        GradingScores(environment=min(120, e + 5), facilities=f, management=m, service=s)
    )
    assert (better.number if better else 0) >= (grade.number if grade else 0)


def assessment(**overrides: int) -> dict[AbilityItem, int]:
    scores = dict.fromkeys(AbilityItem, 0)
    for name, value in overrides.items():
        scores[AbilityItem(name)] = value
    return scores


def test_ability_assessment_worked_example() -> None:
    # self-care 24, mobility 10, mental 20, perception 9 = 63 → level 2; dementia → level 3
    scores = assessment(
        eating=4,
        grooming=4,
        bathing=4,
        dressing_upper=4,
        dressing_lower=4,
        urinary_control=4,
        bed_mobility=4,
        transfer=4,
        walking=2,
        time_orientation=4,
        place_orientation=4,
        person_orientation=4,
        memory=4,
        comprehension=4,
        vision=2,
        hearing=2,
        daily_affairs=4,
        transport=1,
    )
    a = AbilityAssessment(assessed_on=D(2025, 3, 1), scores=scores)
    assert [a.indicator_total(i) for i in AbilityIndicator] == [24, 10, 20, 9]
    assert a.total == 63 and a.level is AbilityLevel.MODERATE
    assert (
        AbilityAssessment(assessed_on=D(2025, 3, 1), scores=scores, dementia=True).level
        is AbilityLevel.SEVERE
    )
    both = AbilityAssessment(
        assessed_on=D(2025, 3, 1), scores=scores, dementia=True, risk_events_30d=2
    )
    assert both.level is AbilityLevel.SEVERE  # any one condition: one level (Appendix C)
    assert both.adjusted_level(cumulative=True) is AbilityLevel.LOST
    assert sum(i.max_score for i in AbilityItem) == 90 and len(AbilityItem) == 26
    with pytest.raises(InvalidValue):
        AbilityAssessment(assessed_on=D(2025, 3, 1), scores={**scores, AbilityItem.STAIRS: 4})


def test_nursing_bed_criteria() -> None:
    criteria = NursingBedCriteria()
    understaffed = BedFacts(
        residents_per_carer_full=Decimal(4),
        residents_per_carer_partial=Decimal(6),
        barrier_free=True,
        assistive_devices=True,
    )
    assert not criteria.check(understaffed)[0]
    assert NursingBedCriteria(full_ratio=Decimal(4)).check(understaffed)[0]
    assert criteria.check(
        BedFacts(nursing_functions=True, barrier_free=True, assistive_devices=True)
    )[0]


def test_seed_nursing_share_and_target() -> None:
    share = nursing_bed_share(7385, 10036)
    assert format_percent(share) == "73.6%" and share > NURSING_BED_TARGET == Decimal("0.55")


def county() -> BedRegister:
    reg = BedRegister()
    reg.add_institution(
        Institution(
            institution_id="A",
            name="敬老院",
            kind=InstitutionKind.TEKUN_HOME,
            division="620521",
            grade=InstitutionGrade.SECOND,
        )
    )
    reg.add_institution(
        Institution(
            institution_id="B", name="养护院", kind=InstitutionKind.NURSING_HOME, division="620522"
        )
    )
    for n in range(6):
        reg.add_bed(
            Bed(
                bed_id=f"A{n}",
                institution_id="A",
                kind=BedKind.NURSING if n < 4 else BedKind.ORDINARY,
            )
        )
    for n in range(4):
        reg.add_bed(Bed(bed_id=f"B{n}", institution_id="B", kind=BedKind.NURSING))
    return reg


def test_register_refusals() -> None:
    reg = county()
    reg.admit("S1", Person(person_id="P1"), "A0", on=D(2025, 1, 6), source=ResidentSource.TEKUN)
    refusals: list[Callable[[], object]] = [
        lambda: reg.admit("S2", Person(person_id="P2"), "A0", on=D(2025, 3, 1)),  # bed taken
        lambda: reg.admit(
            "S3", Person(person_id="P1"), "A1", on=D(2025, 3, 1)
        ),  # person already in
        lambda: reg.admit("S1", Person(person_id="P9"), "A2", on=D(2025, 3, 1)),  # duplicate id
        lambda: reg.discharge("S1", on=D(2025, 1, 5)),  # before admission
        lambda: reg.take_out_of_service("A0", start=D(2025, 6, 1)),  # occupied
        lambda: reg.admit("S4", Person(person_id="P4"), "ZZ", on=D(2025, 3, 1)),  # unknown bed
    ]
    for attempt in refusals:
        with pytest.raises(RuleViolation) as info:
            attempt()
        assert info.value.reasons and info.value.reasons[0].render("en")
    reg.take_out_of_service("A5", start=D(2025, 2, 1), end=D(2025, 3, 1))
    with pytest.raises(RuleViolation) as out:
        reg.admit("S5", Person(person_id="P5"), "A5", on=D(2025, 2, 10))
    assert out.value.code == "care.bed_out_of_service"
    reg.admit("S5", Person(person_id="P5"), "A5", on=D(2025, 3, 1))


def test_transfer_and_history() -> None:
    reg = county()
    reg.admit("S1", Person(person_id="P1"), "A0", on=D(2025, 1, 6))
    reg.transfer("S1", "B0", on=D(2025, 4, 1), new_stay_id="S1b")
    assert reg.stay("S1").discharged == D(2025, 4, 1)
    assert [s.stay_id for s in reg.stays_on(D(2025, 4, 1))] == ["S1b"]
    reg.admit(
        "S2", Person(person_id="P2"), "A0", on=D(2025, 4, 1)
    )  # the bed frees on the transfer day
    assert [s.stay_id for s in reg.history("A0")] == ["S1", "S2"]


def test_indicators() -> None:
    reg = county()
    for n in range(3):
        reg.admit(
            f"S{n}",
            Person(person_id=f"P{n}"),
            f"A{n}",
            on=D(2025, 1, 6),
            source=ResidentSource.TEKUN,
        )
    reg.admit("S9", Person(person_id="P9"), "B0", on=D(2025, 2, 1))
    all_beds = bed_counts(reg)[None]
    assert (all_beds.total, all_beds.nursing) == (10, 8)
    by_county = bed_counts(reg, by=lambda i: i.division)
    assert by_county["620521"].total == 6 and by_county["620522"].nursing == 4
    by_city = bed_counts(reg, by=lambda i: rollup(i.division, "prefecture"))
    assert by_city == {"620500": all_beds}
    assert occupancy_rate(reg, D(2025, 2, 1)) == Decimal("0.4")
    assert occupancy_rate(reg, D(2025, 2, 1), institution_id="B") == Decimal("0.25")
    assert graded_share(reg.institutions) == Decimal("0.5")
    assert tekun_centralised_rate(reg, D(2025, 2, 1), tekun_total=12) == Decimal("0.25")
    orders = [
        ServiceOrder(
            order_id=str(n),
            person_id="P",
            service=HomeServiceType.MEAL,
            ordered_on=D(2025, 1, n + 1),
            hours=Decimal("1.5"),
            satisfied=n != 0,
        )
        for n in range(4)
    ]
    assert service_hours(orders) == Decimal("6.0") and satisfaction_rate(orders) == Decimal("0.75")


class RegisterMachine(RuleBasedStateMachine):
    """Whatever the sequence, the register never holds an impossible state."""

    @initialize(register=bed_registers())
    def start(self, register: BedRegister) -> None:
        self.register = register
        self.day = D(2025, 1, 1)
        self.count = 0

    @rule(person=st.integers(0, 5), bed=st.integers(0, 7), days=st.integers(0, 30))
    def admit(self, person: int, bed: int, days: int) -> None:
        self.day += datetime.timedelta(days=days)
        self.count += 1
        with contextlib.suppress(RuleViolation):
            self.register.admit(
                f"S{self.count}", Person(person_id=f"P{person}"), f"B{bed}", on=self.day
            )

    @rule(data=st.data(), days=st.integers(0, 30))
    def discharge(self, data: st.DataObject, days: int) -> None:
        open_stays = [s for s in self.register.stays if s.discharged is None]
        if open_stays:
            stay = data.draw(st.sampled_from(open_stays))
            self.day += datetime.timedelta(days=days)
            self.register.discharge(stay.stay_id, on=self.day)

    @rule(data=st.data(), bed=st.integers(0, 7), days=st.integers(0, 30))
    def transfer(self, data: st.DataObject, bed: int, days: int) -> None:
        open_stays = [s for s in self.register.stays if s.discharged is None]
        if open_stays:
            stay = data.draw(st.sampled_from(open_stays))
            self.day += datetime.timedelta(days=days)
            try:
                self.register.transfer(stay.stay_id, f"B{bed}", on=self.day)
            except RuleViolation:
                assert self.register.stay(stay.stay_id).discharged is None

    @rule(bed=st.integers(0, 7), days=st.integers(0, 30), length=st.integers(1, 20))
    def outage(self, bed: int, days: int, length: int) -> None:
        start = self.day + datetime.timedelta(days=days)
        with contextlib.suppress(RuleViolation):
            self.register.take_out_of_service(
                f"B{bed}", start=start, end=start + datetime.timedelta(days=length)
            )

    @invariant()
    def consistent(self) -> None:
        if not hasattr(self, "register"):
            return
        stays = self.register.stays
        for a in stays:
            assert a.discharged is None or a.discharged >= a.admitted
            for b in stays:
                if a.stay_id < b.stay_id and a.overlaps(b.admitted, b.discharged):
                    assert a.bed_id != b.bed_id, (a, b)
                    assert a.person.person_id != b.person.person_id, (a, b)
        probe = self.day
        occupied = {s.bed_id for s in self.register.stays_on(probe)}
        assert len(occupied) == len(
            self.register.stays_on(probe)
        )  # occupancy equals the stays covering it
        for bed_id in occupied:
            assert self.register.in_service(bed_id, probe)


TestRegisterMachine = RegisterMachine.TestCase


def test_nursing_share_counts_institutional_beds_only_by_default() -> None:
    reg = county()  # 10 institutional beds, 8 nursing
    reg.add_institution(
        Institution(
            institution_id="S",
            name="日间照料中心",
            kind=InstitutionKind.COMMUNITY_STATION,
            division="620521",
        )
    )
    reg.add_institution(
        Institution(
            institution_id="M", name="助餐点", kind=InstitutionKind.MEAL_POINT, division="620521"
        )
    )
    for n in range(6):
        reg.add_bed(Bed(bed_id=f"S{n}", institution_id="S", kind=BedKind.ORDINARY))
    reg.add_bed(Bed(bed_id="M0", institution_id="M", kind=BedKind.ORDINARY))
    default = bed_counts(reg)[None]
    assert (default.total, default.nursing) == (10, 8)
    assert default.nursing_share == Decimal("0.8") >= NURSING_BED_TARGET
    everything = bed_counts(reg, institutional_only=False)[None]
    assert (everything.total, everything.nursing) == (17, 8)
    assert everything.nursing_share < NURSING_BED_TARGET
    assert InstitutionKind.COMMUNITY_STATION not in bed_counts(reg, by=lambda i: i.kind)


def test_institution_credit_code_must_match_legal_form() -> None:
    from minzheng.errors import InconsistentRecord
    from minzheng.ids import CreditCode

    enterprise = CreditCode("91620521MA5G7P4L4T")
    minfei = CreditCode("52620521MA5G7P4L4U")
    public = CreditCode("12620521MA5G7P4L40")
    base = Institution(
        institution_id="I", name="x", kind=InstitutionKind.ELDERLY_HOME, division="620521"
    )
    # the agreeing pairs are accepted
    for form, good in (
        (LegalForm.ENTERPRISE, enterprise),
        (LegalForm.SOCIAL_SERVICE_INSTITUTION, minfei),
        (LegalForm.PUBLIC_INSTITUTION, public),
    ):
        assert attrs.evolve(base, legal_form=form, credit_code=good).credit_code == good
    # an enterprise with a 民非 code (and the other mismatches) is inconsistent
    for form, bad in (
        (LegalForm.ENTERPRISE, minfei),
        (LegalForm.SOCIAL_SERVICE_INSTITUTION, enterprise),
        (LegalForm.PUBLIC_INSTITUTION, minfei),
    ):
        with pytest.raises(InconsistentRecord) as caught:
            attrs.evolve(base, legal_form=form, credit_code=bad)
        assert caught.value.code == "organisation.credit_code"
        assert caught.value.field == "credit_code"


def test_filing_deadline_is_ten_working_days_after_admission() -> None:
    from minzheng.care import FILING_WORKING_DAYS, filing_deadline
    from minzheng.dates import ChineseHolidayCalendar, FixedCalendar

    weekends = FixedCalendar(weekends=True)
    assert FILING_WORKING_DAYS == 10
    assert filing_deadline(D(2025, 3, 3), calendar=weekends) == D(2025, 3, 17)  # Mon → Mon
    # National Day 2025: 1–8 October off, Sunday 28 Sep and Saturday 11 Oct are working days
    official = ChineseHolidayCalendar()
    assert filing_deadline(D(2025, 9, 26), calendar=official) == D(2025, 10, 16)
    home = Institution(
        institution_id="I",
        name="x",
        kind=InstitutionKind.ELDERLY_HOME,
        division="620521",
        filed_on=D(2025, 3, 18),
    )
    assert home.filing_overdue(D(2025, 3, 3), on=D(2025, 4, 1), calendar=weekends)
    assert not attrs.evolve(home, filed_on=D(2025, 3, 17)).filing_overdue(
        D(2025, 3, 3), on=D(2025, 4, 1), calendar=weekends
    )
    unfiled = attrs.evolve(home, filed_on=None)
    assert not unfiled.filing_overdue(D(2025, 3, 3), on=D(2025, 3, 17), calendar=weekends)
    assert unfiled.filing_overdue(D(2025, 3, 3), on=D(2025, 3, 18), calendar=weekends)


@given(st.dates(min_value=D(2021, 1, 1), max_value=D(2025, 12, 1)))
def test_filing_deadline_properties(admitted: datetime.date) -> None:
    from minzheng.care import filing_deadline
    from minzheng.dates import ChineseHolidayCalendar

    calendar = ChineseHolidayCalendar()
    deadline = filing_deadline(admitted, calendar=calendar)
    days = [admitted + datetime.timedelta(days=n) for n in range(1, (deadline - admitted).days + 1)]
    assert not calendar.is_rest_day(deadline)
    assert sum(1 for d in days if not calendar.is_rest_day(d)) == 10
