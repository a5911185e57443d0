"""The bed register's refusals: nothing changes, and the reason explains itself in three locales."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.care import Bed, BedKind, BedRegister
from minzheng.care.institution import Institution, InstitutionKind
from minzheng.errors import RuleViolation
from minzheng.people import Person

D = datetime.date
ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["admit", "discharge", "transfer", "out", "back"]),
        st.sampled_from(["S1", "S2", "S3"]),
        st.sampled_from(["B1", "B2", "B9"]),
        st.sampled_from(["P1", "P2"]),
        st.integers(-20, 40),
    ),
    max_size=12,
)


def _act(
    reg: BedRegister, action: str, stay: str, bed: str, person: str, on: datetime.date
) -> None:
    if action == "admit":
        reg.admit(stay, Person(person_id=person), bed, on=on)
    elif action == "discharge":
        reg.discharge(stay, on=on)
    elif action == "transfer":
        reg.transfer(stay, bed, on=on, new_stay_id=stay + "T")
    elif action == "out":
        reg.take_out_of_service(bed, start=on)
    else:
        reg.return_to_service(bed, on=on)


@settings(max_examples=40)
@given(ACTIONS)
def test_refusals_change_nothing_and_render_in_every_locale(
    steps: list[tuple[str, str, str, str, int]],
) -> None:
    reg = BedRegister()
    reg.add_institution(
        Institution(
            institution_id="I", name="敬老院", kind=InstitutionKind.TEKUN_HOME, division="620521"
        )
    )
    for bed in ("B1", "B2"):
        reg.add_bed(Bed(bed_id=bed, institution_id="I", kind=BedKind.NURSING))
    day = D(2025, 1, 1)
    for action, stay, bed, person, days in steps:
        day += datetime.timedelta(days=days)
        before = (reg.institutions, reg.beds, reg.stays)
        try:
            _act(reg, action, stay, bed, person, day)
        except RuleViolation as refused:
            failed = refused.reasons
            after = (reg.institutions, reg.beds, reg.stays)
        else:
            continue
        assert after == before
        assert [r.met for r in failed] == [False]
        for locale in ("zh_Hans", "zh_Hant", "en"):
            text = failed[0].render(locale)
            assert text and "{" not in text and "}" not in text, text
