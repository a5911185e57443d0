"""Statistics: the figures bureaus publish, exact, from facts — and the sentences that state them.

>>> from decimal import Decimal
>>> from minzheng.programmes import Programme
>>> facts = [Fact(programme=Programme.DIBAO, household="H1", person="A", amount=Decimal("860")),
...          Fact(programme=Programme.DIBAO, household="H1", person="B")]
>>> aggregate(facts, by=[by_programme()]).sentences("zh_Hans", scope=Scope.COUNTY)
['全县保障城乡低保对象1户2人，发放资金0.09万元']
"""

from minzheng.stats.aggregate import (
    MEASURES,
    Dimension,
    Measure,
    aggregate,
    by_age_band,
    by_area,
    by_division,
    by_kind,
    by_month,
    by_programme,
    by_sex,
    by_year,
)
from minzheng.stats.checks import FigureCheck, verify_growth, verify_share
from minzheng.stats.facts import Fact, facts_from_beds, flow_between, stock_on
from minzheng.stats.sentences import PROGRAMME_SHORT, Scope
from minzheng.stats.table import StatTable, combine

__all__ = [
    "MEASURES",
    "PROGRAMME_SHORT",
    "Dimension",
    "Fact",
    "FigureCheck",
    "Measure",
    "Scope",
    "StatTable",
    "aggregate",
    "by_age_band",
    "by_area",
    "by_division",
    "by_kind",
    "by_month",
    "by_programme",
    "by_sex",
    "by_year",
    "combine",
    "facts_from_beds",
    "flow_between",
    "stock_on",
    "verify_growth",
    "verify_share",
]
