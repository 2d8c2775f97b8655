"""The extraction pipeline: parse once with spaCy, then run the stages in order.

The stages declare what they require and provide (`stages.base.Stage`, next to each stage's code); the
pipeline builds its list from those declarations, checks the order when it is built, and after each
stage checks that it changed only what it declared. `ExtractOptions` is the one value that carries the
extraction options everywhere (API, executors, workers), and `get_pipeline` gives one Pipeline per
options in a process, so a worker loads the model once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .article import Article
from .errors import ConfigError, ExtractionError, InputError, NewsgraphError
from .model import Document
from .stages.base import RESULT_FIELDS, Parsed, Results, Stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The longest text processed as one article: spaCy's own limit (about 150,000 words, far beyond any news
#: article). Longer inputs are refused with a message rather than parsed for minutes in gigabytes of memory.
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class ExtractOptions:
    """How to extract: the spaCy model (None: the default), the event confidence threshold, whether an
    interrupted quote comes as its parts, how many articles spaCy parses at a time, and whether the
    events stage consults the learned candidate classifier (`event_model`, off by default: see
    newsgraph/models/events/CARD.md), and a user's actors file read over the shipped knowledge base
    (`actors`, a path: newsgraph/kb/README.md)."""

    model: str | None = None
    min_confidence: float = 0.0
    quote_parts: bool = False
    batch_size: int = 32
    event_model: bool = False
    actors: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.min_confidence, bool) or not isinstance(self.min_confidence, int | float):
            raise ConfigError(
                f"min_confidence is {self.min_confidence!r}; expected a number from 0 to 1, such as 0.7"
            )
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence is {self.min_confidence}; expected a number from 0 to 1")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size is {self.batch_size}; expected 1 or more")
        if self.actors is not None and not Path(self.actors).is_file():
            raise ConfigError(
                f"actors file {self.actors!r} does not exist or is not a file; expected a tab-separated "
                "actors file (format: newsgraph/kb/README.md)"
            )


def check_length(article: Article) -> None:
    if len(article.text) > MAX_CHARS:
        raise InputError(
            article.origin,
            f"text is {len(article.text):,} characters, more than the {MAX_CHARS:,} newsgraph takes as one "
            "article; split it into articles (a .jsonl file of records, or a directory of files)",
        )


def default_stages(
    quote_parts: bool = False, event_model: bool = False, actors: str | None = None
) -> list[Stage]:
    """The standard stages, in order; `quote_parts` takes the quotes stage's parts view, `event_model` the
    events stage that consults the learned candidate classifier, `actors` a user's actors file."""
    from .stages import entities, events, places, quotes, relations, timex

    return [
        entities.stage_with_actors(actors),
        timex.STAGE,
        places.STAGE,
        entities.HOMES_STAGE,
        relations.STAGE,
        quotes.PARTS_STAGE if quote_parts else quotes.STAGE,
        events.MODEL_STAGE if event_model else events.STAGE,
    ]


def check_order(stages: Sequence[Stage]) -> None:
    """ConfigError unless every stage's requirements are provided by an earlier stage."""
    filled: set[str] = set()
    for stage in stages:
        missing = [f for f in stage.requires if f not in filled]
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides; "
                f"order the stages so that providers come first"
            )
        unknown = [f for f in stage.provides if f not in RESULT_FIELDS]
        if unknown:
            raise ConfigError(f"stage {stage.name!r} provides unknown fields {unknown}")
        filled.update(stage.provides)


def run_stage(stage: Stage, parsed: Parsed, results: Results) -> Results:
    """One stage over one parsed article. A crash inside it is a newsgraph bug, reported as such (naming
    the stage and the input) so that it never takes a batch down; so is a change it did not declare."""
    try:
        after = stage.run(parsed, results)
    except NewsgraphError:
        raise
    except Exception as exc:
        raise ExtractionError(
            parsed.article.origin, f"stage {stage.name!r} failed ({type(exc).__name__}: {exc})"
        ) from exc
    undeclared = [f for f in after.changed_fields(results) if f not in stage.provides]
    if undeclared:
        raise ExtractionError(
            parsed.article.origin,
            f"stage {stage.name!r} changed {', '.join(undeclared)}, which it does not declare it provides",
        )
    return after


class Pipeline:
    """spaCy model + stages. Building it checks the stage order; the model loads on first use."""

    def __init__(self, options: ExtractOptions | None = None, stages: Sequence[Stage] | None = None) -> None:
        from .nlp import DEFAULT_MODEL

        self.options = options or ExtractOptions()
        self.model = self.options.model or DEFAULT_MODEL
        self.stages = list(
            stages
            if stages is not None
            else default_stages(self.options.quote_parts, self.options.event_model, self.options.actors)
        )
        check_order(self.stages)

    @property
    def nlp(self) -> Language:
        from .nlp import load_nlp

        return load_nlp(self.model)

    def process(self, article: Article, doc: Doc) -> Document:
        parsed = Parsed.from_doc(article, doc)
        results = Results()
        for stage in self.stages:
            results = run_stage(stage, parsed, results)
        threshold = self.options.min_confidence
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
            events=tuple(v for v in results.events if v.confidence >= threshold),
        )

    def extract(self, article: Article) -> Document:
        return self.parse(article)[0]

    def parse(self, article: Article) -> tuple[Document, Doc]:
        """The document and the spaCy parse it was read from, for callers that compare parses (check)."""
        check_length(article)
        doc = self.nlp(article.text)
        return self.process(article, doc), doc

    def extract_many(self, items: Iterable[Article | NewsgraphError]) -> Iterator[Document | NewsgraphError]:
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

        for doc, item in nlp.pipe(articles(), as_tuples=True, batch_size=self.options.batch_size):
            if not isinstance(item, Article):
                yield item
                continue
            try:
                yield self.process(item, doc)
            except NewsgraphError as exc:
                yield exc


@functools.cache
def get_pipeline(options: ExtractOptions | None = None) -> Pipeline:
    """One Pipeline per options in a process; the spaCy model loads on first use (once per process)."""
    return Pipeline(options)
