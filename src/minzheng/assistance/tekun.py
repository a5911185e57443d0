"""特困人员救助供养: the three conditions, the 2016 and 2021 rules by date, care tiers and amounts.

Interim Measures art. 14: elderly, disabled and minor people who have (1) no
capacity to work, (2) no means of living and (3) no legal obligor, or obligors
unable to perform (DOMAIN.md §5.2). What "no capacity to work" covers changed
in 2021:

=============================  ==================  =======================
case                           2016 办法            2021 办法
=============================  ==================  =======================
age                            60+; under 16       60+; under 16
intellectual / mental          grades 1–2          grades 1–3
physical                       grade 1             grades 1–2
visual                         —                   grade 1
minors already supported       —                   continue to 18, and past
                                                   18 while still at school
=============================  ==================  =======================

The version is chosen by the decision date; the dates the versions took effect
are parameters (UNVERIFIED: 2016-10-10 and 2021-07-01 by default). A minor who is
also an orphan goes to the orphan allowance (2016 办法 art. 9). The amount is the
basic living standard (1.3 × 低保 by default, from the book) plus a care standard
by self-care tier and form, where the locality sets one (variant
``"care.<form>.<tier>"`` in the book).

>>> import datetime
>>> from minzheng.codes import Area
>>> from minzheng.money import Rate
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.RURAL,
...                                rate=Rate.yearly("5580"), effective=datetime.date(2025, 1, 1))])
>>> d = decide_tekun(example_elder_household(), "ELDER", on=datetime.date(2025, 6, 1), book=book)
>>> d.eligible, d.amount.yearly
(True, Decimal('7260'))
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable
from typing import Any

import attrs

from minzheng._bounds import MAX_AGE, within
from minzheng.codes import Area, DisabilityCategory, Relationship
from minzheng.codes._base import CodeEnum
from minzheng.dates import Month
from minzheng.money import Rate
from minzheng.people import (
    NO_PROPERTY_TEST,
    TEKUN_INCOME_POLICY,
    Household,
    IncomeItem,
    IncomePolicy,
    IncomeSource,
    Membership,
    Person,
    PropertyTest,
    WorkCapacity,
    countable_income,
)
from minzheng.people.income import PerCapitaIncome
from minzheng.programmes import Programme, SelfCareTier, TekunForm
from minzheng.rules import Citation, Decision, Instrument, Reason
from minzheng.standards import StandardsBook

__all__ = [
    "TEKUN_2016",
    "TEKUN_2021",
    "DailyActivity",
    "TekunPolicy",
    "TekunRules",
    "decide_tekun",
    "example_elder_household",
    "self_care_tier",
    "tekun_rules_on",
]

_ART14 = Citation(instrument=Instrument.INTERIM_MEASURES, article=14)


class DailyActivity(CodeEnum):
    """The six activities of the 特困 self-care test (DOMAIN.md §5.4).

    >>> DailyActivity.BATHING.term
    '洗澡'
    """

    EATING = "eating", "自主吃饭"
    DRESSING = "dressing", "穿衣"
    BED_TRANSFER = "bed_transfer", "上下床"
    TOILETING = "toileting", "如厕"
    INDOOR_WALKING = "indoor_walking", "室内行走"
    BATHING = "bathing", "洗澡"


def self_care_tier(failed: Iterable[DailyActivity]) -> SelfCareTier:
    """全自理 when all six are achieved; 半护理 for 1–3 not achieved (含3项); 全护理 for 4 or more.

    >>> self_care_tier([]), self_care_tier([DailyActivity.BATHING] * 1)
    (<SelfCareTier.SELF_CARE: 'self_care'>, <SelfCareTier.PARTIAL_CARE: 'partial_care'>)
    >>> self_care_tier([DailyActivity.BATHING, DailyActivity.DRESSING, DailyActivity.TOILETING,
    ...                 DailyActivity.EATING])
    <SelfCareTier.FULL_CARE: 'full_care'>
    """
    count = len(set(failed))
    if count == 0:
        return SelfCareTier.SELF_CARE
    return SelfCareTier.PARTIAL_CARE if count <= 3 else SelfCareTier.FULL_CARE


@attrs.frozen(kw_only=True)
class TekunRules:
    """One version of the 特困 recognition rules.

    ``disability_grades`` maps a category to the highest grade number (least severe)
    that counts as no capacity to work.

    >>> TEKUN_2021.disability_grades[DisabilityCategory.PHYSICAL]
    2
    """

    name: str
    instrument: Instrument
    effective: datetime.date
    elderly_age: int = attrs.field(default=60, validator=within(0, MAX_AGE))
    minor_age: int = attrs.field(default=16, validator=within(0, MAX_AGE))
    disability_grades: dict[DisabilityCategory, int] = attrs.field(factory=dict)
    minors_continue_to_18: bool = False
    in_school_extension: bool = False

    @property
    def citation(self) -> Citation:
        """The instrument of this version.

        >>> TEKUN_2016.citation.render("en")
        'Measures for Recognising People in Extreme Poverty (2016)'
        """
        return Citation(instrument=self.instrument)


TEKUN_2016 = TekunRules(
    name="特困人员认定办法（民发〔2016〕178号）",
    instrument=Instrument.TEKUN_RECOGNITION_2016,
    effective=datetime.date(2016, 10, 10),
    disability_grades={
        DisabilityCategory.INTELLECTUAL: 2,
        DisabilityCategory.MENTAL: 2,
        DisabilityCategory.PHYSICAL: 1,
    },
)
TEKUN_2021 = TekunRules(
    name="特困人员认定办法（2021年）",
    instrument=Instrument.TEKUN_RECOGNITION_2021,
    effective=datetime.date(2021, 7, 1),
    disability_grades={
        DisabilityCategory.INTELLECTUAL: 3,
        DisabilityCategory.MENTAL: 3,
        DisabilityCategory.PHYSICAL: 2,
        DisabilityCategory.VISUAL: 1,
    },
    minors_continue_to_18=True,
    in_school_extension=True,
)


def tekun_rules_on(
    on: datetime.date, versions: Collection[TekunRules] = (TEKUN_2016, TEKUN_2021)
) -> TekunRules:
    """The version in force on ``on`` (the latest whose effective date has come; else the earliest).

    >>> tekun_rules_on(datetime.date(2020, 1, 1)) is TEKUN_2016, tekun_rules_on(datetime.date(2025, 1, 1)) is TEKUN_2021
    (True, True)
    """
    ordered = sorted(versions, key=lambda v: v.effective)
    current = [v for v in ordered if v.effective <= on]
    return current[-1] if current else ordered[0]


@attrs.frozen(kw_only=True)
class TekunPolicy:
    """Local parameters of 特困.

    Attributes:
        versions: rule versions, chosen by date.
        income: what counts as income in the "no means of living" test.
        property_test: local property rule (default none).
        assessed_incapacity_counts: a person assessed 无劳动能力 counts even outside
            the listed cases (provincial rules); default ``True``.

    >>> TekunPolicy().assessed_incapacity_counts
    True
    """

    versions: tuple[TekunRules, ...] = (TEKUN_2016, TEKUN_2021)
    income: IncomePolicy = TEKUN_INCOME_POLICY
    property_test: PropertyTest = NO_PROPERTY_TEST
    assessed_incapacity_counts: bool = True


def _no_work_capacity(
    person: Person,
    on: datetime.date,
    rules: TekunRules,
    policy: TekunPolicy,
    already_supported: bool,
) -> Reason:
    cite = rules.citation
    label = person.label
    if person.birth_date is not None:
        age = person.age_on(on)
        if age >= rules.elderly_age:
            return Reason(
                code="tekun.elderly", params={"person": label, "age": age}, citation=cite, met=True
            )
        if age < rules.minor_age:
            return Reason(
                code="tekun.minor",
                params={"person": label, "limit": rules.minor_age},
                citation=cite,
                met=True,
            )
        if already_supported and rules.minors_continue_to_18 and age < 18:
            return Reason(
                code="tekun.minor_continues", params={"person": label}, citation=cite, met=True
            )
        if (
            already_supported
            and rules.in_school_extension
            and age >= 18
            and person.education is not None
            and person.education.is_school_level
        ):
            return Reason(
                code="tekun.in_school_extension", params={"person": label}, citation=cite, met=True
            )
    disability = person.disability
    if disability is not None:
        limit = rules.disability_grades.get(disability.category)
        if limit is not None and disability.grade.number <= limit:
            return Reason(
                code="tekun.disability",
                citation=cite,
                met=True,
                params={
                    "person": label,
                    "category": disability.category,
                    "grade": disability.grade,
                },
            )
    if policy.assessed_incapacity_counts and person.work_capacity is WorkCapacity.NONE:
        return Reason(
            code="tekun.disability",
            citation=Citation(instrument=Instrument.LOCAL_RULE),
            met=True,
            params={"person": label, "category": WorkCapacity.NONE, "grade": ""},
        )
    return Reason(
        code="tekun.has_work_capacity", params={"person": label}, citation=cite, met=False
    )


def decide_tekun(
    household: Household,
    person_id: str,
    *,
    on: datetime.date,
    book: StandardsBook,
    form: TekunForm = TekunForm.DISPERSED,
    failed_activities: Iterable[DailyActivity] = (),
    already_supported: bool = False,
    is_orphan: bool = False,
    policy: TekunPolicy = TekunPolicy(),
) -> Decision:
    """Decide 特困 support for one member of ``household`` on ``on``.

    Args:
        household: the household the person is registered in (obligors live on it).
        person_id: the applicant.
        on: decision date; picks the rule version.
        book: standards (特困 basic standard; care standards by variant).
        form: 集中 or 分散供养 — the person chooses (art. 19).
        failed_activities: daily activities the person cannot do unaided.
        already_supported: the person is already in 特困 support (minors to 18, in-school extension).
        is_orphan: the person also meets the orphan conditions (orphan allowance takes priority).
        policy: local parameters.

    >>> from minzheng.codes import Area
    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([
    ...     Standard(programme="dibao", division="620000", area=Area.RURAL, rate=Rate.monthly("465"),
    ...              effective=datetime.date(2025, 1, 1)),
    ...     Standard(programme="tekun", division="620000", area=Area.RURAL, variant="care.dispersed.full_care",
    ...              rate=Rate.monthly("412"), effective=datetime.date(2025, 1, 1))])
    >>> d = decide_tekun(example_elder_household(), "ELDER", on=datetime.date(2025, 6, 1), book=book,
    ...                  failed_activities=list(DailyActivity)[:4])
    >>> d.amount.amount
    Decimal('1017')
    """
    person = household.person(person_id)
    rules = tekun_rules_on(on, policy.versions)
    basic = book.amount(Programme.TEKUN, household.division, on=on, area=household.area)
    base: dict[str, Any] = {
        "programme": Programme.TEKUN,
        "on": on,
        "subject": person_id,
        "standard": basic,
        "rule_version": rules.name,
    }
    reasons: list[Reason] = [
        Reason(code="tekun.version", params={"version": rules.instrument}, citation=rules.citation)
    ]
    if is_orphan and person.birth_date is not None and person.is_minor_on(on):
        reasons.append(
            Reason(
                code="tekun.orphan_priority",
                params={"person": person.label},
                met=False,
                citation=Citation(instrument=Instrument.TEKUN_RECOGNITION_2016, article=9),
            )
        )
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    capacity = _no_work_capacity(person, on, rules, policy, already_supported)
    reasons.append(capacity)
    # (2) no means of living: own income below the 低保 standard, property within limits
    dibao = book.amount(Programme.DIBAO, household.division, on=on, area=household.area)
    own, excluded = countable_income(household.incomes, {person_id}, Month.of(on), policy.income)
    reasons.extend(excluded)
    income_ok = PerCapitaIncome(total=own, members=1).below(dibao.monthly)
    reasons.append(
        Reason(
            code="tekun.no_means" if income_ok else "tekun.has_means",
            met=income_ok,
            params={"person": person.label, "income": own, "standard": Rate.monthly(dibao.monthly)},
            citation=_ART14,
        )
    )
    property_ok, property_reasons = policy.property_test.check(
        assets=household.assets, members=1, standard=dibao.rate
    )
    if not property_ok:
        reasons.append(Reason(code="tekun.property_fails", citation=_ART14, met=False))
    reasons.extend(property_reasons)
    # (3) no obligor, or none able to perform
    obligors = household.obligors_of(person_id)
    obligors_ok = True
    if not obligors:
        reasons.append(
            Reason(
                code="tekun.no_obligor", params={"person": person.label}, citation=_ART14, met=True
            )
        )
    else:
        for obligor in obligors:
            if obligor.able is not False:
                obligors_ok = False
                code = "tekun.obligor_capable" if obligor.able else "tekun.obligor_not_assessed"
                reasons.append(
                    Reason(
                        code=code,
                        params={"obligor": obligor.person.label},
                        citation=rules.citation,
                        met=False,
                    )
                )
        if obligors_ok:
            reasons.append(
                Reason(
                    code="tekun.obligors_lack_capacity",
                    params={"person": person.label},
                    citation=rules.citation,
                    met=True,
                )
            )
    if not (capacity.met and income_ok and property_ok and obligors_ok):
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    tier = self_care_tier(failed_activities)
    reasons.append(
        Reason(
            code="tekun.self_care",
            params={"tier": tier, "failed": len(set(failed_activities))},
            citation=rules.citation,
        )
    )
    reasons.append(
        Reason(
            code="tekun.basic_standard",
            params={"standard": basic.rate},
            citation=Citation(instrument=Instrument.TEKUN_OPINION_2016),
        )
    )
    if basic.derived_from is not None:
        derivation = next(d for d in book.derivations if d.programme is Programme.TEKUN)
        reasons.append(derivation.reason(basic))
    total = basic.monthly
    care = book.find(
        Programme.TEKUN,
        household.division,
        on=on,
        area=household.area,
        variant=f"care.{form.value}.{tier.value}",
    )
    if care is None:
        reasons.append(
            Reason(
                code="tekun.care_standard_missing",
                params={"form": form, "tier": tier},
                citation=Citation(instrument=Instrument.LOCAL_RULE),
            )
        )
    else:
        total += care.monthly
        reasons.append(
            Reason(
                code="tekun.care_standard",
                params={"standard": care.rate, "form": form, "tier": tier},
                citation=Citation(instrument=Instrument.LOCAL_RULE),
            )
        )
    return Decision(eligible=True, amount=Rate.monthly(total), reasons=tuple(reasons), **base)


def example_elder_household() -> Household:
    """A 78-year-old living alone in rural 清水县 with a small pension and no obligor.

    >>> example_elder_household().head.person_id
    'ELDER'
    """
    elder = Person(person_id="ELDER", birth_date=datetime.date(1947, 3, 15))
    return Household(
        household_id="HH-ELDER",
        division="620521",
        area=Area.RURAL,
        members=(Membership(person=elder, relationship=Relationship.HEAD),),
        incomes=(
            IncomeItem(
                person_id="ELDER", source=IncomeSource.BASIC_PENSION, amount=Rate.monthly("153")
            ),
            IncomeItem(
                person_id="ELDER", source=IncomeSource.OTHER_TRANSFER, amount=Rate.monthly("100")
            ),
        ),
    )
