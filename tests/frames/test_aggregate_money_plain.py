"""Money read back from a data-frame backend is exact and never in exponent form."""

from decimal import Decimal

import pytest

from minzheng.frames.aggregate import _money


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("8580.00"), "8580"),
        (8580, "8580"),
        (Decimal("100"), "100"),
        (Decimal("12.50"), "12.5"),
    ],
)
def test_backend_money_is_plain(value: object, text: str) -> None:
    # Decimal.normalize() wrote 8580 as 8.58E+3, which parse_amount refuses.
    assert str(_money(value)) == text


def test_backend_money_is_not_rounded() -> None:
    long = Decimal("123456789012345.1234567890123456")  # 31 digits: normalize() rounded to 28
    assert _money(long) == long
