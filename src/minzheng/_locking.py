"""The base of every mutable register: one re-entrant lock, and pickling without it.

A register (a ledger, a bed register, a marriage register, a case register) checks
an invariant across its records and then commits a change. Under threads the check
and the commit must be one step, and a reader must never iterate a dict another
thread is growing. :class:`Register` gives each register a ``threading.RLock``
(re-entrant, so one locked method may call another); the registers hold it around
every check-and-commit and return snapshots (tuples, lists, copies) from readers.

A lock cannot be pickled or copied, so :class:`Register` pickles the register's
other slots (snapshotted under the lock) and gives the copy a fresh lock.

>>> import copy
>>> class Tally(Register):
...     __slots__ = ("_seen",)
...     def __init__(self) -> None:
...         super().__init__()
...         self._seen: dict[str, int] = {}
>>> t = Tally()
>>> t._seen["a"] = 1
>>> twin = copy.copy(t)
>>> twin._seen, twin._seen is t._seen, twin._lock is t._lock
({'a': 1}, False, False)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

__all__ = ["Register", "locked"]

_P = ParamSpec("_P")
_R = TypeVar("_R")
_S = TypeVar("_S", bound="Register")


def _snapshot(value: Any) -> Any:
    """A copy of the containers (dicts, lists, sets) a register holds; records are shared."""
    if isinstance(value, dict):
        return {k: _snapshot(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_snapshot(v) for v in value]
    if isinstance(value, set):
        return set(value)
    return value


def _slot_names(cls: type) -> list[str]:
    names: list[str] = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        names.extend([slots] if isinstance(slots, str) else slots)
    return [n for n in names if n not in ("_lock", "__weakref__", "__dict__")]


class Register:
    """A mutable register guarded by one re-entrant lock; picklable and copyable.

    >>> r = Register()
    >>> with r._lock:
    ...     with r._lock:  # re-entrant: a locked method may call another
    ...         pass
    """

    __slots__ = ("_lock",)

    def __init__(self) -> None:
        self._lock = threading.RLock()

    def __getstate__(self) -> dict[str, Any]:
        with self._lock:
            return {
                name: _snapshot(getattr(self, name))
                for name in _slot_names(type(self))
                if hasattr(self, name)
            }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._lock = threading.RLock()
        for name, value in state.items():
            object.__setattr__(self, name, value)


def locked(method: Callable[Concatenate[_S, _P], _R]) -> Callable[Concatenate[_S, _P], _R]:
    """Run a register's method holding the register's lock (the whole check-and-commit).

    >>> class Counter(Register):
    ...     __slots__ = ("n",)
    ...     def __init__(self) -> None:
    ...         super().__init__()
    ...         self.n = 0
    ...     @locked
    ...     def bump(self) -> int:
    ...         self.n += 1
    ...         return self.n
    >>> Counter().bump()
    1
    """

    @functools.wraps(method)
    def wrapper(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper
