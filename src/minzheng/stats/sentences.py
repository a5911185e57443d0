"""Report sentences in the seeds' style, in zh_Hans, zh_Hant and en.

"全县保障城乡低保对象5039户9822人，发放资金4939.73万元" — the scope (全县, 全市 …), the
programme's short name, the households and persons, and the money in 万元.

>>> from decimal import Decimal
>>> from minzheng.programmes import Programme
>>> from minzheng.stats import StatTable, Measure
>>> t = StatTable(dimensions=("programme",), measures=(Measure.HOUSEHOLDS, Measure.PERSONS, Measure.MONEY),
...               rows=((Programme.DIBAO, 5039, 9822, Decimal("49397300")),))
>>> t.sentences(scope=Scope.COUNTY)
['全县保障城乡低保对象5039户9822人，发放资金4939.73万元']
>>> t.sentences("zh_Hant", scope=Scope.COUNTY)
['全縣保障城鄉低保對象5039戶9822人，發放資金4939.73萬元']
>>> print(t.sentences("en", scope=Scope.COUNTY)[0])
The county supported 5,039 households and 9,822 persons under urban and rural dibao; funds paid: CNY 49.3973 million.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minzheng.codes import CodeEnum
from minzheng.i18n import format_count, format_money, resolve_locale, translate
from minzheng.programmes import Programme
from minzheng.stats.aggregate import Measure

if TYPE_CHECKING:
    from minzheng.stats.table import StatTable

__all__ = ["PROGRAMME_SHORT", "SENTENCE_TEXT", "Scope", "render_sentences"]


class Scope(CodeEnum):
    """Whose figures a sentence states: 全县, 全区, 全市, 全省.

    >>> Scope.CITY.label("en")
    'The city'
    """

    COUNTY = "county", "全县"
    DISTRICT = "district", "全区"
    CITY = "city", "全市"
    PROVINCE = "province", "全省"


#: The short names bureau reports use (msgids of context ``Programme.short``).
PROGRAMME_SHORT: dict[Programme, str] = {
    Programme.DIBAO: "城乡低保",
    Programme.TEKUN: "特困供养",
    Programme.DIBAO_EDGE: "低保边缘家庭",
    Programme.TEMPORARY_EMERGENCY: "急难型临时救助",
    Programme.TEMPORARY_EXPENDITURE: "支出型临时救助",
    Programme.RIGID_EXPENDITURE: "刚性支出困难家庭",
    Programme.ORPHAN: "孤儿",
    Programme.UNSUPPORTED_CHILD: "事实无人抚养儿童",
    Programme.DISABILITY_LIVING_SUBSIDY: "困难残疾人生活补贴",
    Programme.DISABILITY_NURSING_SUBSIDY: "重度残疾人护理补贴",
    Programme.OLD_AGE_ALLOWANCE: "高龄津贴",
    Programme.ELDERLY_SERVICE_SUBSIDY: "养老服务补贴",
    Programme.ELDERLY_CARE_SUBSIDY: "失能老年人护理补贴",
    Programme.FUNERAL_SUBSIDY: "丧葬补助",
}

#: Sentence templates in Chinese (msgids of context ``sentence``); English sentences are composed in code.
SENTENCE_TEXT = (
    "{scope}保障{programme}对象{counts}",
    "，发放资金{money}",
)


def render_sentences(
    table: StatTable, locale: object = "zh_Hans", *, scope: object = None
) -> list[str]:
    """One sentence per row; the table must be grouped by ``programme`` (other dimensions are ignored).

    A row of facts with no programme (``None``: a roster row that names none)
    has no words to be said in and gets no sentence.

    >>> from minzheng.stats import StatTable
    >>> render_sentences(StatTable(dimensions=("programme",), measures=(Measure.PERSONS,),
    ...                            rows=((Programme.TEKUN, 1151),)), "zh_Hans", scope=Scope.COUNTY)
    ['全县保障特困供养对象1151人']
    """
    name = resolve_locale(locale)
    chosen = (
        scope if isinstance(scope, Scope) else Scope.from_code(scope) if scope else Scope.COUNTY
    )
    if "programme" not in table.dimensions:
        from minzheng.errors import InvalidValue

        raise InvalidValue("stats.needs_programme", field="by", value=",".join(table.dimensions))
    out = []
    for record in table.records():
        programme = record["programme"]
        if programme is None:
            continue
        short = translate(PROGRAMME_SHORT[programme], context="Programme.short", locale=name)
        parts = []
        if record.get(Measure.HOUSEHOLDS.value):
            parts.append(format_count(record[Measure.HOUSEHOLDS.value], "household", name))
        if record.get(Measure.PERSONS.value):
            parts.append(format_count(record[Measure.PERSONS.value], "person", name))
        money = record.get(Measure.MONEY.value)
        if name == "en":
            counts = " and ".join(parts) or "0 persons"
            text = f"{chosen.label(name)} supported {counts} under {short}"
            if money:
                text += f"; funds paid: {format_money(money, name, unit='万元')}"
            out.append(text + ".")
            continue
        text = translate(SENTENCE_TEXT[0], context="sentence", locale=name).format(
            scope=chosen.label(name), programme=short, counts="".join(parts)
        )
        if money:
            text += translate(SENTENCE_TEXT[1], context="sentence", locale=name).format(
                money=format_money(money, name, unit="万元")
            )
        out.append(text)
    return out
