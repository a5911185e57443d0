"""最低生活保障 (低保): eligibility, the difference amount, 分类施保, 单人户, reviews, 渐退期.

Interim Measures art. 9: a household qualifies when the per-capita income of its
co-resident members is below the local standard and it meets the local property
rules; art. 12: the bureau pays monthly the difference between the standard and
the per-capita income, times the members (DOMAIN.md §4.2, §4.5). Local extras —
分类施保 supplements, employment-cost deductions, property limits, the review
cycle and the 渐退期 length — are policy parameters.

Worked example (§4.5): a household of four, husband's wage 1,600 and father's
pension 400 (his residents' basic pension excluded): 2,000 / 4 = 500 per head;
(715 − 500) × 4 = 860 a month.

>>> import datetime
>>> from minzheng.standards import Standard, StandardsBook
>>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
...                                rate=Rate.yearly("8580"), effective=datetime.date(2025, 1, 1))])
>>> decision = decide_dibao(example_household(), on=datetime.date(2025, 3, 1), book=book)
>>> decision.eligible, decision.amount
(True, Rate(amount=Decimal('860.00'), period=<Period.MONTH: 'month'>))
>>> print(decision.explain("en").splitlines()[1])
Amount: CNY 860 per month
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from minzheng._bounds import MAX_AGE, MAX_MONTHS, within
from minzheng._validators import typed_fields
from minzheng.codes import Area, CodeEnum, Relationship
from minzheng.dates import Month
from minzheng.errors import InvalidValue
from minzheng.money import TO_FEN, Rate, RoundingPolicy, finite_amount
from minzheng.people import (
    DIBAO_INCOME_POLICY,
    NO_PROPERTY_TEST,
    Household,
    IncomeItem,
    IncomePolicy,
    IncomeSource,
    Membership,
    PerCapitaIncome,
    Person,
    PropertyTest,
    WorkCapacity,
    countable_income,
)
from minzheng.programmes import Programme
from minzheng.rules import Citation, Decision, Instrument, Ruling, in_force, refusal
from minzheng.standards import StandardsBook, StandardUsed

__all__ = [
    "DEFAULT_DIBAO_POLICY",
    "DIBAO_2021",
    "DibaoPolicy",
    "DibaoRules",
    "GradualExitCategory",
    "SinglePersonCategory",
    "Supplement",
    "SupplementCategory",
    "decide_dibao",
    "decide_dibao_single_person",
    "decide_dibao_termination",
    "decide_dibao_with_gradual_exit",
    "dibao_termination_grounds",
    "example_edge_household",
    "example_household",
    "review_months",
]

_ART9 = Citation(instrument=Instrument.INTERIM_MEASURES, article=9)
_ART12 = Citation(instrument=Instrument.INTERIM_MEASURES, article=12)
_ART13 = Citation(instrument=Instrument.INTERIM_MEASURES, article=13)
_REVIEW = Citation(instrument=Instrument.DIBAO_REVIEW_MEASURES)
_SINGLE = Citation(
    instrument=Instrument.BASIC_LIVING_NOTICE_2020, note="单人户; article number UNVERIFIED"
)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)
RULE_VERSION = "最低生活保障审核确认办法（民发〔2021〕57号）"
_CYCLES = frozenset({1, 2, 3, 4, 6, 12})


class SupplementCategory(CodeEnum):
    """Members 分类施保 commonly adds to (local, UNVERIFIED nationally — DOMAIN.md §4.5).

    >>> SupplementCategory.SEVERE_DISABILITY.label("en")
    'Severely disabled'
    """

    ELDERLY = "elderly", "老年人"
    MINOR = "minor", "未成年人"
    SEVERE_DISABILITY = "severe_disability", "重度残疾人"
    SERIOUS_ILLNESS = "serious_illness", "重病患者"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Supplement:
    """A 分类施保 supplement: a share of the standard (or a fixed rate) for qualifying members.

    >>> s = Supplement(category=SupplementCategory.ELDERLY, share=Decimal("0.1"), elderly_age=70)
    >>> s.applies(Person(person_id="X", birth_date=datetime.date(1950, 1, 1)), datetime.date(2025, 1, 1))
    True
    """

    category: SupplementCategory
    share: Decimal | None = attrs.field(default=None, validator=finite_amount)
    fixed: Rate | None = None
    elderly_age: int = attrs.field(default=60, validator=within(0, MAX_AGE))

    def applies(self, person: Person, on: datetime.date) -> bool:
        """Whether ``person`` is in this supplement's category on ``on``.

        >>> minors = Supplement(category=SupplementCategory.MINOR, share=Decimal("0.1"))
        >>> minors.applies(Person(person_id="X"), datetime.date(2025, 1, 1))
        False
        """
        if self.category is SupplementCategory.ELDERLY:
            return person.birth_date is not None and person.age_on(on) >= self.elderly_age
        if self.category is SupplementCategory.MINOR:
            return person.birth_date is not None and person.is_minor_on(on)
        if self.category is SupplementCategory.SEVERE_DISABILITY:
            return person.disability is not None and person.disability.is_severe
        return person.serious_illness

    def monthly(self, standard: Decimal) -> Decimal:
        """The monthly supplement given the monthly standard.

        >>> Supplement(category=SupplementCategory.MINOR, share=Decimal("0.2")).monthly(Decimal("715"))
        Decimal('143.0')
        """
        if self.fixed is not None:
            return self.fixed.to("month", rounding=TO_FEN).amount
        return standard * (self.share or Decimal(0))


class SinglePersonCategory(CodeEnum):
    """Who may be covered on their own (单人户施保, DOMAIN.md §4.6).

    >>> SinglePersonCategory.GRADE3_INTELLECTUAL_OR_MENTAL.label("en")
    'Grade 3 intellectual or mental disability'
    """

    SEVERE_DISABILITY = "severe_disability", "一级、二级重度残疾人"
    GRADE3_INTELLECTUAL_OR_MENTAL = (
        "grade3_intellectual_or_mental",
        "三级智力残疾人、三级精神残疾人",
    )
    SERIOUS_ILLNESS = "serious_illness", "重特大疾病患者"
    CLERGY = "clergy", "脱离家庭三年以上的宗教教职人员"
    ADULT_UNEMPLOYED_SEVERE = "adult_unemployed_severe", "成年无业重度残疾人"


class GradualExitCategory(CodeEnum):
    """Why a household's income rose — local rules set the 渐退期 length per case (DOMAIN.md §4.8).

    Ganzhou, for instance: 6–12 months for graduates who start work, 2 years for
    referred hard-to-employ households, 3 years for referred disabled workers.

    >>> GradualExitCategory.DISABLED_WORKER.label("en")
    'Disabled person in work'
    """

    GENERAL = "general", "一般情形"
    GRADUATE = "graduate", "高校毕业生就业"
    HARD_TO_EMPLOY = "hard_to_employ", "就业困难人员就业"
    DISABLED_WORKER = "disabled_worker", "残疾人就业"


def _check_cycle(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or value not in _CYCLES:
        raise InvalidValue("value.invalid", field=attribute.name, value=value)


def _check_cycles(_: object, attribute: attrs.Attribute[Any], value: Mapping[Area, int]) -> None:
    for months in value.values():
        _check_cycle(None, attribute, months)


def _check_positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    values = value.values() if isinstance(value, Mapping) else [value]
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise InvalidValue("value.invalid", field=attribute.name, value=v)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DibaoRules:
    """One version of the national 低保 procedure rules: the review cycles of the 2021 办法.

    Households whose finances change little are checked once a year; households
    with unstable income and members able to work every six months (2021 办法,
    DOMAIN.md §4.8). The effective date (2021-07-01) is UNVERIFIED.

    >>> DIBAO_2021.review_months_unstable, DIBAO_2021.citation.render("en")
    (6, 'Measures for the Review and Confirmation of the Minimum Living Allowance')
    """

    name: str
    instrument: Instrument
    effective: datetime.date
    review_months_stable: int = attrs.field(default=12, validator=_check_cycle)
    review_months_unstable: int = attrs.field(default=6, validator=_check_cycle)

    @property
    def citation(self) -> Citation:
        """The instrument of this version.

        >>> DIBAO_2021.citation.instrument is Instrument.DIBAO_REVIEW_MEASURES
        True
        """
        return Citation(instrument=self.instrument)


DIBAO_2021 = DibaoRules(
    name=RULE_VERSION,
    instrument=Instrument.DIBAO_REVIEW_MEASURES,
    effective=datetime.date(2021, 7, 1),
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class DibaoPolicy:
    """The local parameters of 低保.

    Attributes:
        income: what counts as income (exclusions, employment deduction).
        property_test: the local property rule (default: none configured).
        supplements: 分类施保 supplements (default: none); they apply to 单人户 too.
        rounding: rounding of the monthly amount, and of a yearly standard that does
            not divide by 12 (default: to the fen).
        half_yearly_review: check households with members able to work and unstable
            income more often than yearly; ``False`` checks all yearly.
        unstable_review_months: local cycle for those households by area (e.g. the
            Xianyang tiering: urban every 3 months, rural every 6); default the national 6.
        single_person_categories: who may be covered alone.
        gradual_exit_months: length of the 渐退期 (default 6; local — DOMAIN.md §4.8).
        gradual_exit_by_category: local 渐退期 lengths by why the income rose.
        versions: national rule versions, chosen by date.

    >>> DEFAULT_DIBAO_POLICY.gradual_exit_months
    6
    """

    income: IncomePolicy = DIBAO_INCOME_POLICY
    property_test: PropertyTest = NO_PROPERTY_TEST
    supplements: tuple[Supplement, ...] = ()
    rounding: RoundingPolicy = TO_FEN
    half_yearly_review: bool = True
    unstable_review_months: Mapping[Area, int] = attrs.field(factory=dict, validator=_check_cycles)
    single_person_categories: frozenset[SinglePersonCategory] = frozenset(SinglePersonCategory)
    gradual_exit_months: int = attrs.field(
        default=6, validator=[_check_positive, within(0, MAX_MONTHS)]
    )
    gradual_exit_by_category: Mapping[GradualExitCategory, int] = attrs.field(
        factory=dict, validator=_check_positive
    )
    versions: tuple[DibaoRules, ...] = (DIBAO_2021,)


DEFAULT_DIBAO_POLICY = DibaoPolicy()


def review_months(
    household: Household, on: datetime.date, *, policy: DibaoPolicy = DEFAULT_DIBAO_POLICY
) -> int:
    """How often the household is checked: more often with a member able to work and unstable income.

    The national cycles are 12 and 6 months (:class:`DibaoRules`); a local rule
    may check such households quarterly (``policy.unstable_review_months``).

    >>> review_months(example_household(), datetime.date(2025, 3, 1))
    12
    """
    rules = in_force(on, policy.versions)
    members = household.included_on(on)
    ids = {p.person_id for p in members}
    month = Month.of(on)
    unstable = any(
        not i.stable for i in household.incomes if i.person_id in ids and i.in_month(month)
    )
    able = any(p.work_capacity is WorkCapacity.FULL for p in members)
    if not (policy.half_yearly_review and unstable and able):
        return rules.review_months_stable
    return policy.unstable_review_months.get(household.area, rules.review_months_unstable)


def _open(
    household: Household, on: datetime.date, book: StandardsBook, subject: str, policy: DibaoPolicy
) -> tuple[Ruling, StandardUsed, Decimal]:
    """A 低保 ruling, the standard applied, and the monthly standard (any rounding noted)."""
    ruling = Ruling(
        matter=Programme.DIBAO, on=on, subject=subject, citation=_ART9, rule_version=RULE_VERSION
    )
    standard = book.amount(Programme.DIBAO, household.division, on=on, area=household.area)
    ruling.standard = standard
    return ruling, standard, ruling.monthly(standard.rate, policy.rounding)


def _means(
    ruling: Ruling, household: Household, ids: set[str], policy: DibaoPolicy
) -> tuple[Decimal, PerCapitaIncome]:
    """Countable monthly income of ``ids`` (exclusions recorded) and its per-capita figure."""
    total, excluded = countable_income(household.incomes, ids, Month.of(ruling.on), policy.income)
    ruling.extend(excluded)
    return total, PerCapitaIncome(total=total, members=len(ids))


def _income_test(ruling: Ruling, pc: PerCapitaIncome, monthly: Decimal) -> bool:
    return ruling.check(
        pc.below(monthly),
        "dibao.income_below_standard",
        "dibao.income_not_below_standard",
        citation=_ART9,
        income=pc.rounded(),
        standard=Rate.monthly(monthly),
    )


def _amount(
    ruling: Ruling,
    members: Sequence[Person],
    total: Decimal,
    monthly: Decimal,
    policy: DibaoPolicy,
) -> Decimal:
    """Art. 12 difference (or full amount) plus the 分类施保 supplements, each reason recorded."""
    amount = policy.rounding(monthly * len(members) - total)
    if total == 0:
        ruling.check(True, "dibao.full_amount", citation=_ART12)
    else:
        pc = PerCapitaIncome(total=total, members=len(members))
        ruling.check(
            True,
            "dibao.difference",
            citation=_ART12,
            standard_amount=monthly,
            income=pc.rounded(),
            members=len(members),
            amount=amount,
        )
    for person in members:
        for supplement in policy.supplements:
            if supplement.applies(person, ruling.on):
                extra = policy.rounding(supplement.monthly(monthly))
                amount += extra
                ruling.check(
                    True,
                    "dibao.supplement",
                    citation=_LOCAL,
                    person=person.label,
                    category=supplement.category,
                    amount=extra,
                )
    return amount


def _note_review(ruling: Ruling, months: int) -> None:
    if months in (6, 12):
        code = "dibao.review_half_yearly" if months == 6 else "dibao.review_yearly"
        ruling.note(code, citation=_REVIEW)
    else:
        ruling.note("dibao.review_every", citation=_LOCAL, months=months)


def decide_dibao(
    household: Household,
    *,
    on: datetime.date,
    book: StandardsBook,
    policy: DibaoPolicy = DEFAULT_DIBAO_POLICY,
) -> Decision:
    """Decide 低保 for ``household`` on ``on`` with the standards in ``book``.

    The decision lists why each person counts or not, the excluded incomes, the
    income and property tests, and how the amount was computed. A yearly
    standard that does not divide by 12 is rounded to a monthly one by
    ``policy.rounding`` and the rounding is named in the reasons.

    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> decide_dibao(example_household(wage="3000"), on=datetime.date(2025, 3, 1), book=book).eligible
    False
    """
    ruling, standard, monthly = _open(household, on, book, household.household_id, policy)
    decisions = household.members_on(on)
    ruling.extend(d.reason for d in decisions)
    members = [d.person for d in decisions if d.included]
    if not members:
        return ruling.deny("dibao.no_members")
    total, pc = _means(ruling, household, {p.person_id for p in members}, policy)
    income_ok = _income_test(ruling, pc, monthly)
    property_ok, property_reasons = policy.property_test.check(
        assets=household.assets, members=len(members), standard=standard.rate
    )
    ruling.extend(property_reasons)
    if not (income_ok and property_ok):
        return ruling.decide(False)
    amount = _amount(ruling, members, total, monthly, policy)
    months = review_months(household, on, policy=policy)
    _note_review(ruling, months)
    return ruling.decide(True, amount=Rate.monthly(amount), review_months=months)


def _single_category(
    person: Person, on: datetime.date, allowed: frozenset[SinglePersonCategory]
) -> SinglePersonCategory | None:
    disability = person.disability
    severe = disability is not None and disability.is_severe
    candidates = {
        SinglePersonCategory.SEVERE_DISABILITY: severe,
        SinglePersonCategory.GRADE3_INTELLECTUAL_OR_MENTAL: disability is not None
        and disability.is_grade3_intellectual_or_mental,
        SinglePersonCategory.SERIOUS_ILLNESS: person.serious_illness,
        SinglePersonCategory.CLERGY: (absence := person.absence_on(on)) is not None
        and absence.kind.value == "clergy_apart",
        SinglePersonCategory.ADULT_UNEMPLOYED_SEVERE: severe
        and person.unemployed
        and person.birth_date is not None
        and not person.is_minor_on(on),
    }
    return next((c for c, ok in candidates.items() if ok and c in allowed), None)


def _edge_test(
    ruling: Ruling, household: Household, book: StandardsBook, monthly: Decimal, policy: DibaoPolicy
) -> bool:
    """Whether the household is a 低保边缘 household (per capita ≥ standard, < edge line)."""
    on = ruling.on
    members = household.included_on(on)
    total, _ = countable_income(
        household.incomes, {p.person_id for p in members}, Month.of(on), policy.income
    )
    pc = PerCapitaIncome(total=total, members=len(members))
    edge = book.amount(Programme.DIBAO_EDGE, household.division, on=on, area=household.area)
    line = edge.rate.to("month", rounding=policy.rounding).amount
    if pc.below(monthly) or not pc.below(line):
        return ruling.check(False, "dibao.single_person_not_edge", citation=_SINGLE)
    return ruling.check(
        True,
        "edge.below_line",
        citation=_SINGLE,
        income=pc.rounded(),
        line=edge.rate,
        multiple=edge.multiple or Decimal("1.5"),
    )


def decide_dibao_single_person(
    household: Household,
    person_id: str,
    *,
    on: datetime.date,
    book: StandardsBook,
    policy: DibaoPolicy = DEFAULT_DIBAO_POLICY,
) -> Decision:
    """单人户施保: cover one member of a 低保边缘 household on their own (DOMAIN.md §4.6).

    The household must be a 低保边缘 household (per-capita income at or above the
    低保 standard but below the edge line) — except clergy living apart — and the
    person in a category the policy allows; the person is then a household of one,
    with the local 分类施保 supplements as for any household.

    Worked example (§4.6): a 30-year-old with a grade-2 physical disability, no
    income, living with parents whose per-capita income is 900 (715 ≤ 900 < 1,072.5):
    715 − 0 = 715 a month.

    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> d = decide_dibao_single_person(example_edge_household(), "SON", on=datetime.date(2025, 3, 1), book=book)
    >>> d.eligible, d.amount.amount, d.subject
    (True, Decimal('715.00'), 'SON')
    """
    ruling, _, monthly = _open(household, on, book, person_id, policy)
    person = household.person(person_id)
    ruling.citation = _SINGLE
    category = _single_category(person, on, policy.single_person_categories)
    if category is None:
        return ruling.deny("dibao.single_person_category_missing", person=person.label)
    if category is not SinglePersonCategory.CLERGY and not _edge_test(
        ruling, household, book, monthly, policy
    ):
        return ruling.decide(False)
    ruling.check(True, "dibao.single_person", person=person.label, category=category)
    own, pc = _means(ruling, household, {person_id}, policy)
    if not _income_test(ruling, pc, monthly):
        return ruling.decide(False)
    amount = _amount(ruling, [person], own, monthly, policy)
    rules = in_force(on, policy.versions)
    return ruling.decide(
        True, amount=Rate.monthly(amount), review_months=rules.review_months_stable
    )


def decide_dibao_with_gradual_exit(
    household: Household,
    *,
    on: datetime.date,
    book: StandardsBook,
    previous: Rate,
    income_rose_in: Month,
    category: GradualExitCategory = GradualExitCategory.GENERAL,
    policy: DibaoPolicy = DEFAULT_DIBAO_POLICY,
) -> Decision:
    """低保 for a recipient household whose income rose above the line after a member found work.

    The household keeps ``previous`` for the 渐退期 from the month the income rose
    (DOMAIN.md §4.8 — the length is local: ``policy.gradual_exit_by_category`` for
    ``category``, else ``policy.gradual_exit_months``, 6 by default). If income
    falls below the standard again the ordinary decision applies.

    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> hh = example_household(wage="3600")
    >>> d = decide_dibao_with_gradual_exit(hh, on=datetime.date(2025, 8, 1), book=book,
    ...                                    previous=Rate.monthly("860"), income_rose_in=Month(2025, 3))
    >>> d.eligible, d.amount.amount, d.reason_codes()[-1]
    (True, Decimal('860'), 'dibao.gradual_exit')
    >>> decide_dibao_with_gradual_exit(hh, on=datetime.date(2025, 9, 1), book=book,
    ...     previous=Rate.monthly("860"), income_rose_in=Month(2025, 3)).eligible
    False
    """
    ordinary = decide_dibao(household, on=on, book=book, policy=policy)
    ruling = Ruling.reopen(ordinary, citation=_LOCAL)
    if ordinary.eligible:
        ruling.note("dibao.below_standard_again", citation=_REVIEW)
        return ruling.decide(True, amount=ordinary.amount, review_months=ordinary.review_months)
    category = GradualExitCategory.from_code(category)
    months = policy.gradual_exit_by_category.get(category, policy.gradual_exit_months)
    last = income_rose_in + (months - 1)
    property_failed = "dibao.property_fails" in ordinary.reason_codes()
    if property_failed or Month.of(on) > last:
        return ruling.deny("dibao.gradual_exit_ended", until=last.last_day)
    if category is not GradualExitCategory.GENERAL:
        ruling.note("dibao.gradual_exit_category", category=category, months=months)
    ruling.check(
        True,
        "dibao.gradual_exit",
        citation=Citation(instrument=Instrument.REFORM_OPINION_2020),
        months=months,
        until=last.last_day,
    )
    return ruling.decide(True, amount=previous)


def decide_dibao_termination(
    household: Household, *, on: datetime.date, written_reasons: str
) -> Decision:
    """Stop 低保 for ``household``: the bureau must give its reasons in writing (art. 13).

    Interim Measures art. 13: the county bureau increases, reduces or stops
    payment as the household's circumstances change, and gives **written reasons**
    for stopping. Without them the termination is refused with a
    :class:`~minzheng.errors.RuleViolation` (``dibao.termination_reasons_missing``).
    Case registers call this before recording a TERMINATE.

    >>> d = decide_dibao_termination(example_household(), on=datetime.date(2025, 6, 1),
    ...                              written_reasons="家庭人均收入连续三个月高于标准")
    >>> d.eligible, d.reason_codes()
    (False, ('dibao.terminated',))
    >>> decide_dibao_termination(example_household(), on=datetime.date(2025, 6, 1), written_reasons=" ")
    Traceback (most recent call last):
    ...
    minzheng.errors.RuleViolation: written_reasons：停止发放低保金，应当书面说明理由
    """
    ruling = Ruling(matter=Programme.DIBAO, on=on, subject=household.household_id, citation=_ART13)
    text = dibao_termination_grounds(written_reasons)
    ruling.check(True, "dibao.terminated", grounds=text[:200])
    return ruling.decide(False)


def dibao_termination_grounds(written_reasons: object, *, field: str = "written_reasons") -> str:
    """The written reasons for stopping 低保, whitespace collapsed; refused when blank (art. 13).

    Shared by :func:`decide_dibao_termination` and the case register (a TERMINATE
    of a 低保 case carries its reasons in the event's note).

    >>> dibao_termination_grounds("  收入 高于标准 ")
    '收入 高于标准'
    >>> dibao_termination_grounds("", field="note")
    Traceback (most recent call last):
    ...
    minzheng.errors.RuleViolation: note：停止发放低保金，应当书面说明理由
    """
    if not isinstance(written_reasons, str):
        raise InvalidValue("value.invalid", field=field, value=written_reasons)
    text = " ".join(written_reasons.split())
    if not text:
        raise refusal("dibao.termination_reasons_missing", field=field, citation=_ART13)
    return text


def example_household(*, wage: str = "1600") -> Household:
    """The household of DOMAIN.md §4.5: a couple, a 10-year-old and the husband's father.

    Husband's wage (default 1,600), father's pension 400 and his residents' basic
    pension 150 (excluded). Division 620521 (清水县), urban.

    >>> len(example_household().members)
    4
    """
    husband = Person(
        person_id="HUSBAND", birth_date=datetime.date(1985, 4, 1), work_capacity=WorkCapacity.FULL
    )
    wife = Person(person_id="WIFE", birth_date=datetime.date(1987, 6, 1))
    child = Person(person_id="CHILD", birth_date=datetime.date(2015, 2, 1))
    father = Person(person_id="FATHER", birth_date=datetime.date(1955, 9, 1))
    return Household(
        household_id="HH-4.5",
        division="620521",
        area=Area.URBAN,
        members=(
            Membership(person=husband, relationship=Relationship.HEAD),
            Membership(person=wife, relationship=Relationship.WIFE),
            Membership(person=child, relationship=Relationship.DAUGHTER),
            Membership(person=father, relationship=Relationship.FATHER),
        ),
        incomes=(
            IncomeItem(person_id="HUSBAND", source=IncomeSource.WAGE, amount=Rate.monthly(wage)),
            IncomeItem(person_id="FATHER", source=IncomeSource.PENSION, amount=Rate.monthly("400")),
            IncomeItem(
                person_id="FATHER", source=IncomeSource.BASIC_PENSION, amount=Rate.monthly("150")
            ),
        ),
    )


def example_edge_household() -> Household:
    """DOMAIN.md §4.6: parents (income 2,700 a month) and a 30-year-old son with a grade-2 physical disability.

    Per-capita income 900: above the 715 standard, below the 1,072.5 edge line.

    >>> example_edge_household().person("SON").disability.grade.value
    '2'
    """
    from minzheng.codes import DisabilityCategory, DisabilityGrade
    from minzheng.people import Disability

    son = Person(
        person_id="SON",
        birth_date=datetime.date(1995, 1, 1),
        disability=Disability(category=DisabilityCategory.PHYSICAL, grade=DisabilityGrade.SECOND),
    )
    return Household(
        household_id="HH-4.6",
        division="620521",
        area=Area.URBAN,
        members=(
            Membership(
                person=Person(person_id="FATHER", birth_date=datetime.date(1965, 1, 1)),
                relationship=Relationship.HEAD,
            ),
            Membership(
                person=Person(person_id="MOTHER", birth_date=datetime.date(1967, 1, 1)),
                relationship=Relationship.WIFE,
            ),
            Membership(person=son, relationship=Relationship.SON),
        ),
        incomes=(
            IncomeItem(person_id="FATHER", source=IncomeSource.WAGE, amount=Rate.monthly("2700")),
        ),
    )
