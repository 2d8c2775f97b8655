"""`newsgraph about` as a user runs it: a subprocess that prints versions, models, data and licences
without loading the spaCy model or building the gazetteer."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from clirun import newsgraph

from newsgraph import __version__, provenance


def test_about_prints_versions_models_and_every_provenance_entry() -> None:
    run = newsgraph("about")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert f"newsgraph {__version__}" in out
    assert platform.python_version() in out
    assert f"spacy     {metadata.version('spacy')}" in out
    assert "en_core_web_md (default)" in out and "en_core_web_sm" in out
    assert "gazetteer cache:" in out
    man = provenance.manifest()
    for entry in (*man.files, *man.external):
        assert f"{entry.key}: {entry.licence};" in out, entry.key
    assert "THIRD_PARTY.md" in out


def test_about_json_is_the_same_report(tmp_path: Path) -> None:
    # An empty cache directory: the report says the cache is not built, and `about` does not build it.
    run = newsgraph("about", "--json", env={"NEWSGRAPH_CACHE": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    info = json.loads(run.stdout)
    assert info["newsgraph"] == __version__
    assert info["spacy"] == metadata.version("spacy")
    cache = info["gazetteer_cache"]
    assert cache["built"] is False and cache["path"].startswith(str(tmp_path))
    assert list(tmp_path.iterdir()) == []
    assert [d["file"] for d in info["data"]] == [e.key for e in provenance.manifest().files]
    assert {d["licence"] for d in info["data"]} >= {"MIT", "CC-BY-4.0"}
    models = {m["name"]: m for m in info["models"]}
    assert models["en_core_web_md"]["default"] is True
    for m in models.values():
        # Installed or not, the report says which, without loading anything.
        assert (m["version"] is None) == (m["package"] is None)


def test_about_does_not_load_spacy() -> None:
    # `about` must stay cheap: spaCy's import alone takes seconds, and the model far longer.
    code = (
        "import sys; from newsgraph.cli import main; main(['about', '--json']); "
        "sys.stderr.write('SPACY' if 'spacy' in sys.modules else 'NO-SPACY')"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr.endswith("NO-SPACY"), run.stderr


def test_about_help_has_a_description_and_an_example() -> None:
    run = newsgraph("about", "--help")
    assert run.returncode == 0
    assert "licence" in run.stdout and "examples:" in run.stdout and "newsgraph about --json" in run.stdout
    listing = newsgraph("--help")
    assert "about" in listing.stdout
