"""Claim check: is a claim stated by the sources, contradicted by them, or not in them?

    from newsgraph.check import check_claims
    result = check_claims(["Korvan has hundreds of guards in Dorr."], "Korvan has 1,500 guards in Dorr.")
    result.verdict            # "contradicted"
    result.to_dict()          # the contract JSON (newsgraph.check/1)

The sources and the claim go through the same extraction as `newsgraph extract` (names, places, dates
resolved against `published`), then `Checker` compares each atomic claim with its best evidence sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..article import Article
from ..errors import ConfigError, InputError, NewsgraphError
from ..pipeline import Pipeline
from .checker import Checker
from .model import CHECK_SCHEMA, VERDICTS, CheckResult, ClaimVerdict, Evidence, overall
from .units import claim_units, sentence_units
from .verdict import VerdictModel, load_verdict_model


def build_checker(
    sources: Iterable[Article], pipeline: Pipeline | None = None, model: VerdictModel | None = None
) -> Checker:
    """Parse the sources once; the checker answers any number of claims about them. `model`: the learned
    verdict (`load_verdict_model()`), else the rules decide."""
    pipeline = pipeline or _default_pipeline()
    units, texts, published = [], [], None
    for article in sources:
        document, doc = pipeline.parse(article)
        units.extend(sentence_units(document, doc))
        texts.append(document.text)
        published = published or document.published
    return Checker(units, pipeline.nlp.vocab, texts, model, published)


def check_text(
    checker: Checker,
    claim: str,
    published: object = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> CheckResult:
    """Split a claim text into atomic claims and check each against the checker's sources."""
    if not isinstance(claim, str) or not claim.strip():
        raise InputError(id or "<claim>", "the claim is empty; expected a sentence to check")
    pipeline = pipeline or _default_pipeline()
    article = Article.make(claim, id=id, published=published or checker.published)
    document, doc = pipeline.parse(article)
    verdicts = tuple(checker.check(u) for u in claim_units(document, doc))
    return CheckResult(id, verdicts)


def check_claims(
    sources: Sequence[str | Article],
    claim: str,
    published: object = None,
    id: str | None = None,
    verdict: str = "learned",
) -> CheckResult:
    """Check one claim text against source texts (or Articles). `verdict`: "learned" (the default, as on
    the command line: the trained verdict may doubt what the rules support) or "rules"."""
    model = verdict_model(verdict)
    pipeline = _default_pipeline()
    articles = [s if isinstance(s, Article) else Article.make(s, published=published) for s in sources]
    if not articles:
        raise InputError("<sources>", "no source given; expected at least one source text")
    return check_text(build_checker(articles, pipeline, model), claim, published, id, pipeline)


def verdict_model(verdict: str) -> VerdictModel | None:
    """The model behind a `--verdict` choice: the shipped learned verdict, or None for the rules alone."""
    if verdict == "learned":
        return load_verdict_model()
    if verdict == "rules":
        return None
    raise ConfigError(f"verdict {verdict!r} is not known; expected 'learned' or 'rules'")


def check_pairs(
    records: Iterable[dict[str, object]],
    pipeline: Pipeline | None = None,
    model: VerdictModel | None = None,
) -> Iterator[CheckResult | NewsgraphError]:
    """Results for {"id", "doc", "summary"} records (SummEdits style), in order. Sources that repeat are
    parsed once; a bad record comes through as its error. `pipeline` defaults to the default model's;
    `model` is the learned verdict, if any."""
    pipeline = pipeline or _default_pipeline()
    checkers: dict[str, Checker] = {}
    for n, rec in enumerate(records, 1):
        rid = str(rec.get("id")) if rec.get("id") is not None else f"record {n}"
        try:
            doc, summary = rec.get("doc"), rec.get("summary")
            if not isinstance(doc, str) or not doc.strip():
                raise InputError(rid, "no source text in 'doc'; expected the article as a string")
            if not isinstance(summary, str):
                raise InputError(rid, "no claim in 'summary'; expected a string")
            if doc not in checkers:
                if len(checkers) > 64:
                    checkers.clear()  # bounded: pairs files are grouped by article
                checkers[doc] = build_checker([Article.make(doc, id=rid)], pipeline, model)
            yield check_text(checkers[doc], summary, rec.get("published"), rid, pipeline)
        except NewsgraphError as exc:
            yield exc


def _default_pipeline() -> Pipeline:
    from ..pipeline import get_pipeline

    return get_pipeline()


__all__ = [
    "CHECK_SCHEMA",
    "VERDICTS",
    "CheckResult",
    "Checker",
    "ClaimVerdict",
    "Evidence",
    "VerdictModel",
    "build_checker",
    "check_claims",
    "check_pairs",
    "check_text",
    "load_verdict_model",
    "overall",
    "verdict_model",
]
