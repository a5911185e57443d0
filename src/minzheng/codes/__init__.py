"""Code lists as ``StrEnum``s whose values are the official codes.

Every member carries its official Simplified Chinese term (``member.term``) and a
label in each supported locale (``member.label("en")``).

>>> from minzheng.codes import Sex, DisabilityCategory
>>> Sex("1").label("zh_Hant"), DisabilityCategory.PHYSICAL.label("en")
('男性', 'Physical disability')
"""

from minzheng.codes._base import MAX_CODE_CHARS, CodeEnum, all_code_enums
from minzheng.codes.ability import (
    MAX_ABILITY_SCORE,
    AbilityLevel,
    ability_level,
    preliminary_ability_level,
)
from minzheng.codes.area import Area
from minzheng.codes.disability import DisabilityCategory, DisabilityGrade
from minzheng.codes.ethnicity import Ethnicity
from minzheng.codes.hukou import HukouType
from minzheng.codes.marital_status import MaritalStatus
from minzheng.codes.relationship import Relationship, RelationshipKind
from minzheng.codes.sex import Sex

__all__ = [
    "MAX_ABILITY_SCORE",
    "MAX_CODE_CHARS",
    "AbilityLevel",
    "Area",
    "CodeEnum",
    "DisabilityCategory",
    "DisabilityGrade",
    "Ethnicity",
    "HukouType",
    "MaritalStatus",
    "Relationship",
    "RelationshipKind",
    "Sex",
    "ability_level",
    "all_code_enums",
    "preliminary_ability_level",
]
