"""Marriage registration: DOMAIN.md §11 — ages, bigamy, kinship, versions, the divorce process, reissues."""

import contextlib
import datetime

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from minzheng.codes import Sex
from minzheng.dates import ChineseHolidayCalendar, FixedCalendar
from minzheng.errors import RuleViolation
from minzheng.people import Person
from minzheng.registration import (
    REGULATION_2003,
    REGULATION_2025,
    DivorceAgreement,
    DivorceStatus,
    Document,
    Kinship,
    MarriageRegister,
    ReissueKind,
    marriage_rules_on,
)

D = datetime.date
HE = Person(person_id="HE", sex=Sex.MALE, birth_date=D(2003, 6, 1))
SHE = Person(person_id="SHE", sex=Sex.FEMALE, birth_date=D(2005, 6, 1))


def agreed(a: str = "HE", b: str = "SHE") -> DivorceAgreement:
    """A complete art. 1076 agreement signed by ``a`` and ``b``."""
    return DivorceAgreement(
        signed_by={a, b}, children_arranged=True, property_arranged=True, debts_arranged=True
    )


def test_minimum_ages_on_the_birthday() -> None:
    reg = MarriageRegister()
    assert not reg.decide_marriage(HE, SHE, on=D(2025, 5, 31), registry="620521").eligible
    assert reg.decide_marriage(
        HE, SHE, on=D(2025, 6, 1), registry="620521"
    ).eligible  # 22 and 20 that day


def test_bigamy_and_kinship_are_refused_with_reasons() -> None:
    reg = MarriageRegister()
    reg.register_marriage("M1", HE, SHE, on=D(2025, 6, 1), registry="620521")
    other = Person(person_id="X", sex=Sex.FEMALE, birth_date=D(1990, 1, 1))
    with pytest.raises(RuleViolation) as info:
        reg.register_marriage("M2", HE, other, on=D(2025, 7, 1), registry="620521")
    assert info.value.code == "marriage.already_married"
    cousin = Person(person_id="C", sex=Sex.MALE, birth_date=D(1990, 1, 1))
    reg.add_kinship("C", "X", Kinship.COLLATERAL_3)
    assert (
        "marriage.prohibited_kinship"
        in reg.decide_marriage(cousin, other, on=D(2025, 7, 1), registry="620521").reason_codes()
    )
    reg.add_kinship("C", "X", Kinship.COLLATERAL_4)
    assert reg.decide_marriage(cousin, other, on=D(2025, 7, 1), registry="620521").eligible


def test_versions_by_date_documents_and_place() -> None:
    assert (
        marriage_rules_on(D(2025, 5, 9)) is REGULATION_2003
        and marriage_rules_on(D(2025, 5, 10)) is REGULATION_2025
    )
    reg = MarriageRegister()
    he, she = (
        Person(person_id="A", sex=Sex.MALE, birth_date=D(1990, 1, 1)),
        Person(person_id="B", sex=Sex.FEMALE, birth_date=D(1990, 1, 1)),
    )
    card_only = {Document.ID_CARD, Document.DECLARATION}
    before = reg.decide_marriage(
        he,
        she,
        on=D(2025, 5, 9),
        registry="110105",
        documents=card_only,
        hukou_divisions={"620521"},
    )
    assert {"marriage.documents_missing", "marriage.wrong_registry"} <= set(before.reason_codes())
    after = reg.decide_marriage(
        he,
        she,
        on=D(2025, 5, 10),
        registry="110105",
        documents=card_only,
        hukou_divisions={"620521"},
    )
    assert after.eligible  # 全国通办, no 户口簿


def test_divorce_worked_example_and_its_steps() -> None:
    reg = MarriageRegister(calendar=ChineseHolidayCalendar())
    reg.register_marriage("M1", HE, SHE, on=D(2025, 6, 1), registry="620521")
    app = reg.apply_for_divorce("L1", "M1", on=D(2025, 7, 1), registry="620521", agreement=agreed())
    assert app.status_on(D(2025, 7, 31)) is DivorceStatus.COOLING_OFF
    with pytest.raises(RuleViolation):
        reg.certify("L1", on=D(2025, 7, 20), registry="620521")  # still cooling off
    with pytest.raises(RuleViolation):
        reg.certify("L1", on=D(2025, 8, 5), registry="110105")  # 2025 rules: the same registry
    ended = reg.certify("L1", on=D(2025, 8, 5), registry="620521")
    assert ended.ended_by == "divorce" and reg.current_marriage("HE", D(2025, 8, 5)) is None


def test_cooling_off_worked_example() -> None:
    holiday = FixedCalendar(rest_days=[D(2025, 5, d) for d in range(1, 6)])
    reg = MarriageRegister(calendar=holiday)
    reg.register_marriage("M1", HE, SHE, on=D(2025, 6, 1), registry="620521")
    from minzheng.registration import DivorceApplication

    app = DivorceApplication(
        application_id="X", marriage_id="M1", registry="620521", received_on=D(2025, 3, 3)
    )
    assert app.cooling_off_ends(holiday) == D(2025, 4, 2)
    assert app.collection_deadline(holiday) == D(2025, 5, 6)
    assert app.collection_deadline() == D(2025, 5, 2)  # without the holiday calendar


def test_withdrawal_and_deemed_withdrawal() -> None:
    reg = MarriageRegister()
    reg.register_marriage("M1", HE, SHE, on=D(2025, 6, 1), registry="620521")
    reg.apply_for_divorce("L1", "M1", on=D(2025, 7, 1), registry="620521", agreement=agreed())
    with pytest.raises(RuleViolation):
        reg.withdraw("L1", by="SHE", on=D(2025, 8, 1))  # after the cooling-off
    reg.withdraw("L1", by="SHE", on=D(2025, 7, 31))
    reg.apply_for_divorce("L2", "M1", on=D(2025, 9, 1), registry="620521", agreement=agreed())
    application = next(a for a in reg.applications if a.application_id == "L2")
    assert (
        application.status_on(application.collection_deadline() + datetime.timedelta(days=1))
        is DivorceStatus.DEEMED_WITHDRAWN
    )


def test_reissue_only_for_a_status_in_force() -> None:
    reg = MarriageRegister()
    reg.register_marriage("M1", HE, SHE, on=D(2025, 6, 1), registry="620521")
    assert (
        reg.reissue("HE", ReissueKind.MARRIAGE_CERTIFICATE, on=D(2025, 7, 1))
        is ReissueKind.MARRIAGE_CERTIFICATE
    )
    reg.record_death("SHE", D(2026, 1, 1))
    assert (
        reg.reissue("HE", ReissueKind.MARRIAGE_CERTIFICATE, on=D(2026, 2, 1))
        is ReissueKind.RECORD_CERTIFICATE
    )


class MarriageMachine(RuleBasedStateMachine):
    """No one holds two marriages; every divorce ends certified or withdrawn, on the right dates."""

    @initialize()
    def start(self) -> None:
        self.reg = MarriageRegister()
        self.day = D(2025, 6, 1)
        self.people = [
            Person(person_id=f"M{n}", sex=Sex.MALE, birth_date=D(1990, 1, 1)) for n in range(3)
        ] + [Person(person_id=f"F{n}", sex=Sex.FEMALE, birth_date=D(1990, 1, 1)) for n in range(3)]
        self.count = 0
        self.deaths: dict[str, datetime.date] = {}

    def advance(self, days: int) -> None:
        self.day += datetime.timedelta(days=days)

    @rule(a=st.integers(0, 2), b=st.integers(3, 5), days=st.integers(0, 20))
    def marry(self, a: int, b: int, days: int) -> None:
        self.advance(days)
        self.count += 1
        try:
            self.reg.register_marriage(
                f"R{self.count}", self.people[a], self.people[b], on=self.day, registry="620521"
            )
        except RuleViolation as err:
            refusal = err
            assert refusal.reasons

    @rule(data=st.data(), days=st.integers(0, 20))
    def apply(self, data: st.DataObject, days: int) -> None:
        self.advance(days)
        standing = [m for m in self.reg.marriages if m.in_force_on(self.day)]
        if standing:
            self.count += 1
            marriage = data.draw(st.sampled_from(standing))
            with contextlib.suppress(RuleViolation):
                self.reg.apply_for_divorce(
                    f"L{self.count}",
                    marriage.marriage_id,
                    on=self.day,
                    registry="620521",
                    agreement=agreed(marriage.party_a, marriage.party_b),
                )

    @rule(data=st.data(), days=st.integers(0, 40), certify=st.booleans())
    def act(self, data: st.DataObject, days: int, certify: bool) -> None:
        self.advance(days)
        if not self.reg.applications:
            return
        application = data.draw(st.sampled_from(self.reg.applications))
        try:
            if certify:
                self.reg.certify(application.application_id, on=self.day, registry="620521")
            else:
                marriage = next(
                    m for m in self.reg.marriages if m.marriage_id == application.marriage_id
                )
                self.reg.withdraw(application.application_id, by=marriage.party_a, on=self.day)
        except RuleViolation:
            pass

    @rule(who=st.integers(0, 5), days=st.integers(0, 20))
    def die(self, who: int, days: int) -> None:
        self.advance(days)
        person = self.people[who].person_id
        if person not in self.deaths:
            self.reg.record_death(person, self.day)
            self.deaths[person] = self.day

    @rule(data=st.data(), days=st.integers(0, 20))
    def court(self, data: st.DataObject, days: int) -> None:
        self.advance(days)
        standing = [m for m in self.reg.marriages if m.in_force_on(self.day)]
        if standing:
            marriage = data.draw(st.sampled_from(standing))
            self.reg.record_court_divorce(marriage.marriage_id, on=self.day)

    @invariant()
    def consistent(self) -> None:
        if not hasattr(self, "reg"):
            return
        certified = {a.marriage_id: a.certified_on for a in self.reg.applications if a.certified_on}
        for m in self.reg.marriages:
            for party in (m.party_a, m.party_b):
                died = self.deaths.get(party)
                assert died is None or m.registered_on <= died  # no marriage of the dead
                if died is not None and m.ended_by != "death":
                    assert m.ended_on is not None and m.ended_on <= died
            if m.ended_by == "divorce":
                assert certified.get(m.marriage_id) == m.ended_on
        for person in self.people:
            holding = [
                m
                for m in self.reg.marriages
                if m.involves(person.person_id) and m.in_force_on(self.day)
            ]
            assert len(holding) <= 1
        for app in self.reg.applications:
            ends, deadline = app.cooling_off_ends(), app.collection_deadline()
            if app.withdrawn_on is not None:
                assert app.received_on <= app.withdrawn_on <= ends and app.certified_on is None
            if app.certified_on is not None:
                assert ends < app.certified_on <= deadline
            final = app.status_on(deadline + datetime.timedelta(days=1))
            assert final in (
                DivorceStatus.CERTIFIED,
                DivorceStatus.WITHDRAWN,
                DivorceStatus.DEEMED_WITHDRAWN,
            )


TestMarriageMachine = MarriageMachine.TestCase
