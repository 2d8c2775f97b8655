"""quotes_content on hand-built parses: the parse shapes spaCy produces on some news sentences."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.stages.quotes.content import content


def parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head index, dependency, coarse POS, fine tag) rows; one sentence."""
    words, heads, deps, pos, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[nxt not in (",", ".") for nxt in [*words[1:], "."]],
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_cue_hung_on_the_clause_after_it_reports_the_clause_before() -> None:
    # "It would take weeks, he said, and delays could be growing." with 'said' a parataxis of 'growing'
    doc = parse(
        [
            ("It", 2, "nsubj", "PRON", "PRP"),
            ("would", 2, "aux", "AUX", "MD"),
            ("take", 2, "ROOT", "VERB", "VB"),
            ("weeks", 2, "dobj", "NOUN", "NNS"),
            (",", 6, "punct", "PUNCT", ","),
            ("he", 6, "nsubj", "PRON", "PRP"),
            ("said", 12, "parataxis", "VERB", "VBD"),
            (",", 6, "punct", "PUNCT", ","),
            ("and", 6, "cc", "CCONJ", "CC"),
            ("delays", 12, "nsubj", "NOUN", "NNS"),
            ("could", 12, "aux", "AUX", "MD"),
            ("be", 12, "aux", "AUX", "VB"),
            ("growing", 2, "conj", "VERB", "VBG"),
            (".", 12, "punct", "PUNCT", "."),
        ]
    )
    span = content(doc, doc[6], frozenset({"clause"}))
    assert span is not None and doc.text[span[0] : span[1]] == "It would take weeks"


def test_cue_interrupting_the_clause_it_hangs_from() -> None:
    # "Back home, he said, the plant closed." with 'said' a parataxis of 'closed'
    doc = parse(
        [
            ("Back", 1, "advmod", "ADV", "RB"),
            ("home", 8, "advmod", "ADV", "RB"),
            (",", 4, "punct", "PUNCT", ","),
            ("he", 4, "nsubj", "PRON", "PRP"),
            ("said", 8, "parataxis", "VERB", "VBD"),
            (",", 4, "punct", "PUNCT", ","),
            ("the", 7, "det", "DET", "DT"),
            ("plant", 8, "nsubj", "NOUN", "NN"),
            ("closed", 8, "ROOT", "VERB", "VBD"),
            (".", 8, "punct", "PUNCT", "."),
        ]
    )
    span = content(doc, doc[4], frozenset({"clause"}))
    assert span is not None and doc.text[span[0] : span[1]] == "Back home, he said, the plant closed"
