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
from minzheng.codes._base import CodeEnum
from minzheng.errors import InvalidValue
from minzheng.ids import CreditCode

__all__ = [
    "Institution",
    "InstitutionGrade",
    "InstitutionKind",
    "LegalForm",
    "MedicalCareForm",
    "OperatingModel",
]


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


@attrs.frozen(kw_only=True)
class Institution:
    """An institution: identity, kind, legal form, operating model, filing and grade.

    ``filed_beds`` is the bed count in the civil-affairs filing (备案); the beds in a
    :class:`~minzheng.care.BedRegister` are the ones actually recorded.

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
    credit_code: CreditCode | None = None
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
