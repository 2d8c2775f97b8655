"""A name that ends in a firm's legal form is a body's (stages/entities/orgs.py), on names written for these
tests."""

from __future__ import annotations

import pytest

from newsgraph.stages.entities.orgs import _ends_in_legal_form


@pytest.mark.parametrize(
    "name", ["Koelwerk BV", "Kieler Elektroschiff GmbH", "Baltrans UAB", "Agrocampo SA", "Norvale S.A."]
)
def test_a_name_ending_in_a_firms_legal_form_is_a_body_whatever_the_model_typed_it(name: str) -> None:
    assert _ends_in_legal_form(name)
    assert not _ends_in_legal_form(name.split()[-1])  # the form alone is no name


@pytest.mark.parametrize("name", ["Maria Sa", "Tove Ab", "Ana Se"])
def test_a_short_form_in_a_name_counts_only_in_capitals(name: str) -> None:
    assert not _ends_in_legal_form(name)
