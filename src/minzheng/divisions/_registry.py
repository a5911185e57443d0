"""The registry of GB/T 2260 codes with history, built once from the ministry's year-end lists.

The table (``data/divisions.tsv``, see ``data/SOURCE.md``) holds every
county-level-and-above code of the Ministry of Civil Affairs' year-end lists
from 1981 to the latest published, rebuilt by ``scripts/build_divisions.py``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Mapping
from importlib import resources

from minzheng.divisions.division import Division, DivisionLevel
from minzheng.errors import InvalidFormat, InvalidValue, UnknownCode

__all__ = ["MAX_NAME_CHARS", "DivisionRegistry", "registry"]

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


@functools.cache
def _ethnic_groups() -> tuple[str, ...]:
    from minzheng.codes import Ethnicity

    return tuple(
        sorted((e.term for e in Ethnicity if e.term.endswith("族")), key=len, reverse=True)
    )


def short_name(name: str) -> str:
    """A name without its administrative suffix and ethnic-group words (高台县 → 高台)."""
    stem = name
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            stem = stem[: -len(suffix)]
            break
    groups = _ethnic_groups()
    changed = True
    while changed:
        changed = False
        for group in groups:
            if stem.endswith(group) and len(stem) > len(group):
                stem = stem[: -len(group)]
                changed = True
                break
    return stem


class _LazyEntries(Mapping[str, tuple[Division, ...]]):
    """Code → entries, each code's entries built from its data-file lines on first use."""

    def __init__(self, raw: dict[str, list[str]], registry: DivisionRegistry) -> None:
        self._raw = raw
        self._built: dict[str, tuple[Division, ...]] = {}
        self._registry = registry

    def __getitem__(self, code: str) -> tuple[Division, ...]:
        found = self._built.get(code)
        if found is None:
            entries = []
            for line in self._raw[code]:
                _, name, start, end, flag = line.split("\t")
                entries.append(
                    Division(
                        code=code,
                        name=name,
                        level=_level(code),
                        valid_from=int(start) if start else None,
                        valid_to=int(end) if end else None,
                        is_summary=flag == "s",
                        registry=self._registry,
                    )
                )
            # Two threads may build the same tuple; the entries are equal values.
            found = self._built.setdefault(code, tuple(entries))
        return found

    def __contains__(self, code: object) -> bool:
        return code in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class DivisionRegistry:
    """All GB/T 2260 entries with their validity years; immutable once built.

    Use the shared instance, :func:`registry`.

    >>> registry().nearest("440524", 1985).name
    '潮阳县'
    """

    #: The year of the earliest list in the table; entries in it have ``valid_from=None``.
    first_year: int = 1981
    #: The year of the latest list; entries in it have ``valid_to=None``.
    latest_year: int = 1981

    def __init__(self, entries: Mapping[str, tuple[Division, ...]]) -> None:
        self._entries = entries
        self._by_name: dict[str, list[Division]] | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_data(cls) -> DivisionRegistry:
        """Read the shipped table built from the ministry's year-end lists (``data/divisions.tsv``).

        Each line is one span of years a code kept one name: ``code``, ``name``,
        first year, last year and ``s`` for a summary line. A blank first year
        means "in the first list" (the record begins with the list of
        :attr:`first_year`), a blank last year "in the latest list".

        >>> table = DivisionRegistry.from_data()
        >>> table.first_year, table.latest_year >= 2024
        (1981, True)
        """
        text = (resources.files("minzheng.divisions") / "data" / "divisions.tsv").read_text(
            encoding="utf-8"
        )
        registry = cls({})
        raw: dict[str, list[str]] = {}
        for line in text.splitlines():
            if line.startswith("#"):
                for key, value in (part.split("=", 1) for part in line[1:].split() if "=" in part):
                    if key in ("first", "latest"):
                        setattr(registry, f"{key}_year", int(value))
                continue
            code = line[:6]
            lines = raw.get(code)
            if lines is None:
                raw[code] = [line]
            else:
                lines.append(line)
        registry._entries = _LazyEntries(raw, registry)
        return registry

    def codes(self) -> list[str]:
        """Every code in the table, in order.

        >>> codes = registry().codes()
        >>> codes[0], "330113" in codes
        ('110000', True)
        """
        return sorted(self._entries)

    def in_force(self, code: str, year: int | None) -> Division | None:
        """The entry of ``code`` in force in ``year`` (the latest list when ``None``), or ``None``.

        >>> registry().in_force("330113", 2020) is None, registry().in_force("330113", 2021).name
        (True, '临平区')
        """
        entries = self._entries.get(code, ()) if isinstance(code, str) else ()
        if year is None:
            return entries[-1] if entries and entries[-1].is_current else None
        return next((e for e in entries if e.in_force(year)), None)

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
                _registry = DivisionRegistry.from_data()
    return _registry
