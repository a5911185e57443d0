"""12-digit statistical codes and urban-rural classes: DOMAIN.md §3.2."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.divisions import StatCode, TownshipKind, UrbanRuralClass, VillageKind, stat_code
from minzheng.errors import InvalidComponent, InvalidFormat, MinzhengError


def test_worked_examples() -> None:
    dongcheng = StatCode.parse("110101001001")
    assert dongcheng.township_kind is TownshipKind.SUBDISTRICT
    assert dongcheng.village_kind is VillageKind.RESIDENTS_COMMITTEE
    assert dongcheng.county is not None and dongcheng.county.name == "东城区"
    village = StatCode.parse("220581102202")
    assert village.township_kind is TownshipKind.TOWN
    assert village.village_kind is VillageKind.VILLAGERS_COMMITTEE
    assert not UrbanRuralClass("220").is_urban and UrbanRuralClass("111").is_urban


@pytest.mark.parametrize(
    ("digits", "kind"),
    [
        ("001", VillageKind.RESIDENTS_COMMITTEE),
        ("199", VillageKind.RESIDENTS_COMMITTEE),
        ("200", VillageKind.VILLAGERS_COMMITTEE),
        ("399", VillageKind.VILLAGERS_COMMITTEE),
        ("400", VillageKind.RESIDENTS_COMMITTEE_LIKE),
        ("497", VillageKind.RESIDENTS_COMMITTEE_LIKE),
        ("498", VillageKind.VIRTUAL_COMMUNITY),
        ("499", VillageKind.RESIDENTS_COMMITTEE_LIKE),
        ("500", VillageKind.VILLAGERS_COMMITTEE_LIKE),
        ("598", VillageKind.VIRTUAL_LIVING_AREA),
        ("599", VillageKind.VILLAGERS_COMMITTEE_LIKE),
    ],
)
def test_village_ranges(digits: str, kind: VillageKind) -> None:
    assert StatCode.parse("620521100" + digits).village_kind is kind


@pytest.mark.parametrize(
    ("digits", "kind"),
    [
        ("001", TownshipKind.SUBDISTRICT),
        ("099", TownshipKind.SUBDISTRICT),
        ("100", TownshipKind.TOWN),
        ("200", TownshipKind.TOWNSHIP),
        ("399", TownshipKind.TOWNSHIP),
        ("400", TownshipKind.TOWNSHIP_LIKE),
        ("599", TownshipKind.TOWNSHIP_LIKE),
    ],
)
def test_township_ranges(digits: str, kind: TownshipKind) -> None:
    assert StatCode.parse("620521" + digits + "000").township_kind is kind


def test_out_of_range_digits_and_bad_shapes() -> None:
    with pytest.raises(InvalidComponent):
        StatCode.parse("620521600000")
    with pytest.raises(InvalidComponent):
        StatCode.parse("620521100600")
    with pytest.raises(InvalidComponent):
        StatCode.parse("620521000001")
    with pytest.raises(InvalidFormat):
        StatCode.parse("62052110000")


def test_functional_zones_have_no_gb2260_county() -> None:
    assert StatCode.parse("370171001000").county is None


@given(st.text(max_size=14))
def test_parse_raises_only_minzheng_errors(text: str) -> None:
    with contextlib.suppress(MinzhengError):
        StatCode.parse(text)
    assert isinstance(stat_code.is_valid(text), bool)


@given(st.integers(1, 599), st.integers(0, 599))
def test_every_defined_range_parses(township: int, village: int) -> None:
    code = StatCode.parse(f"620521{township:03d}{village:03d}")
    assert code.township_kind is not None
    assert (code.village_kind is None) == (village == 0)
