"""The quotes lexicons: well-formed rows, known frames and classes, no entry defined twice."""

from __future__ import annotations

from collections import Counter

from newsgraph.lexicons import read_tsv
from newsgraph.stages.quotes.cues import cue_lexicon, non_cues

FRAMES = {"clause", "object", "infinitive", "naming", "noun", "light", "ownerless"}
CLASSES = {"speech", "cognition", "intent", "evidence", "naming", "stance"}


def test_cue_rows_use_known_frames_and_classes() -> None:
    for lemma, kind, frames in read_tsv("reporting_cues.tsv", 3):
        assert lemma == lemma.lower() and lemma.strip(), lemma
        assert kind in CLASSES, (lemma, kind)
        assert set(frames.split(",")) <= FRAMES, (lemma, frames)


def test_no_cue_is_defined_twice() -> None:
    keys = Counter(
        lemma + ("/n" if "noun" in frames else "") for lemma, _, frames in read_tsv("reporting_cues.tsv", 3)
    )
    assert [k for k, n in keys.items() if n > 1] == []
    assert len(cue_lexicon()) == len(keys)


def test_non_cues_are_not_cues() -> None:
    assert non_cues() and not (non_cues() & set(cue_lexicon()))
