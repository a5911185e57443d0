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
from decimal import Decimal
from typing import Any

import attrs

from minzheng._bounds import MAX_AGE, MAX_MONTHS, within
from minzheng.codes import Area, Relationship
from minzheng.codes._base import CodeEnum
from minzheng.dates import Month
from minzheng.money import TO_FEN, Rate, RoundingPolicy
from minzheng.money._finite import finite_amount
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
from minzheng.rules import Citation, Decision, Instrument, Reason
from minzheng.standards import StandardsBook, StandardUsed

__all__ = [
    "DEFAULT_DIBAO_POLICY",
    "DibaoPolicy",
    "SinglePersonCategory",
    "Supplement",
    "SupplementCategory",
    "decide_dibao",
    "decide_dibao_single_person",
    "decide_dibao_with_gradual_exit",
    "example_edge_household",
    "example_household",
    "review_months",
]

_ART9 = Citation(instrument=Instrument.INTERIM_MEASURES, article=9)
_ART12 = Citation(instrument=Instrument.INTERIM_MEASURES, article=12)
_REVIEW = Citation(instrument=Instrument.DIBAO_REVIEW_MEASURES)
_SINGLE = Citation(
    instrument=Instrument.BASIC_LIVING_NOTICE_2020, note="单人户; article number UNVERIFIED"
)
_LOCAL = Citation(instrument=Instrument.LOCAL_RULE)
RULE_VERSION = "最低生活保障审核确认办法（民发〔2021〕57号）"


class SupplementCategory(CodeEnum):
    """Members 分类施保 commonly adds to (local, UNVERIFIED nationally — DOMAIN.md §4.5).

    >>> SupplementCategory.SEVERE_DISABILITY.label("en")
    'Severely disabled'
    """

    ELDERLY = "elderly", "老年人"
    MINOR = "minor", "未成年人"
    SEVERE_DISABILITY = "severe_disability", "重度残疾人"
    SERIOUS_ILLNESS = "serious_illness", "重病患者"


@attrs.frozen(kw_only=True)
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
            return self.fixed.monthly
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


@attrs.frozen(kw_only=True)
class DibaoPolicy:
    """The local parameters of 低保.

    Attributes:
        income: what counts as income (exclusions, employment deduction).
        property_test: the local property rule (default: none configured).
        supplements: 分类施保 supplements (default: none).
        rounding: rounding of the monthly amount (default: to the fen).
        half_yearly_review: check every six months households with members able to
            work and unstable income (2021 办法); ``False`` checks all yearly.
        single_person_categories: who may be covered alone.
        gradual_exit_months: length of the 渐退期 (default 6; local — DOMAIN.md §4.8).

    >>> DEFAULT_DIBAO_POLICY.gradual_exit_months
    6
    """

    income: IncomePolicy = DIBAO_INCOME_POLICY
    property_test: PropertyTest = NO_PROPERTY_TEST
    supplements: tuple[Supplement, ...] = ()
    rounding: RoundingPolicy = TO_FEN
    half_yearly_review: bool = True
    single_person_categories: frozenset[SinglePersonCategory] = frozenset(SinglePersonCategory)
    gradual_exit_months: int = attrs.field(default=6, validator=within(0, MAX_MONTHS))


DEFAULT_DIBAO_POLICY = DibaoPolicy()


def review_months(
    household: Household, on: datetime.date, *, policy: DibaoPolicy = DEFAULT_DIBAO_POLICY
) -> int:
    """How often the household is checked: 6 months with a member able to work and unstable income, else 12.

    >>> review_months(example_household(), datetime.date(2025, 3, 1))
    12
    """
    members = household.included_on(on)
    ids = {p.person_id for p in members}
    month = Month.of(on)
    unstable = any(
        not i.stable for i in household.incomes if i.person_id in ids and i.in_month(month)
    )
    able = any(p.work_capacity is WorkCapacity.FULL for p in members)
    return 6 if policy.half_yearly_review and unstable and able else 12


def _standard(book: StandardsBook, household: Household, on: datetime.date) -> StandardUsed:
    return book.amount(Programme.DIBAO, household.division, on=on, area=household.area)


def _income_reasons(pc: PerCapitaIncome, standard: StandardUsed) -> tuple[bool, Reason]:
    below = pc.below(standard.monthly)
    code = "dibao.income_below_standard" if below else "dibao.income_not_below_standard"
    params = {"income": pc.rounded(), "standard": Rate.monthly(standard.monthly)}
    return below, Reason(code=code, params=params, citation=_ART9, met=below)


def decide_dibao(
    household: Household,
    *,
    on: datetime.date,
    book: StandardsBook,
    policy: DibaoPolicy = DEFAULT_DIBAO_POLICY,
) -> Decision:
    """Decide 低保 for ``household`` on ``on`` with the standards in ``book``.

    The decision lists why each person counts or not, the excluded incomes, the
    income and property tests, and how the amount was computed.

    >>> from minzheng.standards import Standard, StandardsBook
    >>> book = StandardsBook([Standard(programme="dibao", division="620000", area=Area.URBAN,
    ...                                rate=Rate.monthly("715"), effective=datetime.date(2025, 1, 1))])
    >>> decide_dibao(example_household(wage="3000"), on=datetime.date(2025, 3, 1), book=book).eligible
    False
    """
    standard = _standard(book, household, on)
    decisions = household.members_on(on)
    reasons: list[Reason] = [d.reason for d in decisions]
    members = [d.person for d in decisions if d.included]
    base: dict[str, Any] = {
        "programme": Programme.DIBAO,
        "on": on,
        "subject": household.household_id,
        "standard": standard,
        "rule_version": RULE_VERSION,
    }
    if not members:
        reasons.append(Reason(code="dibao.no_members", citation=_ART9, met=False))
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    month = Month.of(on)
    total, excluded = countable_income(
        household.incomes, {p.person_id for p in members}, month, policy.income
    )
    reasons.extend(excluded)
    pc = PerCapitaIncome(total=total, members=len(members))
    income_ok, income_reason = _income_reasons(pc, standard)
    reasons.append(income_reason)
    property_ok, property_reasons = policy.property_test.check(
        assets=household.assets, members=len(members), standard=standard.rate
    )
    reasons.extend(property_reasons)
    months = review_months(household, on, policy=policy)
    if not (income_ok and property_ok):
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    monthly_standard = standard.monthly
    amount = policy.rounding(monthly_standard * len(members) - total)
    if total == 0:
        reasons.append(Reason(code="dibao.full_amount", citation=_ART12, met=True))
    else:
        reasons.append(
            Reason(
                code="dibao.difference",
                params={
                    "standard_amount": monthly_standard,
                    "income": pc.rounded(),
                    "members": len(members),
                    "amount": amount,
                },
                citation=_ART12,
                met=True,
            )
        )
    for person in members:
        for supplement in policy.supplements:
            if supplement.applies(person, on):
                extra = policy.rounding(supplement.monthly(monthly_standard))
                amount += extra
                reasons.append(
                    Reason(
                        code="dibao.supplement",
                        citation=_LOCAL,
                        met=True,
                        params={
                            "person": person.label,
                            "category": supplement.category,
                            "amount": extra,
                        },
                    )
                )
    reasons.append(
        Reason(
            code="dibao.review_half_yearly" if months == 6 else "dibao.review_yearly",
            citation=_REVIEW,
        )
    )
    return Decision(
        eligible=True,
        amount=Rate.monthly(amount),
        reasons=tuple(reasons),
        review_months=months,
        **base,
    )


def _single_category(
    person: Person, on: datetime.date, allowed: frozenset[SinglePersonCategory]
) -> SinglePersonCategory | None:
    disability = person.disability
    candidates: list[SinglePersonCategory] = []
    if disability is not None and disability.is_severe:
        candidates.append(SinglePersonCategory.SEVERE_DISABILITY)
    if disability is not None and disability.is_grade3_intellectual_or_mental:
        candidates.append(SinglePersonCategory.GRADE3_INTELLECTUAL_OR_MENTAL)
    if person.serious_illness:
        candidates.append(SinglePersonCategory.SERIOUS_ILLNESS)
    absence = person.absence_on(on)
    if absence is not None and absence.kind.value == "clergy_apart":
        candidates.append(SinglePersonCategory.CLERGY)
    if (
        disability is not None
        and disability.is_severe
        and person.unemployed
        and person.birth_date
        and not person.is_minor_on(on)
    ):
        candidates.append(SinglePersonCategory.ADULT_UNEMPLOYED_SEVERE)
    return next((c for c in candidates if c in allowed), None)


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
    person in a category the policy allows; the person is then a household of one.

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
    person = household.person(person_id)
    standard = _standard(book, household, on)
    base: dict[str, Any] = {
        "programme": Programme.DIBAO,
        "on": on,
        "subject": person_id,
        "standard": standard,
        "rule_version": RULE_VERSION,
    }
    reasons: list[Reason] = []
    category = _single_category(person, on, policy.single_person_categories)
    if category is None:
        reasons.append(
            Reason(
                code="dibao.single_person_category_missing",
                params={"person": person.label},
                citation=_SINGLE,
                met=False,
            )
        )
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    if category is not SinglePersonCategory.CLERGY:
        members = household.included_on(on)
        total, _ = countable_income(
            household.incomes, {p.person_id for p in members}, Month.of(on), policy.income
        )
        pc = PerCapitaIncome(total=total, members=len(members))
        edge = book.amount(Programme.DIBAO_EDGE, household.division, on=on, area=household.area)
        is_edge = not pc.below(standard.monthly) and pc.below(edge.monthly)
        if not is_edge:
            reasons.append(Reason(code="dibao.single_person_not_edge", citation=_SINGLE, met=False))
            return Decision(eligible=False, reasons=tuple(reasons), **base)
        reasons.append(
            Reason(
                code="edge.below_line",
                citation=_SINGLE,
                met=True,
                params={
                    "income": pc.rounded(),
                    "line": edge.rate,
                    "multiple": edge.multiple or Decimal("1.5"),
                },
            )
        )
    reasons.append(
        Reason(
            code="dibao.single_person",
            params={"person": person.label, "category": category},
            citation=_SINGLE,
            met=True,
        )
    )
    own, excluded = countable_income(household.incomes, {person_id}, Month.of(on), policy.income)
    reasons.extend(excluded)
    pc_own = PerCapitaIncome(total=own, members=1)
    income_ok, income_reason = _income_reasons(pc_own, standard)
    reasons.append(income_reason)
    if not income_ok:
        return Decision(eligible=False, reasons=tuple(reasons), **base)
    amount = policy.rounding(standard.monthly - own)
    reasons.append(
        Reason(
            code="dibao.full_amount" if own == 0 else "dibao.difference",
            citation=_ART12,
            met=True,
            params={
                "standard_amount": standard.monthly,
                "income": pc_own.rounded(),
                "members": 1,
                "amount": amount,
            },
        )
    )
    return Decision(
        eligible=True, amount=Rate.monthly(amount), reasons=tuple(reasons), review_months=12, **base
    )


def decide_dibao_with_gradual_exit(
    household: Household,
    *,
    on: datetime.date,
    book: StandardsBook,
    previous: Rate,
    income_rose_in: Month,
    policy: DibaoPolicy = DEFAULT_DIBAO_POLICY,
) -> Decision:
    """低保 for a recipient household whose income rose above the line after a member found work.

    The household keeps ``previous`` for ``policy.gradual_exit_months`` months from
    the month the income rose (渐退期; DOMAIN.md §4.8 — the length is local, 6 by
    default). If income falls below the standard again the ordinary decision applies.

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
    if ordinary.eligible:
        return attrs.evolve(
            ordinary,
            reasons=(
                *ordinary.reasons,
                Reason(code="dibao.below_standard_again", citation=_REVIEW),
            ),
        )
    property_failed = any(r.code == "dibao.property_fails" for r in ordinary.reasons)
    last = income_rose_in + (policy.gradual_exit_months - 1)
    until = last.last_day
    if property_failed or Month.of(on) > last:
        reason = Reason(
            code="dibao.gradual_exit_ended", params={"until": until}, citation=_LOCAL, met=False
        )
        return attrs.evolve(ordinary, reasons=(*ordinary.reasons, reason))
    reason = Reason(
        code="dibao.gradual_exit",
        params={"months": policy.gradual_exit_months, "until": until},
        citation=Citation(instrument=Instrument.REFORM_OPINION_2020),
        met=True,
    )
    return attrs.evolve(
        ordinary, eligible=True, amount=previous, reasons=(*ordinary.reasons, reason)
    )


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
