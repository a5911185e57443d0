"""The columnar bridge (extra ``frames``): Arrow schemas, exact conversion, vectorised checks, frame statistics.

>>> from decimal import Decimal
>>> from minzheng.dates import Month
>>> from minzheng.payments import Disbursement
>>> from minzheng.programmes import Programme
>>> rows = [Disbursement(entitlement_id="E", beneficiary="P", programme=Programme.TEKUN, month=Month(2025, 1),
...                      amount=Decimal("605"))]
>>> from_arrow(to_arrow(rows), Disbursement) == rows
True
"""

from minzheng.frames.aggregate import aggregate_frame, facts_frame, pseudonymize_frame
from minzheng.frames.convert import from_arrow, to_arrow
from minzheng.frames.schema import MONEY_SCALE, Codec, arrow_schema, codec_for, stored_fields
from minzheng.frames.validate import CHECKS, validate_column, validate_table

__all__ = [
    "CHECKS",
    "MONEY_SCALE",
    "Codec",
    "aggregate_frame",
    "arrow_schema",
    "codec_for",
    "facts_frame",
    "from_arrow",
    "pseudonymize_frame",
    "stored_fields",
    "to_arrow",
    "validate_column",
    "validate_table",
]
