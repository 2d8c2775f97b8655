"""Sentence starts at line breaks, set before the parser runs.

News text puts paragraphs (and headlines, datelines, table rows) on their own lines, and no sentence runs
over a line break; left alone, the parser glues a headline to the dateline and the first sentence. A line
break inside a hard-wrapped sentence (the line ends without punctuation and the next starts in lower
case) is not a boundary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "newsgraph_paragraphs"
_CLOSING = {".", "!", "?", ":", '"', "”", "’", "'", ")", "»"}


def set_line_starts(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        prev, tok = doc[i - 1], doc[i]
        if "\n" not in prev.whitespace_ and not (prev.is_space and "\n" in prev.text):
            continue
        if tok.is_space:
            continue
        before = prev if not prev.is_space else doc[i - 2] if i >= 2 else prev
        wrapped = before.text not in _CLOSING and tok.text[:1].islower()
        if not wrapped:
            tok.is_sent_start = True
    return doc


def add_paragraphs(nlp: Language) -> None:
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT)(set_line_starts)
    nlp.add_pipe(COMPONENT, before="parser")
