"""Moved to :mod:`minzheng.stats.year`: ``minzheng.cli.year`` re-exports it for one release.

>>> from minzheng.cli.year import text_table
>>> print(text_table([["项目", "人数"], ["低保", "12"]]))
项目  人数
----  ----
低保    12
"""

from __future__ import annotations

from minzheng.stats.year import CountyYear, county_year, text_table

__all__ = ["CountyYear", "county_year", "text_table"]
