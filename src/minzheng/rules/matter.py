"""``Matter``: what a rule decides about — a programme or a kind of registration.

The rules layer sits below :mod:`minzheng.programmes` and
:mod:`minzheng.registration`, so it knows a matter only by this protocol: a
stable code (``value``), the official term and a label per locale. Every
:class:`~minzheng.programmes.Programme` and
:class:`~minzheng.registration.RegistrationKind` member is one.

>>> from minzheng.programmes import Programme
>>> def title(matter: Matter) -> str:
...     return matter.label("en")
>>> title(Programme.DIBAO)
'Minimum living allowance (dibao)'
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Matter"]


@runtime_checkable
class Matter(Protocol):
    """A programme or registration kind: a code, the official term, labels in each locale.

    >>> from minzheng.programmes import Programme
    >>> isinstance(Programme.TEKUN, Matter)
    True
    """

    @property
    def value(self) -> str:
        """The stable code (``"dibao"``)."""
        ...

    @property
    def term(self) -> str:
        """The official Simplified Chinese term."""
        ...

    def label(self, locale: object = "zh_Hans") -> str:
        """The label in ``locale``."""
        ...
