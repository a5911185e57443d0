"""Care institutions, beds and residents: 养老机构, 床位, 入住, 能力评估, 等级 — and their indicators.

>>> import datetime
>>> from minzheng.people import Person
>>> reg = BedRegister()
>>> reg.add_institution(Institution(institution_id="I1", name="清水县敬老院", kind=InstitutionKind.TEKUN_HOME,
...                                 division="620521"))
>>> for n in range(4):
...     reg.add_bed(Bed(bed_id=f"B{n}", institution_id="I1", kind=BedKind.NURSING if n < 3 else BedKind.ORDINARY))
>>> _ = reg.admit("S1", Person(person_id="P1"), "B0", on=datetime.date(2025, 1, 6), source=ResidentSource.TEKUN)
>>> counts = bed_counts(reg)[None]
>>> counts.total, counts.nursing, occupancy_rate(reg, datetime.date(2025, 2, 1))
(4, 3, Decimal('0.25'))
"""

from minzheng.care.assessment import AbilityAssessment, AbilityIndicator, AbilityItem
from minzheng.care.beds import Bed, BedFacts, BedKind, NursingBedCriteria, ResidentSource, Stay
from minzheng.care.grading import (
    DEFAULT_CUTOFFS,
    MAXIMA,
    GradeCutoff,
    GradingScores,
    institution_grade,
)
from minzheng.care.indicators import (
    NURSING_BED_TARGET,
    NURSING_BED_TARGET_SOURCE,
    BedCount,
    bed_counts,
    beds_per_thousand,
    graded_share,
    nursing_bed_share,
    occupancy_rate,
    satisfaction_rate,
    service_hours,
    tekun_centralised_rate,
)
from minzheng.care.institution import (
    FILING_SOURCE,
    FILING_WORKING_DAYS,
    Institution,
    InstitutionGrade,
    InstitutionKind,
    LegalForm,
    MedicalCareForm,
    OperatingModel,
    filing_deadline,
)
from minzheng.care.register import BedRegister, Outage
from minzheng.care.services import (
    CareVisit,
    HomeAdaptation,
    HomeServiceType,
    MealService,
    ServiceOrder,
    VisitKind,
)

__all__ = [
    "DEFAULT_CUTOFFS",
    "FILING_SOURCE",
    "FILING_WORKING_DAYS",
    "MAXIMA",
    "NURSING_BED_TARGET",
    "NURSING_BED_TARGET_SOURCE",
    "AbilityAssessment",
    "AbilityIndicator",
    "AbilityItem",
    "Bed",
    "BedCount",
    "BedFacts",
    "BedKind",
    "BedRegister",
    "CareVisit",
    "GradeCutoff",
    "GradingScores",
    "HomeAdaptation",
    "HomeServiceType",
    "Institution",
    "InstitutionGrade",
    "InstitutionKind",
    "LegalForm",
    "MealService",
    "MedicalCareForm",
    "NursingBedCriteria",
    "OperatingModel",
    "Outage",
    "ResidentSource",
    "ServiceOrder",
    "Stay",
    "VisitKind",
    "bed_counts",
    "beds_per_thousand",
    "filing_deadline",
    "graded_share",
    "institution_grade",
    "nursing_bed_share",
    "occupancy_rate",
    "satisfaction_rate",
    "service_hours",
    "tekun_centralised_rate",
]
