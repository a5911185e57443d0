"""Fraud: recovery in full and the art. 68 fine of 1–3 times the amount obtained (issue 13)."""

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.dates import Month
from minzheng.errors import MinzhengError, RuleViolation
from minzheng.money import Rate
from minzheng.payments import (
    Entitlement,
    Ledger,
    decide_fraud_penalty,
    reconcile,
    revoke_entitlement,
    schedule,
)
from minzheng.programmes import Programme
from minzheng.rules import Instrument
from minzheng.testing import amounts

ON = datetime.date(2025, 11, 3)
LOCALES = ("zh_Hans", "zh_Hant", "en")
PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")


def params(decision: object, code: str) -> dict[str, object]:
    return next(r.params for r in decision.reasons if r.code == code)  # type: ignore[attr-defined]


def test_fraud_revocation_recovers_in_full_then_fines_up_to_three_times() -> None:
    e = Entitlement(
        entitlement_id="E",
        beneficiary="HH1",
        programme=Programme.DIBAO,
        monthly=Rate.monthly("610"),
        valid_from=Month(2025, 1),
    )
    ledger = Ledger(schedule([e], Month.range(Month(2025, 1), Month(2025, 12))))
    recovery = reconcile(ledger, [revoke_entitlement(e)], through=Month(2025, 12))
    obtained = -sum((d.amount for d in recovery), Decimal(0))
    assert obtained == Decimal("7320") == ledger.total()
    decision = decide_fraud_penalty(obtained, 2, programme=e.programme, subject="HH1", on=ON)
    assert not decision.eligible
    assert params(decision, "payments.fraud_recovery")["obtained"] == Decimal("7320")
    assert params(decision, "payments.fraud_fine_range") == {
        "low": Decimal("7320"),
        "high": Decimal("21960"),
    }
    assert params(decision, "payments.fraud_fine")["fine"] == Decimal("14640")
    assert all(
        r.citation is not None
        and r.citation.instrument is Instrument.INTERIM_MEASURES
        and r.citation.article == 68
        for r in decision.reasons
    )


@pytest.mark.parametrize("multiple", [Decimal("0.99"), 0, Decimal("3.01"), 4, Decimal("NaN")])
def test_a_multiple_outside_one_to_three_is_refused(multiple: Any) -> None:
    with pytest.raises(RuleViolation) as info:
        decide_fraud_penalty(
            Decimal("100"), multiple, programme=Programme.DIBAO, subject="H", on=ON
        )
    assert info.value.code == "payments.fraud_multiple"
    assert (
        info.value.reasons[0].citation is not None and info.value.reasons[0].citation.article == 68
    )
    for locale in LOCALES:
        assert not PLACEHOLDER.search(info.value.message(locale))


@pytest.mark.parametrize("multiple", [1, 3, Decimal("1.5"), None])
def test_the_bounds_are_included_and_no_fine_is_allowed(multiple: Any) -> None:
    d = decide_fraud_penalty(
        Decimal("100.01"), multiple, programme=Programme.TEKUN, subject="P", on=ON
    )
    codes = d.reason_codes()
    assert codes[:2] == ("payments.fraud_recovery", "payments.fraud_fine_range")
    assert codes[2] == ("payments.fraud_no_fine" if multiple is None else "payments.fraud_fine")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"obtained": 100.5},
        {"obtained": "100"},
        {"obtained": Decimal("-1")},
        {"multiple": 2.0},
        {"multiple": True},
        {"programme": "dibao"},
        {"on": "2025-11-03"},
        {"on": datetime.datetime(2025, 11, 3)},
    ],
)
def test_wrong_inputs_raise_minzheng_errors(kwargs: dict[str, Any]) -> None:
    args: dict[str, Any] = {
        "obtained": Decimal("100"),
        "multiple": 2,
        "programme": Programme.DIBAO,
        "subject": "H",
        "on": ON,
    }
    args.update(kwargs)
    obtained, multiple = args.pop("obtained"), args.pop("multiple")
    with pytest.raises(MinzhengError):
        decide_fraud_penalty(obtained, multiple, **args)


@settings(max_examples=60)
@given(
    amounts(max_value=10_000_000, places=2),
    st.one_of(st.none(), st.integers(1, 3), st.decimals(min_value=1, max_value=3, places=2)),
    st.sampled_from([Programme.DIBAO, Programme.TEKUN, Programme.TEMPORARY_EMERGENCY]),
)
def test_penalty_amounts_are_never_negative_and_explain_in_every_locale(
    obtained: Decimal, multiple: int | Decimal | None, programme: Programme
) -> None:
    d = decide_fraud_penalty(obtained, multiple, programme=programme, subject="P", on=ON)
    money = [v for r in d.reasons for v in r.params.values() if isinstance(v, Decimal)]
    assert money and all(v >= 0 for v in money)
    low, high = (params(d, "payments.fraud_fine_range")[k] for k in ("low", "high"))
    assert low == obtained and high == obtained * 3
    if multiple is not None:
        fine = params(d, "payments.fraud_fine")["fine"]
        assert low <= fine <= high  # type: ignore[operator]
    for locale in LOCALES:
        text = d.explain(locale)
        assert not PLACEHOLDER.search(text), text
        assert text.count("\n") == 4


@settings(max_examples=40)
@given(
    amounts(max_value=1_000_000, places=2),
    st.one_of(
        st.decimals(max_value=Decimal("0.99"), places=2, allow_nan=False),
        st.decimals(min_value=Decimal("3.01"), places=2, allow_nan=False, allow_infinity=True),
        st.integers(max_value=0),
        st.integers(min_value=4),
    ),
)
def test_every_multiple_outside_the_range_is_refused(obtained: Decimal, multiple: Any) -> None:
    with pytest.raises(RuleViolation):
        decide_fraud_penalty(obtained, multiple, programme=Programme.DIBAO, subject="P", on=ON)
