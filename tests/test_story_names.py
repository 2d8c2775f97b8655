"""A story that names no place of any country is set where its people's names are borne
(stages/entities/story_names.py, NameOrigins.together), on names, tables and sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph import Document
from newsgraph.kb.name_origins import read_name_origins

# A large country AAA (100 features) and a small one BBB (4), whose people bear "tem" once
_TABLE = "*\tAAA:100 BBB:4\nw:tem\tAAA:10 BBB:1\nw:ola\tAAA:10\nw:kip\tBBB:2\n"


def test_together_weighs_each_country_by_its_share_of_people(tmp_path: Path) -> None:
    path = tmp_path / "origins.tsv"
    path.write_text(_TABLE, encoding="utf-8")
    origins = read_name_origins(path)
    # One name both bear: the small country's ratio is the higher, its share of people far lower
    assert [c for c, _ in origins.scores("Tem Tem", {"AAA", "BBB"})] == ["BBB", "AAA"]
    assert [c for c, _ in origins.together(["Tem Tem"])] == ["AAA", "BBB"]
    # Names only the small country's people bear outweigh its small share
    assert [c for c, _ in origins.together(["Kip Kip", "Kip Tem"])] == ["BBB", "AAA"]


_MARKET = (
    "Traders at the Kiambogo livestock yard shut their stalls on Wednesday over a row about new market "
    "fees. Stall owner Wanjiku Njeri Kamau said the ward office had doubled the daily charge without "
    "warning. Her neighbour {second}, who sells goats, said he had lost three days of business. {third}, "
    "secretary of the Umoja Livestock Traders Group, said members would meet the ward administrator on "
    "Friday."
)
_KENYAN = {"second": "Kipchumba Rotich Langat", "third": "Ochieng Otieno Odhiambo"}


def _countries(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.country, e.country_source) for e in doc.entities if e.type in ("PERSON", "ORG")}


@pytest.mark.model
def test_a_story_with_no_place_of_a_country_is_where_its_names_are_borne(
    extract: Callable[..., Document],
) -> None:
    text = _MARKET.format(**_KENYAN) + (
        " The World Food Programme, which buys grain nearby, declined to comment."
    )
    out = _countries(extract(text))
    for name in (*_KENYAN.values(), "Wanjiku Njeri Kamau", "Umoja Livestock Traders Group"):
        assert out[name] == ("KEN", "home"), name
    # A body of no one state takes no story's home
    assert out["World Food Programme"] == (None, None)


@pytest.mark.model
def test_names_of_many_countries_place_no_story(extract: Callable[..., Document]) -> None:
    out = _countries(extract(_MARKET.format(second="Lars Erik Johansson", third="Hiroshi Tanaka")))
    assert out["Wanjiku Njeri Kamau"] == out["Umoja Livestock Traders Group"] == (None, None)


@pytest.mark.model
def test_a_dateline_outweighs_every_name(extract: Callable[..., Document]) -> None:
    out = _countries(extract("LEEDS, England (AP) — " + _MARKET.format(**_KENYAN)))
    assert all(source != "home" or country == "GBR" for country, source in out.values())
    assert out["Wanjiku Njeri Kamau"] == ("GBR", "dateline")
