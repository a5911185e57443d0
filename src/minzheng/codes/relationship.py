"""Family relationship to the head of household — GB/T 4761-2008《家庭关系代码》.

Two-digit codes; the first digit groups them (1 spouse, 2 son, 3 daughter,
4 grandchild, 5 parent, 6 grandparent, 7 sibling, 8/9 other relatives, 99 not
related). The list is reproduced from background knowledge of the standard
(the codes household-register systems use); DOMAIN.md does not restate it
(UNVERIFIED against the standard's text).

>>> Relationship.WIFE.kind
<RelationshipKind.SPOUSE: 'spouse'>
"""

from __future__ import annotations

from enum import StrEnum

from minzheng.codes._base import CodeEnum

__all__ = ["Relationship", "RelationshipKind"]


class RelationshipKind(StrEnum):
    """Coarse groups of relationship codes, used by household-member rules.

    >>> Relationship.ELDEST_SON.kind is RelationshipKind.CHILD
    True
    """

    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    CHILD_IN_LAW = "child_in_law"
    GRANDCHILD = "grandchild"
    PARENT = "parent"
    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    OTHER_RELATIVE = "other_relative"
    NOT_RELATED = "not_related"


_IN_LAW = {"28", "38", "72", "74", "76", "78"}


class Relationship(CodeEnum):
    """GB/T 4761-2008 relationship to the head of household.

    >>> Relationship.from_code("20").label("en")
    'Son'
    >>> Relationship.DAUGHTER_IN_LAW.kind.value
    'child_in_law'
    """

    SELF = "01", "本人"
    HEAD = "02", "户主"
    SPOUSE = "10", "配偶"
    HUSBAND = "11", "夫"
    WIFE = "12", "妻"
    SON = "20", "子"
    ONLY_SON = "21", "独生子"
    ELDEST_SON = "22", "长子"
    SECOND_SON = "23", "次子"
    THIRD_SON = "24", "三子"
    FOURTH_SON = "25", "四子"
    FIFTH_SON = "26", "五子"
    ADOPTED_OR_STEP_SON = "27", "养子或继子"
    SON_IN_LAW = "28", "女婿"
    OTHER_SON = "29", "其他儿子"
    DAUGHTER = "30", "女"
    ONLY_DAUGHTER = "31", "独生女"
    ELDEST_DAUGHTER = "32", "长女"
    SECOND_DAUGHTER = "33", "次女"
    THIRD_DAUGHTER = "34", "三女"
    FOURTH_DAUGHTER = "35", "四女"
    FIFTH_DAUGHTER = "36", "五女"
    ADOPTED_OR_STEP_DAUGHTER = "37", "养女或继女"
    DAUGHTER_IN_LAW = "38", "儿媳"
    OTHER_DAUGHTER = "39", "其他女儿"
    GRANDCHILD = "40", "孙子、孙女或外孙子、外孙女"
    GRANDSON = "41", "孙子"
    GRANDDAUGHTER = "42", "孙女"
    DAUGHTERS_SON = "43", "外孙子"
    DAUGHTERS_DAUGHTER = "44", "外孙女"
    GRANDSON_IN_LAW_WIFE = "45", "孙媳妇或外孙媳妇"
    GRANDDAUGHTER_IN_LAW_HUSBAND = "46", "孙女婿或外孙女婿"
    GREAT_GRANDSON = "47", "曾孙子或外曾孙子"
    GREAT_GRANDDAUGHTER = "48", "曾孙女或外曾孙女"
    OTHER_GRANDCHILD = "49", "其他孙子、孙女或外孙子、外孙女"
    PARENT = "50", "父母"
    FATHER = "51", "父亲"
    MOTHER = "52", "母亲"
    FATHER_IN_LAW_HUSBAND = "53", "公公"
    MOTHER_IN_LAW_HUSBAND = "54", "婆婆"
    FATHER_IN_LAW_WIFE = "55", "岳父"
    MOTHER_IN_LAW_WIFE = "56", "岳母"
    STEP_OR_ADOPTIVE_FATHER = "57", "继父或养父"
    STEP_OR_ADOPTIVE_MOTHER = "58", "继母或养母"
    OTHER_PARENT = "59", "其他父母关系"
    GRANDPARENT = "60", "祖父母或外祖父母"
    GRANDFATHER = "61", "祖父"
    GRANDMOTHER = "62", "祖母"
    MATERNAL_GRANDFATHER = "63", "外祖父"
    MATERNAL_GRANDMOTHER = "64", "外祖母"
    SPOUSES_GRANDPARENT = "65", "配偶的祖父母或外祖父母"
    GREAT_GRANDFATHER = "66", "曾祖父"
    GREAT_GRANDMOTHER = "67", "曾祖母"
    SPOUSES_GREAT_GRANDPARENT = "68", "配偶的曾祖父母或外曾祖父母"
    OTHER_GRANDPARENT = "69", "其他祖父母或外祖父母关系"
    SIBLING = "70", "兄弟姐妹"
    ELDER_BROTHER = "71", "兄"
    ELDER_BROTHERS_WIFE = "72", "嫂"
    YOUNGER_BROTHER = "73", "弟"
    YOUNGER_BROTHERS_WIFE = "74", "弟媳"
    ELDER_SISTER = "75", "姐姐"
    ELDER_SISTERS_HUSBAND = "76", "姐夫"
    YOUNGER_SISTER = "77", "妹妹"
    YOUNGER_SISTERS_HUSBAND = "78", "妹夫"
    OTHER_SIBLING = "79", "其他兄弟姐妹"
    OTHER = "80", "其他"
    FATHERS_ELDER_BROTHER = "81", "伯父"
    FATHERS_ELDER_BROTHERS_WIFE = "82", "伯母"
    FATHERS_YOUNGER_BROTHER = "83", "叔父"
    FATHERS_YOUNGER_BROTHERS_WIFE = "84", "婶母"
    MOTHERS_BROTHER = "85", "舅父"
    MOTHERS_BROTHERS_WIFE = "86", "舅母"
    MOTHERS_SISTERS_HUSBAND = "87", "姨父"
    MOTHERS_SISTER = "88", "姨母"
    FATHERS_SISTERS_HUSBAND = "89", "姑父"
    FATHERS_SISTER = "90", "姑母"
    PATERNAL_COUSIN = "91", "堂兄弟、堂姐妹"
    MATERNAL_COUSIN = "92", "表兄弟、表姐妹"
    BROTHERS_SON = "93", "侄子"
    BROTHERS_DAUGHTER = "94", "侄女"
    SISTERS_SON = "95", "外甥"
    SISTERS_DAUGHTER = "96", "外甥女"
    OTHER_RELATIVE = "97", "其他亲属"
    NOT_RELATED = "99", "非亲属"

    @property
    def kind(self) -> RelationshipKind:
        """The coarse group of this relationship.

        >>> Relationship.MOTHER.kind.value, Relationship.NOT_RELATED.kind.value
        ('parent', 'not_related')
        """
        code = self.value
        if code in ("01", "02"):
            return RelationshipKind.SELF
        if code in _IN_LAW:
            return RelationshipKind.CHILD_IN_LAW if code[0] in "23" else RelationshipKind.SIBLING
        first = code[0]
        if first == "1":
            return RelationshipKind.SPOUSE
        if first in "23":
            return RelationshipKind.CHILD
        if first == "4":
            return RelationshipKind.GRANDCHILD
        if first == "5":
            return RelationshipKind.PARENT
        if first == "6":
            return RelationshipKind.GRANDPARENT
        if first == "7":
            return RelationshipKind.SIBLING
        if code == "99":
            return RelationshipKind.NOT_RELATED
        return RelationshipKind.OTHER_RELATIVE
