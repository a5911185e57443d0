"""Every public attrs record type round-trips JSON, dict and (where frames supports it) Arrow, exactly.

The types are found by walking the ``__all__`` of every minzheng package, so a new
record type is checked as soon as it is exported: it is either covered by a
strategy (``minzheng.testing``, or built from its annotations here) or listed in
``NOT_RECORDS`` with the reason it cannot be stored. A type that is neither makes
``test_every_public_record_type_is_covered_or_listed`` fail.
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import importlib
import json
import pkgutil
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import minzheng
from minzheng import testing as mt
from minzheng.dates import Month
from minzheng.errors import InvalidAmount, InvalidRecords, InvalidValue, MinzhengError
from minzheng.io import from_dict, from_json, json_schema, to_dict, to_json
from minzheng.io.converter import public_names
from minzheng.programmes import Programme
from minzheng.registration import RegistrationKind
from minzheng.rules import Matter

#: Public attrs types that are not stored records, each with the reason.
NOT_RECORDS: dict[str, str] = {
    "Codec": "frames' conversion functions for a type (holds callables), not data",
    "Dimension": "a grouping recipe for statistics: holds a key function",
    "CasePolicy": "configuration holding a working-day HolidayCalendar (an object, not data)",
    "LoadResult": "a loader's report, generic in the record type, holding RejectedRows",
    "RejectedRow": "a loader's report of a rejected row, holding RecordError exceptions",
    "Division": "a code-list entry bound to its registry; stored as its code (a str field)",
    "Ruling": "a rule's working state while it decides (mutable); its result is the Decision",
}


def _public_record_types() -> dict[str, type]:
    found: dict[str, type] = {}
    packages = ["minzheng"] + [
        info.name
        for info in pkgutil.walk_packages(minzheng.__path__, "minzheng.")
        if info.ispkg and not info.name.split(".")[-1].startswith("_")
    ]
    for name in packages:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr, None)
            if isinstance(value, type) and attrs.has(value):
                found[value.__name__] = value
    return found


RECORD_TYPES = _public_record_types()


def _first_bed(register: Any) -> Any:
    assume(len(register.beds) > 0)
    return register.beds[0]


def _first_disbursement(pair: Any) -> Any:
    assume(len(pair[1]) > 0)
    return next(iter(pair[1]))


@st.composite
def _cases(draw: st.DrawFn) -> Any:
    """A case opened and moved through a few actions (the refused ones are skipped)."""
    from minzheng.assistance import Case, CaseAction
    from minzheng.programmes import Programme

    day = draw(st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 1, 1)))
    subject = draw(_TEXT.filter(bool))
    case = Case.open(
        case_id=draw(_TEXT.filter(bool)),
        programme=draw(st.sampled_from(list(Programme))),
        subject=subject,
        persons=draw(st.frozensets(_TEXT.filter(bool), max_size=3)) | {subject},
        on=day,
    )
    for action in draw(st.lists(st.sampled_from(list(CaseAction)), max_size=6)):
        day += datetime.timedelta(days=draw(st.integers(0, 40)))
        try:
            case = case.apply(action, on=day, note=draw(_TEXT))
        except MinzhengError:
            continue
    return case


def _assessments() -> st.SearchStrategy[Any]:
    from minzheng.care import AbilityAssessment, AbilityItem

    return st.builds(
        AbilityAssessment,
        assessed_on=st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 1, 1)),
        scores=st.fixed_dictionaries({i: st.integers(0, i.max_score) for i in AbilityItem}),
        coma=st.booleans(),
        dementia=st.booleans(),
        risk_events_30d=st.integers(0, 30),
    )


def _rounding_policies() -> st.SearchStrategy[Any]:
    import decimal

    from minzheng.money import RoundingPolicy

    return st.builds(
        RoundingPolicy,
        name=_TEXT,
        quantum=st.sampled_from([Decimal("0.01"), Decimal("0.1"), Decimal(1), Decimal(10)]),
        mode=st.sampled_from([decimal.ROUND_HALF_UP, decimal.ROUND_CEILING, decimal.ROUND_FLOOR]),
    )


#: Strategies of minzheng.testing (valid by construction) for the types that have one,
#: and strategies written here for types whose validators a naive build rarely satisfies.
SPECIFIC: dict[Any, st.SearchStrategy[Any]] = {}


def _specific() -> dict[Any, st.SearchStrategy[Any]]:
    if not SPECIFIC:
        from minzheng.care import Bed, Institution, Stay
        from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
        from minzheng.money import Rate
        from minzheng.payments import Disbursement, Entitlement
        from minzheng.people import Household, Person
        from minzheng.registration import SocialOrganisation
        from minzheng.registration.organisations import ReportDeadline
        from minzheng.stats import Fact

        SPECIFIC.update(
            {
                Person: mt.persons(),
                Household: mt.households(),
                Entitlement: mt.entitlements(),
                Disbursement: mt.ledgers().map(_first_disbursement),
                Institution: mt.institutions(),
                Bed: mt.bed_registers().map(_first_bed),
                Stay: mt.stays(),
                SocialOrganisation: mt.organisations(),
                Fact: mt.facts(),
                Rate: mt.rates(),
                ReportDeadline: st.builds(
                    ReportDeadline,
                    supervising_unit=st.just((3, 31)),
                    registry=st.sampled_from([(3, 31), (5, 31), (6, 30)]),
                    article=st.integers(1, 100),
                ),
                Month: mt.months(),
                ResidentId: mt.resident_ids(),
                CreditCode: mt.credit_codes(),
                DisabilityCertificateNo: mt.disability_certificates(),
            }
        )
        from minzheng.assistance import Case
        from minzheng.care import AbilityAssessment
        from minzheng.divisions import StatCode
        from minzheng.money import RoundingPolicy
        from minzheng.people import AssetLimits, NoPropertyTest, PropertyTest

        SPECIFIC.update(
            {
                Case: _cases(),
                StatCode: st.builds(
                    lambda county, rest: StatCode(county + rest),
                    mt.division_codes(),
                    st.sampled_from(["000000", "001000", "001001", "100200"]),
                ),
                AbilityAssessment: _assessments(),
                RoundingPolicy: _rounding_policies(),
                PropertyTest: st.just(NoPropertyTest()) | st.deferred(lambda: _build(AssetLimits)),
            }
        )
    return SPECIFIC


_DIVISION_FIELDS = {"division", "registry", "hukou_division"}
_TEXT = st.text(alphabet="ABCxyz019 张王中", max_size=6)


def _any_value() -> st.SearchStrategy[Any]:
    from minzheng.programmes import Programme

    return (
        st.none()
        | st.booleans()
        | st.integers(-1000, 1000)
        | _TEXT
        | mt.amounts(max_value=1000)
        | mt.months()
        | st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31))
        | st.sampled_from(list(Programme))
    )


def _for(tp: Any, name: str = "") -> st.SearchStrategy[Any]:
    specific = _specific()
    if tp in specific:
        return specific[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_for(a, name) if a is not type(None) else st.none() for a in args])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_for(args[0], name), max_size=3).map(tuple)
        return st.tuples(*(_for(a, name) for a in args))
    if origin in (frozenset, set):
        return st.frozensets(_for(args[0], name), max_size=3)
    if origin in (dict, collections.abc.Mapping):
        return st.dictionaries(_for(args[0]), _for(args[1]), max_size=3)
    if tp is Any:
        return _any_value()
    if tp is Matter:  # a decision's matter: a programme or a kind of registration
        return st.sampled_from([*Programme, *RegistrationKind])
    if tp is str:
        return mt.division_codes() if name in _DIVISION_FIELDS else _TEXT
    if tp is bool:
        return st.booleans()
    if tp is int:  # small numbers (ages, months, counts) or calendar years
        return st.integers(0, 120) | st.integers(1900, 2200)
    if tp is Decimal:  # some in exponent form (Decimal("1E+2")), as arithmetic leaves them
        return mt.amounts(max_value=1000) | mt.amounts(max_value=10**6).map(Decimal.normalize)
    if tp is datetime.date:
        return st.dates(datetime.date(1950, 1, 1), datetime.date(2035, 12, 31))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and attrs.has(tp):
        return _build(tp)
    raise AssertionError(f"no strategy for {tp!r}: add one or list the type in NOT_RECORDS")


_OMIT = object()


def _field_strategy(tp: Any, name: str) -> typing.Callable[[], st.SearchStrategy[Any]]:
    return lambda: _for(tp, name)


def _build(cls: type) -> st.SearchStrategy[Any]:
    """Instances of an attrs class from its annotations; values its validators refuse are skipped."""
    hints = typing.get_type_hints(cls, localns=public_names())
    fields = [f for f in attrs.fields(cls) if f.init]
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for f in fields:
        strategy: st.SearchStrategy[Any] = st.deferred(_field_strategy(hints[f.name], f.name))
        if f.default is not attrs.NOTHING:
            strategy = st.just(_OMIT) | strategy
        parts[f.alias or f.name] = strategy

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        kwargs = {k: v for k, v in draw(st.fixed_dictionaries(parts)).items() if v is not _OMIT}
        try:
            return cls(**kwargs)
        except MinzhengError:
            assume(False)

    return build()


def _strategy(cls: type) -> st.SearchStrategy[Any]:
    specific = _specific()
    return specific[cls] if cls in specific else _build(cls)


def _arrow_supported(cls: type) -> bool:
    """A record type frames stores as table rows: a struct of at least one column."""
    import pyarrow as pa

    from minzheng.frames.schema import codec_for

    try:
        arrow_type = codec_for(cls).arrow_type
    except InvalidValue:
        return False
    return bool(pa.types.is_struct(arrow_type) and arrow_type.num_fields > 0)


#: Types frames does not store as rows: open values of any type (reason parameters, table
#: cells), a recursive type, pluggable property tests, single values (an identifier, a month:
#: a column, not a table) and a fieldless type. Their JSON and dict round trips are checked.
NOT_ARROW = {
    "CreditCode",
    "DisabilityCertificateNo",
    "Month",
    "NoPropertyTest",
    "ResidentId",
    "StatCode",
    "Case",
    "CaseEvent",
    "ChildClassification",
    "Decision",
    "DibaoPolicy",
    "MemberDecision",
    "Reason",
    "StandardUsed",
    "StatTable",
    "TekunPolicy",
}

COVERED = sorted(n for n in RECORD_TYPES if n not in NOT_RECORDS)


def test_every_public_record_type_is_covered_or_listed() -> None:
    assert set(NOT_RECORDS) <= set(RECORD_TYPES), "a listed type is no longer public"
    for name in COVERED:
        _strategy(RECORD_TYPES[name])  # raises for a field type nobody knows how to draw
    assert {n for n in COVERED if not _arrow_supported(RECORD_TYPES[n])} == NOT_ARROW


@pytest.mark.parametrize("name", COVERED)
def test_record_type_round_trips_json_dict_and_arrow(name: str) -> None:
    cls = RECORD_TYPES[name]
    arrow = name not in NOT_ARROW
    validator = jsonschema.Draft202012Validator(
        json_schema(cls), format_checker=jsonschema.FormatChecker()
    )

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(_strategy(cls))
    def run(value: Any) -> None:
        text = to_json(value)
        assert from_json(text, cls) == value
        assert from_dict(to_dict(value), cls) == value
        assert from_dict(json.loads(text), cls) == value
        validator.validate(json.loads(text))
        if arrow:
            from minzheng.frames import from_arrow, to_arrow

            assert from_arrow(to_arrow([value], cls), cls) == [value]

    run()


def _decimal_fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls, localns=public_names())
    return [
        f.name
        for f in attrs.fields(cls)
        if f.init and (hints[f.name] is Decimal or hints[f.name] == Decimal | None)
    ]


WITH_DECIMALS = [n for n in COVERED if _decimal_fields(RECORD_TYPES[n])]


@pytest.mark.parametrize("name", WITH_DECIMALS)
@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_non_finite_amounts_are_refused_on_read_and_write(name: str, bad: str) -> None:
    cls = RECORD_TYPES[name]
    arrow = name not in NOT_ARROW

    @settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_strategy(cls))
    def run(value: Any) -> None:
        for field in _decimal_fields(cls):
            data = to_dict(value)
            data[field] = bad
            with pytest.raises(InvalidRecords):
                from_dict(data, cls)
            try:
                odd = attrs.evolve(value, **{field: Decimal(bad)})
            except MinzhengError:
                continue  # the record's own validator refuses it
            with pytest.raises(InvalidAmount):
                to_json(odd)
            if arrow:
                from minzheng.frames import to_arrow

                with pytest.raises(InvalidAmount):
                    to_arrow([odd], cls)

    run()


def _int_fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls, localns=public_names())
    return [f.name for f in attrs.fields(cls) if f.init and hints[f.name] in (int, int | None)]


WITH_INTS = [n for n in COVERED if _int_fields(RECORD_TYPES[n])]


@pytest.mark.parametrize("name", WITH_INTS)
def test_every_integer_field_has_a_domain_bound(name: str) -> None:
    cls = RECORD_TYPES[name]

    @settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_strategy(cls))
    def run(value: Any) -> None:
        for field in _int_fields(cls):
            for huge in (10**17, -(10**17)):
                with pytest.raises(MinzhengError):
                    attrs.evolve(value, **{field: huge})
                data = to_dict(value)
                if isinstance(data, dict):  # a month is written as text
                    data[field] = huge
                    with pytest.raises(InvalidRecords):
                        from_dict(data, cls)

    run()
