"""Money counted in one state's currency says where a story happens (stages/entities/currencies.py), on
sentences and stories written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document, lexicons
from newsgraph.lexicons.entities import currencies
from newsgraph.stages.entities.currencies import currency_mentions


def _read(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], country) for start, (end, country) in currency_mentions(text).items()]


def test_a_currency_of_one_state_after_an_amount_is_read() -> None:
    assert _read("Riders paid 2,500 tenge for the return ticket.") == [("tenge", "KAZ")]
    assert _read("a loan of 4,200 million guaraníes and 90 million ariary") == [
        ("guaraníes", "PRY"),
        ("ariary", "MDG"),
    ]
    assert _read("a bond of 3.5 billion dong") == [("dong", "VNM")]


def test_no_amount_no_currency_of_one_state_no_currency() -> None:
    assert _read("envelopes of leones changed hands") == []  # no amount
    assert _read("a fare of 5 dollars") == []  # many states' dollars
    assert _read("who in 2019 won the title") == []  # a year is no amount


def test_a_currency_that_is_an_english_word_needs_a_large_amount() -> None:
    assert _read("she has 3 won races this year") == []
    assert _read("a fine of 25,000 won") == [("won", "KOR")]
    assert _read("fees of 2 million kip") == [("kip", "LAO")]


def test_every_currency_is_a_state_the_lexicons_know() -> None:
    known = {country.iso3 for country in lexicons.country_by_name().values()}
    assert set(currencies().country_of.values()) <= known


# A Malagasy port's story that names Japan and Osaka (a donor, a firm) as often as its own town
_COLD_STORE = (
    "Fish traders at the market in Toamasina will get a cold store next year after Japan agreed to pay "
    "most of the {cost} cost. Hery Rakotomalala, secretary of the Toamasina Fish Traders Union, said "
    "members lost half their catch when ice ran out. Engineers from an Osaka firm, Kansai Reito, will fit "
    "the plant. A trader, Lalao Randria, said a kilo of prawns sold for {price} in the morning and half that "
    "by noon."
)


@pytest.mark.model
def test_money_in_the_local_currency_sets_a_story_at_home(extract: Callable[..., Document]) -> None:
    doc = extract(_COLD_STORE.format(cost="900 million ariary", price="8,000 ariary"), "2019-03-02")
    trader = next(e for e in doc.entities if e.name == "Lalao Randria")
    assert (trader.country, trader.country_source) == ("MDG", "home")


_DIHOVO = (
    "A cheese dairy in the village of Dihovo has signed a contract to ship 40 tonnes of white cheese a "
    "year to an importer in Stuttgart.{more} Owner Goran Trajkovski said the dairy would buy milk from "
    "about 60 shepherds. The dairy spent 18 million denars on a ripening room."
)


@pytest.mark.model
@pytest.mark.parametrize(
    "more",
    [
        # The one place the first sentence names is where the cheese goes: no scene
        "",
        # Germany, named twice, is where the cheese goes: no most named country's guess either
        " The importer supplies delicatessens across southern Germany.",
    ],
)
def test_a_story_counting_its_money_in_another_states_currency_is_not_set_where_its_goods_go(
    extract: Callable[..., Document], more: str
) -> None:
    # The denars say where the dairy is
    doc = extract(_DIHOVO.format(more=more), "2019-07-06")
    owner = next(e for e in doc.entities if e.name == "Goran Trajkovski")
    assert owner.country != "DEU"


@pytest.mark.model
def test_a_story_that_places_itself_nowhere_else_is_where_its_money_is(
    extract: Callable[..., Document],
) -> None:
    # No dateline, no town the gazetteer knows, one demonym of the visitors: the tenge place it
    doc = extract(
        "Stallholders at the bazaar in Sarykol say a new bus link has brought a stream of Chinese day "
        "traders and a price war in shoes and phones. Aliya Nurlanova, who has sold shoes there for 12 "
        "years, said her profit had fallen by a third. A return ticket costs 2,500 tenge.",
        "2019-06-18",
    )
    seller = next(e for e in doc.entities if "Nurlanova" in e.name)
    assert (seller.country, seller.country_source) == ("KAZ", "home")


@pytest.mark.model
def test_the_visitors_places_set_no_story_whose_money_is_anothers(extract: Callable[..., Document]) -> None:
    # China is named three times (as where the bus comes from, the traders' and a wholesaler's origin):
    # most of the story's place mentions, but the money is counted in tenge
    doc = extract(
        "Stallholders at the bazaar in Sarykol say a new bus link from China has brought a stream of Chinese "
        "day traders and a price war in shoes and phones. Aliya Nurlanova, who has sold shoes there for 12 "
        "years, said her profit had fallen by a third. Wang Lihua, a wholesaler from Urumqi, said she paid "
        "2,500 tenge for a return ticket.",
        "2019-06-18",
    )
    countries = {e.name: e.country for e in doc.entities}
    assert next(c for name, c in countries.items() if "Nurlanova" in name) == "KAZ"
    assert countries["Wang Lihua"] == "CHN"
