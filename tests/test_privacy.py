from hypothesis import given
from hypothesis import strategies as st

from minzheng.privacy import mask_address, mask_name, mask_phone, mask_resident_id


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
