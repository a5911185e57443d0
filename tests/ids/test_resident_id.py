"""GB 11643 identity numbers: DOMAIN.md §1 worked examples and properties."""

import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric

from minzheng.codes import Sex
from minzheng.errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    MinzhengError,
)
from minzheng.ids import IdKind, ResidentId, resident_id
from minzheng.testing import invalid_resident_ids, resident_id_strings, resident_ids

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def weight_loop_check(body: str) -> str:
    """The check character as DOMAIN.md §1.2 states it: weights, sum, table."""
    s = sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
    return "10X98765432"[s % 11]


@pytest.mark.parametrize(
    ("number", "birth", "sex", "address"),
    [
        ("11010519491231002X", datetime.date(1949, 12, 31), Sex.FEMALE, "110105"),  # Example A
        ("440524188001010014", datetime.date(1880, 1, 1), Sex.MALE, "440524"),  # Example B
        ("34052419800101001X", datetime.date(1980, 1, 1), Sex.MALE, "340524"),  # Example C
        ("360426199101010071", datetime.date(1991, 1, 1), Sex.MALE, "360426"),  # Example D
    ],
)
def test_worked_examples(number: str, birth: datetime.date, sex: Sex, address: str) -> None:
    rid = ResidentId.parse(number)
    assert rid.value == number
    assert rid.birth_date == birth
    assert rid.sex is sex
    assert rid.address_code == address
    assert rid.kind is IdKind.CITIZEN
    assert weight_loop_check(number[:17]) == number[17]


def test_example_a_decodes_to_chaoyang() -> None:
    rid = ResidentId.parse("11010519491231002X")
    assert rid.division is not None
    assert rid.division.full_name == "北京市朝阳区"


def test_example_b_keeps_a_retired_address_code() -> None:
    rid = ResidentId.parse("440524188001010014")
    assert rid.division is not None
    # 潮阳县, retired (潮阳市 from 1993; its last year-end list is 1992): the number stays valid
    assert rid.division.valid_to == 1992


def test_unknown_address_code_gives_no_division_not_an_error() -> None:
    body = "99999919800101001"
    rid = ResidentId.parse(body + resident_id.calc_check_digit(body))
    assert rid.kind is IdKind.FOREIGN_PERMANENT_RESIDENT
    assert rid.division is None
    body = "12349919800101001"  # not in the table, not a permit
    assert ResidentId.parse(body + resident_id.calc_check_digit(body)).division is None


@pytest.mark.parametrize(
    ("legacy", "converted"),
    [("110105491231002", "11010519491231002X"), ("340524800101001", "34052419800101001X")],
)
def test_legacy_conversion(legacy: str, converted: str) -> None:
    rid = ResidentId.parse(legacy)
    assert rid.value == converted
    assert rid.legacy
    assert resident_id.to_18(legacy) == converted
    assert ResidentId.parse(converted) == rid


def test_parse_accepts_spaces_and_lower_case_x() -> None:
    assert ResidentId.parse("  11010519491231002x\n").value == "11010519491231002X"


@pytest.mark.parametrize(
    ("text", "error", "code"),
    [
        ("1101051949123100", InvalidLength, "resident_id.length"),
        ("11010519491231002Y", InvalidFormat, "resident_id.format"),
        ("1101051949123100２X", InvalidFormat, "resident_id.format"),  # full-width digit
        ("110105194912310021", InvalidChecksum, "resident_id.checksum"),
        ("110105194902300021", InvalidDate, "resident_id.birth_date"),
        ("110105179912310025", InvalidDate, "resident_id.birth_date_early"),
    ],
)
def test_errors_name_the_reason(text: str, error: type[MinzhengError], code: str) -> None:
    if code in ("resident_id.birth_date", "resident_id.birth_date_early"):
        text = text[:17] + resident_id.calc_check_digit(text)
    with pytest.raises(error) as info:
        ResidentId.parse(text)
    assert info.value.code == code
    assert info.value.field == "resident_id"
    assert text[6:14] not in str(info.value)  # the birth date is masked


def test_address_code_starting_with_zero_is_refused() -> None:
    body = "01010519491231002"
    with pytest.raises(InvalidComponent):
        ResidentId.parse(body + resident_id.calc_check_digit(body))


def test_future_birth_date_needs_an_explicit_date() -> None:
    assert resident_id.validate("11010519491231002X", as_of=datetime.date(1949, 12, 31))
    with pytest.raises(InvalidDate) as info:
        resident_id.validate("11010519491231002X", as_of=datetime.date(1949, 12, 30))
    assert info.value.code == "resident_id.birth_date_future"


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [("810000", IdKind.HONG_KONG), ("820000", IdKind.MACAO), ("830000", IdKind.TAIWAN)],
)
def test_residence_permits(prefix: str, kind: IdKind) -> None:
    body = prefix + "19900101002"
    rid = ResidentId.parse(body + resident_id.calc_check_digit(body))
    assert rid.kind is kind
    assert rid.sex is Sex.FEMALE


def test_masked_everywhere() -> None:
    rid = ResidentId.parse("11010519491231002X")
    assert str(rid) == "110105********002X"
    assert repr(rid) == "ResidentId('110105********002X')"
    assert "19491231" not in f"{rid}{rid!r}{[rid]}"


def test_age_on() -> None:
    rid = ResidentId.parse("11010519491231002X")
    assert rid.age_on(datetime.date(2009, 12, 30)) == 59
    assert rid.age_on(datetime.date(2009, 12, 31)) == 60  # 60周岁以上 includes the birthday


def test_century_flag_for_legacy_centenarian_serials() -> None:
    assert ResidentId.parse("110105051231997").century_uncertain
    assert not ResidentId.parse("110105491231002").century_uncertain


def test_stdnum_face() -> None:
    assert resident_id.compact(" 110105 19491231 002x") == "11010519491231002X"
    assert resident_id.format("11010519491231002X", separator="-") == "110105-19491231-002X"
    assert resident_id.get_birth_date("11010519491231002X") == datetime.date(1949, 12, 31)
    assert resident_id.get_sex("34052419800101001X") is Sex.MALE
    assert resident_id.get_kind("830000199201300022") is IdKind.TAIWAN


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_fast_checksum_agrees_with_weight_loop_and_stdnum(body: str) -> None:
    fast = resident_id.calc_check_digit(body)
    assert fast == weight_loop_check(body)
    assert fast == stdnum_ric.calc_check_digit(body + "0")


@given(resident_id_strings())
def test_generated_numbers_validate_and_round_trip(number: str) -> None:
    rid = ResidentId.parse(number)
    assert rid.value == number
    assert ResidentId.parse(resident_id.format(number, separator=" ")) == rid
    assert ResidentId(rid.value) == rid
    assert stdnum_ric.is_valid(number) or rid.division is None or rid.birth_date.year < 1980


@given(resident_ids(address_codes=["620521"], sex=Sex.FEMALE))
def test_generated_numbers_follow_the_request(rid: ResidentId) -> None:
    assert rid.address_code == "620521"
    assert rid.sex is Sex.FEMALE


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("length", InvalidLength),
        ("format", InvalidFormat),
        ("checksum", InvalidChecksum),
        ("birth_date", InvalidDate),
    ],
)
@given(data=st.data())
def test_generated_invalid_numbers_fail_with_the_right_error(
    kind: str, error: type[MinzhengError], data: st.DataObject
) -> None:
    text = data.draw(invalid_resident_ids(kind))  # type: ignore[arg-type]
    with pytest.raises(error):
        ResidentId.parse(text)
    assert not ResidentId.is_valid(text)


@given(st.one_of(st.text(), st.text(alphabet="0123456789Xx -", max_size=22)))
def test_parse_raises_only_minzheng_errors(text: str) -> None:
    with contextlib.suppress(MinzhengError):
        ResidentId.parse(text)
    assert isinstance(ResidentId.is_valid(text), bool)


@given(st.one_of(st.none(), st.integers(), st.floats(), st.binary()))
def test_non_strings_are_refused_cleanly(value: object) -> None:
    with pytest.raises(InvalidFormat):
        ResidentId.parse(value)  # type: ignore[arg-type]
    assert ResidentId.is_valid(value) is False
