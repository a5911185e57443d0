"""The rule kit: Ruling, refusal, in_force, deprecated aliases, and the reason catalogue."""

import ast
import datetime
import re
import string
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import minzheng
from minzheng.errors import InvalidDate, InvalidValue, RuleViolation
from minzheng.money import TO_FEN, UP_TO_YUAN, Rate
from minzheng.programmes import Programme
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import (
    REASONS,
    Citation,
    Instrument,
    Matter,
    Reason,
    Ruling,
    deprecated_alias,
    in_force,
    reason_catalogue_markdown,
    refusal,
)

ROOT = Path(__file__).parents[2]
SRC = ROOT / "src" / "minzheng"
D = datetime.date


def test_ruling_builds_a_typed_decision_with_defaults() -> None:
    cite = Citation(instrument=Instrument.INTERIM_MEASURES, article=9)
    r = Ruling(matter=Programme.DIBAO, on=D(2025, 1, 1), subject="H", citation=cite)
    assert not r.check(False, "dibao.income_below_standard", "dibao.income_not_below_standard")
    assert not r.reasons[-1].met and r.reasons[-1].citation == cite
    r.note("dibao.review_yearly")
    decision = r.decide(True, amount=Rate.monthly("1"), review_months=12)
    assert decision.reason_codes() == ("dibao.income_not_below_standard", "dibao.review_yearly")
    assert (decision.subject, decision.review_months, decision.on) == ("H", 12, D(2025, 1, 1))


def test_a_registration_kind_is_a_matter() -> None:
    kind = next(iter(RegistrationKind))
    assert isinstance(kind, Matter)
    assert Ruling(matter=kind, on=D(2025, 1, 1)).decide(False).programme is kind


@pytest.mark.parametrize("on", ["2025-03-03", datetime.datetime(2025, 3, 3, 12), 20250303, None])
def test_a_date_that_is_not_a_date_is_a_minzheng_error(on: object) -> None:
    with pytest.raises(InvalidDate) as caught:
        Ruling(matter=Programme.DIBAO, on=on)  # type: ignore[arg-type]
    assert caught.value.field == "on"


def test_a_matter_that_is_not_a_programme_is_a_minzheng_error() -> None:
    with pytest.raises(InvalidValue):
        Ruling(matter="dibao", on=D(2025, 1, 1))  # type: ignore[arg-type]


def test_a_ruling_stays_typed_when_its_fields_are_assigned() -> None:
    r = Ruling(matter=Programme.DIBAO, on=D(2025, 1, 1))
    with pytest.raises(InvalidValue) as caught:
        r.standard = "620521"  # type: ignore[assignment]
    assert caught.value.code == "value.type" and caught.value.field == "standard"
    with pytest.raises(InvalidDate):
        r.on = "2025-01-01"  # type: ignore[assignment]
    with pytest.raises(InvalidValue):
        Ruling(matter=Programme.DIBAO, on=D(2025, 1, 1), reasons=["dibao.full_amount"])


def test_a_ruling_copies_the_reasons_it_is_given() -> None:
    given = (Reason(code="dibao.full_amount"),)
    r = Ruling(matter=Programme.DIBAO, on=D(2025, 1, 1), reasons=given)
    r.note("dibao.review_yearly")
    assert isinstance(r.reasons, list) and r.reason_codes()[0] == "dibao.full_amount"
    assert len(given) == 1


def test_refusal_and_refuse_raise_the_same_violation() -> None:
    made = refusal("case.unknown", field="case", case_id="C1")
    with pytest.raises(RuleViolation) as caught:
        Ruling(matter=Programme.DIBAO, on=D(2025, 1, 1)).refuse(
            "case.unknown", field="case", case_id="C1"
        )
    assert (caught.value.code, caught.value.field, caught.value.params) == (
        made.code,
        made.field,
        made.params,
    )
    assert caught.value.reasons[0].met is False
    assert "C1" in caught.value.message("en")


def test_monthly_names_the_rounding_only_when_it_rounds() -> None:
    r = Ruling(matter=Programme.DIBAO, on=D(2025, 1, 1))
    assert r.monthly(Rate.yearly("8580"), TO_FEN) == Decimal("715")
    assert r.reasons == []
    assert r.monthly(Rate.yearly("742"), UP_TO_YUAN) == Decimal("62")
    (reason,) = r.reasons
    assert reason.code == "standard.monthly_rounded"
    assert "rounded up to the yuan" in reason.render("en")


def test_in_force_picks_the_latest_effective_version() -> None:
    from minzheng.assistance import TEKUN_2016, TEKUN_2021

    assert in_force(D(2021, 6, 30), (TEKUN_2021, TEKUN_2016)) is TEKUN_2016
    assert in_force(D(2021, 7, 1), (TEKUN_2016, TEKUN_2021)) is TEKUN_2021
    assert in_force(D(2000, 1, 1), (TEKUN_2016, TEKUN_2021)) is TEKUN_2016
    with pytest.raises(InvalidValue):
        in_force(D(2000, 1, 1), ())


def test_deprecated_alias_warns_and_delegates() -> None:
    def decide_x(n: int) -> int:
        return n + 1

    check_x = deprecated_alias(decide_x, "check_x")
    with pytest.warns(DeprecationWarning, match=r"check_x\(\) is deprecated; use decide_x\(\)"):
        assert check_x(1) == 2
    assert check_x.__name__ == "check_x"


@given(st.booleans(), st.sampled_from(sorted(REASONS)))
def test_refusals_carry_no_amount(eligible: bool, code: str) -> None:
    r = Ruling(matter=Programme.TEMPORARY_EMERGENCY, on=D(2025, 1, 1))
    r.check(eligible, code)
    d = r.decide(eligible, amount=Rate.monthly("5"), one_off=Decimal("5"))
    assert (d.amount is None and d.one_off is None) is not eligible


# -- the catalogue ---------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_entry_has_three_messages_with_the_same_fields_and_a_citation() -> None:
    for code in REASONS:
        entry = REASONS[code]
        messages = entry.messages()
        assert set(messages) == {"zh_Hans", "zh_Hant", "en"}
        assert len({frozenset(placeholders(m)) for m in messages.values()}) == 1, code
        assert not re.search(r"[\u4e00-\u9fff]", messages["en"]), code
        assert entry.citation is not None, code


_KIT_CALLS = {"check", "note", "deny", "refuse", "refusal", "_refuse", "_violation", "_reason"}
_CODE = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")


def _codes_in(node: ast.AST) -> set[str]:
    return {
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and _CODE.match(n.value)
    }


def codes_used_in_src() -> dict[str, str]:
    """Reason codes given to Reason(code=...) or to the kit's calls, anywhere in src/."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            parts: list[ast.AST] = []
            if name == "Reason":
                parts = [k.value for k in call.keywords if k.arg == "code"]
            elif name in _KIT_CALLS:
                parts = [a for a in call.args if not isinstance(a, ast.Name)]
            for part in parts:
                for code in _codes_in(part):
                    found.setdefault(code, str(path.relative_to(ROOT)))
    return found


def test_every_reason_code_used_in_src_is_catalogued() -> None:
    used = codes_used_in_src()
    assert len(used) > 100  # the scan finds the rules' codes
    missing = {code: where for code, where in used.items() if code not in REASONS}
    assert not missing


def test_the_committed_reference_page_is_the_generated_one() -> None:
    page = ROOT / "docs" / "reference" / "reasons.md"
    assert page.read_text(encoding="utf-8") == reason_catalogue_markdown(), (
        "run scripts/reason_catalogue.py"
    )


def test_the_rules_layer_imports_nothing_above_it() -> None:
    above = {"assistance", "welfare", "payments", "care", "registration", "programmes", "people"}
    above |= {"standards", "stats", "io", "cli", "synth", "frames"}
    for path in (SRC / "rules").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if parts[0] == "minzheng" and len(parts) > 1 and parts[1] in above:
                    # only for type checking, never at run time
                    assert _under_type_checking(tree, node), (path.name, node.module)
    assert minzheng.rules.Ruling.__module__ == "minzheng.rules.ruling"


def _under_type_checking(tree: ast.Module, target: ast.ImportFrom) -> bool:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and "TYPE_CHECKING" in ast.unparse(node.test)
            and any(child is target for child in ast.walk(node))
        ):
            return True
    return False
