"""Issue 13: deaths, overlapping and same-person or same-sex marriages, who may withdraw, the
divorce agreement, court divorces, counted reissues and the marriage-age convention."""

import contextlib
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.codes import Sex
from minzheng.errors import MinzhengError, RuleViolation
from minzheng.people import Person
from minzheng.registration import (
    DivorceAgreement,
    DivorceStatus,
    MarriageRegister,
    ReissueKind,
)

D = datetime.date
HE = Person(person_id="HE", sex=Sex.MALE, birth_date=D(1990, 6, 1))
SHE = Person(person_id="SHE", sex=Sex.FEMALE, birth_date=D(1992, 6, 1))
OTHER = Person(person_id="OTHER", sex=Sex.FEMALE, birth_date=D(1991, 1, 1))
R = "620521"


def agreed(a: str = "HE", b: str = "SHE", **changes: object) -> DivorceAgreement:
    fields: dict[str, object] = {
        "signed_by": {a, b},
        "children_arranged": True,
        "property_arranged": True,
        "debts_arranged": True,
    }
    fields.update(changes)
    return DivorceAgreement(**fields)  # type: ignore[arg-type]


def married() -> MarriageRegister:
    reg = MarriageRegister()
    reg.register_marriage("M1", HE, SHE, on=D(2020, 6, 1), registry=R)
    return reg


def refusal(call: object, *args: object, **kwargs: object) -> RuleViolation:
    assert callable(call)
    with pytest.raises(RuleViolation) as info:
        call(*args, **kwargs)
    return info.value


# -- deaths ---------------------------------------------------------------------------------------


def test_a_person_recorded_dead_cannot_marry() -> None:
    reg = MarriageRegister()
    reg.record_death("OTHER", D(2025, 1, 1))
    err = refusal(reg.register_marriage, "M2", HE, OTHER, on=D(2025, 2, 1), registry=R)
    assert err.code == "marriage.party_deceased"
    assert err.reasons[0].citation is not None and err.reasons[0].citation.article == 13
    assert reg.decide_marriage(HE, OTHER, on=D(2024, 12, 31), registry=R).eligible


def test_no_divorce_after_a_spouses_death_and_the_death_stands() -> None:
    reg = married()
    app = reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry=R, agreement=agreed())
    reg.record_death("SHE", D(2025, 4, 10))  # after the cooling-off, in the collection window
    err = refusal(reg.certify, "L1", on=D(2025, 4, 20), registry=R)
    assert err.code == "divorce.marriage_ended"
    (marriage,) = reg.marriages
    assert (marriage.ended_by, marriage.ended_on) == ("death", D(2025, 4, 10))
    assert reg.status_of("L1", D(2025, 4, 20)) is DivorceStatus.LAPSED
    assert app.status_on(D(2025, 4, 9)) is DivorceStatus.AWAITING_COLLECTION


def test_a_death_in_the_cooling_off_period_ends_the_marriage_and_the_application_lapses() -> None:
    reg = married()
    reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry=R, agreement=agreed())
    reg.record_death("HE", D(2025, 3, 20))
    assert reg.status_of("L1", D(2025, 3, 19)) is DivorceStatus.COOLING_OFF
    assert reg.status_of("L1", D(2025, 3, 20)) is DivorceStatus.LAPSED
    with pytest.raises(RuleViolation):
        reg.withdraw("L1", by="SHE", on=D(2025, 3, 25))
    with pytest.raises(RuleViolation):
        reg.certify("L1", on=D(2025, 4, 10), registry=R)
    counts = reg.counts(D(2025, 1, 1), D(2025, 12, 31))
    assert (counts["divorces"], counts["lapsed"], counts["withdrawn"]) == (0, 1, 0)
    assert reg.current_marriage("SHE", D(2025, 3, 20)) is None


# -- overlaps, oneself, unknown applications ------------------------------------------------------


def test_an_earlier_dated_marriage_that_would_overlap_is_refused() -> None:
    reg = married()  # HE + SHE from 2020-06-01
    err = refusal(reg.register_marriage, "M0", HE, OTHER, on=D(2019, 1, 1), registry=R)
    assert err.code == "marriage.overlaps"
    assert len(reg.marriages) == 1


@given(
    first=st.dates(D(2000, 1, 1), D(2030, 12, 31)),
    second=st.dates(D(2000, 1, 1), D(2030, 12, 31)),
)
def test_no_two_marriages_of_one_person_are_ever_in_force_together(
    first: datetime.date, second: datetime.date
) -> None:
    reg = MarriageRegister()
    older = Person(person_id="HE", sex=Sex.MALE, birth_date=D(1970, 1, 1))
    a = Person(person_id="A", sex=Sex.FEMALE, birth_date=D(1970, 1, 1))
    b = Person(person_id="B", sex=Sex.FEMALE, birth_date=D(1970, 1, 1))
    reg.register_marriage("M1", older, a, on=first, registry=R)
    with contextlib.suppress(RuleViolation):
        reg.register_marriage("M2", older, b, on=second, registry=R)
    for day in (first, second, max(first, second)):
        assert sum(m.in_force_on(day) for m in reg.marriages) <= 1


def test_a_person_cannot_marry_themselves() -> None:
    reg = MarriageRegister()
    decision = reg.decide_marriage(HE, HE, on=D(2025, 1, 1), registry=R)
    assert not decision.eligible and "marriage.same_person" in decision.reason_codes()
    assert refusal(reg.register_marriage, "M", HE, HE, on=D(2025, 1, 1), registry=R).code == (
        "marriage.same_person"
    )


def test_unknown_applications_raise_a_minzheng_error() -> None:
    reg = married()
    for call in (
        lambda: reg.certify("NOPE", on=D(2025, 1, 1), registry=R),
        lambda: reg.withdraw("NOPE", by="HE", on=D(2025, 1, 1)),
        lambda: reg.status_of("NOPE", D(2025, 1, 1)),
    ):
        with pytest.raises(MinzhengError) as info:
            call()
        assert not isinstance(info.value, KeyError)
        assert info.value.code == "divorce.unknown_application"


# -- a man and a woman; who may withdraw; the agreement -------------------------------------------


def test_same_sex_registration_is_refused_citing_the_civil_code() -> None:
    reg = MarriageRegister()
    him = Person(person_id="HIM", sex=Sex.MALE, birth_date=D(1990, 1, 1))
    err = refusal(reg.register_marriage, "M", HE, him, on=D(2025, 1, 1), registry=R)
    assert err.code == "marriage.same_sex"
    assert err.reasons[0].citation is not None and err.reasons[0].citation.article == 1049
    assert "第一千零四十六条" in err.reasons[0].render()
    assert "1046 and 1049" in err.reasons[0].render("en")
    unknown = Person(person_id="U", birth_date=D(1990, 1, 1))
    assert (
        "marriage.sex_unknown"
        in reg.decide_marriage(HE, unknown, on=D(2025, 1, 1), registry=R).reason_codes()
    )


def test_only_a_spouse_may_withdraw() -> None:
    reg = married()
    reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry=R, agreement=agreed())
    err = refusal(reg.withdraw, "L1", by="OTHER", on=D(2025, 3, 10))
    assert err.code == "divorce.not_a_party"
    assert reg.status_of("L1", D(2025, 3, 10)) is DivorceStatus.COOLING_OFF
    reg.withdraw("L1", by="SHE", on=D(2025, 3, 10))
    assert reg.status_of("L1", D(2025, 3, 10)) is DivorceStatus.WITHDRAWN


@pytest.mark.parametrize(
    ("agreement", "codes"),
    [
        (None, ["divorce.agreement_missing"]),
        (agreed("HE", "OTHER"), ["divorce.agreement_unsigned"]),
        (agreed(voluntary=False), ["divorce.not_voluntary"]),
        (
            agreed(children_arranged=False, debts_arranged=False),
            ["divorce.children_not_arranged", "divorce.debts_not_arranged"],
        ),
        (agreed(property_arranged=False), ["divorce.property_not_arranged"]),
    ],
)
def test_the_written_agreement_is_checked_when_applying(
    agreement: DivorceAgreement | None, codes: list[str]
) -> None:
    reg = married()
    err = refusal(
        reg.apply_for_divorce, "L1", "M1", on=D(2025, 3, 3), registry=R, agreement=agreement
    )
    assert [r.code for r in err.reasons] == codes
    assert all(r.citation is not None and r.citation.article == 1076 for r in err.reasons)
    assert reg.applications == ()
    reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry=R, agreement=agreed())
    assert reg.agreement("L1") == agreed()


# -- court divorces -------------------------------------------------------------------------------


def test_a_court_divorce_is_recorded_without_cooling_off_and_the_parties_may_remarry() -> None:
    reg = married()
    reg.apply_for_divorce("L1", "M1", on=D(2025, 3, 3), registry=R, agreement=agreed())
    ended = reg.record_court_divorce("M1", on=D(2025, 3, 5))
    assert (ended.ended_by, ended.ended_on) == ("court", D(2025, 3, 5))
    assert reg.status_of("L1", D(2025, 3, 5)) is DivorceStatus.LAPSED
    reg.register_marriage("M2", HE, OTHER, on=D(2025, 3, 6), registry=R)
    assert reg.current_marriage("HE", D(2025, 3, 6)).marriage_id == "M2"  # type: ignore[union-attr]
    assert reg.counts(D(2025, 1, 1), D(2025, 12, 31))["court_divorces"] == 1
    with pytest.raises(RuleViolation):
        reg.record_court_divorce("M1", on=D(2025, 4, 1))  # already ended


# -- reissues are counted -------------------------------------------------------------------------


def test_reissues_are_records_the_years_counts_include() -> None:
    reg = married()
    reg.apply_for_divorce("L1", "M1", on=D(2025, 1, 6), registry=R, agreement=agreed())
    reg.certify("L1", on=D(2025, 2, 20), registry=R)
    records = [
        reg.issue_reissue(
            "BF1", "HE", ReissueKind.DIVORCE_CERTIFICATE, on=D(2025, 3, 1), registry=R
        ),
        reg.issue_reissue(
            "BF2", "SHE", ReissueKind.MARRIAGE_CERTIFICATE, on=D(2025, 3, 1), registry=R
        ),
    ]
    assert [r.issued for r in records] == [
        ReissueKind.DIVORCE_CERTIFICATE,
        ReissueKind.RECORD_CERTIFICATE,
    ]
    reg.register_marriage("M2", HE, OTHER, on=D(2025, 4, 1), registry=R)
    reg.issue_reissue(
        "BF3", "OTHER", ReissueKind.MARRIAGE_CERTIFICATE, on=D(2025, 5, 1), registry=R
    )
    reg.issue_reissue("BF4", "HE", ReissueKind.MARRIAGE_CERTIFICATE, on=D(2026, 1, 2), registry=R)
    counts = reg.counts(D(2025, 1, 1), D(2025, 12, 31))
    assert (
        counts["marriage_reissues"],
        counts["divorce_reissues"],
        counts["record_certificates"],
    ) == (1, 1, 1)
    assert len(reg.reissues) == 4
    with pytest.raises(RuleViolation):
        reg.issue_reissue(
            "BF1", "HE", ReissueKind.DIVORCE_CERTIFICATE, on=D(2025, 6, 1), registry=R
        )


# -- the marriage-age convention is a switch ------------------------------------------------------


def test_the_marriage_age_convention_is_a_switch_defaulting_to_the_birthday() -> None:
    he = Person(person_id="A", sex=Sex.MALE, birth_date=D(2003, 6, 1))
    she = Person(person_id="B", sex=Sex.FEMALE, birth_date=D(2004, 1, 1))
    birthday = D(2025, 6, 1)  # his 22nd birthday
    assert MarriageRegister().decide_marriage(he, she, on=birthday, registry=R).eligible
    day_after = MarriageRegister(age_counts_from="day_after")
    assert (
        "marriage.under_age"
        in day_after.decide_marriage(he, she, on=birthday, registry=R).reason_codes()
    )
    assert day_after.decide_marriage(
        he, she, on=birthday + datetime.timedelta(days=1), registry=R
    ).eligible


def test_check_marriage_is_a_deprecated_alias() -> None:
    reg = MarriageRegister()
    with pytest.warns(DeprecationWarning, match="use decide_marriage"):
        old = reg.check_marriage(HE, OTHER, on=D(2025, 1, 1), registry=R)
    assert old == reg.decide_marriage(HE, OTHER, on=D(2025, 1, 1), registry=R)


@settings(max_examples=30)
@given(
    st.dates(D(2001, 1, 1), D(2030, 12, 31)),
    st.dates(D(1960, 1, 1), D(2000, 12, 31)),
    st.sampled_from([Sex.MALE, Sex.FEMALE]),
    st.booleans(),
)
def test_marriage_refusals_change_nothing_and_explain_in_every_locale(
    on: datetime.date, born: datetime.date, sex: Sex, married: bool
) -> None:
    reg = MarriageRegister()
    partner = Person(person_id="P2", sex=sex, birth_date=D(1980, 1, 1))
    other = Person(person_id="P3", sex=Sex.FEMALE if sex is Sex.MALE else Sex.MALE, birth_date=born)
    if married:
        reg.register_marriage(
            "M0",
            partner,
            Person(person_id="P4", sex=other.sex, birth_date=D(1980, 1, 1)),
            on=D(2005, 1, 1),
            registry=R,
        )
    before = (reg.marriages, reg.applications)
    decision = reg.decide_marriage(partner, other, on=on, registry=R)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        text = decision.explain(locale)
        assert "{" not in text and "}" not in text, text
    refused: set[str] = set()
    try:
        reg.register_marriage("M1", partner, other, on=on, registry=R)
    except RuleViolation as error:
        refused = {r.code for r in error.reasons}
    if refused:
        assert not decision.eligible and refused <= set(decision.reason_codes())
        assert (reg.marriages, reg.applications) == before
    else:
        assert decision.eligible and len(reg.marriages) == len(before[0]) + 1
