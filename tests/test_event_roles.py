"""Who fills an event's roles once its type is known (stages/events/roles.py): talks without a host have
participants, not a target; the speaker of a reporting verb is not the actor of what they report.

Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.model import Document
from newsgraph.stages.common import EntityIndex
from newsgraph.stages.events.roles import reporter_acts, settle


def test_a_visit_and_other_types_keep_their_roles() -> None:
    # no parse is read when the roles stay as they are
    assert settle(EntityIndex(()), None, "CONSULT", "visit", False, ["E1"], ["E2"]) == (["E1"], ["E2"])  # type: ignore[arg-type]
    assert settle(EntityIndex(()), None, "CONSULT", None, True, ["E1"], ["E2"]) == (["E1"], ["E2"])  # type: ignore[arg-type]
    assert settle(EntityIndex(()), None, "ACCUSE", None, False, ["E1"], ["E2"]) == (["E1"], ["E2"])  # type: ignore[arg-type]


def _events(
    extract: Callable[..., Document], text: str
) -> list[tuple[str, list[str], list[str], str | None]]:
    doc = extract(text, published="2023-08-03")
    names = {e.id: e.name for e in doc.entities}
    return [
        (
            v.type,
            [names[i] for i in v.source],
            [names[i] for i in v.target],
            names.get(v.attributed_to or ""),
        )
        for v in doc.events
    ]


def test_a_meeting_with_someone_has_two_sources_and_no_target(extract: Callable[..., Document]) -> None:
    [(type_, source, target, _)] = _events(
        extract, "Angela Merkel met with Vladimir Putin in Berlin on Tuesday."
    )
    assert type_ == "CONSULT"
    assert set(source) == {"Angela Merkel", "Vladimir Putin"}
    assert target == []


def test_talks_in_a_capital_keep_it_as_their_place(extract: Callable[..., Document]) -> None:
    doc = extract("Kenya held talks with Ethiopia in Nairobi on Tuesday.", published="2023-08-03")
    names = {e.id: e.name for e in doc.entities}
    [v] = [v for v in doc.events if v.type == "CONSULT"]
    assert {names[i] for i in v.source} == {"Kenya", "Ethiopia"}
    assert v.location is not None and names[v.location] == "Nairobi"


def test_a_visit_has_the_visited_country_as_target(extract: Callable[..., Document]) -> None:
    [(type_, source, target, _)] = _events(extract, "Emmanuel Macron visited Nigeria on Tuesday.")
    assert (type_, source, target) == ("CONSULT", ["Emmanuel Macron"], ["Nigeria"])


def test_the_police_reporting_an_arrest_are_not_its_source(extract: Callable[..., Document]) -> None:
    events = _events(extract, "A 34-year-old man was arrested on Tuesday, the Lagos police said.")
    arrests = [e for e in events if e[0] == "COERCE"]
    assert arrests, events
    for _, source, _, speaker in arrests:
        assert source == []
        assert speaker is not None and "police" in speaker.lower()


def test_a_pronoun_subject_still_stands_for_the_speaker(extract: Callable[..., Document]) -> None:
    events = _events(
        extract, "The kidnappers said they would free the hostages on Sunday, according to Mali's government."
    )
    assert any(source == ["kidnappers"] for _, source, _, _ in events), events


def test_a_demonstrative_subject_does_not_stand_for_the_speaker(extract: Callable[..., Document]) -> None:
    events = _events(extract, '"That was a deliberate bombing," the police chief said.')
    attacks = [e for e in events if e[0] == "ASSAULT"]
    assert attacks, events
    assert all(source == [] for _, source, _, _ in attacks)


def test_cooperation_between_two_named_parties_goes_from_the_first_to_the_second(
    extract: Callable[..., Document],
) -> None:
    events = _events(extract, "France and India held joint naval exercises in the Arabian Sea.")
    assert ("COOPERATE", ["France"], ["India"], None) in events, events


def test_a_headline_passive_has_its_subject_as_target(extract: Callable[..., Document]) -> None:
    # parsed as a past participle with a subject and no auxiliary; the journalist is a common-noun actor
    # whose mention spans the demonym, so the target is the journalist, not also Nigeria
    events = _events(extract, "Nigerian journalist arrested in Lagos .")
    assert ("COERCE", [], ["Nigerian journalist"], None) in events, events


def test_an_attack_as_subject_is_no_actor_nor_are_the_places_around_it(
    extract: Callable[..., Document],
) -> None:
    events = _events(extract, "The attacks on the Kenyan embassy in Nairobi killed 12 people.")
    killed = [e for e in events if e[0] == "ASSAULT"]
    assert killed, events
    assert all("Kenya" not in s and "Nairobi" not in s for _, s, _, _ in killed), events


def test_a_scene_is_no_target_but_a_state_acted_on_is(extract: Callable[..., Document]) -> None:
    # the town where it happened is the scene (docs/annotation.md 5); a country named as the object of a
    # state's act stands for its government
    scene = _events(extract, "Police clashed with rebels in Gao on Monday.")
    assert scene and all("Gao" not in target for _, _, target, _ in scene), scene
    state = _events(extract, "The United States imposed sanctions on Iran on Monday.")
    assert any(t == "SANCTION" and target == ["Iran"] for t, _, target, _ in state), state


def test_what_is_sent_gives_way_to_whom_it_goes(extract: Callable[..., Document]) -> None:
    sent = _events(extract, "Italy sent doctors to Turkey on Monday.")
    assert any(target == ["Turkey"] for _, _, target, _ in sent), sent
    extradited = _events(extract, "Kenya extradited the two suspects to Tanzania on Wednesday.")
    assert any(target == ["Tanzania"] for _, _, target, _ in extradited), extradited
    # forces that are mobilised, and where they go, are not the target (section 11, gap 31)
    moved = _events(extract, "Russia deployed soldiers to the border on Monday.")
    assert moved and all(target == [] for _, _, target, _ in moved), moved


def test_a_city_named_before_an_event_noun_is_its_scene_not_its_source(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Europe still mourns the victims of the 2015 Paris attacks. "
        "The Brussels summit ended without a deal.",
        published="2023-08-03",
    )
    names = {e.id: e.name for e in doc.entities}
    for trigger, city in (("attacks", "Paris"), ("summit", "Brussels")):
        event = next(v for v in doc.events if v.trigger.text == trigger)
        assert [names[i] for i in (*event.source, *event.target)] == []
        assert event.location is not None and names[event.location] == city


def test_a_country_named_before_an_event_noun_stays_a_party(extract: Callable[..., Document]) -> None:
    doc = extract("The US sanctions on Iran took effect on Tuesday.", published="2023-08-03")
    names = {e.id: e.name for e in doc.entities}
    sanctions = next(v for v in doc.events if v.trigger.text == "sanctions")
    assert [names[i] for i in sanctions.source] == ["US"]


def test_reporter_acts_reads_the_triggers_own_subject(nlp: Any) -> None:
    """The function itself: a personal pronoun or a clause lets the speaker stand in; a demonstrative, a
    noun or no subject at all does not (the extraction tests above can pass through coreference alone)."""
    doc = nlp("The rebels said it would release the prisoners. That was a raid, they said. Troops left.")
    subject = {t.text: t for t in doc if t.dep_ in ("nsubj", "nsubjpass")}
    assert reporter_acts(subject["it"], clausal=False)
    assert not reporter_acts(subject["That"], clausal=False)
    assert not reporter_acts(subject["Troops"], clausal=False)
    assert reporter_acts(subject["Troops"], clausal=True)
    assert not reporter_acts(None, clausal=True)


def test_forces_moved_by_nobody_named_are_moved_by_their_state(extract: Callable[..., Document]) -> None:
    # a nationality adjective can be the source (section 5): the state whose forces a deployment moves,
    # when no one is named deploying them; the forces themselves stay out of both roles (gap 31)
    events = _events(extract, "A deployment of 600 Dutch marines on the island began after the storm.")
    assert [(t, source) for t, source, _, _ in events] == [("MOBILIZE", ["The Netherlands"])], events
    events = _events(extract, "The planned deployment of Polish engineers near the river is due by June.")
    assert [(t, source) for t, source, _, _ in events] == [("MOBILIZE", ["Poland"])], events
    events = _events(extract, "Hundreds of Canadian troops were sent to the region last week.")
    assert [(t, source) for t, source, _, _ in events] == [("MOBILIZE", ["Canada"])], events
    # the state named in the forces' phrase moves them: it is not the target
    events = _events(extract, "The deployment of Turkish warships to the strait angered Athens.")
    moved = [(source, target) for t, source, target, _ in events if t == "MOBILIZE"]
    assert moved == [(["Turkey"], [])], events
    # a named mover keeps the event: the forces' nationality does not replace it
    events = _events(extract, "Spain approved the deployment of 600 Dutch marines on the island.")
    assert all("The Netherlands" not in source for _, source, _, _ in events), events
