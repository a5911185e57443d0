"""The kinds of registration a civil-affairs front desk handles — the subject of their decisions.

>>> RegistrationKind.DIVORCE.label("en")
'Divorce registration'
"""

from __future__ import annotations

from minzheng.codes import CodeEnum

__all__ = ["RegistrationKind"]


class RegistrationKind(CodeEnum):
    """What a registration decision is about.

    >>> RegistrationKind.ADOPTION.term
    '收养登记'
    """

    MARRIAGE = "marriage", "结婚登记"
    DIVORCE = "divorce", "离婚登记"
    REISSUE = "reissue", "补领婚姻登记证"
    ADOPTION = "adoption", "收养登记"
    ADOPTION_DISSOLUTION = "adoption_dissolution", "解除收养关系登记"
    ORGANISATION_FOUNDING = "organisation_founding", "社会组织成立登记"
    ANNUAL_REPORT = "annual_report", "社会组织年度报告"
    EVALUATION = "evaluation", "社会组织评估"
    CHARITY = "charity", "慈善组织登记认定"
    PUBLIC_FUNDRAISING = "public_fundraising", "公开募捐资格"
    CHARITY_SPENDING = "charity_spending", "慈善活动支出"
