"""The claim check's alignment and comparison (issue 16): one actor under two names, amounts as ranges,
polarity through governing verbs, role swaps, and the contract's precedence (a name the sources never
mention makes a claim not_in_sources, never "X differs"). Hand-written sources."""

from __future__ import annotations

import pytest

from newsgraph.check import ClaimVerdict, check_claims
from newsgraph.check.features import Number, same_number

SOURCE = (
    "Hundreds of Korvan Group contractors guard the mines of Teshar, officials said on Monday. "
    "President Ana Meldu hosted the Velian envoy, Tomas Riker, in Teshar on Wednesday. "
    "The rebels attacked the garrison of Dorran before dawn. "
    "About 1,000 people fled the fighting, the United Nations said. "
    "\u201cWe would not be shocked to see the Korvan Group try to seize the port,\u201d "
    "said Lena Ost."
)


def verdict_of(claim: str, source: str = SOURCE, verdict: str = "learned") -> ClaimVerdict:
    result = check_claims([source], claim, published="2023-08-03", verdict=verdict)
    assert len(result.claims) == 1, result
    return result.claims[0]


def test_amount_ranges() -> None:
    hundreds = Number(None, "hundreds", 0, 8, 200, 999)
    assert not same_number(hundreds, Number(1500.0, "1,500", 0, 5, 1492.5, 1507.5))
    assert same_number(hundreds, Number(500.0, "500", 0, 3, 497.5, 502.5))
    about = Number(1000.0, "1,000", 0, 5, 850, 1150)
    assert same_number(about, Number(1000.0, "1,000", 0, 5, 995, 1005))


@pytest.mark.model
def test_vague_amount_against_a_figure_names_both_sides() -> None:
    v = verdict_of("The Korvan group has 1,500 troops in Teshar.")
    assert v.verdict == "contradicted", v
    assert "1,500" in v.reason and "hundreds" in v.reason.lower()
    assert v.evidence and SOURCE[v.evidence[0].start : v.evidence[0].end] == v.evidence[0].text


@pytest.mark.model
def test_approximate_amount_is_compatible() -> None:
    assert verdict_of("1,000 people fled the fighting.").verdict == "supported"


@pytest.mark.model
def test_unknown_person_is_not_in_sources_not_a_difference() -> None:
    v = verdict_of("Marek Szolt celebrated the attack on Dorran.")
    assert v.verdict == "not_in_sources", v
    assert "Marek Szolt" in v.reason and "differs" not in v.reason


@pytest.mark.model
def test_refusal_contradicts_a_meeting_that_happened() -> None:
    v = verdict_of("Ana Meldu refused to meet Tomas Riker.")
    assert v.verdict == "contradicted", v
    assert "negation" in v.reason


@pytest.mark.model
def test_denial_of_a_hypothetical_is_not_supported() -> None:
    v = verdict_of("Lena Ost said the Korvan Group would not try to seize the port.")
    assert v.verdict != "supported", v


@pytest.mark.model
@pytest.mark.parametrize("verdict", ["rules", "learned"])
def test_event_under_a_denied_verb_that_is_not_implicative_is_only_hypothetical(verdict: str) -> None:
    # "did not say that": the event is neither stated nor denied; only a governing verb like "try"
    # passes its negation down. No modal word stands in the chain, so the negated verb alone must
    # make the event hypothetical, and the claim that it happened is not what the source says.
    source = "The harbour master did not say that the ferry had left the dock."
    v = verdict_of("The ferry left the dock.", source=source, verdict=verdict)
    assert v.verdict != "supported" and "may happen" in v.reason, v


@pytest.mark.model
def test_role_swap_contradicts() -> None:
    v = verdict_of("Tomas Riker hosted Ana Meldu.")
    assert v.verdict == "contradicted" and "roles swapped" in v.reason, v


@pytest.mark.model
def test_stated_claim_with_other_names_for_its_actors_is_supported() -> None:
    v = verdict_of("Ana Meldu hosted Tomas Riker in Teshar on Wednesday.")
    assert v.verdict == "supported", v


@pytest.mark.model
def test_negated_copula_contradicts() -> None:
    source = "The northern bridge is open to traffic again. The mayor was in charge of the repairs."
    result = check_claims([source], "The mayor was not in charge of the repairs.")
    assert result.verdict == "contradicted" and "negation" in result.claims[0].reason, result


@pytest.mark.model
def test_relative_date_resolves_against_the_sources_date() -> None:
    source = "The council met on Monday, July 31, 2023, and approved the budget."
    from newsgraph.article import Article
    from newsgraph.check import build_checker, check_text

    checker = build_checker([Article.make(source, published="2023-08-03")])
    assert check_text(checker, "The council approved the budget on Monday.").verdict == "supported"


WIDER_LEXICON = "The opposition praised the new housing plan on Tuesday. Exports of wheat surged in May."
BAKERY = "The bakery hired more staff after the flood. Mira Solberg runs the bakery on Pier Street."


@pytest.mark.model
@pytest.mark.parametrize(
    ("source", "claim", "theirs"),
    [
        # antonyms of the wider lexicon
        (WIDER_LEXICON, "The opposition criticised the new housing plan.", "praise"),
        (WIDER_LEXICON, "Exports of wheat slumped in May.", "surge"),
        # function-word antonyms, in a sentence the claim says nearly whole
        (BAKERY, "The bakery hired fewer staff after the flood.", "'more'"),
        (BAKERY, "The bakery hired more staff before the flood.", "'after'"),
    ],
    ids=["praised", "surged", "more", "after"],
)
def test_antonyms_contradict(source: str, claim: str, theirs: str) -> None:
    result = check_claims([source], claim)
    assert result.verdict == "contradicted" and theirs in result.claims[0].reason, result


@pytest.mark.model
def test_function_words_said_as_the_source_says_them_are_supported() -> None:
    assert check_claims([BAKERY], "The bakery hired more staff after the flood.").verdict == "supported"


@pytest.mark.model
def test_actor_swapped_into_a_sentence_about_another_contradicts() -> None:
    source = (
        "Mayor Anna Schmidt opened the new bridge over the Sava river on Friday. "
        "Councillor Peter Brown voted against the tram plan last year. "
        "Peter Brown also chairs the budget committee."
    )
    swapped = check_claims([source], "Peter Brown opened the new bridge over the Sava river on Friday.")
    assert swapped.verdict == "contradicted" and "Anna Schmidt" in swapped.claims[0].reason, swapped
    right = check_claims([source], "Anna Schmidt opened the new bridge over the Sava river on Friday.")
    assert right.verdict == "supported", right


# ---------------------------------------------------------------- actors named by a description

POLICE = (
    "Police arrested two men in Ostrela on Monday after the robbery. "
    "Mayor Jan Novak praised the arrests at a news conference."
)


def police_verdict(claim: str) -> ClaimVerdict:
    return verdict_of(claim, POLICE, verdict="rules")


@pytest.mark.model
def test_descriptions_swapped_between_roles_contradict() -> None:
    v = police_verdict("Two men arrested the police in Ostrela on Monday.")
    assert v.verdict == "contradicted", v
    assert "roles swapped" in v.reason


@pytest.mark.model
def test_a_description_is_no_name() -> None:
    # Another description in the same role is compared as words, never as a name the sources lack...
    v = police_verdict("Soldiers arrested two men in Ostrela on Monday.")
    assert "never mention" not in v.reason and "differs" not in v.reason, v
    # ...and a description the sources give is no other actor than a name they give elsewhere.
    v = police_verdict("Jan Novak arrested two men in Ostrela on Monday.")
    assert "differs" not in v.reason, v
    assert police_verdict("The police arrested two men in Ostrela on Monday.").verdict == "supported"


@pytest.mark.model
def test_an_actors_home_country_is_no_mention_of_the_country() -> None:
    # The knowledge base places Twitter in the United States; the sources never mention the country.
    source = "Twitter removed the posts on Monday, a spokesman for the company said."
    result = check_claims(
        [source], "Twitter removed the posts in the U.S. on Monday.", published="2023-08-03"
    )
    assert result.verdict == "not_in_sources", result
    assert "U.S." in result.claims[0].reason


@pytest.mark.model
def test_a_name_of_another_kind_in_the_aligned_sentence_is_the_other_actor() -> None:
    # The claim's place is in the sources, but in no sentence about the contest: the contest's sentence
    # names a school there.
    source = (
        "Two groups from Dunmore Academy took part in the national business contest for young inventors on "
        "Friday in the old exhibition hall. Paris is far away."
    )
    claim = (
        "Two groups from Paris took part in the national business contest for young inventors on Friday "
        "in the old exhibition hall."
    )
    result = check_claims([source], claim, published="2023-08-03", verdict="rules")
    assert result.verdict == "contradicted", result
    assert "Dunmore Academy" in result.claims[0].reason and "Paris" in result.claims[0].reason
