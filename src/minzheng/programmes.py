"""The catalogue of benefit programmes a civil-affairs bureau administers.

Each programme is a code-list member (labels in three locales) with its unit
(household or person), how it is paid (monthly, yearly, one-off) and its legal
basis. Urban and rural 低保 are one programme whose standard depends on the
household's :class:`~minzheng.codes.Area`; 特困 集中/分散 and 孤儿 集中养育/社会散居
are forms of one programme (:class:`TekunForm`, :class:`OrphanCare`).

>>> Programme.DIBAO.unit, Programme.TEKUN.unit, Programme.TEMPORARY_EMERGENCY.payment
(<Unit.HOUSEHOLD: 'household'>, <Unit.PERSON: 'person'>, <Payment.ONE_OFF: 'one_off'>)
>>> Programme.TEKUN.legal_basis.render()
'《社会救助暂行办法》第十四条'
"""

from __future__ import annotations

from enum import StrEnum

from minzheng.codes import CodeEnum
from minzheng.rules.citations import Citation, Instrument

__all__ = ["OrphanCare", "Payment", "Programme", "SelfCareTier", "TekunForm", "Unit"]


class Unit(StrEnum):
    """Whom a programme covers: a household (低保) or a person (特困, 两项补贴).

    >>> Unit("person") is Unit.PERSON
    True
    """

    HOUSEHOLD = "household"
    PERSON = "person"


class Payment(StrEnum):
    """How a programme pays: every month, once a year, or once.

    >>> Programme.TEMPORARY_EMERGENCY.payment is Payment.ONE_OFF
    True
    """

    MONTHLY = "monthly"
    YEARLY = "yearly"
    ONE_OFF = "one_off"


class Programme(CodeEnum):
    """A benefit programme. ``unit``, ``payment`` and ``legal_basis`` describe it.

    >>> [p.term for p in (Programme.DIBAO, Programme.DIBAO_EDGE)]
    ['最低生活保障', '低保边缘家庭救助']
    >>> Programme.DISABILITY_NURSING_SUBSIDY.label("en")
    'Nursing subsidy for people with severe disabilities'
    """

    DIBAO = "dibao", "最低生活保障"
    TEKUN = "tekun", "特困人员救助供养"
    DIBAO_EDGE = "dibao_edge", "低保边缘家庭救助"
    TEMPORARY_EMERGENCY = "temporary_emergency", "临时救助（急难型）"
    TEMPORARY_EXPENDITURE = "temporary_expenditure", "临时救助（支出型）"
    RIGID_EXPENDITURE = "rigid_expenditure", "刚性支出困难家庭救助"
    ORPHAN = "orphan", "孤儿基本生活保障"
    UNSUPPORTED_CHILD = "unsupported_child", "事实无人抚养儿童基本生活保障"
    DISABILITY_LIVING_SUBSIDY = "disability_living_subsidy", "困难残疾人生活补贴"
    DISABILITY_NURSING_SUBSIDY = "disability_nursing_subsidy", "重度残疾人护理补贴"
    OLD_AGE_ALLOWANCE = "old_age_allowance", "高龄津贴"
    ELDERLY_SERVICE_SUBSIDY = "elderly_service_subsidy", "经济困难老年人养老服务补贴"
    ELDERLY_CARE_SUBSIDY = "elderly_care_subsidy", "经济困难失能老年人护理补贴"
    FUNERAL_SUBSIDY = "funeral_subsidy", "丧葬补助"

    @property
    def unit(self) -> Unit:
        """Household or person.

        >>> Programme.RIGID_EXPENDITURE.unit.value
        'household'
        """
        return _META[self][0]

    @property
    def payment(self) -> Payment:
        """Monthly, yearly or one-off.

        >>> Programme.FUNERAL_SUBSIDY.payment.value
        'one_off'
        """
        return _META[self][1]

    @property
    def legal_basis(self) -> Citation:
        """The main instrument (and article) the programme rests on.

        >>> Programme.DIBAO.legal_basis.render("en")
        'Interim Measures on Social Assistance, art. 9'
        """
        return _META[self][2]


def _c(instrument: Instrument, article: int | None = None) -> Citation:
    return Citation(instrument=instrument, article=article)


_H, _P = Unit.HOUSEHOLD, Unit.PERSON
_M, _Y, _O = Payment.MONTHLY, Payment.YEARLY, Payment.ONE_OFF
_META: dict[Programme, tuple[Unit, Payment, Citation]] = {
    Programme.DIBAO: (_H, _M, _c(Instrument.INTERIM_MEASURES, 9)),
    Programme.TEKUN: (_P, _M, _c(Instrument.INTERIM_MEASURES, 14)),
    Programme.DIBAO_EDGE: (_H, _M, _c(Instrument.BASIC_LIVING_NOTICE_2020)),
    Programme.TEMPORARY_EMERGENCY: (_H, _O, _c(Instrument.INTERIM_MEASURES, 47)),
    Programme.TEMPORARY_EXPENDITURE: (_H, _O, _c(Instrument.INTERIM_MEASURES, 47)),
    Programme.RIGID_EXPENDITURE: (_H, _M, _c(Instrument.RIGID_EXPENDITURE_MEASURES)),
    Programme.ORPHAN: (_P, _M, _c(Instrument.LOCAL_RULE)),
    Programme.UNSUPPORTED_CHILD: (_P, _M, _c(Instrument.UNSUPPORTED_CHILDREN_2019)),
    Programme.DISABILITY_LIVING_SUBSIDY: (_P, _M, _c(Instrument.DISABILITY_SUBSIDIES_2015)),
    Programme.DISABILITY_NURSING_SUBSIDY: (_P, _M, _c(Instrument.DISABILITY_SUBSIDIES_2015)),
    Programme.OLD_AGE_ALLOWANCE: (_P, _M, _c(Instrument.LOCAL_RULE)),
    Programme.ELDERLY_SERVICE_SUBSIDY: (_P, _M, _c(Instrument.LOCAL_RULE)),
    Programme.ELDERLY_CARE_SUBSIDY: (_P, _M, _c(Instrument.LOCAL_RULE)),
    Programme.FUNERAL_SUBSIDY: (_P, _O, _c(Instrument.INTERIM_MEASURES, 15)),
}


class TekunForm(CodeEnum):
    """特困 support: 集中供养 in an institution or 分散供养 at home; the person chooses (art. 19).

    >>> TekunForm.CENTRALISED.label("en")
    'Centralised support'
    """

    CENTRALISED = "centralised", "集中供养"
    DISPERSED = "dispersed", "分散供养"


class OrphanCare(CodeEnum):
    """How an orphan is raised: in an institution (集中养育) or in the community (社会散居).

    >>> OrphanCare.DISPERSED.term
    '社会散居'
    """

    INSTITUTIONAL = "institutional", "集中养育"
    DISPERSED = "dispersed", "社会散居"


class SelfCareTier(CodeEnum):
    """特困 care tier from the six daily activities (DOMAIN.md §5.4).

    >>> SelfCareTier.PARTIAL_CARE.term
    '半护理'
    """

    SELF_CARE = "self_care", "全自理"
    PARTIAL_CARE = "partial_care", "半护理"
    FULL_CARE = "full_care", "全护理"
