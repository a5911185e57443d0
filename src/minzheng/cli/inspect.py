"""Moved to :mod:`minzheng.ids.inspect`: ``minzheng.cli.inspect`` re-exports it for one release.

>>> from minzheng.cli.inspect import inspect_code
>>> inspect_code("620521").kind
'division'
"""

from __future__ import annotations

from minzheng.ids.inspect import Inspection, inspect_code

__all__ = ["Inspection", "inspect_code"]
