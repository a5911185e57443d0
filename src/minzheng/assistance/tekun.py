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
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal

import attrs

from minzheng._bounds import MAX_AGE, MAX_DAYS, within
from minzheng._validators import typed_fields
from minzheng.assistance.dibao import decide_dibao
from minzheng.codes import Area, CodeEnum, DisabilityCategory, Relationship
from minzheng.codes.relationship import RelationshipKind
from minzheng.dates import Month
from minzheng.money import TO_FEN, Rate, RoundingPolicy
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
from minzheng.people.person import AbsenceKind
from minzheng.privacy import repr_key
from minzheng.programmes import Programme, SelfCareTier, TekunForm
from minzheng.rules import Citation, Decision, Instrument, Ruling, as_date, in_force
from minzheng.standards import StandardsBook

__all__ = [
    "TEKUN_2016",
    "TEKUN_2021",
    "DailyActivity",
    "ObligorFacts",
    "ObligorIncapacity",
    "TekunPolicy",
    "TekunRules",
    "TekunTermination",
    "decide_tekun",
    "decide_tekun_termination",
    "example_elder_household",
    "self_care_tier",
    "tekun_rules_on",
]

_ART14 = Citation(instrument=Instrument.INTERIM_MEASURES, article=14)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)


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


class ObligorIncapacity(CodeEnum):
    """Why a legal obligor lacks the capacity to perform the duty (DOMAIN.md §5.2, 2021 办法).

    The grounds follow the 2021 wording as restated by Guizhou (the national
    wording is UNVERIFIED): the obligor is (a) a 特困 person; (b) a 低保 recipient
    aged 60+; (c) aged 70+ with own income below last year's local per-capita
    disposable income and property within limits; (d) severely disabled (grades
    1–2) or grade-3 intellectual/mental disabled, same income and property tests;
    (e) without civil capacity, declared missing or in prison (property within
    limits); (f) a ground the province adds.

    >>> ObligorIncapacity.DIBAO_ELDERLY.label("en")
    'Dibao recipient aged 60 or over'
    """

    TEKUN = "tekun", "特困人员"
    DIBAO_ELDERLY = "dibao_elderly", "60周岁以上的最低生活保障对象"
    ELDERLY_LOW_INCOME = (
        "elderly_low_income",
        "70周岁以上的老年人，收入低于上年度当地居民人均可支配收入",
    )
    DISABLED_LOW_INCOME = (
        "disabled_low_income",
        "重度残疾人和三级智力、精神残疾人，收入低于上年度当地居民人均可支配收入",
    )
    NO_CAPACITY = "no_capacity", "无民事行为能力、被宣告失踪或者在监狱服刑的人员"
    PROVINCIAL = "provincial", "省级人民政府规定的其他情形"


class TekunTermination(CodeEnum):
    """Grounds to end 特困 support (2021 办法, termination chapter; DOMAIN.md §5.5).

    >>> TekunTermination.WITHDRAWAL.label("en")
    'Voluntary withdrawal'
    """

    DEATH = "death", "死亡或者被宣告死亡、被宣告失踪"
    WORK_CAPACITY = "work_capacity", "具备或者恢复劳动能力"
    IMPRISONMENT = "imprisonment", "依法被判处刑罚，且在监狱服刑"
    MEANS = "means", "收入和财产状况不再符合规定条件"
    OBLIGOR_CAPABLE = (
        "obligor_capable",
        "法定义务人具有了履行义务能力或者新增具有履行义务能力的法定义务人",
    )
    WITHDRAWAL = "withdrawal", "自愿申请退出"

    @property
    def allows_transfer(self) -> bool:
        """Whether the person may still need 低保 or 临时救助 (not dead or in prison).

        >>> TekunTermination.MEANS.allows_transfer, TekunTermination.DEATH.allows_transfer
        (True, False)
        """
        return self not in (TekunTermination.DEATH, TekunTermination.IMPRISONMENT)


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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TekunRules:
    """One version of the 特困 recognition rules, with every statutory number it uses.

    ``disability_grades`` maps a category to the highest grade number (least severe)
    that counts as no capacity to work. The obligor-incapacity ages (60 for a 低保
    recipient, 70 otherwise), the 7-day publicity of a termination and the 15
    working days to decide an objection are the 2021 wording as restated
    (DOMAIN.md §5.2, §5.5).

    >>> TEKUN_2021.disability_grades[DisabilityCategory.PHYSICAL], TEKUN_2021.termination_publicity_days
    (2, 7)
    """

    name: str
    instrument: Instrument
    effective: datetime.date
    elderly_age: int = attrs.field(default=60, validator=within(0, MAX_AGE))
    minor_age: int = attrs.field(default=16, validator=within(0, MAX_AGE))
    adult_age: int = attrs.field(default=18, validator=within(0, MAX_AGE))
    disability_grades: dict[DisabilityCategory, int] = attrs.field(factory=dict)
    minors_continue_to_18: bool = False
    in_school_extension: bool = False
    obligor_dibao_age: int = attrs.field(default=60, validator=within(0, MAX_AGE))
    obligor_elderly_age: int = attrs.field(default=70, validator=within(0, MAX_AGE))
    termination_publicity_days: int = attrs.field(default=7, validator=within(0, MAX_DAYS))
    objection_working_days: int = attrs.field(default=15, validator=within(0, MAX_DAYS))

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
    return in_force(on, versions)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ObligorFacts:
    """What the bureau established about one legal obligor, to judge their capacity (§5.2).

    Attributes:
        person_id: the obligor.
        in_programmes: programmes the obligor is in (特困, 低保).
        income: the obligor's own income (``None`` = not established).
        property_within_limits: the obligor's property is within the low-income limits.
        no_civil_capacity: the obligor has no capacity for civil conduct.
        provincial_ground: a ground the province adds (cited as a local rule).

    >>> ObligorFacts(person_id="S", in_programmes=frozenset({Programme.TEKUN})).in_programmes
    frozenset({<Programme.TEKUN: 'tekun'>})
    """

    person_id: str = attrs.field(repr=repr_key)
    in_programmes: frozenset[Programme] = frozenset()
    income: Rate | None = None
    property_within_limits: bool = False
    no_civil_capacity: bool = False
    provincial_ground: bool = False


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TekunPolicy:
    """Local parameters of 特困.

    Attributes:
        versions: rule versions, chosen by date.
        income: what counts as income in the "no means of living" test.
        property_test: local property rule (default none), applied to the
            applicant's own assets and their spouse's.
        assessed_incapacity_counts: a person assessed 无劳动能力 counts even outside
            the listed cases (provincial rules); default ``True``.
        disposable_income_last_year: last year's local per-capita disposable income
            (the obligor-incapacity income test; without it grounds (c) and (d) cannot hold).
        rounding: how a yearly standard that does not divide by 12 becomes monthly.

    >>> TekunPolicy().assessed_incapacity_counts
    True
    """

    versions: tuple[TekunRules, ...] = (TEKUN_2016, TEKUN_2021)
    income: IncomePolicy = TEKUN_INCOME_POLICY
    property_test: PropertyTest = NO_PROPERTY_TEST
    assessed_incapacity_counts: bool = True
    disposable_income_last_year: Rate | None = None
    rounding: RoundingPolicy = TO_FEN


def _no_work_capacity(
    ruling: Ruling, person: Person, rules: TekunRules, policy: TekunPolicy, supported: bool
) -> bool:
    """Condition (1): no capacity to work — by age, disability grade or assessment."""
    label, on = person.label, ruling.on
    age = person.age_on(on) if person.birth_date is not None else None
    if age is not None and age >= rules.elderly_age:
        return ruling.check(True, "tekun.elderly", person=label, age=age)
    if age is not None and age < rules.minor_age:
        return ruling.check(True, "tekun.minor", person=label, limit=rules.minor_age)
    if age is not None and supported and rules.minors_continue_to_18 and age < rules.adult_age:
        return ruling.check(True, "tekun.minor_continues", person=label)
    at_school = person.education is not None and person.education.is_school_level
    if age is not None and supported and rules.in_school_extension and at_school:
        return ruling.check(True, "tekun.in_school_extension", person=label)
    disability = person.disability
    limit = rules.disability_grades.get(disability.category) if disability else None
    if disability is not None and limit is not None and disability.grade.number <= limit:
        return ruling.check(
            True,
            "tekun.disability",
            person=label,
            category=disability.category,
            grade=disability.grade,
        )
    if policy.assessed_incapacity_counts and person.work_capacity is WorkCapacity.NONE:
        return ruling.check(
            True,
            "tekun.disability",
            citation=_LOCAL,
            person=label,
            category=WorkCapacity.NONE,
            grade="",
        )
    return ruling.check(False, "tekun.has_work_capacity", person=label)


def _spouse_of(household: Household, person_id: str, on: datetime.date) -> str | None:
    """The applicant's spouse in the household (relationships are to the head)."""
    active = [m for m in household.members if m.member_on(on)]
    own = next(m for m in active if m.person.person_id == person_id)
    if own.relationship.kind is RelationshipKind.SELF:
        wanted = RelationshipKind.SPOUSE
    elif own.relationship.kind is RelationshipKind.SPOUSE:
        wanted = RelationshipKind.SELF
    else:
        return None
    return next((m.person.person_id for m in active if m.relationship.kind is wanted), None)


def _means_test(
    ruling: Ruling, household: Household, person: Person, book: StandardsBook, policy: TekunPolicy
) -> bool:
    """Condition (2): own income below the 低保 standard; own (and spouse's) property within limits."""
    dibao = book.amount(Programme.DIBAO, household.division, on=ruling.on, area=household.area)
    monthly = ruling.monthly(dibao.rate, policy.rounding)
    own, excluded = countable_income(
        household.incomes, {person.person_id}, Month.of(ruling.on), policy.income
    )
    ruling.extend(excluded)
    income_ok = ruling.check(
        PerCapitaIncome(total=own, members=1).below(monthly),
        "tekun.no_means",
        "tekun.has_means",
        citation=_ART14,
        person=person.label,
        income=own,
        standard=Rate.monthly(monthly),
    )
    owners = {person.person_id, _spouse_of(household, person.person_id, ruling.on)} - {None}
    assets = [a for a in household.assets if a.owner in owners]
    property_ok, property_reasons = policy.property_test.check(
        assets=assets, members=len(owners), standard=dibao.rate
    )
    if not property_ok:
        ruling.check(False, "tekun.property_fails", citation=_ART14)
    ruling.extend(property_reasons)
    return income_ok and property_ok


def _household_children(household: Household, person_id: str, on: datetime.date) -> list[Person]:
    """Adult children of the applicant registered in the same household (赡养义务人)."""
    active = [m for m in household.members if m.member_on(on)]
    own = next(m for m in active if m.person.person_id == person_id)
    if own.relationship.kind in (RelationshipKind.SELF, RelationshipKind.SPOUSE):
        kinds = {RelationshipKind.CHILD}
    elif own.relationship.kind is RelationshipKind.PARENT:
        kinds = {RelationshipKind.SELF, RelationshipKind.SIBLING}
    else:
        kinds = set()
    return [
        m.person
        for m in active
        if m.relationship.kind in kinds
        and m.person.person_id != person_id
        and m.person.birth_date is not None
        and not m.person.is_minor_on(on)
    ]


def _incapacity(
    obligor: Person,
    facts: ObligorFacts | None,
    rules: TekunRules,
    policy: TekunPolicy,
    on: datetime.date,
) -> ObligorIncapacity | None:
    """The §5.2 ground on which ``obligor`` cannot perform the duty, if one holds."""
    if facts is None:
        return None
    age = obligor.age_on(on) if obligor.birth_date is not None else None
    line = policy.disposable_income_last_year
    poor = (
        facts.income is not None and line is not None and facts.income < line
    ) and facts.property_within_limits
    disability = obligor.disability
    absent = obligor.absence_on(on)
    grounds = {
        ObligorIncapacity.TEKUN: Programme.TEKUN in facts.in_programmes,
        ObligorIncapacity.DIBAO_ELDERLY: Programme.DIBAO in facts.in_programmes
        and age is not None
        and age >= rules.obligor_dibao_age,
        ObligorIncapacity.ELDERLY_LOW_INCOME: poor
        and age is not None
        and age >= rules.obligor_elderly_age,
        ObligorIncapacity.DISABLED_LOW_INCOME: poor
        and disability is not None
        and (disability.is_severe or disability.is_grade3_intellectual_or_mental),
        ObligorIncapacity.NO_CAPACITY: facts.property_within_limits
        and (
            facts.no_civil_capacity
            or (
                absent is not None
                and absent.kind in (AbsenceKind.SENTENCE, AbsenceKind.DECLARED_MISSING)
            )
        ),
        ObligorIncapacity.PROVINCIAL: facts.provincial_ground,
    }
    return next((ground for ground, holds in grounds.items() if holds), None)


def _obligor_test(
    ruling: Ruling,
    household: Household,
    person: Person,
    facts: Sequence[ObligorFacts],
    rules: TekunRules,
    policy: TekunPolicy,
) -> bool:
    """Condition (3): no legal obligor, or none able to perform (grounds of §5.2)."""
    recorded = {
        o.person.person_id: (o.person, o.able) for o in household.obligors_of(person.person_id)
    }
    for child in _household_children(household, person.person_id, ruling.on):
        recorded.setdefault(child.person_id, (child, None))
        ruling.note("tekun.obligor_in_household", obligor=child.label, person=person.label)
    if not recorded:
        return ruling.check(True, "tekun.no_obligor", citation=_ART14, person=person.label)
    by_id = {f.person_id: f for f in facts}
    all_unable = True
    for obligor_id, (obligor, able) in recorded.items():
        known = by_id.get(obligor_id)
        ground = _incapacity(obligor, known, rules, policy, ruling.on)
        if ground is not None:
            cite = _LOCAL if ground is ObligorIncapacity.PROVINCIAL else None
            ruling.check(
                True,
                "tekun.obligor_lacks_capacity",
                citation=cite,
                obligor=obligor.label,
                ground=ground,
            )
            continue
        all_unable = False
        assessed = known is not None or able is True
        ruling.check(
            False,
            "tekun.obligor_capable" if assessed else "tekun.obligor_not_assessed",
            obligor=obligor.label,
        )
    if all_unable:
        ruling.check(True, "tekun.obligors_lack_capacity", person=person.label)
    return all_unable


def _amount(
    ruling: Ruling,
    household: Household,
    book: StandardsBook,
    form: TekunForm,
    failed: frozenset[DailyActivity],
    policy: TekunPolicy,
) -> Decimal:
    """The basic living standard plus the care standard of the person's tier and form."""
    basic = ruling.standard
    assert basic is not None
    tier = self_care_tier(failed)
    ruling.note("tekun.self_care", tier=tier, failed=len(failed))
    ruling.note(
        "tekun.basic_standard",
        citation=Citation(instrument=Instrument.TEKUN_OPINION_2016),
        standard=basic.rate,
    )
    if basic.derived_from is not None:
        derivation = next(d for d in book.derivations if d.programme is Programme.TEKUN)
        ruling.extend([derivation.reason(basic)])
    total = ruling.monthly(basic.rate, policy.rounding)
    variant = f"care.{form.value}.{tier.value}"
    care = book.find(
        Programme.TEKUN, household.division, on=ruling.on, area=household.area, variant=variant
    )
    if care is None:
        ruling.note("tekun.care_standard_missing", citation=_LOCAL, form=form, tier=tier)
        return total
    ruling.note("tekun.care_standard", citation=_LOCAL, standard=care.rate, form=form, tier=tier)
    return total + ruling.monthly(care.rate, policy.rounding)


def _open(
    household: Household,
    person_id: str,
    on: datetime.date,
    book: StandardsBook,
    policy: TekunPolicy,
) -> tuple[Ruling, TekunRules]:
    rules = in_force(as_date(on), policy.versions)
    ruling = Ruling(
        matter=Programme.TEKUN,
        on=on,
        subject=person_id,
        citation=rules.citation,
        rule_version=rules.name,
    )
    household.person(person_id)  # an unknown applicant is refused before any lookup
    ruling.standard = book.amount(Programme.TEKUN, household.division, on=on, area=household.area)
    ruling.note("tekun.version", version=rules.instrument)
    return ruling, rules


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
    obligor_facts: Iterable[ObligorFacts] = (),
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
        obligor_facts: what was established about each obligor; an obligor lacks
            capacity only on a ground of DOMAIN.md §5.2 (:class:`ObligorIncapacity`).
            Adult children registered in the household are obligors whether or not
            an :class:`~minzheng.people.Obligor` record names them.
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
    ruling, rules = _open(household, person_id, on, book, policy)
    person = household.person(person_id)
    if is_orphan and person.birth_date is not None and person.is_minor_on(on):
        return ruling.deny("tekun.orphan_priority", person=person.label)
    capable = _no_work_capacity(ruling, person, rules, policy, already_supported)
    means_ok = _means_test(ruling, household, person, book, policy)
    obligors_ok = _obligor_test(ruling, household, person, tuple(obligor_facts), rules, policy)
    if not (capable and means_ok and obligors_ok):
        return ruling.decide(False)
    amount = _amount(ruling, household, book, form, frozenset(failed_activities), policy)
    return ruling.decide(True, amount=Rate.monthly(amount))


def decide_tekun_termination(
    household: Household,
    person_id: str,
    *,
    on: datetime.date,
    grounds: Collection[TekunTermination],
    publicity_start: datetime.date,
    book: StandardsBook,
    objection: bool = False,
    policy: TekunPolicy = TekunPolicy(),
) -> Decision:
    """End 特困 support: grounds, the 7-day publicity, and transfer to 低保 or 临时救助 (§5.5).

    A proposed termination is published for 7 days from ``publicity_start``; with
    no objection the county bureau decides and support stops from the next month
    (``valid_until`` is the last day paid). An objection must be investigated and
    decided within 15 working days: support continues meanwhile. A person
    terminated who still qualifies for 低保 is transferred to it; otherwise (unless
    dead or in prison) referred to 临时救助. No ground, or a decision before the
    publicity ends, raises :class:`~minzheng.errors.RuleViolation`.

    >>> from minzheng.money import Rate
    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.RURAL,
    ...                                rate=Rate.monthly("465"), effective=datetime.date(2025, 1, 1))])
    >>> d = decide_tekun_termination(example_elder_household(), "ELDER", on=datetime.date(2025, 6, 10),
    ...     grounds=[TekunTermination.WITHDRAWAL], publicity_start=datetime.date(2025, 6, 1), book=book)
    >>> d.eligible, d.valid_until, d.reason_codes()[-1]
    (False, datetime.date(2025, 6, 30), 'tekun.transfer_dibao')
    """
    ruling, rules = _open(household, person_id, on, book, policy)
    person = household.person(person_id)
    chosen = sorted({TekunTermination.from_code(g) for g in grounds})
    if not chosen:
        ruling.refuse("tekun.no_grounds", field="grounds", person=person.label)
    ends = as_date(publicity_start, "publicity_start") + datetime.timedelta(
        days=rules.termination_publicity_days - 1
    )
    if on <= ends:
        ruling.refuse("tekun.publicity_running", field="on", ends=ends, on=on)
    ruling.note(
        "tekun.termination_notice",
        days=rules.termination_publicity_days,
        start=publicity_start,
        ends=ends,
    )
    if objection:
        ruling.check(False, "tekun.termination_objection", days=rules.objection_working_days)
        return ruling.decide(True)
    last = Month.of(on).last_day
    ruling.check(True, "tekun.terminated", grounds=chosen, since=last + datetime.timedelta(days=1))
    if all(g.allows_transfer for g in chosen):
        dibao = decide_dibao(household, on=on, book=book)
        code = "tekun.transfer_dibao" if dibao.eligible else "tekun.transfer_temporary"
        ruling.note(code, person=person.label)
    return ruling.decide(False, valid_until=last)


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
