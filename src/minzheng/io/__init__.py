"""Input and output: converters, JSON Schema, loaders for bureau exports.

>>> from minzheng.money import Rate
>>> from_json(to_json(Rate.monthly("715")), Rate) == Rate.monthly("715")
True
"""

from minzheng.io.converter import converter, from_dict, from_json, to_dict, to_json
from minzheng.io.schema import json_schema

__all__ = ["converter", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]
