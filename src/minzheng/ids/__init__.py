"""National identifiers: one module per standard, each with python-stdnum's face.

- :mod:`minzheng.ids.resident_id` — 公民身份号码 (GB 11643), :class:`ResidentId`;
- :mod:`minzheng.ids.credit_code` — 统一社会信用代码 (GB 32100), :class:`CreditCode`;
- :mod:`minzheng.ids.disability_certificate` — 残疾人证号, :class:`DisabilityCertificateNo`;
- :mod:`minzheng.ids.inspect` — :func:`~minzheng.ids.inspect.inspect_code` recognises and
  explains any of them, and division and statistical codes (what ``minzheng inspect`` prints).

>>> from minzheng.ids import resident_id, credit_code
>>> resident_id.is_valid("11010519491231002X"), credit_code.is_valid("53100000500021676K")
(True, True)
"""

from minzheng.ids import credit_code, disability_certificate, resident_id
from minzheng.ids.credit_code import CreditCode, OrgKind, RegistrationAuthority
from minzheng.ids.disability_certificate import DisabilityCertificateNo
from minzheng.ids.resident_id import IdKind, ResidentId

__all__ = [
    "CreditCode",
    "DisabilityCertificateNo",
    "IdKind",
    "OrgKind",
    "RegistrationAuthority",
    "ResidentId",
    "credit_code",
    "disability_certificate",
    "resident_id",
]
