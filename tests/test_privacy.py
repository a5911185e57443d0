import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.errors import InvalidValue
from minzheng.privacy import (
    DEFAULT_PSEUDONYM_LENGTH,
    Pseudonymizer,
    default_pseudonymizer,
    mask_address,
    mask_date,
    mask_name,
    mask_phone,
    mask_resident_id,
    pseudonym,
    resolve_keys,
)


def test_examples() -> None:
    assert mask_resident_id("11010519491231002X") == "110105********002X"
    assert mask_name("张三") == "张*"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_address("甘肃省天水市清水县永清镇") == "甘肃省天水市****"


@given(st.text(min_size=11, max_size=30))
def test_masking_keeps_length_and_hides_the_middle(text: str) -> None:
    masked = mask_resident_id(text)
    assert len(masked) == len(text)
    assert masked[6:-4] == "*" * (len(text) - 10)


@given(st.text(max_size=10))
def test_short_values_reveal_at_most_one_character(text: str) -> None:
    masked = mask_resident_id(text)
    assert len(masked) == len(text)
    assert sum(1 for a, b in zip(masked, text, strict=True) if a == b and a != "*") <= 1


# -- birth dates and pseudonyms ---------------------------------------------------------------


@given(st.text(min_size=11, max_size=14))
def test_phone_length_values_hide_at_least_four_characters(text: str) -> None:
    masked = mask_resident_id(text)
    assert masked[3:-4] == "*" * (len(text) - 7)


def test_a_phone_in_an_identity_column_is_masked_like_a_phone() -> None:
    assert mask_resident_id("13812345678") == mask_phone("13812345678") == "138****5678"


@given(st.dates())
def test_mask_date_keeps_the_year_only(day: datetime.date) -> None:
    assert mask_date(day) == f"{day.year:04d}-**-**"
    assert day.isoformat() not in mask_date(day)


def test_pseudonyms_are_reproducible_under_a_given_key() -> None:
    a, b = Pseudonymizer(b"bureau key"), Pseudonymizer("bureau key")
    assert (
        a("620521198502101233")
        == b("620521198502101233")
        == pseudonym("620521198502101233", "bureau key")
    )
    assert len(a("X")) == DEFAULT_PSEUDONYM_LENGTH
    assert a("620521198502101233") != Pseudonymizer("other key")("620521198502101233")
    assert a("") == ""


def test_without_a_key_each_pseudonymizer_draws_its_own() -> None:
    assert Pseudonymizer()("P1") != Pseudonymizer()("P1")
    assert pseudonym("P1") == pseudonym("P1") == default_pseudonymizer()("P1")
    assert resolve_keys(None) is default_pseudonymizer() and resolve_keys("raw") is None


def test_the_key_never_shows() -> None:
    p = Pseudonymizer("top secret")
    assert "top secret" not in repr(p) and "top secret" not in str(p)


@pytest.mark.parametrize(
    ("key", "length"), [(b"", 24), (123, 24), ("k", 15), ("k", 65), ("k", True)]
)
def test_bad_keys_and_lengths_raise_invalid_value(key: object, length: int) -> None:
    with pytest.raises(InvalidValue):
        Pseudonymizer(key, length=length)  # type: ignore[arg-type]


def test_bad_keys_policy_raises_invalid_value() -> None:
    with pytest.raises(InvalidValue):
        resolve_keys("pseudonym")  # type: ignore[arg-type]


@given(st.lists(st.text(min_size=1, max_size=20), max_size=30))
def test_pseudonyms_keep_equality_so_distinct_counts_stay_exact(keys: list[str]) -> None:
    p = Pseudonymizer("k", length=16)
    assert len(set(p.many(keys))) == len(set(keys))
    assert p.many(keys) == [p(k) for k in keys]


@given(st.text(alphabet="0123456789", min_size=15, max_size=15))
def test_a_legacy_number_hides_all_six_birth_digits(text: str) -> None:
    masked = mask_resident_id(text)
    assert masked[:6] == text[:6] and masked[6:12] == "******" and masked[12:] == text[12:]
