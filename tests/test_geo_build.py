"""The gazetteer build refuses a bad coordinate with a message naming where it is and what was expected."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from newsgraph.errors import ConfigError
from newsgraph.geo import build
from newsgraph.geo.build import _degrees


def test_a_number_of_degrees_in_range_is_read_as_it_is() -> None:
    assert _degrees("points.tsv: line 4", "lat", "12.5") == 12.5
    assert _degrees("points.tsv: line 4", "lon", "-179.25") == -179.25
    assert _degrees("cities.json: city '7'", "latitude", 48.85) == 48.85


@pytest.mark.parametrize(
    ("column", "found", "expected"),
    [
        ("lat", "12,5", "from -90 to 90"),
        ("lat", "", "from -90 to 90"),
        ("lat", "95.0", "from -90 to 90"),
        ("lon", "nan", "from -180 to 180"),
        ("longitude", 200.0, "from -180 to 180"),
    ],
)
def test_a_bad_coordinate_names_where_it_is_what_was_found_and_expected(
    column: str, found: str | float, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        _degrees("geo/data/admin_points.tsv: line 17", column, found)
    message = str(caught.value)
    assert "geo/data/admin_points.tsv: line 17" in message
    assert f"column {column!r}" in message
    assert repr(found) in message
    assert expected in message


def _admin_points_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """geo/data/admin_points.tsv as `text`: build reads the package's files from tmp_path."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "admin_points.tsv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(build, "resources", SimpleNamespace(files=lambda _package: tmp_path))


def test_the_admin_points_error_counts_comment_lines_and_blank_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _admin_points_file(
        tmp_path,
        monkeypatch,
        "# made up for the test\n"
        "kind\tcountry\tadmin1\tadmin2\tlat\tlon\n"
        "country\tAA\t\t\t10.5\t20.25\n"
        "\n"
        "adm1\tAA\tNorth\t\t11.0\tnorth-east\n",
    )
    with pytest.raises(ConfigError, match=r"admin_points.tsv: line 5, column 'lon': 'north-east'"):
        build._admin_points()


def test_good_admin_points_are_read_by_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _admin_points_file(
        tmp_path,
        monkeypatch,
        "kind\tcountry\tadmin1\tadmin2\tlat\tlon\ncountry\tAA\t\t\t10.5\t20.25\nadm1\tAA\tNorth\t\t11\t-3\n",
    )
    countries, provinces, counties = build._admin_points()
    assert countries == {"AA": (10.5, 20.25)}
    assert provinces == {("AA", "North"): (11.0, -3.0)}
    assert counties == {}
