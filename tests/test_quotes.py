"""The quotes stage end to end on sentences written for these tests (needs the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Document, Quote
from newsgraph.stages.quotes.cues import cue_lexicon

pytestmark = pytest.mark.model

Extract = Callable[..., Document]


def only(doc: Document, contains: str) -> Quote:
    found = [q for q in doc.quotes if contains in q.text]
    assert len(found) == 1, (
        f"expected one quote containing {contains!r}, found {[q.text for q in doc.quotes]}"
    )
    return found[0]


def speaker_name(doc: Document, q: Quote) -> str | None:
    entity = doc.entity(q.speaker)
    return entity.name if entity else None


def test_cue_lexicon_reads_frames() -> None:
    lex = cue_lexicon()
    assert "clause" in lex["say"].frames and "naming" in lex["call"].frames
    assert "according to" in lex


def test_direct_quote_with_speaker_after(
    extract: Extract, assert_offsets: Callable[[Document], None]
) -> None:
    doc = extract("“We will not back down,” said Maria Lopez, the mayor of Springfield.")
    assert_offsets(doc)
    q = only(doc, "back down")
    assert q.kind == "direct" and q.text == "We will not back down,"
    assert speaker_name(doc, q) == "Maria Lopez" and q.cue == "said"
    assert "mayor of Springfield" in (q.speaker_text or "")


def test_indirect_speech_with_that(extract: Extract) -> None:
    doc = extract("Finance Minister Tomas Varga said that the budget would be cut next year.")
    q = only(doc, "budget would be cut")
    assert q.kind == "indirect" and "said" not in q.text
    assert speaker_name(doc, q) == "Tomas Varga"


def test_pronoun_speaker_resolves_to_the_person(extract: Extract) -> None:
    doc = extract("Anna Berg arrived in Oslo on Monday. She said the bridge would be rebuilt by spring.")
    q = only(doc, "bridge would be rebuilt")
    assert q.speaker_text == "She" and speaker_name(doc, q) == "Anna Berg"


def test_group_speaker_keeps_text_and_no_entity(extract: Extract) -> None:
    doc = extract("European officials have warned that the trade deal could collapse.")
    q = only(doc, "trade deal could collapse")
    assert q.speaker is None and q.speaker_text == "European officials" and q.cue == "warned"


def test_stray_closing_mark_is_reported_speech(extract: Extract) -> None:
    doc = extract(
        "Peter Olsen met the delegates on Tuesday. Olsen added that the talks had failed and that nobody "
        "trusted the envoy.” The delegates left the city in the evening."
    )
    q = only(doc, "talks had failed")
    assert q.kind == "indirect" and speaker_name(doc, q) == "Peter Olsen"
    assert "delegates left" not in q.text


def test_according_to(extract: Extract) -> None:
    doc = extract("The harbour will reopen in May, according to the port authority.")
    q = only(doc, "harbour will reopen")
    assert q.text == "The harbour will reopen in May" and q.speaker_text == "the port authority"


def test_quote_only_paragraph_continues_the_speaker(extract: Extract) -> None:
    doc = extract(
        "“The harbour is safe,” the admiral, Ruth Kane, told reporters.\n\n"
        "“We have checked every ship twice and found nothing unusual in any of them.”"
    )
    first, second = only(doc, "harbour is safe"), only(doc, "checked every ship")
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Ruth Kane"
    assert second.sentence > first.sentence


def test_interrupted_quote_is_one_quote(extract: Extract) -> None:
    doc = extract(
        "“The plan is dead,” Senator Mark Hale said on Friday. “Nobody in this building will vote for it.”"
    )
    q = only(doc, "plan is dead")
    assert "vote for it" in q.text and q.kind == "direct" and speaker_name(doc, q) == "Mark Hale"


def test_cue_inside_its_content(extract: Extract) -> None:
    doc = extract("The new tax, Governor Helen Price said, would hurt small farmers.")
    q = only(doc, "hurt small farmers")
    assert q.text.startswith("The new tax") and speaker_name(doc, q) == "Helen Price"


def test_naming_cue(extract: Extract) -> None:
    doc = extract("General Omar Diallo called the meeting a turning point for the region.")
    q = only(doc, "turning point")
    assert speaker_name(doc, q) == "Omar Diallo" and q.cue == "called"


def test_mixed_quote(extract: Extract) -> None:
    doc = extract(
        "Mayor Lucy Grant said the new stadium would be “a gift to the whole city and its children.”"
    )
    q = only(doc, "new stadium")
    assert q.kind == "mixed" and "a gift to the whole city" in q.text and speaker_name(doc, q) == "Lucy Grant"


def test_scare_quotes_are_not_quotes(extract: Extract) -> None:
    doc = extract("The so-called “reform” package passed the chamber on Thursday after a long debate.")
    assert not [q for q in doc.quotes if q.text == "reform"]


def test_bad_marks_do_not_break_or_swallow(
    extract: Extract, assert_offsets: Callable[[Document], None]
) -> None:
    text = " ".join(f'"w{i}"' for i in range(300)) + "\n" + "He said “it is open. " + "Then it rained. " * 300
    doc = extract(text)
    assert_offsets(doc)
    assert all(q.end - q.start < len(text) // 2 for q in doc.quotes)


def test_as_someone_put_it(extract: Extract) -> None:
    doc = extract("As Carla Nunez put it, the agency offers a view that viewers will not find elsewhere.")
    q = only(doc, "agency offers a view")
    assert speaker_name(doc, q) == "Carla Nunez" and "put it" not in q.text


def test_reported_clause_after_as(extract: Extract) -> None:
    doc = extract("The reform will fail, as Senator Paul Reyes noted on Monday.")
    q = only(doc, "reform will fail")
    assert q.text == "The reform will fail" and speaker_name(doc, q) == "Paul Reyes"


def test_reporting_noun_with_possessor(extract: Extract) -> None:
    doc = extract("Mayor Ines Duarte's claim that the budget was balanced drew criticism from auditors.")
    q = only(doc, "budget was balanced")
    assert speaker_name(doc, q) == "Ines Duarte" and q.cue == "claim"


def test_passive_cue_names_its_agent(extract: Extract) -> None:
    doc = extract("The new treaty was endorsed by Chancellor Erik Lund on Tuesday.")
    q = only(doc, "new treaty")
    assert speaker_name(doc, q) == "Erik Lund"


def test_block_quote_after_colon(extract: Extract) -> None:
    doc = extract(
        "The minister, Ana Silva, added:\n\nWe will rebuild every school that the storm destroyed this year."
    )
    q = only(doc, "rebuild every school")
    assert q.kind == "direct" and speaker_name(doc, q) == "Ana Silva"


def test_bare_title_speaker_is_the_title_holder(extract: Extract) -> None:
    doc = extract(
        "Senator Rosa Ortega arrived late on Monday. The senator said the vote would be delayed until spring."
    )
    q = only(doc, "vote would be delayed")
    assert q.speaker_text == "The senator" and speaker_name(doc, q) == "Rosa Ortega"


def test_claim_without_a_source(extract: Extract) -> None:
    doc = extract("The new bridge is expected to open to traffic in the spring.")
    q = only(doc, "open to traffic")
    assert q.speaker is None and q.speaker_text is None and q.text.startswith("The new bridge")


def test_infinitive_content_keeps_its_coordinated_verbs(extract: Extract) -> None:
    doc = extract("Governor Nora Blake wants to double the grant, hire more nurses and open two new clinics.")
    q = only(doc, "double the grant")
    assert q.text.endswith("open two new clinics") and speaker_name(doc, q) == "Nora Blake"


def test_quote_paragraph_after_reported_speech(extract: Extract) -> None:
    doc = extract(
        "Mayor Felix Grant said the repairs would take a year.\n\n"
        "“Every street in the old town will be closed for part of that time.”"
    )
    q = only(doc, "Every street")
    assert q.kind == "direct" and speaker_name(doc, q) == "Felix Grant"


def test_any_noun_with_a_holder_and_a_that_clause(extract: Extract) -> None:
    doc = extract("Senator Maria Vidal's insistence that the vote be delayed angered her colleagues.")
    q = only(doc, "vote be delayed")
    assert q.speaker_text == "Senator Maria Vidal" and speaker_name(doc, q) == "Maria Vidal"


def test_transcript_label_in_capitals(extract: Extract) -> None:
    doc = extract("Governor Alan Reese spoke first.\n\nREESE: We will win this state by a wide margin.")
    q = only(doc, "win this state")
    assert q.speaker_text == "REESE" and speaker_name(doc, q) == "Alan Reese"


def test_reported_speech_nested_in_reported_speech_is_one_quote(extract: Extract) -> None:
    doc = extract("Mayor Ines Duarte said that the council believes the old bridge is safe for trucks.")
    q = only(doc, "bridge is safe")
    assert q.text.startswith("that the council believes") and speaker_name(doc, q) == "Ines Duarte"


def test_coordinated_cue_ends_the_first_content(extract: Extract) -> None:
    doc = extract(
        "Finance Minister Tomas Varga said the budget would be cut next year and warned against new "
        "spending on roads."
    )
    first = only(doc, "budget would be cut")
    assert "warned" not in first.text and speaker_name(doc, first) == "Tomas Varga"
    second = only(doc, "spending on roads")
    assert second.cue == "warned against" and speaker_name(doc, second) == "Tomas Varga"


def test_coordinated_that_clauses_stay_one_content(extract: Extract) -> None:
    doc = extract("Anna Berg said that the ferry was late but that nobody had been hurt.")
    q = only(doc, "ferry was late")
    assert q.text.endswith("nobody had been hurt")


def test_stance_object_keeps_its_as_complement(extract: Extract) -> None:
    doc = extract("Governor Nora Blake described the flood, which hit the valley, as a national disaster.")
    q = only(doc, "the flood")
    assert q.text.endswith("as a national disaster") and q.cue == "described"


def test_stance_object_leaves_out_the_occasion(extract: Extract) -> None:
    doc = extract("Senator Paul Reyes endorsed Maria Vidal during a rally in the capital on Sunday.")
    q = only(doc, "Maria Vidal")
    assert q.text == "Maria Vidal" and speaker_name(doc, q) == "Paul Reyes"


def test_stance_on_a_pronoun(extract: Extract) -> None:
    doc = extract("The unions met Chancellor Erik Lund in March. Lund defended them on Monday.")
    q = only(doc, "them")
    assert q.text == "them" and speaker_name(doc, q) == "Erik Lund"


def test_cue_after_a_fronted_phrase_reports_the_whole_clause(extract: Extract) -> None:
    doc = extract("Back in Oslo, Anna Berg said, she decided to run for mayor.")
    q = only(doc, "run for mayor")
    assert q.text.startswith("Back in Oslo") and speaker_name(doc, q) == "Anna Berg"


def test_source_of_a_participle_is_the_noun_it_modifies(extract: Extract) -> None:
    doc = extract("The agency published a report criticizing the new dam on the river.")
    q = only(doc, "new dam")
    assert q.speaker_text == "a report"


def test_object_cast_as_quoted_words(extract: Extract) -> None:
    doc = extract("Senator Paul Reyes branded the new tax as “a theft from every family” on Tuesday.")
    q = only(doc, "the new tax")
    assert q.kind == "mixed" and q.text.startswith("the new tax as") and speaker_name(doc, q) == "Paul Reyes"


def test_object_cast_as_unquoted_words_is_narration(extract: Extract) -> None:
    doc = extract("The council used the old school as a shelter for the winter.")
    assert not [q for q in doc.quotes if "old school" in q.text]


def test_passive_stance_without_agent_takes_the_whole_claim(extract: Extract) -> None:
    doc = extract("The harbour masters have often been blamed for delays at the northern docks.")
    q = only(doc, "delays at the northern docks")
    assert q.text.startswith("The harbour masters have often been blamed") and q.speaker is None


def test_participle_after_a_preposition_takes_the_main_subject(extract: Extract) -> None:
    doc = extract("Anna Berg opened the session in Oslo by saying that the budget was balanced.")
    q = only(doc, "budget was balanced")
    assert speaker_name(doc, q) == "Anna Berg"


def test_interrupted_report_runs_on_into_a_subordinate_clause(extract: Extract) -> None:
    doc = extract("The mill was profitable, Peter Olsen said, until the river flooded in 1998.")
    q = only(doc, "mill was profitable")
    assert q.text.endswith("until the river flooded in 1998") and speaker_name(doc, q) == "Peter Olsen"


def test_cue_interrupting_after_a_fronted_phrase(extract: Extract) -> None:
    doc = extract("The real problem, Anna Berg told me on Monday, is that the ferry is far too small.")
    q = only(doc, "ferry is far too small")
    assert q.text.startswith("The real problem") and speaker_name(doc, q) == "Anna Berg"


def test_reported_noun_phrase_sheds_a_relative_clause(extract: Extract) -> None:
    doc = extract("Senator Paul Reyes praised the new port, which opened in May after years of delays.")
    q = only(doc, "the new port")
    assert q.text == "the new port" and speaker_name(doc, q) == "Paul Reyes"


def test_reported_clause_keeps_its_relative_clause(extract: Extract) -> None:
    doc = extract("Anna Berg said the council would sell the old mill, which has stood empty since 1990.")
    q = only(doc, "sell the old mill")
    assert q.text.endswith("stood empty since 1990")


def test_trailing_participle_cue_reports_its_own_complement(extract: Extract) -> None:
    doc = extract("On Monday, Mayor Felix Grant visited the harbour, promising to rebuild the old pier.")
    q = only(doc, "rebuild the old pier")
    assert q.text == "to rebuild the old pier" and speaker_name(doc, q) == "Felix Grant"


def test_attitude_noun_object_points_to_the_content(extract: Extract) -> None:
    doc = extract("Senator Paul Reyes expressed deep concern about the new tariffs.")
    q = only(doc, "the new tariffs")
    assert q.text == "the new tariffs" and speaker_name(doc, q) == "Paul Reyes"


def test_according_to_interrupting_a_report(extract: Extract) -> None:
    doc = extract(
        "The ferry carried 300 passengers in May, according to the port authority, and the number is rising."
    )
    q = only(doc, "ferry carried")
    assert q.text.endswith("the number is rising") and q.speaker_text == "the port authority"


def test_complement_split_by_the_parse_is_one_content(extract: Extract) -> None:
    doc = extract(
        "Some voters believe the attention being paid to turnout in Detroit shows the party is worried."
    )
    q = only(doc, "attention being paid")
    assert q.cue == "believe" and q.text.endswith("the party is worried")


def test_stance_object_without_the_occasion(extract: Extract) -> None:
    doc = extract("Judge Ellen Marsh rejected the argument in a decision issued on Thursday.")
    q = only(doc, "the argument")
    assert q.text == "the argument" and speaker_name(doc, q) == "Ellen Marsh"


def test_evidence_cue_with_an_object(extract: Extract) -> None:
    doc = extract(
        "A new survey by the Harbor Institute shows strong support for the bridge among older voters."
    )
    q = only(doc, "strong support")
    assert q.cue == "shows" and q.text.startswith("strong support for the bridge")


def test_reporting_noun_with_a_holder_and_an_object(extract: Extract) -> None:
    doc = extract(
        "Governor Helen Price's plan to rebuild the old pier will cost ten million dollars. "
        "Mayor Felix Grant's criticism of the new parking rules surprised the council."
    )
    plan, criticism = only(doc, "rebuild the old pier"), only(doc, "parking rules")
    assert plan.text == "to rebuild the old pier" and speaker_name(doc, plan) == "Helen Price"
    assert criticism.text == "the new parking rules" and speaker_name(doc, criticism) == "Felix Grant"


def test_reporting_noun_without_a_holder_or_clause_is_no_cue(extract: Extract) -> None:
    doc = extract("The plan to rebuild the old pier will cost ten million dollars.")
    assert doc.quotes == ()


def test_headline_read_by_its_shape(extract: Extract) -> None:
    doc = extract(
        "Harbour Town Mayor Warns Budget Cuts Will Close Two Schools\n\n"
        "The mayor of Harbour Town, Ruth Kane, said on Monday that two schools would close."
    )
    q = only(doc, "Budget Cuts")
    assert q.text == "Budget Cuts Will Close Two Schools" and q.speaker_text == "Harbour Town Mayor"
    assert only(doc, "two schools would close").cue == "said"


def test_poll_frame_reports_the_rest_of_the_sentence(extract: Extract) -> None:
    doc = extract("In the latest Harbor Institute poll, Mayor Ruth Kane leads her rival by six points.")
    q = only(doc, "leads her rival")
    assert q.text == "Mayor Ruth Kane leads her rival by six points"
    assert q.speaker_text == "the latest Harbor Institute poll"
    assert extract("In the morning, Ruth Kane visited the harbour.").quotes == ()


def test_evidence_source_reports_its_object(extract: Extract) -> None:
    doc = extract("A 2019 study by the Harbor Institute found dozens of unsafe bridges in the county.")
    q = only(doc, "unsafe bridges")
    assert q.text == "dozens of unsafe bridges in the county" and q.cue == "found"


def test_interrupted_quote_parts_leave_out_the_reporters_words(extract: Extract) -> None:
    doc = extract(
        "“The harbour is safe for every ship,” Mayor Ruth Kane said on Monday. She did not take questions. "
        "“We checked every single ship twice.”"
    )
    q = only(doc, "checked every single ship")
    assert q.text == "We checked every single ship twice." and speaker_name(doc, q) == "Ruth Kane"
    assert not any("questions" in q.text for q in doc.quotes)


# ---------------------------------------------------------------- quote_parts: no quote text holds the cue


def test_parts_of_an_interrupted_quote(extract: Extract) -> None:
    doc = extract(
        "“The plan is dead,” Senator Mark Hale said on Friday. “Nobody in this building will vote for it.”",
        quote_parts=True,
    )
    first, second = only(doc, "plan is dead"), only(doc, "vote for it")
    assert first.text == "The plan is dead" and second.text.startswith("Nobody")
    assert first.kind == second.kind == "direct"
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Mark Hale"


def test_parts_of_an_interrupted_report(extract: Extract) -> None:
    doc = extract(
        "The mill was profitable, Peter Olsen said, until the river flooded in 1998.", quote_parts=True
    )
    q = only(doc, "until the river")
    assert q.text == "until the river flooded in 1998" and speaker_name(doc, q) == "Peter Olsen"
    assert only(doc, "mill was profitable").text == "The mill was profitable"
    assert not any("Olsen" in q.text for q in doc.quotes)
    doc = extract(
        "The ferry carried 300 passengers in May, according to the port authority, and the number is rising.",
        quote_parts=True,
    )
    q = only(doc, "ferry carried")
    assert q.text == "The ferry carried 300 passengers in May" and q.speaker_text == "the port authority"
    assert only(doc, "number is rising").speaker_text == "the port authority"


def test_parts_never_hold_the_cue(extract: Extract) -> None:
    for text in (
        "The real problem, Anna Berg told me on Monday, is that the ferry is far too small.",
        "The new tax, Governor Helen Price said, would hurt small farmers.",
        "Back in Oslo, Anna Berg said, she decided to run for mayor.",
    ):
        doc = extract(text, quote_parts=True)
        assert doc.quotes, text
        assert not any("Berg" in q.text or "said" in q.text or "Price" in q.text for q in doc.quotes), text


def test_participle_after_the_cue_keeps_an_interrupted_quote_whole(extract: Extract) -> None:
    doc = extract("“The dam is safe,” said Ines Duarte, pointing at the wall. “It will hold for decades.”")
    q = only(doc, "dam is safe")
    assert q.text.startswith("The dam is safe") and q.text.endswith("hold for decades.")


def test_reporter_sentence_between_quoted_stretches_splits_them(extract: Extract) -> None:
    doc = extract(
        "“The dam is safe,” said Ines Duarte on Monday. The engineers left the site. “It will hold.”"
    )
    assert only(doc, "dam is safe").text == "The dam is safe"


def test_words_opening_the_quoted_sentence_are_reported(extract: Extract) -> None:
    doc = extract("With four pumps running, “the town will stay dry,” said Ines Duarte.")
    q = only(doc, "stay dry")
    assert q.text.startswith("With four pumps running")


def test_indirect_question_is_the_content(extract: Extract) -> None:
    doc = extract("The minister discussed how the new pumps could protect the harbour.")
    q = only(doc, "pumps could protect")
    assert q.text.startswith("how the new pumps")


def test_closing_apposition_on_a_name_is_not_reported(extract: Extract) -> None:
    doc = extract("Ines Duarte said she would not support Tomas Varga, the former mayor of the town.")
    q = only(doc, "would not support")
    assert q.text == "she would not support Tomas Varga"


def test_passive_conjunct_stays_in_the_reported_clause(extract: Extract) -> None:
    doc = extract("Police said witnesses saw a knife and that one was found near the bridge.")
    q = only(doc, "witnesses saw")
    assert q.text.endswith("found near the bridge")


def test_object_content_sheds_a_closing_occasion(extract: Extract) -> None:
    doc = extract("Ines Duarte attacked the budget as a disaster during a rally in the harbour town.")
    q = only(doc, "budget")
    assert "rally" not in q.text and q.text.startswith("the budget as a disaster")


def test_ownerless_criticism_reports_its_object(extract: Extract) -> None:
    doc = extract("The plan drew sharp criticism of its cost from the start.")
    assert any(q.text.startswith("its cost") for q in doc.quotes)


def test_reporting_noun_as_object_takes_the_verb_subject(extract: Extract) -> None:
    doc = extract("The harbour council unveiled a proposal for a higher sea wall on Monday.")
    q = only(doc, "higher sea wall")
    assert q.text.startswith("a higher sea wall") and "council" in (q.speaker_text or "")


def test_cue_in_a_relative_clause_reports_the_phrase(extract: Extract) -> None:
    doc = extract("Firefighters examined a blast that the mayor described as “a deliberate act.”")
    q = only(doc, "deliberate act")
    assert q.text.startswith("a blast that the mayor described as")


def test_an_interrupted_quote_lists_its_pieces_as_fragments(extract: Extract) -> None:
    doc = extract('"The port is open," the mayor of Tema said, "and it will stay open all winter."')
    q = only(doc, "port is open")
    assert q.fragments is not None and len(q.fragments) == 2
    pieces = [doc.text[a:b] for a, b in q.fragments]
    assert pieces == ["The port is open", "and it will stay open all winter."]
    assert all("said" not in p and '"' not in p for p in pieces)
    assert q.start <= q.fragments[0][0] and q.fragments[-1][1] <= q.end


def test_a_quote_in_one_piece_has_no_fragments(extract: Extract) -> None:
    doc = extract('The mayor of Tema said: "The port is open and it will stay open all winter."')
    assert only(doc, "port is open").fragments is None


def test_in_the_parts_view_a_part_inside_quotation_marks_is_direct() -> None:
    from newsgraph import extract as extract_text

    text = '"The border is a bridge," the minister said, "and a closed bridge helps no one."'
    parts = extract_text(text, quote_parts=True).quotes
    assert [q.kind for q in parts] == ["direct", "direct"]
    assert [q.text for q in parts] == ["The border is a bridge", "and a closed bridge helps no one."]


def test_reported_speech_in_a_wire_lead_leaves_the_dateline_out(extract: Extract) -> None:
    # After a headline the parse takes "March 4 (Reuters) -" into the first sentence; what the ministry
    # said starts after it.
    doc = extract(
        "Zambia shuts border\n\nLUSAKA, March 4 (Reuters) - Zambia closed its border with Malawi on Tuesday "
        "after a dispute over maize exports, the trade ministry said."
    )
    q = only(doc, "closed its border")
    assert q.text.startswith("Zambia closed its border"), q.text
    assert q.cue == "said"
