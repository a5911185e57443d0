"""``Institution``: an elderly-care institution as filed with civil affairs (养老机构管理办法; DOMAIN.md §10).

>>> import datetime
>>> home = Institution(institution_id="I1", name="清水县老年养护院", kind=InstitutionKind.NURSING_HOME,
...                    division="620521", legal_form=LegalForm.PUBLIC_INSTITUTION,
...                    operating_model=OperatingModel.PUBLIC_BUILT_PRIVATE_RUN, filed_beds=120,
...                    filed_on=datetime.date(2023, 5, 10), grade=InstitutionGrade.THIRD)
>>> home.is_graded, home.operating_model.label("en")
(True, 'Publicly built, privately run')
"""

from __future__ import annotations

import datetime

import attrs

from minzheng._bounds import MAX_COUNT, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import HolidayCalendar, add_working_days
from minzheng.errors import InvalidValue
from minzheng.ids import CreditCode
from minzheng.ids.credit_code import OrgKind, check_org_kind
from minzheng.rules import Citation, Instrument

__all__ = [
    "FILING_SOURCE",
    "FILING_WORKING_DAYS",
    "Institution",
    "InstitutionGrade",
    "InstitutionKind",
    "LegalForm",
    "MedicalCareForm",
    "OperatingModel",
    "filing_deadline",
]

#: Working days after admitting residents within which an institution files (备案) with civil affairs.
FILING_WORKING_DAYS = 10
#: Where the filing rule comes from (DOMAIN.md §10.1).
FILING_SOURCE = Citation(instrument=Instrument.ELDERLY_INSTITUTION_MEASURES)


class InstitutionKind(CodeEnum):
    """Kinds of elderly-care facilities the seeds count.

    >>> InstitutionKind.TEKUN_HOME.term
    '特困人员供养服务设施（敬老院）'
    """

    TEKUN_HOME = "tekun_home", "特困人员供养服务设施（敬老院）"
    ELDERLY_HOME = "elderly_home", "养老院"
    NURSING_HOME = "nursing_home", "老年养护院"
    COMPREHENSIVE_CENTRE = "comprehensive_centre", "综合养老服务中心"
    COMMUNITY_STATION = "community_station", "社区养老服务站（日间照料中心）"
    MUTUAL_AID_HOME = "mutual_aid_home", "农村互助幸福院"
    MEAL_POINT = "meal_point", "老年助餐点"
    WELFARE_HOME = "welfare_home", "社会福利院"

    @property
    def is_institutional(self) -> bool:
        """Residential institutions (their beds count as institutional beds).

        >>> InstitutionKind.MEAL_POINT.is_institutional
        False
        """
        return self in (
            InstitutionKind.TEKUN_HOME,
            InstitutionKind.ELDERLY_HOME,
            InstitutionKind.NURSING_HOME,
            InstitutionKind.WELFARE_HOME,
            InstitutionKind.COMPREHENSIVE_CENTRE,
        )


class LegalForm(CodeEnum):
    """Legal form: a for-profit enterprise, or a non-profit social service institution or public institution.

    >>> LegalForm.ENTERPRISE.for_profit, LegalForm.SOCIAL_SERVICE_INSTITUTION.for_profit
    (True, False)
    """

    ENTERPRISE = "enterprise", "企业（营利性）"
    SOCIAL_SERVICE_INSTITUTION = "social_service_institution", "社会服务机构（非营利性）"
    PUBLIC_INSTITUTION = "public_institution", "事业单位（非营利性）"

    @property
    def for_profit(self) -> bool:
        """营利性 (registered with market regulation).

        >>> LegalForm.PUBLIC_INSTITUTION.for_profit
        False
        """
        return self is LegalForm.ENTERPRISE

    @property
    def org_kinds(self) -> tuple[OrgKind, ...]:
        """The credit-code categories (positions 1–2) a code of this legal form carries.

        >>> LegalForm.ENTERPRISE.org_kinds, LegalForm.SOCIAL_SERVICE_INSTITUTION.org_kinds
        ((<OrgKind.ENTERPRISE: '91'>,), (<OrgKind.SOCIAL_SERVICE_INSTITUTION: '52'>,))
        """
        return {
            LegalForm.ENTERPRISE: (OrgKind.ENTERPRISE,),
            LegalForm.SOCIAL_SERVICE_INSTITUTION: (OrgKind.SOCIAL_SERVICE_INSTITUTION,),
            LegalForm.PUBLIC_INSTITUTION: (OrgKind.PUBLIC_INSTITUTION,),
        }[self]


class OperatingModel(CodeEnum):
    """Who built it and who runs it (DOMAIN.md §10.5).

    >>> OperatingModel.PUBLIC_RUN_HANDED_OVER.term
    '公办民营'
    """

    PUBLIC = "public", "公建公营"
    PUBLIC_BUILT_PRIVATE_RUN = "public_built_private_run", "公建民营"
    PUBLIC_RUN_HANDED_OVER = "public_run_handed_over", "公办民营"
    PRIVATE = "private", "民办"


class MedicalCareForm(CodeEnum):
    """医养结合 form.

    >>> MedicalCareForm.DUAL_LICENCE.label("en")
    'Licensed for both medical and elderly care'
    """

    NONE = "none", "未开展医养结合"
    CONTRACT = "contract", "与医疗机构签约合作"
    INTERNAL_CLINIC = "internal_clinic", "内设医疗机构"
    DUAL_LICENCE = "dual_licence", "两证齐全"


class InstitutionGrade(CodeEnum):
    """GB/T 37276-2018 grade: 一级 (lowest) to 五级 (highest).

    >>> InstitutionGrade.FIFTH.number
    5
    """

    FIRST = "1", "一级"
    SECOND = "2", "二级"
    THIRD = "3", "三级"
    FOURTH = "4", "四级"
    FIFTH = "5", "五级"

    @property
    def number(self) -> int:
        """1 (lowest) to 5 (highest).

        >>> InstitutionGrade.SECOND.number
        2
        """
        return int(self.value)


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValue("value.invalid", field=attribute.name, value=value)


def _code_matches_form(
    instance: Institution, attribute: attrs.Attribute[CreditCode | None], value: CreditCode | None
) -> None:
    if isinstance(instance.legal_form, LegalForm):  # a wrong type is the type check's error
        form = instance.legal_form
        check_org_kind(value, form.org_kinds, label=form.term, field=attribute.name)


def filing_deadline(first_admission: datetime.date, *, calendar: HolidayCalendar) -> datetime.date:
    """The last day to file (备案) with civil affairs: 10 working days after first admitting residents.

    《养老机构管理办法》 (DOMAIN.md §10.1): an institution files within 10 working
    days after it starts admitting residents. The admission day is not counted;
    what counts as a working day is the ``calendar``'s business (weekends, public
    holidays and 调休 with :class:`~minzheng.dates.ChineseHolidayCalendar`).

    >>> from minzheng.dates import FixedCalendar
    >>> labour_day = FixedCalendar(weekends=True, rest_days=[datetime.date(2025, 5, d) for d in range(1, 6)])
    >>> filing_deadline(datetime.date(2025, 4, 28), calendar=labour_day)  # Monday; 1–5 May off
    datetime.date(2025, 5, 15)
    """
    return add_working_days(first_admission, FILING_WORKING_DAYS, calendar)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Institution:
    """An institution: identity, kind, legal form, operating model, filing and grade.

    ``filed_beds`` is the bed count in the civil-affairs filing (备案); the beds in a
    :class:`~minzheng.care.BedRegister` are the ones actually recorded. A credit
    code must carry the category of the legal form (an enterprise's code starts
    ``91``, a 民非's ``52``, a public institution's ``12``).

    >>> Institution(institution_id="I", name="x", kind=InstitutionKind.ELDERLY_HOME, division="620521",
    ...             filed_beds=-1)
    Traceback (most recent call last):
    ...
    minzheng.errors.InvalidValue: filed_beds：值无效：-1
    """

    institution_id: str
    name: str
    kind: InstitutionKind
    division: str
    credit_code: CreditCode | None = attrs.field(default=None, validator=_code_matches_form)
    legal_form: LegalForm = LegalForm.SOCIAL_SERVICE_INSTITUTION
    operating_model: OperatingModel = OperatingModel.PRIVATE
    medical_care: MedicalCareForm = MedicalCareForm.NONE
    filed_on: datetime.date | None = None
    filed_beds: int = attrs.field(default=0, validator=[_non_negative, within(0, MAX_COUNT)])
    grade: InstitutionGrade | None = None
    graded_on: datetime.date | None = None

    @property
    def is_graded(self) -> bool:
        """Has a GB/T 37276 grade (等级养老机构).

        >>> Institution(institution_id="I", name="x", kind=InstitutionKind.ELDERLY_HOME, division="620521").is_graded
        False
        """
        return self.grade is not None

    def filing_overdue(
        self, first_admission: datetime.date, *, on: datetime.date, calendar: HolidayCalendar
    ) -> bool:
        """Filed after the deadline, or not filed by ``on`` when the deadline has passed.

        >>> from minzheng.dates import FixedCalendar
        >>> home = Institution(institution_id="I", name="x", kind=InstitutionKind.ELDERLY_HOME, division="620521")
        >>> cal = FixedCalendar(weekends=True)
        >>> home.filing_overdue(datetime.date(2025, 3, 3), on=datetime.date(2025, 3, 17), calendar=cal)
        False
        >>> home.filing_overdue(datetime.date(2025, 3, 3), on=datetime.date(2025, 3, 18), calendar=cal)
        True
        """
        deadline = filing_deadline(first_admission, calendar=calendar)
        if self.filed_on is not None and self.filed_on <= on:
            return self.filed_on > deadline
        return on > deadline
