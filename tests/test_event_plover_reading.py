"""PLOVER's code for intended and possible actions (stages/events/rules.recode, docs/annotation.md 6): future
cooperation is AGREE, a future retreat CONCEDE, a commitment to a concession stays CONCEDE, and a merely
possible cooperation keeps its type, a negated intention, a planned deployment or protest too; the model
does not undo these readings, nor a refusal (hybrid.py)."""

from __future__ import annotations

import pytest

from newsgraph.stages.events import hybrid
from newsgraph.stages.events.frame import Frame
from newsgraph.stages.events.rules import recode


def _frame(intent: bool = False, hypothetical: bool = False, negated: bool = False) -> Frame:
    return Frame(None, None, intent, False, hypothetical, negated, None, False, 0.0)


@pytest.mark.parametrize(
    ("type_", "coded"),
    [
        ("AID", "AGREE"),
        ("CONSULT", "AGREE"),
        ("RETREAT", "CONCEDE"),
        ("CONCEDE", "CONCEDE"),
        ("ASSAULT", "THREATEN"),
    ],
)
def test_an_intended_action_takes_plovers_code(type_: str, coded: str) -> None:
    assert recode(type_, None, _frame(intent=True))[0] == coded


@pytest.mark.parametrize("type_", ["AID", "COOPERATE", "RETREAT", "SUPPORT"])
def test_a_possible_cooperation_keeps_its_type(type_: str) -> None:
    assert recode(type_, None, _frame(hypothetical=True)) == (type_, None, False)


def test_a_possible_use_of_force_is_still_a_threat() -> None:
    assert recode("SANCTION", None, _frame(hypothetical=True))[0] == "THREATEN"


def test_a_planned_or_possible_deployment_is_no_threat() -> None:
    # "will deploy troops", "would be mobilised if ...": MOBILIZE, future or hypothetical, not THREATEN
    assert recode("MOBILIZE", "troops", _frame(intent=True)) == ("MOBILIZE", "troops", False)
    assert recode("MOBILIZE", None, _frame(hypothetical=True)) == ("MOBILIZE", None, False)


def test_a_planned_protest_is_no_threat() -> None:
    # "the union will march on Friday": PROTEST, future
    assert recode("PROTEST", "demo", _frame(intent=True)) == ("PROTEST", "demo", False)


def test_the_model_keeps_plovers_reading() -> None:
    # "will withdraw": CONCEDE, though the model reads the word as a retreat
    assert hybrid.plover_reading("CONCEDE", "RETREAT", stance=True) == "CONCEDE"
    # "will not accept": the rules' refusal, though the model reads "accept" as an agreement
    assert hybrid.plover_reading("REJECT", "AGREE", stance=False) == "REJECT"
    # elsewhere the model's reading stands
    assert hybrid.plover_reading("CONCEDE", "RETREAT", stance=False) == "RETREAT"
    assert hybrid.plover_reading("REJECT", "ACCUSE", stance=False) == "ACCUSE"


@pytest.mark.parametrize("type_", ["AID", "RETREAT", "ASSAULT", "MOBILIZE", "PROTEST"])
def test_a_negated_intention_keeps_its_type(type_: str) -> None:
    # "will not send tanks", "will not fire on protesters": no commitment, no threat (docs/annotation.md 7)
    assert recode(type_, "m", _frame(intent=True, negated=True)) == (type_, "m", False)
