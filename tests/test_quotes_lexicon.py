"""The quotes lexicons: well-formed rows, known frames and classes, no entry defined twice."""

from __future__ import annotations

from collections import Counter

from newsgraph.lexicons import read_table
from newsgraph.stages.quotes.cues import cue_lexicon, non_cues

FRAMES = {"clause", "object", "infinitive", "naming", "noun", "light", "ownerless"}
CUE_COLUMNS = ("lemma", "kind", "frames")
CLASSES = {"speech", "cognition", "intent", "evidence", "naming", "stance"}


def test_cue_rows_use_known_frames_and_classes() -> None:
    for r in read_table("reporting_cues.tsv", CUE_COLUMNS):
        lemma, kind, frames = r["lemma"], r["kind"], r["frames"]
        assert lemma == lemma.lower() and lemma.strip(), lemma
        assert kind in CLASSES, (lemma, kind)
        assert set(frames.split(",")) <= FRAMES, (lemma, frames)


def test_no_cue_is_defined_twice() -> None:
    keys = Counter(
        r["lemma"] + ("/n" if "noun" in r["frames"] else "")
        for r in read_table("reporting_cues.tsv", CUE_COLUMNS)
    )
    assert [k for k, n in keys.items() if n > 1] == []
    assert len(cue_lexicon()) == len(keys)


def test_non_cues_are_not_cues() -> None:
    assert non_cues() and not (non_cues() & set(cue_lexicon()))
