import pickle

import pytest

from minzheng.errors import (
    InconsistentRecord,
    InvalidAmount,
    InvalidChecksum,
    InvalidComponent,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    InvalidValue,
    MinzhengError,
    RuleViolation,
    UnknownCode,
)
from minzheng.ids import ResidentId


def test_hierarchy() -> None:
    for cls in (
        InvalidFormat,
        InvalidLength,
        InvalidChecksum,
        InvalidComponent,
        InvalidDate,
        InvalidAmount,
        InconsistentRecord,
    ):
        assert issubclass(cls, InvalidValue) and issubclass(cls, ValueError)
    assert issubclass(InvalidValue, MinzhengError)
    assert issubclass(UnknownCode, LookupError) and issubclass(UnknownCode, MinzhengError)
    assert issubclass(RuleViolation, MinzhengError) and not issubclass(RuleViolation, ValueError)


def test_error_carries_code_field_params_and_masked_value() -> None:
    with pytest.raises(InvalidChecksum) as info:
        ResidentId.parse("110105194912310021")
    err = info.value
    assert (err.code, err.field, err.value) == (
        "resident_id.checksum",
        "resident_id",
        "110105********0021",
    )
    assert err.params == {"expected": "X", "actual": "1"}
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert "19491231" not in err.message(locale)
        assert "110105********0021" in err.message(locale)
    assert err.message("en").startswith("resident_id: the check character is wrong")
    assert err.message("zh_Hant").startswith("resident_id：校驗碼錯誤")
    assert err.to_dict("en")["code"] == "resident_id.checksum"
    assert "19491231" not in repr(err) and "19491231" not in str(err)


def test_errors_pickle_without_unmasking() -> None:
    with pytest.raises(InvalidChecksum) as info:
        ResidentId.parse("110105194912310021")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is InvalidChecksum
    assert copy.value == info.value.value and copy.code == info.value.code


def test_unknown_code_falls_back_to_the_class_template() -> None:
    err = InvalidDate("something.new", field="x", value="v")
    assert err.message("en") == "x: invalid date: v"


def test_rule_violation_carries_reasons() -> None:
    err = RuleViolation("rule.violated", reasons=["r1"], field="bed")
    assert err.reasons == ("r1",)


def test_error_truncates_a_huge_value_and_does_not_keep_it() -> None:
    import gc
    import sys
    import weakref

    class Big(str):
        """A str subclass so that a weak reference can tell whether it is kept."""

    big = Big("9" * 10_000_000)
    ref = weakref.ref(big)
    err = InvalidAmount("amount.format", field="amount", value=big, params={"echo": big})
    del big
    gc.collect()
    assert ref() is None
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert len(err.message(locale)) < 200
    assert len(str(err)) < 200 and len(repr(err)) < 200
    assert err.value is not None and err.value.endswith("(len 10000000)")
    assert len(err.params["echo"]) <= 64
    assert sys.getsizeof(err.value) < 1_000
    copy = pickle.loads(pickle.dumps(err))
    assert copy.value == err.value


def test_error_masks_before_truncating() -> None:
    err = InvalidLength(
        "resident_id.length", field="resident_id", value="1101051949" * 1000, personal=True
    )
    assert err.value is not None and len(err.value) <= 64
    assert "1949" not in err.value


def test_error_of_a_huge_container_or_bytes_is_bounded() -> None:
    for value in (b"x" * 1_000_000, list(range(1_000_000)), {i: i for i in range(100_000)}):
        err = InvalidFormat(field="x", value=value)
        assert err.value is not None and len(err.value) <= 64


def test_an_echoed_value_stays_on_one_line() -> None:
    from minzheng.errors import InvalidDate

    for breaker in ("\n", "\r", "\u2028", "\u2029", "\x85", "\u202e", "\x1b"):
        err = InvalidDate("date.format", field="--on", value=f"2025{breaker}03-01")
        for locale in ("zh_Hans", "zh_Hant", "en"):
            message = err.message(locale)
            assert len(message.splitlines()) == 1, repr(message)
            assert breaker not in message
