"""Input and output: converters, JSON Schema, loaders for bureau exports, safe CSV and Excel.

>>> from minzheng.money import Rate
>>> from_json(to_json(Rate.monthly("715")), Rate) == Rate.monthly("715")
True
"""

from minzheng.io._cells import write_csv, write_xlsx
from minzheng.io._text_converter import CODE_WORDS
from minzheng.io.converter import LIMITS, Limits, converter, from_dict, from_json, to_dict, to_json
from minzheng.io.load import (
    LoadLimits,
    LoadResult,
    RejectedRow,
    SkippedRow,
    iter_load,
    load,
    text_converter,
)
from minzheng.io.roster import COLUMN_PRESETS, RosterRow
from minzheng.io.schema import json_schema

__all__ = [
    "CODE_WORDS",
    "COLUMN_PRESETS",
    "LIMITS",
    "Limits",
    "LoadLimits",
    "LoadResult",
    "RejectedRow",
    "RosterRow",
    "SkippedRow",
    "converter",
    "from_dict",
    "from_json",
    "iter_load",
    "json_schema",
    "load",
    "text_converter",
    "to_dict",
    "to_json",
    "write_csv",
    "write_xlsx",
]
