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
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from minzheng._bounds import MAX_AGE, MAX_ARTICLE, MAX_COUNT, MAX_DAYS, MAX_SCORE, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import statutory_deadline
from minzheng.errors import InvalidValue
from minzheng.i18n import format_percent
from minzheng.ids import CreditCode
from minzheng.ids.credit_code import OrgKind, check_org_kind
from minzheng.money import share
from minzheng.privacy import mask_name
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import (
    Citation,
    Decision,
    Instrument,
    Ruling,
    as_date,
    deprecated_alias,
    in_force,
)

__all__ = [
    "CHANHE_2025",
    "CHARITY_2016",
    "CHARITY_2024",
    "CHARITY_LAW_2024",
    "ORGANISATIONS_2016",
    "AnnualInspection",
    "CharityRules",
    "EvaluationCutoff",
    "EvaluationGrade",
    "FoundationType",
    "InspectionResult",
    "OrgStatus",
    "OrgType",
    "OrganisationRules",
    "ReportDeadline",
    "SocialOrganisation",
    "change_deadline",
    "charity_decision_deadline",
    "charity_rules_on",
    "check_charity_spending",
    "check_evaluation_eligibility",
    "check_founding",
    "check_public_fundraising",
    "decide_annual_report",
    "decide_charity_spending",
    "decide_evaluation_eligibility",
    "decide_founding",
    "decide_public_fundraising",
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
        """The minimum original fund (原始基金), in yuan, of :data:`ORGANISATIONS_2016` (基金会条例 art. 8)."""
        return ORGANISATIONS_2016.foundation_funds[self]


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
    year: int = attrs.field(validator=within(1900, 2200))
    result: InspectionResult
    submitted_on: datetime.date | None = None


def _month_day(_: object, attribute: attrs.Attribute[tuple[int, int]], value: object) -> None:
    """A (month, day) that exists in every year (29 February does not)."""
    pair: Any = value
    try:
        datetime.date(2001, pair[0], pair[1])
        if len(pair) != 2:
            raise ValueError
    except (TypeError, ValueError, IndexError, KeyError):
        raise InvalidValue("value.invalid", field=attribute.name, value=str(value)[:20]) from None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReportDeadline:
    """When last year's work report is due: (month, day) of the following year.

    >>> ORGANISATIONS_2016.reports[OrgType.FOUNDATION].registry
    (3, 31)
    """

    supervising_unit: tuple[int, int] = attrs.field(validator=_month_day)
    registry: tuple[int, int] = attrs.field(validator=_month_day)
    article: int = attrs.field(validator=within(1, MAX_ARTICLE))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OrganisationRules:
    """One version of the registration rules of social organisations, with their statutory numbers.

    社团条例 (2016 revision) arts. 10, 12, 18, 21, 28; 民非暂行条例 arts. 11, 15, 23;
    基金会条例 arts. 8, 36 (original funds, report date); 评估办法 (2-year wait, 5-year grades) — DOMAIN.md §13.

    >>> ORGANISATIONS_2016.group_members, ORGANISATIONS_2016.founding_decision_days
    (50, 60)
    """

    name: str
    effective: datetime.date
    group_members: int = attrs.field(default=50, validator=within(0, MAX_COUNT))
    group_unit_members: int = attrs.field(default=30, validator=within(0, MAX_COUNT))
    activity_funds_national: Decimal = Decimal("100000")
    activity_funds_local: Decimal = Decimal("30000")
    founding_decision_days: int = attrs.field(default=60, validator=within(0, MAX_DAYS))
    change_days: int = attrs.field(default=30, validator=within(0, MAX_DAYS))
    deregistration_days: int = attrs.field(default=15, validator=within(0, MAX_DAYS))
    evaluation_wait_years: int = attrs.field(default=2, validator=within(0, MAX_AGE))
    grade_valid_years: int = attrs.field(default=5, validator=within(0, MAX_AGE))
    reports: dict[OrgType, ReportDeadline] = attrs.field(factory=dict)
    foundation_funds: dict[FoundationType, Decimal] = attrs.field(factory=dict)


#: The rules in force since the 2016 revision of the social-group regulation.
ORGANISATIONS_2016 = OrganisationRules(
    name="社会团体登记管理条例（2016年修订）、民办非企业单位登记管理暂行条例、基金会管理条例",
    effective=datetime.date(2016, 2, 6),
    reports={
        OrgType.SOCIAL_GROUP: ReportDeadline(
            supervising_unit=(3, 31), registry=(5, 31), article=28
        ),
        OrgType.SOCIAL_SERVICE_INSTITUTION: ReportDeadline(
            supervising_unit=(3, 31), registry=(5, 31), article=23
        ),
        # 基金会条例 art. 36: to the registry by 31 March, after the supervising unit's review.
        OrgType.FOUNDATION: ReportDeadline(supervising_unit=(3, 31), registry=(3, 31), article=36),
    },
    foundation_funds={
        FoundationType.NATIONAL_PUBLIC: Decimal("8000000"),
        FoundationType.LOCAL_PUBLIC: Decimal("4000000"),
        FoundationType.NON_PUBLIC: Decimal("2000000"),
    },
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CharityRules:
    """One version of the Charity Law's numbers (registration, fundraising wait, spending).

    >>> charity_rules_on(datetime.date(2024, 9, 5)).fundraising_wait_years
    1
    """

    name: str
    effective: datetime.date
    registration_days: int = attrs.field(default=30, validator=within(0, MAX_DAYS))
    recognition_days: int = attrs.field(default=20, validator=within(0, MAX_DAYS))
    fundraising_wait_years: int = attrs.field(default=1, validator=within(0, MAX_AGE))
    spending_share: Decimal = Decimal("0.7")
    admin_share: Decimal = Decimal("0.1")


CHARITY_2016 = CharityRules(
    name="慈善法（2016年）", effective=datetime.date(2016, 9, 1), fundraising_wait_years=2
)
CHARITY_2024 = CharityRules(name="慈善法（2023年修正）", effective=CHARITY_LAW_2024)


def charity_rules_on(
    on: datetime.date, versions: Collection[CharityRules] = (CHARITY_2016, CHARITY_2024)
) -> CharityRules:
    """The Charity Law version in force on ``on``.

    >>> charity_rules_on(datetime.date(2024, 9, 4)) is CHARITY_2016
    True
    """
    return in_force(on, versions)


def _group_requirements(
    ruling: Ruling,
    rules: OrganisationRules,
    *,
    national: bool,
    individual: int,
    units: int,
    funds: Decimal,
) -> None:
    cite10 = attrs.evolve(OrgType.SOCIAL_GROUP.regulation, article=10)
    mixed = individual > 0 and units > 0
    enough = (
        individual + units >= rules.group_members
        if mixed
        else individual >= rules.group_members or units >= rules.group_unit_members
    )
    ruling.check(
        enough,
        "organisation.members_ok",
        "organisation.members_short",
        citation=cite10,
        individual=individual,
        units=units,
    )
    minimum = rules.activity_funds_national if national else rules.activity_funds_local
    ruling.check(
        funds >= minimum,
        "organisation.funds_ok",
        "organisation.funds_short",
        citation=cite10,
        funds=funds,
        minimum=minimum,
    )


def decide_founding(
    kind: OrgType,
    *,
    on: datetime.date,
    national: bool = False,
    individual_members: int = 0,
    unit_members: int = 0,
    activity_funds: Decimal = Decimal(0),
    foundation_type: FoundationType | None = None,
    original_fund: Decimal = Decimal(0),
    rules: OrganisationRules = ORGANISATIONS_2016,
) -> Decision:
    """The founding requirements of §13.1, decided (members and funds; a foundation's original fund).

    >>> decide_founding(OrgType.SOCIAL_GROUP, on=datetime.date(2025, 1, 1), individual_members=50,
    ...                 activity_funds=Decimal("30000")).eligible
    True
    >>> decide_founding(OrgType.FOUNDATION, on=datetime.date(2025, 1, 1),
    ...                 foundation_type=FoundationType.LOCAL_PUBLIC, original_fund=Decimal("3000000")).eligible
    False
    """
    ruling = Ruling(
        matter=RegistrationKind.ORGANISATION_FOUNDING,
        on=as_date(on),
        subject=kind.value,
        citation=kind.regulation,
        rule_version=rules.name,
    )
    if kind is OrgType.SOCIAL_GROUP:
        _group_requirements(
            ruling,
            rules,
            national=national,
            individual=individual_members,
            units=unit_members,
            funds=activity_funds,
        )
    elif kind is OrgType.FOUNDATION:
        chosen = foundation_type or FoundationType.NON_PUBLIC
        minimum = rules.foundation_funds[chosen]
        ruling.check(
            original_fund >= minimum,
            "organisation.fund_ok",
            "organisation.fund_short",
            fund=original_fund,
            minimum=minimum,
            type=chosen,
        )
    else:
        ruling.note("organisation.no_numeric_minimum")
    return ruling.decide(not any(r.met is False for r in ruling.reasons))


def founding_decision_deadline(
    complete_on: datetime.date, rules: OrganisationRules = ORGANISATIONS_2016
) -> datetime.date:
    """The registry decides within 60 days of complete documents (社团 art. 12; 民非 art. 11).

    >>> founding_decision_deadline(datetime.date(2025, 3, 1))
    datetime.date(2025, 4, 30)
    """
    return statutory_deadline(complete_on, days=rules.founding_decision_days)


def change_deadline(
    approved_on: datetime.date, rules: OrganisationRules = ORGANISATIONS_2016
) -> datetime.date:
    """Apply for a change within 30 days of the supervising unit's approval (社团 art. 18; 民非 art. 15).

    >>> change_deadline(datetime.date(2025, 3, 1))
    datetime.date(2025, 3, 31)
    """
    return statutory_deadline(approved_on, days=rules.change_days)


def deregistration_deadline(
    liquidation_ended: datetime.date, rules: OrganisationRules = ORGANISATIONS_2016
) -> datetime.date:
    """Apply for deregistration within 15 days of the end of liquidation (社团 art. 21).

    >>> deregistration_deadline(datetime.date(2025, 3, 1))
    datetime.date(2025, 3, 16)
    """
    return statutory_deadline(liquidation_ended, days=rules.deregistration_days)


def inspection_due_dates(
    kind: OrgType, year: int, rules: OrganisationRules = ORGANISATIONS_2016
) -> tuple[datetime.date, datetime.date]:
    """(due to the supervising unit, due to the registry) for last year's report, in ``year``.

    A foundation's report reaches the registry by 31 March, after the supervising
    unit's review (基金会条例 art. 36); the others by 31 May (社团 art. 28; 民非 art. 23).

    >>> inspection_due_dates(OrgType.SOCIAL_GROUP, 2025), inspection_due_dates(OrgType.FOUNDATION, 2025)
    ((datetime.date(2025, 3, 31), datetime.date(2025, 5, 31)), (datetime.date(2025, 3, 31), datetime.date(2025, 3, 31)))
    """
    deadline = rules.reports[kind]
    return datetime.date(year, *deadline.supervising_unit), datetime.date(year, *deadline.registry)


def decide_annual_report(
    org: SocialOrganisation,
    *,
    year: int,
    submitted_on: datetime.date | None,
    on: datetime.date,
    rules: OrganisationRules = ORGANISATIONS_2016,
) -> Decision:
    """Whether ``org``'s work report for ``year`` reached the registry in time, as known on ``on``.

    Due the next year: foundations by 31 March (基金会条例 art. 36), social groups
    and social service institutions by 31 May (社团 art. 28; 民非 art. 23). A report
    submitted after ``on`` is not yet known; an outstanding one is missing once
    its due date has passed.

    >>> f = SocialOrganisation(org_id="F", name="x", kind=OrgType.FOUNDATION, registry="620000",
    ...                        founded_on=datetime.date(2015, 1, 1))
    >>> d = decide_annual_report(f, year=2024, submitted_on=datetime.date(2025, 4, 15),
    ...                          on=datetime.date(2025, 6, 1))
    >>> d.eligible, d.reason_codes()
    (False, ('organisation.report_late',))
    """
    as_date(on)
    deadline = rules.reports[org.kind]
    due = datetime.date(year + 1, *deadline.registry)
    ruling = Ruling(
        matter=RegistrationKind.ANNUAL_REPORT,
        on=on,
        subject=org.org_id,
        rule_version=rules.name,
        citation=attrs.evolve(org.kind.regulation, article=deadline.article),
    )
    if submitted_on is not None and as_date(submitted_on, "submitted_on") <= on:
        ok = ruling.check(
            submitted_on <= due,
            "organisation.report_on_time",
            "organisation.report_late",
            year=str(year),
            submitted=submitted_on,
            due=due,
        )
    else:
        ok = ruling.check(
            on <= due,
            "organisation.report_not_yet_due",
            "organisation.report_missing",
            year=str(year),
            due=due,
        )
    return ruling.decide(ok)


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
    minimum: int = attrs.field(validator=within(0, MAX_SCORE))


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


def evaluation_valid_until(
    awarded_on: datetime.date, rules: OrganisationRules = ORGANISATIONS_2016
) -> datetime.date:
    """A grade is valid for five years.

    >>> evaluation_valid_until(datetime.date(2021, 6, 30))
    datetime.date(2026, 6, 30)
    """
    return statutory_deadline(awarded_on, years=rules.grade_valid_years)


_EVALUATION = Citation(instrument=Instrument.ORGANISATION_EVALUATION_MEASURES)


def _inspection_history(
    ruling: Ruling, org_id: str, inspections: Sequence[AnnualInspection]
) -> None:
    by_year = {i.year: i.result for i in inspections if i.org_id == org_id}
    last_year = ruling.on.year - 1
    if last_year not in by_year:
        ruling.check(False, "evaluation.no_inspection", year=str(last_year))
    elif by_year[last_year] is InspectionResult.FAIL:
        ruling.check(False, "evaluation.failed_inspection", year=str(last_year))
    elif (
        by_year[last_year] is InspectionResult.BASIC_PASS
        and by_year.get(last_year - 1) is InspectionResult.BASIC_PASS
    ):
        ruling.check(False, "evaluation.basic_pass_twice", year=str(last_year))


def decide_evaluation_eligibility(
    org: SocialOrganisation,
    *,
    on: datetime.date,
    inspections: Sequence[AnnualInspection],
    last_grade_awarded_on: datetime.date | None = None,
    penalised_last_year: bool = False,
    under_investigation: bool = False,
    rules: OrganisationRules = ORGANISATIONS_2016,
) -> Decision:
    """Whether ``org`` may apply for evaluation on ``on`` (§13.3).

    >>> org = SocialOrganisation(org_id="O", name="x", kind=OrgType.SOCIAL_GROUP, registry="620521",
    ...                          founded_on=datetime.date(2023, 6, 1))
    >>> decide_evaluation_eligibility(org, on=datetime.date(2025, 5, 31), inspections=[]).reason_codes()[0]
    'evaluation.too_new'
    """
    ruling = Ruling(
        matter=RegistrationKind.EVALUATION,
        on=as_date(on),
        subject=org.org_id,
        citation=_EVALUATION,
        rule_version=rules.name,
    )
    waited = statutory_deadline(org.founded_on, years=rules.evaluation_wait_years)
    ruling.check(
        on >= waited,
        "evaluation.registered_two_years",
        "evaluation.too_new",
        since=org.founded_on,
        years=rules.evaluation_wait_years,
    )
    if last_grade_awarded_on is not None:
        until = evaluation_valid_until(last_grade_awarded_on, rules)
        if on < until:
            ruling.check(False, "evaluation.grade_valid", until=until)
    _inspection_history(ruling, org.org_id, inspections)
    for flag, code in (
        (penalised_last_year, "evaluation.penalised"),
        (under_investigation, "evaluation.under_investigation"),
        (org.abnormal_list, "evaluation.abnormal_list"),
    ):
        if flag:
            ruling.check(False, code)
    return ruling.decide(not any(r.met is False for r in ruling.reasons))


def charity_decision_deadline(
    received_on: datetime.date, *, recognition: bool, rules: CharityRules | None = None
) -> datetime.date:
    """Registration as a charity: 30 days; recognition of an existing organisation: 20 days (Charity Law art. 10).

    >>> charity_decision_deadline(datetime.date(2025, 3, 1), recognition=True)
    datetime.date(2025, 3, 21)
    """
    chosen = rules or charity_rules_on(as_date(received_on, "received_on"))
    days = chosen.recognition_days if recognition else chosen.registration_days
    return statutory_deadline(received_on, days=days)


def decide_public_fundraising(
    org: SocialOrganisation, *, on: datetime.date, rules: CharityRules | None = None
) -> Decision:
    """Public fundraising status: a charity registered (or recognised) one year before — two before 2024-09-05.

    >>> org = SocialOrganisation(org_id="O", name="x", kind=OrgType.FOUNDATION, registry="620000",
    ...                          founded_on=datetime.date(2023, 1, 1), is_charity=True,
    ...                          charity_since=datetime.date(2023, 6, 1))
    >>> decide_public_fundraising(org, on=datetime.date(2024, 9, 4)).eligible, decide_public_fundraising(
    ...     org, on=datetime.date(2024, 9, 5)).eligible
    (False, True)
    """
    chosen = rules or charity_rules_on(as_date(on))
    ruling = Ruling(
        matter=RegistrationKind.PUBLIC_FUNDRAISING,
        on=on,
        subject=org.org_id,
        citation=Citation(instrument=Instrument.CHARITY_LAW, article=22),
        rule_version=chosen.name,
    )
    years = chosen.fundraising_wait_years
    if not org.is_charity or org.charity_since is None:
        ruling.check(False, "charity.not_charity")
    else:
        since = statutory_deadline(org.charity_since, years=years)
        ruling.check(
            on >= since,
            "charity.fundraising_wait_ok",
            "charity.fundraising_wait",
            years=years,
            since=since,
        )
    if org.abnormal_list and on >= CHARITY_LAW_2024:
        ruling.check(
            False,
            "charity.abnormal_list",
            citation=Citation(instrument=Instrument.CHARITY_RECOGNITION_MEASURES),
        )
    return ruling.decide(not any(r.met is False for r in ruling.reasons))


def decide_charity_spending(
    *,
    on: datetime.date,
    subject: str,
    charitable_spending: Decimal,
    last_year_income: Decimal,
    three_year_average_income: Decimal,
    administrative_costs: Decimal,
    total_spending: Decimal,
    rules: CharityRules | None = None,
) -> Decision:
    """Charity Law art. 61 for a foundation with public-fundraising status: ≥ 70 % spent, ≤ 10 % administration.

    >>> decide_charity_spending(on=datetime.date(2025, 1, 1), subject="O", charitable_spending=Decimal("700"),
    ...     last_year_income=Decimal("1000"), three_year_average_income=Decimal("1200"),
    ...     administrative_costs=Decimal("80"), total_spending=Decimal("800")).eligible
    True
    """
    chosen = rules or charity_rules_on(as_date(on))
    ruling = Ruling(
        matter=RegistrationKind.CHARITY_SPENDING,
        on=on,
        subject=subject,
        rule_version=chosen.name,
        citation=Citation(instrument=Instrument.CHARITY_LAW, article=61),
    )
    income = min(last_year_income, three_year_average_income)
    spent_ok = income <= 0 or charitable_spending >= income * chosen.spending_share
    ratio = share(charitable_spending, income) if income > 0 else Decimal(1)
    admin_ratio = share(administrative_costs, total_spending) if total_spending > 0 else Decimal(0)
    admin_ok = admin_ratio <= chosen.admin_share
    ruling.check(
        spent_ok,
        "charity.spending_ok",
        "charity.spending_short",
        ratio=format_percent(ratio),
        minimum=format_percent(chosen.spending_share, places=0),
    )
    ruling.check(
        admin_ok,
        "charity.admin_ok",
        "charity.admin_high",
        ratio=format_percent(admin_ratio),
        maximum=format_percent(chosen.admin_share, places=0),
    )
    return ruling.decide(spent_ok and admin_ok)


check_founding = deprecated_alias(decide_founding, "check_founding")
check_evaluation_eligibility = deprecated_alias(
    decide_evaluation_eligibility, "check_evaluation_eligibility"
)
check_public_fundraising = deprecated_alias(decide_public_fundraising, "check_public_fundraising")
check_charity_spending = deprecated_alias(decide_charity_spending, "check_charity_spending")
