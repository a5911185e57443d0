"""Changes between the ministry's year-end lists as records, and codes followed through them.

Each :class:`DivisionChange` is one connected change between two consecutive
year-end lists — 新设, 撤销, 更名, 合并, 撤县设市, 撤县（市）设区, 隶属关系变更,
代码变更 or a boundary change — with the records before and after, the links
that say where territory went (``old code > new code``) and the approving
announcement where the data set records it (``data/SOURCE.md``). ``year`` is
the year of the first list that shows the change.

>>> from minzheng import divisions
>>> for change in divisions.changes(since=2021, until=2021, under="330100"):
...     print(change)
2021 撤销 330103 下城区 → 330105 拱墅区
2021 合并 330104 江干区、330109 萧山区 → 330102 上城区、330114 钱塘区
2021 新设 330110 余杭区 → 330113 临平区
>>> [d.name for d in divisions.successors("330103")]
['拱墅区']
"""

from __future__ import annotations

import datetime
import gzip
import threading
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from minzheng._bounds import within
from minzheng.codes import CodeEnum
from minzheng.errors import InvalidFormat, InvalidValue

if TYPE_CHECKING:
    from minzheng.divisions.division import Division

__all__ = [
    "Announcement",
    "ChangeKind",
    "DivisionChange",
    "DivisionRef",
    "changes",
    "predecessors",
    "successors",
]


def _typed(*kinds: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: the value is an instance of ``kinds`` (``bool`` is not an ``int``)."""
    expected = " | ".join(k.__name__ for k in kinds)

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds):
            return
        raise InvalidValue(
            "value.type",
            field=attribute.name,
            value=type(value).__name__,
            params={"expected": expected},
        )

    return check


def _tuple_of(*kinds: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: a tuple whose items are instances of ``kinds``."""
    item = _typed(*kinds)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _typed(tuple)(instance, attribute, value)
        for element in value:
            item(instance, attribute, element)

    return check


def _link(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _tuple_of(tuple)(_, attribute, value)
    for pair in value:
        if len(pair) != 2 or not all(isinstance(code, str) for code in pair):
            raise InvalidValue("value.invalid", field=attribute.name, value=str(pair)[:40])


class ChangeKind(CodeEnum):
    """The kind of a change, read from its shape (the records before and after).

    One old unit replaced by one new one is 更名 (renamed), 代码变更 (new code,
    same name and parent), 隶属关系变更 (new code under another parent), 撤县设市
    (a county, banner, 地区 or 盟 becomes a 市) or 撤县（市）设区 (becomes a
    district); new units beside persisting ones are 新设, units whose territory
    went to persisting ones are 撤销, several old units in one new one 合并, and
    territory moved between persisting units a boundary change.

    >>> ChangeKind.TO_DISTRICT.term, ChangeKind.from_code("merged").label("en")
    ('撤县（市）设区', 'Merged')
    """

    CREATED = "created", "新设"
    ABOLISHED = "abolished", "撤销"
    RENAMED = "renamed", "更名"
    MERGED = "merged", "合并"
    TO_CITY = "to_city", "撤县设市"
    TO_DISTRICT = "to_district", "撤县（市）设区"
    TRANSFERRED = "transferred", "隶属关系变更"
    RECODED = "recoded", "代码变更"
    BOUNDARY = "boundary", "行政区域界线变更"


@attrs.frozen
class DivisionRef:
    """A code with the name it carried on one side of a change.

    >>> str(DivisionRef("330113", "临平区"))
    '330113 临平区'
    """

    code: str = attrs.field(validator=_typed(str))
    name: str = attrs.field(validator=_typed(str))

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


@attrs.frozen(kw_only=True)
class Announcement:
    """The approving announcement of a change: title, document number, date and source.

    >>> a = changes(since=2021, until=2021, under="330100")[0].announcement
    >>> a.number, a.date
    ('浙政发〔2021〕7号', datetime.date(2021, 3, 11))
    """

    title: str = attrs.field(validator=_typed(str))
    number: str | None = attrs.field(validator=_typed(str, type(None)))
    date: datetime.date | None = attrs.field(validator=_typed(datetime.date, type(None)))
    source: str | None = attrs.field(validator=_typed(str, type(None)))


@attrs.frozen(kw_only=True)
class DivisionChange:
    """One change between the year-end lists of ``year - 1`` and ``year``.

    ``old`` are the records of the earlier list involved, ``new`` those of the
    later one; ``links`` say which old code's territory went (wholly or in
    part) to which new code.

    >>> c = changes(since=2021, until=2021, under="330100")[2]
    >>> c.kind.term, c.old, c.new
    ('新设', (DivisionRef(code='330110', name='余杭区'),), (DivisionRef(code='330113', name='临平区'),))
    >>> c.links, c.date
    ((('330110', '330113'),), datetime.date(2021, 3, 11))
    """

    year: int = attrs.field(validator=[_typed(int), within(1949, 2200)])
    kind: ChangeKind = attrs.field(validator=_typed(ChangeKind))
    old: tuple[DivisionRef, ...] = attrs.field(validator=_tuple_of(DivisionRef))
    new: tuple[DivisionRef, ...] = attrs.field(validator=_tuple_of(DivisionRef))
    links: tuple[tuple[str, str], ...] = attrs.field(validator=_link)
    announcement: Announcement | None = attrs.field(
        default=None, validator=_typed(Announcement, type(None))
    )

    @property
    def date(self) -> datetime.date | None:
        """The announcement's date, where known.

        >>> changes(since=2021, until=2021, under="330100")[0].date.isoformat()
        '2021-03-11'
        """
        return self.announcement.date if self.announcement is not None else None

    def touches(self, code: str) -> bool:
        """Whether a record of the change lies in ``code``'s area (by code prefix).

        >>> c = changes(since=2021, until=2021, under="330100")[0]
        >>> c.touches("330000"), c.touches("320000")
        (True, False)
        """
        prefix = _prefix(code)
        return any(ref.code.startswith(prefix) for ref in (*self.old, *self.new))

    def __str__(self) -> str:
        old = "、".join(str(r) for r in self.old)
        new = "、".join(str(r) for r in self.new)
        return f"{self.year} {self.kind.term} {old} → {new}"


def _prefix(code: str) -> str:
    if code[2:] == "0000":
        return code[:2]
    if code[4:] == "00":
        return code[:4]
    return code


def _refs(text: str) -> tuple[DivisionRef, ...]:
    return tuple(DivisionRef(*part.split(":", 1)) for part in text.split(";") if part)


class _Changes:
    """The parsed ``changes.tsv.gz``: changes in order and links by year."""

    def __init__(self) -> None:
        raw = (resources.files("minzheng.divisions") / "data" / "changes.tsv.gz").read_bytes()
        announcements: dict[str, Announcement] = {}
        items: list[DivisionChange] = []
        for line in gzip.decompress(raw).decode("utf-8").splitlines():
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            if line.startswith("@"):
                ident, date, title, number, source = fields
                announcements[ident[1:]] = Announcement(
                    title=title,
                    number=number or None,
                    date=datetime.date.fromisoformat(date) if date else None,
                    source=source or None,
                )
                continue
            year, kind, old, new, links, ident = fields
            items.append(
                DivisionChange(
                    year=int(year),
                    kind=ChangeKind(kind),
                    old=_refs(old),
                    new=_refs(new),
                    links=tuple(
                        (link[:6], link[7:]) for link in links.split(";") if len(link) == 13
                    ),
                    announcement=announcements.get(ident),
                )
            )
        self.items = tuple(sorted(items, key=lambda c: (c.year, [r.code for r in c.old])))
        self.forward: dict[tuple[int, str], list[str]] = defaultdict(list)
        self.backward: dict[tuple[int, str], list[str]] = defaultdict(list)
        for change in items:
            for old_code, new_code in change.links:
                if old_code != new_code:
                    self.forward[(change.year, old_code)].append(new_code)
                    self.backward[(change.year, new_code)].append(old_code)


_lock = threading.Lock()
_loaded: _Changes | None = None


def _data() -> _Changes:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _Changes()
    return _loaded


def _check_year(value: object, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(
            "value.type", field=field, value=repr(value)[:20], params={"expected": "int"}
        )
    return value


def _check_code(code: object, field: str = "division") -> str:
    if not isinstance(code, str) or len(code) != 6 or not (code.isascii() and code.isdigit()):
        raise InvalidFormat("division.format", field=field, value=str(code)[:20])
    return code


def changes(
    *,
    since: int | None = None,
    until: int | None = None,
    under: str | None = None,
    kind: ChangeKind | str | None = None,
) -> tuple[DivisionChange, ...]:
    """Changes of the years ``since``…``until`` (inclusive), in ``under``'s area, of one ``kind``.

    ``under`` is a province, prefecture or county code; a change is in its area
    when one of its records, before or after, has the code's prefix. The year
    of a change is the year of the first list that shows it.

    >>> [(c.kind.value, [r.name for r in c.new]) for c in changes(since=2021, under="330100")]
    [('abolished', ['拱墅区']), ('merged', ['上城区', '钱塘区']), ('created', ['临平区'])]
    >>> for change in changes(since=2021, until=2021, under="350000", kind="to_district"):
    ...     print(change)
    2021 撤县（市）设区 350427 沙县 → 350405 沙县区
    2021 撤县（市）设区 350625 长泰县 → 350605 长泰区
    2021 撤县（市）设区 350681 龙海市 → 350604 龙海区
    """
    start, end = _check_year(since, "since"), _check_year(until, "until")
    prefix = _prefix(_check_code(under, "under")) if under is not None else None
    wanted = ChangeKind.from_code(kind) if kind is not None else None
    return tuple(
        c
        for c in _data().items
        if (start is None or c.year >= start)
        and (end is None or c.year <= end)
        and (wanted is None or c.kind is wanted)
        and (prefix is None or any(r.code.startswith(prefix) for r in (*c.old, *c.new)))
    )


def _run_end(code: str, year: int) -> int | None:
    """The last year of the unbroken run of ``code`` (renamings included) through ``year``."""
    from minzheng.divisions._registry import registry

    end: int | None = None
    for entry in registry().history(code):
        start = entry.valid_from if entry.valid_from is not None else registry().first_year
        if entry.in_force(year) or (end is not None and start == end + 1):
            end = entry.valid_to if entry.valid_to is not None else registry().latest_year
        elif end is not None:
            break
    return end


def _run_start(code: str, year: int) -> int:
    """The first year of the unbroken run of ``code`` (renamings included) through ``year``."""
    from minzheng.divisions._registry import registry

    start: int | None = None
    for entry in reversed(registry().history(code)):
        end = entry.valid_to if entry.valid_to is not None else registry().latest_year
        if entry.in_force(year) or (start is not None and end == start - 1):
            start = entry.valid_from if entry.valid_from is not None else registry().first_year
        elif start is not None:
            break
    return start if start is not None else year


def _forward(code: str, last: int, year: int, seen: set[tuple[str, int]]) -> set[str]:
    """Codes in force in ``year`` holding what ``code`` held when it ended after ``last``."""
    if (code, last) in seen:
        return set()
    seen.add((code, last))
    found: set[str] = set()
    for target in _data().forward.get((last + 1, code), ()):
        # Follow the target's own run of years: a code used again later is another unit.
        end = _run_end(target, last + 1)
        if end is None:
            continue
        if end >= year:
            found.add(target)
        else:
            found |= _forward(target, end, year, seen)
    return found


def successors(code: str, year: int | None = None) -> tuple[Division, ...]:
    """The units in force in ``year`` (the latest list when ``None``) that took over ``code``.

    A code in force in ``year`` is its own successor. A retired code is followed
    through every abolition, merger, renaming and re-coding after it ended;
    territory a persisting unit gave away (a boundary change, a new unit carved
    out) is not followed. Empty for a code not yet in use in ``year``.

    >>> [str(d) for d in successors("371202")]  # 莱芜市莱城区, 2019 济南市莱芜区
    ['370116 莱芜区']
    >>> [str(d) for d in successors("330104")]  # 江干区 split in 2021
    ['330102 上城区', '330114 钱塘区']
    >>> [str(d) for d in successors("330103", 2020)]
    ['330103 下城区']
    """
    from minzheng.divisions._registry import registry

    _check_code(code)
    table = registry()
    target = table.latest_year if year is None else _check_year(year, "year")
    assert target is not None
    current = table.in_force(code, target)
    if current is not None:
        return (current,)
    ended = [e for e in table.history(code) if e.valid_to is not None and e.valid_to < target]
    if not ended:
        return ()
    codes = _forward(code, ended[-1].valid_to or 0, target, set())
    found = (table.in_force(c, target) for c in sorted(codes))
    return tuple(d for d in found if d is not None)


def predecessors(code: str, year: int | None = None) -> tuple[Division, ...]:
    """The retired entries whose successors in ``year`` include ``code`` — the inverse of :func:`successors`.

    Each is the entry as it stood when it ended, oldest first.

    >>> [(d.code, d.name, d.valid_to) for d in predecessors("330105")]  # 拱墅区
    [('330107', '半山区', 1989), ('330103', '下城区', 2020)]
    >>> for d in predecessors("370116"):  # 济南市莱芜区
    ...     print(d.code, d.name, d.valid_to)
    372622 莱芜县 1982
    372602 莱芜市 1984
    370919 莱芜市 1985
    379004 莱芜市 1989
    370981 莱芜市 1991
    371202 莱城区 2017
    """
    from minzheng.divisions._registry import registry

    _check_code(code)
    table = registry()
    target = table.latest_year if year is None else _check_year(year, "year")
    assert target is not None
    unit = table.in_force(code, target)
    if unit is None:
        return ()
    found: dict[tuple[str, int], Division] = {}
    queue = [(code, _run_start(code, target), target)]
    seen: set[tuple[str, int, int]] = set()
    while queue:
        current, first, last = queue.pop()
        if (current, first, last) in seen:
            continue
        seen.add((current, first, last))
        for change_year in range(max(first, table.first_year + 1), last + 1):
            for old in _data().backward.get((change_year, current), ()):
                entry = table.in_force(old, change_year - 1)
                if entry is None or entry.valid_to != change_year - 1:
                    continue  # the old unit went on: it only gave territory away
                if code not in _forward(old, change_year - 1, target, set()):
                    continue
                found[(old, change_year - 1)] = entry
                queue.append((old, _run_start(old, change_year - 1), change_year - 1))
    ordered = sorted(found.items(), key=lambda item: (item[0][1], item[0][0]))
    return tuple(entry for _, entry in ordered)
