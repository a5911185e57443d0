"""Input and output: converters, JSON Schema, loaders for bureau exports.

>>> from minzheng.money import Rate
>>> from_json(to_json(Rate.monthly("715")), Rate) == Rate.monthly("715")
True
"""

from minzheng.io._text_converter import CODE_WORDS
from minzheng.io.converter import converter, from_dict, from_json, to_dict, to_json
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
]
