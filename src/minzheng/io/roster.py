"""The flat row bureau systems export: one person per row of a 低保/特困 roster (花名册).

Columns arrive with Chinese headers — 身份证号, 姓名, 性别, 出生日期, 与户主关系,
户籍性质, 家庭人口, 月人均收入, 保障金额, 乡镇（街道）, 村（社区） … — which
:data:`COLUMN_PRESETS` maps to :class:`RosterRow` fields; :func:`~minzheng.io.load`
applies the presets.

>>> row = RosterRow(household_id="H1", resident_id="620521198502101233", name="王建国",
...                 programme=Programme.DIBAO, amount=Decimal("430"))
>>> row
RosterRow(household_id='H1', person_id='', resident_id=ResidentId('620521********1233'), name='王**', ...)
>>> row.to_fact().person == row.key  # a pseudonym by default
False
>>> row.to_fact(keys="raw").person  # the raw key only on request
'620521198502101233'
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs

from minzheng._bounds import within
from minzheng._validators import typed_fields
from minzheng.codes import Area, Relationship, Sex
from minzheng.errors import InconsistentRecord
from minzheng.ids import ResidentId
from minzheng.money import finite_amount
from minzheng.privacy import KeyPolicy, mask_date, repr_date, repr_key, repr_name, resolve_keys
from minzheng.programmes import Programme

__all__ = ["COLUMN_PRESETS", "MAX_HOUSEHOLD_SIZE", "RosterRow"]

#: Chinese column headers seen in bureau exports → :class:`RosterRow` field names.
COLUMN_PRESETS: dict[str, str] = {
    "户编号": "household_id",
    "家庭编号": "household_id",
    "户主编号": "household_id",
    "人员编号": "person_id",
    "身份证号": "resident_id",
    "身份证号码": "resident_id",
    "公民身份号码": "resident_id",
    "证件号码": "resident_id",
    "姓名": "name",
    "性别": "sex",
    "出生日期": "birth_date",
    "与户主关系": "relationship",
    "户籍性质": "area",
    "城乡类别": "area",
    "城乡属性": "area",
    "乡镇（街道）": "township",
    "乡镇/街道": "township",
    "乡镇街道": "township",
    "乡镇": "township",
    "街道": "township",
    "所属乡镇": "township",
    "乡镇名称": "township",
    "乡镇代码": "township",
    "村（社区）": "village",
    "村（居）": "village",
    "村/社区": "village",
    "村社区": "village",
    "村居": "village",
    "村": "village",
    "社区": "village",
    "行政村": "village",
    "所属村": "village",
    "村（居）委会": "village",
    "村名称": "village",
    "村代码": "village",
    "行政区划": "division",
    "行政区划代码": "division",
    "区划代码": "division",
    "保障类别": "programme",
    "救助类别": "programme",
    "家庭人口": "household_size",
    "家庭人口数": "household_size",
    "保障人口": "household_size",
    "月人均收入": "per_capita_income",
    "家庭月人均收入": "per_capita_income",
    "保障金额": "amount",
    "月保障金额": "amount",
    "月保障金": "amount",
}


def _rid(value: object) -> ResidentId | None:
    if isinstance(value, ResidentId):
        return value
    if value is None or value == "":
        return None
    return ResidentId.parse(str(value))


def _check_sex(instance: RosterRow, attribute: attrs.Attribute[Any], value: Sex | None) -> None:
    rid = instance.resident_id
    if value is not None and rid is not None and rid.sex is not value:
        raise InconsistentRecord("person.sex", field="sex", value=value.term)


def _check_birth(
    instance: RosterRow, attribute: attrs.Attribute[Any], value: datetime.date | None
) -> None:
    rid = instance.resident_id
    if value is not None and rid is not None and rid.birth_date != value:
        raise InconsistentRecord("person.birth_date", field="birth_date", value=mask_date(value))


#: The largest household a roster row may declare (persons on one 户口 / 保障 household).
MAX_HOUSEHOLD_SIZE = 99


def _place(value: object) -> str:
    """A township or village as written: a name, or a 9- or 12-digit statistical code."""
    if value is None:
        return ""
    if not isinstance(value, str):
        from minzheng.errors import InvalidValue

        raise InvalidValue(
            "value.type", field="place", value=type(value).__name__, params={"expected": "str"}
        )
    return value.strip()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class RosterRow:
    """One person on a roster: household, identity, relationship, programme, income and amount.

    Sex and birth date, when given beside an identity number, must agree with it;
    ``household_size`` is 1 to :data:`MAX_HOUSEHOLD_SIZE` (99).
    ``amount`` is the household's monthly payment (on the head's row, usually).
    ``township`` (乡镇（街道）) and ``village`` (村（社区）) are kept as the
    export writes them — a name, or a 9- or 12-digit statistical code — and
    statistics can group by them (``by_division("township")``).

    >>> RosterRow(resident_id="620521198502101233", sex=Sex.FEMALE)
    Traceback (most recent call last):
    ...
    minzheng.errors.InconsistentRecord: sex：与身份号码不一致：女性
    """

    household_id: str = attrs.field(default="", repr=repr_key)
    person_id: str = attrs.field(default="", repr=repr_key)
    resident_id: ResidentId | None = attrs.field(default=None, converter=_rid)
    name: str | None = attrs.field(default=None, repr=repr_name)
    sex: Sex | None = attrs.field(default=None, validator=_check_sex)
    birth_date: datetime.date | None = attrs.field(
        default=None, validator=_check_birth, repr=repr_date
    )
    relationship: Relationship | None = None
    area: Area | None = None
    division: str = ""
    township: str = attrs.field(default="", converter=_place)
    village: str = attrs.field(default="", converter=_place)
    programme: Programme | None = None
    household_size: int | None = attrs.field(default=None, validator=within(1, MAX_HOUSEHOLD_SIZE))
    per_capita_income: Decimal | None = attrs.field(default=None, validator=finite_amount)
    amount: Decimal | None = attrs.field(default=None, validator=finite_amount)

    @property
    def key(self) -> str:
        """The person this row is about: the identity number, else the person id.

        >>> RosterRow(person_id="P7").key
        'P7'
        """
        return self.resident_id.value if self.resident_id is not None else self.person_id

    def to_fact(self, *, keys: KeyPolicy = None) -> Any:
        """A :class:`~minzheng.stats.Fact` (stock) for aggregation: 户, 人 and the monthly amount.

        The household and the person are pseudonyms (see
        :class:`~minzheng.privacy.Pseudonymizer`): under the process's own key by
        default, under yours when ``keys`` is a ``Pseudonymizer``; ``keys="raw"``
        keeps the identity number and household id as they are.

        >>> from minzheng.privacy import Pseudonymizer
        >>> row = RosterRow(household_id="H", resident_id="620521198502101233", amount=Decimal("300"))
        >>> row.to_fact().amount
        Decimal('300')
        >>> row.to_fact(keys=Pseudonymizer("county secret 2025")).person
        '9f2b02788184225248e99a98'
        >>> row.to_fact(keys="raw")
        Fact(..., birth_date='1985-**-**', ..., household='H', person='620521********1233', ...)
        >>> fact = RosterRow(household_id="H", person_id="P", amount=Decimal("300"), township="城关镇").to_fact()
        >>> fact.amount, fact.township
        (Decimal('300'), '城关镇')
        """
        from minzheng.stats import Fact

        rid = self.resident_id
        pseudonymize = resolve_keys(keys)
        household, person = self.household_id, self.key
        if pseudonymize is not None:
            household, person = pseudonymize(household), pseudonymize(person)
        return Fact(
            programme=self.programme,
            division=self.division or (rid.address_code if rid is not None else ""),
            township=self.township,
            village=self.village,
            area=self.area,
            sex=self.sex or (rid.sex if rid is not None else None),
            birth_date=self.birth_date or (rid.birth_date if rid is not None else None),
            household=household,
            person=person,
            amount=self.amount or Decimal(0),
        )
