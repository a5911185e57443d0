"""GB 32100 credit codes: DOMAIN.md §2 worked examples and properties."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from minzheng.errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    MinzhengError,
)
from minzheng.ids import CreditCode, OrgKind, RegistrationAuthority, credit_code
from minzheng.testing import credit_code_strings, invalid_credit_codes

WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def weight_loop_check(body: str) -> str:
    s = sum(credit_code.ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS, strict=True))
    return credit_code.ALPHABET[(31 - s % 31) % 31]


@pytest.mark.parametrize(
    ("code", "kind", "division"),
    [
        ("53100000500021676K", OrgKind.FOUNDATION, "100000"),  # Example A
        ("51100000500002862F", OrgKind.SOCIAL_GROUP, "100000"),  # Example B
        ("91110000600037341L", OrgKind.ENTERPRISE, "110000"),  # Example C
        ("53100000500019795A", OrgKind.FOUNDATION, "100000"),  # Example D
        ("91440300MA5G7P4L4X", OrgKind.ENTERPRISE, "440300"),  # letters in the org code
    ],
)
def test_worked_examples(code: str, kind: OrgKind, division: str) -> None:
    parsed = CreditCode.parse(code)
    assert parsed.org_kind is kind
    assert parsed.division_code == division
    assert weight_loop_check(code[:17]) == code[17]
    assert stdnum_uscc.is_valid(code)


def test_example_a_details() -> None:
    code = CreditCode.parse("53100000500021676K")
    assert code.authority is RegistrationAuthority.CIVIL_AFFAIRS
    assert code.is_civil_affairs and code.is_national and code.division is None
    assert code.organisation_code == "50002167-6"


def test_org_code_letters_use_the_full_alphabet() -> None:
    # DOMAIN.md §2.4: MA5G7P4L → 634 mod 11 = 7 → 11 − 7 = 4
    assert credit_code.calc_org_check_digit("MA5G7P4L") == "4"


def test_negative_example_fails_both_checks() -> None:
    with pytest.raises(InvalidChecksum) as info:
        CreditCode.parse("52110101MJ0018899X")
    assert info.value.params["expected"] == "T"
    assert credit_code.calc_org_check_digit("MJ001889") != "9"


@pytest.mark.parametrize(
    ("text", "error", "code"),
    [
        ("5310000050002167K", InvalidLength, "credit_code.length"),
        ("5310000050002I676K", InvalidFormat, "credit_code.format"),
        ("531A0000500021676K", InvalidFormat, "credit_code.format"),
        ("53100000500021676L", InvalidChecksum, "credit_code.checksum"),
    ],
)
def test_errors(text: str, error: type[MinzhengError], code: str) -> None:
    with pytest.raises(error) as info:
        credit_code.validate(text)
    assert info.value.code == code


def _with_check(body17: str) -> str:
    return body17 + credit_code.calc_check_digit(body17)


def test_unknown_authority_and_civil_affairs_category() -> None:
    with pytest.raises(InvalidComponent) as info:
        credit_code.validate(_with_check("B3100000500021676"))
    assert info.value.code == "credit_code.authority"
    with pytest.raises(InvalidComponent) as info:
        credit_code.validate(_with_check("54100000500021676"))
    assert info.value.code == "credit_code.org_kind"


def test_org_check_can_be_skipped_for_known_sources() -> None:
    code = _with_check("53100000500021675")  # org check character wrong
    with pytest.raises(InvalidChecksum) as info:
        credit_code.validate(code)
    assert info.value.code == "credit_code.org_checksum"
    assert credit_code.validate(code, check_org_code=False) == code


@given(st.text(alphabet=credit_code.ALPHABET, min_size=17, max_size=17))
def test_fast_checksum_agrees_with_weight_loop_and_stdnum(body: str) -> None:
    fast = credit_code.calc_check_digit(body)
    assert fast == weight_loop_check(body)
    assert fast == stdnum_uscc.calc_check_digit(body)


@given(credit_code_strings())
def test_generated_codes_validate(code: str) -> None:
    parsed = CreditCode.parse(code.lower())
    assert parsed.value == code
    assert CreditCode(credit_code.format(code)) == parsed
    assert parsed.org_kind is not None


@given(st.sampled_from(["length", "format", "checksum"]), st.data())
def test_generated_invalid_codes_fail(kind: str, data: st.DataObject) -> None:
    text = data.draw(invalid_credit_codes(kind))  # type: ignore[arg-type]
    expected = {"length": InvalidLength, "format": InvalidFormat, "checksum": InvalidChecksum}[kind]
    with pytest.raises(expected):
        CreditCode.parse(text)


@given(st.text(max_size=25))
def test_parse_raises_only_minzheng_errors(text: str) -> None:
    with contextlib.suppress(MinzhengError):
        CreditCode.parse(text)
