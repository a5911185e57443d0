"""Rules as code: ``Decision`` and ``Reason``, with citations of the law they rest on.

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

from minzheng.rules.citations import Citation, Instrument
from minzheng.rules.decision import Decision
from minzheng.rules.numerals import chinese_numeral
from minzheng.rules.reasons import Reason, Term, format_rate, render_param

__all__ = [
    "Citation",
    "Decision",
    "Instrument",
    "Reason",
    "Term",
    "chinese_numeral",
    "format_rate",
    "render_param",
]
