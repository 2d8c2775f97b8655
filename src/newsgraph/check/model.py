"""The records of a claim check (contract: newsgraph.check/1): frozen, and serialised by `to_dict()`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

CHECK_SCHEMA = "newsgraph.check/1"

Verdict = Literal["supported", "contradicted", "not_in_sources"]
VERDICTS: tuple[Verdict, ...] = ("supported", "contradicted", "not_in_sources")


@dataclass(frozen=True)
class Evidence:
    """A source sentence a verdict rests on: `text == source.text[start:end]`."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class ClaimVerdict:
    """One atomic claim, its verdict, how sure (0 to 1), why, and the evidence."""

    text: str
    verdict: Verdict
    score: float
    reason: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "verdict": self.verdict,
            "score": round(self.score, 3),
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def overall(verdicts: tuple[ClaimVerdict, ...]) -> Verdict:
    """Supported only when every claim is; else contradicted when any claim is; else not_in_sources."""
    if verdicts and all(v.verdict == "supported" for v in verdicts):
        return "supported"
    if any(v.verdict == "contradicted" for v in verdicts):
        return "contradicted"
    return "not_in_sources"


@dataclass(frozen=True)
class CheckResult:
    id: str | None
    claims: tuple[ClaimVerdict, ...]

    @property
    def verdict(self) -> Verdict:
        return overall(self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": CHECK_SCHEMA,
            "id": self.id,
            "verdict": self.verdict,
            "claims": [c.to_dict() for c in self.claims],
        }
