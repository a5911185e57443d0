"""No parser raises anything but a minzheng error, whatever string it is given."""

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng import divisions
from minzheng.cli.inspect import inspect_code
from minzheng.codes import DisabilityCategory, Ethnicity, Relationship, Sex
from minzheng.dates import Month
from minzheng.divisions import StatCode, division_code
from minzheng.errors import MinzhengError
from minzheng.i18n import resolve_locale
from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
from minzheng.money import parse_amount

PARSERS: dict[str, Callable[[str], object]] = {
    "ResidentId.parse": ResidentId.parse,
    "CreditCode.parse": CreditCode.parse,
    "DisabilityCertificateNo.parse": DisabilityCertificateNo.parse,
    "StatCode.parse": StatCode.parse,
    "divisions.get": divisions.get,
    "division_code.validate": division_code.validate,
    "Month.parse": Month.parse,
    "parse_amount": parse_amount,
    "resolve_locale": resolve_locale,
    "Sex.from_code": Sex.from_code,
    "Relationship.from_code": Relationship.from_code,
    "Ethnicity.from_term": Ethnicity.from_term,
    "DisabilityCategory.from_term": DisabilityCategory.from_term,
}

TEXT = st.one_of(
    st.text(),
    st.text(alphabet="0123456789XxIOZ-年月万亿元¥,. ", max_size=24),
    st.from_regex(r"\d{6,20}[Xx]?", fullmatch=True),
)


@pytest.mark.parametrize("name", sorted(PARSERS))
@given(text=TEXT)
def test_parsers_raise_only_minzheng_errors(name: str, text: str) -> None:
    error: MinzhengError | None = None
    try:
        PARSERS[name](text)
    except MinzhengError as err:
        error = err
    if error is not None:
        assert error.code
        assert error.message("en")
        assert error.message("zh_Hant")


@given(TEXT)
def test_inspect_never_raises(text: str) -> None:
    result = inspect_code(text, locale="en")
    assert result.valid == (result.error is None and result.kind != "unknown")
