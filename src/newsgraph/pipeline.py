"""The extraction pipeline: parse once with spaCy, then run the stages in order.

A stage is a pure function `(Parsed, Results) -> Results` that declares which result fields it needs and
which it provides; `Pipeline` checks the order when it is built (as spaCy's pipe analysis does), so a
stage never reads a field no earlier stage has filled.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .article import Article
from .errors import ConfigError, ExtractionError, InputError, NewsgraphError
from .model import Document, Entity, Event, Quote, Relation, Timex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RESULT_FIELDS = ("entities", "relations", "timexes", "quotes", "events")

#: The longest text processed as one article: spaCy's own limit (about 150,000 words, far beyond any news
#: article). Longer inputs are refused with a message rather than parsed for minutes in gigabytes of memory.
MAX_CHARS = 1_000_000


def check_length(article: Article) -> None:
    if len(article.text) > MAX_CHARS:
        raise InputError(
            article.origin,
            f"text is {len(article.text):,} characters, more than the {MAX_CHARS:,} newsgraph takes as one "
            "article; split it into articles (a .jsonl file of records, or a directory of files)",
        )


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

    def sentence_index(self, char: int) -> int:
        """Index of the sentence that holds character `char` (the nearest one before it otherwise)."""
        if not self._starts:
            return 0
        return max(0, bisect.bisect_right(self._starts, char) - 1)


@dataclass(frozen=True)
class Results:
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def replace(self, **changes: object) -> Results:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Parsed, Results], Results]
    needs: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()


def default_stages(quote_parts: bool = False) -> list[Stage]:
    """The standard stages, in order. Imported here, not at module level, to keep imports cheap.
    `quote_parts`: give a quote that its cue interrupts as its parts (see stages.quotes.find_quotes)."""
    from .stages import entities, events, places, quotes, relations, timex

    return [
        Stage("entities", entities.run, needs=(), provides=("entities",)),
        Stage("timex", timex.run, needs=(), provides=("timexes",)),
        Stage("places", places.run, needs=("entities",), provides=("entities",)),
        Stage("relations", relations.run, needs=("entities",), provides=("relations", "entities")),
        Stage(
            "quotes",
            quotes.run_parts if quote_parts else quotes.run,
            needs=("entities",),
            provides=("quotes",),
        ),
        Stage("events", events.run, needs=("entities", "timexes", "quotes"), provides=("events",)),
    ]


class Pipeline:
    """spaCy model + stages. Building it checks the stage order; the model loads on first use."""

    def __init__(
        self,
        model: str | None = None,
        stages: Sequence[Stage] | None = None,
        min_confidence: float = 0.0,
        quote_parts: bool = False,
    ) -> None:
        from .nlp import DEFAULT_MODEL

        if not 0.0 <= min_confidence <= 1.0:
            raise ConfigError(f"min_confidence is {min_confidence}; expected a number from 0 to 1")
        self.model = model or DEFAULT_MODEL
        self.min_confidence = min_confidence
        self.stages = list(stages if stages is not None else default_stages(quote_parts))
        filled: set[str] = set()
        for stage in self.stages:
            missing = [f for f in stage.needs if f not in filled]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage provides; "
                    f"order the stages so that providers come first"
                )
            unknown = [f for f in stage.provides if f not in RESULT_FIELDS]
            if unknown:
                raise ConfigError(f"stage {stage.name!r} provides unknown fields {unknown}")
            filled.update(stage.provides)

    @property
    def nlp(self) -> Language:
        from .nlp import load_nlp

        return load_nlp(self.model)

    def process(self, article: Article, doc: Doc) -> Document:
        parsed = Parsed.from_doc(article, doc)
        results = Results()
        for stage in self.stages:
            try:
                results = stage.run(parsed, results)
            except NewsgraphError:
                raise
            except Exception as exc:  # a bug in a stage must not take a batch down; report it instead
                raise ExtractionError(
                    article.origin,
                    f"stage {stage.name!r} failed ({type(exc).__name__}: {exc}); this is a newsgraph bug, "
                    "please report it with the input",
                ) from exc
        return Document(
            id=article.id,
            text=article.text,
            sentences=parsed.sentences,
            published=article.published,
            title=article.title,
            url=article.url,
            source=article.source,
            entities=results.entities,
            relations=results.relations,
            timexes=results.timexes,
            quotes=results.quotes,
            # Events are ranked by confidence; a threshold trades recall for precision.
            events=tuple(v for v in results.events if v.confidence >= self.min_confidence),
        )

    def extract(self, article: Article) -> Document:
        return self.parse(article)[0]

    def parse(self, article: Article) -> tuple[Document, Doc]:
        """The document and the spaCy parse it was read from, for callers that compare parses (check)."""
        check_length(article)
        doc = self.nlp(article.text)
        return self.process(article, doc), doc

    def extract_many(
        self, items: Iterable[Article | NewsgraphError], batch_size: int = 32
    ) -> Iterator[Document | NewsgraphError]:
        """Stream documents (or the errors of inputs that failed) in input order, parsing in batches."""
        nlp = self.nlp

        def articles() -> Iterator[tuple[str, Article | NewsgraphError]]:
            for item in items:
                if isinstance(item, Article):
                    try:
                        check_length(item)
                    except InputError as exc:
                        item = exc
                yield (item.text if isinstance(item, Article) else "", item)

        for doc, item in nlp.pipe(articles(), as_tuples=True, batch_size=batch_size):
            if not isinstance(item, Article):
                yield item
                continue
            try:
                yield self.process(item, doc)
            except NewsgraphError as exc:
                yield exc
