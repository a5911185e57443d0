"""Rules: citations, reasons and explanations in every locale."""

import datetime
import string

import pytest

from minzheng.money import Rate
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Reason, chinese_numeral
from minzheng.rules.templates import REASON_TEMPLATES

LOCALES = ("zh_Hans", "zh_Hant", "en")


def test_citations() -> None:
    assert (
        Citation(instrument=Instrument.CIVIL_CODE, article=1077, paragraph=2).render()
        == "《中华人民共和国民法典》第一千零七十七条第二款"
    )
    assert chinese_numeral(1259) == "一千二百五十九" and chinese_numeral(20) == "二十"


@pytest.mark.parametrize("code", sorted(REASON_TEMPLATES))
def test_every_reason_code_renders_in_every_locale(code: str) -> None:
    names = {name for _, name, _, _ in string.Formatter().parse(REASON_TEMPLATES[code]) if name}
    reason = Reason(
        code=code,
        params=dict.fromkeys(names, "X"),
        citation=Citation(instrument=Instrument.INTERIM_MEASURES, article=9),
    )
    for locale in LOCALES:
        text = reason.render(locale, with_citation=True)
        assert "{" not in text and text.strip()


def test_decision_explains_itself() -> None:
    d = Decision(
        programme=Programme.TEKUN,
        eligible=True,
        on=datetime.date(2025, 1, 1),
        amount=Rate.yearly("11160"),
        reasons=(Reason(code="tekun.no_obligor", params={"person": "王*"}),),
    )
    assert d.explain().startswith("特困人员救助供养：符合条件\n保障金额：11160元/年")
    assert "CNY 11,160 per year" in d.explain("en")
    assert "符合條件" in d.explain("zh_TW")
