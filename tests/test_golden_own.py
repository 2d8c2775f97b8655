"""Whole articles written for these tests (tests/golden_own/): the records an analyst reads first, pinned
where the system gets them right, so that a regression in any stage shows. Each `<name>.json` names its
text and publication date and lists what must hold:

- `events`: an event with this type and trigger, and (where given) exactly these source and target entity
  names, date and modality;
- `quotes`: exactly one quote containing the words, its speaker the entity of that name;
- `no_quote_cues`: cues that must not give a quote here (a deed, not words);
- `countries`: an entity's country; `relations`: [subject name, predicate, object name].

Only right outputs are pinned; what is still wrong in these articles is not encoded either way.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph import Document, extract

pytestmark = pytest.mark.model

FOLDER = Path(__file__).parent / "golden_own"
CASES = sorted(FOLDER.glob("*.json"))


@functools.cache
def _read(case: Path) -> tuple[dict[str, Any], Document]:
    spec = json.loads(case.read_text(encoding="utf-8"))
    text = (FOLDER / spec["text"]).read_text(encoding="utf-8")
    return spec, extract(text, published=spec["published"])


def _names(doc: Document, ids: tuple[str, ...] | list[str]) -> list[str]:
    return sorted(doc.entity(i).name for i in ids)  # type: ignore[union-attr]


def _entity(doc: Document, name: str) -> Any:
    found = [e for e in doc.entities if e.name == name]
    assert found, f"no entity named {name!r}: {[e.name for e in doc.entities]}"
    return found[0]


def test_there_are_cases() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_events(case: Path) -> None:
    spec, doc = _read(case)
    for want in spec["events"]:
        hits = [v for v in doc.events if v.type == want["type"] and v.trigger.text == want["trigger"]]
        assert hits, f"no {want['type']} event on {want['trigger']!r}"
        event = hits[0]
        if "source" in want:
            assert _names(doc, event.source) == sorted(want["source"])
        if "target" in want:
            assert _names(doc, event.target) == sorted(want["target"])
        if "date" in want:
            assert event.date == want["date"]
        assert event.modality == want.get("modality", "asserted") and not event.negated


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_quote_speakers(case: Path) -> None:
    spec, doc = _read(case)
    for want in spec["quotes"]:
        hits = [q for q in doc.quotes if want["contains"] in q.text]
        assert len(hits) == 1, f"{want['contains']!r}: {[q.text for q in hits]}"
        speaker = doc.entity(hits[0].speaker) if hits[0].speaker else None
        assert speaker is not None and speaker.name == want["speaker"], (want, hits[0])
    bad = [q for q in doc.quotes if q.cue in spec["no_quote_cues"]]
    assert not bad, [(q.cue, q.text) for q in bad]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_countries_and_relations(case: Path) -> None:
    spec, doc = _read(case)
    for name, country in spec["countries"].items():
        assert _entity(doc, name).country == country, name
    names = {e.id: e.name for e in doc.entities}
    relations = {(names[r.subject], r.predicate, names[r.object]) for r in doc.relations}
    for subject, predicate, obj in spec["relations"]:
        assert (subject, predicate, obj) in relations, relations
