"""JSON Schema (draft 2020-12) for every record type, matching what :func:`~minzheng.io.to_json` writes.

The schema describes the wire form: amounts are strings of decimal digits,
dates ``YYYY-MM-DD``, months ``YYYY-MM``, codes by their official values (with
their Chinese labels as ``description``), identifiers as text. Unknown keys are
refused (``additionalProperties: false``), as :func:`~minzheng.io.from_dict` refuses them.
A schema checks shape; the record's own validators (checksums, dates that exist,
one head per household) still run when the JSON is loaded.

>>> from minzheng.care import Bed
>>> schema = json_schema(Bed)
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["properties"]["kind"]
{'$ref': '#/$defs/BedKind'}
>>> schema["$defs"]["BedKind"]["enum"]
['nursing', 'ordinary']
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from minzheng.codes import CodeEnum
from minzheng.dates import Month
from minzheng.errors import InvalidValue
from minzheng.io.converter import (
    _MAX_AMOUNT_TEXT,
    LIMITS,
    _omitted_fields,
    _property_tests,
    public_names,
)
from minzheng.money import Rate
from minzheng.people import PropertyTest
from minzheng.rules import Matter

__all__ = ["json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_AMOUNT = {
    "type": "string",
    "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
    "maxLength": _MAX_AMOUNT_TEXT,
    "description": "yuan, as plain decimal text",
}
_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_MONTH = {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$"}


def _text_ids() -> dict[type, dict[str, Any]]:
    from minzheng.divisions import StatCode
    from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId

    return {
        ResidentId: {"type": "string", "pattern": r"^[0-9]{15}$|^[0-9]{17}[0-9Xx]$"},
        CreditCode: {"type": "string", "pattern": r"^[0-9A-HJ-NPQRTUWXY]{18}$"},
        DisabilityCertificateNo: {"type": "string", "pattern": r"^[0-9]{17}[0-9Xx][1-7][1-4]$"},
        StatCode: {"type": "string", "pattern": r"^[0-9]{12}$"},
    }


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
        self.ids = _text_ids()

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [self.type_schema(a) for a in args if a is not type(None)]
            nullable = type(None) in args
            if nullable:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in (tuple, list, frozenset, set):
            if origin is tuple and args and (len(args) != 2 or args[1] is not Ellipsis):
                return {
                    "type": "array",
                    "prefixItems": [self.type_schema(a) for a in args],
                    "items": False,
                }
            item = self.type_schema(args[0]) if args else {}
            schema: dict[str, Any] = {"type": "array", "items": item}
            if origin in (frozenset, set):
                schema["uniqueItems"] = True
            return schema
        if origin in (dict, collections.abc.Mapping) or tp is dict:
            value = self.type_schema(args[1]) if args else {}
            return {"type": "object", "additionalProperties": value}
        if tp is Any:
            return {}
        if tp is str:
            return {"type": "string", "maxLength": LIMITS.max_string}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            bound = 10**LIMITS.max_int_digits - 1
            return {"type": "integer", "minimum": -bound, "maximum": bound}
        if tp is Decimal:
            return dict(_AMOUNT)
        if tp is datetime.date:
            return dict(_DATE)
        if tp is Month:
            return dict(_MONTH)
        if tp is Rate:
            return self.ref(Rate, self.rate_schema)
        if tp in self.ids:
            return dict(self.ids[tp])
        if tp is Matter:  # a rule's matter: a programme or a kind of registration
            from minzheng.programmes import Programme
            from minzheng.registration.kinds import RegistrationKind

            return self.type_schema(Programme | RegistrationKind)
        if tp is PropertyTest:
            return {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {name: self.type_schema(cls)},
                        "required": [name],
                        "additionalProperties": False,
                    }
                    for name, cls in _property_tests().items()
                ]
            }
        if isinstance(tp, type) and issubclass(tp, CodeEnum):
            return self.ref(tp, lambda: self.enum_schema(tp))
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp, lambda: self.class_schema(tp))
        raise InvalidValue("io.schema_type", field="type", value=repr(tp))

    def ref(self, cls: type, build: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursion stops here
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    @staticmethod
    def rate_schema() -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {"amount": dict(_AMOUNT), "period": {"enum": ["month", "year"]}},
            "required": ["amount", "period"],
            "additionalProperties": False,
        }

    @staticmethod
    def enum_schema(tp: type[CodeEnum]) -> dict[str, Any]:
        return {
            "title": tp.__name__,
            "enum": [m.value for m in tp],
            "description": "; ".join(f"{m.value} = {m.term}" for m in tp),
        }

    def class_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls, localns=public_names())
        properties: dict[str, Any] = {}
        required: list[str] = []
        omitted = _omitted_fields().get(cls, frozenset())
        for field in attrs.fields(cls):
            if not field.init or field.name in omitted:
                continue
            name = field.alias or field.name
            properties[name] = self.type_schema(hints.get(field.name, Any))
            if field.default is attrs.NOTHING:
                required.append(name)
        doc = (cls.__doc__ or "").strip().splitlines()
        schema: dict[str, Any] = {"title": cls.__name__, "type": "object"}
        if doc:
            schema["description"] = doc[0]
        schema["properties"] = properties
        schema["required"] = required
        schema["additionalProperties"] = False
        return schema


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``cls``'s JSON form; nested types go under ``$defs``.

    >>> from minzheng.people import Household
    >>> schema = json_schema(Household)
    >>> schema["required"]
    ['household_id', 'division', 'area', 'members']
    >>> schema["$defs"]["Person"]["properties"]["birth_date"]["anyOf"][0]["format"]
    'date'
    """
    builder = _Builder()
    top = builder.type_schema(cls)
    if "$ref" in top:
        name = top["$ref"].rsplit("/", 1)[-1]
        body = builder.defs.pop(name)
        if _mentions(body, name) or any(_mentions(d, name) for d in builder.defs.values()):
            builder.defs[name] = body
            body = {"$ref": f"#/$defs/{name}"}
        top = body
    schema = {"$schema": DRAFT, "$id": f"https://minzheng.dev/schema/{cls.__name__}.json", **top}
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema


def _mentions(node: Any, name: str) -> bool:
    if isinstance(node, dict):
        return node.get("$ref") == f"#/$defs/{name}" or any(
            _mentions(v, name) for v in node.values()
        )
    if isinstance(node, list):
        return any(_mentions(v, name) for v in node)
    return False
