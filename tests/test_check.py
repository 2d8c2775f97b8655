"""The claim check (newsgraph.check/1): verdicts, reasons and evidence offsets on hand-written sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.check import CheckResult, ClaimVerdict, check_claims, check_pairs
from newsgraph.check.features import antonyms, number_value, word_classes
from newsgraph.check.model import overall
from newsgraph.errors import ConfigError, InputError
from newsgraph.lexicons import read_table

SOURCE = (
    "Hundreds of Varnian mercenaries arrived in the port city of Ostrela on Monday, officials said. "
    "The council did not expel the Varnian envoy. "
    "Protesters painted the main bridge yellow and blue. "
    "Sales of the company rose to $5bn in 2022, up from $3bn a year earlier."
)
PUBLISHED = "2023-08-03"


def verdict_of(claim: str) -> ClaimVerdict:
    result = check_claims([SOURCE], claim, published=PUBLISHED)
    assert len(result.claims) == 1, result
    return result.claims[0]


# ---------------------------------------------------------------- no model


def test_number_values() -> None:
    assert number_value(["1,500"]) == 1500
    assert number_value(["3.5", "million"]) == 3_500_000
    assert number_value(["twenty-one"]) == 21
    assert number_value(["5bn"]) == 5e9
    assert number_value(["two", "hundred", "thousand"]) == 200_000
    assert number_value(["several"]) is None


def test_overall_verdict_rules() -> None:
    ok = ClaimVerdict("a", "supported", 0.9, "")
    no = ClaimVerdict("b", "contradicted", 0.8, "")
    absent = ClaimVerdict("c", "not_in_sources", 0.7, "")
    assert overall((ok, ok)) == "supported"
    assert overall((ok, absent, no)) == "contradicted"
    assert overall((ok, absent)) == "not_in_sources"
    assert overall(()) == "not_in_sources"  # nothing checked is not support
    d = CheckResult("x", (ok, no)).to_dict()
    assert d["schema"] == "newsgraph.check/1" and d["verdict"] == "contradicted" and len(d["claims"]) == 2


def test_check_lexicons_are_well_formed() -> None:
    for name, columns in (
        ("check_antonyms.tsv", ("word", "antonym")),
        ("check_classes.tsv", ("class", "word")),
    ):
        for row in read_table(name, columns):
            values = [row[c] for c in columns]
            assert all(values), (name, row.line)
            assert values == [w.lower() for w in values], (name, row.line)
    assert all(word not in opposite for word, opposite in antonyms().items())
    assert antonyms()["fall"] >= {"rise"} and antonyms()["rise"] >= {"fall"}  # both ways
    assert word_classes()["green"] == "colour"


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_number_differs_with_evidence_offsets() -> None:
    v = verdict_of("About 1,500 Varnian mercenaries arrived in Ostrela.")
    assert v.verdict == "contradicted"
    assert "number differs" in v.reason and "hundreds" in v.reason.lower() and "1,500" in v.reason
    ev = v.evidence[0]
    assert SOURCE[ev.start : ev.end] == ev.text and ev.text.startswith("Hundreds of Varnian")


@pytest.mark.model
def test_scaled_money_differs() -> None:
    v = verdict_of("Sales of the company rose to $8bn in 2022.")
    assert v.verdict == "contradicted" and "number differs" in v.reason


@pytest.mark.model
def test_negation_contradicts() -> None:
    v = verdict_of("The council expelled the Varnian envoy.")
    assert v.verdict == "contradicted" and "negation" in v.reason


@pytest.mark.model
def test_other_colour_contradicts() -> None:
    v = verdict_of("Protesters painted the main bridge green and blue.")
    assert v.verdict == "contradicted" and "green" in v.reason


@pytest.mark.model
def test_other_weekday_date_contradicts() -> None:
    v = verdict_of("Varnian mercenaries arrived in Ostrela on Tuesday.")
    assert v.verdict == "contradicted" and "date differs" in v.reason


@pytest.mark.model
def test_stated_claim_is_supported() -> None:
    v = verdict_of("Varnian mercenaries arrived in Ostrela on Monday.")
    assert v.verdict == "supported", v
    assert v.evidence and v.evidence[0].text.startswith("Hundreds of Varnian")


@pytest.mark.model
def test_unrelated_claim_is_not_in_sources() -> None:
    assert verdict_of("The orchestra toured Japan with a new violinist.").verdict == "not_in_sources"


@pytest.mark.model
def test_compound_claim_is_split_and_judged_whole() -> None:
    result = check_claims(
        [SOURCE],
        "Varnian mercenaries arrived in Ostrela on Monday and the council expelled the envoy.",
        PUBLISHED,
    )
    assert [c.verdict for c in result.claims] == ["supported", "contradicted"]
    assert result.verdict == "contradicted"
    assert result.claims[1].text.startswith("the council")


@pytest.mark.model
def test_pairs_keep_going_past_bad_records() -> None:
    records = [
        {"id": "a", "doc": SOURCE, "summary": "The council expelled the Varnian envoy."},
        {"id": "b", "doc": "", "summary": "Anything."},
        {"id": "c", "doc": SOURCE, "summary": "Protesters painted the main bridge yellow and blue."},
    ]
    results = list(check_pairs(records))
    assert isinstance(results[0], CheckResult) and results[0].verdict == "contradicted"
    assert isinstance(results[1], InputError) and "b" in str(results[1])
    assert isinstance(results[2], CheckResult) and results[2].verdict == "supported"


def test_empty_claim_is_refused() -> None:
    with pytest.raises(InputError):
        check_claims([SOURCE], "   ")
    with pytest.raises(InputError):
        check_claims([], "Anything.")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", "check", *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.model
def test_cli_pairs_and_claim(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    good = {"id": "p1", "doc": SOURCE, "summary": "The council expelled the Varnian envoy."}
    pairs.write_text(json.dumps(good) + "\nnot json\n", encoding="utf-8")
    run = _cli("--pairs", str(pairs))
    assert run.returncode == 1, run.stderr
    assert "pairs.jsonl:2" in run.stderr and "not JSON" in run.stderr
    (line,) = run.stdout.splitlines()
    assert json.loads(line)["id"] == "p1" and json.loads(line)["verdict"] == "contradicted"

    source = tmp_path / "source.txt"
    source.write_text(SOURCE, encoding="utf-8")
    run = _cli("--source", str(source), "--claim", "Protesters painted the main bridge green.")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["verdict"] == "contradicted"


@pytest.mark.model
def test_cli_claims_file_gives_a_result_per_line(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text(SOURCE, encoding="utf-8")
    claims = tmp_path / "claims.txt"
    claims.write_text(
        "The council expelled the Varnian envoy.\n\nProtesters painted the main bridge yellow and blue.\n",
        encoding="utf-8",
    )
    run = _cli("--source", str(source), "--claims", str(claims), "--published", PUBLISHED)
    assert run.returncode == 0, run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["verdict"] for r in results] == ["contradicted", "supported"]
    assert [r["id"] for r in results] == [f"{claims}:1", f"{claims}:3"]


def test_cli_claim_without_source_is_a_usage_error() -> None:
    run = _cli("--claim", "Anything.")
    assert run.returncode == 2 and "--source" in run.stderr


def test_the_library_takes_the_same_verdict_choice_as_the_command_line() -> None:
    claim = "The council expelled the Varnian envoy."
    learned = check_claims([SOURCE], claim, published=PUBLISHED)  # the default: the learned verdict
    rules = check_claims([SOURCE], claim, published=PUBLISHED, verdict="rules")
    # A finding is never overruled by the learned verdict: both read the denial the source states.
    assert learned.verdict == rules.verdict == "contradicted"
    with pytest.raises(ConfigError, match="expected 'learned' or 'rules'"):
        check_claims([SOURCE], claim, verdict="model")
