"""Shared fixtures: the spaCy model (skipped cleanly when absent), the sample articles, their documents,
and an offset checker every test of extraction output can use."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import pytest

import newsgraph
from newsgraph.model import Document, Entity, Event, Mention, Quote, Relation, Span, Timex

TEXT = "Foreign Minister Lena Hart of Norway visited Kenya on Monday. “We will help,” she said."


def handmade_document() -> Document:
    """A document with one record of every kind, written by hand so no model is needed."""
    hart = Entity(
        id="E1",
        name="Lena Hart",
        type="PERSON",
        mentions=(Mention(17, 26, "Lena Hart", 0), Mention(78, 81, "she", 1, "pronoun")),
        country="NOR",
        sector="GOV",
        titles=("Foreign Minister",),
        aliases=("Lena Hart",),
    )
    norway = Entity(
        id="E2", name="Norway", type="GPE", mentions=(Mention(30, 36, "Norway", 0),), country="NOR"
    )
    kenya = Entity(
        id="E3",
        name="Kenya",
        type="GPE",
        mentions=(Mention(45, 50, "Kenya", 0),),
        country="KEN",
        lat=0.5,
        lon=37.5,
        geonameid="192950",
    )
    return Document(
        id="doc-1",
        text=TEXT,
        sentences=((0, 61), (62, 87)),
        published="2024-01-10",
        title="A visit",
        entities=(hart, norway, kenya),
        relations=(Relation("E1", "represents", "E2", 0),),
        timexes=(Timex(54, 60, "Monday", "DATE", "2024-01-08"),),
        quotes=(Quote("Q1", "direct", 63, 75, "We will help", "E1", "she", "said", 1),),
        events=(
            Event(
                id="V1",
                type="CONSULT",
                trigger=Span(37, 44, "visited"),
                sentence=0,
                source=("E1",),
                target=("E3",),
                mode="visit",
                date="2024-01-08",
                location="E3",
                confidence=0.8,
            ),
        ),
    )


@pytest.fixture(scope="session")
def handmade() -> Document:
    return handmade_document()


def sample_records() -> list[dict[str, Any]]:
    """The sample articles that ship with the package (the `newsgraph demo` input), in file order."""
    folder = resources.files("newsgraph").joinpath("samples")
    records: list[dict[str, Any]] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl"):
            records += [json.loads(line) for line in item.read_text(encoding="utf-8").splitlines() if line]
    return records


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The default spaCy pipeline (with the gazetteer); skips the test when the model is not installed."""
    from newsgraph.nlp import DEFAULT_MODEL, load_nlp

    try:
        return load_nlp(DEFAULT_MODEL)
    except newsgraph.ModelError as exc:
        pytest.skip(f"spaCy model not installed: {exc}")


@pytest.fixture(scope="session")
def model_package() -> str:
    """The default model's name, when it is installed (checked without loading it, for subprocess tests)."""
    from newsgraph.nlp import DEFAULT_MODEL
    from newsgraph.nlp.loader import model_installed

    if not model_installed(DEFAULT_MODEL):
        pytest.skip(f"spaCy model {DEFAULT_MODEL} is not installed")
    return DEFAULT_MODEL


@pytest.fixture(scope="session")
def everyday_use_of(nlp: Any) -> Callable[[str, str, str], str | None]:
    """Why the events stage reads the first token `word` of `text`, coded as `type_`, as an everyday use
    (stages/events/everyday.py), or None: the tests of everyday.py and everyday_acts.py ask the same way."""
    from newsgraph.stages.events.everyday import everyday_use, is_sports_story

    def use(text: str, word: str, type_: str) -> str | None:
        doc = nlp(text)
        tok = next(t for t in doc if t.text == word)
        return everyday_use(tok, type_, is_sports_story(doc))

    return use


@pytest.fixture(scope="session")
def extract(nlp: Any) -> Callable[..., Document]:
    """`newsgraph.extract`, available only when the model is: request this instead of importing it."""
    return newsgraph.extract


@pytest.fixture(scope="session")
def samples() -> list[dict[str, Any]]:
    records = sample_records()
    assert records, "no sample articles found under newsgraph/samples/*.jsonl"
    return records


@pytest.fixture(scope="session")
def sample_docs(extract: Callable[..., Document], samples: list[dict[str, Any]]) -> dict[str, Document]:
    """Each sample article's document, by id; extracted once per test session."""
    return {
        r["id"]: extract(
            r["text"],
            published=r.get("published"),
            id=r["id"],
            title=r.get("title"),
            url=r.get("url"),
            source=r.get("source"),
        )
        for r in samples
    }


def offset_problems(doc: Document) -> Iterator[str]:
    """Every way the document's offsets fail the contract: `text[start:end] == span text`, sentence
    indexes inside `sentences`, sentences ordered and inside the text, references to known entities."""
    text, n = doc.text, len(doc.sentences)
    previous_end = 0
    for i, (start, end) in enumerate(doc.sentences):
        if not (previous_end <= start <= end <= len(text)):
            yield f"sentence {i} ({start}, {end}) is out of order or outside the text (length {len(text)})"
        previous_end = end

    def span(where: str, start: int, end: int, span_text: str, sentence: int | None = None) -> Iterator[str]:
        if not (0 <= start <= end <= len(text)):
            yield f"{where}: offsets ({start}, {end}) outside the text (length {len(text)})"
        elif text[start:end] != span_text:
            yield f"{where}: text[{start}:{end}] is {text[start:end]!r}, the record says {span_text!r}"
        if sentence is None or not n:
            return
        if not 0 <= sentence < n:
            yield f"{where}: sentence {sentence} is not an index into {n} sentences"
        elif not doc.sentences[sentence][0] <= start < max(doc.sentences[sentence][1], start + 1):
            # The span starts in its sentence (a quote may run on into the next ones).
            yield f"{where}: starts at {start}, outside its sentence {sentence} {doc.sentences[sentence]}"

    ids = {e.id for e in doc.entities}
    if len(ids) != len(doc.entities):
        yield "entity ids are not unique"
    for kind, records in (("quote", doc.quotes), ("event", doc.events)):
        if len({r.id for r in records}) != len(records):
            yield f"{kind} ids are not unique"
    owner: dict[tuple[int, int], str] = {}
    for e in doc.entities:
        for m in e.mentions:
            yield from span(f"entity {e.id} mention", m.start, m.end, m.text, m.sentence)
            # One stretch of text refers to one thing: the same span in two entities (or twice in one) is
            # a grouping error. Nested spans are fine ("U.S." inside "U.S. officials").
            if (m.start, m.end) in owner:
                yield f"span {m.text!r} at {m.start} is a mention of {owner[m.start, m.end]} and {e.id}"
            owner[m.start, m.end] = e.id
    for t in doc.timexes:
        yield from span("timex", t.start, t.end, t.text)
    for q in doc.quotes:
        yield from span(f"quote {q.id}", q.start, q.end, q.text, q.sentence)
        if q.speaker is not None and q.speaker not in ids:
            yield f"quote {q.id}: speaker {q.speaker} is not an entity"
    for v in doc.events:
        yield from span(f"event {v.id} trigger", v.trigger.start, v.trigger.end, v.trigger.text, v.sentence)
        for ref in (*v.source, *v.target, v.location, v.attributed_to):
            if ref is not None and ref not in ids:
                yield f"event {v.id}: {ref} is not an entity"
    for r in doc.relations:
        if r.subject not in ids or r.object not in ids:
            yield f"relation {r}: refers to an unknown entity"
        if not 0 <= r.sentence < max(n, 1):
            yield f"relation {r}: sentence {r.sentence} is not an index into {n} sentences"


@pytest.fixture(scope="session")
def assert_offsets() -> Callable[[Document], None]:
    """A checker: fails with every offset problem of a document listed."""

    def check(doc: Document) -> None:
        problems = list(offset_problems(doc))
        assert not problems, "offsets break the contract:\n  " + "\n  ".join(problems[:20])

    return check


# ---------------------------------------------------------------- PostgreSQL (a real, throwaway server)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    """A PostgreSQL cluster started for this test session (see pgcluster.py); fails, never skips, when
    the server binaries are missing, since CI installs them (.ci/services.sh)."""
    from pgcluster import make_cluster

    try:
        cluster = make_cluster()
    except RuntimeError as exc:
        pytest.fail(f"cannot start a PostgreSQL server for the tests: {exc}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Any, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"t{abs(hash(request.node.nodeid)) % 10**12}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    yield pg_cluster.url(name)
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
