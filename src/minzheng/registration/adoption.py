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
>>> d = check_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY, on=datetime.date(2025, 4, 1))
>>> d.eligible, d.reason_codes()[-1]
(False, 'adoption.age_gap')
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from minzheng._validators import typed_fields
from minzheng.codes._base import CodeEnum
from minzheng.dates import age_on, statutory_deadline
from minzheng.people import Person
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import Citation, Decision, Instrument, Reason

__all__ = ["AdopteeCategory", "Adopter", "adoption_review_deadline", "check_adoption"]


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
    children: int = 0
    previously_adopted: int = 0
    able_to_raise: bool = True
    disqualifying_disease: bool = False
    harmful_criminal_record: bool = False
    married: bool = False
    overseas_chinese: bool = False


def check_adoption(
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
) -> Decision:
    """Every condition of an adoption, checked and explained.

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

    >>> from minzheng.codes import Sex
    >>> man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=datetime.date(1979, 3, 1)))
    >>> girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=datetime.date(2020, 2, 1))
    >>> check_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY,
    ...                on=datetime.date(2025, 4, 1)).eligible
    True
    """
    reasons: list[Reason] = []
    child_age = child.age_on(on)
    minor = child_age < 18
    reasons.append(
        Reason(
            code="adoption.adoptee_minor" if minor else "adoption.adoptee_adult",
            met=minor,
            citation=_cc(1093),
            params={"person": child.label, "age": child_age},
        )
    )
    reasons.append(
        Reason(
            code="adoption.category", params={"category": category}, citation=_cc(1093), met=True
        )
    )
    exempt = (
        category is AdopteeCategory.ORPHAN
        or child_disabled
        or (from_welfare_institution and category is AdopteeCategory.PARENTS_UNFINDABLE)
    )
    if step_parent:
        reasons.append(Reason(code="adoption.step_parent", citation=_cc(1103), met=True))
    elif relative_adoption:
        reasons.append(Reason(code="adoption.relative", citation=_cc(1099), met=True))
    married = [a for a in adopters if a.married]
    if married and len(adopters) < 2 and not step_parent:
        reasons.append(Reason(code="adoption.joint_required", citation=_cc(1101), met=False))
    for adopter in adopters:
        person = adopter.person
        age = person.age_on(on)
        label = person.label
        if not step_parent:
            ok = age >= 30
            reasons.append(
                Reason(
                    code="adoption.adopter_age" if ok else "adoption.adopter_too_young",
                    met=ok,
                    citation=_cc(1098),
                    params={"person": label, "age": age},
                )
            )
            for flag, code in (
                (not adopter.able_to_raise, "adoption.unable_to_raise"),
                (adopter.disqualifying_disease, "adoption.disease"),
                (adopter.harmful_criminal_record, "adoption.criminal_record"),
            ):
                if flag:
                    reasons.append(
                        Reason(code=code, params={"person": label}, citation=_cc(1098), met=False)
                    )
            overseas_relief = relative_adoption and adopter.overseas_chinese
            if overseas_relief:
                reasons.append(
                    Reason(
                        code="adoption.overseas_relative",
                        params={"person": label},
                        citation=Citation(
                            instrument=Instrument.CIVIL_CODE, article=1099, paragraph=2
                        ),
                        met=True,
                    )
                )
            if not exempt:
                if adopter.children > 1 and not overseas_relief:
                    reasons.append(
                        Reason(
                            code="adoption.too_many_children",
                            met=False,
                            citation=_cc(1098),
                            params={"person": label, "children": adopter.children},
                        )
                    )
                limit = 2 if adopter.children == 0 else 1
                if adopter.previously_adopted + 1 > limit:
                    reasons.append(
                        Reason(
                            code="adoption.number_limit",
                            met=False,
                            citation=_cc(1100),
                            params={"person": label, "limit": limit},
                        )
                    )
            else:
                reasons.append(
                    Reason(
                        code="adoption.exempt",
                        params={"person": label},
                        citation=_cc(1100),
                        met=True,
                    )
                )
    if (
        len(adopters) == 1
        and not step_parent
        and not relative_adoption
        and adopters[0].person.sex is not None
        and child.sex is not None
        and adopters[0].person.sex is not child.sex
        and adopters[0].person.birth_date
        and child.birth_date
    ):
        gap = (
            age_on(adopters[0].person.birth_date, child.birth_date)
            if child.birth_date >= adopters[0].person.birth_date
            else 0
        )
        ok = gap >= 40
        reasons.append(
            Reason(
                code="adoption.age_gap_ok" if ok else "adoption.age_gap",
                met=ok,
                citation=_cc(1102),
                params={"gap": gap},
            )
        )
    if child_age >= 8:
        consent = bool(child_consents)
        reasons.append(
            Reason(
                code="adoption.consent" if consent else "adoption.consent_missing",
                met=consent,
                citation=_cc(1104),
                params={"person": child.label},
            )
        )
    eligible = not any(r.met is False for r in reasons)
    return Decision(
        programme=RegistrationKind.ADOPTION,
        eligible=eligible,
        on=on,
        subject=child.person_id,
        reasons=tuple(reasons),
        rule_version="中华人民共和国民法典（2021）",
    )


def adoption_review_deadline(
    received_on: datetime.date, *, foundling_notice: bool = False
) -> datetime.date:
    """The last day to decide: 30 days after receipt, plus the 60-day notice for a foundling.

    >>> adoption_review_deadline(datetime.date(2025, 3, 3)), adoption_review_deadline(datetime.date(2025, 3, 3),
    ...                                                                                foundling_notice=True)
    (datetime.date(2025, 4, 2), datetime.date(2025, 6, 1))
    """
    return statutory_deadline(received_on, days=30 + (60 if foundling_notice else 0))
