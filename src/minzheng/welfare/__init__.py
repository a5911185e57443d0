"""Welfare: children (孤儿, 事实无人抚养儿童, 困境/留守儿童), disability subsidies, old-age allowances, funeral.

Each rule returns a :class:`~minzheng.rules.Decision` with reasons and citations.

>>> import datetime
>>> from minzheng.people import Person
>>> gone = ParentStatus(situation=ParentSituation.DECEASED)
>>> classify_child(Person(person_id="C", birth_date=datetime.date(2012, 1, 1)), father=gone, mother=gone,
...                on=datetime.date(2025, 1, 1)).programme.label("en")
'Orphan basic living allowance'
"""

from minzheng.welfare.children import (
    ChildClassification,
    ChildPolicy,
    ParentSituation,
    ParentStatus,
    VulnerableChildKind,
    classify_child,
    classify_vulnerable_child,
    decide_child_allowance,
    is_left_behind,
)
from minzheng.welfare.disability import (
    DisabilitySubsidyPolicy,
    decide_living_subsidy,
    decide_nursing_subsidy,
)
from minzheng.welfare.elderly import (
    AgeBand,
    ElderlyPolicy,
    age_bands,
    decide_elderly_care_subsidy,
    decide_elderly_service_subsidy,
    decide_old_age_allowance,
)
from minzheng.welfare.funeral import (
    BasicFuneralService,
    FuneralWaiverPolicy,
    decide_funeral_subsidy,
    decide_funeral_waiver,
)

__all__ = [
    "AgeBand",
    "BasicFuneralService",
    "ChildClassification",
    "ChildPolicy",
    "DisabilitySubsidyPolicy",
    "ElderlyPolicy",
    "FuneralWaiverPolicy",
    "ParentSituation",
    "ParentStatus",
    "VulnerableChildKind",
    "age_bands",
    "classify_child",
    "classify_vulnerable_child",
    "decide_child_allowance",
    "decide_elderly_care_subsidy",
    "decide_elderly_service_subsidy",
    "decide_funeral_subsidy",
    "decide_funeral_waiver",
    "decide_living_subsidy",
    "decide_nursing_subsidy",
    "decide_old_age_allowance",
    "is_left_behind",
]
