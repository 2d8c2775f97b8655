"""What every stage sees and declares: the parsed article, the results so far, and the stage itself.

This module sits below both the pipeline and the stages, so a stage never imports the pipeline that runs
it. A stage is a pure function `(Parsed, Results) -> Results`; its `Stage` record says which result fields
it requires and which it provides, and the pipeline checks both: the order when it is built (as spaCy's
pipe analysis does) and, after each run, that the stage changed nothing it did not declare.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..article import Article
from ..model import Entity, Event, Quote, Relation, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The fields of `Results`, in the order the contract lists them.
RESULT_FIELDS = ("entities", "relations", "timexes", "quotes", "events")


@dataclass(frozen=True)
class Parsed:
    """An article with its spaCy parse and sentence offsets."""

    article: Article
    doc: Doc
    sentences: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def from_doc(cls, article: Article, doc: Doc) -> Parsed:
        sentences = tuple((s.start_char, s.end_char) for s in doc.sents) if len(doc) else ()
        return cls(article, doc, sentences, tuple(s for s, _ in sentences))

    @property
    def text(self) -> str:
        return self.article.text

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The doc's tokens, made once. Every `for tok in doc` and `doc[i]` makes new Token objects: a dozen
        walks over the whole article made about a million of them on the 84 quotes dev articles."""
        return tuple(self.doc)

    def span_tokens(self, span: Span) -> tuple[Token, ...]:
        """The tokens of a span of the doc, from `tokens` (a walk over the span makes new Token objects)."""
        return self.tokens[span.start : span.end] if span.doc is self.doc else tuple(span)

    def sentence_index(self, char: int) -> int:
        """Index of the sentence that holds character `char` (the nearest one before it otherwise)."""
        if not self._starts:
            return 0
        return max(0, bisect.bisect_right(self._starts, char) - 1)


@dataclass(frozen=True)
class Results:
    """What the stages have found so far; each stage returns a copy with its own fields replaced."""

    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def replace(self, **changes: object) -> Results:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def changed_fields(self, before: Results) -> tuple[str, ...]:
        """The fields that are not the very same objects as in `before` (stages replace, never mutate)."""
        return tuple(f for f in RESULT_FIELDS if getattr(self, f) is not getattr(before, f))


@dataclass(frozen=True)
class Stage:
    """One stage: its name and version (part of what a stored document was made with), the result fields
    it reads (`requires`) and writes (`provides`), and the function that does it."""

    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[Parsed, Results], Results]

    def with_run(self, run: Callable[[Parsed, Results], Results]) -> Stage:
        """The same declaration over another function (a variant of the stage, say)."""
        return dataclasses.replace(self, run=run)
