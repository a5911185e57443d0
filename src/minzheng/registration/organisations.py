"""Social organisations and charities: founding, changes, annual inspection, evaluation, charities.

Types and regulations (DOMAIN.md §13): 社会团体 (社会团体登记管理条例), 社会服务机构 /
民办非企业单位 (暂行条例), 基金会 (基金会管理条例); the credit code's category digit
under 民政 is 1, 2, 3 respectively. Key numbers: a social group needs ≥ 50
individual or ≥ 30 unit members (≥ 50 mixed) and activity funds ≥ 100,000 yuan
(national) / ≥ 30,000 (local); a foundation's original fund ≥ 8 million (national
public fundraising), 4 million (local public), 2 million (non-public); founding
decisions within 60 days, changes within 30 days of approval, deregistration
within 15 days of the end of liquidation; annual reports by 31 March to the
supervising unit and 31 May to the registry (foundations: 31 March). Evaluation
grades 1A–5A are valid for 5 years; their score cut-offs are local. Charities
(慈善法, amended 2023, in force 2024-09-05): registration decided within 30 days,
recognition within 20; public fundraising after one year of registration (two
before 2024-09-05); foundations with public-fundraising status spend ≥ 70 % of
last year's income (or the 3-year average) on charity with administrative costs
≤ 10 % of spending.

>>> import datetime
>>> from minzheng.ids import CreditCode
>>> org = SocialOrganisation(org_id="O1", name="中国教育发展基金会", kind=OrgType.FOUNDATION,
...                          credit_code=CreditCode.parse("53100000500021676K"), registry="100000",
...                          founded_on=datetime.date(2011, 3, 1))
>>> org.kind.label("en"), org.status.value
('Foundation', 'active')
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from minzheng._validators import typed_fields
from minzheng.codes._base import CodeEnum
from minzheng.dates import statutory_deadline
from minzheng.i18n import format_percent
from minzheng.ids import CreditCode
from minzheng.ids.credit_code import OrgKind, check_org_kind
from minzheng.money import share
from minzheng.privacy import mask_name
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import Citation, Decision, Instrument, Reason

__all__ = [
    "CHANHE_2025",
    "CHARITY_LAW_2024",
    "AnnualInspection",
    "EvaluationCutoff",
    "EvaluationGrade",
    "FoundationType",
    "InspectionResult",
    "OrgStatus",
    "OrgType",
    "SocialOrganisation",
    "change_deadline",
    "charity_decision_deadline",
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
    "participation_rate",
]

#: The day the 2023 amendment of the Charity Law took effect.
CHARITY_LAW_2024 = datetime.date(2024, 9, 5)


class OrgType(CodeEnum):
    """The three types of social organisation.

    >>> OrgType.SOCIAL_SERVICE_INSTITUTION.org_kind.value
    '52'
    """

    SOCIAL_GROUP = "social_group", "社会团体"
    SOCIAL_SERVICE_INSTITUTION = "social_service_institution", "社会服务机构"
    FOUNDATION = "foundation", "基金会"

    @property
    def org_kind(self) -> OrgKind:
        """The credit-code category (authority 5) that goes with the type."""
        return {
            OrgType.SOCIAL_GROUP: OrgKind.SOCIAL_GROUP,
            OrgType.SOCIAL_SERVICE_INSTITUTION: OrgKind.SOCIAL_SERVICE_INSTITUTION,
            OrgType.FOUNDATION: OrgKind.FOUNDATION,
        }[self]

    @property
    def regulation(self) -> Citation:
        """The regulation the type is registered under."""
        return Citation(
            instrument={
                OrgType.SOCIAL_GROUP: Instrument.SOCIAL_GROUP_REGULATION,
                OrgType.SOCIAL_SERVICE_INSTITUTION: Instrument.PRIVATE_NON_ENTERPRISE_REGULATION,
                OrgType.FOUNDATION: Instrument.FOUNDATION_REGULATION,
            }[self]
        )


class OrgStatus(CodeEnum):
    """Registration status.

    >>> OrgStatus.REVOKED.term
    '撤销登记'
    """

    ACTIVE = "active", "正常"
    DEREGISTERED = "deregistered", "注销登记"
    REVOKED = "revoked", "撤销登记"


class FoundationType(CodeEnum):
    """Foundation types by fundraising status and scope, for the original-fund minimum.

    >>> FoundationType.NON_PUBLIC.minimum_fund
    Decimal('2000000')
    """

    NATIONAL_PUBLIC = "national_public", "全国性公募基金会"
    LOCAL_PUBLIC = "local_public", "地方性公募基金会"
    NON_PUBLIC = "non_public", "非公募基金会"

    @property
    def minimum_fund(self) -> Decimal:
        """The minimum original fund (原始基金), in yuan."""
        return {
            FoundationType.NATIONAL_PUBLIC: Decimal("8000000"),
            FoundationType.LOCAL_PUBLIC: Decimal("4000000"),
            FoundationType.NON_PUBLIC: Decimal("2000000"),
        }[self]


class InspectionResult(CodeEnum):
    """Annual inspection result.

    >>> InspectionResult.BASIC_PASS.term
    '基本合格'
    """

    PASS = "pass", "合格"
    BASIC_PASS = "basic_pass", "基本合格"
    FAIL = "fail", "不合格"


class EvaluationGrade(CodeEnum):
    """Evaluation grade 1A–5A, valid for five years.

    >>> EvaluationGrade.FIVE_A.number
    5
    """

    ONE_A = "1A", "1A级"
    TWO_A = "2A", "2A级"
    THREE_A = "3A", "3A级"
    FOUR_A = "4A", "4A级"
    FIVE_A = "5A", "5A级"

    @property
    def number(self) -> int:
        """1–5."""
        return int(self.value[0])


def _check_code(
    instance: SocialOrganisation,
    attribute: attrs.Attribute[CreditCode | None],
    value: CreditCode | None,
) -> None:
    check_org_kind(value, instance.kind.org_kind, label=instance.kind.term)


def _mask(value: str | None) -> str:
    return repr(mask_name(value)) if value else "None"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SocialOrganisation:
    """A registered social organisation; its credit code must carry the category of its type.

    >>> from minzheng.ids import CreditCode
    >>> SocialOrganisation(org_id="O", name="x", kind=OrgType.SOCIAL_GROUP,
    ...                    credit_code=CreditCode.parse("53100000500021676K"), registry="100000",
    ...                    founded_on=datetime.date(2011, 3, 1))
    Traceback (most recent call last):
    ...
    minzheng.errors.InconsistentRecord: credit_code：统一社会信用代码的机构类别与社会团体不符：53100000500021676K
    """

    org_id: str
    name: str
    kind: OrgType
    registry: str
    founded_on: datetime.date
    credit_code: CreditCode | None = attrs.field(default=None, validator=_check_code)
    supervising_unit: str = ""
    status: OrgStatus = OrgStatus.ACTIVE
    status_changed_on: datetime.date | None = None
    legal_representative: str | None = attrs.field(default=None, repr=_mask)
    is_charity: bool = False
    charity_since: datetime.date | None = None
    public_fundraising: bool = False
    abnormal_list: bool = False

    def active_on(self, on: datetime.date) -> bool:
        """Founded and not yet deregistered or revoked on ``on``."""
        if on < self.founded_on:
            return False
        return self.status is OrgStatus.ACTIVE or (
            self.status_changed_on is not None and on < self.status_changed_on
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AnnualInspection:
    """One year's inspection (or annual report) of an organisation.

    >>> AnnualInspection(org_id="O", year=2024, result=InspectionResult.PASS).year
    2024
    """

    org_id: str
    year: int
    result: InspectionResult
    submitted_on: datetime.date | None = None


def _reason(code: str, citation: Citation, met: bool | None = None, **params: object) -> Reason:
    return Reason(code=code, params=params, citation=citation, met=met)


def check_founding(
    kind: OrgType,
    *,
    on: datetime.date,
    national: bool = False,
    individual_members: int = 0,
    unit_members: int = 0,
    activity_funds: Decimal = Decimal(0),
    foundation_type: FoundationType | None = None,
    original_fund: Decimal = Decimal(0),
) -> Decision:
    """The founding requirements of §13.1, checked (members and funds; a foundation's original fund).

    >>> check_founding(OrgType.SOCIAL_GROUP, on=datetime.date(2025, 1, 1), individual_members=50,
    ...                activity_funds=Decimal("30000")).eligible
    True
    >>> check_founding(OrgType.FOUNDATION, on=datetime.date(2025, 1, 1),
    ...                foundation_type=FoundationType.LOCAL_PUBLIC, original_fund=Decimal("3000000")).eligible
    False
    """
    reasons: list[Reason] = []
    cite = kind.regulation
    if kind is OrgType.SOCIAL_GROUP:
        cite10 = attrs.evolve(cite, article=10)
        mixed = individual_members > 0 and unit_members > 0
        enough = (
            (individual_members + unit_members >= 50)
            if mixed
            else (individual_members >= 50 or unit_members >= 30)
        )
        reasons.append(
            _reason(
                "organisation.members_ok" if enough else "organisation.members_short",
                cite10,
                enough,
                individual=individual_members,
                units=unit_members,
            )
        )
        minimum = Decimal("100000") if national else Decimal("30000")
        ok = activity_funds >= minimum
        reasons.append(
            _reason(
                "organisation.funds_ok" if ok else "organisation.funds_short",
                cite10,
                ok,
                funds=activity_funds,
                minimum=minimum,
            )
        )
    elif kind is OrgType.FOUNDATION:
        chosen = foundation_type or FoundationType.NON_PUBLIC
        ok = original_fund >= chosen.minimum_fund
        reasons.append(
            _reason(
                "organisation.fund_ok" if ok else "organisation.fund_short",
                cite,
                ok,
                fund=original_fund,
                minimum=chosen.minimum_fund,
                type=chosen,
            )
        )
    else:
        reasons.append(_reason("organisation.no_numeric_minimum", cite, None))
    eligible = not any(r.met is False for r in reasons)
    return Decision(
        programme=RegistrationKind.ORGANISATION_FOUNDING,
        eligible=eligible,
        on=on,
        subject=kind.value,
        reasons=tuple(reasons),
    )


def founding_decision_deadline(complete_on: datetime.date) -> datetime.date:
    """The registry decides within 60 days of complete documents (社团 art. 12; 民非 art. 11).

    >>> founding_decision_deadline(datetime.date(2025, 3, 1))
    datetime.date(2025, 4, 30)
    """
    return statutory_deadline(complete_on, days=60)


def change_deadline(approved_on: datetime.date) -> datetime.date:
    """Apply for a change within 30 days of the supervising unit's approval (社团 art. 18; 民非 art. 15).

    >>> change_deadline(datetime.date(2025, 3, 1))
    datetime.date(2025, 3, 31)
    """
    return statutory_deadline(approved_on, days=30)


def deregistration_deadline(liquidation_ended: datetime.date) -> datetime.date:
    """Apply for deregistration within 15 days of the end of liquidation (社团 art. 21).

    >>> deregistration_deadline(datetime.date(2025, 3, 1))
    datetime.date(2025, 3, 16)
    """
    return statutory_deadline(liquidation_ended, days=15)


def inspection_due_dates(kind: OrgType, year: int) -> tuple[datetime.date, datetime.date | None]:
    """(due to the supervising unit, due to the registry) for last year's report, in ``year``.

    >>> inspection_due_dates(OrgType.SOCIAL_GROUP, 2025), inspection_due_dates(OrgType.FOUNDATION, 2025)
    ((datetime.date(2025, 3, 31), datetime.date(2025, 5, 31)), (datetime.date(2025, 3, 31), None))
    """
    if kind is OrgType.FOUNDATION:
        return datetime.date(year, 3, 31), None
    return datetime.date(year, 3, 31), datetime.date(year, 5, 31)


def participation_rate(
    organisations: Iterable[SocialOrganisation], inspections: Iterable[AnnualInspection], year: int
) -> Decimal:
    """Organisations inspected for ``year`` / organisations that had to be (active at the end of ``year``).

    >>> participation_rate([], [], 2024)
    Decimal('0')
    """
    due = {o.org_id for o in organisations if o.active_on(datetime.date(year, 12, 31))}
    if not due:
        return Decimal(0)
    done = {i.org_id for i in inspections if i.year == year and i.org_id in due}
    return share(len(done), len(due))


def dormant_organisations(
    organisations: Iterable[SocialOrganisation],
    inspections: Iterable[AnnualInspection],
    *,
    year: int,
    years: int = 2,
) -> list[SocialOrganisation]:
    """Active organisations with no inspection in the ``years`` years up to ``year`` ("僵尸型" candidates).

    >>> dormant_organisations([], [], year=2024)
    []
    """
    seen = {(i.org_id, i.year) for i in inspections}
    window = range(year - years + 1, year + 1)
    return [
        o
        for o in organisations
        if o.active_on(datetime.date(year, 12, 31))
        and o.founded_on.year < year - years + 1
        and not any((o.org_id, y) in seen for y in window)
    ]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EvaluationCutoff:
    """The minimum score of a grade (local).

    >>> EvaluationCutoff(grade=EvaluationGrade.FIVE_A, minimum=900).minimum
    900
    """

    grade: EvaluationGrade
    minimum: int


#: Cut-offs of Luoyang Chanhe (2025) — local, one of several (DOMAIN.md §13.3).
CHANHE_2025 = (
    EvaluationCutoff(grade=EvaluationGrade.FIVE_A, minimum=900),
    EvaluationCutoff(grade=EvaluationGrade.FOUR_A, minimum=800),
    EvaluationCutoff(grade=EvaluationGrade.THREE_A, minimum=700),
    EvaluationCutoff(grade=EvaluationGrade.TWO_A, minimum=600),
    EvaluationCutoff(grade=EvaluationGrade.ONE_A, minimum=0),
)


def evaluation_grade(score: int, cutoffs: Sequence[EvaluationCutoff]) -> EvaluationGrade | None:
    """The grade a score earns under local ``cutoffs`` (``None`` below the lowest).

    >>> evaluation_grade(905, CHANHE_2025), evaluation_grade(650, CHANHE_2025)
    (<EvaluationGrade.FIVE_A: '5A'>, <EvaluationGrade.TWO_A: '2A'>)
    """
    for cutoff in sorted(cutoffs, key=lambda c: c.minimum, reverse=True):
        if score >= cutoff.minimum:
            return cutoff.grade
    return None


def evaluation_valid_until(awarded_on: datetime.date) -> datetime.date:
    """A grade is valid for five years.

    >>> evaluation_valid_until(datetime.date(2021, 6, 30))
    datetime.date(2026, 6, 30)
    """
    return statutory_deadline(awarded_on, years=5)


_EVALUATION = Citation(instrument=Instrument.ORGANISATION_EVALUATION_MEASURES)


def check_evaluation_eligibility(
    org: SocialOrganisation,
    *,
    on: datetime.date,
    inspections: Sequence[AnnualInspection],
    last_grade_awarded_on: datetime.date | None = None,
    penalised_last_year: bool = False,
    under_investigation: bool = False,
) -> Decision:
    """Whether ``org`` may apply for evaluation on ``on`` (§13.3).

    >>> org = SocialOrganisation(org_id="O", name="x", kind=OrgType.SOCIAL_GROUP, registry="620521",
    ...                          founded_on=datetime.date(2023, 6, 1))
    >>> check_evaluation_eligibility(org, on=datetime.date(2025, 5, 31), inspections=[]).reason_codes()[0]
    'evaluation.too_new'
    """
    reasons: list[Reason] = []
    two_years = statutory_deadline(org.founded_on, years=2)
    reasons.append(
        _reason(
            "evaluation.registered_two_years" if on >= two_years else "evaluation.too_new",
            _EVALUATION,
            on >= two_years,
            since=org.founded_on,
        )
    )
    if last_grade_awarded_on is not None and on < evaluation_valid_until(last_grade_awarded_on):
        reasons.append(
            _reason(
                "evaluation.grade_valid",
                _EVALUATION,
                False,
                until=evaluation_valid_until(last_grade_awarded_on),
            )
        )
    by_year = {i.year: i.result for i in inspections if i.org_id == org.org_id}
    last_year = on.year - 1
    if last_year not in by_year:
        reasons.append(_reason("evaluation.no_inspection", _EVALUATION, False, year=last_year))
    elif by_year[last_year] is InspectionResult.FAIL:
        reasons.append(_reason("evaluation.failed_inspection", _EVALUATION, False, year=last_year))
    elif (
        by_year[last_year] is InspectionResult.BASIC_PASS
        and by_year.get(last_year - 1) is InspectionResult.BASIC_PASS
    ):
        reasons.append(_reason("evaluation.basic_pass_twice", _EVALUATION, False, year=last_year))
    if penalised_last_year:
        reasons.append(_reason("evaluation.penalised", _EVALUATION, False))
    if under_investigation:
        reasons.append(_reason("evaluation.under_investigation", _EVALUATION, False))
    if org.abnormal_list:
        reasons.append(_reason("evaluation.abnormal_list", _EVALUATION, False))
    eligible = not any(r.met is False for r in reasons)
    return Decision(
        programme=RegistrationKind.EVALUATION,
        eligible=eligible,
        on=on,
        subject=org.org_id,
        reasons=tuple(reasons),
    )


def charity_decision_deadline(received_on: datetime.date, *, recognition: bool) -> datetime.date:
    """Registration as a charity: 30 days; recognition of an existing organisation: 20 days (Charity Law art. 10).

    >>> charity_decision_deadline(datetime.date(2025, 3, 1), recognition=True)
    datetime.date(2025, 3, 21)
    """
    return statutory_deadline(received_on, days=20 if recognition else 30)


def check_public_fundraising(org: SocialOrganisation, *, on: datetime.date) -> Decision:
    """Public fundraising status: a charity registered (or recognised) one year before — two before 2024-09-05.

    >>> org = SocialOrganisation(org_id="O", name="x", kind=OrgType.FOUNDATION, registry="620000",
    ...                          founded_on=datetime.date(2023, 1, 1), is_charity=True,
    ...                          charity_since=datetime.date(2023, 6, 1))
    >>> check_public_fundraising(org, on=datetime.date(2024, 9, 4)).eligible, check_public_fundraising(
    ...     org, on=datetime.date(2024, 9, 5)).eligible
    (False, True)
    """
    law = Citation(instrument=Instrument.CHARITY_LAW, article=22)
    years = 1 if on >= CHARITY_LAW_2024 else 2
    reasons: list[Reason] = []
    if not org.is_charity or org.charity_since is None:
        reasons.append(_reason("charity.not_charity", law, False))
    else:
        since = statutory_deadline(org.charity_since, years=years)
        ok = on >= since
        reasons.append(
            _reason(
                "charity.fundraising_wait_ok" if ok else "charity.fundraising_wait",
                law,
                ok,
                years=years,
                since=since,
            )
        )
    if org.abnormal_list and on >= CHARITY_LAW_2024:
        reasons.append(
            _reason(
                "charity.abnormal_list",
                Citation(instrument=Instrument.CHARITY_RECOGNITION_MEASURES),
                False,
            )
        )
    eligible = not any(r.met is False for r in reasons)
    return Decision(
        programme=RegistrationKind.PUBLIC_FUNDRAISING,
        eligible=eligible,
        on=on,
        subject=org.org_id,
        reasons=tuple(reasons),
        rule_version="慈善法（2023年修正）" if years == 1 else "慈善法（2016年）",
    )


def check_charity_spending(
    *,
    on: datetime.date,
    subject: str,
    charitable_spending: Decimal,
    last_year_income: Decimal,
    three_year_average_income: Decimal,
    administrative_costs: Decimal,
    total_spending: Decimal,
) -> Decision:
    """Charity Law art. 61 for a foundation with public-fundraising status: ≥ 70 % spent, ≤ 10 % administration.

    >>> check_charity_spending(on=datetime.date(2025, 1, 1), subject="O", charitable_spending=Decimal("700"),
    ...     last_year_income=Decimal("1000"), three_year_average_income=Decimal("1200"),
    ...     administrative_costs=Decimal("80"), total_spending=Decimal("800")).eligible
    True
    """
    law = Citation(instrument=Instrument.CHARITY_LAW, article=61)
    base = min(last_year_income, three_year_average_income)
    spent_ok = base <= 0 or charitable_spending >= base * Decimal("0.7")
    ratio = share(charitable_spending, base) if base > 0 else Decimal(1)
    admin_ratio = share(administrative_costs, total_spending) if total_spending > 0 else Decimal(0)
    admin_ok = admin_ratio <= Decimal("0.1")
    reasons = (
        _reason(
            "charity.spending_ok" if spent_ok else "charity.spending_short",
            law,
            spent_ok,
            ratio=format_percent(ratio),
        ),
        _reason(
            "charity.admin_ok" if admin_ok else "charity.admin_high",
            law,
            admin_ok,
            ratio=format_percent(admin_ratio),
        ),
    )
    return Decision(
        programme=RegistrationKind.CHARITY_SPENDING,
        eligible=spent_ok and admin_ok,
        on=on,
        subject=subject,
        reasons=reasons,
    )
