"""残疾人两项补贴: the living subsidy for disabled people in difficulty and the nursing subsidy.

国发〔2015〕52号, in force 2016-01-01 (DOMAIN.md §8.2–§8.3):

- 困难残疾人生活补贴: disabled people in 低保 households; extension to 低保边缘
  households (2021-era guidance) and others is local — a policy parameter.
- 重度残疾人护理补贴: grades 1–2 needing long-term care (6+ months); extension to
  grades 3–4 intellectual or mental disability is local — a policy parameter.
- Neither for people in 特困 support or receiving the work-injury care allowance;
  orphans and 事实无人抚养儿童 on their allowance get no *living* subsidy but may get
  the nursing subsidy; against another allowance of the same kind (age-related,
  work-injury, retirement), the higher is chosen (择高).

Amounts come from the standards book (城镇/农村 areas, e.g. 130/90 a month in 连云港).

>>> import datetime
>>> from minzheng.codes import Area, DisabilityCategory, DisabilityGrade
>>> from minzheng.money import Rate
>>> from minzheng.people import Disability, Person
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="disability_nursing_subsidy", division="320700", area=Area.URBAN,
...                                rate=Rate.monthly("130"), effective=datetime.date(2025, 1, 1))])
>>> p = Person(person_id="P", birth_date=datetime.date(1970, 1, 1),
...            disability=Disability(category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.FIRST))
>>> d = decide_nursing_subsidy(p, on=datetime.date(2025, 3, 1), book=book, division="320703", area=Area.URBAN,
...                            needs_long_term_care=True)
>>> d.eligible, d.amount.amount
(True, Decimal('130'))
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

import attrs

from minzheng._validators import typed_fields
from minzheng.codes import Area, DisabilityGrade
from minzheng.money import Rate
from minzheng.people import Person
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date
from minzheng.standards import StandardsBook

__all__ = ["DisabilitySubsidyPolicy", "decide_living_subsidy", "decide_nursing_subsidy"]

_OPINION = Citation(instrument=Instrument.DISABILITY_SUBSIDIES_2015)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DisabilitySubsidyPolicy:
    """Local choices for the two subsidies.

    Attributes:
        living_programmes: household programmes that qualify for the living subsidy
            (default 低保 only — the national base; add 低保边缘 for the 2021 extension).
        nursing_mild_intellectual_mental: extend the nursing subsidy to grades 3–4
            intellectual or mental disability (default ``False``, the national base).
        exclude_tekun: people in 特困 support get neither (default ``True``; configurable
            — DOMAIN.md §8.3 flags later provincial changes as UNVERIFIED).

    >>> Programme.DIBAO in DisabilitySubsidyPolicy().living_programmes
    True
    """

    living_programmes: frozenset[Programme] = frozenset({Programme.DIBAO})
    nursing_mild_intellectual_mental: bool = False
    exclude_tekun: bool = True


DEFAULT_POLICY = DisabilitySubsidyPolicy()


def _common_exclusions(
    ruling: Ruling,
    person: Person,
    programmes: Collection[Programme],
    work_injury_care: bool,
    policy: DisabilitySubsidyPolicy,
) -> None:
    """No certificate, 特困 support or the work-injury care allowance: neither subsidy."""
    if person.disability is None:
        ruling.check(False, "disability.no_certificate", person=person.label)
    if policy.exclude_tekun and Programme.TEKUN in programmes:
        ruling.check(False, "disability.excluded_tekun", person=person.label)
    if work_injury_care:
        ruling.check(False, "disability.excluded_work_injury", person=person.label)


def _amount(
    ruling: Ruling,
    person: Person,
    *,
    book: StandardsBook,
    division: str,
    area: Area,
    other_allowance: Rate | None,
) -> Decision:
    """The refusal when a condition failed, else the amount from the book (or the higher allowance)."""
    if any(r.met is False for r in ruling.reasons):
        return ruling.decide(False)
    programme = Programme(ruling.matter.value)
    ruling.standard = standard = book.amount(programme, division, on=ruling.on, area=area)
    ruling.note("disability.standard", citation=_LOCAL, standard=standard.rate)
    if other_allowance is None:
        return ruling.decide(True, amount=standard.rate)
    higher = other_allowance >= standard.rate
    ruling.check(
        not higher,
        "disability.choose_higher",
        person=person.label,
        other=other_allowance,
        chosen=other_allowance if higher else standard.rate,
    )
    return ruling.decide(not higher, amount=standard.rate)


def decide_living_subsidy(
    person: Person,
    *,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    area: Area,
    household_programmes: Collection[Programme],
    child_allowance: bool = False,
    work_injury_care: bool = False,
    other_allowance: Rate | None = None,
    policy: DisabilitySubsidyPolicy = DEFAULT_POLICY,
) -> Decision:
    """困难残疾人生活补贴 for a certified disabled person.

    Args:
        person: the applicant, with their certified disability.
        on: the decision date.
        book: standards (``disability_living_subsidy``, by area).
        division: where the person is registered.
        area: urban or rural standard.
        household_programmes: programmes the household (or the person) is in.
        child_allowance: the person receives the orphan / 事实无人抚养儿童 allowance.
        work_injury_care: the person receives the work-injury insurance care allowance.
        other_allowance: another living allowance of the same kind, for 择高.
        policy: local choices.

    >>> from minzheng.codes import DisabilityCategory, DisabilityGrade
    >>> from minzheng.money import Rate
    >>> from minzheng.people import Disability, Person
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="disability_living_subsidy", division="620000",
    ...                                rate=Rate.monthly("80"), effective=datetime.date(2025, 1, 1))])
    >>> p = Person(person_id="P", disability=Disability(category=DisabilityCategory.HEARING,
    ...                                                 grade=DisabilityGrade.FOURTH))
    >>> decide_living_subsidy(p, on=datetime.date(2025, 3, 1), book=book, division="620521", area=Area.RURAL,
    ...                       household_programmes={Programme.DIBAO}).amount.amount
    Decimal('80')
    """
    ruling = Ruling(
        matter=Programme.DISABILITY_LIVING_SUBSIDY,
        on=as_date(on),
        subject=person.person_id,
        citation=_OPINION,
    )
    _common_exclusions(ruling, person, household_programmes, work_injury_care, policy)
    if child_allowance:
        ruling.check(False, "disability.excluded_orphan", person=person.label)
    qualifying = [p for p in household_programmes if p in policy.living_programmes]
    if qualifying:
        ruling.check(
            True, "disability.living_household", person=person.label, programme=qualifying[0]
        )
    else:
        ruling.check(False, "disability.living_household_missing", person=person.label)
    return _amount(
        ruling, person, book=book, division=division, area=area, other_allowance=other_allowance
    )


def _nursing_grade(ruling: Ruling, person: Person, policy: DisabilitySubsidyPolicy) -> None:
    """Grades 1–2 (the Opinion), or grades 3–4 intellectual or mental where the locality extends it."""
    disability = person.disability
    if disability is None:
        return
    severe = disability.grade.is_severe
    extended = (
        policy.nursing_mild_intellectual_mental
        and disability.category.is_intellectual_or_mental
        and disability.grade in (DisabilityGrade.THIRD, DisabilityGrade.FOURTH)
    )
    if severe or extended:
        ruling.check(
            True,
            "disability.nursing_grade",
            citation=_OPINION if severe else _LOCAL,
            person=person.label,
            category=disability.category,
            grade=disability.grade,
        )
    else:
        ruling.check(False, "disability.nursing_grade_missing", person=person.label)


def decide_nursing_subsidy(
    person: Person,
    *,
    on: datetime.date,
    book: StandardsBook,
    division: str,
    area: Area,
    needs_long_term_care: bool,
    household_programmes: Collection[Programme] = (),
    work_injury_care: bool = False,
    other_allowance: Rate | None = None,
    policy: DisabilitySubsidyPolicy = DEFAULT_POLICY,
) -> Decision:
    """重度残疾人护理补贴 for a person with a grade 1–2 disability needing long-term care.

    >>> from minzheng.codes import DisabilityCategory
    >>> from minzheng.people import Disability
    >>> p = Person(person_id="P", disability=Disability(category=DisabilityCategory.MENTAL,
    ...                                                 grade=DisabilityGrade.THIRD))
    >>> decide_nursing_subsidy(p, on=datetime.date(2025, 3, 1), book=StandardsBook(), division="620521",
    ...                        area=Area.RURAL, needs_long_term_care=True).reason_codes()
    ('disability.nursing_grade_missing', 'disability.long_term_care')
    """
    ruling = Ruling(
        matter=Programme.DISABILITY_NURSING_SUBSIDY,
        on=as_date(on),
        subject=person.person_id,
        citation=_OPINION,
    )
    _common_exclusions(ruling, person, household_programmes, work_injury_care, policy)
    _nursing_grade(ruling, person, policy)
    ruling.check(
        needs_long_term_care,
        "disability.long_term_care",
        "disability.no_long_term_care",
        person=person.label,
    )
    return _amount(
        ruling, person, book=book, division=division, area=area, other_allowance=other_allowance
    )
