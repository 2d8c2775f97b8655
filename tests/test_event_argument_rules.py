"""Who fills an event's roles in the parse cases issue 13's train errors showed (stages/events/actors.py,
clause_arguments.py, roles.py): the possessor of a patient noun is its target, a headline or participle
passive's subject undergoes the act, an act named as the object of another event verb is no recipient,
an actor's own forces are no target, a country named by an alias may stand for its government.

Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from event_roles import event_roles

from newsgraph.model import Document


def test_the_possessor_of_an_arrest_is_arrested(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Human rights groups said Li Wei's arrest last week was unlawful.", "COERCE"
    )
    assert target == ["Li Wei"]
    assert "Li Wei" not in source


def test_a_rejected_demand_is_its_possessor_s(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Cairo firmly rejected Khartoum's demand for a new border commission.", "REJECT"
    )
    assert (source, target) == (["Cairo"], ["Khartoum"])


def test_a_headline_passive_has_its_subject_as_target(extract: Callable[..., Document]) -> None:
    # the tagger reads the headline's participle as a past tense
    source, target = event_roles(extract, "Kenyan army attacked in Mandera county - report .", "ASSAULT")
    assert (source, target) == ([], ["Kenyan army"])


def test_a_participle_clause_is_done_to_the_main_subject(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Ahmed Karim appeared in court on Monday charged with smuggling.", "ACCUSE"
    )
    assert (source, target) == ([], ["Ahmed Karim"])


def test_a_country_named_by_an_alias_is_a_party(extract: Callable[..., Document]) -> None:
    source, target = event_roles(extract, "Mexico rejected the U.S. proposal to send troops.", "REJECT")
    assert (source, target) == (["Mexico"], ["U.S."])


def test_an_actor_s_own_troops_are_no_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "If the deal holds, Russia could withdraw its forces from the enclave by spring.", "RETREAT"
    )
    assert (source, target) == (["Russia"], [])


def test_a_condemned_killing_gives_no_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Amnesty International condemned the killing of the journalist Ali Hassan.", "ACCUSE"
    )
    assert (source, target) == (["Amnesty International"], [])


# Issue 13, session 8: a speech act's complement, nested agents, acts governed by an event verb, forces.


def test_a_refusal_takes_no_party_from_deep_in_its_complement(extract: Callable[..., Document]) -> None:
    # the police are inside what the mayor refuses to apologise for, not whom the refusal answers
    source, target = event_roles(
        extract, "The mayor refused to apologise for the police raid on the students.", "REJECT"
    )
    assert (source, target) == (["mayor"], [])


def test_a_refusal_to_meet_someone_is_aimed_at_them(extract: Callable[..., Document]) -> None:
    source, target = event_roles(extract, "Pakistan refused to meet the UN envoy.", "REJECT")
    assert source == ["Pakistan"]
    assert "UN envoy" in target


def test_the_speaker_s_own_side_in_a_reported_clause_is_no_target(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(
        extract, "Nairobi conceded that its police had used excessive force.", "CONCEDE"
    )
    assert (source, target) == (["Nairobi"], [])


def test_an_avenged_act_names_no_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "The rebels vowed to avenge the killing of their commander.", "THREATEN"
    )
    assert (source, target) == (["rebels"], [])


def test_an_agent_under_the_custody_phrase_is_the_source(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Peter Okafor was taken into custody by Lagos Police at the airport on Sunday.", "COERCE"
    )
    assert (source, target) == (["Lagos Police"], ["Peter Okafor"])


def test_an_act_condemned_is_not_the_condemner_s(extract: Callable[..., Document]) -> None:
    doc = extract("Amnesty International condemned the killing of the journalist.", published="2023-08-03")
    names = {e.id: e.name for e in doc.entities}
    assaults = [v for v in doc.events if v.type == "ASSAULT"]
    assert all("Amnesty International" not in [names[i] for i in v.source] for v in assaults)


def test_mobilised_forces_are_no_target(extract: Callable[..., Document]) -> None:
    # section 11, gap 31: also as a passive's subject
    source, target = event_roles(
        extract, "The presidential guard was mobilised by the interior ministry on Sunday.", "MOBILIZE"
    )
    assert (source, target) == (["interior ministry"], [])


def test_forces_deployed_with_nobody_deploying_them_are_no_source(extract: Callable[..., Document]) -> None:
    # gap 31: "troops were deployed" has no source; the forces are what moves
    source, _ = event_roles(
        extract, "Riot police were deployed around the stadium before the match.", "MOBILIZE"
    )
    assert source == []
    source, _ = event_roles(extract, "Hundreds of reservists were called up on Monday.", "MOBILIZE")
    assert source == []
    source, _ = event_roles(
        extract, "The deployment of 800 marines to the port was announced on Tuesday.", "MOBILIZE"
    )
    assert source == []


def test_whoever_deploys_the_forces_stays_the_source(extract: Callable[..., Document]) -> None:
    source, _ = event_roles(extract, "The army's deployment of tanks worried the villagers.", "MOBILIZE")
    assert source == ["army"]
    source, _ = event_roles(
        extract, "The governor ordered the deployment of 200 national guard soldiers.", "MOBILIZE"
    )
    assert source == ["governor"]


def test_who_is_killed_is_not_the_killer(extract: Callable[..., Document]) -> None:
    # the agent names nobody; the pronoun inside it is the victim's
    source, target = event_roles(
        extract, "Moussa Diallo was killed by a bullet fired through the window of his car.", "ASSAULT"
    )
    assert (source, target) == ([], ["Moussa Diallo"])


def test_conjoined_participles_share_their_agent(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "The journalist was arrested and beaten by soldiers on Monday.", "COERCE"
    )
    assert (source, target) == (["soldiers"], ["journalist"])


def test_a_gapped_passive_undergoes_the_act(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "At least 40 people were killed and 300 wounded in the blasts.", "ASSAULT", "wounded"
    )
    assert (source, target) == ([], ["300"])


def test_a_participle_without_have_or_be_is_done_to_its_subject(extract: Callable[..., Document]) -> None:
    # the parser gives "released" the hostages as subject; with no auxiliary it is a passive
    source, target = event_roles(extract, "Kenya wants the two Japanese hostages released.", "CONCEDE")
    assert target == ["Japanese hostages"] and "Japanese hostages" not in source


# Issue 13, session 10: the subject of a bearing verb bears the act its object names.


def test_who_faces_a_charge_is_its_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Marek Novak faces a federal charge of fraud, prosecutors said.", "ACCUSE"
    )
    assert (source, target) == ([], ["Marek Novak"])


def test_who_awaits_trial_is_its_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Anna Berg, the former mayor, awaits trial on three fraud counts.", "ACCUSE"
    )
    assert (source, target) == ([], ["Anna Berg"])


def test_who_survives_an_attack_is_its_target_and_the_by_phrase_its_doer(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(
        extract, "The governor survived an assassination attempt by rebels in March.", "ASSAULT"
    )
    assert (source, target) == (["rebels"], ["governor"])


# Issue 13, session 11: a verb that denies or accepts what another did is a bearing verb too, and an event
# noun that is the object of a bearing verb that codes nothing itself reads the same way.


def test_who_disputes_allegations_is_their_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(extract, "The senator disputed the allegations on Friday.", "ACCUSE")
    assert (source, target) == ([], ["senator"])


def test_who_receives_aid_is_its_target_and_the_giver_its_source(extract: Callable[..., Document]) -> None:
    source, target = event_roles(extract, "Kenya received aid from Japan after the floods.", "AID")
    assert (source, target) == (["Japan"], ["Kenya"])


# Issue 13, session 18: a verb of receiving, winning or drawing is a bearing verb, and the doer may be the
# event noun's own "from" phrase.


def test_who_draws_condemnation_is_its_target_and_the_from_phrase_its_source(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(extract, "Kenya drew condemnation from Japan over the dam.", "ACCUSE")
    assert (source, target) == (["Japan"], ["Kenya"])


def test_who_wins_a_pledge_is_its_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(extract, "Kenya won a pledge of support from Japan.", "AGREE")
    assert (source, target) == (["Japan"], ["Kenya"])


def test_who_shrugs_off_a_criticism_is_its_target(extract: Callable[..., Document]) -> None:
    source, target = event_roles(extract, "The minister shrugged off Japan's criticism.", "ACCUSE")
    assert (source, target) == (["Japan"], ["minister"])
    source, target = event_roles(extract, "Kenya brushed aside Japan's accusation.", "ACCUSE")
    assert (source, target) == (["Japan"], ["Kenya"])


# Issue 13, session 14: the gerund after an accusation's object is that object's act.


def test_the_accused_does_what_they_are_accused_of(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "The prosecutor charged the two men with kidnapping a reporter.", "ASSAULT"
    )
    assert (source, target) == (["men"], ["reporter"])
    source, _ = event_roles(extract, "The senator accused Harlow of trying to shoot the witness.", "ASSAULT")
    assert source == ["Harlow"]


def test_a_passive_accusation_passes_its_subject_to_the_gerund(extract: Callable[..., Document]) -> None:
    source, _ = event_roles(
        extract, "The driver was accused of trying to attack a traffic warden.", "ASSAULT"
    )
    assert source == ["driver"]


def test_a_gerund_of_means_is_the_subject_s(extract: Callable[..., Document]) -> None:
    # "by" is no control preposition: the army storms
    source, _ = event_roles(extract, "The army ended the siege by storming the compound.", "ASSAULT")
    assert source == ["army"]


def test_a_relative_clause_s_act_is_its_noun_s_not_the_main_subject_s(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(
        extract,
        "Prosecutors have not charged the soldier who shot the farmer, the family's lawyer said.",
        "ASSAULT",
    )
    assert (source, target) == (["soldier"], ["farmer"])


def test_a_reported_clause_s_own_subject_outranks_the_one_who_reports_it(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(
        extract,
        "Investigators believe the farmer's cousin and a neighbour seized the boy, the sheriff said.",
        "COERCE",
    )
    assert source and not {"Investigators", "sheriff"} & set(source)
    assert target == ["boy"]


def test_an_agent_the_parse_hangs_on_the_charge_is_still_the_source(extract: Callable[..., Document]) -> None:
    # "by the appeals court" attached to "charges", not to "acquitted"
    source, target = event_roles(
        extract,
        "The village elder was acquitted of bribery charges by the Appeals Court in Nairobi.",
        "CONCEDE",
    )
    assert source == ["Appeals Court"]
    assert "Appeals Court" not in target


def test_an_event_noun_under_a_verb_naming_no_actor_keeps_its_own(extract: Callable[..., Document]) -> None:
    # the verb's subject names nobody; the noun's modifier is the attacker, not the attacked
    source, target = event_roles(extract, "The report documented Russian attacks on the port.", "ASSAULT")
    assert source == ["Russia"]
    assert "Russia" not in target


# Issue 13, session 17: an event noun governed by a verb of seeing, inquiring, judging, reporting, bearing
# or following is its own anchor: that verb's subject is no actor of the noun's act.


def test_who_witnesses_an_attack_does_not_carry_it_out(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Maria Lindqvist witnessed the attack on the convoy near the border.", "ASSAULT"
    )
    assert (source, target) == ([], ["convoy"])


def test_who_examines_a_shooting_did_not_shoot(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Ruritanian investigators examined the shooting of two guards at the port.", "ASSAULT"
    )
    assert (source, target) == ([], ["guards"])


def test_who_stages_a_walkout_carries_it_out(extract: Callable[..., Document]) -> None:
    source, _ = event_roles(extract, "The Ruritanian dock workers staged a walkout on Monday.", "PROTEST")
    assert source == ["Ruritanian dock workers"]


# Issue 13, session 18: a support verb in the passive, with no agent, whose subject is the event noun it
# carries: the noun's own modifier is the actor, not a party the act is done to.


def test_a_passive_support_verb_takes_its_event_noun_s_actor(extract: Callable[..., Document]) -> None:
    source, target = event_roles(
        extract, "Sweeping ECOWAS sanctions were imposed on the Malian junta in January.", "SANCTION"
    )
    assert (source, target) == (["ECOWAS"], ["Malian junta"])


def test_a_carried_patient_noun_keeps_its_possessor_as_target(extract: Callable[..., Document]) -> None:
    # the possessor of an arrest is arrested, also when a support verb carries the noun in the passive
    source, target = event_roles(extract, "The mayor's arrest was ordered on Friday.", "COERCE")
    assert (source, target) == ([], ["mayor"])
