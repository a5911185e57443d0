# mypy: disable-error-code="arg-type"
"""No parser raises anything but a minzheng error, whatever it is given, and none is slow.

``PARSERS`` lists every public function or constructor that reads text from outside:
the fuzz tests feed it text and non-text junk, the timing tests 100,000-character
hostile text (runs of spaces, digits, separators …), which must take time linear
in its length.
"""

import contextlib
import os
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng import divisions
from minzheng.codes import DisabilityGrade, Sex, all_code_enums
from minzheng.dates import Month
from minzheng.divisions import StatCode, division_code, stat_code
from minzheng.errors import (
    InvalidAmount,
    InvalidDate,
    InvalidFormat,
    InvalidValue,
    MinzhengError,
    UnknownCode,
)
from minzheng.i18n import babel_locale, resolve_locale
from minzheng.ids import (
    CreditCode,
    DisabilityCertificateNo,
    ResidentId,
    credit_code,
    disability_certificate,
    resident_id,
)
from minzheng.ids.inspect import inspect_code
from minzheng.money import Period, Rate, growth, parse_amount, share
from minzheng.welfare.elderly import AgeBand

pytestmark = pytest.mark.fuzz

#: Examples per property: a short run by default, ``MINZHENG_FUZZ=long`` (or a number) for more.
_FUZZ = os.environ.get("MINZHENG_FUZZ", "")
EXAMPLES = 2_000 if _FUZZ == "long" else int(_FUZZ) if _FUZZ.isdigit() else 30

PARSERS: dict[str, Callable[..., object]] = {
    "ResidentId.parse": ResidentId.parse,
    "ResidentId": lambda v: ResidentId(v),
    "resident_id.validate": resident_id.validate,
    "CreditCode.parse": CreditCode.parse,
    "credit_code.validate": credit_code.validate,
    "DisabilityCertificateNo.parse": DisabilityCertificateNo.parse,
    "disability_certificate.validate": disability_certificate.validate,
    "StatCode.parse": StatCode.parse,
    "stat_code.validate": stat_code.validate,
    "divisions.get": divisions.get,
    "divisions.get(year=)": lambda v: divisions.get("620521", year=v),
    "divisions.find": divisions.find,
    "divisions.find(year=)": lambda v: divisions.find("高台", year=v),
    "divisions.rollup": lambda v: divisions.rollup(v, "province"),
    "divisions.rollup(level=)": lambda v: divisions.rollup("620521", v),
    "division_code.validate": division_code.validate,
    "division_code.get_name": division_code.get_name,
    "Month.parse": Month.parse,
    "parse_amount": parse_amount,
    "Rate(amount=)": lambda v: Rate(amount=v, period=Period.MONTH),
    "Rate(period=)": lambda v: Rate(amount="715", period=v),
    "Rate.to": lambda v: Rate.monthly("715").to(v),
    "share": lambda v: share(v, 3),
    "growth": lambda v: growth(2, v),
    "resolve_locale": resolve_locale,
    "babel_locale": babel_locale,
    "AgeBand.parse": AgeBand.parse,
}
for _enum in all_code_enums():
    PARSERS[f"{_enum.__name__}.from_code"] = _enum.from_code
    PARSERS[f"{_enum.__name__}.from_term"] = _enum.from_term

TEXT = st.one_of(
    st.text(),
    st.text(alphabet="0123456789XxIOZ-年月万亿元¥,. \u3000\t٣१", max_size=24),
    st.from_regex(r"\d{6,20}[Xx]?", fullmatch=True),
)

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.tuples(st.text(max_size=3)),
    st.decimals(),
    st.dates(),
    st.just(object()),
    st.just(str),
)


def _only_minzheng_errors(name: str, value: object) -> None:
    error: MinzhengError | None = None
    try:
        PARSERS[name](value)
    except MinzhengError as err:
        error = err
    if error is not None:
        assert error.code
        assert error.message("en")
        assert error.message("zh_Hant")
        assert len(error.message("en")) < 1_000


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=EXAMPLES)
@given(text=TEXT)
def test_parsers_raise_only_minzheng_errors(name: str, text: str) -> None:
    _only_minzheng_errors(name, text)


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=EXAMPLES)
@given(junk=JUNK)
def test_parsers_refuse_non_text_with_minzheng_errors(name: str, junk: object) -> None:
    _only_minzheng_errors(name, junk)


@given(TEXT)
def test_inspect_never_raises(text: str) -> None:
    result = inspect_code(text, locale="en")
    assert result.valid == (result.error is None and result.kind != "unknown")


# --- time linear in the input ------------------------------------------------------

#: Hostile texts by kind: each a function of the length wanted.
HOSTILE: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: "+" + " " * (n - 2) + "x",
    "ideographic spaces": lambda n: "1" + "\u3000" * (n - 2) + "x",
    "tabs": lambda n: "\t" * (n - 1) + "1",
    "digits": lambda n: "1" * n,
    "digits then junk": lambda n: "9" * (n - 1) + "!",
    "separators": lambda n: (",-/. " * n)[:n],
    "comma groups": lambda n: ("1" + ",000" * n)[:n] + "x",
    "mixed": lambda n: ("1 ,-.万年月元¥CNY\u3000X" * n)[:n],
    "other digits": lambda n: "\u0663" * n,
    "letters": lambda n: "zh" + "-Hant" * (n // 5),
}

LONG = 100_000
SHORT = 10


def _best_time(parser: Callable[..., object], text: str, repeats: int) -> float:
    """The fastest of ``repeats`` calls (min, so a busy machine only makes it slower)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        with contextlib.suppress(MinzhengError):
            parser(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parsers_take_linear_time_on_hostile_text(name: str, kind: str) -> None:
    parser, make = PARSERS[name], HOSTILE[kind]
    short = _best_time(parser, make(SHORT), 20)
    # Grow the input tenfold at a time, so a quadratic parser fails at 10,000
    # characters in seconds rather than hanging for minutes at 100,000.
    for length in (1_000, 10_000, LONG):
        long = _best_time(parser, make(length), 3)
        limit = max(0.05, 200 * short) * length / LONG
        assert long < max(limit, 0.005), (name, kind, length, long, short)


# --- non-text and foreign-script arguments: named minzheng errors ---------------------

BAD_CALLS: list[tuple[str, Callable[[], object], type[MinzhengError], str, str]] = [
    ("find(None)", lambda: divisions.find(None), InvalidFormat, "division.name_type", "division"),
    (
        "find(year=str)",
        lambda: divisions.find("北京", year="2025"),
        InvalidValue,
        "division.year",
        "year",
    ),
    (
        "find(year=float)",
        lambda: divisions.find("高台", year=2025.0),
        InvalidValue,
        "division.year",
        "year",
    ),
    ("get(float)", lambda: divisions.get(12.5), InvalidFormat, "division.format", "division"),
    (
        "get(year=str)",
        lambda: divisions.get("620521", year="2025"),
        InvalidValue,
        "division.year",
        "year",
    ),
    ("history(list)", lambda: divisions.history([]), InvalidFormat, "division.format", "division"),
    (
        "rollup(None)",
        lambda: divisions.rollup(None, "province"),
        InvalidFormat,
        "division.format",
        "division",
    ),
    (
        "rollup(level=city)",
        lambda: divisions.rollup("620521", "city"),
        UnknownCode,
        "division_level.unknown",
        "division_level",
    ),
    (
        "all_divisions(level=)",
        lambda: divisions.all_divisions(level="x"),
        UnknownCode,
        "division_level.unknown",
        "division_level",
    ),
    (
        "all_divisions(year=)",
        lambda: list(divisions.all_divisions(year="2025")),
        InvalidValue,
        "division.year",
        "year",
    ),
    (
        "division_code.compact(None)",
        lambda: division_code.compact(None),
        InvalidFormat,
        "division.format",
        "division",
    ),
    (
        "division_code.validate(int)",
        lambda: division_code.validate(620521),
        InvalidFormat,
        "division.format",
        "division",
    ),
    (
        "Rate(period=week)",
        lambda: Rate(amount="715", period="week"),
        InvalidAmount,
        "rate.period",
        "period",
    ),
    (
        "Rate(period=None)",
        lambda: Rate(amount="715", period=None),
        InvalidAmount,
        "rate.period",
        "period",
    ),
    (
        "Rate.to(week)",
        lambda: Rate.monthly("715").to("week"),
        InvalidAmount,
        "rate.period",
        "period",
    ),
    ("resolve_locale([])", lambda: resolve_locale([]), UnknownCode, "locale.unknown", "locale"),
    ("resolve_locale({})", lambda: resolve_locale({}), UnknownCode, "locale.unknown", "locale"),
    ("resolve_locale(b)", lambda: resolve_locale(b"zh"), UnknownCode, "locale.unknown", "locale"),
    (
        "resolve_locale(long)",
        lambda: resolve_locale("zh" + "-Hant" * 1000),
        UnknownCode,
        "locale.unknown",
        "locale",
    ),
    ("Month.parse(None)", lambda: Month.parse(None), InvalidDate, "month.format", "month"),
    ("Month.parse(int)", lambda: Month.parse(202503), InvalidDate, "month.format", "month"),
    ("Month.parse(arabic)", lambda: Month.parse("٢٠٢٥-٠٣"), InvalidDate, "month.format", "month"),
    (
        "Month.parse(devanagari)",
        lambda: Month.parse("२०२५०३"),
        InvalidDate,
        "month.format",
        "month",
    ),
    (
        "Month.parse(long)",
        lambda: Month.parse("2025-03" + " " * 40 + "x"),
        InvalidDate,
        "month.format",
        "month",
    ),
    ("Sex.from_code(None)", lambda: Sex.from_code(None), UnknownCode, "sex.unknown", "sex"),
    ("Sex.from_code(huge int)", lambda: Sex.from_code(10**5000), UnknownCode, "sex.unknown", "sex"),
    ("Sex.from_code(arabic)", lambda: Sex.from_code("١"), UnknownCode, "sex.unknown", "sex"),
    (
        "DisabilityGrade.from_term(None)",
        lambda: DisabilityGrade.from_term(None),
        UnknownCode,
        "disability_grade.unknown",
        "disability_grade",
    ),
    (
        "DisabilityGrade.from_term(bytes)",
        lambda: DisabilityGrade.from_term(b"x"),
        UnknownCode,
        "disability_grade.unknown",
        "disability_grade",
    ),
    ("AgeBand.parse(None)", lambda: AgeBand.parse(None), InvalidFormat, "value.format", "age_band"),
    (
        "AgeBand.parse(5000 digits)",
        lambda: AgeBand.parse("9" * 5000 + "+"),
        InvalidFormat,
        "value.format",
        "age_band",
    ),
    (
        "AgeBand.parse(arabic)",
        lambda: AgeBand.parse("٨٠-٨٩"),
        InvalidFormat,
        "value.format",
        "age_band",
    ),
    ("parse_amount(arabic)", lambda: parse_amount("٣٤٥"), InvalidAmount, "amount.format", "amount"),
    ("parse_amount(list)", lambda: parse_amount([1]), InvalidAmount, "amount.type", "amount"),
    (
        "ResidentId.parse(arabic)",
        lambda: ResidentId.parse("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"),
        InvalidFormat,
        "resident_id.format",
        "resident_id",
    ),
    (
        "ResidentId.parse(long)",
        lambda: ResidentId.parse("1" * 100_000),
        InvalidValue,
        "resident_id.length",
        "resident_id",
    ),
    (
        "StatCode.parse(arabic)",
        lambda: StatCode.parse("٦٢٠٥٢١١٠٠٢٠٠"),
        InvalidFormat,
        "stat_code.format",
        "stat_code",
    ),
    (
        "CreditCode.parse(None)",
        lambda: CreditCode.parse(None),
        InvalidFormat,
        "credit_code.type",
        "credit_code",
    ),
    (
        "credit_code.compact(None)",
        lambda: credit_code.compact(None),
        InvalidFormat,
        "credit_code.type",
        "credit_code",
    ),
    (
        "resident_id.compact(1)",
        lambda: resident_id.compact(1),
        InvalidFormat,
        "resident_id.type",
        "resident_id",
    ),
    (
        "disability_certificate.compact(1)",
        lambda: disability_certificate.compact(1),
        InvalidFormat,
        "disability_certificate.type",
        "disability_certificate",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "code", "field"),
    [pytest.param(c, e, k, f, id=name) for name, c, e, k, f in BAD_CALLS],
)
def test_bad_arguments_raise_named_minzheng_errors(
    call: Callable[[], object], error: type[MinzhengError], code: str, field: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert (info.value.code, info.value.field) == (code, field)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert len(info.value.message(locale)) < 300
