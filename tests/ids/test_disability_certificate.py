"""Disability certificate numbers: DOMAIN.md §8.1."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.codes import DisabilityCategory, DisabilityGrade
from minzheng.errors import InvalidChecksum, InvalidComponent, InvalidLength, MinzhengError
from minzheng.ids import DisabilityCertificateNo, disability_certificate
from minzheng.testing import disability_certificates


def test_worked_example() -> None:
    cert = DisabilityCertificateNo.parse("36012119701121001343")
    assert cert.category is DisabilityCategory.PHYSICAL
    assert cert.grade is DisabilityGrade.THIRD
    assert not cert.is_severe
    assert cert.resident_id.value == "360121197011210013"
    assert str(cert) == "360121**********1343"
    assert "19701121" not in repr(cert)


@pytest.mark.parametrize(
    ("text", "error", "code"),
    [
        ("3601211970112100134", InvalidLength, "disability_certificate.length"),
        ("36012119701121001383", InvalidComponent, "disability_certificate.category"),
        ("36012119701121001345", InvalidComponent, "disability_certificate.grade"),
        ("36012119701121001443", InvalidChecksum, "resident_id.checksum"),
    ],
)
def test_errors(text: str, error: type[MinzhengError], code: str) -> None:
    with pytest.raises(error) as info:
        DisabilityCertificateNo.parse(text)
    assert info.value.code == code


@given(disability_certificates())
def test_generated_certificates_round_trip(cert: DisabilityCertificateNo) -> None:
    assert DisabilityCertificateNo.parse(cert.value) == cert
    assert disability_certificate.get_grade(cert.value) is cert.grade
    assert cert.is_severe == (cert.grade.number <= 2)


@given(st.text(max_size=24))
def test_parse_raises_only_minzheng_errors(text: str) -> None:
    with contextlib.suppress(MinzhengError):
        DisabilityCertificateNo.parse(text)
