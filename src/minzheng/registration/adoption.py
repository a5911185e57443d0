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
  60-day public notice is not counted in them;
- the adoption exists from its registration (1105); before the adoptee's majority
  the adopters may not dissolve it unilaterally, only by agreement with the placing
  party (1114); a dissolution by agreement is registered with civil affairs (1116) —
  :class:`AdoptionRegister` keeps the adoptions and dissolutions and counts them.

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
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from minzheng._bounds import MAX_AGE, MAX_DAYS, MAX_PERSONS, within
from minzheng._locking import Register, locked
from minzheng._validators import to_frozenset, typed_fields
from minzheng.codes import CodeEnum
from minzheng.dates import age_on, statutory_deadline
from minzheng.errors import InvalidValue, RuleViolation
from minzheng.people import Person
from minzheng.privacy import repr_key, repr_keys
from minzheng.registration.kinds import RegistrationKind
from minzheng.rules import (
    Citation,
    Decision,
    Instrument,
    Ruling,
    as_date,
    deprecated_alias,
    refusal,
)

__all__ = [
    "ADOPTION_2021",
    "AdopteeCategory",
    "Adopter",
    "AdoptionRecord",
    "AdoptionRegister",
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


DissolvedBy = Literal["agreement", "court"]


def _ids(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)  # type: ignore[no-any-return]


def _one_or_two(
    instance: object, attribute: attrs.Attribute[frozenset[str]], value: frozenset[str]
) -> None:
    if not 1 <= len(value) <= 2:
        raise InvalidValue("value.invalid", field=attribute.name, value=str(len(value)))


def _dissolved_by(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value not in (None, "agreement", "court"):
        raise InvalidValue("value.invalid", field=attribute.name, value=str(value)[:20])


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AdoptionRecord:
    """A registered adoption; ``dissolved_on`` and ``dissolved_by`` once it is dissolved.

    ``adopters`` is one person or a married couple (art. 1101); the adoption exists
    from ``registered_on`` (art. 1105) until ``dissolved_on``, by ``"agreement"``
    (registered, art. 1116) or by the ``"court"``.

    >>> r = AdoptionRecord(adoption_id="S1", adopters={"A"}, adoptee="C", registry="620521",
    ...                    registered_on=datetime.date(2024, 1, 1))
    >>> r.in_force_on(datetime.date(2025, 1, 1)), r.involves("C")
    (True, True)
    """

    adoption_id: str
    adopters: frozenset[str] = attrs.field(converter=_ids, validator=_one_or_two, repr=repr_keys)
    adoptee: str = attrs.field(repr=repr_key)
    registry: str
    registered_on: datetime.date
    dissolved_on: datetime.date | None = None
    dissolved_by: str | None = attrs.field(default=None, validator=_dissolved_by)

    def in_force_on(self, on: datetime.date) -> bool:
        """Registered on or before ``on`` and not yet dissolved."""
        return self.registered_on <= on and (self.dissolved_on is None or on < self.dissolved_on)

    def involves(self, person_id: str) -> bool:
        """Whether ``person_id`` is an adopter or the adoptee."""
        return person_id == self.adoptee or person_id in self.adopters


def _refuse_ineligible(decision: Decision) -> RuleViolation:
    failed = [r for r in decision.reasons if r.met is False]
    return RuleViolation(
        "adoption.not_eligible",
        reasons=failed,
        field="registration",
        params={"reasons": "、".join(r.code for r in failed)},
    )


class AdoptionRegister(Register):
    """A registry's adoptions and their dissolutions (Civil Code arts. 1105, 1114–1116).

    Mutable (a register) holding frozen records. :func:`decide_adoption` explains;
    :meth:`register` and :meth:`dissolve` raise :class:`~minzheng.errors.RuleViolation`.
    Thread-safe: each check-and-commit holds the register's re-entrant lock and
    readers return snapshots. It pickles and copies (the copy is independent).

    >>> from minzheng.codes import Sex
    >>> man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=datetime.date(1979, 3, 1)))
    >>> girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=datetime.date(2020, 2, 1))
    >>> on = datetime.date(2025, 4, 1)
    >>> d = decide_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY, on=on)
    >>> reg = AdoptionRegister()
    >>> reg.register("S1", {"M"}, "G", on=on, registry="620521", decision=d).in_force_on(on)
    True
    >>> reg.register("S2", {"M"}, "G", on=on, registry="620521", decision=d)
    Traceback (most recent call last):
    ...
    minzheng.errors.RuleViolation: registration：被收养人已有收养登记S1（自2025-04-01起），不能再次收养
    """

    __slots__ = ("_adoptions",)

    def __init__(self) -> None:
        super().__init__()
        self._adoptions: dict[str, AdoptionRecord] = {}

    @property
    @locked
    def adoptions(self) -> tuple[AdoptionRecord, ...]:
        """Every adoption record.

        >>> AdoptionRegister().adoptions
        ()
        """
        return tuple(self._adoptions.values())

    def _adoption(self, adoption_id: str) -> AdoptionRecord:
        try:
            return self._adoptions[adoption_id]
        except KeyError:
            raise refusal(
                "adoption.unknown", field="registration", citation=_cc(1105), adoption=adoption_id
            ) from None

    @locked
    def register(
        self,
        adoption_id: str,
        adopters: Iterable[str],
        adoptee: str,
        *,
        on: datetime.date,
        registry: str,
        decision: Decision,
    ) -> AdoptionRecord:
        """Register an adoption :func:`decide_adoption` found eligible; it exists from ``on`` (art. 1105).

        Refused: an ineligible decision (``adoption.not_eligible``, with its failing
        reasons), a decision for another child or day (``adoption.decision_mismatch``),
        a duplicate id, a person adopting themselves, and an adoptee whose earlier
        adoption is not dissolved by ``on`` (``adoption.already_adopted``).

        >>> from minzheng.codes import Sex
        >>> man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=datetime.date(1980, 3, 1)))
        >>> girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=datetime.date(2019, 2, 1))
        >>> on = datetime.date(2025, 4, 1)
        >>> d = decide_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY, on=on)
        >>> AdoptionRegister().register("S1", {"M"}, "G", on=on, registry="620521", decision=d)
        Traceback (most recent call last):
        ...
        minzheng.errors.RuleViolation: registration：收养不符合法定条件（adoption.age_gap）
        """
        on = as_date(on)
        if not decision.eligible:
            raise _refuse_ineligible(decision)
        if decision.subject != adoptee or decision.on != on:
            raise refusal(
                "adoption.decision_mismatch",
                field="registration",
                citation=_cc(1105),
                on=on,
                decided_on=decision.on,
            )
        if adoption_id in self._adoptions:
            raise refusal(
                "registration.duplicate", field="registration", citation=_cc(1105), id=adoption_id
            )
        people = _ids(adopters)
        if adoptee in people:
            raise refusal("adoption.self", field="registration", citation=_cc(1093))
        for other in self._adoptions.values():
            if other.adoptee == adoptee and (other.dissolved_on is None or on < other.dissolved_on):
                raise refusal(
                    "adoption.already_adopted",
                    field="registration",
                    citation=_cc(1105),
                    adoption=other.adoption_id,
                    registered_on=other.registered_on,
                )
        record = AdoptionRecord(
            adoption_id=adoption_id,
            adopters=people,
            adoptee=adoptee,
            registry=registry,
            registered_on=on,
        )
        self._adoptions[adoption_id] = record
        return record

    @locked
    def dissolve(
        self,
        adoption_id: str,
        *,
        on: datetime.date,
        by: DissolvedBy = "agreement",
        adoptee_adult: bool = False,
        placing_party_agrees: bool = False,
    ) -> AdoptionRecord:
        """Dissolve an adoption from ``on``: registered by agreement (art. 1116) or recorded from a court.

        Before the adoptee's majority the adopters may not dissolve it alone: an
        agreement needs the placing party (art. 1114, ``adoption.dissolution_refused``).
        Refused too: an unknown id, a second dissolution, a date before the registration.

        >>> from minzheng.codes import Sex
        >>> man = Adopter(person=Person(person_id="M", sex=Sex.MALE, birth_date=datetime.date(1979, 3, 1)))
        >>> girl = Person(person_id="G", sex=Sex.FEMALE, birth_date=datetime.date(2020, 2, 1))
        >>> on = datetime.date(2025, 4, 1)
        >>> d = decide_adoption([man], girl, category=AdopteeCategory.PARENTS_IN_DIFFICULTY, on=on)
        >>> reg = AdoptionRegister()
        >>> _ = reg.register("S1", {"M"}, "G", on=on, registry="620521", decision=d)
        >>> from minzheng.errors import RuleViolation
        >>> try:
        ...     reg.dissolve("S1", on=datetime.date(2026, 1, 5))
        ... except RuleViolation as refused:
        ...     print(refused.code, refused.reasons[0].citation.article)
        adoption.dissolution_refused 1114
        >>> reg.dissolve("S1", on=datetime.date(2026, 1, 5), placing_party_agrees=True).dissolved_by
        'agreement'
        """
        on = as_date(on)
        if by not in ("agreement", "court"):
            raise InvalidValue("value.invalid", field="by", value=str(by)[:20])
        record = self._adoption(adoption_id)
        if record.dissolved_on is not None:
            raise refusal(
                "adoption.already_dissolved",
                field="registration",
                citation=_cc(1116),
                adoption=adoption_id,
                dissolved_on=record.dissolved_on,
            )
        if on < record.registered_on:
            raise refusal(
                "adoption.before_registration",
                field="registration",
                citation=_cc(1105),
                adoption=adoption_id,
                registered_on=record.registered_on,
                on=on,
            )
        if by == "agreement" and not adoptee_adult and not placing_party_agrees:
            raise refusal("adoption.dissolution_refused", field="registration", citation=_cc(1114))
        dissolved = attrs.evolve(record, dissolved_on=on, dissolved_by=by)
        self._adoptions[adoption_id] = dissolved
        return dissolved

    @locked
    def in_force_on(self, on: datetime.date) -> tuple[AdoptionRecord, ...]:
        """The adoptions in force on ``on``.

        >>> AdoptionRegister().in_force_on(datetime.date(2025, 1, 1))
        ()
        """
        return tuple(r for r in self._adoptions.values() if r.in_force_on(on))

    @locked
    def of_person(self, person_id: str) -> tuple[AdoptionRecord, ...]:
        """Every adoption ``person_id`` is an adopter or the adoptee of, dissolved or not.

        >>> AdoptionRegister().of_person("G")
        ()
        """
        return tuple(r for r in self._adoptions.values() if r.involves(person_id))

    @locked
    def counts(self, start: datetime.date, end: datetime.date) -> dict[str, int]:
        """A period's figures for [start, end]: ``adoptions`` registered and ``dissolutions`` (either kind).

        >>> AdoptionRegister().counts(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        {'adoptions': 0, 'dissolutions': 0}
        """

        def in_period(day: datetime.date | None) -> bool:
            return day is not None and start <= day <= end

        records = self._adoptions.values()
        return {
            "adoptions": sum(1 for r in records if in_period(r.registered_on)),
            "dissolutions": sum(1 for r in records if in_period(r.dissolved_on)),
        }
