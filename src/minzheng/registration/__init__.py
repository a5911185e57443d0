"""Registrations: marriage and divorce, adoption, social organisations and charities.

>>> import datetime
>>> from minzheng.codes import Sex
>>> from minzheng.people import Person
>>> reg = MarriageRegister()
>>> he = Person(person_id="A", sex=Sex.MALE, birth_date=datetime.date(1995, 1, 1))
>>> she = Person(person_id="B", sex=Sex.FEMALE, birth_date=datetime.date(1996, 1, 1))
>>> _ = reg.register_marriage("M1", he, she, on=datetime.date(2025, 5, 20), registry="620521")
>>> reg.counts(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))["marriages"]
1
"""

from minzheng.registration.adoption import (
    AdopteeCategory,
    Adopter,
    adoption_review_deadline,
    check_adoption,
)
from minzheng.registration.kinds import RegistrationKind
from minzheng.registration.marriage import (
    REGULATION_2003,
    REGULATION_2025,
    DivorceAgreement,
    DivorceApplication,
    DivorceStatus,
    Document,
    Kinship,
    MarriageRecord,
    MarriageRegister,
    MarriageRules,
    ReissueKind,
    ReissueRecord,
    marriage_rules_on,
)
from minzheng.registration.organisations import (
    CHANHE_2025,
    CHARITY_LAW_2024,
    AnnualInspection,
    EvaluationCutoff,
    EvaluationGrade,
    FoundationType,
    InspectionResult,
    OrgStatus,
    OrgType,
    SocialOrganisation,
    change_deadline,
    charity_decision_deadline,
    check_charity_spending,
    check_evaluation_eligibility,
    check_founding,
    check_public_fundraising,
    deregistration_deadline,
    dormant_organisations,
    evaluation_grade,
    evaluation_valid_until,
    founding_decision_deadline,
    inspection_due_dates,
    participation_rate,
)

__all__ = [
    "CHANHE_2025",
    "CHARITY_LAW_2024",
    "REGULATION_2003",
    "REGULATION_2025",
    "AdopteeCategory",
    "Adopter",
    "AnnualInspection",
    "DivorceAgreement",
    "DivorceApplication",
    "DivorceStatus",
    "Document",
    "EvaluationCutoff",
    "EvaluationGrade",
    "FoundationType",
    "InspectionResult",
    "Kinship",
    "MarriageRecord",
    "MarriageRegister",
    "MarriageRules",
    "OrgStatus",
    "OrgType",
    "RegistrationKind",
    "ReissueKind",
    "ReissueRecord",
    "SocialOrganisation",
    "adoption_review_deadline",
    "change_deadline",
    "charity_decision_deadline",
    "check_adoption",
    "check_charity_spending",
    "check_evaluation_eligibility",
    "check_founding",
    "check_public_fundraising",
    "deregistration_deadline",
    "dormant_organisations",
    "evaluation_grade",
    "evaluation_valid_until",
    "founding_decision_deadline",
    "inspection_due_dates",
    "marriage_rules_on",
    "participation_rate",
]
