"""Social assistance: 低保, 特困, 低保边缘, 临时救助, 刚性支出困难 — and the cases that carry them.

Every rule takes the date and the :class:`~minzheng.standards.StandardsBook`
explicitly and returns a :class:`~minzheng.rules.Decision` that explains itself.

>>> import datetime
>>> from minzheng.codes import Area
>>> from minzheng.money import Rate
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
...                                rate=Rate.yearly("8580"), effective=datetime.date(2025, 1, 1))])
>>> decide_dibao(example_household(), on=datetime.date(2025, 3, 1), book=book).amount.amount
Decimal('860.00')
"""

from minzheng.assistance.cases import (
    DEFAULT_EXCLUSIVE,
    TRANSITIONS,
    Case,
    CaseAction,
    CaseEvent,
    CasePolicy,
    CaseRegister,
    CaseStatus,
)
from minzheng.assistance.dibao import (
    DEFAULT_DIBAO_POLICY,
    DIBAO_2021,
    DibaoPolicy,
    DibaoRules,
    GradualExitCategory,
    SinglePersonCategory,
    Supplement,
    SupplementCategory,
    decide_dibao,
    decide_dibao_single_person,
    decide_dibao_termination,
    decide_dibao_with_gradual_exit,
    dibao_termination_grounds,
    example_edge_household,
    example_household,
    review_months,
)
from minzheng.assistance.edge import decide_dibao_edge
from minzheng.assistance.rigid import (
    EXCLUDING_PROGRAMMES,
    RIGID_2024,
    RigidRules,
    decide_rigid_expenditure,
)
from minzheng.assistance.tekun import (
    TEKUN_2016,
    TEKUN_2021,
    DailyActivity,
    ObligorFacts,
    ObligorIncapacity,
    TekunPolicy,
    TekunRules,
    TekunTermination,
    decide_tekun,
    decide_tekun_termination,
    example_elder_household,
    self_care_tier,
    tekun_rules_on,
)
from minzheng.assistance.temporary import (
    TemporaryBasis,
    TemporaryPolicy,
    decide_temporary,
    example_three_person_household,
)

__all__ = [
    "DEFAULT_DIBAO_POLICY",
    "DEFAULT_EXCLUSIVE",
    "DIBAO_2021",
    "EXCLUDING_PROGRAMMES",
    "RIGID_2024",
    "TEKUN_2016",
    "TEKUN_2021",
    "TRANSITIONS",
    "Case",
    "CaseAction",
    "CaseEvent",
    "CasePolicy",
    "CaseRegister",
    "CaseStatus",
    "DailyActivity",
    "DibaoPolicy",
    "DibaoRules",
    "GradualExitCategory",
    "ObligorFacts",
    "ObligorIncapacity",
    "RigidRules",
    "SinglePersonCategory",
    "Supplement",
    "SupplementCategory",
    "TekunPolicy",
    "TekunRules",
    "TekunTermination",
    "TemporaryBasis",
    "TemporaryPolicy",
    "decide_dibao",
    "decide_dibao_edge",
    "decide_dibao_single_person",
    "decide_dibao_termination",
    "decide_dibao_with_gradual_exit",
    "decide_rigid_expenditure",
    "decide_tekun",
    "decide_tekun_termination",
    "decide_temporary",
    "dibao_termination_grounds",
    "example_edge_household",
    "example_elder_household",
    "example_household",
    "example_three_person_household",
    "review_months",
    "self_care_tier",
    "tekun_rules_on",
]
