"""Adoption registration: who may be adopted, who may adopt, and the review periods.

Civil Code arts. 1093–1105 and the 中国公民收养子女登记办法 (DOMAIN.md §12):

- adoptees: minors who are orphans, whose parents cannot be found, or whose
  parents have special difficulty raising them (1093);
- adopters: no child or one child; able to raise the child; no disease
  medically inconsistent with adoption; no criminal record harmful to the
  child; aged 30 or more (1098);
- number: an adopter without children may adopt two, one with children one —
  adopting an orphan, a disabled minor or a welfare-institution child whose
  parents cannot be found is exempt from this and from the "no child or one
  child" condition (1100);
- spouses adopt jointly (1101); a single adopter of the opposite sex must be at
  least 40 years older (1102); an adoptee aged 8 or more must consent (1104);
- adopting a child of a collateral same-generation relative within three
  generations lifts only 1093(3), 1094(3) and 1102 — not the "no child or one
  child" condition of 1098(1) nor the 1100 number limit; an overseas Chinese
  (华侨) adopting such a child is also relieved of 1098(1) (1099); a step-parent
  is exempt from most conditions (1103);
- review within 30 days from the day after the application; a foundling's
  60-day public notice is not counted in them.

Worked example (§12.2): a single man of 45 and a girl of 6 — a gap of 39: refused;
at 46 with a girl of 5 — 41: allowed (one child only if he already has one).

>>> import datetime
>>> from minzheng.codes import Sex
>>> from minzheng.people import Person
>>> man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=datetime.date(1980, 3, 1)))
>>> girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=datetime.date(2019, 2, 1))
>>> d = decide_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY, on=datetime.date(2025, 4, 1))
>>> d.eligible, d.reason_codes()[-1]
(False, 'adoption.age_gap')
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from minzheng._bounds import MAX_AGE, MAX_DAYS, MAX_PERSONS, within
from minzheng._validators import typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import age_on, statutory_deadline
from minzheng.people import Person
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date, deprecated_alias

__all__ = [
    "ADOPTION_2021",
    "AdopteeCategory",
    "Adopter",
    "AdoptionRules",
    "adoption_review_deadline",
    "check_adoption",
    "decide_adoption",
]


def _cc(article: int) -> Citation:
    return Citation(instrument=Instrument.CIVIL_CODE, article=article)


class AdopteeCategory(CodeEnum):
    """Who may be adopted (art. 1093).

    >>> AdopteeCategory.ORPHAN.label("en")
    'Orphan who has lost both parents'
    """

    ORPHAN = "orphan", "丧失父母的孤儿"
    PARENTS_UNFINDABLE = "parents_unfindable", "查找不到生父母的未成年人"
    PARENTS_IN_DIFFICULTY = "parents_in_difficulty", "生父母有特殊困难无力抚养的子女"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Adopter:
    """An adopter and the facts art. 1098 asks about (``overseas_chinese``: a 华侨, art. 1099 ¶2).

    >>> Adopter(person=Person(person_id="A")).children
    0
    """

    person: Person
    children: int = attrs.field(default=0, validator=within(0, MAX_PERSONS))
    previously_adopted: int = attrs.field(default=0, validator=within(0, MAX_PERSONS))
    able_to_raise: bool = True
    disqualifying_disease: bool = False
    harmful_criminal_record: bool = False
    married: bool = False
    overseas_chinese: bool = False


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AdoptionRules:
    """The Civil Code's adoption numbers (arts. 1093–1105) and the registration periods.

    >>> ADOPTION_2021.adopter_min_age, ADOPTION_2021.age_gap, ADOPTION_2021.consent_age
    (30, 40, 8)
    """

    name: str
    effective: datetime.date
    adult_age: int = attrs.field(default=18, validator=within(0, MAX_AGE))
    adopter_min_age: int = attrs.field(default=30, validator=within(0, MAX_AGE))
    max_own_children: int = attrs.field(default=1, validator=within(0, MAX_PERSONS))
    limit_without_children: int = attrs.field(default=2, validator=within(0, MAX_PERSONS))
    limit_with_children: int = attrs.field(default=1, validator=within(0, MAX_PERSONS))
    age_gap: int = attrs.field(default=40, validator=within(0, MAX_AGE))
    consent_age: int = attrs.field(default=8, validator=within(0, MAX_AGE))
    review_days: int = attrs.field(default=30, validator=within(0, MAX_DAYS))
    foundling_notice_days: int = attrs.field(default=60, validator=within(0, MAX_DAYS))


#: The Civil Code in force from 2021-01-01.
ADOPTION_2021 = AdoptionRules(
    name="中华人民共和国民法典（2021）", effective=datetime.date(2021, 1, 1)
)


def _adopter_reasons(
    ruling: Ruling, adopter: Adopter, rules: AdoptionRules, *, exempt: bool, relative: bool
) -> None:
    """One adopter's age and conditions (art. 1098) and the number limit (art. 1100)."""
    person, label = adopter.person, adopter.person.label
    age = person.age_on(ruling.on)
    ruling.check(
        age >= rules.adopter_min_age,
        "adoption.adopter_age",
        "adoption.adopter_too_young",
        citation=_cc(1098),
        person=label,
        age=age,
    )
    for flag, code in (
        (not adopter.able_to_raise, "adoption.unable_to_raise"),
        (adopter.disqualifying_disease, "adoption.disease"),
        (adopter.harmful_criminal_record, "adoption.criminal_record"),
    ):
        if flag:
            ruling.check(False, code, citation=_cc(1098), person=label)
    overseas_relief = relative and adopter.overseas_chinese
    if overseas_relief:
        ruling.check(
            True,
            "adoption.overseas_relative",
            citation=Citation(instrument=Instrument.CIVIL_CODE, article=1099, paragraph=2),
            person=label,
        )
    if exempt:
        ruling.check(True, "adoption.exempt", citation=_cc(1100), person=label)
        return
    if adopter.children > rules.max_own_children and not overseas_relief:
        ruling.check(
            False,
            "adoption.too_many_children",
            citation=_cc(1098),
            person=label,
            children=adopter.children,
        )
    limit = rules.limit_without_children if adopter.children == 0 else rules.limit_with_children
    if adopter.previously_adopted + 1 > limit:
        ruling.check(False, "adoption.number_limit", citation=_cc(1100), person=label, limit=limit)


def _age_gap(ruling: Ruling, adopter: Person, child: Person, rules: AdoptionRules) -> None:
    """A single adopter of the opposite sex is at least 40 years older (art. 1102)."""
    if adopter.sex is None or child.sex is None or adopter.sex is child.sex:
        return
    if not adopter.birth_date or not child.birth_date:
        return
    gap = (
        age_on(adopter.birth_date, child.birth_date)
        if child.birth_date >= adopter.birth_date
        else 0
    )
    ruling.check(
        gap >= rules.age_gap, "adoption.age_gap_ok", "adoption.age_gap", citation=_cc(1102), gap=gap
    )


def decide_adoption(
    adopters: Sequence[Adopter],
    child: Person,
    *,
    category: AdopteeCategory,
    on: datetime.date,
    child_disabled: bool = False,
    from_welfare_institution: bool = False,
    child_consents: bool | None = None,
    relative_adoption: bool = False,
    step_parent: bool = False,
    rules: AdoptionRules = ADOPTION_2021,
) -> Decision:
    """Every condition of an adoption, decided and explained.

    Args:
        adopters: one adopter, or both spouses (a married adopter must adopt jointly).
        child: the adoptee.
        category: the adoptee's situation (art. 1093).
        on: the registration date.
        child_disabled: the child is a disabled minor (exemption, art. 1100).
        from_welfare_institution: placed by a child welfare institution with parents unfindable (exemption).
        child_consents: the child's consent (required from 8).
        relative_adoption: a child of a collateral same-generation relative within three
            generations (art. 1099): lifts 1093(3), 1094(3) and the 1102 age gap only; an
            overseas Chinese adopter is also relieved of 1098(1) (no child or one child).
        step_parent: a step-parent adopting a step-child (art. 1103).
        rules: the statutory numbers (ages 18, 30, the 40-year gap, consent from 8, the limits).

    >>> from minzheng.codes import Sex
    >>> man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=datetime.date(1979, 3, 1)))
    >>> girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=datetime.date(2020, 2, 1))
    >>> decide_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY,
    ...                 on=datetime.date(2025, 4, 1)).eligible
    True
    """
    ruling = Ruling(
        matter=RegistrationKind.ADOPTION,
        on=as_date(on),
        subject=child.person_id,
        citation=_cc(1093),
        rule_version=rules.name,
    )
    child_age = child.age_on(on)
    ruling.check(
        child_age < rules.adult_age,
        "adoption.adoptee_minor",
        "adoption.adoptee_adult",
        person=child.label,
        age=child_age,
    )
    ruling.check(True, "adoption.category", category=category)
    exempt = (
        category is AdopteeCategory.ORPHAN
        or child_disabled
        or (from_welfare_institution and category is AdopteeCategory.PARENTS_UNFINDABLE)
    )
    if step_parent:
        ruling.check(True, "adoption.step_parent", citation=_cc(1103))
    elif relative_adoption:
        ruling.check(True, "adoption.relative", citation=_cc(1099))
    if any(a.married for a in adopters) and len(adopters) < 2 and not step_parent:
        ruling.check(False, "adoption.joint_required", citation=_cc(1101))
    if not step_parent:
        for adopter in adopters:
            _adopter_reasons(ruling, adopter, rules, exempt=exempt, relative=relative_adoption)
        if len(adopters) == 1 and not relative_adoption:
            _age_gap(ruling, adopters[0].person, child, rules)
    if child_age >= rules.consent_age:
        ruling.check(
            bool(child_consents),
            "adoption.consent",
            "adoption.consent_missing",
            citation=_cc(1104),
            person=child.label,
        )
    return ruling.decide(not any(r.met is False for r in ruling.reasons))


check_adoption = deprecated_alias(decide_adoption, "check_adoption")


def adoption_review_deadline(
    received_on: datetime.date,
    *,
    foundling_notice: bool = False,
    rules: AdoptionRules = ADOPTION_2021,
) -> datetime.date:
    """The last day to decide: 30 days after receipt, plus the 60-day notice for a foundling.

    >>> adoption_review_deadline(datetime.date(2025, 3, 3)), adoption_review_deadline(datetime.date(2025, 3, 3),
    ...                                                                                foundling_notice=True)
    (datetime.date(2025, 4, 2), datetime.date(2025, 6, 1))
    """
    notice = rules.foundling_notice_days if foundling_notice else 0
    return statutory_deadline(received_on, days=rules.review_days + notice)
