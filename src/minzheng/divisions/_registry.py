"""The registry of GB/T 2260 codes with history, built once from python-stdnum's table."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from importlib import resources

from minzheng.divisions.division import Division, DivisionLevel
from minzheng.errors import InvalidFormat, InvalidValue, UnknownCode

__all__ = ["MAX_NAME_CHARS", "DivisionRegistry", "registry"]

_ENTRY = re.compile(r"^\[(\d*)-(\d*)\](.+)$")
_SUMMARY_NAMES = frozenset(
    {
        "市辖区",
        "县",
        "省直辖县级行政单位",
        "自治区直辖县级行政单位",
        "省直辖县级行政区划",
        "自治区直辖县级行政区划",
    }
)
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "林区",
    "特区",
    "地区",
    "新区",
    "矿区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)


def _level(code: str) -> DivisionLevel:
    if code[2:] == "0000":
        return DivisionLevel.PROVINCE
    if code[4:] == "00":
        return DivisionLevel.PREFECTURE
    return DivisionLevel.COUNTY


def short_name(name: str) -> str:
    """A name without its administrative suffix and ethnic-group words (高台县 → 高台)."""
    from minzheng.codes import Ethnicity

    stem = name
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            stem = stem[: -len(suffix)]
            break
    groups = sorted((e.term for e in Ethnicity if e.term.endswith("族")), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for group in groups:
            if stem.endswith(group) and len(stem) > len(group):
                stem = stem[: -len(group)]
                changed = True
                break
    return stem


class DivisionRegistry:
    """All GB/T 2260 entries with their validity years; immutable once built.

    Use the shared instance, :func:`registry`.

    >>> registry().nearest("440524", 1880).name
    '潮阳县'
    """

    def __init__(self, entries: dict[str, tuple[Division, ...]]) -> None:
        self._entries = entries
        self._by_name: dict[str, list[Division]] | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_stdnum(cls) -> DivisionRegistry:
        """Parse ``stdnum/cn/loc.dat`` (names with ``[from-to]`` validity years)."""
        text = (resources.files("stdnum") / "cn" / "loc.dat").read_text(encoding="utf-8")
        registry = cls({})
        raw: dict[str, list[Division]] = {}
        province = ""
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if not line.startswith(" "):
                province = line[:2]
                continue
            rest, _, value = line.strip().partition(" county=")
            code = province + rest
            for part in value.strip('"').split(","):
                match = _ENTRY.match(part)
                if match:
                    start, end, name = match[1], match[2], match[3]
                else:
                    start, end, name = "", "", part
                raw.setdefault(code, []).append(
                    Division(
                        code=code,
                        name=name,
                        level=_level(code),
                        valid_from=int(start) if start else None,
                        valid_to=int(end) if end else None,
                        is_summary=name in _SUMMARY_NAMES,
                        registry=registry,
                    )
                )
        registry._entries = {
            code: tuple(sorted(items, key=lambda d: (d.valid_from or 0, d.valid_to or 9999)))
            for code, items in raw.items()
        }
        return registry

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def history(self, code: str) -> tuple[Division, ...]:
        """Every entry of a code, oldest first; empty for an unknown code."""
        if not isinstance(code, str):
            raise InvalidFormat("division.format", field="division", value=code)
        return self._entries.get(code, ())

    def nearest(self, code: str, year: int | None) -> Division | None:
        """The entry in force in ``year``; else the earliest later one; else the latest.

        ``year=None`` gives the current entry (or the latest of a retired code).
        ``None`` for an unknown code.
        """
        entries = self._entries.get(code)
        if not entries:
            return None
        if year is None:
            return entries[-1]
        for entry in entries:
            if entry.in_force(year):
                return entry
        later = [e for e in entries if e.valid_from is not None and e.valid_from > year]
        return later[0] if later else entries[-1]

    def get(self, code: str, year: int | None = None) -> Division:
        """The entry of ``code`` (in force in ``year`` when given); raises ``UnknownCode``."""
        if not isinstance(code, str) or len(code) != 6 or not (code.isascii() and code.isdigit()):
            raise InvalidFormat("division.format", field="division", value=code)
        _check_year(year)
        entries = self._entries.get(code)
        if not entries:
            raise UnknownCode("division.unknown", field="division", value=code)
        if year is None:
            return entries[-1]
        for entry in entries:
            if entry.in_force(year):
                return entry
        raise UnknownCode(
            "division.unknown_in_year", field="division", value=code, params={"year": year}
        )

    def divisions(
        self,
        *,
        level: DivisionLevel | None = None,
        year: int | None = None,
        include_summary: bool = False,
    ) -> Iterator[Division]:
        """Entries in code order: in force in ``year``, or current when ``year`` is ``None``."""
        _check_year(year)
        for code in sorted(self._entries):
            entries = self._entries[code]
            if year is None:
                found = entries[-1] if entries[-1].is_current else None
            else:
                found = next((e for e in entries if e.in_force(year)), None)
            if found is None or (found.is_summary and not include_summary):
                continue
            if level is None or found.level is level:
                yield found

    def _name_index(self) -> dict[str, list[Division]]:
        if self._by_name is None:
            with self._lock:
                if self._by_name is None:
                    index: dict[str, list[Division]] = {}
                    for entries in self._entries.values():
                        for entry in entries:
                            if entry.is_summary:
                                continue
                            variants = {entry.name, short_name(entry.name), entry.full_name}
                            parent = entry.parent
                            if parent is not None:
                                variants.add(parent.name + entry.name)
                                variants.add(entry.province.name + entry.name)
                            for variant in variants:
                                index.setdefault(variant, []).append(entry)
                    self._by_name = index
        return self._by_name

    def find(self, name: str, year: int | None = None) -> tuple[Division, ...]:
        """Entries whose name, short name or full name is ``name``, in code order.

        A name over :data:`MAX_NAME_CHARS` characters matches nothing (it is not read).
        """
        if not isinstance(name, str):
            raise InvalidFormat("division.name_type", field="division", value=name)
        _check_year(year)
        if len(name) > MAX_NAME_CHARS:
            return ()
        hits = self._name_index().get(name.strip(), [])
        chosen: dict[str, Division] = {}
        for entry in hits:
            if year is not None and not entry.in_force(year):
                continue
            known = chosen.get(entry.code)
            if known is None or (entry.valid_from or 0) > (known.valid_from or 0):
                chosen[entry.code] = entry
        return tuple(chosen[code] for code in sorted(chosen))


#: The longest division name :meth:`DivisionRegistry.find` looks up (the longest is about 30).
MAX_NAME_CHARS = 64


def _check_year(year: object) -> None:
    """``year`` must be ``None`` or an ``int`` year (not a ``bool``, not text)."""
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InvalidValue("division.year", field="year", value=year)


_lock = threading.Lock()
_registry: DivisionRegistry | None = None


def registry() -> DivisionRegistry:
    """The shared registry, built on first use (thread-safe).

    >>> registry() is registry(), "620521" in registry()
    (True, True)
    """
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                _registry = DivisionRegistry.from_stdnum()
    return _registry
