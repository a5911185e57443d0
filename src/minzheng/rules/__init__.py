"""Rules as code: ``Ruling`` builds a ``Decision`` from ``Reason`` steps citing the law.

The rule kit: a rule opens a :class:`Ruling` on its matter, date, subject and
standard, records each condition with :meth:`Ruling.check` / :meth:`Ruling.note`,
and returns :meth:`Ruling.decide`; registers refuse with :meth:`Ruling.refuse`
(or :func:`refusal`). Dated rule versions are picked with :func:`in_force`; every
reason code is catalogued in :data:`REASONS`. This package imports nothing above
it: programmes and registration kinds are seen through the :class:`Matter` protocol.

>>> import datetime
>>> from minzheng.programmes import Programme
>>> reason = Reason(code="dibao.full_amount",
...                 citation=Citation(instrument=Instrument.INTERIM_MEASURES, article=12))
>>> d = Decision(programme=Programme.DIBAO, eligible=True, on=datetime.date(2025, 3, 1),
...              reasons=(reason,))
>>> print(d.explain("zh_Hant"))
最低生活保障：符合條件
依據：
- 家庭無可計算收入，按標準全額保障（《社會救助暫行辦法》第十二條）
"""

from minzheng.rules.catalogue import REASONS, ReasonEntry, reason_catalogue_markdown
from minzheng.rules.citations import Citation, Instrument
from minzheng.rules.decision import Decision
from minzheng.rules.matter import Matter
from minzheng.rules.numerals import chinese_numeral
from minzheng.rules.reasons import Reason, Term, format_rate, render_param
from minzheng.rules.ruling import (
    Ruling,
    Versioned,
    as_date,
    deprecated_alias,
    in_force,
    refusal,
)

__all__ = [
    "REASONS",
    "Citation",
    "Decision",
    "Instrument",
    "Matter",
    "Reason",
    "ReasonEntry",
    "Ruling",
    "Term",
    "Versioned",
    "as_date",
    "chinese_numeral",
    "deprecated_alias",
    "format_rate",
    "in_force",
    "reason_catalogue_markdown",
    "refusal",
    "render_param",
]
