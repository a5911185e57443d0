from hypothesis import given
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.divisions import Division
from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
from minzheng.money import Rate


@given(st.from_type(ResidentId), st.from_type(CreditCode), st.from_type(DisabilityCertificateNo))
def test_from_type_works_through_the_entry_point(
    rid: ResidentId, code: CreditCode, cert: DisabilityCertificateNo
) -> None:
    assert ResidentId.is_valid(rid.value)
    assert CreditCode.is_valid(code.value)
    assert DisabilityCertificateNo.is_valid(cert.value)


@given(st.from_type(Month), st.from_type(Rate), st.from_type(Division))
def test_from_type_for_values(month: Month, rate: Rate, division: Division) -> None:
    assert isinstance(month, Month) and rate.amount >= 0 and division.is_current


@given(st.from_type(ResidentId))
def test_generated_division_is_the_county_in_force_in_the_birth_year(rid: ResidentId) -> None:
    division = rid.division
    assert division is not None and division.in_force(rid.birth_date.year)
